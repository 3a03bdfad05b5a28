import { createExecutionContext, env, runDurableObjectAlarm, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../schemas/errors.js';
import app from '../../worker/index.js';
import { ledgerFor } from '../../worker/ledger-stub.js';
import type { Ledger } from '../../worker/ledger.js';
import { ORIGIN, call, submission } from './helpers.js';

const KORT = 'sociaal-team-kort';

const ledger = (questionnaire = KORT) => ledgerFor(env, 'demo', questionnaire);
/** Stored responses and the cube's own respondent total; equal unless something drifted. */
const counts = (questionnaire = KORT) => ledger(questionnaire).counts();

const post = (json: unknown, init: Parameters<typeof call>[1] = {}) => call('/v1/responses', { method: 'POST', json, ...init });

async function errorOf(res: Response): Promise<{ status: number; code: string; issues?: { code: string; item?: string }[] }> {
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  const body = await res.json<{ error: { code: string; issues?: { code: string; item?: string }[] } }>();
  expect(ERROR_CODES).toContain(body.error.code);
  return { status: res.status, code: body.error.code, issues: body.error.issues };
}

/** Sends a request that must be refused with `status` and `code` and must not store anything. */
async function refused(send: () => Promise<Response>, status: number, code: string, questionnaire = KORT) {
  const before = await counts(questionnaire);
  const err = await errorOf(await send());
  expect({ status: err.status, code: err.code }).toEqual({ status, code });
  expect(await counts(questionnaire)).toEqual(before);
  return err;
}

async function storedRow(id: string, questionnaire = KORT) {
  return runInDurableObject(
    ledger(questionnaire),
    (_: Ledger, state: DurableObjectState) =>
      state.storage.sql.exec<Record<string, string | number>>('SELECT * FROM responses WHERE submission_id = ?', id).toArray()[0],
  );
}

const sortedCells = (cells: { group: string; item: string; value: string; count: number }[]) =>
  [...cells].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

async function createInvites(body: Record<string, unknown>, token = 'demo-admin') {
  const res = await call('/v1/invites', { method: 'POST', json: { questionnaire: KORT, partner: 'sociaal-team', ...body }, token });
  expect(res.status).toBe(201);
  return res.json<{ invites: { token: string; link: string | null }[]; expiresAt: string; partner: string; team: string | null }>();
}

describe('POST /v1/responses refuses bad input with its own code and stores nothing', () => {
  it('unsupported_media_type without or with a wrong Content-Type', async () => {
    // A string body would get text/plain from fetch itself; bytes carry no Content-Type.
    const body = new TextEncoder().encode(JSON.stringify(submission()));
    await refused(() => call('/v1/responses', { method: 'POST', body }), 415, 'unsupported_media_type');
    await refused(
      () => call('/v1/responses', { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
      415,
      'unsupported_media_type',
    );
  });

  it('accepts text/plain, which sendBeacon sends', async () => {
    const res = await call('/v1/responses', {
      method: 'POST',
      body: JSON.stringify(submission()),
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    });
    expect(res.status).toBe(201);
  });

  it('payload_too_large above 16 kB, also when the body is streamed without a length', async () => {
    const big = JSON.stringify(submission({ answers: { tot_cijfer: 8, tot_aanraden: 'ja', tot_beter: 'x'.repeat(17_000) } }));
    await refused(
      () => call('/v1/responses', { method: 'POST', body: big, headers: { 'Content-Type': 'application/json' } }),
      413,
      'payload_too_large',
    );
    const stream = new ReadableStream({
      start(ctl) {
        ctl.enqueue(new TextEncoder().encode(big));
        ctl.close();
      },
    });
    await refused(
      () =>
        call('/v1/responses', {
          method: 'POST',
          body: stream,
          headers: { 'Content-Type': 'application/json' },
          duplex: 'half',
        } as RequestInit),
      413,
      'payload_too_large',
    );
  });

  it('invalid_json for broken JSON and for bytes that are not UTF-8', async () => {
    await refused(
      () => call('/v1/responses', { method: 'POST', body: '{"siteKey": "demo-site",', headers: { 'Content-Type': 'application/json' } }),
      400,
      'invalid_json',
    );
    await refused(
      () =>
        call('/v1/responses', {
          method: 'POST',
          body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
          headers: { 'Content-Type': 'application/json' },
        }),
      400,
      'invalid_json',
    );
    await refused(
      () => call('/v1/responses', { method: 'POST', body: '', headers: { 'Content-Type': 'application/json' } }),
      400,
      'invalid_json',
    );
  });

  it('validation_failed for the wrong shape, with the path of each issue', async () => {
    const err = await refused(() => post(submission({ submissionId: 'not-a-uuid' })), 400, 'validation_failed');
    expect(err.issues?.[0]).toMatchObject({ path: ['submissionId'] });
    await refused(() => post(submission({ extra: 1 })), 400, 'validation_failed');
    await refused(() => post([submission()]), 400, 'validation_failed');
    await refused(() => post(null), 400, 'validation_failed');
    await refused(() => post(submission({ version: 0 })), 400, 'validation_failed');
    await refused(() => post(submission({ context: { team: 'crabbehof', ip: '10.0.0.1' } })), 400, 'validation_failed');
  });

  it('unknown_site_key for a missing, unknown or revoked key', async () => {
    const { siteKey: _, ...noKey } = submission();
    await refused(() => post(noKey), 400, 'validation_failed');
    await refused(() => post(submission({ siteKey: 'nope' })), 401, 'unknown_site_key');
    const created = await call('/v1/gemeenten/demo/site-keys', {
      method: 'POST',
      json: { partner: 'sociaal-team', origins: ['http://127.0.0.1:8787'] },
      token: 'demo-admin',
    });
    const { siteKey } = await created.json<{ siteKey: string }>();
    expect((await post(submission({ siteKey }))).status).toBe(201);
    await call(`/v1/gemeenten/demo/site-keys/${siteKey}`, { method: 'DELETE', token: 'demo-admin' });
    await refused(() => post(submission({ siteKey })), 401, 'unknown_site_key');
  });

  it('origin_not_allowed for a wrong or missing Origin', async () => {
    await refused(() => post(submission(), { origin: 'https://evil.example' }), 403, 'origin_not_allowed');
    await refused(() => post(submission(), { origin: null }), 403, 'origin_not_allowed');
    await refused(() => post(submission(), { origin: 'http://127.0.0.1:8787.evil.example' }), 403, 'origin_not_allowed');
  });

  it('questionnaire_not_found, version_not_found and team_not_allowed', async () => {
    await refused(() => post(submission({ questionnaireId: 'bestaat-niet' })), 404, 'questionnaire_not_found');
    await refused(() => post(submission({ version: 99 })), 404, 'version_not_found');
    await refused(() => post(submission({ context: { team: 'elders' } })), 422, 'team_not_allowed');
  });

  it('questionnaire_closed once the gemeente closed it', async () => {
    const setStatus = async (action: 'close' | 'open') =>
      expect((await call(`/v1/admin/questionnaires/${KORT}/${action}`, { method: 'POST', token: 'demo-admin' })).status).toBe(200);
    await setStatus('close');
    try {
      await refused(() => post(submission()), 410, 'questionnaire_closed');
    } finally {
      await setStatus('open');
    }
  });

  it('answer codes: unknown_item, invalid_value, required_missing, text_too_long, hidden_item_answered', async () => {
    const a = { tot_cijfer: 8, tot_aanraden: 'ja' };
    const unknown = await refused(() => post(submission({ answers: { ...a, geen_vraag: 3 } })), 422, 'unknown_item');
    expect(unknown.issues?.[0]).toMatchObject({ code: 'unknown_item', item: 'geen_vraag' });
    await refused(() => post(submission({ answers: { ...a, tot_cijfer: 11 } })), 422, 'invalid_value');
    await refused(() => post(submission({ answers: { ...a, tot_cijfer: 7.5 } })), 422, 'invalid_value');
    await refused(() => post(submission({ answers: { ...a, mw_serieus: 'misschien' } })), 422, 'invalid_value');
    await refused(() => post(submission({ answers: { tot_aanraden: 'ja' } })), 422, 'required_missing');
    await refused(() => post(submission({ answers: { ...a, tot_beter: 'x'.repeat(1001) } })), 422, 'text_too_long');
    // The embed set the team, so the team question was never shown.
    await refused(
      () => post(submission({ questionnaireId: 'sociaal-team', answers: { ...a, ctx_team: 'crabbehof' } })),
      422,
      'hidden_item_answered',
      'sociaal-team',
    );
  });

  it('method_not_allowed as JSON for other methods, never a text body', async () => {
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
      const err = await errorOf(await call('/v1/responses', { method }));
      expect({ method, status: err.status, code: err.code }).toEqual({ method, status: 405, code: 'method_not_allowed' });
    }
    const head = await call('/v1/responses', { method: 'HEAD' });
    expect(head.status).toBe(405);
  });
});

describe('abuse handling', () => {
  it('answers a filled-in honeypot as usual but stores nothing', async () => {
    const before = await counts();
    const res = await post(submission({ website: 'http://spam.example' }));
    expect(res.status).toBe(201);
    expect(await counts()).toEqual(before);
  });

  it('stores an implausibly fast completion with a flag instead of refusing it', async () => {
    const fast = submission({ elapsedMs: 300 });
    const calm = submission({ elapsedMs: 60_000 });
    expect((await post(fast)).status).toBe(201);
    expect((await post(calm)).status).toBe(201);
    expect((await storedRow(fast.submissionId)).flags).toBe(1);
    expect((await storedRow(calm.submissionId)).flags).toBe(0);
  });
});

describe('rate limiting', () => {
  it('rate_limited (429) once one client sends more than 120 a minute; nothing stored, others unaffected', async () => {
    // The test project switches limits off; this request runs the worker with them on.
    const limited = { ...env, PEIL_RATE_LIMIT: '1' } as unknown as Env;
    const send = async (address: string, body: Record<string, unknown>) => {
      const ctx = createExecutionContext();
      const req = new Request('http://peil.test/v1/responses', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'CF-Connecting-IP': address },
      });
      const res = await app.fetch(req, limited, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    };
    const statuses: number[] = [];
    // Honeypot submissions pass the limiter like any other but are never stored.
    for (let i = 0; i < 120; i++) statuses.push((await send('198.51.100.200', submission({ website: 'bot' }))).status);
    expect(statuses.every((s) => s === 201)).toBe(true);
    const before = await counts();
    const over = await send('198.51.100.200', submission());
    expect(await errorOf(over)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(await counts()).toEqual(before);
    expect((await send('198.51.100.201', submission())).status).toBe(201);
  });
});

describe('privacy of what is stored', () => {
  it('keeps no address, user agent or cookie, time only to the day, and open text scrubbed', async () => {
    const body = submission({
      answers: { tot_cijfer: 6, tot_aanraden: 'nee', tot_beter: 'Bel me op 06-12345678 of mail piet@example.nl' },
    });
    const res = await post(body, {
      headers: { 'CF-Connecting-IP': '203.0.113.9', 'User-Agent': 'TestBrowser/1.0', Cookie: 'sid=abc123' },
    });
    expect(res.status).toBe(201);
    const row = await storedRow(body.submissionId);
    const text = JSON.stringify(row);
    for (const secret of ['203.0.113.9', 'TestBrowser', 'abc123', '06-12345678', 'piet@example.nl']) expect(text).not.toContain(secret);
    expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(row).sort()).toEqual(
      // rkey: the random record key of disclosure control, nothing about the client; language: the one the
      // survey was shown in, which only the gemeente can filter on.
      [
        'answers',
        'channel',
        'contact',
        'day',
        'flags',
        'held',
        'leeftijd',
        'language',
        'partner',
        'rkey',
        'role',
        // The year of the service the answers are about (for figures by service year), not a date of the client.
        'service_year',
        'status',
        'submission_id',
        'team',
        'texts',
        'version',
        'wijk',
      ].sort(),
    );
    expect(res.headers.get('Set-Cookie')).toBeNull();
  });
});

describe('idempotency on submissionId', () => {
  it('answers a repeat with the original result and counts once', async () => {
    const body = submission();
    const before = await counts();
    const first = await post(body);
    const again = await post(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const [a, b] = [await first.json<any>(), await again.json<any>()];
    expect(b).toEqual({ ...a, status: 'duplicate' });
    expect(await counts()).toEqual({ responses: before.responses + 1, cube: before.cube + 1 });
  });

  it('counts 16 concurrent identical submissions once, all answered 200/201 with the same receivedOn', async () => {
    const body = submission();
    const before = await counts();
    const all = await Promise.all(Array.from({ length: 16 }, () => post(body)));
    const statuses = all.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(15);
    const bodies = await Promise.all(all.map((r) => r.json<{ receivedOn: string; submissionId: string }>()));
    expect(new Set(bodies.map((b) => b.receivedOn)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.submissionId))).toEqual(new Set([body.submissionId]));
    expect(await counts()).toEqual({ responses: before.responses + 1, cube: before.cube + 1 });
  });

  it('refuses the same submissionId with other answers (409 submission_conflict) and keeps the original', async () => {
    const body = submission();
    expect((await post(body)).status).toBe(201);
    const row = await storedRow(body.submissionId);
    const cells = sortedCells(await ledger().cells({}));
    await refused(() => post({ ...body, answers: { ...body.answers, tot_cijfer: 3 } }), 409, 'submission_conflict');
    await refused(() => post({ ...body, answers: { tot_cijfer: 8, tot_aanraden: 'ja' } }), 409, 'submission_conflict');
    await refused(() => post({ ...body, answers: { ...body.answers, tot_beter: 'Meer tijd' } }), 409, 'submission_conflict');
    expect(await storedRow(body.submissionId)).toEqual(row);
    expect(sortedCells(await ledger().cells({}))).toEqual(cells);
    // What the widget's outbox resends is the identical body: still the original 200.
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ submissionId: body.submissionId, status: 'duplicate', receivedOn: row.day });
  });

  it('stores one of concurrent submissions that share a submissionId but not their answers; the rest conflict', async () => {
    const submissionId = crypto.randomUUID();
    const before = await counts();
    const all = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((cijfer) => post(submission({ submissionId, answers: { tot_cijfer: cijfer, tot_aanraden: 'ja' } }))),
    );
    expect(all.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of all.filter((r) => r.status === 409)) expect((await errorOf(r)).code).toBe('submission_conflict');
    expect(await counts()).toEqual({ responses: before.responses + 1, cube: before.cube + 1 });
  });

  it('refuses an imported line that reuses a stored submissionId with other answers, and stores the rest', async () => {
    const line = (submissionId: string, cijfer: number) =>
      JSON.stringify({
        submissionId,
        questionnaireId: KORT,
        version: 1,
        channel: 'telefoon',
        answers: { tot_cijfer: cijfer, tot_aanraden: 'ja' },
        context: {},
      });
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    const before = await counts();
    const res = await call(`/v1/import?questionnaire=${KORT}`, {
      method: 'POST',
      token: 'demo-admin',
      body: [line(a, 7), line(a, 7), line(a, 4), line(b, 9)].join('\n'),
      headers: { 'Content-Type': 'application/x-ndjson' },
    });
    const report = await res.json<{
      stored: number;
      duplicates: number;
      refused: number;
      refusedLines: { line: number; code: string; submissionId?: string }[];
    }>();
    expect([report.stored, report.duplicates, report.refused]).toEqual([2, 1, 1]);
    expect(report.refusedLines.map((l) => [l.line, l.code, l.submissionId])).toEqual([[3, 'submission_conflict', a]]);
    expect(await counts()).toEqual({ responses: before.responses + 2, cube: before.cube + 2 });
  });

  it('counts concurrent different submissions each once', async () => {
    const before = await counts();
    const all = await Promise.all(Array.from({ length: 10 }, () => post(submission())));
    expect(all.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(await counts()).toEqual({ responses: before.responses + 10, cube: before.cube + 10 });
  });
});

