import type { CubeCell } from './stats.js';

/** Population per value of each weighting dimension, as the gemeente gives it. */
export type Margins = Record<string, Record<string, number>>;

/** Relative weights (mean 1) are kept within these bounds, so no single respondent counts for more than three. */
export const WEIGHT_BOUNDS = { min: 0.3, max: 3 } as const;
const MAX_ROUNDS = 100;
const CONVERGED = 1e-9;

/** A combination of dimension values with the number of respondents who have it. */
export interface WeightCell {
  dims: Record<string, string>;
  count: number;
}

/**
 * Raking (iterative proportional fitting): weights per combination of dimension values so that the
 * weighted sample matches every margin, scaled to a mean of 1 per respondent and trimmed to
 * WEIGHT_BOUNDS after every round. One dimension is plain post-stratification. Each margin is read as
 * shares of the values present in the sample; respondents with a value the margin does not name (or
 * unknown, '') are left as they are on that dimension.
 */
export function rake(cells: readonly WeightCell[], margins: Margins): number[] {
  const w = cells.map(() => 1);
  const total = cells.reduce((s, c) => s + c.count, 0);
  if (total === 0) return w;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = [...w];
    for (const [dim, population] of Object.entries(margins)) {
      const current = new Map<string, number>();
      cells.forEach((c, i) => {
        const v = c.dims[dim];
        if (v !== undefined && population[v] !== undefined) current.set(v, (current.get(v) ?? 0) + w[i] * c.count);
      });
      const sample = [...current.values()].reduce((s, x) => s + x, 0);
      const people = [...current.keys()].reduce((s, v) => s + population[v], 0);
      if (!(sample > 0) || !(people > 0)) continue;
      cells.forEach((c, i) => {
        const have = current.get(c.dims[dim]);
        if (have) w[i] *= ((population[c.dims[dim]] / people) * sample) / have;
      });
    }
    const mean = w.reduce((s, x, i) => s + x * cells[i].count, 0) / total;
    for (let i = 0; i < w.length; i++) w[i] = Math.min(WEIGHT_BOUNDS.max, Math.max(WEIGHT_BOUNDS.min, w[i] / mean));
    if (w.every((x, i) => Math.abs(x - before[i]) < CONVERGED)) break;
  }
  return w;
}

const comboOf = (dims: Record<string, string> | undefined, names: readonly string[]) => names.map((d) => dims?.[d] ?? '').join('\u0000');

/**
 * The cells of a selection with their weights: raked on the respondent counts of each combination of
 * the margins' dimensions, then carried to every item cell of that combination.
 */
export function weighCells(cells: readonly CubeCell[], margins: Margins, respondentsItem: string): CubeCell[] {
  const names = Object.keys(margins);
  const combos = new Map<string, WeightCell>();
  for (const cell of cells) {
    if (cell.item !== respondentsItem) continue;
    const key = comboOf(cell.dims, names);
    const known = combos.get(key);
    if (known) known.count += cell.count;
    else combos.set(key, { dims: { ...cell.dims }, count: cell.count });
  }
  const keys = [...combos.keys()];
  const weights = rake([...combos.values()], margins);
  const weightOf = new Map(keys.map((key, i) => [key, weights[i]]));
  return cells.map((cell) => ({ ...cell, weight: weightOf.get(comboOf(cell.dims, names)) ?? 1 }));
}
