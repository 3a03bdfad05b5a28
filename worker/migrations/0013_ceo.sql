-- The yearly CEO: invite batches drawn from a population (a sample by letter), and which yearly reports exist.

-- One batch of invites: what it was drawn from, so the report can state population, sample and response.
CREATE TABLE invite_batches (
  id TEXT PRIMARY KEY,
  gemeente_id TEXT NOT NULL,
  questionnaire_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  team TEXT,
  label TEXT,
  -- e.g. "Cliënten met een maatwerkvoorziening in 2025"
  population TEXT,
  -- The size of that population, when the gemeente knows it (for the finite-population correction).
  population_size INTEGER,
  -- The year of service the batch was drawn for: answers with its invites count in that service year.
  service_year TEXT,
  count INTEGER NOT NULL,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX invite_batches_questionnaire ON invite_batches (gemeente_id, questionnaire_id);

ALTER TABLE invites ADD COLUMN batch_id TEXT REFERENCES invite_batches (id);
CREATE INDEX invites_batch ON invites (batch_id);

-- A yearly report, once made: the beheer reminder before 1 July reads whether this year's exists.
CREATE TABLE ceo_reports (
  gemeente_id TEXT NOT NULL,
  questionnaire_id TEXT NOT NULL,
  year TEXT NOT NULL,
  generated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (gemeente_id, questionnaire_id, year)
);
