import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Aggregate, Comparison, ReportLabels } from '../../schemas/aggregate.js';
import { Day, QuestionnaireId, Slug } from '../../schemas/ids.js';
import { LANGUAGES, ORGANISATIE_IN_GENERAL, RESPONDENTS, YEAR_BY, type WeetNietRule } from '../../schemas/constants.js';
import { allItems, fillText, textIn, type Section, type Text } from '../../schemas/questionnaire.js';
import { CHANNELS, CONTACT_VALUES, LEEFTIJD_VALUES, ROLE_VALUES, STATUS_VALUES } from '../../schemas/response.js';
import { gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { getGemeente, getQuestionnaire, getVersion, getWeights, listTeams, reportDefinition } from '../db.js';
import { route } from '../describe.js';
import { isProtected, protectedQueryOf } from '../disclosure/audience.js';
import { ApiError } from '../errors.js';
import { dutchDay } from '../ingest.js';
import { ledgerFor } from '../ledger-stub.js';
import { TOKEN_HEADER, type SocketToken } from '../ledger/sockets.js';
import { GROUP_BY, type CellFilter, type Dimension, type GroupBy, type LiveSubscription } from '../ledger-types.js';
import { COMPARE, PERIODS, comparisonRange, currentPeriod, type Compare, type Period } from '../report/period.js';
import { buildAggregate, buildComparison, type CubeCell } from '../report/stats.js';
import { WEIGHT_BOUNDS, weighCells, type Margins } from '../report/weights.js';
import { parseWeights, populationOf } from './weights.js';

/** The query fields of an aggregate read; the aggregate exports add their own `format`. */
export const AggregateFields = z.object({
  questionnaire: QuestionnaireId,
  gemeente: Slug.optional(),
  from: Day.optional(),
  to: Day.optional(),
  /** The current day, week (from Monday), month, quarter or year up to today, in Dutch time. */
  period: z.enum(PERIODS).optional(),
  team: Slug.optional(),
  partner: Slug.optional(),
  contact: z.enum(CONTACT_VALUES).optional(),
  status: z.enum(STATUS_VALUES).optional(),
  role: z.enum(ROLE_VALUES).optional(),
  channel: z.enum(CHANNELS).optional(),
  leeftijd: z.enum(LEEFTIJD_VALUES).optional(),
  wijk: Slug.optional(),
  /** The language the client answered in. */
  language: z.enum(LANGUAGES).optional(),
  groupBy: z.enum(GROUP_BY).optional(),
  /** A calendar year: by the day of the response, or with by=service by the year of the contact or service. */
  year: z
    .string()
    .regex(/^(19|20)\d{2}$/, 'a year as YYYY')
    .optional(),
  by: z.enum(YEAR_BY).optional(),
});
/** Checks across fields of an aggregate query. */
export function refineAggregateQuery(
  q: {
    from?: string;
    to?: string;
    period?: string;
    compare?: string;
    compareFrom?: string;
    compareTo?: string;
    year?: string;
    by?: string;
    groupBy?: string;
  },
  ctx: z.RefinementCtx,
): void {
  if (q.year && (q.from || q.to || q.period)) {
    ctx.addIssue({ code: 'custom', path: ['year'], message: 'give either year or from/to/period, not both' });
  }
  if (q.by && !q.year) ctx.addIssue({ code: 'custom', path: ['by'], message: 'by needs a year' });
  if (q.by === 'service' && (q.compareFrom || q.groupBy === 'day' || q.groupBy === 'week')) {
    ctx.addIssue({ code: 'custom', path: ['by'], message: 'a service year compares with compare=, not with dates or days' });
  }
  if (q.from && q.to && q.from > q.to)
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to', params: { code: 'invalid_date' } });
  if (q.period && (q.from || q.to)) {
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'give either period or from/to, not both' });
  }
  if (q.compare && !q.period && !q.year && !(q.from && q.to)) {
    ctx.addIssue({ code: 'custom', path: ['compare'], message: 'compare needs a period, a year, or both from and to' });
  }
  if (!q.compareFrom !== !q.compareTo)
    ctx.addIssue({ code: 'custom', path: ['compareFrom'], message: 'give both compareFrom and compareTo' });
  if (q.compareFrom && q.compareTo && q.compareFrom > q.compareTo) {
    ctx.addIssue({ code: 'custom', path: ['compareFrom'], message: 'compareFrom must not be after compareTo' });
  }
  if (q.compareFrom && q.compare)
    ctx.addIssue({ code: 'custom', path: ['compare'], message: 'give either compare or compareFrom/compareTo, not both' });
}
export const AggregateQuery = AggregateFields.extend({
  /** Test the headline figures against the period of equal length just before, or the same dates a year earlier. */
  compare: z.enum(COMPARE).optional(),
  /** Weighted to the questionnaire's population margins (PUT /v1/weights). */
  weighted: z.enum(['0', '1']).optional(),
  /** Test against these dates instead (e.g. the first period of a trend against its last). */
  compareFrom: Day.optional(),
  compareTo: Day.optional(),
}).superRefine(refineAggregateQuery);
export type AggregateQuery = z.infer<typeof AggregateQuery>;

