import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { INVITE_PARAM } from '../../schemas/constants.js';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { forGemeente, gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { sha256Hex } from '../crypto.js';
import { getGemeente, getPartner, getQuestionnaire, listTeams } from '../db.js';
import { route, type Refusal } from '../describe.js';
import { ApiError } from '../errors.js';
import { hostedUrl, newInviteCode, publicBase, shortInviteUrl } from '../hosted/links.js';
import { dutchDay } from '../ingest.js';
import { lettersHtml } from '../report/letter.js';
import { qrSvg } from '../hosted/qr.js';
import { CSP } from './pages.js';

const DAY_MS = 86_400_000;

export const InviteCreate = z
  .object({
    questionnaire: QuestionnaireId,
    /** Required for admin tokens; a partner's own token always creates invites for that partner. */
    partner: Slug.optional(),
    team: Slug.optional(),
    count: z.number().int().min(1).max(500).default(1),
    expiresInDays: z.number().int().min(1).max(365).default(30),
    /** The partner's page with the survey; must be on one of its site key origins. Defaults to Peil's hosted page. */
    url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    /** A name for the batch, e.g. "Steekproef CEO Wmo 2025". */
    label: z.string().trim().min(1).max(200).optional(),
    /** What the batch was drawn from, e.g. "Cliënten met een maatwerkvoorziening in 2025". */
    population: z.string().trim().min(1).max(500).optional(),
    /** How many people that population holds, when known: the report states it beside the sample. */
    populationSize: z.number().int().min(1).max(10_000_000).optional(),
    /** The service year the batch was drawn for: answers with its invites count in that year (by=service). */
    serviceYear: z
      .string()
      .regex(/^(19|20)\d{2}$/, 'a year as YYYY')
      .optional(),
  })
  .strict();
/** A printable letter per invite: the body of an invite batch, and how a client asks for paper or a phone call. */
export const LetterCreate = InviteCreate.extend({
  /** The number a client calls for a paper form or a telephone interview. */
  phone: z.string().trim().min(3).max(40),
  /** Who signs the letter, e.g. "Team Wmo". */
  sender: z.string().trim().min(1).max(120).optional(),
}).strict();
const GemeenteQuery = z.object({ gemeente: Slug.optional() });
const StatsQuery = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional(), partner: Slug.optional() });

export interface Invite {
  hash: string;
  gemeente_id: string;
  questionnaire_id: string;
  partner_id: string;
  team: string | null;
  expires_at: string;
  used_at: string | null;
  /** The service year of the invite's batch, if it was drawn for one. */
  service_year: string | null;
}

// Codes on a letter are typed by hand (by the client, or by an interviewer on the phone): 12 characters
// of Crockford's base32 (no I, L, O, U), 60 random bits, written in groups of four.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/** A new letter code, e.g. 7K3M-Q9TD-2XHB. */
export function newLetterCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH));
  const chars = [...bytes].map((b) => CODE_ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** The canonical form of what was typed: a letter code in any case and spacing reads as its printed form. */
export function canonicalInvite(typed: string): string {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== CODE_LENGTH || [...compact].some((ch) => !CODE_ALPHABET.includes(ch))) return typed;
  return compact.match(/.{4}/g)!.join('-');
}

/**
 * Looks an invite up for a submission. Refuses one that is unknown or meant for another questionnaire
 * or partner, and one that has expired; a used invite is left to the caller, because a repeat of the
 * submission that used it must still get its original answer.
 */
export async function inviteFor(
  db: D1Database,
  token: string,
  scope: { gemeente: string; partner: string; questionnaire: string },
  now = new Date(),
): Promise<Invite> {
  const row = await inviteRow(db, token);
  if (!row || row.gemeente_id !== scope.gemeente || row.partner_id !== scope.partner || row.questionnaire_id !== scope.questionnaire) {
    throw new ApiError(403, 'invite_invalid', 'This invite is not valid for this questionnaire.');
  }
  if (row.expires_at <= now.toISOString()) throw new ApiError(410, 'invite_expired', 'This invite has expired.');
  return row;
}

