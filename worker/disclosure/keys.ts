/**
 * Record keys and cell keys. Every response gets a record key: 32 random bits, stored with it, never
 * shown. The cube keeps, next to each count, the sum of the record keys of the responses counted in
 * it, so the sum for any cell of any period comes from the same read as its count.
 */

/** The record key of a new response. */
export function newRecordKey(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

/**
 * The record key of a response stored before record keys existed: derived from a secret salt of the
 * ledger and the submission id, so a rerun of the backfill gives the same keys.
 */
export async function backfillKey(salt: string, submissionId: string): Promise<number> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}\u0000${submissionId}`));
  return new DataView(digest).getUint32(0);
}

/** A fresh secret salt for the backfill. */
export function newSalt(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const TWO_32 = 2 ** 32;

/** A key sum as SQLite returns it, reduced to 32 bits (the fractional part of the sum of keys / 2³²). */
export function mod32(sum: number): number {
  return ((sum % TWO_32) + TWO_32) % TWO_32;
}

/** FNV-1a over a string: a fixed 32-bit label per (item, value). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The murmur3 finaliser: a bijection on 32 bits, so a uniform input stays uniform. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The cell key of one count in [0, 1). In the plain cell key method it is the fractional part of the
 * sum of the record keys counted (`valueSum`). Here that sum is mixed with the key sum of every
 * response in the cell (`cellSum`) and a label of the count: two tables that differ by one response
 * would otherwise show the very same noise in every count that response is not in, and their
 * difference would point straight at its answer. The same responses still give the same keys, so a
 * repeated or reworded query shows the same figures. For a fixed cell and label the map from
 * `valueSum` to the key is a bijection, so the key stays uniform.
 */
export function cellKey(cellSum: number, valueSum: number, label: string): number {
  const mixed = (mod32(valueSum) + Math.imul(mod32(cellSum), 0x9e3779b1) + fnv1a(label)) >>> 0;
  return fmix32(mixed) / TWO_32;
}
