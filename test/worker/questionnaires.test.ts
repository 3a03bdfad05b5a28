import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { SOCIAAL_TEAM, SOCIAAL_TEAM_KORT } from '../../schemas/bank.js';
import { CEO_WMO, MCJO_JONGEREN, MCJO_OUDERS } from '../../schemas/ceo.js';
import { QuestionnaireDefinition, type QuestionnaireInput } from '../../schemas/questionnaire.js';
import { sha256Hex } from '../../worker/crypto.js';
import { aggregate, call, submission } from './helpers.js';

// Storage is shared by the tests of this file: each test works on questionnaires with its own ids.

const ADMIN = '/v1/admin/questionnaires';
const t = (nl: string) => ({ nl, en: nl });

async function api(method: string, path: string, json?: unknown, token = 'demo-admin') {
  const res = await call(path, { method, json, token, origin: null });
  return { status: res.status, body: await res.json<any>() };
}

/** Creates a questionnaire from a template under its own id and publishes it as version 1. */
async function published(id: string, template: 'sociaal-team-kort' | 'sociaal-team' = 'sociaal-team-kort') {
  const res = await api('POST', ADMIN, { template, id, publish: true });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ id, latestVersion: 1, hasDraft: false, status: 'open' });
}

/** The definition of the short questionnaire under another id, with its items changed by `f`. */
function kortAs(id: string, f: (items: any[]) => any[] = (i) => i): QuestionnaireInput {
  const section = SOCIAAL_TEAM_KORT.sections[0];
  return { ...SOCIAAL_TEAM_KORT, id, sections: [{ ...section, items: f([...section.items]) }] };
}

async function submit(questionnaireId: string, version: number, answers: Record<string, unknown>) {
  return call('/v1/responses', { method: 'POST', json: submission({ questionnaireId, version, answers }) });
}

beforeAll(async () => {
  // A second gemeente, to check that an admin token stays within its own.
  await env.DB.batch([
    env.DB.prepare("INSERT INTO gemeenten (id, name) VALUES ('elders', 'Gemeente Elders')"),
    env.DB.prepare(
      "INSERT INTO tokens (id, hash, role, gemeente_id, label) VALUES ('tok_elders', ?, 'admin', 'elders', 'elders admin')",
    ).bind(await sha256Hex('elders-admin')),
  ]);
});

describe('admin questionnaires: access', () => {
  it('requires an admin or operator token', async () => {
    expect((await call(ADMIN, { origin: null })).status).toBe(401);
    expect((await api('GET', ADMIN, undefined, 'wrong')).body.error.code).toBe('unauthorized');
    const viewer = await api('GET', ADMIN, undefined, 'demo-viewer');
    expect([viewer.status, viewer.body.error.code]).toEqual([403, 'forbidden']);
  });

  it('lets an operator act for a gemeente it names', async () => {
    const unnamed = await api('GET', ADMIN, undefined, 'demo-operator');
    expect([unnamed.status, unnamed.body.error.code]).toEqual([400, 'bad_request']);
    const unknown = await api('GET', `${ADMIN}?gemeente=nergens`, undefined, 'demo-operator');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    const demo = await api('GET', `${ADMIN}?gemeente=demo`, undefined, 'demo-operator');
    expect(demo.status).toBe(200);
    expect(demo.body.questionnaires.map((q: any) => q.id)).toEqual(expect.arrayContaining(['sociaal-team', 'sociaal-team-kort']));
  });

  it('keeps a gemeente admin to its own gemeente', async () => {
    const other = await api('GET', `${ADMIN}?gemeente=demo`, undefined, 'elders-admin');
    expect([other.status, other.body.error.code]).toEqual([403, 'forbidden']);
    const publish = await api('POST', `${ADMIN}/sociaal-team-kort/close?gemeente=elders`);
    expect([publish.status, publish.body.error.code]).toEqual([403, 'forbidden']);
    const own = await api('GET', `${ADMIN}/sociaal-team-kort`, undefined, 'elders-admin');
    expect([own.status, own.body.error.code]).toEqual([404, 'questionnaire_not_found']);
    const demo = await api('GET', `${ADMIN}/sociaal-team-kort`);
    expect(demo.body.status).toBe('open');
  });

  it('lists the seeded questionnaires with their latest version', async () => {
    const { status, body } = await api('GET', ADMIN);
    expect(status).toBe(200);
    expect(body.gemeente).toBe('demo');
    expect(body.questionnaires.find((q: any) => q.id === 'sociaal-team-kort')).toMatchObject({
      status: 'open',
      title: SOCIAAL_TEAM_KORT.title,
      latestVersion: 1,
      hasDraft: false,
    });
  });
});

