import { LIVE_CLOSE_TOKEN } from '../../schemas/constants.js';
import { IDLE_MS } from '../accounts/session.js';
import type { TokenRow } from '../db.js';

// Every live connection is tagged with the token it was opened with, so revoking or rotating that
// token closes it, and a push or the alarm closes it once the token has expired. A connection opened
// with a beheer session is tagged with the account (as its token id) and the session: signing out, an
// idle or expired session and a disabled account close it at the next push; the alarm at the session's end.

/** The header the worker passes the connection's token in, with the upgrade. */
export const TOKEN_HEADER = 'x-peil-token';

/** What a ledger knows of a connection's token: enough to tell a rotation and an expiry; for an account, its session's hash. */
export type SocketToken = Pick<TokenRow, 'id' | 'created_at' | 'expires_at'> & { session?: string };

const TOKEN = 'token:';
const ISSUED = 'issued:';
const EXPIRES = 'expires:';
const SESSION = 'session:';
/** D1 takes at most 100 bound parameters per query. */
const IDS_PER_QUERY = 90;

export const tokenTag = (id: string) => `${TOKEN}${id}`;

/** The hibernation tags of a new connection. */
export function tokenTags(t: SocketToken): string[] {
  return [
    tokenTag(t.id),
    `${ISSUED}${t.created_at}`,
    ...(t.expires_at ? [`${EXPIRES}${t.expires_at}`] : []),
    ...(t.session ? [`${SESSION}${t.session}`] : []),
  ];
}

function tokenOf(tags: string[]): SocketToken | undefined {
  const get = (prefix: string) => tags.find((t) => t.startsWith(prefix))?.slice(prefix.length);
  const id = get(TOKEN);
  const session = get(SESSION);
  return id === undefined
    ? undefined
    : { id, created_at: get(ISSUED) ?? '', expires_at: get(EXPIRES) ?? null, ...(session ? { session } : {}) };
}

/** The token the worker passed with an upgrade request, if any. */
export function socketTokenOf(request: Request): SocketToken | undefined {
  const header = request.headers.get(TOKEN_HEADER);
  return header ? (JSON.parse(header) as SocketToken) : undefined;
}

/** Closes connections with a reason; returns how many. */
export function closeSockets(sockets: WebSocket[], reason: string): number {
  for (const ws of sockets) {
    try {
      ws.close(LIVE_CLOSE_TOKEN, reason);
    } catch {
      // Already closing.
    }
  }
  return sockets.length;
}

/** Closes the connections whose token has expired; returns the earliest expiry still ahead (epoch ms). */
export function closeExpired(ctx: DurableObjectState, now = Date.now()): number | undefined {
  let next: number | undefined;
  for (const ws of ctx.getWebSockets()) {
    const expires = tokenOf(ctx.getTags(ws))?.expires_at;
    if (!expires) continue;
    const at = Date.parse(expires);
    if (at <= now) closeSockets([ws], 'token expired');
    else next = next === undefined ? at : Math.min(next, at);
  }
  return next;
}

interface SessionState {
  hash: string;
  last_seen_at: string;
  expires_at: string;
  disabled_at: string | null;
}

// The same ends as the session cookie's own check: past its absolute end, or idle too long.
const sessionEnded = (s: SessionState, now: number) => Date.parse(s.expires_at) <= now || Date.parse(s.last_seen_at) + IDLE_MS <= now;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IDS_PER_QUERY) out.push(items.slice(i, i + IDS_PER_QUERY));
  return out;
}

/**
 * The connections whose token still holds, checked against the registry in one query per 90 tokens:
 * the backstop for a revocation or rotation whose own close did not reach this ledger. The others are
 * closed. Connections from before tokens were tagged are left as they are.
 */
export async function liveSockets(ctx: DurableObjectState, db: D1Database, now = new Date()): Promise<WebSocket[]> {
  const open: WebSocket[] = [];
  const tagged: { ws: WebSocket; token: SocketToken }[] = [];
  for (const ws of ctx.getWebSockets()) {
    const token = tokenOf(ctx.getTags(ws));
    if (token) tagged.push({ ws, token });
    else open.push(ws);
  }
  const ids = [...new Set(tagged.flatMap((t) => (t.token.session ? [] : [t.token.id])))];
  const current = new Map<string, SocketToken>();
  for (const chunk of chunks(ids)) {
    const { results } = await db
      .prepare(`SELECT id, created_at, expires_at FROM tokens WHERE revoked_at IS NULL AND id IN (${chunk.map(() => '?').join(', ')})`)
      .bind(...chunk)
      .all<SocketToken>();
    for (const r of results) current.set(r.id, r);
  }
  const hashes = [...new Set(tagged.flatMap((t) => (t.token.session ? [t.token.session] : [])))];
  const sessions = new Map<string, SessionState>();
  for (const chunk of chunks(hashes)) {
    const { results } = await db
      .prepare(
        `SELECT s.hash, s.last_seen_at, s.expires_at, a.disabled_at FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.hash IN (${chunk.map(() => '?').join(', ')})`,
      )
      .bind(...chunk)
      .all<SessionState>();
    for (const r of results) sessions.set(r.hash, r);
  }
  for (const { ws, token } of tagged) {
    if (token.session) {
      const s = sessions.get(token.session);
      const ended = !s ? 'signed out' : s.disabled_at ? 'account disabled' : sessionEnded(s, now.getTime()) ? 'session expired' : undefined;
      if (ended) closeSockets([ws], ended);
      else open.push(ws);
      continue;
    }
    const row = current.get(token.id);
    if (!row) closeSockets([ws], 'token revoked');
    else if (row.created_at !== token.created_at) closeSockets([ws], 'token rotated');
    else if (row.expires_at !== null && row.expires_at <= now.toISOString()) closeSockets([ws], 'token expired');
    else open.push(ws);
  }
  return open;
}