/** An invite by its token or letter code, with its batch's service year. */
export async function inviteRow(db: D1Database, token: string): Promise<Invite | null> {
  return db
    .prepare(
      `SELECT i.hash, i.gemeente_id, i.questionnaire_id, i.partner_id, i.team, i.expires_at, i.used_at, b.service_year
         FROM invites i LEFT JOIN invite_batches b ON b.id = i.batch_id WHERE i.hash = ?`,
    )
    .bind(await sha256Hex(canonicalInvite(token)))
    .first<Invite>();
}

/** Marks an invite used, atomically: of any number of concurrent attempts exactly one gets true. */
export async function consumeInvite(db: D1Database, hash: string, now = new Date()): Promise<boolean> {
  const res = await db
    .prepare('UPDATE invites SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ?')
    .bind(dutchDay(now), hash, now.toISOString())
    .run();
  return res.meta.changes === 1;
}

/** Gives an invite back when the response it was spent on could not be stored. */
export async function releaseInvite(db: D1Database, hash: string): Promise<void> {
  await db.prepare('UPDATE invites SET used_at = NULL WHERE hash = ?').bind(hash).run();
}

async function partnerKeys(db: D1Database, gemeente: string, partner: string): Promise<{ key: string; origins: string[] }[]> {
  const { results } = await db
    .prepare('SELECT key, origins FROM site_keys WHERE gemeente_id = ? AND partner_id = ? AND revoked_at IS NULL ORDER BY created_at, key')
    .bind(gemeente, partner)
    .all<{ key: string; origins: string }>();
  return results.map((r) => ({ key: r.key, origins: JSON.parse(r.origins) as string[] }));
}

function linkFor(base: string, token: string): string {
  const u = new URL(base);
  u.searchParams.set(INVITE_PARAM, token);
  return u.toString();
}

type BatchBody = z.infer<typeof InviteCreate>;

/**
 * Creates a batch of invites for one partner: checks the questionnaire, partner, team and link, stores
 * the batch with its population and the hashes of its tokens. The tokens themselves are returned once.
 */
async function createBatch(c: Context<AppEnv>, wanted: string | undefined, body: BatchBody, code: () => string) {
  const gemeente = gemeenteOf(c, wanted);
  const token = c.get('token');
  if (token.role === 'viewer' && body.partner && body.partner !== token.partner_id) {
    throw new ApiError(403, 'forbidden', 'A partner token creates invites only for its own partner.');
  }
  const partner = token.role === 'viewer' ? token.partner_id! : body.partner;
  if (!partner)
    throw new ApiError(400, 'validation_failed', 'Name the partner the invites are for.', [
      { code: 'required_missing', path: ['partner'], message: 'a partner id is required' },
    ]);
  const db = c.env.DB;
  const [questionnaire, p, teams, keys] = await Promise.all([
    getQuestionnaire(db, gemeente, body.questionnaire),
    getPartner(db, gemeente, partner),
    listTeams(db, gemeente, partner),
    partnerKeys(db, gemeente, partner),
  ]);
  const origins = keys.flatMap((k) => k.origins);
  if (!questionnaire) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${body.questionnaire}.`);
  if (!p) throw new ApiError(404, 'not_found', `No partner ${partner}.`);
  if (body.team !== undefined && !teams.some((t) => t.id === body.team)) {
    throw new ApiError(422, 'team_not_allowed', `Team ${body.team} does not belong to partner ${partner}.`);
  }
  if (body.url !== undefined && !origins.includes(new URL(body.url).origin)) {
    throw new ApiError(400, 'validation_failed', 'The link must point at one of the partner’s site key origins.', [
      { code: 'origin_not_allowed', path: ['url'], message: `one of ${origins.join(', ') || '(no active site key)'}` },
    ]);
  }
  const expiresAt = new Date(Date.now() + body.expiresInDays * DAY_MS).toISOString();
  const batch = crypto.randomUUID();
  const created = await Promise.all(
    Array.from({ length: body.count }, async () => {
      const secret = code();
      return { token: secret, hash: await sha256Hex(secret) };
    }),
  );
  await db.batch([
    db
      .prepare(
        `INSERT INTO invite_batches (id, gemeente_id, questionnaire_id, partner_id, team, label, population, population_size, service_year, count, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        batch,
        gemeente,
        body.questionnaire,
        partner,
        body.team ?? null,
        body.label ?? null,
        body.population ?? null,
        body.populationSize ?? null,
        body.serviceYear ?? null,
        body.count,
        expiresAt,
      ),
    ...created.map((i) =>
      db
        .prepare(
          'INSERT INTO invites (hash, gemeente_id, questionnaire_id, partner_id, team, expires_at, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .bind(i.hash, gemeente, body.questionnaire, partner, body.team ?? null, expiresAt, batch),
    ),
  ]);
  return { gemeente, partner, batch, expiresAt, created, origins, siteKey: keys[0]?.key };
}

