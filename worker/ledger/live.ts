import { allItems, type Section } from '../../schemas/questionnaire.js';
import type { Table } from '../disclosure/table.js';
import { reportDefinition } from '../db.js';
import { dutchDay } from '../ingest.js';
import type { LiveSubscription } from '../ledger-types.js';
import { currentPeriod } from '../report/period.js';
import { buildAggregate } from '../report/stats.js';
import { protectedAggregate } from './protected.js';
import { readCells, readOpenTexts } from './query.js';

// Live dashboards: each hibernating WebSocket carries its subscription as its attachment; a push
// computes every distinct subscription once and sends it to all sockets that asked for it.

/** Live pushes are coalesced: at most one per connection per this many milliseconds. */
export const LIVE_COALESCE_MS = 250;

/** The protected table of a partner for the gemeente's k, as the ledger keeps it. */
export type TableOf = (partner: string, k: number) => Table;

/** What a socket's attachment holds: its subscription and, for a protected one, a digest of what it was sent last. */
interface Attachment {
  sub: LiveSubscription;
  last?: string;
}

/** A digest of a message (two FNV-1a hashes and the length): attachments are too small for the message itself. */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x811c9dc5) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}:${text.length}`;
}

/** The subscription the worker passed along with an upgrade request, or null when it is not one. */
export function subscriptionOf(request: Request): LiveSubscription | null {
  if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') return null;
  return JSON.parse(request.headers.get('x-peil-subscription') ?? 'null') as LiveSubscription | null;
}

/**
 * The aggregate message of one subscription, as it stands now. A protected subscription reads the
 * releases, without open texts: a text in a live message would be dated by its arrival.
 */
export async function liveMessage(sql: SqlStorage, db: D1Database, sub: LiveSubscription, tableOf: TableOf): Promise<string> {
  const def: { sections: Section[] } = (await reportDefinition(db, sub.gemeente, sub.questionnaire)) ?? { sections: [] };
  if (sub.protected) {
    const p = sub.protected;
    const aggregate = protectedAggregate(sql, (partner) => tableOf(partner, p.k), { ...p, items: allItems(def), texts: false }, dutchDay());
    return JSON.stringify({ type: 'aggregate', questionnaire: sub.questionnaire, ...aggregate });
  }
  // The gemeente's own feed: exact, held responses included. "This month" is resolved at each push,
  // so a dashboard left open overnight moves with the calendar.
  const filter = sub.period ? { ...sub.filter, ...currentPeriod(sub.period, dutchDay()) } : sub.filter;
  const cells = readCells(sql, filter, sub.groupBy);
  const openItems = allItems(def).flatMap((i) => (i.type === 'open' ? [i.id] : []));
  const openTexts = openItems.length ? readOpenTexts(sql, filter, openItems) : undefined;
  const aggregate = buildAggregate(def, cells, {
    k: sub.k,
    grouped: sub.groupBy !== undefined,
    groupOrder: sub.groupOrder,
    openTexts,
    weetNiet: sub.weetNiet,
  });
  return JSON.stringify({ type: 'aggregate', questionnaire: sub.questionnaire, ...aggregate });
}

/** Accepts a new dashboard connection with its first message. */
export function attach(ws: WebSocket, sub: LiveSubscription, message: string): void {
  ws.serializeAttachment({ sub, last: sub.protected ? digest(message) : undefined } satisfies Attachment);
  ws.send(message);
}

/**
 * Sends every connected dashboard its current aggregate. The admin's feed gets every push; a protected
 * one only a message that differs from its last, which happens only when a cell it shows was released.
 * All messages are computed first and sent together, so nothing interleaves between the sends.
 */
export async function pushAll(sql: SqlStorage, db: D1Database, sockets: WebSocket[], tableOf: TableOf): Promise<void> {
  const byKey = new Map<string, { sub: LiveSubscription; sockets: WebSocket[] }>();
  for (const ws of sockets) {
    const { sub } = ws.deserializeAttachment() as Attachment;
    const key = JSON.stringify(sub);
    const entry = byKey.get(key) ?? { sub, sockets: [] };
    entry.sockets.push(ws);
    byKey.set(key, entry);
  }
  const messages = await Promise.all([...byKey.values()].map(async (g) => ({ ...g, message: await liveMessage(sql, db, g.sub, tableOf) })));
  for (const { sub, sockets: group, message } of messages) {
    for (const ws of group) {
      try {
        if (sub.protected) {
          const last = digest(message);
          if ((ws.deserializeAttachment() as Attachment).last === last) continue;
          ws.serializeAttachment({ sub, last } satisfies Attachment);
        }
        ws.send(message);
      } catch {
        // A socket that closed between listing and sending needs nothing more.
      }
    }
  }
}
