import type { Answers } from '../../schemas/questionnaire.js';
import { backfillKey, newSalt } from '../disclosure/keys.js';
import { DIMENSIONS } from '../ledger-types.js';
import { monthOf } from '../report/rollup.js';
import { cellsOf } from './cells.js';
import { readMeta } from './schema.js';

// Record keys for responses stored before disclosure control: derived once from a secret salt of the
// ledger and each submission id (the same keys on a rerun), then the key sums of both cubes rebuilt.

/** Whether this ledger still has to give its responses record keys. */
export function needsRecordKeys(sql: SqlStorage): boolean {
  return readMeta(sql, 'rkeys') === undefined;
}

/** The keys to give, computed outside the transaction (hashing is asynchronous). */
export async function missingKeys(sql: SqlStorage): Promise<{ salt: string; keys: [string, number][] }> {
  const salt = readMeta(sql, 'rkey_salt') ?? newSalt();
  const ids = sql.exec<{ submission_id: string }>('SELECT submission_id FROM responses WHERE rkey IS NULL').toArray();
  const keys = await Promise.all(
    ids.map(async ({ submission_id }): Promise<[string, number]> => [submission_id, await backfillKey(salt, submission_id)]),
  );
  return { salt, keys };
}

/** Stores the keys, rebuilds every key sum from the responses and queues every month for release; the caller holds the transaction. */
export function applyRecordKeys(sql: SqlStorage, missing: { salt: string; keys: [string, number][] }): void {
  sql.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('rkey_salt', ?)", missing.salt);
  for (const [id, key] of missing.keys) sql.exec('UPDATE responses SET rkey = ? WHERE submission_id = ? AND rkey IS NULL', key, id);
  const match = DIMENSIONS.map((d) => `${d} = ?`).join(' AND ');
  for (const table of ['cube', 'cube_month']) sql.exec(`UPDATE ${table} SET keysum = 0`);
  for (const r of sql.exec<{ day: string; answers: string; texts: string; rkey: number } & Record<string, string>>(
    'SELECT * FROM responses',
  )) {
    const dims = DIMENSIONS.map((d) => r[d]);
    for (const [item, value] of cellsOf(JSON.parse(r.answers) as Answers, JSON.parse(r.texts) as Record<string, string>)) {
      for (const [table, day] of [
        ['cube', r.day],
        ['cube_month', monthOf(r.day)],
      ] as const) {
        sql.exec(
          `UPDATE ${table} SET keysum = keysum + ? WHERE day = ? AND ${match} AND item = ? AND value = ?`,
          r.rkey,
          day,
          ...dims,
          item,
          value,
        );
      }
    }
  }
  // Every month with responses is checked for its first releases before the next protected read.
  sql.exec('INSERT OR IGNORE INTO release_queue (partner, month) SELECT DISTINCT partner, substr(day, 1, 7) FROM cube_month');
  sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('rkeys', 'v1')");
}
