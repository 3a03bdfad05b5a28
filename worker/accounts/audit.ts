import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppEnv } from '../context.js';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Query parameters that say what a request was about; nothing else from a request is kept. */
const TARGETS = ['gemeente', 'questionnaire', 'partner', 'team', 'format'];

/**
 * Records every change and every export made by a token or an account, once the route has answered:
 * who, the method, the route and its path (which holds the ids), the parameters that name the target,
 * the status. Never a body, so never an answer.
 */
export const audit = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const who = c.get('token');
  if (!who) return;
  const url = new URL(c.req.url);
  const exporting = c.req.method === 'GET' && url.pathname.startsWith('/v1/export/');
  if (!CHANGES.has(c.req.method) && !exporting) return;
  const target = TARGETS.filter((k) => url.searchParams.has(k))
    .map((k) => `${k}=${url.searchParams.get(k)!.slice(0, 100)}`)
    .join('&');
  await c.env.DB.prepare(
    `INSERT INTO audit_log (gemeente_id, at, actor_kind, actor_id, actor, method, route, path, target, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      who.gemeente_id ?? url.pathname.match(/^\/v1\/gemeenten\/([^/]+)/)?.[1] ?? url.searchParams.get('gemeente'),
      new Date().toISOString(),
      who.kind,
      who.id,
      who.kind === 'account' ? `${who.label} <${who.email}>` : who.label || `${who.role} token …${who.hint}`,
      c.req.method,
      routePath(c, -1),
      url.pathname.slice(0, 300),
      target,
      c.res.status,
    )
    .run();
});
