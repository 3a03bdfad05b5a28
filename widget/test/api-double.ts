// A test double of Peil's public API for the widget tests, served by web-test-runner's dev server
// (bundled for Node by web-test-runner.config.mjs). The real API is covered end to end in test/e2e/.
import { SOCIAAL_TEAM, SOCIAAL_TEAM_KORT } from '../../schemas/bank.js';
import { QuestionnaireDefinition, materialize, type PublishedQuestionnaire, type QuestionnaireInput } from '../../schemas/questionnaire.js';

const TEAMS = [
  { id: 'centrum', name: 'Centrum' },
  { id: 'crabbehof', name: 'Crabbehof' },
  { id: 'krispijn', name: 'Krispijn' },
  { id: 'oost', name: 'Oost' },
  { id: 'wielwijk', name: 'Wielwijk' },
];

/** Every item type on its first page; a required choice and a conditional item on the second. */
export const ALLE_TYPES: QuestionnaireInput = {
  id: 'alle-types',
  title: { nl: 'Alle soorten vragen', en: 'Every kind of question' },
  intro: { nl: 'Een vragenlijst om de widget mee te testen.', en: 'A questionnaire to test the widget with.' },
  sections: [
    {
      id: 'eerste',
      title: { nl: 'Uw mening', en: 'Your opinion' },
      items: [
        {
          id: 'q_cijfer',
          type: 'cijfer',
          required: true,
          text: { nl: 'Welk rapportcijfer geeft u {organisatie}?', en: 'What mark would you give {organisatie}?' },
        },
        { id: 'q_nps', type: 'nps', text: { nl: 'Hoe graag zou u ons aanraden?', en: 'How likely are you to recommend us?' } },
        {
          id: 'q_stelling',
          type: 'stelling',
          text: { nl: 'De medewerker nam mij serieus.', en: 'The staff member took me seriously.' },
          help: { nl: 'Denk aan uw laatste gesprek.', en: 'Think of your last conversation.' },
        },
        { id: 'q_aanraden', type: 'aanraden', text: { nl: 'Zou u ons aanraden?', en: 'Would you recommend us?' } },
        {
          id: 'q_keuze',
          type: 'keuze',
          text: { nl: 'Is de hulp afgerond?', en: 'Has the help ended?' },
          options: [
            { id: 'ja', text: { nl: 'Ja', en: 'Yes' } },
            { id: 'nee', text: { nl: 'Nee', en: 'No' } },
          ],
        },
        {
          id: 'q_meerkeuze',
          type: 'meerkeuze',
          text: { nl: 'Waarmee hebben wij u geholpen?', en: 'What did we help you with?' },
          options: [
            { id: 'formulieren', text: { nl: 'Formulieren', en: 'Forms' } },
            { id: 'geldzaken', text: { nl: 'Geldzaken', en: 'Money matters' } },
            { id: 'anders', text: { nl: 'Iets anders', en: 'Something else' } },
          ],
        },
        { id: 'q_open', type: 'open', maxLength: 1000, text: { nl: 'Wat kunnen wij beter doen?', en: 'What could we do better?' } },
      ],
    },
    {
      id: 'tweede',
      title: { nl: 'Tot slot', en: 'Finally' },
      items: [
        {
          id: 'q_verplicht',
          type: 'keuze',
          required: true,
          text: { nl: 'Heeft iemand u geholpen bij het invullen?', en: 'Did someone help you fill this in?' },
          options: [
            { id: 'ja', text: { nl: 'Ja', en: 'Yes' } },
            { id: 'nee', text: { nl: 'Nee', en: 'No' } },
          ],
        },
        {
          id: 'q_nazorg',
          type: 'keuze',
          showIf: { item: 'q_keuze', in: ['ja'] },
          text: { nl: 'Heeft iemand later nog gebeld?', en: 'Did someone call you later?' },
          options: [
            { id: 'ja', text: { nl: 'Ja', en: 'Yes' } },
            { id: 'nee', text: { nl: 'Nee', en: 'No' } },
          ],
        },
      ],
    },
  ],
};

function publish(input: QuestionnaireInput, team?: string): PublishedQuestionnaire {
  const t = TEAMS.find((x) => x.id === team);
  const def = materialize(QuestionnaireDefinition.parse(input), {
    teams: TEAMS,
    organisatie: t ? `het sociaal team ${t.name}` : 'het sociaal team',
  });
  return { ...def, version: 1, status: 'open', context: team ? { team } : undefined };
}