/** What a request may read: the gemeente, its k, the cell filter and the groups a breakdown lists. */
export interface Selection {
  gemeente: string;
  k: number;
  /** The gemeente releases open texts for partners one by one. */
  review: boolean;
  filter: CellFilter;
  period?: Period;
  groupOrder?: string[];
  /** The gemeente's rule for "weet niet" in stellingen. */
  weetNiet: WeetNietRule;
}

/**
 * Resolves who asks for what. A partner (viewer or public) token is always narrowed to its own
 * partner, so everything built on a selection (figures, live pushes, aggregate exports) is scoped the same way.
 */
export async function selection(c: Context<AppEnv>, q: AggregateQuery): Promise<Selection> {
  const gemeente = gemeenteOf(c, q.gemeente);
  const token = c.get('token');
  if (isProtected(token.role) && token.partner_id && q.partner && q.partner !== token.partner_id) {
    throw new ApiError(403, 'forbidden', 'A partner token sees only its own partner.');
  }
  // A beleid account is protected without a partner of its own: it names the partner it reads.
  const partner = isProtected(token.role) ? (token.partner_id ?? q.partner) : q.partner;
  if (isProtected(token.role) && !partner) throw new ApiError(400, 'bad_request', 'Name the partner to read (partner=…).');
  const [g, row, latest] = await Promise.all([
    getGemeente(c.env.DB, gemeente),
    getQuestionnaire(c.env.DB, gemeente, q.questionnaire),
    getVersion(c.env.DB, gemeente, q.questionnaire),
  ]);
  if (!g || !row) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
  if (latest?.definition.wet === 'jeugd') refusePerPartner(q.partner ?? (isProtected(token.role) ? partner : undefined), q.groupBy);
  const byService = q.year !== undefined && q.by === 'service';
  const range = q.period
    ? currentPeriod(q.period, dutchDay())
    : q.year && !byService
      ? { from: `${q.year}-01-01`, to: `${q.year}-12-31` }
      : { from: q.from, to: q.to };
  const filter: CellFilter = {
    ...range,
    dims: {
      team: q.team,
      partner,
      contact: q.contact,
      status: q.status,
      role: q.role,
      channel: q.channel,
      leeftijd: q.leeftijd,
      wijk: q.wijk,
      language: q.language,
      ...(byService ? { service_year: q.year } : {}),
    },
  };
  return {
    gemeente,
    k: g.k,
    weetNiet: g.weetNiet,
    review: g.open_text_review === 1,
    filter,
    period: q.period,
    groupOrder: await groupOrder(c.env.DB, gemeente, partner, q),
  };
}

/**
 * The Jeugdwet (art. 2.10) forbids using client-experience results per aanbieder: a jeugd
 * questionnaire has no figure for one partner, no breakdown by partner and no filter on one, for anyone.
 */
