-- Personal accounts for beheer: people sign in with passkeys; API tokens stay for scripts.

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  gemeente_id TEXT NOT NULL REFERENCES gemeenten (id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('beheerder', 'onderzoeker', 'beleid', 'partner')),
  -- Only the partner role has one: the partner whose figures and invites the account sees.
  partner_id TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  disabled_at TEXT,
  UNIQUE (gemeente_id, email)
);

-- One-time setup links, stored hashed like tokens. A new link replaces the account's passkeys once used.
CREATE TABLE account_setups (
  hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id),
  expires_at TEXT NOT NULL,
  used_at TEXT
);

CREATE TABLE passkeys (
  id TEXT PRIMARY KEY, -- credential id, base64url
  account_id TEXT NOT NULL REFERENCES accounts (id),
  public_key TEXT NOT NULL, -- COSE public key, base64url
  counter INTEGER NOT NULL DEFAULT 0,
  transports TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  last_used_at TEXT
);
CREATE INDEX passkeys_account ON passkeys (account_id);

-- Challenges are single-use: verifying deletes the row, so a replayed WebAuthn response finds none.
CREATE TABLE webauthn_challenges (
  challenge TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('register', 'login')),
  setup_hash TEXT,
  expires_at TEXT NOT NULL
);

CREATE TABLE sessions (
  hash TEXT PRIMARY KEY, -- SHA-256 of the cookie value
  account_id TEXT NOT NULL REFERENCES accounts (id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL -- absolute end, however active the session is
);
CREATE INDEX sessions_account ON sessions (account_id);

-- Who changed or exported what, and when. Never answers or bodies: the method, the path with its ids,
-- the questionnaire or partner named in the query, and the status.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  gemeente_id TEXT,
  at TEXT NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('account', 'token')),
  actor_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  method TEXT NOT NULL,
  route TEXT NOT NULL,
  path TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL
);
CREATE INDEX audit_log_gemeente ON audit_log (gemeente_id, id);
