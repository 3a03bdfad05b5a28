/**
 * Perturbation tables of the cell key method (ABS TableBuilder; Thompson, Broadfoot & Elazar 2013;
 * Giessing & Tent 2019, as in the R package `ptable`). A row says, for a true count n, how likely each
 * published count is; a cell key u in [0, 1) picks one, so the same cell always shows the same count.
 *
 * Each row is the maximum-entropy distribution of the noise x = published − n on its allowed support
 * with mean exactly 0 (unbiased) and variance as close to the target as that support allows:
 * - the noise is at most `maxNoise` either way and a count never goes below 0, so 0 stays 0;
 * - published counts 1 … `threshold` never appear: a row may jump over them to 0 or above.
 */
export interface PtableParams {
  /** Largest |noise|. */
  maxNoise: number;
  /** Target variance of the noise. */
  variance: number;
  /** Published counts 1 … threshold never appear. */
  threshold: number;
}

export interface PtableRow {
  /** Published counts, ascending. */
  counts: number[];
  /** Cumulative probabilities: counts[i] is drawn for a key below cumulative[i] (the last is 1). */
  cumulative: number[];
  /** The variance the row reached (smaller than the target where the support is narrow). */
  variance: number;
}

export interface Ptable {
  params: PtableParams;
  /** Rows for n = 0, 1, …, up to the first row whose support is the full ±maxNoise; beyond it rows repeat shifted. */
  rows: (PtableRow | undefined)[];
}

/** Whether a published count may appear for a true count n. */
function allowed(t: number, threshold: number): boolean {
  return t === 0 || t > threshold;
}

/**
 * The maximum-entropy distribution on `xs` with E[x] = 0 and E[x²] = v: p(x) ∝ exp(a·x + b·x²), with
 * (a, b) from Newton's method on the convex dual. Undefined when no interior solution exists.
 */
function maxEntropy(xs: number[], v: number): number[] | undefined {
  let a = 0;
  let b = -0.5;
  const probs = (a_: number, b_: number) => {
    const e = xs.map((x) => a_ * x + b_ * x * x);
    const top = Math.max(...e);
    const w = e.map((y) => Math.exp(y - top));
    const z = w.reduce((s, y) => s + y, 0);
    return w.map((y) => y / z);
  };
  for (let iter = 0; iter < 200; iter++) {
    const p = probs(a, b);
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    xs.forEach((x, i) => {
      m1 += p[i] * x;
      m2 += p[i] * x * x;
      m3 += p[i] * x ** 3;
      m4 += p[i] * x ** 4;
    });
    const g1 = m1;
    const g2 = m2 - v;
    if (Math.abs(g1) < 1e-13 && Math.abs(g2) < 1e-13) return p;
    // Hessian of the dual: the covariance of (x, x²).
    const h11 = m2 - m1 * m1;
    const h12 = m3 - m1 * m2;
    const h22 = m4 - m2 * m2;
    const det = h11 * h22 - h12 * h12;
    if (!(det > 1e-300)) return undefined;
    let da = (h22 * g1 - h12 * g2) / det;
    let db = (h11 * g2 - h12 * g1) / det;
    // Damped steps keep the iteration from overshooting into exp overflow.
    const step = Math.max(Math.abs(da), Math.abs(db));
    if (step > 5) {
      da *= 5 / step;
      db *= 5 / step;
    }
    a -= da;
    b -= db;
    if (Math.abs(a) > 60 || Math.abs(b) > 60) return undefined;
  }
  return undefined;
}

/**
 * One row: the support is every allowed count within ±maxNoise of n. With only x = 0 left to keep the
 * mean (n = 0, or a support that starts at n) the row is "no noise". Otherwise the variance is the
 * target, or the nearest one with an interior solution (a narrow support forces a larger or smaller one).
 */
function buildRow(n: number, p: PtableParams): PtableRow | undefined {
  const counts: number[] = [];
  for (let t = Math.max(0, n - p.maxNoise); t <= n + p.maxNoise; t++) if (allowed(t, p.threshold)) counts.push(t);
  const xs = counts.map((t) => t - n);
  if (!xs.some((x) => x < 0) || !xs.some((x) => x > 0)) {
    return xs.includes(0) ? { counts: [n], cumulative: [1], variance: 0 } : undefined;
  }
  // A mean-zero distribution on xs has a variance at most -min·max (all mass on the two ends).
  const most = -Math.min(...xs) * Math.max(...xs);
  for (const factor of [1, 1.1, 0.9, 1.25, 0.75, 1.5, 0.6, 0.5, 0.4, 0.3]) {
    const v = Math.min(p.variance * factor, most * 0.95);
    const probs = maxEntropy(xs, v);
    if (!probs) continue;
    let acc = 0;
    const cumulative = probs.map((q) => (acc += q));
    cumulative[cumulative.length - 1] = 1;
    return { counts, cumulative, variance: v };
  }
  return undefined;
}

/** Builds the table; rows a count can never need (below the threshold and without a mean-keeping support) stay empty. */
export function buildPtable(params: PtableParams): Ptable {
  const last = params.threshold + 2 * params.maxNoise + 1;
  const rows: (PtableRow | undefined)[] = [];
  for (let n = 0; n <= last; n++) rows.push(buildRow(n, params));
  return { params, rows };
}

/** The published count for true count n and cell key u in [0, 1). */
export function perturb(table: Ptable, n: number, u: number): number {
  if (n === 0) return 0;
  const last = table.rows.length - 1;
  const row = table.rows[Math.min(n, last)];
  if (!row) throw new Error(`no perturbation row for ${n}`);
  const shift = n > last ? n - last : 0;
  const i = row.cumulative.findIndex((c) => u < c);
  return row.counts[i < 0 ? row.counts.length - 1 : i] + shift;
}