export function refusePerPartner(partner: string | undefined, groupBy: GroupBy | undefined): void {
  if (partner === undefined && groupBy !== 'partner') return;
  throw new ApiError(
    422,
    'jeugd_per_partner',
    'Dit is een vragenlijst voor de Jeugdwet. De wet staat niet toe dat de uitkomsten per aanbieder worden bekeken of vergeleken. Bekijk ze voor de hele gemeente, per team of per periode. (The Jeugdwet forbids results per aanbieder.)',
    [
      {
        code: 'jeugd_per_partner',
        path: [partner === undefined ? 'groupBy' : 'partner'],
        message: 'no view per partner for a jeugd questionnaire',
      },
    ],
  );
}

/**
 * A breakdown by team lists every team in scope, also those without responses (shown suppressed), so a
 * reader sees that a team is missing rather than not seeing it at all.
 */
async function groupOrder(db: D1Database, gemeente: string, partner: string | undefined, q: AggregateQuery): Promise<string[] | undefined> {
  if (q.groupBy !== 'team' || q.team) return undefined;
  return (await listTeams(db, gemeente, partner)).map((t) => t.id).sort();
}

/** What a read adds to the plain figures: weights and a comparison period. */
export interface AggregateExtras {
  weighted?: boolean;
  /** A comparison period by rule, by its own dates, or another service year. */
  compare?: Compare | { from: string; to: string } | { serviceYear: string };
}

/**
 * The exact aggregate of a selection, as the gemeente reads it (held responses included), with weights
 * and a comparison when asked; protected audiences read through `readAggregate` instead.
 */
export async function aggregateOf(env: Env, questionnaire: string, s: Selection, groupBy?: GroupBy, extras: AggregateExtras = {}) {
  const [def, storedWeights] = await Promise.all([
    reportDefinition(env.DB, s.gemeente, questionnaire),
    getWeights(env.DB, s.gemeente, questionnaire),
  ]);
  const w = parseWeights(storedWeights);
  const margins = extras.weighted && w && Object.keys(w.margins).length ? (w.margins as Margins) : undefined;
  const by = margins ? (Object.keys(margins) as Dimension[]) : undefined;
  const ledger = ledgerFor(env, s.gemeente, questionnaire);
  const openItems = (def?.sections ?? []).flatMap((sec) => sec.items.flatMap((i) => (i.type === 'open' ? [i.id] : [])));
  const weigh = (cells: CubeCell[]) => (margins ? weighCells(cells, margins, RESPONDENTS) : cells);
  const [cells, openTexts] = await Promise.all([ledger.cells(s.filter, groupBy, by), ledger.openTexts(s.filter, openItems)]);
  const sections = def ?? { sections: [] };
  const groupPopulation = groupBy && w ? (w.margins as Margins)[groupBy] : undefined;
  const aggregate = buildAggregate(sections, weigh(cells), {
    k: s.k,
    grouped: groupBy !== undefined,
    groupOrder: s.groupOrder,
    openTexts,
    weighted: margins !== undefined,
    weetNiet: s.weetNiet,
    // The population given is that of everyone; a filtered selection is drawn from an unknown part of it.
    ...(populationOf(w) !== undefined && !Object.values(s.filter.dims ?? {}).some((v) => v !== undefined)
      ? { population: populationOf(w) }
      : {}),
    ...(groupPopulation ? { groupPopulation } : {}),
  });
  const result: Aggregate & { comparison?: Comparison; weighting?: { dimensions: string[]; bounds: typeof WEIGHT_BOUNDS } } = aggregate;
  if (margins) result.weighting = { dimensions: Object.keys(margins), bounds: WEIGHT_BOUNDS };
  const range =
    typeof extras.compare === 'object'
      ? 'serviceYear' in extras.compare
        ? { from: `${extras.compare.serviceYear}-01-01`, to: `${extras.compare.serviceYear}-12-31` }
        : extras.compare
      : extras.compare && s.filter.from && s.filter.to
        ? comparisonRange(s.filter.from, s.filter.to, extras.compare)
        : undefined;
  if (range) {
    // A service year is compared with the service year before it, whatever day its responses came in.
    const then: CellFilter =
      typeof extras.compare === 'object' && 'serviceYear' in extras.compare
        ? { ...s.filter, dims: { ...s.filter.dims, service_year: extras.compare.serviceYear } }
        : { ...s.filter, ...range };
    const before = await ledger.cells(then, undefined, by);
    const now = groupBy ? await ledger.cells(s.filter, undefined, by) : cells;
    result.comparison = { ...range, ...buildComparison(sections, weigh(now), weigh(before), { k: s.k, weighted: margins !== undefined }) };
  }
  return { def, aggregate: result };
}

