import { CSRF_HEADER, type AccountRole } from '../../schemas/constants.js';
import type { Principal } from '../auth.js';
import { newSecret, sha256Hex } from '../crypto.js';
import { ApiError } from '../errors.js';
import { PRINCIPAL_ROLE } from './roles.js';

export const SESSION_COOKIE = 'peil_session';
/** A session ends after 30 minutes without a request, and after 12 hours however active it is. */
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 3_600_000;
// Writing last_seen_at on every request would make each read a write; a minute's slack is harmless.
const TOUCH_MS = 60_000;

interface SessionRow {
  hash: string;
  last_seen_at: string;
  expires_at: string;
  created_at: string;
  account_id: string;
  gemeente_id: string;
  name: string;
  email: string;
  role: AccountRole;
  partner_id: string | null;
  disabled_at: string | null;
}

/** The session cookie's value, read without `hono/cookie`'s context so `requireRole` can use a bare Request. */
export function sessionSecret(req: Request): string | undefined {
  const header = req.headers.get('Cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=') || undefined;
  }
  return undefined;
}

/** The signed-in account of a request with a session cookie; 401 `session_expired` once it has ended. */
export async function sessionPrincipal(env: Env, req: Request): Promise<Principal> {
  const secret = sessionSecret(req)!;
  const row = await env.DB.prepare(
    `SELECT s.hash, s.last_seen_at, s.expires_at, s.created_at, a.id AS account_id, a.gemeente_id, a.name, a.email, a.role,
      a.partner_id, a.disabled_at
     FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.hash = ?`,
  )
    .bind(await sha256Hex(secret))
    .first<SessionRow>();
  const now = Date.now();
  if (!row || row.disabled_at || Date.parse(row.expires_at) <= now || Date.parse(row.last_seen_at) + IDLE_MS <= now) {
    if (row) await env.DB.prepare('DELETE FROM sessions WHERE hash = ?').bind(row.hash).run();
    throw new ApiError(401, 'session_expired', 'The session has ended; sign in again.');
  }
  if (Date.parse(row.last_seen_at) + TOUCH_MS <= now) {
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE hash = ?').bind(new Date(now).toISOString(), row.hash).run();
  }
  return { ...accountPrincipal(row, row.created_at), session: { hash: row.hash, expires_at: row.expires_at } };
}

/** An account as the principal routes see: the role its account role maps to, its name as the label. */
export function accountPrincipal(
  a: Pick<SessionRow, 'account_id' | 'gemeente_id' | 'name' | 'email' | 'role' | 'partner_id'>,
  since: string,
): Principal {
  return {
    kind: 'account',
    id: a.account_id,
    role: PRINCIPAL_ROLE[a.role],
    gemeente_id: a.gemeente_id,
    partner_id: a.partner_id,
    label: a.name,
    email: a.email,
    hint: '',
    created_at: since,
    revoked_at: null,
    expires_at: null,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a change that a browser could have been made to send from another site: it needs Peil's own
 * header (another origin cannot add it without a CORS preflight Peil never grants) and, when the
 * browser says where it comes from, Peil's own origin. The cookie is SameSite=Strict besides.
 */
export function checkCsrf(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get('Origin');
  const site = req.headers.get('Sec-Fetch-Site');
  const ok =
    req.headers.get(CSRF_HEADER) === '1' &&
    origin !== null &&
    origin === new URL(req.url).origin &&
    (site === null || site === 'same-origin');
  if (!ok) throw new ApiError(403, 'csrf_failed', `A change from beheer needs the ${CSRF_HEADER} header and Peil's own origin.`);
}

/** Starts a session for an account: the cookie carries the secret, D1 only its hash. */
export async function startSession(db: D1Database, accountId: string, url: string): Promise<string> {
  const secret = newSecret('sess');
  const now = Date.now();
  await db
    .prepare('INSERT INTO sessions (hash, account_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    .bind(
      await sha256Hex(secret),
      accountId,
      new Date(now).toISOString(),
      new Date(now).toISOString(),
      new Date(now + ABSOLUTE_MS).toISOString(),
    )
    .run();
  return sessionCookie(secret, url, ABSOLUTE_MS / 1000);
}

/** The Set-Cookie value: HttpOnly, SameSite=Strict, Secure where Peil is served over HTTPS. */
export function sessionCookie(secret: string, url: string, maxAgeSeconds: number): string {
  const secure = new URL(url).protocol === 'https:' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

export async function endSession(db: D1Database, req: Request): Promise<void> {
  const secret = sessionSecret(req);
  if (secret)
    await db
      .prepare('DELETE FROM sessions WHERE hash = ?')
      .bind(await sha256Hex(secret))
      .run();
}