describe('templates', () => {
  it('lists the default questionnaires and serves each in full', async () => {
    const list = await api('GET', '/v1/templates');
    expect(list.body.templates).toEqual([
      { id: 'sociaal-team-kort', title: SOCIAAL_TEAM_KORT.title, sections: 1, items: 6 },
      { id: 'sociaal-team', title: SOCIAAL_TEAM.title, sections: 5, items: 31 },
      // The CEO core modules: ten CEO Wmo items with a rapportcijfer and two open questions; six MCJO stellingen and three open questions.
      { id: 'ceo-wmo', title: CEO_WMO.title, sections: 3, items: 13 },
      { id: 'mcjo-ouders', title: MCJO_OUDERS.title, sections: 2, items: 9 },
      { id: 'mcjo-jongeren', title: MCJO_JONGEREN.title, sections: 2, items: 9 },
    ]);
    expect((await api('GET', '/v1/templates/sociaal-team')).body).toEqual(QuestionnaireDefinition.parse(SOCIAAL_TEAM));
    const unknown = await api('GET', '/v1/templates/constructor');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
  });

  it('start any new gemeente with the same questionnaires as the demo', async () => {
    for (const template of ['sociaal-team-kort', 'sociaal-team']) {
      const res = await api('POST', ADMIN, { template, publish: true }, 'elders-admin');
      expect([res.status, res.body.latestVersion]).toEqual([201, 1]);
      const v1 = await api('GET', `${ADMIN}/${template}/versions/1`, undefined, 'elders-admin');
      const seeded = await api('GET', `${ADMIN}/${template}/versions/1`);
      // The demo adds its own wijken (ctx_wijk) to the long questionnaire, as any gemeente may.
      const withoutWijk = (d: QuestionnaireInput) => ({
        ...d,
        sections: d.sections.map((s) => ({ ...s, items: s.items.filter((i) => i.id !== 'ctx_wijk') })),
      });
      expect(v1.body.definition).toEqual(withoutWijk(seeded.body.definition));
      expect(JSON.stringify(seeded.body.definition).includes('ctx_wijk')).toBe(template === 'sociaal-team');
    }
    const demo = await api('GET', ADMIN);
    expect(demo.body.questionnaires.filter((q: any) => q.id === 'sociaal-team-kort')).toHaveLength(1);
  });
});