/** Names for the figures: teams in scope, and the questions of every version, in reading order. */
export async function labelsOf(env: Env, s: Selection, def: { title: Text; sections: Section[] } | null): Promise<ReportLabels> {
  const teams = await listTeams(env.DB, s.gemeente, s.filter.dims?.partner);
  const general = { organisatie: ORGANISATIE_IN_GENERAL };
  // The dashboard speaks Dutch and English; an item without English reads its Dutch there.
  const label = (t: Text) => {
    const filled = fillText(t, general);
    return { nl: filled.nl, en: textIn(filled, 'en').value };
  };
  const items: ReportLabels['items'] = {};
  for (const section of def?.sections ?? []) {
    for (const item of section.items) {
      items[item.id] = {
        type: item.type,
        text: label(item.text),
        section: section.id,
        ...(item.type === 'keuze' && item.context ? { context: item.context } : {}),
        ...(item.type === 'keuze' || item.type === 'meerkeuze'
          ? { options: Object.fromEntries(item.options.map((o) => [o.id, label(o.text)])) }
          : {}),
      };
    }
  }
  return {
    ...(def ? { title: label(def.title) } : {}),
    teams: Object.fromEntries(teams.map((t) => [t.id, t.name])),
    items,
  };
}

/** The protected query of a selection (see worker/disclosure/audience.ts); 400 for what it may not ask. */
function protectedOf(q: AggregateQuery, s: Selection, def: { sections: Section[] } | null, texts: boolean) {
  // The disclosure layer's cells are calendar periods of the response day; a service year is not one of them.
  if (q.by === 'service') {
    const message = 'Per dienstjaar kan alleen de gemeente kijken. / Only the gemeente reads by service year.';
    throw new ApiError(400, 'combination_not_allowed', message, [{ code: 'combination_not_allowed', path: ['by'], message }]);
  }
  return protectedQueryOf(
    q.year ? { ...q, from: `${q.year}-01-01`, to: `${q.year}-12-31` } : q,
    {
      partner: s.filter.dims!.partner!,
      k: s.k,
      review: s.review,
      groupOrder: s.groupOrder,
      items: allItems(def ?? { sections: [] }),
      texts,
    },
    dutchDay(),
  );
}

/**
 * The figures a token may read for a query: exact for the gemeente, through the disclosure layer for a
 * protected audience. GET /v1/aggregates and the aggregates CSV both read them here.
 */
export async function readAggregate(c: Context<AppEnv>, q: AggregateQuery) {
  const s = await selection(c, q);
  if (!isProtected(c.get('token').role)) {
    const extras: AggregateExtras = {
      weighted: q.weighted === '1',
      compare:
        q.compareFrom && q.compareTo
          ? { from: q.compareFrom, to: q.compareTo }
          : q.compare && q.year && q.by === 'service'
            ? { serviceYear: String(Number(q.year) - 1) }
            : q.compare,
    };
    return { s, ...(await aggregateOf(c.env, q.questionnaire, s, q.groupBy, extras)) };
  }
  // Protected figures are released and perturbed; weights and comparisons are for the gemeente's exact figures.
  const def = await reportDefinition(c.env.DB, s.gemeente, q.questionnaire);
  // RPC typing loses tuples (ci95) on the way; the value is the Aggregate the ledger built.
  const aggregate = (await ledgerFor(c.env, s.gemeente, q.questionnaire).protectedView(protectedOf(q, s, def, true))) as Aggregate;
  return { s, def, aggregate };
}

