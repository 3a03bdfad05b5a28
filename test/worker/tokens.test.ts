import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ledgerFor } from '../../worker/ledger-stub.js';
import type { Ledger } from '../../worker/ledger.js';
import { call, submission } from './helpers.js';

const KORT = 'sociaal-team-kort';
const DAY_MS = 86_400_000;

async function createToken(body: Record<string, unknown>) {
  const res = await call('/v1/gemeenten/demo/tokens', { method: 'POST', token: 'demo-admin', json: body });
  expect(res.status).toBe(201);
  return res.json<{ id: string; token: string; expiresAt: string | null }>();
}
const viewer = (over: Record<string, unknown> = {}) => createToken({ role: 'viewer', partner: 'sociaal-team', label: 'test', ...over });

interface Live {
  ws: WebSocket;
  messages: unknown[];
  closed: Promise<{ code: number; reason: string }>;
}

/** A live connection as a dashboard opens it, with its close event. */
async function openLive(token: string): Promise<Live> {
  const res = await call(`/v1/live?questionnaire=${KORT}`, {
    headers: { Upgrade: 'websocket', 'Sec-WebSocket-Protocol': `peil.v1, bearer.${token}` },
  });
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const messages: unknown[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.addEventListener('close', (e) => resolve({ code: e.code, reason: e.reason })),
  );
  ws.addEventListener('message', (e) => messages.push(JSON.parse(e.data as string)));
  ws.accept();
  return { ws, messages, closed };
}

/** The close event, or 'open' when none came within `ms`. */
const closeWithin = (live: Live, ms: number) =>
  Promise.race([live.closed, new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms))]);

