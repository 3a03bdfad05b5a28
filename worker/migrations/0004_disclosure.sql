-- Disclosure control: a read-only `public` token role for figures embedded on public pages, and a
-- gemeente setting that open texts reach partner viewers only after an admin released them.
-- SQLite cannot change a CHECK constraint in place, so the tokens table is rebuilt.
CREATE TABLE tokens_new (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE, -- SHA-256 of the token; the token itself is shown once
  role TEXT NOT NULL CHECK (role IN ('operator', 'admin', 'viewer', 'public')),
  gemeente_id TEXT,
  partner_id TEXT,
  label TEXT NOT NULL DEFAULT '',
  hint TEXT NOT NULL DEFAULT '', -- last characters, to tell tokens apart in a list
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  revoked_at TEXT
);
INSERT INTO tokens_new (id, hash, role, gemeente_id, partner_id, label, hint, created_at, revoked_at)
  SELECT id, hash, role, gemeente_id, partner_id, label, hint, created_at, revoked_at FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_new RENAME TO tokens;

-- 1: open texts reach viewers only once an admin released them ("vrijgeven"); 0: after the usual release rule.
ALTER TABLE gemeenten ADD COLUMN open_text_review INTEGER NOT NULL DEFAULT 0 CHECK (open_text_review IN (0, 1));
