import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { QuestionnaireId } from '../../schemas/questionnaire.js';
import { gemeenteOf, requireRole } from '../auth.js';
import { readJson, readQuery } from '../body.js';
import type { AppEnv } from '../context.js';
import { newSecret, sha256Hex } from '../crypto.js';
import { getGemeente, getPartner, getQuestionnaire, listTeams, type Role } from '../db.js';
import { ApiError } from '../errors.js';
import { ledgerFor } from '../ledger-stub.js';
import { registryChanged } from '../registry.js';

const Slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, - and _');

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
export const SiteKeyCreate = z.object({ partner: Slug, origins: Origins }).strict();
export const SiteKeyUpdate = z.object({ origins: Origins }).strict();
export const TokenCreate = z
  .object({ role: z.enum(['admin', 'viewer']), partner: Slug.optional(), label: Label.optional() })
  .strict()
  .refine((t) => (t.role === 'viewer') === (t.partner !== undefined), {
    message: 'a viewer token needs a partner; an admin token has none',
    path: ['partner'],
  });
export const RetentionUpdate = z.object({ days: z.number().int().min(1).max(36500) }).strict();

const PartnerFilter = z.object({ partner: Slug.optional() });
const GemeenteFilter = z.object({ gemeente: Slug.optional() });
const RetentionQuery = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional() });

const byTeam = (t: z.infer<typeof TeamInput>) => (typeof t === 'string' ? { id: t, name: t } : t);

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && /UNIQUE constraint failed|PRIMARY KEY/i.test(err.message);
}

