import { RESPONDENTS } from '../../schemas/constants.js';
import type { Answers } from '../../schemas/questionnaire.js';
import type { Snapshot } from '../disclosure/figures.js';
import { mod32 } from '../disclosure/keys.js';
import { periodById, type PeriodCell } from '../disclosure/periods.js';
import { PROTECTED_DIMS, type MonthCount, type ProtectedDim, type Slice } from '../disclosure/table.js';
import { cellsOf } from './cells.js';
import { HELD } from './held.js';

// What protected audiences read: the monthly counts the whole table is built from, and per cell its
// last release (the counts and key sums as they were then) and the open texts released with it.

/** One release of a cell: its counts then, how many respondents it held and how many were new. */
export interface Release {
  n: number;
  fresh: number;
  /** When, in ms since the epoch. */
  at: number;
  counts: Snapshot;
}

/** A cell in the monthly roll-up, whose days are the months' first days. */
function monthBounds(period: PeriodCell, slice: Slice): { sql: string; args: string[] } {
  const first = `${period.months[0]}-01`;
  const last = `${period.months[period.months.length - 1]}-01`;
  return slice
    ? { sql: `day >= ? AND day <= ? AND ${slice.dim} = ?`, args: [first, last, slice.value] }
    : { sql: 'day >= ? AND day <= ?', args: [first, last] };
}

/**
 * Respondents of a partner per month and combination of dimensions, from the monthly roll-up, less
 * the responses held in a burst (few, found by their index): protected audiences do not see them yet.
 */
export function monthCounts(sql: SqlStorage, partner: string): MonthCount[] {
  const dims = PROTECTED_DIMS.join(', ');
  const counts = new Map<string, MonthCount>();
  const key = (r: Record<ProtectedDim | 'month', string>) => [r.month, ...PROTECTED_DIMS.map((d) => r[d])].join('\u0000');
  for (const r of sql.exec<Record<ProtectedDim, string> & { month: string; n: number }>(
    `SELECT substr(day, 1, 7) AS month, ${dims}, SUM(count) AS n FROM cube_month
     WHERE partner = ? AND item = ? GROUP BY month, ${dims}`,
    partner,
    RESPONDENTS,
  )) {
    counts.set(key(r), {
      month: r.month,
      n: r.n,
      dims: Object.fromEntries(PROTECTED_DIMS.map((d) => [d, r[d]])) as Record<ProtectedDim, string>,
    });
  }
  for (const r of sql.exec<Record<ProtectedDim, string> & { month: string; n: number }>(
    `SELECT substr(day, 1, 7) AS month, ${dims}, COUNT(*) AS n FROM responses WHERE partner = ? AND ${HELD} GROUP BY month, ${dims}`,
    partner,
  )) {
    const c = counts.get(key(r));
    if (c) c.n -= r.n;
  }
  return [...counts.values()].filter((c) => c.n > 0);
}

/**
 * The counts and key sums of one cell as they are now, less the held responses: whole months only, so
 * the roll-up answers it.
 */
export function snapshotOf(sql: SqlStorage, partner: string, period: PeriodCell, slice: Slice): Snapshot {
  const b = monthBounds(period, slice);
  const snap: Snapshot = {};
  for (const r of sql.exec<{ item: string; value: string; c: number; s: number }>(
    `SELECT item, value, SUM(count) AS c, SUM(keysum) % 4294967296 AS s FROM cube_month
     WHERE partner = ? AND ${b.sql} GROUP BY item, value`,
    partner,
    ...b.args,
  )) {
    (snap[r.item] ??= {})[r.value] = [r.c, mod32(r.s)];
  }
  const t = dayBounds(period, slice);
  for (const r of sql.exec<{ answers: string; texts: string; rkey: number }>(
    `SELECT answers, texts, rkey FROM responses WHERE partner = ? AND ${HELD} AND ${t.sql}`,
    partner,
    ...t.args,
  )) {
    for (const [item, value] of cellsOf(JSON.parse(r.answers) as Answers, JSON.parse(r.texts) as Record<string, string>)) {
      const cell = snap[item]?.[value];
      if (!cell) continue;
      const [c, sum] = cell;
      if (c <= 1) delete snap[item][value];
      else snap[item][value] = [c - 1, mod32(sum - r.rkey)];
    }
  }
  return snap;
}

export function readRelease(sql: SqlStorage, partner: string, cell: string): Release | undefined {
  const row = sql
    .exec<{ n: number; fresh: number; at: number; counts: string }>(
      'SELECT n, fresh, at, counts FROM releases WHERE partner = ? AND cell = ?',
      partner,
      cell,
    )
    .toArray()[0];
  return row && { n: row.n, fresh: row.fresh, at: row.at, counts: JSON.parse(row.counts) as Snapshot };
}

export function writeRelease(sql: SqlStorage, partner: string, cell: string, r: Release): void {
  sql.exec(
    `INSERT INTO releases (partner, cell, n, fresh, at, counts) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET n = excluded.n, fresh = excluded.fresh, at = excluded.at, counts = excluded.counts`,
    partner,
    cell,
    r.n,
    r.fresh,
    r.at,
    JSON.stringify(r.counts),
  );
}

/** Marks a month of a partner as changed: its cells are checked for a due release before the next protected read. */
export function queueRelease(sql: SqlStorage, partner: string, month: string): void {
  sql.exec('INSERT OR IGNORE INTO release_queue (partner, month) VALUES (?, ?)', partner, month);
}

