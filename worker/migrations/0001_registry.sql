-- The registry: who may submit, who may read, and the published questionnaire versions.
-- Responses themselves live in the ledger Durable Objects, not here.

CREATE TABLE gemeenten (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  k INTEGER NOT NULL DEFAULT 10 CHECK (k >= 5),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE partners (
  gemeente_id TEXT NOT NULL REFERENCES gemeenten (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  -- Fills {organisatie}: "het sociaal team", extended with the team name when a team is known.
  organisatie TEXT NOT NULL,
  PRIMARY KEY (gemeente_id, id)
);

CREATE TABLE teams (
  gemeente_id TEXT NOT NULL,
  id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (gemeente_id, id),
  FOREIGN KEY (gemeente_id, partner_id) REFERENCES partners (gemeente_id, id)
);

CREATE TABLE site_keys (
  key TEXT PRIMARY KEY,
  gemeente_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  origins TEXT NOT NULL, -- JSON array of exact origins
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  revoked_at TEXT,
  FOREIGN KEY (gemeente_id, partner_id) REFERENCES partners (gemeente_id, id)
);

CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE, -- SHA-256 of the token; the token itself is shown once
  role TEXT NOT NULL CHECK (role IN ('operator', 'admin', 'viewer')),
  gemeente_id TEXT,
  partner_id TEXT,
  label TEXT NOT NULL DEFAULT '',
  hint TEXT NOT NULL DEFAULT '', -- last characters, to tell tokens apart in a list
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  revoked_at TEXT
);

CREATE TABLE questionnaires (
  gemeente_id TEXT NOT NULL REFERENCES gemeenten (id),
  id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  retention_days INTEGER NOT NULL DEFAULT 730 CHECK (retention_days >= 1),
  draft TEXT, -- JSON definition being edited, NULL when none
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (gemeente_id, id)
);

CREATE TABLE questionnaire_versions (
  gemeente_id TEXT NOT NULL,
  questionnaire_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  definition TEXT NOT NULL, -- immutable once published
  published_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (gemeente_id, questionnaire_id, version),
  FOREIGN KEY (gemeente_id, questionnaire_id) REFERENCES questionnaires (gemeente_id, id)
);

CREATE TRIGGER questionnaire_versions_immutable
BEFORE UPDATE ON questionnaire_versions
BEGIN
  SELECT RAISE(ABORT, 'published versions are immutable');
END;

CREATE TABLE invites (
  hash TEXT PRIMARY KEY,
  gemeente_id TEXT NOT NULL,
  questionnaire_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  team TEXT,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
