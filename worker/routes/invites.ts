import { Hono } from 'hono';
import { z } from 'zod';
import { INVITE_PARAM } from '../../schemas/constants.js';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { forGemeente, gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { sha256Hex } from '../crypto.js';
import { getPartner, getQuestionnaire, listTeams } from '../db.js';
import { route } from '../describe.js';
import { ApiError } from '../errors.js';
import { hostedUrl, newInviteCode, publicBase, shortInviteUrl } from '../hosted/links.js';
import { dutchDay } from '../ingest.js';

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
  })
  .strict();
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
  const row = await db
    .prepare('SELECT hash, gemeente_id, questionnaire_id, partner_id, team, expires_at, used_at FROM invites WHERE hash = ?')
    .bind(await sha256Hex(token))
    .first<Invite>();
  if (!row || row.gemeente_id !== scope.gemeente || row.partner_id !== scope.partner || row.questionnaire_id !== scope.questionnaire) {
    throw new ApiError(403, 'invite_invalid', 'This invite is not valid for this questionnaire.');
  }
  if (row.expires_at <= now.toISOString()) throw new ApiError(410, 'invite_expired', 'This invite has expired.');
  return row;
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

async function partnerSiteKeys(db: D1Database, gemeente: string, partner: string): Promise<{ key: string; origins: string[] }[]> {
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

/**
 * One-time invites: a partner hands a client a link or QR code after a contact; the token in it works
 * for one response. Only the hash is stored, so the links shown here cannot be shown again.
 */
export const invites = new Hono<AppEnv>()
  .post(
    '/',
    route({
      summary: 'Create one-time invite tokens and links for a partner',
      tag: 'submit',
      ok: { 201: '{questionnaire, partner, team, expiresAt, invites: [{token, link, qr, shortLink}]}' },
      errors: [
        [404, 'questionnaire_not_found'],
        [404, 'not_found'],
        [422, 'team_not_allowed'],
      ],
    }),
    requireRole('operator', 'admin', 'viewer'),
    validate('query', GemeenteQuery),
    forGemeente('query'),
    validate('json', InviteCreate),
    async (c) => {
      const { gemeente: wanted } = c.req.valid('query');
      const gemeente = gemeenteOf(c, wanted);
      const body = c.req.valid('json');
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
      const [questionnaire, p, teams, siteKeys] = await Promise.all([
        getQuestionnaire(db, gemeente, body.questionnaire),
        getPartner(db, gemeente, partner),
        listTeams(db, gemeente, partner),
        partnerSiteKeys(db, gemeente, partner),
      ]);
      const origins = siteKeys.flatMap((k) => k.origins);
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
      const base = publicBase(c.env, c.req.url);
      const siteKey = siteKeys[0]?.key;
      const hosted = (token: string) => {
        if (siteKey === undefined) return { link: null };
        const query = { ...(body.team ? { team: body.team } : {}), [INVITE_PARAM]: token };
        return {
          link: body.url === undefined ? hostedUrl(base, siteKey, body.questionnaire, query) : linkFor(body.url, token),
          qr: hostedUrl(base, siteKey, body.questionnaire, query, '/qr.svg'),
          shortLink: shortInviteUrl(base, token),
        };
      };
      const expiresAt = new Date(Date.now() + body.expiresInDays * DAY_MS).toISOString();
      const created = await Promise.all(
        Array.from({ length: body.count }, async () => {
          const secret = newInviteCode();
          return { token: secret, hash: await sha256Hex(secret) };
        }),
      );
      await db.batch(
        created.map((i) =>
          db
            .prepare('INSERT INTO invites (hash, gemeente_id, questionnaire_id, partner_id, team, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
            .bind(i.hash, gemeente, body.questionnaire, partner, body.team ?? null, expiresAt),
        ),
      );
      return c.json(
        {
          questionnaire: body.questionnaire,
          partner,
          team: body.team ?? null,
          expiresAt,
          invites: created.map((i) => ({ token: i.token, ...hosted(i.token) })),
        },
        201,
      );
    },
  )
  .get(
    '/',
    route({
      summary: 'How many invites were created, used and expired',
      tag: 'submit',
      ok: { 200: '{questionnaire, partner, total, used, expired, open}' },
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
      const row = await c.env.DB.prepare(
        `SELECT COUNT(*) AS total,
              COUNT(used_at) AS used,
              SUM(CASE WHEN used_at IS NULL AND expires_at <= ? THEN 1 ELSE 0 END) AS expired
         FROM invites WHERE gemeente_id = ? AND questionnaire_id = ? AND (? IS NULL OR partner_id = ?)`,
      )
        .bind(now, gemeente, q.questionnaire, partner ?? null, partner ?? null)
        .first<{ total: number; used: number; expired: number | null }>();
      const total = row?.total ?? 0;
      const used = row?.used ?? 0;
      const expired = row?.expired ?? 0;
      return c.json({ questionnaire: q.questionnaire, partner: partner ?? null, total, used, expired, open: total - used - expired });
    },
  );
