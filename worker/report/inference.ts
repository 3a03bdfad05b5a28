import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';

// Intervals and tests of the published figures. The distribution functions come from stdlib; the
// rules (which interval, which test) are Peil's and stated in the README.

/** Two-sided significance level of every comparison. */
export const ALPHA = 0.05;
const Z975 = 1.959963984540054;

/** Below this base, or with fewer than this many in a share or its complement, a share gets the exact interval. */
export const EXACT_BELOW_N = 30;
export const EXACT_BELOW_COUNT = 5;

/**
 * The finite-population factor √((N − n)/(N − 1)) that narrows an interval when the sample is a large
 * part of a known population N; 1 without one.
 */
export function fpcFactor(n: number, population?: number): number {
  if (population === undefined || !(population > 1)) return 1;
  return Math.sqrt(Math.max(0, population - Math.min(n, population)) / (population - 1));
}

/**
 * Beta quantiles cost about 60 µs each and a breakdown asks for the same small (x, n) over and over,
 * so exact intervals of whole counts are remembered; pure values, bounded in number.
 */
const exactCache = new Map<string, [number, number]>();
const EXACT_CACHE_MAX = 20_000;

/** Clopper–Pearson exact 95% interval of x out of n, as fractions; x may be a weighted (real) count. */
export function clopperPearson(x: number, n: number): [number, number] {
  const key = Number.isInteger(x) && Number.isInteger(n) ? `${x}/${n}` : undefined;
  const known = key && exactCache.get(key);
  if (known) return known;
  const low = x <= 0 ? 0 : betaQuantile(0.025, x, n - x + 1);
  const high = x >= n ? 1 : betaQuantile(0.975, x + 1, n - x);
  if (key && exactCache.size < EXACT_CACHE_MAX) exactCache.set(key, [low, high]);
  return [low, high];
}

/** Wilson score 95% interval of x out of n (no continuity correction), as fractions. */
export function wilson(x: number, n: number): [number, number] {
  const p = x / n;
  const z2 = Z975 * Z975;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The 95% interval of a share x/n in percent with one decimal. Exact (Clopper–Pearson) when n < 30 or
 * x or n − x is below 5, Wilson score otherwise. With a known population the interval is narrowed
 * around the share by the finite-population factor. For weighted figures x and n are the weighted
 * share times the effective n and the effective n itself.
 */
export function shareInterval(x: number, n: number, population?: number): [number, number] {
  if (!(n > 0)) return [0, 100];
  const exact = n < EXACT_BELOW_N || x < EXACT_BELOW_COUNT || n - x < EXACT_BELOW_COUNT;
  const [low, high] = exact ? clopperPearson(x, n) : wilson(x, n);
  const p = x / n;
  const f = fpcFactor(n, population);
  const pct = (v: number) => Math.round((p + (v - p) * f) * 1000) / 10;
  return [pct(low), pct(high)];
}

/** p-value of Welch's two-sample t-test from the means, sample variances and sizes of both sides. */
export function welchTest(a: Moments, b: Moments): number {
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se2 = va + vb;
  if (!(se2 > 0)) return a.mean === b.mean ? 1 : 0;
  const t = (a.mean - b.mean) / Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

export interface Moments {
  mean: number;
  /** Sample variance (n − 1 in the denominator). */
  variance: number;
  n: number;
}

/** Two-sided p-value of Fisher's exact test on the 2×2 table [[a, b], [c, d]], as R's fisher.test. */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const total = a + b + c + d;
  const row = a + b;
  const col = a + c;
  const observed = hypergeometricPmf(a, total, col, row);
  let p = 0;
  // Tables at least as unlikely as the one seen; the relative tolerance is R's, against float ties.
  for (let x = Math.max(0, row + col - total); x <= Math.min(row, col); x++) {
    const px = hypergeometricPmf(x, total, col, row);
    if (px <= observed * (1 + 1e-7)) p += px;
  }
  return Math.min(1, p);
}

/**
 * p-value for a difference between two shares x1/n1 and x2/n2: the pooled two-proportion z-test (R's
 * prop.test without continuity correction), or Fisher's exact test when an expected count of the
 * 2×2 table is below 5. Weighted shares pass real counts on effective bases and always take the z-test.
 */
export function twoShareTest(x1: number, n1: number, x2: number, n2: number): { p: number; test: 'z' | 'fisher' } {
  const pooled = (x1 + x2) / (n1 + n2);
  const expected = Math.min(n1, n2) * Math.min(pooled, 1 - pooled);
  const integral = [x1, n1, x2, n2].every(Number.isInteger);
  if (integral && expected < 5) return { p: fisherExact(x1, n1 - x1, x2, n2 - x2), test: 'fisher' };
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { p: 1, test: 'z' };
  const z = (x1 / n1 - x2 / n2) / se;
  return { p: Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1)), test: 'z' };
}

/**
 * The largest margin of error of a share (at p = 50%) with 95% confidence for a sample of n, in
 * percentage points with one decimal, as Dutch reports print it: 1.96 × √(0.25 / n), narrowed by the
 * finite-population factor when the population is known.
 */
export function maxMarginOfError(n: number, population?: number): number {
  return Math.round(Z975 * Math.sqrt(0.25 / n) * fpcFactor(n, population) * 1000) / 10;
}

/** The margins table of the README and the report: n → maximum margin of error in points. */
export const MARGIN_TABLE_N = [10, 20, 30, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000] as const;
export function marginsTable(population?: number): { n: number; margin: number }[] {
  return MARGIN_TABLE_N.map((n) => ({ n, margin: maxMarginOfError(n, population) }));
}
