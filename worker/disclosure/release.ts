import { cellKey } from './keys.js';

/**
 * The release rule. A protected audience sees a cell as it was at its last release; the cell is
 * released again only once at least k new responses came into it, so two figures a reader can
 * compare always differ by k responses or more, never by one client. The same rule holds for a
 * WebSocket and for polling GET /v1/aggregates, because both read the releases.
 */
export function releaseDue(now: number, released: number | undefined, k: number): boolean {
  return now >= k && now - (released ?? 0) >= k;
}

/**
 * Open texts in a release: at most `limit`, in an order that depends on the release and the texts'
 * ids only (a seeded shuffle), never on when they came. A sample when there are more.
 */
export function shuffled<T extends { id: string }>(seed: string, texts: readonly T[], limit: number): T[] {
  const keyed = texts.map((t) => ({ t, key: cellKey(0, 0, `${seed}\u0000${t.id}`) }));
  keyed.sort((a, b) => a.key - b.key || (a.t.id < b.t.id ? -1 : 1));
  return keyed.slice(0, limit).map((x) => x.t);
}
