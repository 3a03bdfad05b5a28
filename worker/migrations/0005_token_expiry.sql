-- Tokens may expire. Viewer and public tokens get a term when they are made; tokens from before, and
-- admin tokens unless asked, have none (NULL).
ALTER TABLE tokens ADD COLUMN expires_at TEXT;
