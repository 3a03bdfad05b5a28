import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { SOCIAAL_TEAM_KORT } from '../../schemas/bank.js';
import { RegistryCache, registryChanged } from '../../worker/registry.js';
import { call, submission } from './helpers.js';

// Ledgers keep their slice of the registry in memory and the worker remembers which gemeente a site
// key belongs to. Each test first makes a submission, so both are warm, then changes the registry
// through the admin API and checks the very next submission and the served definition.

const KORT = 'sociaal-team-kort';
const VOLLEDIG = 'sociaal-team';
const ORIGIN = 'https://wijkteam-zwolle.example';
const t = { admin: '', siteKey: '' };

const json = async <T = any>(res: Response, status: number): Promise<T> => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return res.json<T>();
};
const admin = (method: string, path: string, body?: unknown) => call(path, { method, json: body, token: t.admin, origin: null });

async function send(over: Record<string, unknown> = {}, origin = ORIGIN): Promise<{ status: number; code?: string }> {
  const res = await call('/v1/responses', {
    method: 'POST',
    json: submission({ siteKey: t.siteKey, context: { team: 'noord' }, ...over }),
    origin,
  });
  const body = await res.json<{ error?: { code: string } }>();
  return { status: res.status, code: body.error?.code };
}

const served = (query: string, questionnaire = KORT) =>
  call(`/v1/questionnaires/${questionnaire}?siteKey=${t.siteKey}&${query}`, { origin: null });

beforeAll(async () => {
  const g = await json(
    await call('/v1/gemeenten', { method: 'POST', token: 'demo-operator', json: { id: 'zwolle', name: 'Gemeente Zwolle' } }),
    201,
  );
  t.admin = g.adminToken;
  const p = await json(
    await admin('POST', '/v1/gemeenten/zwolle/partners', {
      id: 'wijkteam',
      name: 'Wijkteam',
      origins: [ORIGIN],
      teams: [{ id: 'noord', name: 'Noord' }],
    }),
    201,
  );
  t.siteKey = p.siteKey;
  for (const template of [KORT, VOLLEDIG]) await json(await admin('POST', '/v1/admin/questionnaires', { template, publish: true }), 201);
});