export const aggregates = new Hono<AppEnv>().get(
  '/',
  route({
    summary: 'Aggregates: exact for the gemeente; disclosure-controlled for a partner (viewer) or public token, its own partner only',
    tag: 'report',
    ok: { 200: '{questionnaire, n, items, groups?, labels, disclosure?}' },
    errors: [
      [400, 'bad_request'],
      [400, 'period_not_allowed'],
      [400, 'combination_not_allowed'],
      [404, 'questionnaire_not_found'],
      [422, 'jeugd_per_partner'],
    ],
  }),
  requireRole('operator', 'admin', 'viewer', 'public', 'onderzoeker', 'beleid'),
  validate('query', AggregateQuery),
  async (c) => {
    const q = c.req.valid('query');
    const { s, def, aggregate } = await readAggregate(c, q);
    c.header('Cache-Control', 'no-store');
    return c.json({ questionnaire: q.questionnaire, ...aggregate, labels: await labelsOf(c.env, s, def) });
  },
);

/** A WebSocket that receives the aggregate now and after every change, for the same selection as GET. */
export const live = new Hono<AppEnv>().get(
  '/',
  route({
    summary:
      'WebSocket: the aggregate now and after every change (token also as subprotocol bearer.TOKEN, or the beheer session cookie; closed when the token or session ends)',
    tag: 'report',
    ok: { 101: 'Switching protocols; every message is an aggregate as GET /v1/aggregates returns it' },
    errors: [
      [426, 'bad_request'],
      [400, 'bad_request'],
      [404, 'questionnaire_not_found'],
      [422, 'jeugd_per_partner'],
    ],
  }),
  requireRole('operator', 'admin', 'viewer', 'public', 'onderzoeker', 'beleid'),
  validate('query', AggregateQuery),
  async (c) => {
    if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError(426, 'bad_request', 'Connect with a WebSocket.');
    }
    const q = c.req.valid('query');
    const s = await selection(c, q);
    // A protected feed carries no items: the ledger reads the definition at each push.
    const guarded = isProtected(c.get('token').role)
      ? (({ items: _items, texts: _texts, ...rest }) => rest)(protectedOf(q, s, null, false))
      : undefined;
    const sub: LiveSubscription = {
      gemeente: s.gemeente,
      questionnaire: q.questionnaire,
      k: s.k,
      weetNiet: s.weetNiet,
      filter: s.period ? { dims: s.filter.dims } : s.filter,
      groupBy: q.groupBy,
      ...(s.period ? { period: s.period } : {}),
      ...(s.groupOrder ? { groupOrder: s.groupOrder } : {}),
      ...(guarded ? { protected: guarded } : {}),
    };
    const offered =
      c.req
        .header('Sec-WebSocket-Protocol')
        ?.split(',')
        .map((p) => p.trim()) ?? [];
    const headers = new Headers(c.req.raw.headers);
    headers.set('x-peil-subscription', JSON.stringify(sub));
    const { id, created_at, expires_at, session } = c.get('token');
    // A browser signed in to beheer: the connection lasts as long as its session, and ends with it.
    const tag: SocketToken = session
      ? { id, created_at, expires_at: session.expires_at, session: session.hash }
      : { id, created_at, expires_at };
    headers.set(TOKEN_HEADER, JSON.stringify(tag));
    if (offered.includes('peil.v1')) headers.set('x-peil-protocol', 'peil.v1');
    const upgraded = await ledgerFor(c.env, s.gemeente, q.questionnaire).fetch(new Request(c.req.raw.url, { headers }));
    // The Durable Object's response has immutable headers; middleware needs to add its own.
    return new Response(null, { status: upgraded.status, webSocket: upgraded.webSocket, headers: new Headers(upgraded.headers) });
  },
);
