import type { Answers } from '../../schemas/questionnaire.js';
import { newRecordKey } from '../disclosure/keys.js';
import { DIMENSIONS, type LedgerRecord } from '../ledger-types.js';
import { monthOf } from '../report/rollup.js';
import { cellsOf } from './cells.js';
import { forgetReleases, queueRelease } from './releases.js';

// Writes of the ledger: a response row, its open texts and its counts in the daily cube and the
// monthly roll-up go in and out together. The caller holds the transaction.

const DIMS = DIMENSIONS.join(', ');
/** One placeholder per dimension: the statements follow DIMENSIONS, whatever it holds. */
const DIM_ARGS = DIMENSIONS.map(() => '?').join(', ');
const CUBES = ['cube', 'cube_month'] as const;

/**
 * Stores a new response and counts it in both cubes. It gets a random record key, and every cube cell
 * it is counted in adds that key to its key sum: the cell keys of disclosure control come from there.
 */
export function storeResponse(sql: SqlStorage, rec: LedgerRecord): void {
  const dimValues = DIMENSIONS.map((k) => rec.dims[k]);
  const rkey = newRecordKey();
  sql.exec(
    `INSERT INTO responses (submission_id, version, day, ${DIMS}, flags, answers, texts, rkey)
     VALUES (?, ?, ?, ${DIM_ARGS}, ?, ?, ?, ?)`,
    rec.submissionId,
    rec.version,
    rec.day,
    ...dimValues,
    rec.flags,
    JSON.stringify(rec.answers),
    JSON.stringify(rec.texts),
    rkey,
  );
  const days = { cube: rec.day, cube_month: monthOf(rec.day) };
  for (const [item, value] of cellsOf(rec.answers, rec.texts)) {
    for (const table of CUBES) {
      sql.exec(
        `INSERT INTO ${table} (day, ${DIMS}, item, value, count, keysum) VALUES (?, ${DIM_ARGS}, ?, ?, 1, ?)
         ON CONFLICT DO UPDATE SET count = count + 1, keysum = keysum + excluded.keysum`,
        days[table],
        ...dimValues,
        item,
        value,
        rkey,
      );
    }
  }
  queueRelease(sql, rec.dims.partner, rec.day.slice(0, 7));
  for (const [item, text] of Object.entries(rec.texts)) {
    sql.exec(
      `INSERT INTO open_texts (submission_id, item, day, ${DIMS}, text) VALUES (?, ?, ?, ${DIM_ARGS}, ?)`,
      rec.submissionId,
      item,
      rec.day,
      ...dimValues,
      text,
    );
  }
}

/** Deletes the responses matching `where` and takes them out of both cubes; returns how many. */
export function removeResponses(sql: SqlStorage, where: string, args: (string | number)[]): number {
  const rows = sql
    .exec<{ submission_id: string; day: string; answers: string; texts: string; rkey: number } & Record<string, string>>(
      `SELECT * FROM responses WHERE ${where}`,
      ...args,
    )
    .toArray();
  const match = DIMENSIONS.map((d) => `${d} = ?`).join(' AND ');
  for (const r of rows) {
    const dimValues = DIMENSIONS.map((k) => r[k]);
    const days = { cube: r.day, cube_month: monthOf(r.day) };
    for (const [item, value] of cellsOf(JSON.parse(r.answers) as Answers, JSON.parse(r.texts) as Record<string, string>)) {
      for (const table of CUBES) {
        sql.exec(
          `UPDATE ${table} SET count = count - 1, keysum = keysum - ? WHERE day = ? AND ${match} AND item = ? AND value = ?`,
          r.rkey,
          days[table],
          ...dimValues,
          item,
          value,
        );
      }
    }
    sql.exec('DELETE FROM open_texts WHERE submission_id = ?', r.submission_id);
    sql.exec('DELETE FROM responses WHERE submission_id = ?', r.submission_id);
  }
  for (const table of CUBES) sql.exec(`DELETE FROM ${table} WHERE count <= 0`);
  forgetReleases(
    sql,
    rows.map((r) => ({ partner: r.partner, month: r.day.slice(0, 7) })),
  );
  return rows.length;
}
