import { allItems, type Section } from '../../schemas/questionnaire.js';
import { reportDefinition } from '../db.js';
import { dutchDay } from '../ingest.js';
import type { LiveSubscription } from '../ledger-types.js';
import { currentPeriod } from '../report/period.js';
import { buildAggregate } from '../report/stats.js';
import { heldCells, withoutHeld } from './held.js';
import { readCells, readOpenTexts } from './query.js';

// Live dashboards: each hibernating WebSocket carries its subscription as its attachment; a push
// computes every distinct subscription once and sends it to all sockets that asked for it.

/** Live pushes are coalesced: at most one per connection per this many milliseconds. */
export const LIVE_COALESCE_MS = 250;

/** The subscription the worker passed along with an upgrade request, or null when it is not one. */
export function subscriptionOf(request: Request): LiveSubscription | null {
  if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') return null;
  return JSON.parse(request.headers.get('x-peil-subscription') ?? 'null') as LiveSubscription | null;
}

/** The aggregate message of one subscription, as it stands now. */
export async function liveMessage(sql: SqlStorage, db: D1Database, sub: LiveSubscription): Promise<string> {
  const def: { sections: Section[] } = (await reportDefinition(db, sub.gemeente, sub.questionnaire)) ?? { sections: [] };
  // "This month" is resolved at each push, so a dashboard left open overnight moves with the calendar.
  const filter = sub.period ? { ...sub.filter, ...currentPeriod(sub.period, dutchDay()) } : sub.filter;
  const all = readCells(sql, filter, sub.groupBy);
  const cells = sub.withoutHeld ? withoutHeld(all, heldCells(sql, filter, sub.groupBy)) : all;
  const openItems = allItems(def).flatMap((i) => (i.type === 'open' ? [i.id] : []));
  const openTexts = openItems.length ? readOpenTexts(sql, filter, openItems, sub.withoutHeld) : undefined;
  const aggregate = buildAggregate(def, cells, { k: sub.k, grouped: sub.groupBy !== undefined, groupOrder: sub.groupOrder, openTexts });
  return JSON.stringify({ type: 'aggregate', questionnaire: sub.questionnaire, ...aggregate });
}

/** Sends every connected dashboard its current aggregate. */
export async function pushAll(sql: SqlStorage, db: D1Database, sockets: WebSocket[]): Promise<void> {
  const byKey = new Map<string, { sub: LiveSubscription; sockets: WebSocket[] }>();
  for (const ws of sockets) {
    const sub = ws.deserializeAttachment() as LiveSubscription;
    const key = JSON.stringify(sub);
    const entry = byKey.get(key) ?? { sub, sockets: [] };
    entry.sockets.push(ws);
    byKey.set(key, entry);
  }
  for (const { sub, sockets: group } of byKey.values()) {
    const message = await liveMessage(sql, db, sub);
    for (const ws of group) {
      try {
        ws.send(message);
      } catch {
        // A socket that closed between listing and sending needs nothing more.
      }
    }
  }
}
