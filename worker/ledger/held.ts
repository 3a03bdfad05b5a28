import { queueRelease } from './releases.js';

// Held responses (see worker/burst.ts): a burst from one source into one small selection is stored
// and counted like any response, so the gemeente admin's figures stay exact, but each of its rows
// carries the burst's id in `responses.held`. Protected audiences (partner viewers, public pages) read
// the figures without them (ledger/releases.ts leaves them out of the table and every release) until an
// admin accepts the burst; a rejected burst is deleted.

/** SQL condition of the responses protected audiences must not see yet. */
export const HELD = 'held IS NOT NULL';

/** Adds the `held` column to a ledger that does not have it yet; run at every start of the object. */
export function addHeldColumn(sql: SqlStorage): void {
  const columns = sql.exec<{ name: string }>('PRAGMA table_info(responses)').toArray();
  if (!columns.some((c) => c.name === 'held')) sql.exec('ALTER TABLE responses ADD COLUMN held TEXT');
  // Few rows are held: a partial index finds them without reading the others.
  sql.exec(`CREATE INDEX IF NOT EXISTS responses_held ON responses (held, day) WHERE ${HELD}`);
}

/** Marks stored responses as held in a burst. */
export function holdResponses(sql: SqlStorage, submissionIds: string[], burst: string): void {
  for (const id of submissionIds) sql.exec('UPDATE responses SET held = ? WHERE submission_id = ?', burst, id);
}

export interface HeldBurst {
  burst: string;
  count: number;
  /** First and last day a response of the burst arrived. */
  from: string;
  to: string;
  partner: string;
  team: string;
}

/** The held responses, per burst, newest first. */
export function heldBursts(sql: SqlStorage): HeldBurst[] {
  return sql
    .exec<{ burst: string; count: number; from: string; to: string; partner: string; team: string }>(
      `SELECT held AS burst, COUNT(*) AS count, MIN(day) AS "from", MAX(day) AS "to", MIN(partner) AS partner, MIN(team) AS team
         FROM responses WHERE ${HELD} GROUP BY held ORDER BY MAX(day) DESC, held`,
    )
    .toArray();
}

/**
 * Accepts a burst: its responses join what protected audiences read, with the next due release of
 * their months (queued here). Returns how many.
 */
export function acceptBurst(sql: SqlStorage, burst: string): number {
  const rows = sql
    .exec<{ partner: string; day: string }>('UPDATE responses SET held = NULL WHERE held = ? RETURNING partner, day', burst)
    .toArray();
  for (const r of rows) queueRelease(sql, r.partner, r.day.slice(0, 7));
  return rows.length;
}
