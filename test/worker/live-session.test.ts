import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { IDLE_MS, startSession } from '../../worker/accounts/session.js';
import { sha256Hex } from '../../worker/crypto.js';
import { call, submission } from './helpers.js';

const KORT = 'sociaal-team-kort';

/** A signed-in beheer account, made straight in the registry: the passkey flow has its own tests. */
async function signedIn(role = 'beheerder') {
  const id = `acc-${crypto.randomUUID()}`;
  await env.DB.prepare('INSERT INTO accounts (id, gemeente_id, name, email, role) VALUES (?, ?, ?, ?, ?)')
    .bind(id, 'demo', 'Live test', `${id}@gemeente.nl`, role)
    .run();
  const cookie = (await startSession(env.DB, id, 'http://peil.test/')).split(';')[0];
  const hash = await sha256Hex(cookie.slice(cookie.indexOf('=') + 1));
  return { id, cookie, hash };
}

interface Live {
  ws: WebSocket;
  messages: { type?: string; n?: number }[];
  closed: Promise<{ code: number; reason: string }>;
}

/** A live connection as the dashboard opens it in a signed-in browser: the cookie, no token. */
async function openLive(cookie: string): Promise<Live> {
  const res = await call(`/v1/live?questionnaire=${KORT}`, {
    headers: { Upgrade: 'websocket', 'Sec-WebSocket-Protocol': 'peil.v1', Cookie: cookie },
  });
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const messages: Live['messages'] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.addEventListener('close', (e) => resolve({ code: e.code, reason: e.reason })),
  );
  ws.addEventListener('message', (e) => messages.push(JSON.parse(e.data as string)));
  ws.accept();
  return { ws, messages, closed };
}

const closeWithin = (live: Live, ms: number) =>
  Promise.race([live.closed, new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms))]);

async function until(check: () => boolean, ms = 3000) {
  for (const end = Date.now() + ms; !check();) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('GET /v1/live with the beheer session cookie', () => {
  it('opens for a signed-in account without a token and sends the same figures as a token gets', async () => {
    const a = await signedIn();
    const live = await openLive(a.cookie);
    await until(() => live.messages.length > 0);
    const viaToken = await (await call(`/v1/aggregates?questionnaire=${KORT}`, { token: 'demo-admin' })).json<{ n: number }>();
    expect(live.messages[0].n).toBe(viaToken.n);
    live.ws.close(1000);
  });

  it('refuses a session that has ended, and a request with neither cookie nor token', async () => {
    const a = await signedIn();
    await env.DB.prepare('DELETE FROM sessions WHERE hash = ?').bind(a.hash).run();
    const ended = await call(`/v1/live?questionnaire=${KORT}`, { headers: { Upgrade: 'websocket', Cookie: a.cookie } });
    expect(ended.status).toBe(401);
    expect((await ended.json<{ error: { code: string } }>()).error.code).toBe('session_expired');
    expect((await call(`/v1/live?questionnaire=${KORT}`, { headers: { Upgrade: 'websocket' } })).status).toBe(401);
  });

  it('at the next push, closes a connection whose account was disabled or whose session ended, and keeps the others', async () => {
    const [disabled, expired, idle, signedOut, kept] = await Promise.all([signedIn(), signedIn(), signedIn(), signedIn(), signedIn()]);
    const lives = await Promise.all([disabled, expired, idle, signedOut, kept].map((a) => openLive(a.cookie)));
    await until(() => lives.every((l) => l.messages.length > 0));
    // Straight in the registry, so no route tells the ledger: only the push can notice.
    await env.DB.prepare("UPDATE accounts SET disabled_at = '2026-01-01T00:00:00Z' WHERE id = ?").bind(disabled.id).run();
    await env.DB.prepare('UPDATE sessions SET expires_at = ? WHERE hash = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), expired.hash)
      .run();
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE hash = ?')
      .bind(new Date(Date.now() - IDLE_MS - 1000).toISOString(), idle.hash)
      .run();
    await env.DB.prepare('DELETE FROM sessions WHERE hash = ?').bind(signedOut.hash).run();
    expect(await closeWithin(lives[0], 300)).toBe('open');
    expect((await call('/v1/responses', { method: 'POST', json: submission() })).status).toBe(201);
    expect(await closeWithin(lives[0], 3000)).toEqual({ code: 4001, reason: 'account disabled' });
    expect(await closeWithin(lives[1], 3000)).toEqual({ code: 4001, reason: 'session expired' });
    expect(await closeWithin(lives[2], 3000)).toEqual({ code: 4001, reason: 'session expired' });
    expect(await closeWithin(lives[3], 3000)).toEqual({ code: 4001, reason: 'signed out' });
    await until(() => lives[4].messages.length > 1);
    expect(await closeWithin(lives[4], 100)).toBe('open');
    lives[4].ws.close(1000);
  });
});
