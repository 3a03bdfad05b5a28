import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ledgerFor } from '../../worker/ledger-stub.js';
import { removeResponses, storeResponse } from '../../worker/ledger/cube.js';
import { lowerCaseIds } from '../../worker/ledger/schema.js';
import type { Ledger } from '../../worker/ledger.js';
import type { LedgerRecord } from '../../worker/ledger-types.js';
import { call, submission } from './helpers.js';

const KORT = 'sociaal-team-kort';
const counts = () => ledgerFor(env, 'demo', KORT).counts();

const storedIds = (questionnaire = KORT) =>
  runInDurableObject(ledgerFor(env, 'demo', questionnaire), (_: Ledger, state: DurableObjectState) =>
    state.storage.sql
      .exec<{ id: string }>('SELECT submission_id AS id FROM responses')
      .toArray()
      .map((r) => r.id),
  );

const upper = (id: string) => id.toUpperCase();

describe('UUIDs are compared without regard to case', () => {
  it('POST /v1/responses: the same UUID in capitals is a repeat, not a second response', async () => {
    const id = crypto.randomUUID();
    const before = await counts();
    expect((await call('/v1/responses', { method: 'POST', json: submission({ submissionId: id }) })).status).toBe(201);
    const again = await call('/v1/responses', { method: 'POST', json: submission({ submissionId: upper(id) }) });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ submissionId: id, status: 'duplicate' });
    expect((await counts()).responses).toBe(before.responses + 1);
  });

  it('stores a UUID sent in capitals in lower case, and deletes it by either spelling', async () => {
    const id = crypto.randomUUID();
    const res = await call('/v1/responses', { method: 'POST', json: submission({ submissionId: upper(id) }) });
    expect(await res.json()).toMatchObject({ submissionId: id, status: 'stored' });
    expect(await storedIds()).toContain(id);
    expect(await storedIds()).not.toContain(upper(id));
    const del = await call(`/v1/responses/${upper(id)}?questionnaire=${KORT}`, { method: 'DELETE', token: 'demo-admin' });
    expect(del.status).toBe(200);
    expect(await storedIds()).not.toContain(id);
  });

  it('POST /v1/import: a line with a UUID already stored in another case is a duplicate', async () => {
    const id = crypto.randomUUID();
    const line = (submissionId: string) =>
      JSON.stringify({
        submissionId,
        questionnaireId: KORT,
        version: 1,
        channel: 'papier',
        answers: { tot_cijfer: 6, tot_aanraden: 'nee' },
        context: { team: 'oost' },
      });
    const first = await call(`/v1/import?questionnaire=${KORT}`, {
      method: 'POST',
      token: 'demo-admin',
      headers: { 'Content-Type': 'application/x-ndjson' },
      body: line(id),
    });
    expect(await first.json()).toMatchObject({ stored: 1, refused: 0 });
    const other = crypto.randomUUID();
    const res = await call(`/v1/import?questionnaire=${KORT}`, {
      method: 'POST',
      token: 'demo-admin',
      headers: { 'Content-Type': 'application/x-ndjson' },
      body: [line(upper(id)), line(upper(other)), line(other)].join('\n'),
    });
    expect(await res.json()).toMatchObject({ stored: 1, duplicates: 2, refused: 0 });
    expect((await storedIds()).filter((s) => s.toLowerCase() === other)).toEqual([other]);
  });

  it('a ledger from before lower-cases its ids once, and takes a copy stored in both spellings out of the counts', async () => {
    const Q = 'sociaal-team';
    const record = (submissionId: string): LedgerRecord => ({
      submissionId,
      version: 1,
      day: '2026-03-02',
      dims: {
        partner: 'sociaal-team',
        team: 'oost',
        contact: '',
        status: '',
        role: '',
        channel: 'web',
        leeftijd: '',
        wijk: '',
        service_year: '',
        language: 'nl',
      },
      flags: 0,
      answers: { tot_cijfer: 8 },
      texts: { tot_beter: 'sneller' },
    });
    const [twice, once] = [crypto.randomUUID(), crypto.randomUUID()];
    const ledger = ledgerFor(env, 'demo', Q);
    const before = await ledger.counts();
    // As an older ledger holds them: one UUID in both spellings (counted twice), another in capitals only.
    await runInDurableObject(ledger, (_: Ledger, state: DurableObjectState) => {
      for (const id of [twice, upper(twice), upper(once)]) storeResponse(state.storage.sql, record(id));
    });
    expect(await ledger.counts()).toEqual({ responses: before.responses + 3, cube: before.cube + 3 });
    await runInDurableObject(ledger, (_: Ledger, state: DurableObjectState) => {
      const sql = state.storage.sql;
      sql.exec("DELETE FROM meta WHERE key = 'ids'");
      lowerCaseIds(sql, (id) => removeResponses(sql, 'submission_id = ?', [id]));
    });
    expect(await ledger.counts()).toEqual({ responses: before.responses + 2, cube: before.cube + 2 });
    const ids = await storedIds(Q);
    expect(ids).toEqual(expect.arrayContaining([twice, once]));
    expect(ids.filter((id) => id !== id.toLowerCase())).toEqual([]);
    const texts = await runInDurableObject(ledger, (_: Ledger, state: DurableObjectState) =>
      state.storage.sql
        .exec<{ id: string }>('SELECT submission_id AS id FROM open_texts')
        .toArray()
        .map((r) => r.id),
    );
    expect(texts.filter((id) => id.toLowerCase() === twice || id.toLowerCase() === once).sort()).toEqual([twice, once].sort());
  });
});
