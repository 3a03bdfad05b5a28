import type { Aggregate, AggregateGroup, ItemCell, ItemFigures } from '../../schemas/aggregate.js';
import {
  AANRADEN_VALUES,
  ANSWERED,
  CIJFER_VALUES,
  NPS_VALUES,
  OPINION_VALUES,
  RESPONDENTS,
  STELLING_VALUES,
  UNKNOWN_GROUP,
  WEET_NIET,
  WEET_NIET_THRESHOLD,
  type WeetNietRule,
} from '../../schemas/constants.js';
import { assertNever } from '../../schemas/logic.js';
import { allItems, type Item, type Section } from '../../schemas/questionnaire.js';
import { ALPHA, fpcFactor, shareInterval, twoShareTest, welchTest } from './inference.js';
import { effectiveK, isIndicatief, suppressLine } from './suppress.js';

/** One summed cell of the cube. group is '' when there is no breakdown, else the group key (team id, 'YYYY-MM', 'YYYY-Qn', or '_onbekend' for responses without that field). */
export interface CubeCell {
  group: string;
  item: string;
  value: string;
  count: number;
  /** The weight of each respondent counted in this cell, for a weighted aggregate (see report/weights.ts). */
  weight?: number;
  /** The dimension values of the cell, when read apart per combination for weighting. */
  dims?: Record<string, string>;
}

/** Counts of one item in one selection, by answer value. */
export type ValueCounts = ReadonlyMap<string, number>;

/** Percentage with one decimal; one division so that exact halves round up as written. */
function pct(count: number, n: number): number {
  return n > 0 ? Math.round((count * 1000) / n) / 10 : 0;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function count(counts: ValueCounts, value: string): number {
  return counts.get(value) ?? 0;
}

function sumOf(counts: ValueCounts, values: readonly string[]): number {
  return values.reduce((s, v) => s + count(counts, v), 0);
}

function countsOf<V extends string>(counts: ValueCounts, values: readonly V[]): Record<V, number> {
  return Object.fromEntries(values.map((v) => [v, count(counts, v)])) as Record<V, number>;
}

/** Two-sided 95% t quantiles for 1–30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

function t975(df: number): number {
  if (df <= T975.length) return T975[df - 1];
  // Cornish-Fisher expansion around the normal quantile: within 1e-4 of the exact value above 30 df.
  const z = 1.959964;
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

/**
 * Mean, sample sd and t-based 95% interval of numeric answers; the base must be above 0. With weighted
 * counts the variance is the weighted one scaled to the effective n, and the interval uses that n.
 */
function moments(counts: ValueCounts, values: readonly string[], nEff?: number, population?: number) {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    n += count(counts, v);
    sum += Number(v) * count(counts, v);
  }
  const mean = sum / n;
  const squares = values.reduce((s, v) => s + count(counts, v) * (Number(v) - mean) ** 2, 0);
  const m = nEff ?? n;
  const variance = m > 1 ? (squares / n) * (m / (m - 1)) : 0;
  const sd = Math.sqrt(variance);
  const half = m > 1 ? (t975(Math.max(1, Math.round(m - 1))) * sd * fpcFactor(m, population)) / Math.sqrt(m) : 0;
  // One division, like the percentages, so an exact half rounds up instead of falling to float error.
  return { mean: Math.round((sum * 10) / n) / 10, exactMean: mean, sd, variance, half, n: m };
}

/** Option ids of a keuze or meerkeuze item: as defined, then any other value met in the cube. */
function optionIds(item: { options: { id: string }[] }, counts: ValueCounts): string[] {
  const ids = item.options.map((o) => o.id);
  for (const v of counts.keys()) if (v !== ANSWERED && !ids.includes(v)) ids.push(v);
  return ids;
}

/** The base of an item's percentages: what suppression compares with k. */
export function itemBase(item: Item, counts: ValueCounts): number {
  return sumOf(counts, baseValues(item, counts));
}

