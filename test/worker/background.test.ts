import { env, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { Aggregate } from '../../schemas/aggregate.js';
import { TEMPLATES, withWijken } from '../../schemas/bank.js';
import { ledgerFor } from '../../worker/ledger-stub.js';
import type { Ledger } from '../../worker/ledger.js';
import { createTables } from '../../worker/ledger/schema.js';
import { aggregate, call } from './helpers.js';

/**
 * The background fields leeftijd and wijk as dimensions like the others: asked or set by the embed,
 * checked, broken down, filtered, weighted and protected. Expected values are computed by hand in the
 * comments, not by the code under test.
 */
const Q = 'achtergrond';
const WIJKEN = [
  { id: 'noord', name: 'Noord' },
  { id: 'zuid', name: 'Zuid' },
  { id: 'krispijn', name: 'Krispijn' },
];

type Line = { leeftijd: string; wijk: string; cijfer: number };

function ndjson(lines: Line[], day = '2019-03-15'): string {
  return lines
    .map((l) =>
      JSON.stringify({
        submissionId: crypto.randomUUID(),
        questionnaireId: Q,
        version: 1,
        channel: 'telefoon',
        submittedAt: `${day}T12:00:00+01:00`,
        // The age is answered, the wijk set as known context (an interviewer's list).
        answers: { tot_cijfer: l.cijfer, tot_aanraden: 'ja', ctx_leeftijd: l.leeftijd },
        context: { team: 'crabbehof', wijk: l.wijk },
      }),
    )
    .join('\n');
}

const times = (n: number, l: Line): Line[] => Array.from({ length: n }, () => l);

beforeAll(async () => {
  const created = await call('/v1/admin/questionnaires', {
    method: 'POST',
    token: 'demo-admin',
    json: { definition: { ...withWijken(TEMPLATES['sociaal-team'], WIJKEN), id: Q }, publish: true },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  // Jonger dan 45: 30 × a 6; 45–64: 30 × an 8; 65 of ouder: 40 × a 9. Noord 60, zuid 36, krispijn 4.
  const lines = [
    ...times(30, { leeftijd: 'jonger_dan_45', wijk: 'noord', cijfer: 6 }),
    ...times(30, { leeftijd: '45_64', wijk: 'noord', cijfer: 8 }),
    ...times(36, { leeftijd: '65_plus', wijk: 'zuid', cijfer: 9 }),
    ...times(4, { leeftijd: '65_plus', wijk: 'krispijn', cijfer: 9 }),
  ];
  const res = await call(`/v1/import?questionnaire=${Q}`, {
    method: 'POST',
    token: 'demo-admin',
    body: ndjson(lines),
    headers: { 'Content-Type': 'application/x-ndjson' },
  });
  expect(await res.json()).toMatchObject({ stored: 100, refused: 0 });
});

const MARCH = `questionnaire=${Q}&from=2019-03-01&to=2019-03-31`;

describe('leeftijd and wijk', () => {
  it('break down and filter like every other dimension', async () => {
    const byAge = await aggregate(`${MARCH}&groupBy=leeftijd`);
    expect(Aggregate.parse(byAge)).toBeTruthy();
    const means = Object.fromEntries(byAge.groups.map((g: any) => [g.key, [g.n, g.items.tot_cijfer.mean]]));
    expect(means).toEqual({ jonger_dan_45: [30, 6], '45_64': [30, 8], '65_plus': [40, 9] });
    // (30 × 6 + 30 × 8 + 40 × 9) / 100 = 7.8
    expect(byAge.items.tot_cijfer.mean).toBe(7.8);
    const noord = await aggregate(`${MARCH}&wijk=noord`);
    expect(noord.n).toBe(60);
    expect(noord.items.tot_cijfer.mean).toBe(7);
    const old = await aggregate(`${MARCH}&leeftijd=65_plus&wijk=zuid`);
    expect(old.n).toBe(36);
  });

  it('refuses values off the lists, and stores nothing for them', async () => {
    const bad = await call(`/v1/aggregates?${MARCH}&leeftijd=70_plus`, { token: 'demo-admin' });
    expect(bad.status).toBe(400);
    const before = (await aggregate(MARCH)).n;
    const submit = (context: Record<string, string>, answers: Record<string, unknown> = {}) =>
      call('/v1/responses', {
        method: 'POST',
        json: {
          siteKey: 'demo-site',
          submissionId: crypto.randomUUID(),
          questionnaireId: Q,
          version: 1,
          answers: { tot_cijfer: 7, tot_aanraden: 'ja', ...answers },
          context,
        },
      });
    const offList = await submit({ team: 'crabbehof', wijk: 'oost' });
    expect(offList.status).toBe(422);
    expect(await offList.json()).toMatchObject({ error: { code: 'invalid_value', issues: [{ path: ['context', 'wijk'] }] } });
    const badAge = await submit({ team: 'crabbehof', leeftijd: '70_plus' });
    expect(badAge.status).toBe(400);
    expect(await badAge.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const badAnswer = await submit({ team: 'crabbehof' }, { ctx_leeftijd: 'oud' });
    expect(badAnswer.status).toBe(422);
    // Not on this short questionnaire's list: it has no wijk question, so no wijk can be checked.
    const noList = await call('/v1/responses', {
      method: 'POST',
      json: {
        siteKey: 'demo-site',
        submissionId: crypto.randomUUID(),
        questionnaireId: 'sociaal-team-kort',
        version: 1,
        answers: { tot_cijfer: 7, tot_aanraden: 'ja' },
        context: { wijk: 'noord' },
      },
    });
    expect(noList.status).toBe(422);
    expect((await aggregate(MARCH)).n).toBe(before);
    const good = await submit({ team: 'crabbehof', wijk: 'krispijn', leeftijd: '45_64' });
    expect(good.status).toBe(201);
    const all = await aggregate(`questionnaire=${Q}&wijk=krispijn&leeftijd=45_64`);
    expect(all.n).toBe(1);
  });

  it('weight to the population by age, with the effective n beside the real n', async () => {
    const put = await call(`/v1/weights?questionnaire=${Q}`, {
      method: 'PUT',
      token: 'demo-admin',
      json: { margins: { leeftijd: { jonger_dan_45: 500, '45_64': 300, '65_plus': 200 } } },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const a = await aggregate(`${MARCH}&weighted=1`);
    // Shares 0.5 / 0.3 / 0.2 against 0.3 / 0.3 / 0.4: weights 5/3, 1, 1/2 (inside 0.3–3).
    // Mean 0.5 × 6 + 0.3 × 8 + 0.2 × 9 = 7.2; Kish 100² / (30 × 25/9 + 30 × 1 + 40 × 1/4) = 81.08.
    expect(a.items.tot_cijfer).toMatchObject({ n: 100, nEffective: 81.1, mean: 7.2 });
    expect(a.weighting.dimensions).toEqual(['leeftijd']);
    await call(`/v1/weights?questionnaire=${Q}`, { method: 'PUT', token: 'demo-admin', json: { margins: {} } });
  });

  it('are protected for a partner: a small wijk is hidden, and so is the smallest other one', async () => {
    const res = await call(`/v1/aggregates?${MARCH}&groupBy=wijk`, { token: 'demo-viewer' });
    expect(res.status, await res.clone().text()).toBe(200);
    const groups = Object.fromEntries(((await res.json()) as any).groups.map((g: any) => [g.key, g]));
    // Krispijn has 4 (below k = 10); with noord and the total shown, zuid (36) would give it away.
    expect(groups.krispijn).toMatchObject({ suppressed: true });
    expect(groups.zuid).toMatchObject({ suppressed: true });
    expect(groups.noord.suppressed).toBeUndefined();
    expect(Math.abs(groups.noord.n - 60)).toBeLessThanOrEqual(2);
    const filtered = await call(`/v1/aggregates?${MARCH}&wijk=krispijn`, { token: 'demo-viewer' });
    expect(await filtered.json()).toMatchObject({ suppressed: true });
    // The gemeente sees exact figures, and small cells hidden the same way.
    const exact = await aggregate(`${MARCH}&groupBy=wijk`);
    expect(Object.fromEntries(exact.groups.map((g: any) => [g.key, g.n ?? 'verborgen']))).toEqual({
      noord: 60,
      zuid: 'verborgen',
      krispijn: 'verborgen',
    });
    expect((await aggregate(`${MARCH}&wijk=zuid`)).n).toBe(36);
  });

  it('come with the export: a leeftijd and a wijk column', async () => {
    const res = await call(`/v1/export/responses.csv?questionnaire=${Q}`, { token: 'demo-admin' });
    expect(res.status).toBe(200);
    const [header, ...rows] = (await res.text()).trim().split(/\r?\n/);
    const cols = header.replace(/^\uFEFF/, '').split(',');
    const age = cols.indexOf('leeftijd');
    const wijk = cols.indexOf('wijk');
    expect(age).toBeGreaterThan(0);
    expect(wijk).toBeGreaterThan(0);
    const pairs = rows.map((r) => `${r.split(',')[age]}/${r.split(',')[wijk]}`);
    expect(pairs.filter((p) => p === '65_plus/krispijn')).toHaveLength(4);
  });
});

describe('a ledger from before the background fields', () => {
  it('gets them as unknown, keeping every count', async () => {
    const ledger = ledgerFor(env, 'demo', 'sociaal-team-kort');
    for (let i = 0; i < 12; i++) {
      const res = await call('/v1/responses', {
        method: 'POST',
        json: {
          siteKey: 'demo-site',
          submissionId: crypto.randomUUID(),
          questionnaireId: 'sociaal-team-kort',
          version: 1,
          answers: { tot_cijfer: 8, tot_aanraden: 'ja' },
          context: { team: 'oost' },
        },
      });
      expect(res.status).toBe(201);
    }
    const before = await aggregate('questionnaire=sociaal-team-kort&groupBy=team');
    const columns = await runInDurableObject(ledger, (_: Ledger, state: DurableObjectState) => {
      const sql = state.storage.sql;
      // The shape of a ledger before leeftijd and wijk: those columns out of every table and cube key.
      for (const table of ['responses', 'open_texts']) {
        sql.exec(`ALTER TABLE ${table} DROP COLUMN leeftijd`);
        sql.exec(`ALTER TABLE ${table} DROP COLUMN wijk`);
      }
      const dims = 'partner, team, contact, status, role, channel';
      for (const cube of ['cube', 'cube_month']) {
        sql.exec(`ALTER TABLE ${cube} RENAME TO ${cube}_new`);
        sql.exec(`CREATE TABLE ${cube} (day TEXT NOT NULL, partner TEXT NOT NULL, team TEXT NOT NULL, contact TEXT NOT NULL,
          status TEXT NOT NULL, role TEXT NOT NULL, channel TEXT NOT NULL, item TEXT NOT NULL, value TEXT NOT NULL,
          count INTEGER NOT NULL, keysum INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (day, ${dims}, item, value)) WITHOUT ROWID`);
        sql.exec(`INSERT INTO ${cube} SELECT day, ${dims}, item, value, count, keysum FROM ${cube}_new`);
        sql.exec(`DROP TABLE ${cube}_new`);
      }
      const old = sql.exec<{ name: string }>('PRAGMA table_info(cube)').toArray().length;
      createTables(sql);
      const names = (t: string) =>
        sql
          .exec<{ name: string }>(`PRAGMA table_info(${t})`)
          .toArray()
          .map((c) => c.name);
      return { old, cube: names('cube'), month: names('cube_month'), responses: names('responses'), texts: names('open_texts') };
    });
    expect(columns.old).toBe(11);
    for (const t of [columns.cube, columns.month, columns.responses, columns.texts])
      expect(t).toEqual(expect.arrayContaining(['leeftijd', 'wijk']));
    const after = await aggregate('questionnaire=sociaal-team-kort&groupBy=team');
    expect(after).toEqual(before);
    const unknown = await aggregate('questionnaire=sociaal-team-kort&groupBy=leeftijd');
    expect(unknown.groups.map((g: any) => [g.key, g.n])).toEqual([['_onbekend', before.n]]);
  });
});
