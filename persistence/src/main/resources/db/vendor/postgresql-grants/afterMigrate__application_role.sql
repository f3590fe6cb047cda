-- The application connects as its own role (${app_user}), not as the owner that migrates: it may
-- read and write the tables, but neither change nor truncate the audit trail. Events leave it only
-- by the retention purge (DELETE, oldest first), which the chain head records (docs/audit.md).
-- Runs after every migrate, so tables added later are granted too.
GRANT USAGE ON SCHEMA public TO "${app_user}";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${app_user}";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${app_user}";
REVOKE ALL ON "${flyway:table}" FROM "${app_user}";
REVOKE UPDATE, TRUNCATE ON audit_event, audit_event_document FROM "${app_user}";