/** What changes the figures of an item beyond its counts. */
export interface FigureOptions {
  /** Size of the population the selection is drawn from: intervals get the finite-population correction. */
  population?: number;
  /** Weighted counts (Σw per value) and the sums of squared weights (Σw² per value), for weighted figures. */
  weighted?: { counts: ValueCounts; squares: ValueCounts };
  /** The gemeente's rule for "weet niet" in stellingen; `exclude` when not given. */
  weetNiet?: WeetNietRule;
}

/**
 * Shares of an item with their intervals. Without weights a share is count / n; with weights it is the
 * weighted count over the weighted base, and its interval takes the Kish effective n.
 */
function shares(counts: ValueCounts, base: readonly string[], nEff: number | undefined, population: number | undefined) {
  const total = sumOf(counts, base);
  const m = nEff ?? total;
  const of = (values: readonly string[]) => {
    const x = sumOf(counts, values);
    return { pct: pct(x, total), ci95: shareInterval(total > 0 ? (x / total) * m : 0, m, population) };
  };
  return <K extends string>(groups: Record<K, readonly string[]>) => {
    const entries = Object.entries(groups).map(([key, values]) => [key, of(values as readonly string[])] as const);
    return {
      pct: Object.fromEntries(entries.map(([key, v]) => [key, v.pct])) as Record<K, number>,
      ci95: Object.fromEntries(entries.map(([key, v]) => [key, v.ci95])) as Record<K, [number, number]>,
    };
  };
}

const each = <V extends string>(values: readonly V[]) =>
  Object.fromEntries(values.map((v) => [v, [v] as readonly string[]])) as Record<V, readonly string[]>;