const INVITE_ERRORS: Refusal[] = [
  [404, 'questionnaire_not_found'],
  [404, 'not_found'],
  [422, 'team_not_allowed'],
];

/** Per batch: how many invites, how many were used (web, telephone and paper alike) and the response rate. */
export interface BatchStats {
  id: string;
  label: string | null;
  population: string | null;
  populationSize: number | null;
  serviceYear: string | null;
  partner: string;
  team: string | null;
  createdAt: string;
  expiresAt: string;
  count: number;
  used: number;
  /** Used of count, in percent, to one decimal. */
  responseRate: number;
}

/** The batches of a questionnaire (optionally one partner's), newest first. */
export async function batchStats(db: D1Database, gemeente: string, questionnaire: string, partner?: string): Promise<BatchStats[]> {
  const { results } = await db
    .prepare(
      `SELECT b.id, b.label, b.population, b.population_size, b.service_year, b.partner_id, b.team, b.created_at, b.expires_at, b.count,
              (SELECT COUNT(*) FROM invites i WHERE i.batch_id = b.id AND i.used_at IS NOT NULL) AS used
         FROM invite_batches b
        WHERE b.gemeente_id = ? AND b.questionnaire_id = ? AND (? IS NULL OR b.partner_id = ?)
        ORDER BY b.created_at DESC, b.id`,
    )
    .bind(gemeente, questionnaire, partner ?? null, partner ?? null)
    .all<{
      id: string;
      label: string | null;
      population: string | null;
      population_size: number | null;
      service_year: string | null;
      partner_id: string;
      team: string | null;
      created_at: string;
      expires_at: string;
      count: number;
      used: number;
    }>();
  return results.map((b) => ({
    id: b.id,
    label: b.label,
    population: b.population,
    populationSize: b.population_size,
    serviceYear: b.service_year,
    partner: b.partner_id,
    team: b.team,
    createdAt: b.created_at,
    expiresAt: b.expires_at,
    count: b.count,
    used: b.used,
    responseRate: responseRate(b.used, b.count),
  }));
}

/** Used of sent, in percent to one decimal. */
export function responseRate(used: number, count: number): number {
  return count === 0 ? 0 : Math.round((used / count) * 1000) / 10;
}

/**
 * One-time invites: a partner hands a client a link or QR code after a contact, or the gemeente sends a
 * sample a letter; the token in it works for one response. Only the hash is stored, so the links shown
 * here cannot be shown again.
 */
