import type { Aggregate, AggregateGroup, ItemCell } from '../../schemas/aggregate.js';
import { UNKNOWN_GROUP } from '../../schemas/constants.js';
import type { Item } from '../../schemas/questionnaire.js';
import type { ProtectedQuery } from '../disclosure/audience.js';
import { protectedItem, protectedN } from '../disclosure/figures.js';
import {
  addMonth,
  monthCell,
  periodById,
  protectedPeriod,
  quarterCell,
  quarterStart,
  rolling12Cell,
  subPeriods,
  yearCell,
  type PeriodCell,
} from '../disclosure/periods.js';
import { releaseDue, shuffled } from '../disclosure/release.js';
import { cellId, isHidden, sliceKey, sliceOf, type ProtectedDim, type Slice, type Table } from '../disclosure/table.js';
import { isIndicatief } from '../report/suppress.js';
import { readMeta } from './schema.js';
import {
  clearQueue,
  countTexts,
  eligibleTexts,
  partnersWithData,
  queueRelease,
  queuedMonths,
  readRelease,
  readTextRelease,
  snapshotOf,
  writeRelease,
  writeTextRelease,
  type Release,
} from './releases.js';

// Figures for protected audiences (partner viewers, public embeds, their live feeds), always of one
// partner: read from the releases of whole-period cells, hidden as the whole table decides, perturbed
// by their cell keys.
//
// Releases are made for the whole table, never for the cell someone happens to read: every new
// response queues its month, and before any protected read every cell of a queued month that is due
// (k or more new responses since its last release) is released. So what a reader sees does not depend
// on when they first looked at a breakdown; a cell's released figures change only by k responses or more.

/** Open texts per release, at most. */
const TEXT_LIMIT = 200;

/** Every period cell a month is in: itself, its quarter, its year, and the twelve-month cells up to this month. */
function periodsOf(month: string, thisMonth: string): PeriodCell[] {
  const cells = [monthCell(month), quarterCell(quarterStart(month)), yearCell(month.slice(0, 4))];
  for (let end = month; end <= thisMonth && end <= addMonth(month, 11); end = addMonth(end, 1)) {
    if (!end.endsWith('-12')) cells.push(rolling12Cell(end));
  }
  return cells;
}

/** What releasing needs to know besides the counts: k, the open items and whether texts wait for review. */
export interface ReleaseContext {
  k: number;
  openItems: string[];
  review: boolean;
}

/**
 * Releases every due cell of the queued months of every partner, and at the start of a month the new
 * twelve-month cells. Open texts are released per partner and period (not per team or other
 * selection), once k or more new ones may be shown, in a seeded shuffle.
 */
export function releaseQueued(sql: SqlStorage, tableOf: (partner: string) => Table, ctx: ReleaseContext, today: string, now: number): void {
  const thisMonth = today.slice(0, 7);
  if (readMeta(sql, 'release_month') !== thisMonth) {
    for (const partner of partnersWithData(sql)) queueRelease(sql, partner, thisMonth);
    sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('release_month', ?)", thisMonth);
  }
  const queued = queuedMonths(sql);
  if (queued.size === 0) return;
  for (const [partner, months] of queued) {
    const table = tableOf(partner);
    const periods = new Map<string, PeriodCell>();
    for (const m of months) for (const p of periodsOf(m, thisMonth)) periods.set(p.id, p);
    const byPeriod = new Map<string, string[]>();
    for (const id of table.n.keys()) {
      const [period, slice] = id.split('|');
      if (periods.has(period)) (byPeriod.get(period) ?? byPeriod.set(period, []).get(period)!).push(slice);
    }
    for (const [periodId, slices] of byPeriod) {
      const period = periods.get(periodId)!;
      for (const key of slices) {
        const id = cellId(periodId, key);
        const current = table.n.get(id) ?? 0;
        const last = readRelease(sql, partner, id);
        if (!releaseDue(current, last?.n, ctx.k)) continue;
        writeRelease(sql, partner, id, {
          n: current,
          fresh: current - (last?.n ?? 0),
          at: now,
          counts: snapshotOf(sql, partner, period, sliceOf(key)),
        });
      }
      for (const item of ctx.openItems) {
        const id = cellId(periodId, '');
        const count = countTexts(sql, partner, period, undefined, item, ctx.review);
        const last = readTextRelease(sql, partner, id, item);
        if (!releaseDue(count, last?.n, ctx.k)) continue;
        const texts = shuffled(
          `${partner}\u0000${id}\u0000${item}\u0000${count}`,
          eligibleTexts(sql, partner, period, undefined, item, ctx.review),
          TEXT_LIMIT,
        );
        writeTextRelease(sql, partner, id, item, { n: count, at: now, texts });
      }
    }
  }
  clearQueue(sql);
}

