-- PostgreSQL has no BLOB type, which the migrations (shared with H2) use for file contents.
-- A domain of that name over bytea lets the same scripts create the same tables here; the
-- application binds the contents as bytes (DocumentContent), which both columns take. Runs
-- before every migrate: idempotent.
DO $$
BEGIN
    CREATE DOMAIN blob AS bytea;
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