export const invites = new Hono<AppEnv>()
  .post(
    '/',
    route({
      summary: 'Create a batch of one-time invite tokens and links for a partner (with its label and population)',
      tag: 'submit',
      ok: { 201: '{questionnaire, partner, team, batch, expiresAt, invites: [{token, link, qr, shortLink}]}' },
      errors: [...INVITE_ERRORS],
    }),
    requireRole('operator', 'admin', 'viewer'),
    validate('query', GemeenteQuery),
    forGemeente('query'),
    validate('json', InviteCreate),
    async (c) => {
      const body = c.req.valid('json');
      const b = await createBatch(c, c.req.valid('query').gemeente, body, newInviteCode);
      const base = publicBase(c.env, c.req.url);
      const hosted = (token: string) => {
        if (b.siteKey === undefined) return { link: null };
        const query = { ...(body.team ? { team: body.team } : {}), [INVITE_PARAM]: token };
        return {
          link: body.url === undefined ? hostedUrl(base, b.siteKey, body.questionnaire, query) : linkFor(body.url, token),
          qr: hostedUrl(base, b.siteKey, body.questionnaire, query, '/qr.svg'),
          shortLink: shortInviteUrl(base, token),
        };
      };
      return c.json(
        {
          questionnaire: body.questionnaire,
          partner: b.partner,
          team: body.team ?? null,
          batch: b.batch,
          expiresAt: b.expiresAt,
          invites: b.created.map((i) => ({ token: i.token, ...hosted(i.token) })),
        },
        201,
      );
    },
  )
  .post(
    '/letters',
    route({
      summary: 'Create a batch of invites as printable A4 letters (QR code, link to the hosted page, code, paper or phone)',
      tag: 'submit',
      ok: { 201: { description: 'HTML, one A4 letter per invite', type: 'text/html' } },
      errors: [...INVITE_ERRORS, [422, 'validation_failed']],
    }),
    requireRole('operator', 'admin'),
    validate('query', GemeenteQuery),
    forGemeente('query'),
    validate('json', LetterCreate),
    async (c) => {
      const body = c.req.valid('json');
      const b = await createBatch(c, c.req.valid('query').gemeente, body, newLetterCode);
      if (!b.siteKey) {
        throw new ApiError(422, 'validation_failed', 'The partner has no active site key for the hosted page.', [
          { code: 'required_missing', path: ['partner'], message: 'a partner with an active site key' },
        ]);
      }
      const g = await getGemeente(c.env.DB, b.gemeente);
      const base = publicBase(c.env, c.req.url);
      const letters = await Promise.all(
        b.created.map(async (i) => {
          const url = hostedUrl(base, b.siteKey!, body.questionnaire, { [INVITE_PARAM]: i.token });
          return { code: i.token, url, qr: qrSvg(url, `QR-code voor de vragenlijst, code ${i.token}`) };
        }),
      );
      const html = lettersHtml({
        gemeente: g?.name ?? b.gemeente,
        shortUrl: `${base}/i`,
        phone: body.phone,
        sender: body.sender,
        serviceYear: body.serviceYear,
        expiresOn: dutchDay(new Date(b.expiresAt)),
        letters,
      });
      return c.html(html, 201, { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store', 'X-Peil-Batch': b.batch });
    },
  )
  .get(
    '/',
    route({
      summary: 'How many invites were created, used and expired, and per batch its population, count, used and response rate',
      tag: 'submit',
      ok: { 200: '{questionnaire, partner, total, used, expired, open, batches: [{id, label, population, count, used, responseRate, …}]}' },
      errors: [[400, 'bad_request']],
    }),
    requireRole('operator', 'admin', 'viewer'),
    validate('query', StatsQuery),
    async (c) => {
      const q = c.req.valid('query');
      const gemeente = gemeenteOf(c, q.gemeente);
      const token = c.get('token');
      if (token.role === 'viewer' && q.partner && q.partner !== token.partner_id) {
        throw new ApiError(403, 'forbidden', 'A partner token sees only its own partner.');
      }
      const partner = token.role === 'viewer' ? token.partner_id! : q.partner;
      const now = new Date().toISOString();
      const [row, batches] = await Promise.all([
        c.env.DB.prepare(
          `SELECT COUNT(*) AS total,
              COUNT(used_at) AS used,
              SUM(CASE WHEN used_at IS NULL AND expires_at <= ? THEN 1 ELSE 0 END) AS expired
         FROM invites WHERE gemeente_id = ? AND questionnaire_id = ? AND (? IS NULL OR partner_id = ?)`,
        )
          .bind(now, gemeente, q.questionnaire, partner ?? null, partner ?? null)
          .first<{ total: number; used: number; expired: number | null }>(),
        batchStats(c.env.DB, gemeente, q.questionnaire, partner),
      ]);
      const total = row?.total ?? 0;
      const used = row?.used ?? 0;
      const expired = row?.expired ?? 0;
      return c.json({
        questionnaire: q.questionnaire,
        partner: partner ?? null,
        total,
        used,
        expired,
        open: total - used - expired,
        batches,
      });
    },
  );