const until = async (test: () => boolean, ms = 3000) => {
  for (const start = Date.now(); !test();) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('token expiry', () => {
  it('gives viewer tokens a year by default, admin tokens none unless asked', async () => {
    const before = Date.now();
    const v = await viewer();
    expect(Date.parse(v.expiresAt!) - before).toBeGreaterThanOrEqual(365 * DAY_MS - 1000);
    expect(Date.parse(v.expiresAt!) - before).toBeLessThan(365 * DAY_MS + 60_000);
    expect((await createToken({ role: 'admin' })).expiresAt).toBeNull();
    const short = await createToken({ role: 'admin', expiresInDays: 30 });
    expect(Date.parse(short.expiresAt!) - before).toBeGreaterThanOrEqual(30 * DAY_MS - 1000);
    const list = await (
      await call('/v1/gemeenten/demo/tokens', { token: 'demo-admin' })
    ).json<{ tokens: { id: string; expiresAt: string | null }[] }>();
    expect(list.tokens.find((t) => t.id === short.id)?.expiresAt).toBe(short.expiresAt);
    const partner = await call('/v1/gemeenten/demo/partners', {
      method: 'POST',
      token: 'demo-admin',
      json: { id: 'expiry-partner', name: 'Expiry', origins: ['https://expiry.example'] },
    });
    expect(Date.parse((await partner.json<{ viewerTokenExpiresAt: string }>()).viewerTokenExpiresAt) - before).toBeGreaterThan(
      364 * DAY_MS,
    );
  });

  it('refuses expiresInDays out of range', async () => {
    for (const expiresInDays of [0, -1, 1.5, 3651, '30']) {
      const res = await call('/v1/gemeenten/demo/tokens', { method: 'POST', token: 'demo-admin', json: { role: 'admin', expiresInDays } });
      expect({ expiresInDays, status: res.status }).toEqual({ expiresInDays, status: 400 });
    }
  });

  it('answers an expired token with 401 token_expired, and an unexpired one as usual', async () => {
    const v = await viewer();
    expect((await call(`/v1/aggregates?questionnaire=${KORT}`, { token: v.token })).status).toBe(200);
    await env.DB.prepare('UPDATE tokens SET expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), v.id)
      .run();
    const res = await call(`/v1/aggregates?questionnaire=${KORT}`, { token: v.token });
    expect(res.status).toBe(401);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('token_expired');
  });

  it('rotation gives a new secret with the same term, counted from now', async () => {
    const admin = await createToken({ role: 'admin', expiresInDays: 10 });
    // Made 5 days ago: the term is still 10 days.
    await env.DB.prepare('UPDATE tokens SET created_at = ?, expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 5 * DAY_MS).toISOString(), new Date(Date.now() + 5 * DAY_MS).toISOString(), admin.id)
      .run();
    const before = Date.now();
    const rotated = await (
      await call(`/v1/gemeenten/demo/tokens/${admin.id}/rotate`, { method: 'POST', token: 'demo-admin' })
    ).json<{ token: string; expiresAt: string }>();
    expect(Math.abs(Date.parse(rotated.expiresAt) - before - 10 * DAY_MS)).toBeLessThan(60_000);
    expect((await call(`/v1/aggregates?questionnaire=${KORT}`, { token: admin.token })).status).toBe(401);
    expect((await call(`/v1/aggregates?questionnaire=${KORT}`, { token: rotated.token })).status).toBe(200);
  });
});

describe('live connections of a token that no longer holds', () => {
  it('closes on revoke with 4001 and a reason, within seconds; other connections stay and get pushes', async () => {
    const v = await viewer();
    const revokedLive = await openLive(v.token);
    const other = await openLive('demo-admin');
    await until(() => revokedLive.messages.length > 0 && other.messages.length > 0);
    const start = Date.now();
    expect((await call(`/v1/gemeenten/demo/tokens/${v.id}`, { method: 'DELETE', token: 'demo-admin' })).status).toBe(200);
    expect(await closeWithin(revokedLive, 3000)).toEqual({ code: 4001, reason: 'token revoked' });
    expect(Date.now() - start).toBeLessThan(3000);
    expect(await closeWithin(other, 50)).toBe('open');
    const seen = other.messages.length;
    expect((await call('/v1/responses', { method: 'POST', json: submission() })).status).toBe(201);
    await until(() => other.messages.length > seen);
    other.ws.close(1000);
  });

  it('closes on rotate; the new secret connects, the old one is refused', async () => {
    const v = await viewer();
    const live = await openLive(v.token);
    const rotated = await (
      await call(`/v1/gemeenten/demo/tokens/${v.id}/rotate`, { method: 'POST', token: 'demo-admin' })
    ).json<{ token: string }>();
    expect(await closeWithin(live, 3000)).toEqual({ code: 4001, reason: 'token rotated' });
    const old = await call(`/v1/live?questionnaire=${KORT}`, {
      headers: { Upgrade: 'websocket', 'Sec-WebSocket-Protocol': `peil.v1, bearer.${v.token}` },
    });
    expect(old.status).toBe(401);
    const fresh = await openLive(rotated.token);
    expect(await closeWithin(fresh, 100)).toBe('open');
    fresh.ws.close(1000);
  });

  it('at the next push, closes a connection whose token was revoked or expired behind the ledger’s back', async () => {
    const [revoked, expired, kept] = await Promise.all([viewer(), viewer(), viewer()]);
    const lives = await Promise.all([openLive(revoked.token), openLive(expired.token), openLive(kept.token)]);
    await until(() => lives.every((l) => l.messages.length > 0));
    // Straight in the registry, so no route tells the ledger: only the push can notice.
    await env.DB.prepare("UPDATE tokens SET revoked_at = '2026-01-01T00:00:00Z' WHERE id = ?").bind(revoked.id).run();
    await env.DB.prepare('UPDATE tokens SET expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), expired.id)
      .run();
    expect(await closeWithin(lives[0], 300)).toBe('open');
    expect((await call('/v1/responses', { method: 'POST', json: submission() })).status).toBe(201);
    expect(await closeWithin(lives[0], 3000)).toEqual({ code: 4001, reason: 'token revoked' });
    expect(await closeWithin(lives[1], 3000)).toEqual({ code: 4001, reason: 'token expired' });
    // The kept one stays open (a partner viewer's feed gets a message only with a release).
    expect(await closeWithin(lives[2], 300)).toBe('open');
    lives[2].ws.close(1000);
  });

  it('the alarm closes a connection when its token expires, with no push needed', async () => {
    const v = await viewer();
    const expiry = Date.now() + 1500;
    await env.DB.prepare('UPDATE tokens SET expires_at = ? WHERE id = ?').bind(new Date(expiry).toISOString(), v.id).run();
    const live = await openLive(v.token);
    const ledger = ledgerFor(env, 'demo', KORT);
    const alarm = await runInDurableObject(ledger, (_: Ledger, state: DurableObjectState) => state.storage.getAlarm());
    expect(alarm).toBe(expiry);
    await new Promise((r) => setTimeout(r, expiry - Date.now() + 50));
    await runDurableObjectAlarm(ledger);
    expect(await closeWithin(live, 3000)).toEqual({ code: 4001, reason: 'token expired' });
    // Retention keeps its daily run after that.
    const next = await runInDurableObject(ledger, (_: Ledger, state: DurableObjectState) => state.storage.getAlarm());
    expect(next! - Date.now()).toBeGreaterThan(DAY_MS - 60_000);
  });
});