/** The figures of one item from its value counts, without any suppression; its base must be at least 1. */
export function itemFigures(item: Item, counts: ValueCounts, k: number, texts?: string[], opts: FigureOptions = {}): ItemFigures {
  const n = itemBase(item, counts);
  const indicatief = isIndicatief(n, k);
  const w = opts.weighted?.counts ?? counts;
  // Kish: (Σw)² / Σw² over the item's base; n stays the real count.
  const nEff = opts.weighted ? itemBase(item, w) ** 2 / itemBase(item, opts.weighted.squares) : undefined;
  const effective = nEff !== undefined ? { nEffective: Math.round(nEff * 10) / 10 } : {};
  const share = shares(w, baseValues(item, w), nEff, opts.population);
  switch (item.type) {
    case 'cijfer': {
      const m = moments(w, CIJFER_VALUES, nEff, opts.population);
      const clamp = (x: number) => Math.min(10, Math.max(1, round1(x)));
      const s = share({ onvoldoende: ['1', '2', '3', '4', '5'], achtOfHoger: ['8', '9', '10'] });
      return {
        type: 'cijfer',
        n,
        ...effective,
        indicatief,
        mean: m.mean,
        ci95: [clamp(m.exactMean - m.half), clamp(m.exactMean + m.half)],
        sd: Math.round(m.sd * 100) / 100,
        pctOnvoldoende: s.pct.onvoldoende,
        pctAchtOfHoger: s.pct.achtOfHoger,
        ci95Pct: s.ci95,
        distribution: countsOf(counts, CIJFER_VALUES),
      };
    }
    case 'stelling': {
      const nWeetNiet = count(counts, WEET_NIET);
      const pctWeetNiet = pct(count(w, WEET_NIET), sumOf(w, STELLING_VALUES));
      // On the published figure, so what a reader sees as 20.0 is flagged.
      const weetNietFlag = pctWeetNiet >= WEET_NIET_THRESHOLD;
      // The Almere convention: once flagged, "weet niet" is an answer like the others, in the base of every share.
      const included = opts.weetNiet === 'include-at-20' && weetNietFlag;
      const nEffAll = opts.weighted ? sumOf(w, STELLING_VALUES) ** 2 / sumOf(opts.weighted.squares, STELLING_VALUES) : undefined;
      const base = included
        ? { n: sumOf(counts, STELLING_VALUES), share: shares(w, STELLING_VALUES, nEffAll, opts.population), eff: nEffAll }
        : { n, share, eff: nEff };
      const detail = base.share(each(OPINION_VALUES));
      const s = base.share({ eens: ['helemaal_eens', 'eens'], neutraal: ['neutraal'], oneens: ['oneens', 'helemaal_oneens'] });
      return {
        type: 'stelling',
        n: base.n,
        ...(base.eff !== undefined ? { nEffective: Math.round(base.eff * 10) / 10 } : {}),
        indicatief: isIndicatief(base.n, k),
        nWeetNiet,
        pctWeetNiet,
        weetNietFlag,
        ...(included ? { weetNietIncluded: true as const } : {}),
        pct: s.pct,
        ci95: s.ci95,
        pctDetail: detail.pct,
        ci95Detail: detail.ci95,
      };
    }
    case 'aanraden': {
      const s = share(each(AANRADEN_VALUES));
      return { type: 'aanraden', n, ...effective, indicatief, pct: s.pct, ci95: s.ci95 };
    }
    case 'nps': {
      const promoters = sumOf(w, ['9', '10']);
      const detractors = sumOf(w, ['0', '1', '2', '3', '4', '5', '6']);
      const score = ((promoters - detractors) * 100) / sumOf(w, NPS_VALUES);
      const s = share({ promoters: ['9', '10'], passives: ['7', '8'], detractors: ['0', '1', '2', '3', '4', '5', '6'] });
      return {
        type: 'nps',
        n,
        ...effective,
        indicatief,
        mean: moments(w, NPS_VALUES).mean,
        // Half away from zero, so a score and its mirror image round alike.
        score: Math.sign(score) * Math.round(Math.abs(score)) || 0,
        distribution: countsOf(counts, NPS_VALUES),
        pct: s.pct,
        ci95: s.ci95,
      };
    }
    case 'keuze':
    case 'meerkeuze': {
      const ids = optionIds(item, counts);
      const s = share(each(ids));
      return { type: item.type, n, ...effective, indicatief, pct: s.pct, ci95: s.ci95, counts: countsOf(counts, ids) };
    }
    case 'open':
      return { type: 'open', n, indicatief, ...(texts ? { texts } : {}) };
    default:
      return assertNever(item);
  }
}

/** The values whose counts make up an item's base (for keuze and meerkeuze: those who answered). */
function baseValues(item: Item, counts: ValueCounts): readonly string[] {
  switch (item.type) {
    case 'cijfer':
      return CIJFER_VALUES;
    case 'nps':
      return NPS_VALUES;
    case 'stelling':
      return OPINION_VALUES;
    case 'aanraden':
      return AANRADEN_VALUES;
    case 'keuze':
    case 'meerkeuze':
    case 'open':
      return counts.has(ANSWERED) ? [ANSWERED] : [];
    default:
      return assertNever(item);
  }
}

/** Per item and value: the real count, and for weighted aggregates Σw and Σw². */
class Tally {
  readonly counts = new Map<string, Map<string, number>>();
  readonly weighted = new Map<string, Map<string, number>>();
  readonly squares = new Map<string, Map<string, number>>();

  add(cell: CubeCell): void {
    const w = cell.weight ?? 1;
    bump(this.counts, cell, cell.count);
    bump(this.weighted, cell, cell.count * w);
    bump(this.squares, cell, cell.count * w * w);
  }

  item(id: string): ValueCounts {
    return this.counts.get(id) ?? NONE;
  }

  figureOptions(id: string, weighted: boolean, population?: number, weetNiet?: WeetNietRule): FigureOptions {
    return {
      ...(weetNiet ? { weetNiet } : {}),
      ...(population !== undefined ? { population } : {}),
      ...(weighted ? { weighted: { counts: this.weighted.get(id) ?? NONE, squares: this.squares.get(id) ?? NONE } } : {}),
    };
  }
}