describe('admin questionnaires: create', () => {
  it('creates a draft from a template that is not served until published', async () => {
    const res = await api('POST', ADMIN, { template: 'sociaal-team', id: 'st-concept' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'st-concept', latestVersion: null, hasDraft: true, title: SOCIAAL_TEAM.title });
    const draft = await api('GET', `${ADMIN}/st-concept/draft`);
    expect(draft.body.draft).toEqual({ ...QuestionnaireDefinition.parse(SOCIAAL_TEAM), id: 'st-concept' });
    const served = await call('/v1/questionnaires/st-concept?siteKey=demo-site');
    expect([served.status, (await served.json<any>()).error.code]).toEqual([404, 'questionnaire_not_found']);
  });

  it('refuses an id that exists, and leaves it as it was', async () => {
    for (const body of [
      { template: 'sociaal-team-kort' },
      { template: 'sociaal-team', id: 'sociaal-team-kort' },
      { definition: kortAs('sociaal-team') },
    ]) {
      const res = await api('POST', ADMIN, body);
      expect([res.status, res.body.error.code]).toEqual([409, 'already_exists']);
    }
    const kort = await api('GET', `${ADMIN}/sociaal-team-kort`);
    expect(kort.body).toMatchObject({ latestVersion: 1, hasDraft: false });
  });

  it('creates from a definition of its own, validated', async () => {
    const own = await api('POST', ADMIN, { definition: kortAs('eigen-lijst'), publish: true });
    expect([own.status, own.body.latestVersion]).toEqual([201, 1]);
    const bad = await api('POST', ADMIN, {
      definition: kortAs('kapotte-lijst', (items) => [{ ...items[0], showIf: { item: 'tot_aanraden', in: ['ja'] } }, ...items.slice(1)]),
    });
    expect([bad.status, bad.body.error.code]).toEqual([422, 'validation_failed']);
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: ['sections', 0, 'items', 0, 'showIf', 'item'] })]);
    expect((await api('GET', `${ADMIN}/kapotte-lijst`)).status).toBe(404);
  });

  it('refuses a malformed request with a stable code', async () => {
    const cases: [unknown, number, string][] = [
      [{ template: 'onbekend' }, 400, 'validation_failed'],
      [{}, 400, 'validation_failed'],
      [{ template: 'sociaal-team', definition: kortAs('x-y') }, 400, 'validation_failed'],
      [{ template: 'sociaal-team', id: 'Hoofdletters' }, 400, 'validation_failed'],
      [{ template: 'sociaal-team', extra: 1 }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const res = await api('POST', ADMIN, body);
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const json = await call(ADMIN, {
      method: 'POST',
      token: 'demo-admin',
      body: '{"template":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect([json.status, (await json.json<any>()).error.code]).toEqual([400, 'invalid_json']);
    const form = await call(ADMIN, {
      method: 'POST',
      token: 'demo-admin',
      body: 'template=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect([form.status, (await form.json<any>()).error.code]).toEqual([415, 'unsupported_media_type']);
  });
});

describe('admin questionnaires: drafts and versions', () => {
  it('edits a draft with the full definition, validated, for the questionnaire in the URL', async () => {
    await published('bewerk-proef');
    const start = await api('POST', `${ADMIN}/bewerk-proef/draft`);
    expect(start.status).toBe(201);
    expect(start.body.draft).toEqual(QuestionnaireDefinition.parse(kortAs('bewerk-proef')));
    expect((await api('POST', `${ADMIN}/bewerk-proef/draft`)).status).toBe(200);

    const wrongId = await api('PUT', `${ADMIN}/bewerk-proef/draft`, kortAs('iets-anders'));
    expect([wrongId.status, wrongId.body.error.code, wrongId.body.error.issues[0].path]).toEqual([422, 'validation_failed', ['id']]);
    const emptyText = await api(
      'PUT',
      `${ADMIN}/bewerk-proef/draft`,
      kortAs('bewerk-proef', (items) => [{ ...items[0], text: { nl: 'Cijfer?', tr: '' } }]),
    );
    expect([emptyText.status, emptyText.body.error.code]).toEqual([422, 'validation_failed']);
    expect(emptyText.body.error.issues[0].path).toEqual(['sections', 0, 'items', 0, 'text', 'tr']);
    expect((await api('GET', `${ADMIN}/bewerk-proef/draft`)).body.draft).toEqual(start.body.draft);

    const edited = kortAs('bewerk-proef', (items) => [...items, { id: 'extra_vraag', type: 'nps', text: t('Extra?') }]);
    const saved = await api('PUT', `${ADMIN}/bewerk-proef/draft`, edited);
    expect(saved.status).toBe(200);
    expect((await api('GET', `${ADMIN}/bewerk-proef/draft`)).body.draft).toEqual(QuestionnaireDefinition.parse(edited));
    const missing = await api('PUT', `${ADMIN}/bestaat-niet/draft`, kortAs('bestaat-niet'));
    expect([missing.status, missing.body.error.code]).toEqual([404, 'questionnaire_not_found']);
  });

  it('discards a draft and keeps the published versions', async () => {
    await published('weggooi-proef');
    await api('POST', `${ADMIN}/weggooi-proef/draft`);
    expect((await api('DELETE', `${ADMIN}/weggooi-proef/draft`)).body).toEqual({ id: 'weggooi-proef', discarded: true });
    const draft = await api('GET', `${ADMIN}/weggooi-proef/draft`);
    expect([draft.status, draft.body.error.code]).toEqual([404, 'not_a_draft']);
    expect((await api('GET', `${ADMIN}/weggooi-proef`)).body).toMatchObject({ latestVersion: 1, hasDraft: false });
  });

  it('publishes a draft as version n+1 and refuses to publish without a draft', async () => {
    await published('versie-proef');
    const none = await api('POST', `${ADMIN}/versie-proef/publish`);
    expect([none.status, none.body.error.code]).toEqual([409, 'not_a_draft']);
    const unknown = await api('POST', `${ADMIN}/bestaat-niet/publish`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'questionnaire_not_found']);

    await api(
      'PUT',
      `${ADMIN}/versie-proef/draft`,
      kortAs('versie-proef', (items) => [
        ...items.filter((i) => i.id !== 'mw_samen'),
        { id: 'nieuw', type: 'aanraden', text: t('Nieuw?') },
      ]),
    );
    const v2 = await api('POST', `${ADMIN}/versie-proef/publish`);
    expect([v2.status, v2.body.version, v2.body.latestVersion, v2.body.hasDraft]).toEqual([201, 2, 2, false]);

    const versions = await api('GET', `${ADMIN}/versie-proef/versions`);
    expect(versions.body.versions).toEqual([
      { version: 1, publishedAt: expect.any(String), items: 6, added: [], removed: [] },
      { version: 2, publishedAt: expect.any(String), items: 6, added: ['nieuw'], removed: ['mw_samen'] },
    ]);
    const show = await api('GET', `${ADMIN}/versie-proef`);
    expect(show.body.definition.sections[0].items.map((i: any) => i.id)).toContain('nieuw');
    expect(show.body.draft).toBeNull();
    const v3 = await api('GET', `${ADMIN}/versie-proef/versions/3`);
    expect([v3.status, v3.body.error.code]).toEqual([404, 'version_not_found']);
    const bad = await api('GET', `${ADMIN}/versie-proef/versions/twee`);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
  });

  it('refuses to publish an item id that changes type, and stores nothing', async () => {
    await published('type-proef');
    await api(
      'PUT',
      `${ADMIN}/type-proef/draft`,
      kortAs('type-proef', (items) => items.filter((i) => i.id !== 'mw_serieus')),
    );
    expect((await api('POST', `${ADMIN}/type-proef/publish`)).body.version).toBe(2);
    // mw_serieus was a stelling in version 1; version 2 dropped it; it may not come back as a cijfer.
    const changed = kortAs('type-proef', (items) =>
      items.map((i) => (i.id === 'mw_serieus' ? { id: 'mw_serieus', type: 'cijfer', text: i.text } : i)),
    );
    await api('PUT', `${ADMIN}/type-proef/draft`, changed);
    const res = await api('POST', `${ADMIN}/type-proef/publish`);
    expect([res.status, res.body.error.code]).toEqual([422, 'incompatible_change']);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ code: 'incompatible_change', item: 'mw_serieus' })]);
    const after = await api('GET', `${ADMIN}/type-proef`);
    expect(after.body).toMatchObject({ latestVersion: 2, hasDraft: true });
  });

  it('keeps published versions immutable in the database itself', async () => {
    await expect(
      env.DB.prepare(
        "UPDATE questionnaire_versions SET definition = '{}' WHERE gemeente_id = 'demo' AND questionnaire_id = 'sociaal-team-kort'",
      ).run(),
    ).rejects.toThrow(/immutable/);
  });
});

