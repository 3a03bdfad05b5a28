import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { WEET_NIET_RULES } from '../../schemas/constants.js';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { forGemeente, gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { newSecret, sha256Hex } from '../crypto.js';
import { getGemeente, getPartner, getQuestionnaire, listTeams, type Role } from '../db.js';
import { route, type Refusal } from '../describe.js';
import { ApiError } from '../errors.js';
import { ledgerFor } from '../ledger-stub.js';
import { registryChanged } from '../registry.js';

/** An exact web origin such as `https://www.wijkteam.nl`: no path, no trailing slash. */
export const Origin = z
  .string()
  .max(200)
  .refine((o) => {
    try {
      const u = new URL(o);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o;
    } catch {
      return false;
    }
  }, 'an exact origin such as https://www.example.nl');
const Origins = z.array(Origin).min(1).max(20);
const Label = z.string().max(100);

export const TeamInput = z.union([Slug, z.object({ id: Slug, name: z.string().min(1).max(100) }).strict()]);

export const GemeenteCreate = z
  .object({ id: Slug, name: z.string().min(1).max(100), k: z.number().int().min(5).max(100).optional() })
  .strict();
/** A gemeente's settings: how "weet niet" counts in stellingen (`include-at-20`: the Almere convention). */
export const PartnerCreate = z
  .object({
    id: Slug,
    name: z.string().min(1).max(100),
    /** Fills `{organisatie}` in questions, e.g. "het sociaal team"; defaults to the name. */
    organisatie: z.string().min(1).max(100).optional(),
    origins: Origins,
    teams: z.array(TeamInput).max(100).default([]),
  })
  .strict();
export const TeamsAdd = z.object({ teams: z.array(TeamInput).min(1).max(100) }).strict();
/** A partner's names; each is changed only when given. The id stays: figures and site keys hang on it. */
export const PartnerUpdate = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    organisatie: z.string().trim().min(1).max(100).optional(),
    /** `{organisatie}` in English; null: the Dutch text is used. */
    organisatieEn: z.string().trim().min(1).max(100).nullable().optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: 'give name, organisatie or organisatieEn' });
const siteKeySettings = {
  /** Only clients with a one-time invite may answer; others get 403 invite_required. */
  inviteRequired: z.boolean().optional(),
  /** A registered kiosk (many clients, one device and address): never rate-limited nor held as a burst. */
  kiosk: z.boolean().optional(),
};
export const SiteKeyCreate = z.object({ partner: Slug, origins: Origins, ...siteKeySettings }).strict();
export const SiteKeyUpdate = z
  .object({ origins: Origins.optional(), ...siteKeySettings })
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: 'give origins, inviteRequired or kiosk' });
/**
 * `viewer`: a partner's dashboard; `public`: only that partner's figures, for embedding on a public web
 * page (read-only, nothing else). Both get disclosure-controlled figures and need a partner.
 */
export const TokenCreate = z
  .object({
    role: z.enum(['admin', 'viewer', 'public']),
    partner: Slug.optional(),
    label: Label.optional(),
    /** Days until the token stops working; viewer tokens default to 365, admin tokens to none. */
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict()
  .refine((t) => (t.role !== 'admin') === (t.partner !== undefined), {
    message: 'a viewer or public token needs a partner; an admin token has none',
    path: ['partner'],
  });
/** A gemeente's settings; each is changed only when given. */
export const GemeenteUpdate = z
  .object({ openTextReview: z.boolean().optional(), weetNiet: z.enum(WEET_NIET_RULES).optional() })
  .strict()
  .refine((u) => u.openTextReview !== undefined || u.weetNiet !== undefined, { message: 'give openTextReview or weetNiet' });
export const RetentionUpdate = z.object({ days: z.number().int().min(1).max(36500) }).strict();

const PartnerFilter = z.object({ partner: Slug.optional() });
const GemeenteFilter = z.object({ gemeente: Slug.optional() });
const RetentionQuery = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional() });
const RetentionPreviewQuery = RetentionQuery.extend({ days: z.coerce.number().int().min(1).max(36500) });

const byTeam = (t: z.infer<typeof TeamInput>) => (typeof t === 'string' ? { id: t, name: t } : t);

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && /UNIQUE constraint failed|PRIMARY KEY/i.test(err.message);
}