function bump(into: Map<string, Map<string, number>>, cell: CubeCell, by: number): void {
  let values = into.get(cell.item);
  if (!values) into.set(cell.item, (values = new Map()));
  values.set(cell.value, (values.get(cell.value) ?? 0) + by);
}

const NONE: ValueCounts = new Map();

/** Groups in the asked order, then the rest sorted, `_onbekend` last. */
function groupKeys(seen: Iterable<string>, order: readonly string[] = []): string[] {
  const rest = [...seen]
    .filter((key) => !order.includes(key))
    .sort((a, b) => Number(a === UNKNOWN_GROUP) - Number(b === UNKNOWN_GROUP) || (a < b ? -1 : a > b ? 1 : 0));
  return [...new Set(order), ...rest];
}

/** Options of `buildAggregate`; everything after `grouped` may be left out. */
export interface AggregateOptions {
  k: number;
  grouped: boolean;
  groupOrder?: string[];
  openTexts?: Record<string, string[]>;
  /** Use the cells' weights for percentages and means (n stays the real count, `nEffective` beside it). */
  weighted?: boolean;
  /** Population of the whole selection, for the finite-population correction of its intervals. */
  population?: number;
  /** Population per group of a breakdown, where known. */
  groupPopulation?: Record<string, number>;
  /** The gemeente's rule for "weet niet" in stellingen. */
  weetNiet?: WeetNietRule;
}

/**
 * The figures a gemeente reads, from summed cube cells, with small cells suppressed.
 * Groups named in `groupOrder` appear even without responses (suppressed). Open texts are for the
 * whole selection, so only the top level carries them.
 */
export function buildAggregate(def: { sections: Section[] }, cells: CubeCell[], opts: AggregateOptions): Aggregate {
  const k = effectiveK(opts.k);
  const weighted = opts.weighted === true;
  const items = allItems(def);
  const total = new Tally();
  const byGroup = new Map<string, Tally>();
  for (const cell of cells) {
    total.add(cell);
    if (!opts.grouped) continue;
    // An unlabelled cell in a breakdown would be a hidden group; counting it as unknown keeps the line additive.
    const key = cell.group || UNKNOWN_GROUP;
    let group = byGroup.get(key);
    if (!group) byGroup.set(key, (group = new Tally()));
    group.add(cell);
  }
  const respondents = (t: Tally | undefined) => t?.item(RESPONDENTS).get('') ?? 0;
  const totalBase = new Map(items.map((item) => [item.id, itemBase(item, total.item(item.id))]));

  const aggregate: Aggregate = {
    n: respondents(total),
    k,
    items: Object.fromEntries(
      items.map((item): [string, ItemCell] => [
        item.id,
        totalBase.get(item.id)! >= k
          ? itemFigures(
              item,
              total.item(item.id),
              k,
              opts.openTexts?.[item.id],
              total.figureOptions(item.id, weighted, opts.population, opts.weetNiet),
            )
          : { suppressed: true },
      ]),
    ),
  };
  if (!opts.grouped) return aggregate;

  const keys = groupKeys(byGroup.keys(), opts.groupOrder);
  const tallies = keys.map((key) => byGroup.get(key));
  const n = tallies.map(respondents);
  const groupHidden = suppressLine(n, k, { totalPublished: true });
  const itemHidden = new Map(
    items.map((item) => {
      const bases = tallies.map((t) => itemBase(item, t?.item(item.id) ?? NONE));
      return [item.id, suppressLine(bases, k, { totalPublished: totalBase.get(item.id)! >= k, forced: groupHidden })];
    }),
  );
  aggregate.groups = keys.map((key, g): AggregateGroup => {
    if (groupHidden[g]) return { key, suppressed: true };
    const t = tallies[g]!;
    return {
      key,
      n: n[g],
      indicatief: isIndicatief(n[g], k),
      items: Object.fromEntries(
        items.map((item): [string, ItemCell] => [
          item.id,
          itemHidden.get(item.id)![g]
            ? { suppressed: true }
            : itemFigures(
                item,
                t.item(item.id),
                k,
                undefined,
                t.figureOptions(item.id, weighted, opts.groupPopulation?.[key], opts.weetNiet),
              ),
        ]),
      ),
    };
  });
  return aggregate;
}