/** The changed months per partner, and a way to clear them once released. */
export function queuedMonths(sql: SqlStorage): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of sql.exec<{ partner: string; month: string }>('SELECT partner, month FROM release_queue')) {
    (out.get(r.partner) ?? out.set(r.partner, []).get(r.partner)!).push(r.month);
  }
  return out;
}

export function clearQueue(sql: SqlStorage): void {
  sql.exec('DELETE FROM release_queue');
}

/** Partners with responses: at the start of a month each gets its new twelve-month cells released. */
export function partnersWithData(sql: SqlStorage): string[] {
  return sql
    .exec<{ partner: string }>(`SELECT DISTINCT partner FROM cube_month WHERE item = ?`, RESPONDENTS)
    .toArray()
    .map((r) => r.partner);
}

/**
 * After a deletion, releases that still hold the deleted responses are dropped and their months
 * queued: the cells are released again from what is stored, before the next protected read.
 */
export function forgetReleases(sql: SqlStorage, gone: { partner: string; month: string }[]): void {
  if (gone.length === 0) return;
  const months = new Set(gone.map((g) => g.month));
  for (const table of ['releases', 'text_releases']) {
    const cells = sql.exec<{ cell: string }>(`SELECT DISTINCT cell FROM ${table}`).toArray();
    for (const { cell } of cells) {
      if (periodById(cell.split('|')[0]).months.some((m) => months.has(m))) sql.exec(`DELETE FROM ${table} WHERE cell = ?`, cell);
    }
  }
  for (const g of gone) queueRelease(sql, g.partner, g.month);
}

/**
 * Which stored texts a protected audience may get: released by the gemeente, or, without review, all
 * not withheld; never those of a response held in a burst.
 */
function reviewed(review: boolean): string {
  const burst = `submission_id NOT IN (SELECT submission_id FROM responses WHERE ${HELD})`;
  return `${review ? "review = 'released'" : "review <> 'withheld'"} AND ${burst}`;
}

/** A cell in the tables that keep days: responses and open texts. */
function dayBounds(period: PeriodCell, slice: Slice): { sql: string; args: string[] } {
  const from = period.from;
  const to = period.to;
  return slice
    ? { sql: `day >= ? AND day <= ? AND ${slice.dim} = ?`, args: [from, to, slice.value] }
    : { sql: 'day >= ? AND day <= ?', args: [from, to] };
}

/** How many texts of an item a protected audience may get in a cell. */
export function countTexts(sql: SqlStorage, partner: string, period: PeriodCell, slice: Slice, item: string, review: boolean): number {
  const b = dayBounds(period, slice);
  return sql
    .exec<{ n: number }>(
      `SELECT COUNT(*) AS n FROM open_texts WHERE partner = ? AND item = ? AND ${b.sql} AND ${reviewed(review)}`,
      partner,
      item,
      ...b.args,
    )
    .one().n;
}

/** Those texts with their ids; no day, so nothing downstream can order them by time. */
export function eligibleTexts(
  sql: SqlStorage,
  partner: string,
  period: PeriodCell,
  slice: Slice,
  item: string,
  review: boolean,
): { id: string; text: string }[] {
  const b = dayBounds(period, slice);
  return sql
    .exec<{ id: string; text: string }>(
      `SELECT submission_id AS id, text FROM open_texts WHERE partner = ? AND item = ? AND ${b.sql} AND ${reviewed(review)}`,
      partner,
      item,
      ...b.args,
    )
    .toArray();
}

/** A text release: the texts with their submission ids (kept, never shown: a text withheld later must leave it). */
export interface TextRelease {
  n: number;
  at: number;
  texts: { id: string; text: string }[];
}

export function readTextRelease(sql: SqlStorage, partner: string, cell: string, item: string): TextRelease | undefined {
  const row = sql
    .exec<{ n: number; at: number; texts: string }>(
      'SELECT n, at, texts FROM text_releases WHERE partner = ? AND cell = ? AND item = ?',
      partner,
      cell,
      item,
    )
    .toArray()[0];
  return row && { n: row.n, at: row.at, texts: JSON.parse(row.texts) as TextRelease['texts'] };
}

/** Takes withheld texts out of every release that holds them, leaving the rest as they were. */
export function withdrawTexts(sql: SqlStorage, ids: { submissionId: string; item: string }[]): void {
  const rows = sql
    .exec<{ partner: string; cell: string; item: string; texts: string }>('SELECT partner, cell, item, texts FROM text_releases')
    .toArray();
  for (const r of rows) {
    const drop = new Set(ids.filter((i) => i.item === r.item).map((i) => i.submissionId));
    const texts = JSON.parse(r.texts) as TextRelease['texts'];
    const kept = texts.filter((t) => !drop.has(t.id));
    if (kept.length !== texts.length) {
      sql.exec(
        'UPDATE text_releases SET texts = ? WHERE partner = ? AND cell = ? AND item = ?',
        JSON.stringify(kept),
        r.partner,
        r.cell,
        r.item,
      );
    }
  }
}

export function writeTextRelease(sql: SqlStorage, partner: string, cell: string, item: string, r: TextRelease): void {
  sql.exec(
    `INSERT INTO text_releases (partner, cell, item, n, at, texts) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET n = excluded.n, at = excluded.at, texts = excluded.texts`,
    partner,
    cell,
    item,
    r.n,
    r.at,
    JSON.stringify(r.texts),
  );
}
