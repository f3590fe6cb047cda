-- The company a user in several organizations last chose to act for (the shell's switcher). Null:
-- the first enabled one by alias. A preference only: the server checks membership on every call.
ALTER TABLE app_user ADD COLUMN active_tenant_id BIGINT;
ALTER TABLE app_user ADD CONSTRAINT fk_app_user_active_tenant
    FOREIGN KEY (active_tenant_id) REFERENCES tenant (id);
