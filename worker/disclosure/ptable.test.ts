import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basePtable, VALUE_PTABLE } from './figures.js';
import { buildPtable, perturb, type Ptable } from './ptable.js';

const probsOf = (cumulative: number[]) => cumulative.map((c, i) => c - (cumulative[i - 1] ?? 0));

function checkRows(table: Ptable, firstRow: number) {
  const { maxNoise, variance, threshold } = table.params;
  for (let n = firstRow; n < table.rows.length; n++) {
    const row = table.rows[n];
    expect(row, `row ${n}`).toBeDefined();
    const p = probsOf(row!.cumulative);
    expect(p.every((x) => x >= 0)).toBe(true);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    const mean = row!.counts.reduce((s, t, i) => s + p[i] * (t - n), 0);
    const v = row!.counts.reduce((s, t, i) => s + p[i] * (t - n) ** 2, 0);
    expect(Math.abs(mean), `mean of row ${n}`).toBeLessThan(1e-9);
    expect(v).toBeLessThanOrEqual(variance * 1.5 + 1e-9);
    for (const t of row!.counts) {
      expect(Math.abs(t - n)).toBeLessThanOrEqual(maxNoise);
      expect(t === 0 || t > threshold, `count ${t} in row ${n}`).toBe(true);
    }
  }
}

describe('perturbation tables', () => {
  it('the value table: unbiased, at most ±2, 0 stays 0, never a published 1, variance 1 away from 0', () => {
    checkRows(VALUE_PTABLE, 0);
    expect(VALUE_PTABLE.rows[0]).toEqual({ counts: [0], cumulative: [1], variance: 0 });
    const full = VALUE_PTABLE.rows[VALUE_PTABLE.rows.length - 1]!;
    expect(full.counts.length).toBe(5);
    expect(full.variance).toBeCloseTo(1, 9);
  });

  it('the base table for k = 10: never 1 … 9, so a shown n is always at least k', () => {
    const t = basePtable(10);
    checkRows(t, 10);
    for (let n = 10; n < 60; n++) {
      for (let u = 0; u < 1; u += 1 / 97) expect(perturb(t, n, u)).toBeGreaterThanOrEqual(10);
    }
    // A count of exactly k can only go up, and an unbiased noise that cannot go down is no noise.
    expect(t.rows[10]!.counts).toEqual([10]);
  });

  it('is unbiased for every n: the average over all keys is n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 5, max: 30 }), (n, k) => {
        for (const table of [VALUE_PTABLE, ...(n >= k ? [basePtable(k)] : [])]) {
          const steps = 20_000;
          let sum = 0;
          for (let i = 0; i < steps; i++) sum += perturb(table, n, (i + 0.5) / steps);
          expect(Math.abs(sum / steps - n)).toBeLessThan(1e-3);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same count for the same key, and a different row for a larger support', () => {
    expect(perturb(VALUE_PTABLE, 40, 0.123)).toBe(perturb(VALUE_PTABLE, 40, 0.123));
    const wide = buildPtable({ maxNoise: 3, variance: 2, threshold: 0 });
    checkRows(wide, 0);
    expect(wide.rows[wide.rows.length - 1]!.variance).toBeCloseTo(2, 9);
  });
});
