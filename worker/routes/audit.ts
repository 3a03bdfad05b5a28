import { Hono } from 'hono';
import { z } from 'zod';
import { Slug } from '../../schemas/ids.js';
import { forGemeente, gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { route } from '../describe.js';

const AuditQuery = z.object({
  gemeente: Slug.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Entries before this id: the next page. */
  before: z.coerce.number().int().min(1).optional(),
});

interface AuditRow {
  id: number;
  at: string;
  actor_kind: 'account' | 'token';
  actor_id: string;
  actor: string;
  method: string;
  route: string;
  path: string;
  target: string;
  status: number;
}

/** The audit log of a gemeente, newest first: who changed or exported what, and when. */
export const auditLog = new Hono<AppEnv>().get(
  '/',
  route({
    summary: 'The audit log: every change and export, by account or token, newest first (never answers)',
    tag: 'tenants',
    ok: { 200: '{entries: [{id, at, actorKind, actorId, actor, method, route, path, target, status}], next?}' },
  }),
  requireRole('operator', 'admin'),
  validate('query', AuditQuery),
  forGemeente('query'),
  async (c) => {
    const q = c.req.valid('query');
    const g = gemeenteOf(c, q.gemeente);
    const { results } = await c.env.DB.prepare(
      `SELECT id, at, actor_kind, actor_id, actor, method, route, path, target, status FROM audit_log
       WHERE gemeente_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
    )
      .bind(g, q.before ?? Number.MAX_SAFE_INTEGER, q.limit)
      .all<AuditRow>();
    const entries = results.map((r) => ({
      id: r.id,
      at: r.at,
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      actor: r.actor,
      method: r.method,
      route: r.route,
      path: r.path,
      target: r.target,
      status: r.status,
    }));
    return c.json({ entries, ...(entries.length === q.limit ? { next: entries.at(-1)!.id } : {}) });
  },
);
