-- PostgreSQL has no BLOB type, which the migrations (shared with H2) use for file contents.
-- A domain of that name over bytea lets the same scripts create the same tables here; Hibernate
-- reads and writes @Lob byte[] as bytea on PostgreSQL. Runs before every migrate: idempotent.
DO $$
BEGIN
    CREATE DOMAIN blob AS bytea;
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
