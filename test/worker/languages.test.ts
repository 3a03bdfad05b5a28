import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { SOCIAAL_TEAM_KORT } from '../../schemas/bank.js';
import { TRANSLATION_LANGUAGES } from '../../schemas/constants.js';
import { ledgerFor } from '../../worker/ledger-stub.js';
import { createTables } from '../../worker/ledger/schema.js';
import type { Ledger } from '../../worker/ledger.js';
import { readCsv } from '../support/csv-reader.js';
import { aggregate, call, submission } from './helpers.js';

// The language a client answered in: accepted with the response, counted per language for the
// gemeente, refused as a filter for partners and the public, exported; and what a definition lacks.

const Q = 'sociaal-team-kort';

async function importIn(language: string | undefined, count: number) {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      submissionId: crypto.randomUUID(),
      questionnaireId: Q,
      version: 1,
      channel: 'telefoon',
      ...(language ? { language } : {}),
      answers: { tot_cijfer: 5 + (i % 5), tot_aanraden: 'ja' },
      context: { team: 'krispijn' },
    }),
  );
  const res = await call(`/v1/import?questionnaire=${Q}`, {
    method: 'POST',
    token: 'demo-admin',
    body: lines.join('\n'),
    headers: { 'Content-Type': 'application/x-ndjson' },
  });
  expect(await res.json()).toMatchObject({ stored: count, refused: 0 });
}

describe('the language of a response', () => {
  it('is kept with a web response and an interview, counted per language for the gemeente, and exported', async () => {
    const web = await call('/v1/responses', { method: 'POST', json: submission({ language: 'ar', context: { team: 'krispijn' } }) });
    expect(web.status).toBe(201);
    const unknown = await call('/v1/responses', { method: 'POST', json: submission({ language: 'fr' }) });
    expect([unknown.status, (await unknown.json<any>()).error.code]).toEqual([400, 'validation_failed']);

    await importIn('ar', 11);
    await importIn('tr', 10);
    await importIn(undefined, 10);

    const byLanguage = await aggregate(`questionnaire=${Q}&groupBy=language`);
    const n = Object.fromEntries(byLanguage.groups.map((g: { key: string; n: number }) => [g.key, g.n]));
    expect(n).toEqual({ ar: 12, tr: 10, _onbekend: 10 });
    expect((await aggregate(`questionnaire=${Q}&language=ar`)).n).toBe(12);
    expect((await aggregate(`questionnaire=${Q}&language=tr&groupBy=team`)).n).toBe(10);

    const csv = readCsv(await (await call(`/v1/export/responses.csv?questionnaire=${Q}`, { token: 'demo-admin' })).text());
    const column = csv[0].indexOf('language');
    expect(column).toBeGreaterThan(0);
    const counts: Record<string, number> = {};
    for (const row of csv.slice(1)) counts[row[column]] = (counts[row[column]] ?? 0) + 1;
    expect(counts).toEqual({ ar: 12, tr: 10, '': 10 });
  });

  it('comes to a ledger from before languages were kept as unknown, every count of its cubes kept', async () => {
    const FULL = 'sociaal-team';
    const answers = { tot_cijfer: 7, tot_aanraden: 'ja' };
    expect((await call('/v1/responses', { method: 'POST', json: submission({ questionnaireId: FULL, answers }) })).status).toBe(201);
    const ledger = ledgerFor(env, 'demo', FULL);
    const before = await ledger.counts();
    await runInDurableObject(ledger, (_: Ledger, state: DurableObjectState) => {
      const sql = state.storage.sql;
      // The tables as an older ledger has them: no language column, none in the cubes' key.
      const old = 'day, partner, team, contact, status, role, channel, item, value';
      for (const cube of ['cube', 'cube_month']) {
        sql.exec(`CREATE TABLE old_cube AS SELECT ${old}, count, keysum FROM ${cube}`);
        sql.exec(`DROP TABLE ${cube}`);
        sql.exec(
          `CREATE TABLE ${cube} (${old
            .split(', ')
            .map((c) => `${c} TEXT NOT NULL`)
            .join(', ')}, count INTEGER NOT NULL, keysum INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (${old})) WITHOUT ROWID`,
        );
        sql.exec(`INSERT INTO ${cube} SELECT * FROM old_cube`);
        sql.exec('DROP TABLE old_cube');
      }
      for (const table of ['responses', 'open_texts']) sql.exec(`ALTER TABLE ${table} DROP COLUMN language`);
      createTables(sql);
      for (const table of ['cube', 'cube_month', 'responses']) {
        expect(sql.exec(`SELECT DISTINCT language FROM ${table}`).toArray(), table).toEqual([{ language: '' }]);
      }
    });
    expect(await ledger.counts()).toEqual(before);
    const res = await call('/v1/responses', { method: 'POST', json: submission({ questionnaireId: FULL, answers, language: 'pl' }) });
    expect(res.status).toBe(201);
    // Small groups hide their figures, not their keys; the top-level n of a selection is always shown.
    const groups = (await aggregate(`questionnaire=${FULL}&groupBy=language`)).groups.map((g: { key: string }) => g.key);
    expect(groups).toEqual(['pl', '_onbekend']);
    expect((await aggregate(`questionnaire=${FULL}&language=pl`)).n).toBe(1);
  });

  it('is no filter or breakdown for a partner viewer: few clients answer in each language', async () => {
    for (const query of ['groupBy=language', 'language=ar']) {
      const res = await call(`/v1/aggregates?questionnaire=${Q}&${query}`, { token: 'demo-viewer' });
      expect([res.status, (await res.json<any>()).error.code], query).toEqual([400, 'combination_not_allowed']);
    }
  });
});

describe('missing translations', () => {
  it('lists per language the texts a questionnaire and its draft lack, for the editor', async () => {
    const admin = '/v1/admin/questionnaires/sociaal-team-kort';
    const full = await (await call(admin, { token: 'demo-admin' })).json<any>();
    expect(Object.keys(full.missingTranslations.definition).sort()).toEqual([...TRANSLATION_LANGUAGES].sort());
    for (const lang of TRANSLATION_LANGUAGES) expect(full.missingTranslations.definition[lang], lang).toEqual([]);
    expect(full.missingTranslations.draft).toBeNull();

    expect((await call(`${admin}/draft`, { method: 'POST', token: 'demo-admin' })).status).toBe(201);
    const section = SOCIAAL_TEAM_KORT.sections[0];
    const extra = { id: 'extra_vraag', type: 'stelling', text: { nl: 'Ik kom graag terug.', en: 'I like coming back.' } };
    const put = await call(`${admin}/draft`, {
      method: 'PUT',
      token: 'demo-admin',
      json: { ...SOCIAAL_TEAM_KORT, sections: [{ ...section, items: [...section.items, extra] }] },
    });
    expect(put.status).toBe(200);
    const draft = await (await call(`${admin}/draft`, { token: 'demo-admin' })).json<any>();
    const lacking = { path: ['sections', 0, 'items', section.items.length, 'text'], item: 'extra_vraag', nl: 'Ik kom graag terug.' };
    expect(draft.missingTranslations).toEqual({ en: [], tr: [lacking], ar: [lacking], pl: [lacking], uk: [lacking] });
    expect((await (await call(admin, { token: 'demo-admin' })).json<any>()).missingTranslations.draft).toEqual(draft.missingTranslations);
    expect((await call(`${admin}/draft`, { method: 'DELETE', token: 'demo-admin' })).status).toBe(200);
  });
});