function periodOf(q: Pick<ProtectedQuery, 'period'>, today: string): PeriodCell {
  return typeof q.period === 'string' ? periodById(q.period) : protectedPeriod({ period: q.period.current }, today);
}

function itemsOf(
  items: Item[],
  release: Release | undefined,
  k: number,
  texts?: (item: Item) => string[] | undefined,
): Record<string, ItemCell> {
  return Object.fromEntries(
    items.map((item): [string, ItemCell] => [
      item.id,
      release ? protectedItem(item, release.counts, k, item.type === 'open' ? texts?.(item) : undefined) : { suppressed: true },
    ]),
  );
}

/** Groups in the asked order, then the rest sorted, the unknown group last (as for exact figures). */
function orderValues(values: Iterable<string>, order: readonly string[] = []): string[] {
  const rest = [...values]
    .filter((v) => !order.includes(v))
    .sort((a, b) => Number(a === '') - Number(b === '') || (a < b ? -1 : a > b ? 1 : 0));
  return [...new Set(order), ...rest];
}

/** The values of a dimension with respondents in a period, read off the table. */
function valuesIn(table: Table, period: string, dim: ProtectedDim): string[] {
  const prefix = `${period}|${dim}=`;
  return [...table.n.keys()].filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length));
}

/**
 * The protected aggregate of one query, as the dashboard and the live feed get it: due releases are
 * made first, then every cell is read from its last release. A cell the table hides, or one without a
 * release, is suppressed.
 */
export function protectedAggregate(
  sql: SqlStorage,
  tableOf: (partner: string) => Table,
  q: ProtectedQuery,
  today: string,
  now = Date.now(),
): Aggregate {
  const openItems = q.items.flatMap((i) => (i.type === 'open' ? [i.id] : []));
  releaseQueued(sql, tableOf, { k: q.k, openItems, review: q.review }, today, now);
  const table = tableOf(q.partner);
  const period = periodOf(q, today);
  const shown: Release[] = [];
  const read = (p: PeriodCell, slice: Slice): Release | undefined => {
    const id = cellId(p.id, sliceKey(slice));
    const release = isHidden(table, id) ? undefined : readRelease(sql, q.partner, id);
    if (release) shown.push(release);
    return release;
  };
  // Open texts only with the partner's figures of a whole period, not per team or other selection.
  const texts = (item: Item) =>
    q.texts && !q.slice ? readTextRelease(sql, q.partner, cellId(period.id, ''), item.id)?.texts.map((t) => t.text) : undefined;

  const total = read(period, q.slice);
  const k = table.k;
  const aggregate: Aggregate = total
    ? { n: protectedN(total.counts, k), k, items: itemsOf(q.items, total, k, texts) }
    : { suppressed: true, k, items: itemsOf(q.items, undefined, k) };

  if (q.groupBy) {
    const cells: { key: string; period: PeriodCell; slice: Slice }[] =
      q.groupBy === 'month' || q.groupBy === 'quarter' || q.groupBy === 'year'
        ? subPeriods(period, q.groupBy).map((p) => ({ key: p.id, period: p, slice: q.slice }))
        : q.slice?.dim === q.groupBy
          ? [{ key: q.slice.value || UNKNOWN_GROUP, period, slice: q.slice }]
          : orderValues(valuesIn(table, period.id, q.groupBy), q.groupBy === 'team' ? q.groupOrder : undefined).map((value) => ({
              key: value || UNKNOWN_GROUP,
              period,
              slice: { dim: q.groupBy as ProtectedDim, value },
            }));
    aggregate.groups = cells.map((c): AggregateGroup => {
      const release = read(c.period, c.slice);
      if (!release) return { key: c.key, suppressed: true };
      const n = protectedN(release.counts, k);
      return { key: c.key, n, indicatief: isIndicatief(n, k), items: itemsOf(q.items, release, k) };
    });
  }

  const latest = shown.reduce<Release | undefined>((a, r) => (!a || r.at > a.at ? r : a), undefined);
  aggregate.disclosure = {
    protected: true,
    period: period.id,
    releaseEvery: k,
    ...(latest ? { release: { at: new Date(latest.at).toISOString(), newResponses: latest.fresh } } : {}),
  };
  return aggregate;
}
