import type { ItemCell } from '../../schemas/aggregate.js';
import { AANRADEN_VALUES, ANSWERED, CIJFER_VALUES, NPS_VALUES, OPINION_VALUES, RESPONDENTS } from '../../schemas/constants.js';
import type { Item } from '../../schemas/questionnaire.js';
import { isIndicatief } from '../report/suppress.js';
import { itemBase, itemFigures } from '../report/stats.js';
import { cellKey } from './keys.js';
import { buildPtable, perturb, type Ptable } from './ptable.js';

/**
 * The counts of one released cell: per item and value the count and the sum of the record keys
 * counted (mod 2³²); the respondents under `_resp` / ''. Everything a protected figure is computed from.
 */
export type Snapshot = Record<string, Record<string, [count: number, keySum: number]>>;

/** Noise of a count inside a published figure: at most ±2, variance 1, never a published 1. */
export const VALUE_PTABLE = buildPtable({ maxNoise: 2, variance: 1, threshold: 1 });

const basePtables = new Map<number, Ptable>();
/** Noise of a base (the n of a figure): at most ±2, variance 1, never below k. */
export function basePtable(k: number): Ptable {
  let t = basePtables.get(k);
  if (!t) basePtables.set(k, (t = buildPtable({ maxNoise: 2, variance: 1, threshold: k - 1 })));
  return t;
}

/** The values whose counts make up an item's base. */
function baseValues(item: Item): readonly string[] {
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
      return [ANSWERED];
  }
}

const trueCounts = (values: Record<string, [number, number]>) => new Map(Object.entries(values).map(([v, [c]]) => [v, c]));

/** The perturbed respondents of a cell; its true count is at least k. */
export function protectedN(snap: Snapshot, k: number): number {
  const [n, sum] = snap[RESPONDENTS]?.[''] ?? [0, 0];
  return perturb(basePtable(k), n, cellKey(sum, sum, RESPONDENTS));
}

/**
 * The figures of one item for a protected audience. Hidden when fewer than k answered it. Otherwise
 * every count of its value distribution gets its own noise from its cell key, and the percentages,
 * means, intervals and scores are computed from those perturbed counts exactly as for the exact
 * figures, so they agree with each other. The base shown as n gets its own noise from the base table,
 * so it is never below k.
 */
export function protectedItem(item: Item, snap: Snapshot, k: number, texts?: string[]): ItemCell {
  const values = snap[item.id] ?? {};
  const base = itemBase(item, trueCounts(values));
  if (base < k) return { suppressed: true };
  const cellSum = snap[RESPONDENTS]?.['']?.[1] ?? 0;
  const perturbed = new Map<string, number>();
  for (const [value, [count, sum]] of Object.entries(values)) {
    if (value !== ANSWERED) perturbed.set(value, perturb(VALUE_PTABLE, count, cellKey(cellSum, sum, `${item.id}\u0000${value}`)));
  }
  const baseSum = baseValues(item).reduce((s, v) => s + (values[v]?.[1] ?? 0), 0);
  const n = perturb(basePtable(k), base, cellKey(cellSum, baseSum, `${item.id}\u0000#base`));
  // A single choice's percentages share the sum of its perturbed options, so they add up to 100;
  // a multiple choice's are of the respondents, as for the exact figures.
  if (item.type === 'keuze')
    perturbed.set(
      ANSWERED,
      [...perturbed.values()].reduce((s, c) => s + c, 0),
    );
  else if (item.type === 'meerkeuze' || item.type === 'open') perturbed.set(ANSWERED, n);
  if (itemBase(item, perturbed) === 0) return { suppressed: true };
  const figures = itemFigures(item, perturbed, k, texts);
  return { ...figures, n, indicatief: isIndicatief(n, k) };
}