describe('CORS is bound to the site keys’ origins', () => {
  it('lets a known origin read the answer and preflight, and no one else', async () => {
    const preflight = (origin: string) =>
      call('/v1/responses', {
        method: 'OPTIONS',
        origin,
        headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
    const ok = await preflight('http://localhost:8787');
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:8787');
    expect(ok.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const refusedPost = await post(submission(), { origin: 'https://evil.example' });
    expect(refusedPost.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const accepted = await post(submission());
    expect(accepted.headers.get('Access-Control-Allow-Origin')).toBe('http://127.0.0.1:8787');
  });
});

describe('one-time invites', () => {
  it('creates tokens with ready links to Peil’s hosted page, or to the partner’s own page given', async () => {
    const made = await createInvites({ count: 3 });
    expect(made.invites).toHaveLength(3);
    expect(new Set(made.invites.map((i) => i.token)).size).toBe(3);
    for (const i of made.invites) expect(i.link).toBe(`http://peil.test/s/demo-site/${KORT}?peil-invite=${encodeURIComponent(i.token)}`);
    const custom = await createInvites({ url: 'http://localhost:8787/enquete?taal=nl' });
    expect(custom.invites[0].link).toBe(`http://localhost:8787/enquete?taal=nl&peil-invite=${encodeURIComponent(custom.invites[0].token)}`);
    const row = await env.DB.prepare('SELECT hash FROM invites WHERE hash = ?').bind(made.invites[0].token).first();
    expect(row).toBeNull();
  });

  it('refuses a link outside the partner’s origins and a team of another partner', async () => {
    const res = await call('/v1/invites', {
      method: 'POST',
      token: 'demo-admin',
      json: { questionnaire: KORT, partner: 'sociaal-team', url: 'https://evil.example/' },
    });
    expect((await errorOf(res)).code).toBe('validation_failed');
    const team = await call('/v1/invites', {
      method: 'POST',
      token: 'demo-admin',
      json: { questionnaire: KORT, partner: 'sociaal-team', team: 'elders' },
    });
    expect(await errorOf(team)).toMatchObject({ status: 422, code: 'team_not_allowed' });
    const none = await call('/v1/invites', { method: 'POST', token: 'demo-admin', json: { questionnaire: KORT } });
    expect(await errorOf(none)).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('works once; a repeat of the same submission still gets its original 200', async () => {
    const [{ token }] = (await createInvites({})).invites;
    const body = submission({ invite: token });
    const first = await post(body);
    expect(first.status).toBe(201);
    const { receivedOn } = await first.json<{ receivedOn: string }>();
    const repeat = await post(body);
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toEqual({ submissionId: body.submissionId, status: 'duplicate', receivedOn });
    await refused(() => post(submission({ invite: token })), 409, 'invite_used');
  });

  it('refuses a repeat of the invite’s submission with other answers as submission_conflict', async () => {
    const [{ token }] = (await createInvites({})).invites;
    const body = submission({ invite: token });
    expect((await post(body)).status).toBe(201);
    await refused(() => post({ ...body, answers: { ...body.answers, tot_aanraden: 'nee' } }), 409, 'submission_conflict');
    expect((await post(body)).status).toBe(200);
  });

  it('of concurrent different submissions with one invite, exactly one is stored', async () => {
    const [{ token }] = (await createInvites({})).invites;
    const before = await counts();
    const all = await Promise.all(Array.from({ length: 8 }, () => post(submission({ invite: token }))));
    const statuses = all.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(7).fill(409)]);
    expect(await counts()).toEqual({ responses: before.responses + 1, cube: before.cube + 1 });
  });

  it('counts concurrent repeats of one submission with its invite once', async () => {
    const [{ token }] = (await createInvites({})).invites;
    const body = submission({ invite: token });
    const before = await counts();
    const all = await Promise.all(Array.from({ length: 6 }, () => post(body)));
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.every((r) => [200, 201, 409].includes(r.status))).toBe(true);
    expect(await counts()).toEqual({ responses: before.responses + 1, cube: before.cube + 1 });
  });

  it('refuses an unknown invite, one for another questionnaire, an expired one and one for another team', async () => {
    await refused(() => post(submission({ invite: 'inv_bestaat_niet' })), 403, 'invite_invalid');
    const [{ token: other }] = (await createInvites({ questionnaire: 'sociaal-team' })).invites;
    await refused(() => post(submission({ invite: other })), 403, 'invite_invalid');
    const [{ token: old }] = (await createInvites({})).invites;
    await env.DB.prepare(
      "UPDATE invites SET expires_at = '2000-01-01T00:00:00.000Z' WHERE used_at IS NULL AND questionnaire_id = ? AND team IS NULL",
    )
      .bind(KORT)
      .run();
    await refused(() => post(submission({ invite: old })), 410, 'invite_expired');
    const [{ token: teamInvite }] = (await createInvites({ team: 'oost' })).invites;
    await refused(() => post(submission({ invite: teamInvite, context: { team: 'krispijn' } })), 403, 'invite_invalid');
  });

  it('fills the team from the invite when the embed does not name one', async () => {
    const [{ token }] = (await createInvites({ team: 'oost' })).invites;
    const body = submission({ invite: token, context: {} });
    expect((await post(body)).status).toBe(201);
    expect((await storedRow(body.submissionId)).team).toBe('oost');
  });

  it('does not spend an invite on a refused or honeypot submission', async () => {
    const [{ token }] = (await createInvites({})).invites;
    await refused(() => post(submission({ invite: token, answers: { tot_cijfer: 99, tot_aanraden: 'ja' } })), 422, 'invalid_value');
    expect((await post(submission({ invite: token, website: 'x' }))).status).toBe(201);
    expect((await post(submission({ invite: token }))).status).toBe(201);
  });

  it('lets a partner token create invites only for its own partner and report their use', async () => {
    const own = await createInvites({ partner: undefined }, 'demo-viewer');
    expect(own.partner).toBe('sociaal-team');
    const other = await call('/v1/invites', { method: 'POST', token: 'demo-viewer', json: { questionnaire: KORT, partner: 'ander' } });
    expect(await errorOf(other)).toMatchObject({ status: 403, code: 'forbidden' });
    const stats = await call(`/v1/invites?questionnaire=${KORT}`, { token: 'demo-viewer' });
    const s = await stats.json<{ total: number; used: number; expired: number; open: number }>();
    expect(s.total).toBeGreaterThanOrEqual(1);
    expect(s.total).toBe(s.used + s.expired + s.open);
  });
});

describe('deleting one response', () => {
  it('removes it from the responses and the counts', async () => {
    const body = submission();
    await post(body);
    const before = await counts();
    const res = await call(`/v1/responses/${body.submissionId}?questionnaire=${KORT}`, { method: 'DELETE', token: 'demo-admin' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ submissionId: body.submissionId, deleted: true });
    expect(await counts()).toEqual({ responses: before.responses - 1, cube: before.cube - 1 });
    expect(await storedRow(body.submissionId)).toBeUndefined();
    const again = await call(`/v1/responses/${body.submissionId}?questionnaire=${KORT}`, { method: 'DELETE', token: 'demo-admin' });
    expect(await errorOf(again)).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('refuses a bad id, an unknown questionnaire, a partner token and no token', async () => {
    const id = crypto.randomUUID();
    const bad = await call(`/v1/responses/nope?questionnaire=${KORT}`, { method: 'DELETE', token: 'demo-admin' });
    expect(await errorOf(bad)).toMatchObject({ status: 400, code: 'validation_failed' });
    const noQ = await call(`/v1/responses/${id}`, { method: 'DELETE', token: 'demo-admin' });
    expect(await errorOf(noQ)).toMatchObject({ status: 400, code: 'validation_failed' });
    const unknown = await call(`/v1/responses/${id}?questionnaire=bestaat-niet`, { method: 'DELETE', token: 'demo-admin' });
    expect(await errorOf(unknown)).toMatchObject({ status: 404, code: 'questionnaire_not_found' });
    const viewer = await call(`/v1/responses/${id}?questionnaire=${KORT}`, { method: 'DELETE', token: 'demo-viewer' });
    expect(await errorOf(viewer)).toMatchObject({ status: 403, code: 'forbidden' });
    const anon = await call(`/v1/responses/${id}?questionnaire=${KORT}`, { method: 'DELETE' });
    expect(await errorOf(anon)).toMatchObject({ status: 401, code: 'unauthorized' });
  });
});

describe('retention', () => {
  const Q = 'sociaal-team';
  const line = (submittedAt: string) =>
    JSON.stringify({
      submissionId: crypto.randomUUID(),
      questionnaireId: Q,
      version: 1,
      channel: 'telefoon',
      submittedAt,
      answers: { tot_cijfer: 7, tot_aanraden: 'ja' },
      context: { team: 'centrum' },
    });
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

  it('sets retention per questionnaire, deleting at once what is now too old', async () => {
    const imported = await call(`/v1/import?questionnaire=${Q}`, {
      method: 'POST',
      token: 'demo-admin',
      body: [line(daysAgo(500)), line(daysAgo(100)), line(daysAgo(2))].join('\n'),
      headers: { 'Content-Type': 'application/x-ndjson' },
    });
    expect((await imported.json<{ stored: number }>()).stored).toBe(3);
    const before = await counts(Q);
    const res = await call(`/v1/retention?questionnaire=${Q}`, { method: 'PUT', token: 'demo-admin', json: { days: 365 } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ questionnaire: Q, retentionDays: 365, deleted: 1 });
    expect(await counts(Q)).toEqual({ responses: before.responses - 1, cube: before.cube - 1 });
    const read = await call(`/v1/retention?questionnaire=${Q}`, { token: 'demo-admin' });
    expect(await read.json()).toEqual({ questionnaire: Q, retentionDays: 365 });
  });

  it('deletes expired responses when the ledger’s daily alarm runs', async () => {
    await call(`/v1/retention?questionnaire=${Q}`, { method: 'PUT', token: 'demo-admin', json: { days: 30 } });
    // Imported after the retention was set: only the alarm can delete these.
    const imported = await call(`/v1/import?questionnaire=${Q}`, {
      method: 'POST',
      token: 'demo-admin',
      body: [line(daysAgo(60)), line(daysAgo(45)), line(daysAgo(1))].join('\n'),
      headers: { 'Content-Type': 'application/x-ndjson' },
    });
    expect((await imported.json<{ stored: number }>()).stored).toBe(3);
    const before = await counts(Q);
    expect(await runDurableObjectAlarm(ledger(Q))).toBe(true);
    const after = await counts(Q);
    expect(after.responses).toBe(before.responses - 2);
    expect(after.cube).toBe(after.responses);
    const oldest = await runInDurableObject(
      ledger(Q),
      (_: Ledger, state: DurableObjectState) => state.storage.sql.exec<{ day: string }>('SELECT MIN(day) AS day FROM responses').one().day,
    );
    expect(oldest >= daysAgo(31).slice(0, 10)).toBe(true);
    // The alarm rescheduled itself for the next day.
    expect(await runInDurableObject(ledger(Q), (_: Ledger, state: DurableObjectState) => state.storage.getAlarm())).not.toBeNull();
  });

  it('refuses invalid retention, a partner token and unknown questionnaires', async () => {
    const zero = await call(`/v1/retention?questionnaire=${Q}`, { method: 'PUT', token: 'demo-admin', json: { days: 0 } });
    expect(await errorOf(zero)).toMatchObject({ status: 400, code: 'validation_failed' });
    const viewer = await call(`/v1/retention?questionnaire=${Q}`, { method: 'PUT', token: 'demo-viewer', json: { days: 10 } });
    expect(await errorOf(viewer)).toMatchObject({ status: 403, code: 'forbidden' });
    const unknown = await call('/v1/retention?questionnaire=bestaat-niet', { method: 'PUT', token: 'demo-admin', json: { days: 10 } });
    expect(await errorOf(unknown)).toMatchObject({ status: 404, code: 'questionnaire_not_found' });
  });
});
