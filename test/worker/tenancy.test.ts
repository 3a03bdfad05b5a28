import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../schemas/bank.js';
import { ERROR_CODES } from '../../schemas/errors.js';
import { publish } from '../../worker/db.js';
import app from '../../worker/index.js';
import { ledgerFor } from '../../worker/ledger-stub.js';
import { aggregate, call, submission } from './helpers.js';

const KORT = 'sociaal-team-kort';
const TILBURG_ORIGIN = 'https://wijkteam-tilburg.example';
const MEE_ORIGIN = 'https://mee-demo.example';

async function errorOf(res: Response): Promise<{ status: number; code: string; issues?: { path?: unknown[] }[] }> {
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  const body = await res.json<{ error: { code: string; issues?: { path?: unknown[] }[] } }>();
  expect(ERROR_CODES).toContain(body.error.code);
  return { status: res.status, code: body.error.code, issues: body.error.issues };
}

const json = async <T = any>(res: Response, status: number): Promise<T> => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return res.json<T>();
};

/** A second gemeente with its own partner and questionnaire, and a second partner in demo. */
const t = {
  tilburgAdmin: '',
  tilburgViewer: '',
  tilburgSite: '',
  meeViewer: '',
  meeSite: '',
};

beforeAll(async () => {
  const g = await json(
    await call('/v1/gemeenten', { method: 'POST', token: 'demo-operator', json: { id: 'tilburg', name: 'Gemeente Tilburg' } }),
    201,
  );
  t.tilburgAdmin = g.adminToken;
  const p = await json(
    await call('/v1/gemeenten/tilburg/partners', {
      method: 'POST',
      token: t.tilburgAdmin,
      json: { id: 'wijkteam', name: 'Wijkteam', origins: [TILBURG_ORIGIN], teams: [{ id: 'noord', name: 'Noord' }, 'zuid'] },
    }),
    201,
  );
  t.tilburgViewer = p.viewerToken;
  t.tilburgSite = p.siteKey;
  await publish(env.DB, 'tilburg', TEMPLATES[KORT]);
  const mee = await json(
    await call('/v1/gemeenten/demo/partners', {
      method: 'POST',
      token: 'demo-admin',
      json: { id: 'mee', name: 'MEE', organisatie: 'MEE', origins: [MEE_ORIGIN], teams: [{ id: 'mee-west', name: 'West' }] },
    }),
    201,
  );
  t.meeViewer = mee.viewerToken;
  t.meeSite = mee.siteKey;
});

