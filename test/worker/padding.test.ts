import { createExecutionContext, env, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { rolling12Cell } from '../../worker/disclosure/periods.js';
import app from '../../worker/index.js';
import { dutchDay } from '../../worker/ingest.js';
import { ledgerFor } from '../../worker/ledger-stub.js';
import { HELD } from '../../worker/ledger/held.js';
import { recompute } from '../../worker/ledger/query.js';
import { eligibleTexts, monthCounts, snapshotOf } from '../../worker/ledger/releases.js';
import type { Ledger } from '../../worker/ledger.js';
import { ORIGIN, aggregate, call, submission } from './helpers.js';

const KORT = 'sociaal-team-kort';
const ledger = () => ledgerFor(env, 'demo', KORT);

async function siteKey(settings: Record<string, unknown>) {
  const res = await call('/v1/gemeenten/demo/site-keys', {
    method: 'POST',
    token: 'demo-admin',
    json: { partner: 'sociaal-team', origins: [ORIGIN], ...settings },
  });
  expect(res.status).toBe(201);
  return (await res.json<{ siteKey: string }>()).siteKey;
}

/** A submission as a browser sends it, from one address. */
const submit = (body: Record<string, unknown>, address?: string) =>
  call('/v1/responses', { method: 'POST', json: body, headers: address ? { 'CF-Connecting-IP': address } : {} });

async function heldNow() {
  const res = await call(`/v1/held?questionnaire=${KORT}`, { token: 'demo-admin' });
  expect(res.status).toBe(200);
  return res.json<{ held: number; bursts: { burst: string; count: number; from: string; to: string; partner: string; team: string }[] }>();
}

const nFor = async (team: string, token: string) => (await aggregate(`questionnaire=${KORT}&team=${team}`, token)).n as number;

/**
 * A team's respondents as the protected table counts them: what every figure of a partner viewer or
 * public page is released and perturbed from (its figures themselves are perturbed and released per k).
 */
const protectedN = (team: string) =>
  runInDurableObject(ledger(), (_: Ledger, state: DurableObjectState) =>
    monthCounts(state.storage.sql, 'sociaal-team')
      .filter((c) => c.dims.team === team)
      .reduce((sum, c) => sum + c.n, 0),
  );

async function invite(team: string) {
  const res = await call('/v1/invites', {
    method: 'POST',
    token: 'demo-admin',
    json: { questionnaire: KORT, partner: 'sociaal-team', team },
  });
  return (await res.json<{ invites: { token: string }[] }>()).invites[0].token;
}

describe('invites-only site keys', () => {
  it('refuses a submission without an invite with 403 invite_required and stores nothing; takes one with an invite', async () => {
    const key = await siteKey({ inviteRequired: true });
    const before = await ledger().counts();
    const res = await submit(submission({ siteKey: key }));
    expect(res.status).toBe(403);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('invite_required');
    expect(await ledger().counts()).toEqual(before);
    expect((await submit(submission({ siteKey: key, invite: await invite('crabbehof') }))).status).toBe(201);
    // The served questionnaire says so, so the widget can tell a client before the first question.
    expect((await (await call(`/v1/questionnaires/${KORT}?siteKey=${key}`)).json<{ inviteRequired?: boolean }>()).inviteRequired).toBe(
      true,
    );
    expect(
      (await (await call(`/v1/questionnaires/${KORT}?siteKey=demo-site`)).json<{ inviteRequired?: boolean }>()).inviteRequired,
    ).toBeUndefined();
    const list = await (
      await call('/v1/gemeenten/demo/site-keys', { token: 'demo-admin' })
    ).json<{ siteKeys: { siteKey: string; inviteRequired: boolean; kiosk: boolean }[] }>();
    expect(list.siteKeys.find((s) => s.siteKey === key)).toMatchObject({ inviteRequired: true, kiosk: false });
  });

  it('is switched with PATCH, which leaves what the body does not name as it was', async () => {
    const key = await siteKey({ inviteRequired: true });
    const patch = (json: unknown) => call(`/v1/gemeenten/demo/site-keys/${key}`, { method: 'PATCH', token: 'demo-admin', json });
    const off = await patch({ inviteRequired: false });
    expect(await off.json()).toEqual({ siteKey: key, origins: [ORIGIN], inviteRequired: false, kiosk: false });
    expect((await submit(submission({ siteKey: key }))).status).toBe(201);
    expect(await (await patch({ kiosk: true })).json()).toEqual({ siteKey: key, origins: [ORIGIN], inviteRequired: false, kiosk: true });
    for (const bad of [{}, { inviteRequired: 'yes' }, { kiosk: 1 }, { origins: [] }]) expect((await patch(bad)).status).toBe(400);
  });
});

describe('burst holds', () => {
  it('holds a burst from one address into one team: stored, in the admin’s figures, out of the partner’s, until accepted', async () => {
    const team = 'krispijn';
    const [adminBefore, viewerBefore] = [await nFor(team, 'demo-admin'), await protectedN(team)];
    const bodies = Array.from({ length: 5 }, () => submission({ context: { team } }));
    for (const [i, b] of bodies.entries()) {
      expect((await submit(b, '198.51.100.7')).status).toBe(201);
      // Three from one source are not a burst yet.
      if (i === 2) expect(await protectedN(team)).toBe(viewerBefore + 3);
    }
    // A repeat is no new arrival, and the client is not told it was held.
    expect((await submit(bodies[4], '198.51.100.7')).status).toBe(200);
    // Another address, and the same address in another team, are other sources.
    expect((await submit(submission({ context: { team } }), '198.51.100.8')).status).toBe(201);
    expect((await submit(submission({ context: { team: 'wielwijk' } }), '198.51.100.7')).status).toBe(201);

    expect(await nFor(team, 'demo-admin')).toBe(adminBefore + 6);
    expect(await protectedN(team)).toBe(viewerBefore + 1);
    const { held, bursts } = await heldNow();
    expect(held).toBe(5);
    expect(bursts).toEqual([
      {
        burst: expect.stringMatching(/^burst_/),
        count: 5,
        from: expect.any(String),
        to: expect.any(String),
        partner: 'sociaal-team',
        team,
      },
    ]);

    const accepted = await call(`/v1/held/accept?questionnaire=${KORT}`, {
      method: 'POST',
      token: 'demo-admin',
      json: { burst: bursts[0].burst },
    });
    expect(await accepted.json()).toEqual({ questionnaire: KORT, burst: bursts[0].burst, accepted: 5 });
    expect(await protectedN(team)).toBe(viewerBefore + 6);
    expect(await heldNow()).toMatchObject({ held: 0, bursts: [] });
    const again = await call(`/v1/held/accept?questionnaire=${KORT}`, {
      method: 'POST',
      token: 'demo-admin',
      json: { burst: bursts[0].burst },
    });
    expect(again.status).toBe(404);
  });

  it('a rejected burst is deleted and leaves the counts', async () => {
    const team = 'centrum';
    const before = await ledger().counts();
    const adminBefore = await nFor(team, 'demo-admin');
    for (let i = 0; i < 4; i++) expect((await submit(submission({ context: { team } }), '198.51.100.20')).status).toBe(201);
    const { bursts } = await heldNow();
    expect(bursts.map((b) => b.count)).toEqual([4]);
    const rejected = await call(`/v1/held/reject?questionnaire=${KORT}`, {
      method: 'POST',
      token: 'demo-admin',
      json: { burst: bursts[0].burst },
    });
    expect(await rejected.json()).toEqual({ questionnaire: KORT, burst: bursts[0].burst, rejected: 4 });
    expect(await ledger().counts()).toEqual(before);
    expect(await nFor(team, 'demo-admin')).toBe(adminBefore);
  });

  it('leaves held responses out of the partner’s live feed and open texts too, and keeps no address', async () => {
    const team = 'oost';
    for (let i = 0; i < 4; i++) {
      const body = submission({ context: { team }, answers: { tot_cijfer: 3, tot_aanraden: 'nee', tot_beter: `burst ${i}` } });
      expect((await submit(body, '203.0.113.50')).status).toBe(201);
    }
    const live = await call(`/v1/live?questionnaire=${KORT}&team=${team}`, {
      headers: { Upgrade: 'websocket', 'Sec-WebSocket-Protocol': 'peil.v1, bearer.demo-viewer' },
    });
    const ws = live.webSocket!;
    const first = new Promise<Record<string, unknown>>((resolve) =>
      ws.addEventListener('message', (e) => resolve(JSON.parse(e.data as string))),
    );
    ws.accept();
    // The partner's feed shows what its reads show, both made without the held four.
    const { type: _type, questionnaire: _q, ...message } = await first;
    const { labels: _labels, questionnaire: _q2, ...read } = await aggregate(`questionnaire=${KORT}&team=${team}`, 'demo-viewer');
    expect(message).toEqual(read);
    expect(await nFor(team, 'demo-admin')).toBe((await protectedN(team)) + 4);
    ws.close(1000);

    const texts = await ledger().openTexts({ dims: { team } }, ['tot_beter']);
    expect(texts.tot_beter.filter((t) => t.startsWith('burst'))).toHaveLength(4);
    const protectedTexts = await runInDurableObject(ledger(), (_: Ledger, state: DurableObjectState) =>
      eligibleTexts(
        state.storage.sql,
        'sociaal-team',
        rolling12Cell(dutchDay().slice(0, 7)),
        { dim: 'team', value: team },
        'tot_beter',
        false,
      ),
    );
    expect(protectedTexts.filter((t) => t.text.startsWith('burst'))).toHaveLength(0);

    const stored = await runInDurableObject(ledger(), (_: Ledger, state: DurableObjectState) => {
      const sql = state.storage.sql;
      const tables = sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf%' ESCAPE '\\'")
        .toArray();
      return tables.map((t) => JSON.stringify(sql.exec(`SELECT * FROM "${t.name}"`).toArray())).join('');
    });
    expect(stored).not.toContain('203.0.113.50');
    expect(stored).toContain('burst_');
    await call(`/v1/held/reject?questionnaire=${KORT}`, {
      method: 'POST',
      token: 'demo-admin',
      json: { burst: (await heldNow()).bursts[0].burst },
    });
  });

  it('the protected counts equal a recompute over the responses that are not held, per month and per team', async () => {
    for (let i = 0; i < 5; i++)
      await submit(submission({ context: { team: 'wielwijk' }, answers: { tot_cijfer: 1 + i, tot_aanraden: 'ja' } }), '192.0.2.1');
    expect((await heldNow()).held).toBe(5);
    const sort = (cs: { item: string; value: string; count: number }[]) => cs.map((c) => `${c.item}|${c.value}|${c.count}`).sort();
    const { months, snapshots, expected } = await runInDurableObject(ledger(), (_: Ledger, state: DurableObjectState) => {
      const sql = state.storage.sql;
      const period = rolling12Cell(dutchDay().slice(0, 7));
      const notHeld = `NOT (${HELD})`;
      const byMonth = new Map<string, number>();
      for (const c of monthCounts(sql, 'sociaal-team')) byMonth.set(c.month, (byMonth.get(c.month) ?? 0) + c.n);
      const recomputed = recompute(sql, { dims: { partner: 'sociaal-team' } }, 'month', notHeld).filter((c) => c.item === '_resp');
      const teams = ['wielwijk', 'krispijn'];
      const snap = (team: string) =>
        Object.entries(snapshotOf(sql, 'sociaal-team', period, { dim: 'team', value: team })).flatMap(([item, values]) =>
          Object.entries(values).map(([value, [count]]) => ({ item, value, count })),
        );
      return {
        months: [[...byMonth].sort(), recomputed.map((c) => [c.group, c.count]).sort()],
        snapshots: teams.map(snap),
        expected: teams.map((team) =>
          recompute(sql, { from: period.from, to: period.to, dims: { partner: 'sociaal-team', team } }, undefined, notHeld),
        ),
      };
    });
    expect(months[0]).toEqual(months[1]);
    snapshots.forEach((snap, i) => expect(sort(snap)).toEqual(sort(expected[i])));
    await call(`/v1/held/reject?questionnaire=${KORT}`, {
      method: 'POST',
      token: 'demo-admin',
      json: { burst: (await heldNow()).bursts[0].burst },
    });
  });

  it('never holds submissions with an invite: the partner handed each one out', async () => {
    for (let i = 0; i < 5; i++)
      expect(
        (await submit(submission({ context: { team: 'crabbehof' }, invite: await invite('crabbehof') }), '198.51.100.99')).status,
      ).toBe(201);
    expect((await heldNow()).held).toBe(0);
  });

  it('refuses a malformed burst id, and answers an unknown one with 404', async () => {
    const decide = (json: unknown) => call(`/v1/held/accept?questionnaire=${KORT}`, { method: 'POST', token: 'demo-admin', json });
    for (const bad of [{}, { burst: 'x' }, { burst: 'burst_' + 'a'.repeat(100) }, { burst: 'burst_a', extra: 1 }])
      expect((await decide(bad)).status).toBe(400);
    expect((await decide({ burst: 'burst_unknown' })).status).toBe(404);
    expect((await call(`/v1/held?questionnaire=${KORT}`, { token: 'demo-viewer' })).status).toBe(403);
  });
});

/** The worker with rate limiting on, as deployed (the test pool switches it off). */
async function limited(body: unknown, address: string): Promise<number> {
  const ctx = createExecutionContext();
  const req = new Request('http://peil.test/v1/responses', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'CF-Connecting-IP': address },
  });
  const res = await app.fetch(req, { ...env, PEIL_RATE_LIMIT: '1' }, ctx);
  await waitOnExecutionContext(ctx);
  return res.status;
}

describe('registered kiosks', () => {
  it('are never held as a burst nor rate-limited, where an ordinary site key from one address is', { timeout: 120_000 }, async () => {
    const kiosk = await siteKey({ kiosk: true });
    const ordinary = await siteKey({});
    const statuses = { kiosk: new Set<number>(), ordinary: new Set<number>() };
    // 130 clients at one office address in one minute: over the limit of 120 per client.
    for (let i = 0; i < 130; i++) {
      statuses.kiosk.add(await limited(submission({ siteKey: kiosk, context: { team: 'oost' } }), '192.0.2.77'));
      statuses.ordinary.add(await limited(submission({ siteKey: ordinary, context: { team: 'oost' } }), '192.0.2.78'));
    }
    expect([...statuses.kiosk]).toEqual([201]);
    expect(statuses.ordinary.has(429)).toBe(true);
    const { bursts } = await heldNow();
    // The ordinary key's burst is held; nothing from the kiosk is.
    expect(bursts).toHaveLength(1);
    expect(bursts[0].count).toBe(120);
  });
});