/** A new bearer token: the secret is returned once, only its hash is stored. */
async function issueToken(db: D1Database, t: { role: Role; gemeente: string; partner: string | null; label: string }) {
  const id = `tok_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const token = newSecret(t.role === 'admin' ? 'peil_adm' : 'peil_view');
  const stmt = db
    .prepare('INSERT INTO tokens (id, hash, role, gemeente_id, partner_id, label, hint) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .bind(id, await sha256Hex(token), t.role, t.gemeente, t.partner, t.label, token.slice(-4));
  return { id, token, stmt };
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
  created_at: string;
  revoked_at: string | null;
}
const siteKeyOut = (r: SiteKeyRow) => ({
  siteKey: r.key,
  partner: r.partner_id,
  origins: JSON.parse(r.origins) as string[],
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
}
const tokenOut = (r: TokenListRow) => ({
  id: r.id,
  role: r.role,
  partner: r.partner_id,
  label: r.label,
  hint: r.hint,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

const admin = requireRole('operator', 'admin');

/**
 * Tenancy: gemeenten (operator), and within one gemeente its partners, teams, site keys and tokens
 * (that gemeente's admin). Every query names the gemeente, so an id from another gemeente is not found.
 */
export const gemeenten = new Hono<AppEnv>()
  .post('/', requireRole('operator'), async (c) => {
    const body = await readJson(c, GemeenteCreate);
    const inserted = await c.env.DB.prepare('INSERT OR IGNORE INTO gemeenten (id, name, k) VALUES (?, ?, ?)')
      .bind(body.id, body.name, body.k ?? 10)
      .run();
    if (inserted.meta.changes !== 1) throw new ApiError(409, 'already_exists', `Gemeente ${body.id} already exists.`);
    const issued = await issueToken(c.env.DB, { role: 'admin', gemeente: body.id, partner: null, label: 'first admin' });
    await issued.stmt.run();
    return c.json({ id: body.id, name: body.name, k: body.k ?? 10, adminToken: issued.token, tokenId: issued.id }, 201);
  })
  .get('/', admin, async (c) => {
    const { gemeente } = readQuery(c, GemeenteFilter);
    // An operator lists all (or the one named); an admin only its own, and naming another is refused.
    const only = c.get('token').role === 'operator' ? gemeente : gemeenteOf(c, gemeente);
    const { results } = only
      ? await c.env.DB.prepare('SELECT id, name, k, created_at FROM gemeenten WHERE id = ?').bind(only).all()
      : await c.env.DB.prepare('SELECT id, name, k, created_at FROM gemeenten ORDER BY id').all();
    return c.json({ gemeenten: results });
  })
  .get('/:id', admin, async (c) => {
    const id = await gemeenteIn(c);
    return c.json(await getGemeente(c.env.DB, id));
  })
  .get('/:id/partners', admin, async (c) => {
    const g = await gemeenteIn(c);
    const [{ results: partners }, teams] = await Promise.all([
      c.env.DB.prepare('SELECT id, name, organisatie FROM partners WHERE gemeente_id = ? ORDER BY id').bind(g).all<{ id: string; name: string; organisatie: string }>(),
      listTeams(c.env.DB, g),
    ]);
    return c.json({
      partners: partners.map((p) => ({ ...p, teams: teams.filter((t) => t.partner_id === p.id).map((t) => ({ id: t.id, name: t.name })) })),
    });
  })
  .post('/:id/partners', admin, async (c) => {
    const g = await gemeenteIn(c);
    const body = await readJson(c, PartnerCreate);
    if (await getPartner(c.env.DB, g, body.id)) throw new ApiError(409, 'already_exists', `Partner ${body.id} already exists.`);
    const teams = body.teams.map(byTeam);
    await teamsFree(c.env.DB, g, teams.map((t) => t.id));
    const siteKey = newSecret('site');
    const viewer = await issueToken(c.env.DB, { role: 'viewer', gemeente: g, partner: body.id, label: `${body.name} (viewer)` });
    const db = c.env.DB;
    try {
      // One batch is one transaction: a partner never exists without its teams, key and token.
      await db.batch([
        db.prepare('INSERT INTO partners (gemeente_id, id, name, organisatie) VALUES (?, ?, ?, ?)').bind(g, body.id, body.name, body.organisatie ?? body.name),
        ...teams.map((t) => db.prepare('INSERT INTO teams (gemeente_id, id, partner_id, name) VALUES (?, ?, ?, ?)').bind(g, t.id, body.id, t.name)),
        db.prepare('INSERT INTO site_keys (key, gemeente_id, partner_id, origins) VALUES (?, ?, ?, ?)').bind(siteKey, g, body.id, JSON.stringify(body.origins)),
        viewer.stmt,
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError(409, 'already_exists', 'The partner or one of its teams was created at the same moment.');
      throw err;
    }
    await registryChanged(c.env, g);
    return c.json({ id: body.id, teams, origins: body.origins, siteKey, viewerToken: viewer.token, viewerTokenId: viewer.id }, 201);
  })
  .post('/:id/partners/:partner/teams', admin, async (c) => {
    const g = await gemeenteIn(c);
    const partner = c.req.param('partner');
    await partnerOrThrow(c.env.DB, g, partner);
    const teams = (await readJson(c, TeamsAdd)).teams.map(byTeam);
    await teamsFree(c.env.DB, g, teams.map((t) => t.id));
    const db = c.env.DB;
    try {
      await db.batch(teams.map((t) => db.prepare('INSERT INTO teams (gemeente_id, id, partner_id, name) VALUES (?, ?, ?, ?)').bind(g, t.id, partner, t.name)));
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError(409, 'already_exists', 'One of these teams was created at the same moment.');
      throw err;
    }
    await registryChanged(c.env, g);
    return c.json({ partner, teams }, 201);
  })
  .get('/:id/site-keys', admin, async (c) => {
    const g = await gemeenteIn(c);
    const { partner } = readQuery(c, PartnerFilter);
    const { results } = partner
      ? await c.env.DB.prepare('SELECT key, partner_id, origins, created_at, revoked_at FROM site_keys WHERE gemeente_id = ? AND partner_id = ? ORDER BY created_at, key')
          .bind(g, partner)
          .all<SiteKeyRow>()
      : await c.env.DB.prepare('SELECT key, partner_id, origins, created_at, revoked_at FROM site_keys WHERE gemeente_id = ? ORDER BY created_at, key')
          .bind(g)
          .all<SiteKeyRow>();
    return c.json({ siteKeys: results.map(siteKeyOut) });
  })
  .post('/:id/site-keys', admin, async (c) => {
    const g = await gemeenteIn(c);
    const body = await readJson(c, SiteKeyCreate);
    await partnerOrThrow(c.env.DB, g, body.partner);
    const siteKey = newSecret('site');
    await c.env.DB.prepare('INSERT INTO site_keys (key, gemeente_id, partner_id, origins) VALUES (?, ?, ?, ?)')
      .bind(siteKey, g, body.partner, JSON.stringify(body.origins))
      .run();
    await registryChanged(c.env, g);
    return c.json({ siteKey, partner: body.partner, origins: body.origins }, 201);
  })
  .patch('/:id/site-keys/:key', admin, async (c) => {
    const g = await gemeenteIn(c);
    const body = await readJson(c, SiteKeyUpdate);
    const key = c.req.param('key');
    const res = await c.env.DB.prepare('UPDATE site_keys SET origins = ? WHERE key = ? AND gemeente_id = ? AND revoked_at IS NULL')
      .bind(JSON.stringify(body.origins), key, g)
      .run();
    if (res.meta.changes !== 1) throw new ApiError(404, 'not_found', 'No active site key with this id in this gemeente.');
    await registryChanged(c.env, g);
    return c.json({ siteKey: key, origins: body.origins });
  })
  .delete('/:id/site-keys/:key', admin, async (c) => {
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
  })
  .get('/:id/tokens', admin, async (c) => {
    const g = await gemeenteIn(c);
    const { results } = await c.env.DB.prepare(
      'SELECT id, role, partner_id, label, hint, created_at, revoked_at FROM tokens WHERE gemeente_id = ? ORDER BY created_at, id',
    )
      .bind(g)
      .all<TokenListRow>();
    return c.json({ tokens: results.map(tokenOut) });
  })
  .post('/:id/tokens', admin, async (c) => {
    const g = await gemeenteIn(c);
    const body = await readJson(c, TokenCreate);
    if (body.partner) await partnerOrThrow(c.env.DB, g, body.partner);
    const issued = await issueToken(c.env.DB, { role: body.role, gemeente: g, partner: body.partner ?? null, label: body.label ?? '' });
    await issued.stmt.run();
    return c.json({ id: issued.id, role: body.role, partner: body.partner ?? null, token: issued.token }, 201);
  })
  .post('/:id/tokens/:tokenId/rotate', admin, async (c) => {
    const g = await gemeenteIn(c);
    const id = c.req.param('tokenId');
    const token = newSecret('peil_rot');
    // In place: the id, role and scope stay, the old secret stops working at once.
    const res = await c.env.DB.prepare(
      "UPDATE tokens SET hash = ?, hint = ?, created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ? AND gemeente_id = ? AND revoked_at IS NULL",
    )
      .bind(await sha256Hex(token), token.slice(-4), id, g)
      .run();
    if (res.meta.changes !== 1) throw new ApiError(404, 'not_found', 'No active token with this id in this gemeente.');
    return c.json({ id, token });
  })
  .delete('/:id/tokens/:tokenId', admin, async (c) => {
    const g = await gemeenteIn(c);
    const id = c.req.param('tokenId');
    const res = await c.env.DB.prepare(
      "UPDATE tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ? AND gemeente_id = ? AND revoked_at IS NULL",
    )
      .bind(id, g)
      .run();
    if (res.meta.changes !== 1) throw new ApiError(404, 'not_found', 'No active token with this id in this gemeente.');
    return c.json({ id, revoked: true });
  });

/**
 * Per-questionnaire retention. Shortening it deletes what is now too old at once; after that the
 * ledger's daily alarm keeps deleting.
 */
export const retention = new Hono<AppEnv>()
  .get('/', admin, async (c) => {
    const q = readQuery(c, RetentionQuery);
    const g = gemeenteOf(c, q.gemeente);
    const row = await getQuestionnaire(c.env.DB, g, q.questionnaire);
    if (!row) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
    return c.json({ questionnaire: q.questionnaire, retentionDays: row.retention_days });
  })
  .put('/', admin, async (c) => {
    const q = readQuery(c, RetentionQuery);
    const g = gemeenteOf(c, q.gemeente);
    const { days } = await readJson(c, RetentionUpdate);
    const res = await c.env.DB.prepare('UPDATE questionnaires SET retention_days = ? WHERE gemeente_id = ? AND id = ?')
      .bind(days, g, q.questionnaire)
      .run();
    if (res.meta.changes !== 1) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
    const deleted = await ledgerFor(c.env, g, q.questionnaire).applyRetention(days);
    return c.json({ questionnaire: q.questionnaire, retentionDays: days, deleted });
  });
