import type { CellFilter, GroupBy } from '../ledger-types.js';
import type { CubeCell } from '../report/stats.js';
import { recompute } from './query.js';

// Held responses (see worker/burst.ts): a burst from one source into one small selection is stored
// and counted like any response, so the gemeente admin's figures stay exact, but each of its rows
// carries the burst's id in `responses.held`. Protected audiences (partner viewers, public pages) read
// the figures without them until an admin accepts the burst; a rejected burst is deleted.

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

/** The cube cells the held responses of a selection count in, in the shape `readCells` returns. */
export function heldCells(sql: SqlStorage, filter: CellFilter, groupBy?: GroupBy): CubeCell[] {
  return recompute(sql, filter, groupBy, HELD);
}

/** Cube cells without the held responses' share: what a protected audience reads. */
export function withoutHeld(cells: CubeCell[], held: CubeCell[]): CubeCell[] {
  if (held.length === 0) return cells;
  const minus = new Map(held.map((c) => [`${c.group}\u0000${c.item}\u0000${c.value}`, c.count]));
  return cells
    .map((c) => ({ ...c, count: c.count - (minus.get(`${c.group}\u0000${c.item}\u0000${c.value}`) ?? 0) }))
    .filter((c) => c.count > 0);
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

/** Accepts a burst: its responses join what protected audiences read. Returns how many. */
export function acceptBurst(sql: SqlStorage, burst: string): number {
  return sql.exec('UPDATE responses SET held = NULL WHERE held = ? RETURNING submission_id', burst).toArray().length;
}
