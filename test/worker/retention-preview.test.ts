import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ledgerFor } from '../../worker/ledger-stub.js';
import { call } from './helpers.js';

const Q = 'sociaal-team-kort';
const DAY_MS = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString();

const interview = (submittedAt: string) =>
  JSON.stringify({
    submissionId: crypto.randomUUID(),
    questionnaireId: Q,
    version: 1,
    channel: 'papier',
    submittedAt,
    answers: { tot_cijfer: 8, tot_aanraden: 'ja' },
    context: { team: 'oost' },
  });

describe('retention preview', () => {
  it('says what a shorter period would delete, deletes nothing, and the change then deletes exactly that', async () => {
    const lines = [interview(daysAgo(200)), interview(daysAgo(120)), interview(daysAgo(100)), interview(daysAgo(5))];
    const imported = await call(`/v1/import?questionnaire=${Q}`, {
      method: 'POST',
      token: 'demo-admin',
      body: lines.join('\n'),
      headers: { 'Content-Type': 'application/x-ndjson' },
    });
    expect((await imported.json<{ stored: number }>()).stored).toBe(4);
    const before = await ledgerFor(env, 'demo', Q).counts();

    const res = await call(`/v1/retention/preview?questionnaire=${Q}&days=90`, { token: 'demo-admin' });
    expect(res.status).toBe(200);
    const preview = await res.json<{ wouldDelete: number; keepsFrom: string; retentionDays: number }>();
    expect(preview).toMatchObject({ wouldDelete: 3, retentionDays: 730 });
    expect(preview.keepsFrom).toBe(daysAgo(90).slice(0, 10));
    expect(await ledgerFor(env, 'demo', Q).counts()).toEqual(before);

    const set = await call(`/v1/retention?questionnaire=${Q}`, { method: 'PUT', token: 'demo-admin', json: { days: 90 } });
    expect((await set.json<{ deleted: number }>()).deleted).toBe(preview.wouldDelete);
  });

  it('is for the gemeente admin, and refuses a period that is not a whole number of days', async () => {
    expect((await call(`/v1/retention/preview?questionnaire=${Q}&days=90`, { token: 'demo-viewer' })).status).toBe(403);
    const bad = await call(`/v1/retention/preview?questionnaire=${Q}&days=0`, { token: 'demo-admin' });
    expect((await bad.json<{ error: { code: string } }>()).error.code).toBe('validation_failed');
  });
});