const DAY_MS = 86_400_000;
/** Tokens handed to partners and web pages stop working after a year unless renewed (rotated). */
const DEFAULT_TERM_DAYS = 365;

/** When a new token expires: as asked, else after the default term for every role but admin. */
function expiryOf(role: Role, days: number | undefined, now = Date.now()): string | null {
  const term = days ?? (role === 'admin' || role === 'operator' ? undefined : DEFAULT_TERM_DAYS);
  return term === undefined ? null : new Date(now + term * DAY_MS).toISOString();
}

/** A new bearer token: the secret is returned once, only its hash is stored. */
async function issueToken(
  db: D1Database,
  t: { role: Role; gemeente: string; partner: string | null; label: string; expiresInDays?: number },
) {
  const id = `tok_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const token = newSecret(t.role === 'admin' ? 'peil_adm' : t.role === 'public' ? 'peil_pub' : 'peil_view');
  const expiresAt = expiryOf(t.role, t.expiresInDays);
  const stmt = db
    .prepare('INSERT INTO tokens (id, hash, role, gemeente_id, partner_id, label, hint, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .bind(id, await sha256Hex(token), t.role, t.gemeente, t.partner, t.label, token.slice(-4), expiresAt);
  return { id, token, expiresAt, stmt };
}

/**
 * Closes the live dashboards opened with a token in every ledger of its gemeente, so a revoked or
 * rotated token stops receiving figures at once rather than at its next reconnect.
 */
async function closeTokenSockets(env: Env, gemeente: string, tokenId: string, reason: string): Promise<void> {
  const { results } = await env.DB.prepare('SELECT id FROM questionnaires WHERE gemeente_id = ?').bind(gemeente).all<{ id: string }>();
  await Promise.all(results.map((q) => ledgerFor(env, gemeente, q.id).closeTokenSockets(tokenId, reason)));
}

/** The gemeente in the path, when the token may act for it and it exists. */
async function gemeenteIn(c: Context<AppEnv>): Promise<string> {
  const id = gemeenteOf(c, c.req.param('id'));
  if (!(await getGemeente(c.env.DB, id))) throw new ApiError(404, 'not_found', `No gemeente ${id}.`);
  return id;
}

async function partnerOrThrow(db: D1Database, gemeente: string, partner: string): Promise<void> {
  if (!(await getPartner(db, gemeente, partner))) throw new ApiError(404, 'not_found', `No partner ${partner} in ${gemeente}.`);
}

async function teamsFree(db: D1Database, gemeente: string, ids: string[]): Promise<void> {
  if (new Set(ids).size !== ids.length) throw new ApiError(400, 'validation_failed', 'Each team id may appear once.');
  for (const id of ids) {
    const taken = await db.prepare('SELECT 1 FROM teams WHERE gemeente_id = ? AND id = ?').bind(gemeente, id).first();
    if (taken) throw new ApiError(409, 'already_exists', `Team ${id} already exists in ${gemeente}.`);
  }
}

interface SiteKeyRow {
  key: string;
  partner_id: string;
  origins: string;
  invite_required: number;
  kiosk: number;
  created_at: string;
  revoked_at: string | null;
}
const SITE_KEY_COLUMNS = 'key, partner_id, origins, invite_required, kiosk, created_at, revoked_at';
const siteKeyOut = (r: SiteKeyRow) => ({
  siteKey: r.key,
  partner: r.partner_id,
  origins: JSON.parse(r.origins) as string[],
  inviteRequired: r.invite_required === 1,
  kiosk: r.kiosk === 1,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

interface TokenListRow {
  id: string;
  role: Role;
  partner_id: string | null;
  label: string;
  hint: string;
  created_at: string;
  revoked_at: string | null;
  expires_at: string | null;
}
const tokenOut = (r: TokenListRow) => ({
  id: r.id,
  role: r.role,
  partner: r.partner_id,
  label: r.label,
  hint: r.hint,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  expiresAt: r.expires_at,
});

const admin = requireRole('operator', 'admin');
const inPath = forGemeente('path');
const NO_GEMEENTE: Refusal = [404, 'not_found'];

/**
 * Tenancy: gemeenten (operator), and within one gemeente its partners, teams, site keys and tokens
 * (that gemeente's admin). Every query names the gemeente, so an id from another gemeente is not found.
 */
export const gemeenten = new Hono<AppEnv>()
  .post(
    '/',
    route({
      summary: 'Create a gemeente and its first admin token (shown once)',
      tag: 'tenants',
      ok: { 201: '{id, name, k, adminToken, tokenId}' },
      errors: [[409, 'already_exists']],
    }),
    requireRole('operator'),
    validate('json', GemeenteCreate),
    async (c) => {
      const body = c.req.valid('json');
      const inserted = await c.env.DB.prepare('INSERT OR IGNORE INTO gemeenten (id, name, k) VALUES (?, ?, ?)')
        .bind(body.id, body.name, body.k ?? 10)
        .run();
      if (inserted.meta.changes !== 1) throw new ApiError(409, 'already_exists', `Gemeente ${body.id} already exists.`);
      const issued = await issueToken(c.env.DB, { role: 'admin', gemeente: body.id, partner: null, label: 'first admin' });
      await issued.stmt.run();
      return c.json({ id: body.id, name: body.name, k: body.k ?? 10, adminToken: issued.token, tokenId: issued.id }, 201);
    },
  )
  .get(
    '/',
    route({
      summary: 'Gemeenten the token may see (an admin: its own)',
      tag: 'tenants',
      ok: { 200: '{gemeenten: [{id, name, k, created_at}]}' },
    }),
    admin,
    validate('query', GemeenteFilter),
    async (c) => {
      const { gemeente } = c.req.valid('query');
      // An operator lists all (or the one named); an admin only its own, and naming another is refused.
      const only = c.get('token').role === 'operator' ? gemeente : gemeenteOf(c, gemeente);
      const { results } = only
        ? await c.env.DB.prepare('SELECT id, name, k, created_at FROM gemeenten WHERE id = ?').bind(only).all()
        : await c.env.DB.prepare('SELECT id, name, k, created_at FROM gemeenten ORDER BY id').all();
      return c.json({ gemeenten: results });
    },
  )
  .get(
    '/:id',
    route({ summary: 'One gemeente', tag: 'tenants', ok: { 200: '{id, name, k, openTextReview, weetNiet}' }, errors: [NO_GEMEENTE] }),
    admin,
    async (c) => {
      const id = await gemeenteIn(c);
      const g = (await getGemeente(c.env.DB, id))!;
      return c.json({ id: g.id, name: g.name, k: g.k, openTextReview: g.open_text_review === 1, weetNiet: g.weetNiet });
    },
  )
  .patch(
    '/:id',
    route({
      summary:
        'Settings of a gemeente: openTextReview (partners see open texts only once an admin released them), weetNiet (exclude or include-at-20)',
      tag: 'tenants',
      ok: { 200: '{id, name, k, openTextReview, weetNiet}' },
      errors: [NO_GEMEENTE],
    }),
    admin,
    inPath,
    validate('json', GemeenteUpdate),
    async (c) => {
      const id = await gemeenteIn(c);
      const body = c.req.valid('json');
      if (body.openTextReview !== undefined) {
        await c.env.DB.prepare('UPDATE gemeenten SET open_text_review = ? WHERE id = ?')
          .bind(body.openTextReview ? 1 : 0, id)
          .run();
      }
      if (body.weetNiet !== undefined)
        await c.env.DB.prepare('UPDATE gemeenten SET weet_niet = ? WHERE id = ?').bind(body.weetNiet, id).run();
      const g = (await getGemeente(c.env.DB, id))!;
      return c.json({ id: g.id, name: g.name, k: g.k, openTextReview: g.open_text_review === 1, weetNiet: g.weetNiet });
    },
  )
  .get(
    '/:id/partners',
    route({
      summary: 'Partners with their teams',
      tag: 'tenants',
      ok: { 200: '{partners: [{id, name, organisatie, organisatieEn, teams}]}' },
      errors: [NO_GEMEENTE],
    }),
    admin,
    async (c) => {
      const g = await gemeenteIn(c);
      const [{ results: partners }, teams] = await Promise.all([
        c.env.DB.prepare('SELECT id, name, organisatie, organisatie_en AS organisatieEn FROM partners WHERE gemeente_id = ? ORDER BY id')
          .bind(g)
          .all<{ id: string; name: string; organisatie: string; organisatieEn: string | null }>(),
        listTeams(c.env.DB, g),
      ]);
      return c.json({
        partners: partners.map((p) => ({
          ...p,
          teams: teams.filter((t) => t.partner_id === p.id).map((t) => ({ id: t.id, name: t.name })),
        })),
      });
    },
  )
  .post(
    '/:id/partners',
    route({
      summary: 'Create a partner with teams, a site key and a viewer token (shown once)',
      tag: 'tenants',
      ok: { 201: '{id, teams, origins, siteKey, viewerToken, viewerTokenId}' },
      errors: [NO_GEMEENTE, [409, 'already_exists']],
    }),
    admin,
    inPath,
    validate('json', PartnerCreate),
    async (c) => {
      const g = await gemeenteIn(c);
      const body = c.req.valid('json');
      if (await getPartner(c.env.DB, g, body.id)) throw new ApiError(409, 'already_exists', `Partner ${body.id} already exists.`);
      const teams = body.teams.map(byTeam);
      await teamsFree(
        c.env.DB,
        g,
        teams.map((t) => t.id),
      );
      const siteKey = newSecret('site');
      const viewer = await issueToken(c.env.DB, { role: 'viewer', gemeente: g, partner: body.id, label: `${body.name} (viewer)` });
      const db = c.env.DB;
      try {
        // One batch is one transaction: a partner never exists without its teams, key and token.
        await db.batch([
          db
            .prepare('INSERT INTO partners (gemeente_id, id, name, organisatie) VALUES (?, ?, ?, ?)')
            .bind(g, body.id, body.name, body.organisatie ?? body.name),
          ...teams.map((t) =>
            db.prepare('INSERT INTO teams (gemeente_id, id, partner_id, name) VALUES (?, ?, ?, ?)').bind(g, t.id, body.id, t.name),
          ),
          db
            .prepare('INSERT INTO site_keys (key, gemeente_id, partner_id, origins) VALUES (?, ?, ?, ?)')
            .bind(siteKey, g, body.id, JSON.stringify(body.origins)),
          viewer.stmt,
        ]);
      } catch (err) {
        if (isUniqueViolation(err))
          throw new ApiError(409, 'already_exists', 'The partner or one of its teams was created at the same moment.');
        throw err;
      }
      await registryChanged(c.env, g);
      return c.json(
        {
          id: body.id,
          teams,
          origins: body.origins,
          siteKey,
          viewerToken: viewer.token,
          viewerTokenId: viewer.id,
          viewerTokenExpiresAt: viewer.expiresAt,
        },
        201,
      );
    },
  )
  .patch(
    '/:id/partners/:partner',
    route({
      summary: 'Rename a partner or change how questions name it ({organisatie}, in Dutch and English)',
      tag: 'tenants',
      ok: { 200: '{id, name, organisatie, organisatieEn}' },
      errors: [[404, 'not_found']],
    }),
    admin,
    inPath,
    validate('json', PartnerUpdate),
    async (c) => {
      const g = await gemeenteIn(c);
      const body = c.req.valid('json');
      const row = await c.env.DB.prepare(
        `UPDATE partners SET name = COALESCE(?, name), organisatie = COALESCE(?, organisatie),
          organisatie_en = CASE WHEN ? THEN ? ELSE organisatie_en END
         WHERE gemeente_id = ? AND id = ? RETURNING id, name, organisatie, organisatie_en AS organisatieEn`,
      )
        .bind(
          body.name ?? null,
          body.organisatie ?? null,
          body.organisatieEn === undefined ? 0 : 1,
          body.organisatieEn ?? null,
          g,
          c.req.param('partner'),
        )
        .first<{ id: string; name: string; organisatie: string; organisatieEn: string | null }>();
      if (!row) throw new ApiError(404, 'not_found', `No partner ${c.req.param('partner')} in ${g}.`);
      await registryChanged(c.env, g);
      return c.json(row);
    },
  )
  .post(
    '/:id/partners/:partner/teams',
    route({
      summary: 'Add teams to a partner',
      tag: 'tenants',
      ok: { 201: '{partner, teams}' },
      errors: [
        [404, 'not_found'],
        [409, 'already_exists'],
      ],
    }),
    admin,
    inPath,
    validate('json', TeamsAdd),
    async (c) => {
      const g = await gemeenteIn(c);
      const partner = c.req.param('partner');
      await partnerOrThrow(c.env.DB, g, partner);
      const teams = c.req.valid('json').teams.map(byTeam);
      await teamsFree(
        c.env.DB,
        g,
        teams.map((t) => t.id),
      );
      const db = c.env.DB;
      try {
        await db.batch(
          teams.map((t) =>
            db.prepare('INSERT INTO teams (gemeente_id, id, partner_id, name) VALUES (?, ?, ?, ?)').bind(g, t.id, partner, t.name),
          ),
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw new ApiError(409, 'already_exists', 'One of these teams was created at the same moment.');
        throw err;
      }
      await registryChanged(c.env, g);
      return c.json({ partner, teams }, 201);
    },
  )
  .get(
    '/:id/site-keys',
    route({
      summary: 'Site keys with their origins, revoked ones included',
      tag: 'tenants',
      ok: { 200: '{siteKeys: [{siteKey, partner, origins, createdAt, revokedAt}]}' },
      errors: [NO_GEMEENTE],
    }),
    admin,
    validate('query', PartnerFilter),
    async (c) => {
      const g = await gemeenteIn(c);
      const { partner } = c.req.valid('query');
      const { results } = partner
        ? await c.env.DB.prepare(
            `SELECT ${SITE_KEY_COLUMNS} FROM site_keys WHERE gemeente_id = ? AND partner_id = ? ORDER BY created_at, key`,
          )
            .bind(g, partner)
            .all<SiteKeyRow>()
        : await c.env.DB.prepare(`SELECT ${SITE_KEY_COLUMNS} FROM site_keys WHERE gemeente_id = ? ORDER BY created_at, key`)
            .bind(g)
            .all<SiteKeyRow>();
      return c.json({ siteKeys: results.map(siteKeyOut) });
    },
  )
  .post(
    '/:id/site-keys',
    route({
      summary: 'Add a site key for a partner',
      tag: 'tenants',
      ok: { 201: '{siteKey, partner, origins}' },
      errors: [[404, 'not_found']],
    }),
    admin,
    inPath,
    validate('json', SiteKeyCreate),
    async (c) => {
      const g = await gemeenteIn(c);
      const body = c.req.valid('json');
      await partnerOrThrow(c.env.DB, g, body.partner);
      const siteKey = newSecret('site');
      const inviteRequired = body.inviteRequired ?? false;
      const kiosk = body.kiosk ?? false;
      await c.env.DB.prepare(
        'INSERT INTO site_keys (key, gemeente_id, partner_id, origins, invite_required, kiosk) VALUES (?, ?, ?, ?, ?, ?)',
      )
        .bind(siteKey, g, body.partner, JSON.stringify(body.origins), inviteRequired ? 1 : 0, kiosk ? 1 : 0)
        .run();
      await registryChanged(c.env, g);
      return c.json({ siteKey, partner: body.partner, origins: body.origins, inviteRequired, kiosk }, 201);
    },
  )
  .patch(
    '/:id/site-keys/:key',
    route({
      summary: 'Replace a site key’s origins',
      tag: 'tenants',
      ok: { 200: '{siteKey, origins}' },
      errors: [[404, 'not_found']],
    }),
    admin,
    inPath,
    validate('json', SiteKeyUpdate),
    async (c) => {
      const g = await gemeenteIn(c);
      const body = c.req.valid('json');
      const key = c.req.param('key');
      await registryChanged(c.env, g);
      // What the body leaves out stays as it is.
      const row = await c.env.DB.prepare(
        `UPDATE site_keys SET origins = COALESCE(?, origins), invite_required = COALESCE(?, invite_required), kiosk = COALESCE(?, kiosk)
        WHERE key = ? AND gemeente_id = ? AND revoked_at IS NULL RETURNING ${SITE_KEY_COLUMNS}`,
      )
        .bind(
          body.origins ? JSON.stringify(body.origins) : null,
          body.inviteRequired === undefined ? null : Number(body.inviteRequired),
          body.kiosk === undefined ? null : Number(body.kiosk),
          key,
          g,
        )
        .first<SiteKeyRow>();
      if (!row) throw new ApiError(404, 'not_found', 'No active site key with this id in this gemeente.');
      const { siteKey, origins, inviteRequired, kiosk } = siteKeyOut(row);
      return c.json({ siteKey, origins, inviteRequired, kiosk });
    },
  )
  .delete(
    '/:id/site-keys/:key',
    route({
      summary: 'Revoke a site key',
      tag: 'tenants',
      ok: { 200: '{siteKey, revoked: true}' },
      errors: [[404, 'not_found']],
    }),
    admin,
    async (c) => {
      const g = await gemeenteIn(c);
      const key = c.req.param('key');
      const res = await c.env.DB.prepare(
        "UPDATE site_keys SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE key = ? AND gemeente_id = ? AND revoked_at IS NULL",
      )
        .bind(key, g)
        .run();
      if (res.meta.changes !== 1) throw new ApiError(404, 'not_found', 'No active site key with this id in this gemeente.');
      await registryChanged(c.env, g);
      return c.json({ siteKey: key, revoked: true });
    },
  )
  .get(
    '/:id/tokens',
    route({
      summary: 'Tokens (hint and label only; secrets are never shown again)',
      tag: 'tenants',
      ok: { 200: '{tokens: [{id, role, partner, label, hint, createdAt, revokedAt}]}' },
      errors: [NO_GEMEENTE],
    }),
    admin,
    async (c) => {
      const g = await gemeenteIn(c);
      const { results } = await c.env.DB.prepare(
        'SELECT id, role, partner_id, label, hint, created_at, revoked_at, expires_at FROM tokens WHERE gemeente_id = ? ORDER BY created_at, id',
      )
        .bind(g)
        .all<TokenListRow>();
      return c.json({ tokens: results.map(tokenOut) });
    },
  )
  .post(
    '/:id/tokens',
    route({
      summary: 'Create an admin or partner viewer token (shown once)',
      tag: 'tenants',
      ok: { 201: '{id, role, partner, token}' },
      errors: [[404, 'not_found']],
    }),
    admin,
    inPath,
    validate('json', TokenCreate),
    async (c) => {
      const g = await gemeenteIn(c);
      const body = c.req.valid('json');
      if (body.partner) await partnerOrThrow(c.env.DB, g, body.partner);
      const issued = await issueToken(c.env.DB, {
        role: body.role,
        gemeente: g,
        partner: body.partner ?? null,
        label: body.label ?? '',
        expiresInDays: body.expiresInDays,
      });
      await issued.stmt.run();
      return c.json(
        { id: issued.id, role: body.role, partner: body.partner ?? null, token: issued.token, expiresAt: issued.expiresAt },
        201,
      );
    },
  )
  .post(
    '/:id/tokens/:tokenId/rotate',
    route({
      summary: 'Replace a token’s secret; the old one stops working at once',
      tag: 'tenants',
      ok: { 200: '{id, token}' },
      errors: [[404, 'not_found']],
    }),
    admin,
    async (c) => {
      const g = await gemeenteIn(c);
      const id = c.req.param('tokenId');
      const row = await c.env.DB.prepare(
        'SELECT created_at, expires_at FROM tokens WHERE id = ? AND gemeente_id = ? AND revoked_at IS NULL',
      )
        .bind(id, g)
        .first<{ created_at: string; expires_at: string | null }>();
      if (!row) throw new ApiError(404, 'not_found', 'No active token with this id in this gemeente.');
      const token = newSecret('peil_rot');
      const now = Date.now();
      // The token keeps its term, counted from now: a viewer token made for a year works another year.
      const expiresAt =
        row.expires_at === null ? null : new Date(now + Date.parse(row.expires_at) - Date.parse(row.created_at)).toISOString();
      // In place: the id, role and scope stay, the old secret stops working at once. The new created_at
      // (to the millisecond) is how a ledger tells a connection made with the old secret.
      const res = await c.env.DB.prepare(
        'UPDATE tokens SET hash = ?, hint = ?, created_at = ?, expires_at = ? WHERE id = ? AND gemeente_id = ? AND revoked_at IS NULL',
      )
        .bind(await sha256Hex(token), token.slice(-4), new Date(now).toISOString(), expiresAt, id, g)
        .run();
      if (res.meta.changes !== 1) throw new ApiError(404, 'not_found', 'No active token with this id in this gemeente.');
      await closeTokenSockets(c.env, g, id, 'token rotated');
      return c.json({ id, token, expiresAt });
    },
  )
  .delete(
    '/:id/tokens/:tokenId',
    route({
      summary: 'Revoke a token',
      tag: 'tenants',
      ok: { 200: '{id, revoked: true}' },
      errors: [[404, 'not_found']],
    }),
    admin,
    async (c) => {
      const g = await gemeenteIn(c);
      const id = c.req.param('tokenId');
      const res = await c.env.DB.prepare(
        "UPDATE tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ? AND gemeente_id = ? AND revoked_at IS NULL",
      )
        .bind(id, g)
        .run();
      if (res.meta.changes !== 1) throw new ApiError(404, 'not_found', 'No active token with this id in this gemeente.');
      await closeTokenSockets(c.env, g, id, 'token revoked');
      return c.json({ id, revoked: true });
    },
  );

/**
 * Per-questionnaire retention. Shortening it deletes what is now too old at once; after that the
 * ledger's daily alarm keeps deleting.
 */
export const retention = new Hono<AppEnv>()
  .get(
    '/',
    route({
      summary: 'A questionnaire’s retention period',
      tag: 'data',
      ok: { 200: '{questionnaire, retentionDays}' },
      errors: [
        [400, 'bad_request'],
        [404, 'questionnaire_not_found'],
      ],
    }),
    admin,
    validate('query', RetentionQuery),
    async (c) => {
      const q = c.req.valid('query');
      const g = gemeenteOf(c, q.gemeente);
      const row = await getQuestionnaire(c.env.DB, g, q.questionnaire);
      if (!row) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
      return c.json({ questionnaire: q.questionnaire, retentionDays: row.retention_days });
    },
  )
  .get(
    '/preview',
    route({
      summary:
        'What setting the retention period to `days` would delete now, before it does: the first day kept and the number of responses',
      tag: 'data',
      ok: { 200: '{questionnaire, retentionDays, days, keepsFrom, wouldDelete}' },
      errors: [
        [400, 'bad_request'],
        [404, 'questionnaire_not_found'],
      ],
    }),
    admin,
    // Before the validator, so another gemeente's admin learns nothing from a refused query.
    forGemeente('query'),
    validate('query', RetentionPreviewQuery),
    async (c) => {
      const q = c.req.valid('query');
      const g = gemeenteOf(c, q.gemeente);
      const row = await getQuestionnaire(c.env.DB, g, q.questionnaire);
      if (!row) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
      const preview = await ledgerFor(c.env, g, q.questionnaire).retentionPreview(q.days);
      return c.json({
        questionnaire: q.questionnaire,
        retentionDays: row.retention_days,
        days: q.days,
        keepsFrom: preview.cutoff,
        wouldDelete: preview.responses,
      });
    },
  )
  .put(
    '/',
    route({
      summary: 'Set the retention period; responses older than it are deleted now and daily after',
      tag: 'data',
      ok: { 200: '{questionnaire, retentionDays, deleted}' },
      errors: [[404, 'questionnaire_not_found']],
    }),
    admin,
    validate('query', RetentionQuery),
    forGemeente('query'),
    validate('json', RetentionUpdate),
    async (c) => {
      const q = c.req.valid('query');
      const g = gemeenteOf(c, q.gemeente);
      const { days } = c.req.valid('json');
      const res = await c.env.DB.prepare('UPDATE questionnaires SET retention_days = ? WHERE gemeente_id = ? AND id = ?')
        .bind(days, g, q.questionnaire)
        .run();
      if (res.meta.changes !== 1) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
      const deleted = await ledgerFor(c.env, g, q.questionnaire).applyRetention(days);
      return c.json({ questionnaire: q.questionnaire, retentionDays: days, deleted });
    },
  );