describe('the tenants contract', () => {
  it('an operator creates a gemeente and gets its admin token once', async () => {
    const res = await call('/v1/gemeenten', { method: 'POST', token: 'demo-operator', json: { id: 'breda', name: 'Gemeente Breda' } });
    const body = await json(res, 201);
    expect(body.adminToken).toMatch(/^peil_adm_/);
    const me = await call('/v1/gemeenten/breda', { token: body.adminToken });
    expect(await json(me, 200)).toMatchObject({ id: 'breda', name: 'Gemeente Breda', k: 10 });
    const stored = await env.DB.prepare('SELECT * FROM tokens WHERE gemeente_id = ?').bind('breda').all();
    expect(JSON.stringify(stored.results)).not.toContain(body.adminToken);
  });

  it('that admin creates a partner and gets a site key and viewer token that work', async () => {
    const body = submission({ siteKey: t.tilburgSite, context: { team: 'noord' } });
    expect((await call('/v1/responses', { method: 'POST', json: body, origin: TILBURG_ORIGIN })).status).toBe(201);
    // The viewer token works, and gets protected figures: one response is too few to show.
    const agg = await aggregate(`questionnaire=${KORT}`, t.tilburgViewer);
    expect(agg).toMatchObject({ suppressed: true, disclosure: { protected: true } });
    expect(agg.n).toBeUndefined();
    expect((await aggregate(`questionnaire=${KORT}`, t.tilburgAdmin)).n).toBe(1);
    const partners = await json(await call('/v1/gemeenten/tilburg/partners', { token: t.tilburgAdmin }), 200);
    expect(partners.partners).toEqual([
      {
        id: 'wijkteam',
        name: 'Wijkteam',
        organisatie: 'Wijkteam',
        organisatieEn: null,
        teams: [
          { id: 'noord', name: 'Noord' },
          { id: 'zuid', name: 'zuid' },
        ],
      },
    ]);
  });

  it('refuses duplicates with already_exists and bad input with validation_failed', async () => {
    const dupG = await call('/v1/gemeenten', { method: 'POST', token: 'demo-operator', json: { id: 'tilburg', name: 'Nog eens' } });
    expect(await errorOf(dupG)).toMatchObject({ status: 409, code: 'already_exists' });
    const dupP = await call('/v1/gemeenten/tilburg/partners', {
      method: 'POST',
      token: t.tilburgAdmin,
      json: { id: 'wijkteam', name: 'x', origins: [TILBURG_ORIGIN] },
    });
    expect(await errorOf(dupP)).toMatchObject({ status: 409, code: 'already_exists' });
    const dupTeam = await call('/v1/gemeenten/tilburg/partners', {
      method: 'POST',
      token: t.tilburgAdmin,
      json: { id: 'ander', name: 'x', origins: [TILBURG_ORIGIN], teams: ['noord'] },
    });
    expect(await errorOf(dupTeam)).toMatchObject({ status: 409, code: 'already_exists' });
    expect(await env.DB.prepare("SELECT 1 FROM partners WHERE gemeente_id = 'tilburg' AND id = 'ander'").first()).toBeNull();
    const badOrigin = await call('/v1/gemeenten/tilburg/partners', {
      method: 'POST',
      token: t.tilburgAdmin,
      json: { id: 'p2', name: 'x', origins: ['https://a.example/pad'] },
    });
    const err = await errorOf(badOrigin);
    expect(err).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(err.issues?.[0].path).toEqual(['origins', 0]);
    const badId = await call('/v1/gemeenten', { method: 'POST', token: 'demo-operator', json: { id: 'Den Haag', name: 'x' } });
    expect(await errorOf(badId)).toMatchObject({ status: 400, code: 'validation_failed' });
    const unknownG = await call('/v1/gemeenten/nergens', { token: 'demo-operator' });
    expect(await errorOf(unknownG)).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('only an operator creates gemeenten; only admins manage partners', async () => {
    const asAdmin = await call('/v1/gemeenten', { method: 'POST', token: 'demo-admin', json: { id: 'x1', name: 'x' } });
    expect(await errorOf(asAdmin)).toMatchObject({ status: 403, code: 'forbidden' });
    const asViewer = await call('/v1/gemeenten/demo/partners', {
      method: 'POST',
      token: 'demo-viewer',
      json: { id: 'x2', name: 'x', origins: [MEE_ORIGIN] },
    });
    expect(await errorOf(asViewer)).toMatchObject({ status: 403, code: 'forbidden' });
    const list = await json(await call('/v1/gemeenten', { token: 'demo-admin' }), 200);
    expect(list.gemeenten.map((g: { id: string }) => g.id)).toEqual(['demo']);
    const all = await json(await call('/v1/gemeenten', { token: 'demo-operator' }), 200);
    expect(all.gemeenten.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining(['demo', 'tilburg']));
  });

  it('refuses a missing or malformed Authorization header as JSON', async () => {
    for (const header of [undefined, 'Bearer', 'Bearer ', 'Basic ZGVtbzpkZW1v', 'Bearer a b', 'demo-admin', 'Bearer demo-admin-not']) {
      const res = await call('/v1/gemeenten/demo/tokens', header === undefined ? {} : { headers: { Authorization: header } });
      expect({ header, ...(await errorOf(res)) }).toMatchObject({ header, status: 401, code: 'unauthorized' });
    }
  });
});

describe('a gemeente gets nothing of another gemeente', () => {
  const demoPaths = [
    ['GET', '/v1/gemeenten/demo'],
    ['GET', '/v1/gemeenten/demo/partners'],
    ['POST', '/v1/gemeenten/demo/partners'],
    ['POST', '/v1/gemeenten/demo/partners/sociaal-team/teams'],
    ['GET', '/v1/gemeenten/demo/site-keys'],
    ['POST', '/v1/gemeenten/demo/site-keys'],
    ['PATCH', '/v1/gemeenten/demo/site-keys/demo-site'],
    ['DELETE', '/v1/gemeenten/demo/site-keys/demo-site'],
    ['GET', '/v1/gemeenten/demo/tokens'],
    ['POST', '/v1/gemeenten/demo/tokens'],
    ['POST', '/v1/gemeenten/demo/tokens/tok_demo_admin/rotate'],
    ['DELETE', '/v1/gemeenten/demo/tokens/tok_demo_admin'],
    ['GET', `/v1/aggregates?questionnaire=${KORT}&gemeente=demo`],
    ['GET', `/v1/export/responses.csv?questionnaire=${KORT}&gemeente=demo`],
    ['GET', `/v1/export/aggregates.csv?questionnaire=${KORT}&gemeente=demo`],
    ['POST', `/v1/import?questionnaire=${KORT}&gemeente=demo`],
    ['GET', `/v1/retention?questionnaire=${KORT}&gemeente=demo`],
    ['PUT', `/v1/retention?questionnaire=${KORT}&gemeente=demo`],
    ['POST', '/v1/invites?gemeente=demo'],
    ['GET', `/v1/invites?questionnaire=${KORT}&gemeente=demo`],
    ['DELETE', `/v1/responses/${crypto.randomUUID()}?questionnaire=${KORT}&gemeente=demo`],
    ['GET', `/v1/admin/questionnaires?gemeente=demo`],
    ['GET', `/v1/admin/questionnaires/${KORT}?gemeente=demo`],
  ] as const;

  it.each(demoPaths)('%s %s with Tilburg’s admin token → 403 forbidden', async (method, path) => {
    const res = await call(path, { method, token: t.tilburgAdmin, json: method === 'GET' || method === 'DELETE' ? undefined : {} });
    expect(await errorOf(res)).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('ids of another gemeente are not found in one’s own', async () => {
    const token = await call('/v1/gemeenten/tilburg/tokens/tok_demo_admin', { method: 'DELETE', token: t.tilburgAdmin });
    expect(await errorOf(token)).toMatchObject({ status: 404, code: 'not_found' });
    const rotate = await call('/v1/gemeenten/tilburg/tokens/tok_demo_admin/rotate', { method: 'POST', token: t.tilburgAdmin });
    expect(await errorOf(rotate)).toMatchObject({ status: 404, code: 'not_found' });
    const key = await call('/v1/gemeenten/tilburg/site-keys/demo-site', {
      method: 'PATCH',
      token: t.tilburgAdmin,
      json: { origins: [TILBURG_ORIGIN] },
    });
    expect(await errorOf(key)).toMatchObject({ status: 404, code: 'not_found' });
    const revoke = await call('/v1/gemeenten/tilburg/site-keys/demo-site', { method: 'DELETE', token: t.tilburgAdmin });
    expect(await errorOf(revoke)).toMatchObject({ status: 404, code: 'not_found' });
    const siteKeyForPartner = await call('/v1/gemeenten/tilburg/site-keys', {
      method: 'POST',
      token: t.tilburgAdmin,
      json: { partner: 'sociaal-team', origins: [TILBURG_ORIGIN] },
    });
    expect(await errorOf(siteKeyForPartner)).toMatchObject({ status: 404, code: 'not_found' });
    const viewerForPartner = await call('/v1/gemeenten/tilburg/tokens', {
      method: 'POST',
      token: t.tilburgAdmin,
      json: { role: 'viewer', partner: 'sociaal-team' },
    });
    expect(await errorOf(viewerForPartner)).toMatchObject({ status: 404, code: 'not_found' });
    const invite = await call('/v1/invites', {
      method: 'POST',
      token: t.tilburgAdmin,
      json: { questionnaire: KORT, partner: 'sociaal-team' },
    });
    expect(await errorOf(invite)).toMatchObject({ status: 404, code: 'not_found' });
    const listed = await json(await call('/v1/gemeenten/tilburg/tokens', { token: t.tilburgAdmin }), 200);
    expect(listed.tokens.map((x: { id: string }) => x.id)).not.toContain('tok_demo_admin');
    // demo is untouched
    expect((await call('/v1/gemeenten/demo', { token: 'demo-admin' })).status).toBe(200);
    expect((await call('/v1/responses', { method: 'POST', json: submission() })).status).toBe(201);
  });

  it('the same questionnaire id in two gemeenten are two ledgers', async () => {
    const demoBefore = await ledgerFor(env, 'demo', KORT).counts();
    const tilburgBefore = await ledgerFor(env, 'tilburg', KORT).counts();
    expect(
      (await call('/v1/responses', { method: 'POST', json: submission({ siteKey: t.tilburgSite, context: {} }), origin: TILBURG_ORIGIN }))
        .status,
    ).toBe(201);
    expect((await ledgerFor(env, 'demo', KORT).counts()).responses).toBe(demoBefore.responses);
    expect((await ledgerFor(env, 'tilburg', KORT).counts()).responses).toBe(tilburgBefore.responses + 1);
    const tilburgAgg = await aggregate(`questionnaire=${KORT}`, t.tilburgAdmin);
    expect(tilburgAgg.n).toBe(tilburgBefore.responses + 1);
  });

  it('a site key submits only into its own gemeente, from its own origins, for its own teams', async () => {
    const noSuch = await call('/v1/responses', {
      method: 'POST',
      json: submission({ siteKey: t.tilburgSite, questionnaireId: 'sociaal-team', context: {} }),
      origin: TILBURG_ORIGIN,
    });
    expect(await errorOf(noSuch)).toMatchObject({ status: 404, code: 'questionnaire_not_found' });
    const demoOrigin = await call('/v1/responses', { method: 'POST', json: submission({ siteKey: t.tilburgSite, context: {} }) });
    expect(await errorOf(demoOrigin)).toMatchObject({ status: 403, code: 'origin_not_allowed' });
    const demoTeam = await call('/v1/responses', {
      method: 'POST',
      json: submission({ siteKey: t.tilburgSite, context: { team: 'crabbehof' } }),
      origin: TILBURG_ORIGIN,
    });
    expect(await errorOf(demoTeam)).toMatchObject({ status: 422, code: 'team_not_allowed' });
    const otherPartnerTeam = await call('/v1/responses', {
      method: 'POST',
      json: submission({ siteKey: t.meeSite, context: { team: 'crabbehof' } }),
      origin: MEE_ORIGIN,
    });
    expect(await errorOf(otherPartnerTeam)).toMatchObject({ status: 422, code: 'team_not_allowed' });
  });
});

describe('a partner token gets nothing of another partner', () => {
  it('sees only its own partner in aggregates', async () => {
    const post = (body: object, origin?: string) => call('/v1/responses', { method: 'POST', json: body, ...(origin ? { origin } : {}) });
    for (let i = 0; i < 10; i++)
      expect((await post(submission({ siteKey: t.meeSite, context: { team: 'mee-west' } }), MEE_ORIGIN)).status).toBe(201);
    for (let i = 0; i < 12; i++) expect((await post(submission())).status).toBe(201);
    const mee = await aggregate(`questionnaire=${KORT}&groupBy=team`, t.meeViewer);
    // Only its own teams; the other partner's twelve are in none of its figures.
    expect(mee.groups.map((g: any) => g.key)).toEqual(['mee-west']);
    expect((await aggregate(`questionnaire=${KORT}&partner=mee`, 'demo-admin')).n).toBe(10);
    expect(mee.n).toBeLessThanOrEqual(12);
    // Asking for the other partner's team gives nothing of it.
    const sneaky = await aggregate(`questionnaire=${KORT}&team=crabbehof`, t.meeViewer);
    expect(sneaky).toMatchObject({ suppressed: true, items: { tot_cijfer: { suppressed: true } } });
    expect(sneaky.n).toBeUndefined();
  });

  it.each([
    ['GET', `/v1/aggregates?questionnaire=${KORT}&partner=sociaal-team`],
    ['GET', `/v1/invites?questionnaire=${KORT}&partner=sociaal-team`],
    ['POST', '/v1/invites'],
  ] as const)('%s %s naming the other partner → 403 forbidden', async (method, path) => {
    const res = await call(path, {
      method,
      token: t.meeViewer,
      json: method === 'POST' ? { questionnaire: KORT, partner: 'sociaal-team' } : undefined,
    });
    expect(await errorOf(res)).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it.each([
    ['GET', '/v1/gemeenten/demo'],
    ['GET', '/v1/gemeenten/demo/partners'],
    ['GET', '/v1/gemeenten/demo/site-keys'],
    ['GET', '/v1/gemeenten/demo/tokens'],
    ['POST', '/v1/gemeenten/demo/tokens'],
    ['GET', `/v1/export/responses.csv?questionnaire=${KORT}`],
    ['POST', `/v1/import?questionnaire=${KORT}`],
    ['PUT', `/v1/retention?questionnaire=${KORT}`],
    ['DELETE', `/v1/responses/${crypto.randomUUID()}?questionnaire=${KORT}`],
    ['GET', '/v1/admin/questionnaires'],
  ] as const)('%s %s with a partner token → 403 forbidden', async (method, path) => {
    const res = await call(path, { method, token: t.meeViewer, json: method === 'GET' || method === 'DELETE' ? undefined : {} });
    expect(await errorOf(res)).toMatchObject({ status: 403, code: 'forbidden' });
  });
});

describe('tokens: listed, created, rotated and revoked; stored hashed', () => {
  it('lists without secrets or hashes', async () => {
    const { tokens } = await json(await call('/v1/gemeenten/demo/tokens', { token: 'demo-admin' }), 200);
    const admin = tokens.find((x: { id: string }) => x.id === 'tok_demo_admin');
    expect(admin).toMatchObject({ role: 'admin', hint: 'dmin', revokedAt: null });
    expect(Object.keys(admin)).not.toContain('hash');
    expect(tokens.every((x: { role: string }) => x.role !== 'operator')).toBe(true);
  });

  it('creates a viewer token for a partner, and requires the partner', async () => {
    const noPartner = await call('/v1/gemeenten/demo/tokens', { method: 'POST', token: 'demo-admin', json: { role: 'viewer' } });
    expect(await errorOf(noPartner)).toMatchObject({ status: 400, code: 'validation_failed' });
    const operator = await call('/v1/gemeenten/demo/tokens', { method: 'POST', token: 'demo-admin', json: { role: 'operator' } });
    expect(await errorOf(operator)).toMatchObject({ status: 400, code: 'validation_failed' });
    const made = await json(
      await call('/v1/gemeenten/demo/tokens', {
        method: 'POST',
        token: 'demo-admin',
        json: { role: 'viewer', partner: 'mee', label: 'MEE intranet' },
      }),
      201,
    );
    expect((await aggregate(`questionnaire=${KORT}`, made.token)).n).toBe((await aggregate(`questionnaire=${KORT}`, t.meeViewer)).n);
  });

  it('rotation keeps the id and scope; the old secret stops at once', async () => {
    const made = await json(
      await call('/v1/gemeenten/tilburg/tokens', { method: 'POST', token: t.tilburgAdmin, json: { role: 'admin', label: 'tweede' } }),
      201,
    );
    const rotated = await json(
      await call(`/v1/gemeenten/tilburg/tokens/${made.id}/rotate`, { method: 'POST', token: t.tilburgAdmin }),
      200,
    );
    expect(rotated.id).toBe(made.id);
    expect(rotated.token).not.toBe(made.token);
    expect(await errorOf(await call('/v1/gemeenten/tilburg', { token: made.token }))).toMatchObject({ status: 401, code: 'unauthorized' });
    expect((await call('/v1/gemeenten/tilburg', { token: rotated.token })).status).toBe(200);
    expect(await errorOf(await call('/v1/gemeenten/demo', { token: rotated.token }))).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('a revoked token is refused everywhere and listed as revoked', async () => {
    const made = await json(
      await call('/v1/gemeenten/tilburg/tokens', { method: 'POST', token: t.tilburgAdmin, json: { role: 'viewer', partner: 'wijkteam' } }),
      201,
    );
    expect((await call(`/v1/aggregates?questionnaire=${KORT}`, { token: made.token })).status).toBe(200);
    expect(await json(await call(`/v1/gemeenten/tilburg/tokens/${made.id}`, { method: 'DELETE', token: t.tilburgAdmin }), 200)).toEqual({
      id: made.id,
      revoked: true,
    });
    expect(await errorOf(await call(`/v1/aggregates?questionnaire=${KORT}`, { token: made.token }))).toMatchObject({
      status: 401,
      code: 'unauthorized',
    });
    const again = await call(`/v1/gemeenten/tilburg/tokens/${made.id}/rotate`, { method: 'POST', token: t.tilburgAdmin });
    expect(await errorOf(again)).toMatchObject({ status: 404, code: 'not_found' });
    const { tokens } = await json(await call('/v1/gemeenten/tilburg/tokens', { token: t.tilburgAdmin }), 200);
    expect(tokens.find((x: { id: string }) => x.id === made.id).revokedAt).toMatch(/^\d{4}-/);
  });
});

describe('site keys: listed, added, origins updated, revoked', () => {
  it('binds submissions to the current origins', async () => {
    const made = await json(
      await call('/v1/gemeenten/tilburg/site-keys', {
        method: 'POST',
        token: t.tilburgAdmin,
        json: { partner: 'wijkteam', origins: [TILBURG_ORIGIN] },
      }),
      201,
    );
    const { siteKeys } = await json(await call('/v1/gemeenten/tilburg/site-keys?partner=wijkteam', { token: t.tilburgAdmin }), 200);
    expect(siteKeys.map((k: { siteKey: string }) => k.siteKey)).toEqual(expect.arrayContaining([t.tilburgSite, made.siteKey]));
    const send = (origin: string) =>
      call('/v1/responses', { method: 'POST', json: submission({ siteKey: made.siteKey, context: {} }), origin });
    expect((await send(TILBURG_ORIGIN)).status).toBe(201);
    const moved = 'https://nieuw.wijkteam-tilburg.example';
    expect(
      (
        await call(`/v1/gemeenten/tilburg/site-keys/${made.siteKey}`, {
          method: 'PATCH',
          token: t.tilburgAdmin,
          json: { origins: [moved] },
        })
      ).status,
    ).toBe(200);
    expect(await errorOf(await send(TILBURG_ORIGIN))).toMatchObject({ status: 403, code: 'origin_not_allowed' });
    expect((await send(moved)).status).toBe(201);
    expect((await call(`/v1/gemeenten/tilburg/site-keys/${made.siteKey}`, { method: 'DELETE', token: t.tilburgAdmin })).status).toBe(200);
    expect(await errorOf(await send(moved))).toMatchObject({ status: 401, code: 'unknown_site_key' });
    const q = await call(`/v1/questionnaires/${KORT}?siteKey=${made.siteKey}`);
    expect(await errorOf(q)).toMatchObject({ status: 401, code: 'unknown_site_key' });
  });
});

/** Every registered route, as Hono knows it: new routes are covered without editing this file. */
const PUBLIC = new Set([
  '/v1/health',
  '/v1/openapi.json',
  '/v1/questionnaires/:id',
  '/v1/templates',
  '/v1/templates/:id',
  '/v1/invites/check',
  // Signing in needs no token: a setup link or a passkey (test/worker/accounts.test.ts).
  '/v1/auth/setup/options',
  '/v1/auth/setup/verify',
  '/v1/auth/login/options',
  '/v1/auth/login/verify',
  '/v1/auth/logout',
]);
const apiRoutes = () => {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.path.startsWith('/v1/') && !r.path.includes('*') && r.method !== 'ALL')
    .filter((r) => !PUBLIC.has(r.path) && !(r.path === '/v1/responses' && r.method === 'POST'))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && !!seen.add(`${r.method} ${r.path}`));
};
const fill = (path: string) =>
  path
    .replace(':submissionId', crypto.randomUUID())
    .replace(':tokenId', 'tok_demo_admin')
    .replace(':key', 'demo-site')
    .replace(':partner', 'sociaal-team')
    .replace(':version', '1')
    .replace('/v1/gemeenten/:id', '/v1/gemeenten/demo')
    .replace(':id', KORT) + `?questionnaire=${KORT}&gemeente=demo`;

describe('every route with a token requirement', () => {
  it('finds the routes to check', () => {
    expect(apiRoutes().length).toBeGreaterThanOrEqual(20);
  });

  it('refuses every one without a token: 401 unauthorized as JSON', async () => {
    for (const r of apiRoutes()) {
      const res = await call(fill(r.path), { method: r.method, json: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      expect({ route: `${r.method} ${r.path}`, ...(await errorOf(res)) }).toMatchObject({ status: 401, code: 'unauthorized' });
    }
  });

  it('gives another gemeente’s admin nothing of demo on any of them, and never a 5xx', async () => {
    const before = await ledgerFor(env, 'demo', KORT).counts();
    // GET /v1/auth/session tells the caller about itself, not about a gemeente.
    for (const r of apiRoutes().filter((x) => x.path !== '/v1/auth/session')) {
      const res = await call(fill(r.path), {
        method: r.method,
        token: t.tilburgAdmin,
        json: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        headers: r.path === '/v1/live' ? { Upgrade: 'websocket' } : {},
      });
      const text = await res.text();
      expect({ route: `${r.method} ${r.path}`, status: res.status, text }).toMatchObject({ route: `${r.method} ${r.path}`, status: 403 });
      expect(JSON.parse(text).error.code).toBe('forbidden');
    }
    expect(await ledgerFor(env, 'demo', KORT).counts()).toEqual(before);
    expect((await call('/v1/gemeenten/demo/site-keys', { token: 'demo-admin' })).status).toBe(200);
    expect((await call('/v1/responses', { method: 'POST', json: submission() })).status).toBe(201);
  });
});
