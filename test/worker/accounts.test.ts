import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../schemas/constants.js';
import { SoftAuthenticator } from '../support/authenticator.js';
import { call } from './helpers.js';

// The worker under test is reached at this origin (see helpers.call); the passkey's relying party is its host.
const SELF = 'http://peil.test';

/** A request as the beheer console sends it: the session cookie, the CSRF header, Peil's own origin. */
function asBrowser(path: string, cookie: string | undefined, init: Parameters<typeof call>[1] = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('Cookie', cookie);
  if (!headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, '1');
  return call(path, { origin: SELF, ...init, headers });
}

const sessionOf = (res: Response) => res.headers.get('Set-Cookie')!.split(';')[0];

async function invite(body: Record<string, unknown>) {
  const res = await call('/v1/gemeenten/demo/accounts', { method: 'POST', token: 'demo-admin', json: body });
  expect(res.status).toBe(201);
  const out = await res.json<{ id: string; setupUrl: string; setupExpiresAt: string }>();
  return { ...out, setup: new URL(out.setupUrl).hash.replace('#setup=', '') };
}

/** Invites an account and registers a passkey with its link, as the setup screen does. */
async function enrol(role: string, extra: Record<string, unknown> = {}) {
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@gemeente.nl`;
  const account = await invite({ name: `Test ${role}`, email, role, ...extra });
  const key = new SoftAuthenticator(SELF);
  const opts = await asBrowser('/v1/auth/setup/options', undefined, { method: 'POST', json: { setup: account.setup } });
  expect(opts.status).toBe(200);
  const { options } = await opts.json<{ options: Parameters<SoftAuthenticator['create']>[0] }>();
  const res = await asBrowser('/v1/auth/setup/verify', undefined, {
    method: 'POST',
    json: { setup: account.setup, response: await key.create(options) },
  });
  expect(res.status).toBe(200);
  return { ...account, email, key, cookie: sessionOf(res), setCookie: res.headers.get('Set-Cookie')! };
}

async function signIn(key: SoftAuthenticator) {
  const opts = await asBrowser('/v1/auth/login/options', undefined, { method: 'POST' });
  const { options } = await opts.json<{ options: Parameters<SoftAuthenticator['get']>[0] }>();
  return key.get(options);
}

const countPasskeys = async (accountId: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM passkeys WHERE account_id = ?').bind(accountId).first<{ n: number }>())!.n;

describe('accounts with passkeys', () => {
  it('registers a passkey from a setup link, signs in with a session cookie, signs out and in again', async () => {
    const a = await enrol('beheerder');
    expect(a.setCookie).toMatch(/HttpOnly/);
    expect(a.setCookie).toMatch(/SameSite=Strict/);
    const me = await asBrowser('/v1/auth/session', a.cookie);
    expect(await me.json()).toMatchObject({ kind: 'account', role: 'admin', accountRole: 'beheerder', email: a.email, gemeente: 'demo' });

    expect((await asBrowser('/v1/auth/logout', a.cookie, { method: 'POST' })).status).toBe(200);
    expect((await asBrowser('/v1/auth/session', a.cookie)).status).toBe(401);

    const res = await asBrowser('/v1/auth/login/verify', undefined, { method: 'POST', json: { response: await signIn(a.key) } });
    expect(res.status).toBe(200);
    expect((await asBrowser('/v1/auth/session', sessionOf(res))).status).toBe(200);
  });

  it('refuses a replayed sign-in response and starts no second session', async () => {
    const a = await enrol('onderzoeker');
    const response = await signIn(a.key);
    const first = await asBrowser('/v1/auth/login/verify', undefined, { method: 'POST', json: { response } });
    expect(first.status).toBe(200);
    const sessions = async () =>
      (await env.DB.prepare('SELECT COUNT(*) AS n FROM sessions WHERE account_id = ?').bind(a.id).first<{ n: number }>())!.n;
    const before = await sessions();
    const replay = await asBrowser('/v1/auth/login/verify', undefined, { method: 'POST', json: { response } });
    expect(replay.status).toBe(400);
    expect((await replay.json<{ error: { code: string } }>()).error.code).toBe('webauthn_failed');
    expect(replay.headers.get('Set-Cookie')).toBeNull();
    expect(await sessions()).toBe(before);
  });

  it('refuses a passkey response made for another origin', async () => {
    const account = await invite({ name: 'Elders', email: 'elders@gemeente.nl', role: 'beleid' });
    const opts = await asBrowser('/v1/auth/setup/options', undefined, { method: 'POST', json: { setup: account.setup } });
    const { options } = await opts.json<{ options: Parameters<SoftAuthenticator['create']>[0] }>();
    const res = await asBrowser('/v1/auth/setup/verify', undefined, {
      method: 'POST',
      json: { setup: account.setup, response: await new SoftAuthenticator('https://phishing.example').create(options) },
    });
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('webauthn_failed');
    expect(await countPasskeys(account.id)).toBe(0);
  });

  it('refuses an expired setup link and a used one, and stores no passkey', async () => {
    const account = await invite({ name: 'Laat', email: 'laat@gemeente.nl', role: 'beheerder' });
    await env.DB.prepare("UPDATE account_setups SET expires_at = '2020-01-01T00:00:00.000Z' WHERE account_id = ?").bind(account.id).run();
    const res = await asBrowser('/v1/auth/setup/options', undefined, { method: 'POST', json: { setup: account.setup } });
    expect(res.status).toBe(400);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('setup_expired');
    expect(await countPasskeys(account.id)).toBe(0);

    const used = await enrol('beleid');
    const again = await asBrowser('/v1/auth/setup/options', undefined, { method: 'POST', json: { setup: used.setup } });
    expect((await again.json<{ error: { code: string } }>()).error.code).toBe('setup_invalid');
  });

  it('replaces a lost passkey through a new setup link', async () => {
    const a = await enrol('beheerder');
    const link = await call(`/v1/gemeenten/demo/accounts/${a.id}/setup`, { method: 'POST', token: 'demo-admin' });
    expect(link.status).toBe(201);
    const setup = new URL((await link.json<{ setupUrl: string }>()).setupUrl).hash.replace('#setup=', '');
    const fresh = new SoftAuthenticator(SELF);
    const opts = await asBrowser('/v1/auth/setup/options', undefined, { method: 'POST', json: { setup } });
    const { options } = await opts.json<{ options: Parameters<SoftAuthenticator['create']>[0] }>();
    const res = await asBrowser('/v1/auth/setup/verify', undefined, {
      method: 'POST',
      json: { setup, response: await fresh.create(options) },
    });
    expect(res.status).toBe(200);
    expect(await countPasskeys(a.id)).toBe(1);
    // The old passkey and the old session no longer work.
    expect((await asBrowser('/v1/auth/session', a.cookie)).status).toBe(401);
    const old = await asBrowser('/v1/auth/login/verify', undefined, { method: 'POST', json: { response: await signIn(a.key) } });
    expect((await old.json<{ error: { code: string } }>()).error.code).toBe('webauthn_failed');
  });

  it('ends a session after its idle timeout and when the account is disabled', async () => {
    const a = await enrol('beheerder');
    await env.DB.prepare("UPDATE sessions SET last_seen_at = '2020-01-01T00:00:00.000Z' WHERE account_id = ?").bind(a.id).run();
    const idle = await asBrowser('/v1/auth/session', a.cookie);
    expect((await idle.json<{ error: { code: string } }>()).error.code).toBe('session_expired');

    const b = await enrol('beheerder');
    const off = await call(`/v1/gemeenten/demo/accounts/${b.id}`, { method: 'PATCH', token: 'demo-admin', json: { disabled: true } });
    expect(off.status).toBe(200);
    expect((await asBrowser('/v1/auth/session', b.cookie)).status).toBe(401);
    const again = await asBrowser('/v1/auth/login/verify', undefined, { method: 'POST', json: { response: await signIn(b.key) } });
    expect(again.status).toBe(400);
  });
});

describe('CSRF protection on changes made with a session cookie', () => {
  const partner = (id: string) => ({ id, name: `Partner ${id}`, origins: ['https://www.example.nl'], teams: [] });
  const exists = async (id: string) =>
    (await env.DB.prepare("SELECT 1 FROM partners WHERE gemeente_id = 'demo' AND id = ?").bind(id).first()) !== null;

  it('refuses a change without the header or from another origin, and changes nothing', async () => {
    const a = await enrol('beheerder');
    const noHeader = await call('/v1/gemeenten/demo/partners', {
      method: 'POST',
      origin: SELF,
      headers: { Cookie: a.cookie },
      json: partner('zonder-header'),
    });
    expect(noHeader.status).toBe(403);
    expect((await noHeader.json<{ error: { code: string } }>()).error.code).toBe('csrf_failed');
    expect(await exists('zonder-header')).toBe(false);

    const elsewhere = await asBrowser('/v1/gemeenten/demo/partners', a.cookie, {
      method: 'POST',
      origin: 'https://evil.example',
      json: partner('van-elders'),
    });
    expect((await elsewhere.json<{ error: { code: string } }>()).error.code).toBe('csrf_failed');
    expect(await exists('van-elders')).toBe(false);

    const crossSite = await asBrowser('/v1/gemeenten/demo/partners', a.cookie, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'cross-site' },
      json: partner('cross-site'),
    });
    expect(crossSite.status).toBe(403);

    const ok = await asBrowser('/v1/gemeenten/demo/partners', a.cookie, { method: 'POST', json: partner('met-header') });
    expect(ok.status).toBe(201);
    expect(await exists('met-header')).toBe(true);
  });

  it('refuses a sign-in request without the header (login CSRF)', async () => {
    const res = await call('/v1/auth/login/options', { method: 'POST', origin: SELF });
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('csrf_failed');
  });
});

describe('account roles', () => {
  it('maps each role onto what the API allows', async () => {
    const partner = await enrol('partner', { partner: 'sociaal-team' });
    const onderzoeker = await enrol('onderzoeker');
    const beleid = await enrol('beleid');

    // A partner account may not manage the gemeente, but may make its own partner's invites.
    expect((await asBrowser('/v1/gemeenten/demo/tokens', partner.cookie)).status).toBe(403);
    const inv = await asBrowser('/v1/invites', partner.cookie, {
      method: 'POST',
      json: { questionnaire: 'sociaal-team-kort', count: 1, expiresInDays: 7 },
    });
    expect(inv.status).toBe(201);

    // An onderzoeker exports microdata but manages nothing.
    expect((await asBrowser('/v1/export/responses.csv?questionnaire=sociaal-team-kort', onderzoeker.cookie)).status).toBe(200);
    expect((await asBrowser('/v1/gemeenten/demo/accounts', onderzoeker.cookie)).status).toBe(403);

    // Beleid reads protected figures of a partner it names, and no microdata.
    const figures = await asBrowser('/v1/aggregates?questionnaire=sociaal-team-kort&partner=sociaal-team', beleid.cookie);
    expect(figures.status).toBe(200);
    expect(await figures.json()).toHaveProperty('disclosure');
    expect((await asBrowser('/v1/export/responses.csv?questionnaire=sociaal-team-kort', beleid.cookie)).status).toBe(403);

    const refused = await call('/v1/gemeenten/demo/accounts', {
      method: 'POST',
      token: 'demo-admin',
      json: { name: 'Zonder partner', email: 'zp@gemeente.nl', role: 'partner' },
    });
    expect(refused.status).toBe(400);
  });

  it('refuses a second account with the same e-mail address', async () => {
    await invite({ name: 'Een', email: 'dubbel@gemeente.nl', role: 'beleid' });
    const res = await call('/v1/gemeenten/demo/accounts', {
      method: 'POST',
      token: 'demo-admin',
      json: { name: 'Twee', email: 'DUBBEL@gemeente.nl', role: 'beleid' },
    });
    expect(res.status).toBe(409);
  });
});

describe('audit log', () => {
  it('records changes and exports by account and token, never a body', async () => {
    const a = await enrol('beheerder');
    const secretName = `Geheime naam ${crypto.randomUUID()}`;
    const made = await asBrowser('/v1/gemeenten/demo/partners', a.cookie, {
      method: 'POST',
      json: { id: 'logboek-partner', name: secretName, origins: ['https://www.example.nl'], teams: [] },
    });
    expect(made.status).toBe(201);
    const token = await call('/v1/gemeenten/demo/tokens', {
      method: 'POST',
      token: 'demo-admin',
      json: { role: 'admin', label: 'script' },
    });
    const { id } = await token.json<{ id: string }>();
    expect((await call(`/v1/gemeenten/demo/tokens/${id}/rotate`, { method: 'POST', token: 'demo-admin' })).status).toBe(200);
    expect((await call('/v1/export/responses.csv?questionnaire=sociaal-team-kort', { token: 'demo-admin' })).status).toBe(200);
    // A read changes nothing and is not recorded.
    await call('/v1/gemeenten/demo/partners', { token: 'demo-admin' });

    const res = await asBrowser('/v1/audit?limit=10', a.cookie);
    expect(res.status).toBe(200);
    const { entries } = await res.json<{ entries: Record<string, unknown>[] }>();
    const [exported, rotated, created, partnerMade] = entries;
    expect(exported).toMatchObject({
      method: 'GET',
      path: '/v1/export/responses.csv',
      target: 'questionnaire=sociaal-team-kort',
      actorKind: 'token',
    });
    expect(rotated).toMatchObject({
      method: 'POST',
      route: '/v1/gemeenten/:id/tokens/:tokenId/rotate',
      path: `/v1/gemeenten/demo/tokens/${id}/rotate`,
    });
    expect(created).toMatchObject({ method: 'POST', path: '/v1/gemeenten/demo/tokens', status: 201 });
    expect(partnerMade).toMatchObject({ actorKind: 'account', actor: `Test beheerder <${a.email}>`, path: '/v1/gemeenten/demo/partners' });
    expect(JSON.stringify(entries)).not.toContain(secretName);
    expect(entries.some((e) => e.path === '/v1/gemeenten/demo/partners' && e.method === 'GET')).toBe(false);
  });

  it('is for the gemeente admin only', async () => {
    expect((await call('/v1/audit', { token: 'demo-viewer' })).status).toBe(403);
    const p = await enrol('partner', { partner: 'sociaal-team' });
    expect((await asBrowser('/v1/audit', p.cookie)).status).toBe(403);
  });
});