describe('admin questionnaires: close and reopen', () => {
  it('answers submissions to a closed questionnaire with questionnaire_closed, and takes them again when reopened', async () => {
    await published('sluit-proef');
    const answers = { tot_cijfer: 7, tot_aanraden: 'ja' };
    expect((await submit('sluit-proef', 1, answers)).status).toBe(201);
    const closed = await api('POST', `${ADMIN}/sluit-proef/close`);
    expect(closed.body).toMatchObject({ id: 'sluit-proef', status: 'closed' });
    const refused = await submit('sluit-proef', 1, answers);
    expect([refused.status, (await refused.json<any>()).error.code]).toEqual([410, 'questionnaire_closed']);
    expect((await (await call('/v1/questionnaires/sluit-proef?siteKey=demo-site')).json<any>()).status).toBe('closed');
    expect((await aggregate('questionnaire=sluit-proef')).n).toBe(1);
    expect((await api('POST', `${ADMIN}/sluit-proef/open`)).body.status).toBe('open');
    expect((await submit('sluit-proef', 1, answers)).status).toBe(201);
    const unknown = await api('POST', `${ADMIN}/bestaat-niet/close`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'questionnaire_not_found']);
  });
});

describe('versioning keeps trends valid', () => {
  it('publishing v2 leaves v1, its responses and their aggregates intact', async () => {
    await published('trend-kort');
    const marks = [9, 8, 8, 7, 10, 9, 6, 8, 9, 7, 8, 9];
    for (const [i, mark] of marks.entries()) {
      const res = await submit('trend-kort', 1, { tot_cijfer: mark, tot_aanraden: 'ja', mw_samen: i < 9 ? 'eens' : 'oneens' });
      expect(res.status).toBe(201);
    }
    const servedV1 = await (await call('/v1/questionnaires/trend-kort?siteKey=demo-site&version=1')).json<any>();
    const before = await aggregate('questionnaire=trend-kort');
    expect(before.n).toBe(12);
    expect(before.items.tot_cijfer).toMatchObject({ n: 12, mean: 8.2 });
    expect(before.items.mw_samen).toMatchObject({ n: 12, pct: { eens: 75, oneens: 25 } });

    const v2 = kortAs('trend-kort', (items) => [
      ...items
        .filter((i) => i.id !== 'mw_samen')
        .map((i) => (i.id === 'tot_cijfer' ? { ...i, text: t('Welk cijfer geeft u {organisatie}?') } : i)),
      { id: 'toe_snel', type: 'stelling', text: t('Ik werd snel geholpen.') },
    ]);
    expect((await api('PUT', `${ADMIN}/trend-kort/draft`, v2)).status).toBe(200);
    expect((await api('POST', `${ADMIN}/trend-kort/publish`)).body.version).toBe(2);

    // The published v1 and everything counted against it are unchanged.
    expect(await (await call('/v1/questionnaires/trend-kort?siteKey=demo-site&version=1')).json<any>()).toEqual(servedV1);
    const published2 = await aggregate('questionnaire=trend-kort');
    expect(published2.n).toBe(before.n);
    for (const [id, figures] of Object.entries(before.items)) expect(published2.items[id], id).toEqual(figures);
    const latest = await (await call('/v1/questionnaires/trend-kort?siteKey=demo-site')).json<any>();
    expect(latest.version).toBe(2);
    expect(latest.sections[0].items.map((i: any) => i.id)).not.toContain('mw_samen');

    // Each response is checked against the version it names.
    const old = await submit('trend-kort', 2, { tot_cijfer: 8, tot_aanraden: 'ja', mw_samen: 'eens' });
    expect([old.status, (await old.json<any>()).error.code]).toEqual([422, 'unknown_item']);
    const early = await submit('trend-kort', 1, { tot_cijfer: 8, tot_aanraden: 'ja', toe_snel: 'eens' });
    expect([early.status, (await early.json<any>()).error.code]).toEqual([422, 'unknown_item']);
    expect((await submit('trend-kort', 1, { tot_cijfer: 10, tot_aanraden: 'ja', mw_samen: 'eens' })).status).toBe(201);
    for (const mark of [6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6]) {
      expect((await submit('trend-kort', 2, { tot_cijfer: mark, tot_aanraden: 'nee', toe_snel: 'eens' })).status).toBe(201);
    }

    // The mark continues across versions under its stable id; the retired item keeps its own figures.
    const after = await aggregate('questionnaire=trend-kort');
    expect(after.n).toBe(24);
    expect(after.items.tot_cijfer).toMatchObject({ n: 24, mean: 7.3 });
    expect(after.items.mw_samen).toMatchObject({ n: 13 });
    expect(after.items.toe_snel).toMatchObject({ n: 11 });
  });
});