/** The short questionnaire with one translation missing: mw_samen has no Turkish. */
const KORT_EEN_ONVERTAALD: QuestionnaireInput = {
  ...SOCIAAL_TEAM_KORT,
  id: 'kort-een-onvertaald',
  sections: SOCIAAL_TEAM_KORT.sections.map((s) => ({
    ...s,
    items: s.items.map((i) => (i.id === 'mw_samen' ? { ...i, text: { ...i.text, tr: undefined } } : i)),
  })),
};

const DEFINITIONS: Record<string, QuestionnaireInput> = {
  'sociaal-team': SOCIAAL_TEAM,
  'sociaal-team-kort': SOCIAAL_TEAM_KORT,
  'alle-types': ALLE_TYPES,
  'kort-een-onvertaald': KORT_EEN_ONVERTAALD,
};

interface Failure {
  status: number;
  code: string;
  times: number;
}

/** What the double has seen; a test reads it through GET /__double/state. */
interface DoubleState {
  /** Every POST /v1/responses that reached the server, in order. */
  posts: { submissionId: string; answers: unknown }[];
  /** Stored responses by submissionId (a repeat is answered 200 and not stored again). */
  stored: Record<string, unknown>;
  fail?: Failure;
  loadFail?: Failure;
  delayMs: number;
  /** Serve the definition as for a site key that takes only invited answers. */
  inviteRequired?: boolean;
}

const fresh = (): DoubleState => ({ posts: [], stored: {}, delayMs: 0 });

// Typed without Node's types, so the widget's tsconfig (DOM only) checks this file too.
type Incoming = AsyncIterable<Uint8Array>;

async function readBody(req: Incoming): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const c of req) text += decoder.decode(c, { stream: true });
  return text + decoder.decode();
}

/** Koa-style context as web-test-runner's dev server passes it to middleware. */
interface Ctx {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  req: Incoming;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

function error(ctx: Ctx, status: number, code: string): void {
  ctx.status = status;
  ctx.body = { error: { code, message: `test double: ${code}` } };
}

/** A koa middleware answering /v1/questionnaires/:id, /v1/responses and the /__double/ controls. */
export function apiDouble() {
  let state = fresh();
  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (ctx.path === '/__double/reset' && ctx.method === 'POST') {
      state = fresh();
      ctx.body = { ok: true };
      return;
    }
    if (ctx.path === '/__double/configure' && ctx.method === 'POST') {
      Object.assign(state, JSON.parse(await readBody(ctx.req)) as Partial<DoubleState>);
      ctx.body = { ok: true };
      return;
    }
    if (ctx.path === '/__double/state') {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = state;
      return;
    }
    const q = /^\/v1\/questionnaires\/([^/]+)$/.exec(ctx.path);
    if (q && ctx.method === 'GET') {
      if (state.loadFail && state.loadFail.times-- > 0) return error(ctx, state.loadFail.status, state.loadFail.code);
      if (ctx.query.siteKey !== 'test-site') return error(ctx, 401, 'unknown_site_key');
      const input = DEFINITIONS[decodeURIComponent(q[1])];
      if (!input) return error(ctx, 404, 'questionnaire_not_found');
      ctx.set('Cache-Control', 'no-store');
      const published = publish(input, typeof ctx.query.team === 'string' ? ctx.query.team : undefined);
      ctx.body = state.inviteRequired ? { ...published, inviteRequired: true } : published;
      return;
    }
    if (ctx.path === '/v1/responses' && ctx.method === 'POST') {
      const body = JSON.parse(await readBody(ctx.req)) as { submissionId: string; answers: unknown };
      state.posts.push({ submissionId: body.submissionId, answers: body.answers });
      if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
      if (state.fail && state.fail.times-- > 0) return error(ctx, state.fail.status, state.fail.code);
      const repeat = body.submissionId in state.stored;
      state.stored[body.submissionId] = body;
      ctx.status = repeat ? 200 : 201;
      ctx.body = { submissionId: body.submissionId, status: repeat ? 'duplicate' : 'stored' };
      return;
    }
    await next();
  };
}
