import { createMiddleware } from 'hono/factory';
import { SLUG_PATTERN } from '../schemas/constants.js';
import type { Context } from 'hono';
import { checkCsrf, sessionPrincipal, sessionSecret } from './accounts/session.js';
import { sha256Hex } from './crypto.js';
import { getTokenByHash, type Role, type TokenRow } from './db.js';
import type { AppEnv } from './context.js';
import { described } from './describe.js';
import { ApiError } from './errors.js';

/** Reads `Authorization: Bearer …` or, for WebSockets that cannot set headers, a `bearer.…` subprotocol. */
export function bearer(req: Request): string | undefined {
  const header = req.headers.get('Authorization');
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  if (m) return m[1];
  const protocols =
    req.headers
      .get('Sec-WebSocket-Protocol')
      ?.split(',')
      .map((p) => p.trim()) ?? [];
  const sub = protocols.find((p) => p.startsWith('bearer.'));
  return sub ? sub.slice('bearer.'.length) : undefined;
}

/** True once a token's expiry has passed; a token without one never expires. */
export function isExpired(token: Pick<TokenRow, 'expires_at'>, now = new Date()): boolean {
  return token.expires_at !== null && token.expires_at <= now.toISOString();
}

export async function tokenFor(env: Env, req: Request): Promise<TokenRow> {
  const secret = bearer(req);
  if (!secret) throw new ApiError(401, 'unauthorized', 'A bearer token is required.');
  const row = await getTokenByHash(env.DB, await sha256Hex(secret));
  if (!row) throw new ApiError(401, 'unauthorized', 'This token is not valid or has been revoked.');
  if (isExpired(row)) throw new ApiError(401, 'token_expired', `This token expired at ${row.expires_at}.`);
  return row;
}

/**
 * What a principal may do. Tokens keep their roles; accounts map onto them: a beheerder acts as the
 * gemeente admin, a partner account as its partner's viewer, and `onderzoeker` (exact figures, microdata,
 * imports) and `beleid` (protected figures of every partner) exist only for accounts.
 */
export type PrincipalRole = Role | 'onderzoeker' | 'beleid';

/** Who a request acts as: the token row, or an account in the same shape (its id, name as label). */
export interface Principal extends Omit<TokenRow, 'role'> {
  role: PrincipalRole;
  kind: 'token' | 'account';
  /** For an account: its e-mail address, which the audit log names. */
  email?: string;
  /** For an account signed in with the session cookie: the session (its hash, its absolute end), which a live connection is tied to. */
  session?: { hash: string; expires_at: string };
}

/**
 * The principal of a request: a bearer token when one is sent, else the beheer session cookie. A change
 * made with a cookie must carry the CSRF header from Peil's own origin.
 */
export async function principalFor(env: Env, req: Request): Promise<Principal> {
  if (!bearer(req) && sessionSecret(req)) {
    const principal = await sessionPrincipal(env, req);
    checkCsrf(req);
    return principal;
  }
  return { ...(await tokenFor(env, req)), kind: 'token' };
}

/** Requires a token or account with one of the roles; it is available as `c.get('token')`. */
export const requireRole = (...roles: PrincipalRole[]) =>
  described(
    createMiddleware<AppEnv>(async (c, next) => {
      const principal = await principalFor(c.env, c.req.raw);
      if (!roles.includes(principal.role)) throw new ApiError(403, 'forbidden', 'This token may not do this.');
      c.set('token', principal);
      await next();
    }),
    {
      'x-roles': roles,
      'x-peil-errors': [
        [401, 'unauthorized'],
        [401, 'token_expired'],
        [403, 'forbidden'],
        [401, 'session_expired'],
        [403, 'csrf_failed'],
      ],
    },
  );

/** The gemeente a token acts for; 403 when it asks for another gemeente's data. */
export function gemeenteOf(c: Context<AppEnv>, wanted?: string): string {
  const token = c.get('token');
  if (token.role === 'operator') {
    if (!wanted) throw new ApiError(400, 'bad_request', 'An operator must name the gemeente.');
    return wanted;
  }
  if (wanted && wanted !== token.gemeente_id) throw new ApiError(403, 'forbidden', 'This token belongs to another gemeente.');
  return token.gemeente_id!;
}

/**
 * Refuses a token that names another gemeente (in the path's `:id` or in `?gemeente=`) before the
 * body is read, so such a request learns nothing from validation. The handler still resolves the
 * gemeente itself, with `gemeenteOf`.
 */
export const forGemeente = (from: 'path' | 'query') =>
  described(
    createMiddleware<AppEnv>(async (c, next) => {
      const named = from === 'path' ? [c.req.param('id')] : (c.req.queries('gemeente') ?? [undefined]);
      // A malformed or repeated value is not a gemeente: validation refuses it with its own code.
      if (named.length === 1 && (named[0] === undefined || SLUG_PATTERN.test(named[0]))) gemeenteOf(c, named[0]);
      await next();
    }),
    {
      ...(from === 'query'
        ? {
            parameters: [
              {
                name: 'gemeente',
                in: 'query',
                required: false,
                description: 'Required for operator tokens: the gemeente to act for.',
                schema: { type: 'string' },
              },
            ],
          }
        : {}),
      'x-peil-errors': [
        [400, 'bad_request'],
        [403, 'forbidden'],
      ],
    },
  );
