import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { mod32 } from '../../worker/disclosure/keys.js';
import { ledgerFor } from '../../worker/ledger-stub.js';
import { cellsOf } from '../../worker/ledger/cells.js';
import type { Ledger } from '../../worker/ledger.js';
import { call, submission } from './helpers.js';

const KORT = 'sociaal-team-kort';
const ledger = () => ledgerFor(env, 'demo', KORT);

/** Every cube cell's key sum against the sum of the record keys of the responses counted in it. */
function keySumsAgree(sql: SqlStorage): { cells: number; wrong: number; keys: Record<string, number> } {
  const expected = new Map<string, number>();
  const keys: Record<string, number> = {};
  for (const r of sql.exec<{ submission_id: string; day: string; team: string; answers: string; texts: string; rkey: number }>(
    'SELECT * FROM responses',
  )) {
    keys[r.submission_id] = r.rkey;
    for (const [item, value] of cellsOf(JSON.parse(r.answers), JSON.parse(r.texts))) {
      const id = `${r.day}|${r.team}|${item}|${value}`;
      expected.set(id, mod32((expected.get(id) ?? 0) + r.rkey));
    }
  }
  let wrong = 0;
  const rows = sql
    .exec<{ day: string; team: string; item: string; value: string; s: number }>(
      'SELECT day, team, item, value, SUM(keysum) % 4294967296 AS s FROM cube GROUP BY day, team, item, value',
    )
    .toArray();
  for (const r of rows) if (mod32(r.s) !== expected.get(`${r.day}|${r.team}|${r.item}|${r.value}`)) wrong++;
  return { cells: rows.length, wrong, keys };
}

describe('record keys', () => {
  it('every response gets one at insert, and every cube cell sums the keys it counts', async () => {
    for (let i = 0; i < 12; i++)
      expect(
        (await call('/v1/responses', { method: 'POST', json: submission({ context: { team: ['centrum', 'oost'][i % 2] } }) })).status,
      ).toBe(201);
    const check = await runInDurableObject(ledger(), (_: Ledger, state: DurableObjectState) => keySumsAgree(state.storage.sql));
    expect(check.cells).toBeGreaterThan(10);
    expect(check.wrong).toBe(0);
    expect(new Set(Object.values(check.keys)).size).toBe(12);
  });

  it('a ledger from before record keys gets them once, the same on a rerun, and its key sums rebuilt', async () => {
    const forget = (state: DurableObjectState) => {
      const sql = state.storage.sql;
      sql.exec('UPDATE responses SET rkey = NULL');
      sql.exec('UPDATE cube SET keysum = 0');
      sql.exec('UPDATE cube_month SET keysum = 0');
      sql.exec("DELETE FROM meta WHERE key = 'rkeys'");
    };
    const first = await runInDurableObject(ledger(), async (instance: Ledger, state: DurableObjectState) => {
      forget(state);
      await instance.giveRecordKeys();
      return keySumsAgree(state.storage.sql);
    });
    expect(first.wrong).toBe(0);
    expect(Object.values(first.keys).every((k) => Number.isInteger(k) && k >= 0 && k < 2 ** 32)).toBe(true);
    const again = await runInDurableObject(ledger(), async (instance: Ledger, state: DurableObjectState) => {
      forget(state);
      await instance.giveRecordKeys();
      return keySumsAgree(state.storage.sql);
    });
    expect(again.keys).toEqual(first.keys);
    // Every month with responses is queued for its first releases.
    const queued = await runInDurableObject(
      ledger(),
      (_: Ledger, state: DurableObjectState) => state.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM release_queue').one().n,
    );
    expect(queued).toBeGreaterThan(0);
  });
});
