-- The language a user chose for the app (the header's 中文 / English switch), as a BCP 47 tag
-- ('en', 'zh-CN'). Null: not chosen yet, the browser's Accept-Language decides.
ALTER TABLE app_user ADD COLUMN language VARCHAR(16);
