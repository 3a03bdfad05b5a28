import type { Aggregate, AggregateGroup, ItemCell, ItemFigures } from '../../schemas/aggregate.js';
import { AANRADEN_VALUES, ANSWERED, CIJFER_VALUES, NPS_VALUES, OPINION_VALUES, RESPONDENTS, UNKNOWN_GROUP, WEET_NIET } from '../../schemas/constants.js';
import { assertNever } from '../../schemas/logic.js';
import { allItems, type Item, type Section } from '../../schemas/questionnaire.js';
import { effectiveK, isIndicatief, suppressLine } from './suppress.js';

/** One summed cell of the cube. group is '' when there is no breakdown, else the group key (team id, 'YYYY-MM', 'YYYY-Qn', or '_onbekend' for responses without that field). */
export interface CubeCell {
  group: string;
  item: string;
  value: string;
  count: number;
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

function pctOf<V extends string>(counts: ValueCounts, values: readonly V[], n: number): Record<V, number> {
  return Object.fromEntries(values.map((v) => [v, pct(count(counts, v), n)])) as Record<V, number>;
}

function countsOf<V extends string>(counts: ValueCounts, values: readonly V[]): Record<V, number> {
  return Object.fromEntries(values.map((v) => [v, count(counts, v)])) as Record<V, number>;
}

/** Two-sided 95% t quantiles for 1–30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
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

/** Mean, sample sd and t-based 95% interval of numeric answers; `n` must be at least 1. */
function moments(counts: ValueCounts, values: readonly string[]) {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    n += count(counts, v);
    sum += Number(v) * count(counts, v);
  }
  const mean = sum / n;
  const squares = values.reduce((s, v) => s + count(counts, v) * (Number(v) - mean) ** 2, 0);
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  const half = n > 1 ? (t975(n - 1) * sd) / Math.sqrt(n) : 0;
  // One division, like the percentages, so an exact half rounds up instead of falling to float error.
  return { mean: Math.round((sum * 10) / n) / 10, exactMean: mean, sd, half };
}

/** Option ids of a keuze or meerkeuze item: as defined, then any other value met in the cube. */
function optionIds(item: { options: { id: string }[] }, counts: ValueCounts): string[] {
  const ids = item.options.map((o) => o.id);
  for (const v of counts.keys()) if (v !== ANSWERED && !ids.includes(v)) ids.push(v);
  return ids;
}

/** The base of an item's percentages: what suppression compares with k. */
export function itemBase(item: Item, counts: ValueCounts): number {
  switch (item.type) {
    case 'cijfer':
      return sumOf(counts, CIJFER_VALUES);
    case 'nps':
      return sumOf(counts, NPS_VALUES);
    case 'stelling':
      return sumOf(counts, OPINION_VALUES);
    case 'aanraden':
      return sumOf(counts, AANRADEN_VALUES);
    case 'keuze':
    case 'meerkeuze':
    case 'open':
      return count(counts, ANSWERED);
    default:
      return assertNever(item);
  }
}

/** The figures of one item from its value counts, without any suppression; its base must be at least 1. */
export function itemFigures(item: Item, counts: ValueCounts, k: number, texts?: string[]): ItemFigures {
  const n = itemBase(item, counts);
  const indicatief = isIndicatief(n, k);
  switch (item.type) {
    case 'cijfer': {
      const m = moments(counts, CIJFER_VALUES);
      const clamp = (x: number) => Math.min(10, Math.max(1, round1(x)));
      return {
        type: 'cijfer',
        n,
        indicatief,
        mean: m.mean,
        ci95: [clamp(m.exactMean - m.half), clamp(m.exactMean + m.half)],
        sd: Math.round(m.sd * 100) / 100,
        pctOnvoldoende: pct(sumOf(counts, ['1', '2', '3', '4', '5']), n),
        pctAchtOfHoger: pct(sumOf(counts, ['8', '9', '10']), n),
        distribution: countsOf(counts, CIJFER_VALUES),
      };
    }
    case 'stelling': {
      const nWeetNiet = count(counts, WEET_NIET);
      const detail = pctOf(counts, OPINION_VALUES, n);
      const pctWeetNiet = pct(nWeetNiet, n + nWeetNiet);
      return {
        type: 'stelling',
        n,
        indicatief,
        nWeetNiet,
        pctWeetNiet,
        // On the published figure, so what a reader sees as 20.0 is flagged.
        weetNietFlag: pctWeetNiet >= 20,
        pct: {
          eens: pct(sumOf(counts, ['helemaal_eens', 'eens']), n),
          neutraal: detail.neutraal,
          oneens: pct(sumOf(counts, ['oneens', 'helemaal_oneens']), n),
        },
        pctDetail: detail,
      };
    }
    case 'aanraden':
      return { type: 'aanraden', n, indicatief, pct: pctOf(counts, AANRADEN_VALUES, n) };
    case 'nps': {
      const promoters = sumOf(counts, ['9', '10']);
      const detractors = sumOf(counts, ['0', '1', '2', '3', '4', '5', '6']);
      const score = ((promoters - detractors) * 100) / n;
      return {
        type: 'nps',
        n,
        indicatief,
        mean: moments(counts, NPS_VALUES).mean,
        // Half away from zero, so a score and its mirror image round alike.
        score: Math.sign(score) * Math.round(Math.abs(score)) || 0,
        distribution: countsOf(counts, NPS_VALUES),
        pct: {
          promoters: pct(promoters, n),
          passives: pct(n - promoters - detractors, n),
          detractors: pct(detractors, n),
        },
      };
    }
    case 'keuze':
    case 'meerkeuze': {
      const ids = optionIds(item, counts);
      return { type: item.type, n, indicatief, pct: pctOf(counts, ids, n), counts: countsOf(counts, ids) };
    }
    case 'open':
      return { type: 'open', n, indicatief, ...(texts ? { texts } : {}) };
    default:
      return assertNever(item);
  }
}