describe('registry changes reach the very next submission', () => {
  it('a revoked site key is refused at once, though the worker still remembers the key', async () => {
    const { siteKey } = await json(await admin('POST', '/v1/gemeenten/zwolle/site-keys', { partner: 'wijkteam', origins: [ORIGIN] }), 201);
    expect(await send({ siteKey })).toEqual({ status: 201 });
    await json(await admin('DELETE', `/v1/gemeenten/zwolle/site-keys/${siteKey}`), 200);
    expect(await send({ siteKey })).toEqual({ status: 401, code: 'unknown_site_key' });
    expect((await call(`/v1/questionnaires/${KORT}?siteKey=${siteKey}`)).status).toBe(401);
    // The partner's other key is untouched.
    expect(await send()).toEqual({ status: 201 });
  });

  it('an origin taken off a site key is refused at once, and its new origin taken at once', async () => {
    const { siteKey } = await json(await admin('POST', '/v1/gemeenten/zwolle/site-keys', { partner: 'wijkteam', origins: [ORIGIN] }), 201);
    expect(await send({ siteKey })).toEqual({ status: 201 });
    const moved = 'https://nieuw.wijkteam-zwolle.example';
    await json(await admin('PATCH', `/v1/gemeenten/zwolle/site-keys/${siteKey}`, { origins: [moved] }), 200);
    expect(await send({ siteKey })).toEqual({ status: 403, code: 'origin_not_allowed' });
    expect(await send({ siteKey }, moved)).toEqual({ status: 201 });
  });

  it('a closed questionnaire refuses the next submission and is served as closed; reopened, it takes the next one', async () => {
    expect(await send()).toEqual({ status: 201 });
    await json(await admin('POST', `/v1/admin/questionnaires/${KORT}/close`), 200);
    try {
      expect(await send()).toEqual({ status: 410, code: 'questionnaire_closed' });
      expect((await json(await served(''), 200)).status).toBe('closed');
    } finally {
      await json(await admin('POST', `/v1/admin/questionnaires/${KORT}/open`), 200);
    }
    expect(await send()).toEqual({ status: 201 });
    expect((await json(await served(''), 200)).status).toBe('open');
  });

  it('a team added to the partner is taken by the next submission and listed in the served team question', async () => {
    const answers = { tot_cijfer: 8, tot_aanraden: 'ja' };
    expect(await send({ questionnaireId: VOLLEDIG, answers })).toEqual({ status: 201 });
    expect(await send({ questionnaireId: VOLLEDIG, answers, context: { team: 'zuid' } })).toEqual({
      status: 422,
      code: 'team_not_allowed',
    });
    await json(await admin('POST', '/v1/gemeenten/zwolle/partners/wijkteam/teams', { teams: [{ id: 'zuid', name: 'Zuid' }] }), 201);
    expect(await send({ questionnaireId: VOLLEDIG, answers, context: { team: 'zuid' } })).toEqual({ status: 201 });
    // Without a team in the embed, the client picks one: the new team must be among the options.
    const items = (await json(await served('', VOLLEDIG), 200)).sections.flatMap((s: any) => s.items);
    expect(items.find((i: any) => i.id === 'ctx_team').options.map((o: any) => o.id)).toEqual(['noord', 'zuid', 'weet_niet']);
    expect(await send({ questionnaireId: VOLLEDIG, answers: { ...answers, ctx_team: 'zuid' }, context: {} })).toEqual({ status: 201 });
  });

  it('a published version is taken by the next submission and served at once', async () => {
    const answers = { tot_cijfer: 7, tot_aanraden: 'ja', kort_nieuw: 'eens' };
    const section = SOCIAAL_TEAM_KORT.sections[0];
    const extra = { id: 'kort_nieuw', type: 'stelling', text: { nl: 'Ik wist bij wie ik terecht kon.', en: 'I knew whom to turn to.' } };
    await json(await admin('POST', `/v1/admin/questionnaires/${KORT}/draft`), 201);
    await json(
      await admin('PUT', `/v1/admin/questionnaires/${KORT}/draft`, {
        ...SOCIAAL_TEAM_KORT,
        sections: [{ ...section, items: [...section.items, extra] }],
      }),
      200,
    );
    expect(await send({ version: 2, answers })).toEqual({ status: 404, code: 'version_not_found' });
    expect((await json(await admin('POST', `/v1/admin/questionnaires/${KORT}/publish`), 201)).version).toBe(2);
    expect(await send({ version: 2, answers })).toEqual({ status: 201 });
    expect((await json(await served(''), 200)).version).toBe(2);
    // Version 1 did not have the item, and still takes its own answers.
    expect(await send({ version: 1, answers })).toEqual({ status: 422, code: 'unknown_item' });
    expect(await send({ version: 1 })).toEqual({ status: 201 });
  });

  it('a new partner’s site key works on its first submission', async () => {
    expect(await send()).toEqual({ status: 201 });
    const other = 'https://buurtteam-zwolle.example';
    const p = await json(
      await admin('POST', '/v1/gemeenten/zwolle/partners', { id: 'buurtteam', name: 'Buurtteam', origins: [other], teams: ['west'] }),
      201,
    );
    expect(await send({ siteKey: p.siteKey, context: { team: 'west' } }, other)).toEqual({ status: 201 });
    // Its teams are its own: the first partner's team is not among them.
    expect(await send({ siteKey: p.siteKey, context: { team: 'noord' } }, other)).toEqual({ status: 422, code: 'team_not_allowed' });
  });

  it('a used invite is refused on the very next request', async () => {
    const made = await json(await admin('POST', '/v1/invites', { questionnaire: KORT, partner: 'wijkteam' }), 201);
    const [{ token }] = made.invites;
    expect(await send({ invite: token })).toEqual({ status: 201 });
    expect(await send({ invite: token })).toEqual({ status: 409, code: 'invite_used' });
  });

  it('the tests above see the notification, not an empty cache: a change straight into D1 waits until the ledger is told', async () => {
    expect(await send()).toEqual({ status: 201 });
    await env.DB.prepare("UPDATE questionnaires SET status = 'closed' WHERE gemeente_id = 'zwolle' AND id = ?").bind(KORT).run();
    try {
      expect(await send()).toEqual({ status: 201 });
      await registryChanged(env, 'zwolle', KORT);
      expect(await send()).toEqual({ status: 410, code: 'questionnaire_closed' });
    } finally {
      await json(await admin('POST', `/v1/admin/questionnaires/${KORT}/open`), 200);
    }
  });

  it('a slice read while the change lands is not kept: the read after the notification sees the change', async () => {
    const cache = new RegistryCache();
    const close = env.DB.prepare("UPDATE questionnaires SET status = ? WHERE gemeente_id = 'zwolle' AND id = ?");
    const inFlight = cache.slice(env.DB, 'zwolle', KORT);
    await close.bind('closed', KORT).run();
    try {
      cache.clear();
      const after = await cache.slice(env.DB, 'zwolle', KORT);
      expect(after.status).toBe('closed');
      await inFlight;
      expect(await cache.slice(env.DB, 'zwolle', KORT)).toBe(after);
    } finally {
      await close.bind('open', KORT).run();
    }
  });
});