/** One item's change against the comparison period: its headline figure now minus then. */
export interface ItemComparison {
  /** In points of the mean (cijfer, nps; two decimals) or percentage points (stelling % eens, aanraden % ja; one). */
  delta: number;
  p: number;
  significant: boolean;
  test: 'welch' | 'z' | 'fisher';
  /** The real bases now and then, so a reader can apply the n ≥ 30 rule for highlighting. */
  nNow: number;
  nThen: number;
}

/**
 * Tests the headline figure of each item between two selections: the cijfer and nps mean with Welch's
 * t-test, % (helemaal) mee eens and % ja with the two-share test (Fisher's exact test where an expected
 * count is below 5). Items whose base is below k on either side are left out, as their figures are hidden.
 * Weighted, the shares and means are the weighted ones on the Kish effective n.
 */
export function buildComparison(
  def: { sections: Section[] },
  now: CubeCell[],
  then: CubeCell[],
  opts: { k: number; weighted?: boolean },
): { n: number; items: Record<string, ItemComparison> } {
  const k = effectiveK(opts.k);
  const [a, b] = [now, then].map((cells) => {
    const t = new Tally();
    for (const cell of cells) t.add(cell);
    return t;
  });
  const items: Record<string, ItemComparison> = {};
  for (const item of allItems(def)) {
    const [nNow, nThen] = [itemBase(item, a.item(item.id)), itemBase(item, b.item(item.id))];
    if (nNow < k || nThen < k) continue;
    const headline = (t: Tally) => {
      const o = t.figureOptions(item.id, opts.weighted === true);
      const w = o.weighted?.counts ?? t.item(item.id);
      const base = baseValues(item, w);
      const nEff = o.weighted ? sumOf(w, base) ** 2 / sumOf(o.weighted.squares, base) : sumOf(w, base);
      // Unweighted the counts go in as they are, so Fisher's test can take them.
      const share = (values: readonly string[]) =>
        o.weighted ? { x: (sumOf(w, values) / sumOf(w, base)) * nEff, n: nEff } : { x: sumOf(w, values), n: nEff };
      return { w, nEff, share };
    };
    const [ha, hb] = [headline(a), headline(b)];
    let result: Omit<ItemComparison, 'significant' | 'nNow' | 'nThen'> | undefined;
    if (item.type === 'cijfer' || item.type === 'nps') {
      const values = item.type === 'cijfer' ? CIJFER_VALUES : NPS_VALUES;
      const [ma, mb] = [moments(ha.w, values, ha.nEff), moments(hb.w, values, hb.nEff)];
      const p = welchTest({ mean: ma.exactMean, variance: ma.variance, n: ma.n }, { mean: mb.exactMean, variance: mb.variance, n: mb.n });
      // Two decimals: a difference of two means rounded to one would often read as 0,0 or hide a half.
      result = { delta: Math.round((ma.exactMean - mb.exactMean) * 100) / 100, p, test: 'welch' };
    } else if (item.type === 'stelling' || item.type === 'aanraden') {
      const values = item.type === 'stelling' ? ['helemaal_eens', 'eens'] : ['ja'];
      const [sa, sb] = [ha.share(values), hb.share(values)];
      const tested = twoShareTest(sa.x, sa.n, sb.x, sb.n);
      result = { delta: round1((sa.x / sa.n - sb.x / sb.n) * 100), p: tested.p, test: tested.test };
    }
    if (result) items[item.id] = { ...result, p: Math.round(result.p * 10000) / 10000, significant: result.p < ALPHA, nNow, nThen };
  }
  return { n: b.item(RESPONDENTS).get('') ?? 0, items };
}