type Tally = Map<string, Map<string, number>>;

function tally(into: Tally, cell: CubeCell): void {
  let values = into.get(cell.item);
  if (!values) into.set(cell.item, (values = new Map()));
  values.set(cell.value, (values.get(cell.value) ?? 0) + cell.count);
}

const NONE: ValueCounts = new Map();

/** Groups in the asked order, then the rest sorted, `_onbekend` last. */
function groupKeys(seen: Iterable<string>, order: readonly string[] = []): string[] {
  const rest = [...seen]
    .filter((key) => !order.includes(key))
    .sort((a, b) => Number(a === UNKNOWN_GROUP) - Number(b === UNKNOWN_GROUP) || (a < b ? -1 : a > b ? 1 : 0));
  return [...new Set(order), ...rest];
}

/**
 * The figures a gemeente reads, from summed cube cells, with small cells suppressed.
 * Groups named in `groupOrder` appear even without responses (suppressed). Open texts are for the
 * whole selection, so only the top level carries them.
 */
export function buildAggregate(
  def: { sections: Section[] },
  cells: CubeCell[],
  opts: { k: number; grouped: boolean; groupOrder?: string[]; openTexts?: Record<string, string[]> },
): Aggregate {
  const k = effectiveK(opts.k);
  const items = allItems(def);
  const total: Tally = new Map();
  const byGroup = new Map<string, Tally>();
  for (const cell of cells) {
    tally(total, cell);
    if (!opts.grouped) continue;
    // An unlabelled cell in a breakdown would be a hidden group; counting it as unknown keeps the line additive.
    const key = cell.group || UNKNOWN_GROUP;
    let group = byGroup.get(key);
    if (!group) byGroup.set(key, (group = new Map()));
    tally(group, cell);
  }
  const respondents = (t: Tally | undefined) => t?.get(RESPONDENTS)?.get('') ?? 0;
  const totalBase = new Map(items.map((item) => [item.id, itemBase(item, total.get(item.id) ?? NONE)]));

  const aggregate: Aggregate = {
    n: respondents(total),
    k,
    items: Object.fromEntries(
      items.map((item): [string, ItemCell] => [
        item.id,
        totalBase.get(item.id)! >= k
          ? itemFigures(item, total.get(item.id)!, k, opts.openTexts?.[item.id])
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
      const bases = tallies.map((t) => itemBase(item, t?.get(item.id) ?? NONE));
      return [item.id, suppressLine(bases, k, { totalPublished: totalBase.get(item.id)! >= k, forced: groupHidden })];
    }),
  );
  aggregate.groups = keys.map((key, g): AggregateGroup => {
    if (groupHidden[g]) return { key, suppressed: true };
    return {
      key,
      n: n[g],
      indicatief: isIndicatief(n[g], k),
      items: Object.fromEntries(
        items.map((item): [string, ItemCell] => [
          item.id,
          itemHidden.get(item.id)![g] ? { suppressed: true } : itemFigures(item, tallies[g]!.get(item.id)!, k),
        ]),
      ),
    };
  });
  return aggregate;
}
