import type { Aggregate, AggregateGroup, ItemCell } from '../../schemas/aggregate.js';
import { UNKNOWN_GROUP } from '../../schemas/constants.js';
import type { Item } from '../../schemas/questionnaire.js';
import type { ProtectedQuery } from '../disclosure/audience.js';
import { protectedItem, protectedN } from '../disclosure/figures.js';
import { periodById, protectedPeriod, subPeriods, type PeriodCell } from '../disclosure/periods.js';
import { releaseDue, shuffled } from '../disclosure/release.js';
import { cellId, isHidden, sliceKey, type ProtectedDim, type Slice, type Table } from '../disclosure/table.js';
import { isIndicatief } from '../report/suppress.js';
import { countTexts, eligibleTexts, readRelease, readTextRelease, snapshotOf, writeRelease, writeTextRelease, type Release } from './releases.js';

// Figures for protected audiences (partner viewers, public embeds, their live feeds), always of one
// partner: read from the releases of whole-period cells, hidden as the whole table decides, perturbed
// by their cell keys. A cell whose release is due is released first, whoever reads it.

/** Open texts per release, at most. */
const TEXT_LIMIT = 200;

export function periodOf(q: Pick<ProtectedQuery, 'period'>, today: string): PeriodCell {
  return typeof q.period === 'string' ? periodById(q.period) : protectedPeriod({ period: q.period.current }, today);
}

/** The release a shown cell is read from, after releasing it when k or more responses came in since the last one. */
function released(sql: SqlStorage, table: Table, partner: string, period: PeriodCell, slice: Slice, now: number): Release {
  const id = cellId(period.id, sliceKey(slice));
  const current = table.n.get(id) ?? 0;
  const last = readRelease(sql, partner, id);
  if (last && !releaseDue(current, last.n, table.k)) return last;
  const release: Release = { n: current, fresh: current - (last?.n ?? 0), at: now, counts: snapshotOf(sql, partner, period, slice) };
  writeRelease(sql, partner, id, release);
  return release;
}

/** Open texts of a cell's item from its last text release, after a new one once k or more new texts may be shown. */
function releasedTexts(sql: SqlStorage, q: ProtectedQuery, period: PeriodCell, slice: Slice, item: string, now: number): string[] | undefined {
  const id = cellId(period.id, sliceKey(slice));
  const count = countTexts(sql, q.partner, period, slice, item, q.review);
  const last = readTextRelease(sql, q.partner, id, item);
  if (last && !releaseDue(count, last.n, q.k)) return last.texts;
  if (!releaseDue(count, last?.n, q.k)) return undefined;
  const texts = shuffled(`${id}\u0000${item}\u0000${count}`, eligibleTexts(sql, q.partner, period, slice, item, q.review), TEXT_LIMIT).map((t) => t.text);
  writeTextRelease(sql, q.partner, id, item, { n: count, at: now, texts });
  return texts;
}

function itemsOf(items: Item[], release: Release | undefined, k: number, texts?: (item: Item) => string[] | undefined): Record<string, ItemCell> {
  return Object.fromEntries(
    items.map((item): [string, ItemCell] => [item.id, release ? protectedItem(item, release.counts, k, item.type === 'open' ? texts?.(item) : undefined) : { suppressed: true }]),
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

/** The protected aggregate of one query, as the dashboard and the live feed get it. */
export function protectedAggregate(sql: SqlStorage, table: Table, q: ProtectedQuery, today: string, now = Date.now()): Aggregate {
  const period = periodOf(q, today);
  const shown: Release[] = [];
  const read = (p: PeriodCell, slice: Slice): Release | undefined => {
    if (isHidden(table, cellId(p.id, sliceKey(slice)))) return undefined;
    const release = released(sql, table, q.partner, p, slice, now);
    shown.push(release);
    return release;
  };

  const total = read(period, q.slice);
  const k = table.k;
  const aggregate: Aggregate = total
    ? {
        n: protectedN(total.counts, k),
        k,
        items: itemsOf(q.items, total, k, q.texts ? (item) => releasedTexts(sql, q, period, q.slice, item.id, now) : undefined),
      }
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
