import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { CHANNELS, CONTACT_VALUES, ROLE_VALUES, STATUS_VALUES } from '../../schemas/response.js';
import { gemeenteOf, requireRole } from '../auth.js';
import { readQuery } from '../body.js';
import type { AppEnv } from '../context.js';
import { getGemeente, getQuestionnaire, reportDefinition } from '../db.js';
import { ApiError } from '../errors.js';
import { ledgerFor } from '../ledger-stub.js';
import { GROUP_BY, type CellFilter, type LiveSubscription } from '../ledger-types.js';
import { buildAggregate } from '../report/stats.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const Slug = z.string().regex(/^[a-z0-9_-]{1,64}$/);

export const AggregateQuery = z.object({
  questionnaire: Slug,
  gemeente: Slug.optional(),
  from: Day.optional(),
  to: Day.optional(),
  team: Slug.optional(),
  partner: Slug.optional(),
  contact: z.enum(CONTACT_VALUES).optional(),
  status: z.enum(STATUS_VALUES).optional(),
  role: z.enum(ROLE_VALUES).optional(),
  channel: z.enum(CHANNELS).optional(),
  groupBy: z.enum(GROUP_BY).optional(),
});
export type AggregateQuery = z.infer<typeof AggregateQuery>;

/** Resolves who asks for what: a partner token is always narrowed to its own partner. */
async function selection(c: Context<AppEnv>, q: AggregateQuery) {
  const gemeente = gemeenteOf(c, q.gemeente);
  const token = c.get('token');
  const [g, row] = await Promise.all([getGemeente(c.env.DB, gemeente), getQuestionnaire(c.env.DB, gemeente, q.questionnaire)]);
  if (!g || !row) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
  if (token.role === 'viewer' && q.partner && q.partner !== token.partner_id) {
    throw new ApiError(403, 'forbidden', 'A partner token sees only its own partner.');
  }
  const partner = token.role === 'viewer' ? token.partner_id! : q.partner;
  const filter: CellFilter = {
    from: q.from,
    to: q.to,
    dims: { team: q.team, partner, contact: q.contact, status: q.status, role: q.role, channel: q.channel },
  };
  return { gemeente, k: g.k, filter };
}

export const aggregates = new Hono<AppEnv>().get('/', requireRole('operator', 'admin', 'viewer'), async (c) => {
  const q = readQuery(c, AggregateQuery);
  const { gemeente, k, filter } = await selection(c, q);
  const def = await reportDefinition(c.env.DB, gemeente, q.questionnaire);
  const ledger = ledgerFor(c.env, gemeente, q.questionnaire);
  const [cells, openTexts] = await Promise.all([ledger.cells(filter, q.groupBy), ledger.openTexts(filter)]);
  const aggregate = buildAggregate(def ?? { sections: [] }, cells, { k, grouped: q.groupBy !== undefined, openTexts });
  c.header('Cache-Control', 'no-store');
  return c.json({ questionnaire: q.questionnaire, ...aggregate });
});

/** A WebSocket that receives the aggregate now and after every change. */
export const live = new Hono<AppEnv>().get('/', requireRole('operator', 'admin', 'viewer'), async (c) => {
  if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
    throw new ApiError(426, 'bad_request', 'Connect with a WebSocket.');
  }
  const q = readQuery(c, AggregateQuery);
  const { gemeente, k, filter } = await selection(c, q);
  const sub: LiveSubscription = { gemeente, questionnaire: q.questionnaire, k, filter, groupBy: q.groupBy };
  const offered = c.req.header('Sec-WebSocket-Protocol')?.split(',').map((p) => p.trim()) ?? [];
  const headers = new Headers(c.req.raw.headers);
  headers.set('x-peil-subscription', JSON.stringify(sub));
  if (offered.includes('peil.v1')) headers.set('x-peil-protocol', 'peil.v1');
  const upgraded = await ledgerFor(c.env, gemeente, q.questionnaire).fetch(new Request(c.req.raw.url, { headers }));
  // The Durable Object's response has immutable headers; middleware needs to add its own.
  return new Response(null, { status: upgraded.status, webSocket: upgraded.webSocket, headers: new Headers(upgraded.headers) });
});
