import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Aggregate } from '../../schemas/aggregate.js';
import { Section } from '../../schemas/questionnaire.js';
import { buildAggregate, type CubeCell } from './stats.js';
import { effectiveK, isIndicatief, suppressLine } from './suppress.js';

describe('effectiveK', () => {
  it('defaults to 10, never goes below 5 and rounds up', () => {
    expect(effectiveK()).toBe(10);
    expect(effectiveK(Number.NaN)).toBe(10);
    expect(effectiveK(Number.POSITIVE_INFINITY)).toBe(10);
    expect(effectiveK(0)).toBe(5);
    expect(effectiveK(3)).toBe(5);
    expect(effectiveK(7.2)).toBe(8);
    expect(effectiveK(12)).toBe(12);
  });
});

describe('isIndicatief', () => {
  it('marks k ≤ n < 30', () => {
    expect([9, 10, 29, 30].map((n) => isIndicatief(n, 10))).toEqual([false, true, true, false]);
    expect(isIndicatief(35, 40)).toBe(false);
  });
});

describe('suppressLine', () => {
  const line = (values: number[], k = 10, totalPublished = true, forced?: boolean[]) => suppressLine(values, k, { totalPublished, forced });

  it('hides nothing when every cell reaches k', () => {
    expect(line([10, 30, 12])).toEqual([false, false, false]);
  });

  it('covers a lone hidden cell with the smallest published one', () => {
    expect(line([23, 36, 21, 12, 26, 3])).toEqual([false, false, false, true, false, true]);
  });

  it('needs no cover when two hidden cells hold someone', () => {
    expect(line([20, 3, 4])).toEqual([false, true, true]);
  });

  it('does not count an empty hidden cell as cover', () => {
    expect(line([20, 3, 0, 25])).toEqual([true, true, true, false]);
    expect(line([20, 0, 25])).toEqual([false, true, false]);
  });

  it('takes the first of equal candidates', () => {
    expect(line([12, 12, 3])).toEqual([true, false, true]);
  });

  it('covers cells forced hidden too', () => {
    expect(line([15, 20, 25], 10, true, [true, false, false])).toEqual([true, true, false]);
  });

  it('needs no cover when the total is hidden as well', () => {
    expect(line([3, 4], 10, false)).toEqual([true, true]);
    expect(line([3, 12], 10, false)).toEqual([true, false]);
  });

  it('leaves a lone cell that is the whole line as it is', () => {
    expect(line([3])).toEqual([true]);
    expect(line([3, 0])).toEqual([true, true]);
  });
});

/**
 * The invariant on one line: every hidden cell holding someone has another such hidden cell beside
 * it, or the line's total is hidden, or no cell of the line is published (the hidden sum is then the
 * published total itself). Subtracting published cells from the total leaves only a sum of two or
 * more unknowns, which isolates none of them.
 */
function protectedLine(values: number[], hidden: boolean[], totalPublished: boolean): boolean {
  if (!totalPublished) return true;
  const hiddenNonEmpty = values.filter((v, i) => hidden[i] && v > 0).length;
  const published = hidden.filter((h) => !h).length;
  return hiddenNonEmpty !== 1 || published === 0;
}

describe('buildAggregate suppression, for any group table', () => {
  const text = { nl: 'x', en: 'x' };
  const def = {
    sections: [
      Section.parse({
        id: 's',
        title: text,
        items: [
          { id: 'aanraden', type: 'aanraden', text },
          { id: 'stelling', type: 'stelling', text },
        ],
      }),
    ],
  };
  const group = fc.record({
    ja: fc.nat(20),
    nee: fc.nat(8),
    eens: fc.nat(25),
    weetNiet: fc.nat(10),
    skipped: fc.nat(15),
  });
  const table = fc.record({
    k: fc.integer({ min: 0, max: 25 }),
    groups: fc.array(group, { minLength: 1, maxLength: 8 }),
    // Named groups without any response in the cube, as a team list would give.
    empty: fc.nat(2),
  });

  // Every published share computes its interval (an exact one for small cells), so a run takes seconds.
  it('publishes no cell below k and lets no hidden cell be derived', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(table, ({ k, groups, empty }) => {
        const keys = groups.map((_, g) => (g === groups.length - 1 ? '_onbekend' : `g${g}`));
        const cells: CubeCell[] = groups.flatMap((c, g) => {
          const key = keys[g];
          const resp = Math.max(c.ja + c.nee, c.eens + c.weetNiet) + c.skipped;
          return [
            { group: key, item: '_resp', value: '', count: resp },
            { group: key, item: 'aanraden', value: '*', count: c.ja + c.nee },
            { group: key, item: 'aanraden', value: 'ja', count: c.ja },
            { group: key, item: 'aanraden', value: 'nee', count: c.nee },
            { group: key, item: 'stelling', value: '*', count: c.eens + c.weetNiet },
            { group: key, item: 'stelling', value: 'eens', count: c.eens },
            { group: key, item: 'stelling', value: 'weet_niet', count: c.weetNiet },
          ].filter((cell) => cell.count > 0);
        });
        const groupOrder = [...Array.from({ length: empty }, (_, e) => `leeg${e}`), ...keys];
        const a = buildAggregate(def, cells, { k, grouped: true, groupOrder });
        expect(Aggregate.parse(a)).toEqual(a);
        const kk = effectiveK(k);
        expect(a.k).toBe(kk);

        const byKey = new Map(groups.map((c, g) => [keys[g], c]));
        const gs = a.groups!;
        expect(gs.map((g) => g.key)).toEqual(groupOrder);
        const resp = gs.map((g) => {
          const c = byKey.get(g.key);
          return c ? Math.max(c.ja + c.nee, c.eens + c.weetNiet) + c.skipped : 0;
        });
        const groupHidden = gs.map((g) => 'suppressed' in g);
        expect(a.n).toBe(resp.reduce((s, v) => s + v, 0));
        expect(protectedLine(resp, groupHidden, true)).toBe(true);

        const bases: Record<string, (c: (typeof groups)[number]) => number> = {
          aanraden: (c) => c.ja + c.nee,
          stelling: (c) => c.eens,
        };
        for (const [item, base] of Object.entries(bases)) {
          const values = gs.map((g) => (byKey.has(g.key) ? base(byKey.get(g.key)!) : 0));
          const total = a.items[item];
          const totalPublished = !('suppressed' in total);
          if (!('suppressed' in total)) expect(total.n).toBeGreaterThanOrEqual(kk);
          else expect(values.every((v) => v < kk)).toBe(true);
          const hidden = gs.map((g) => 'suppressed' in g || 'suppressed' in g.items[item]);
          gs.forEach((g, i) => {
            if ('items' in g) {
              expect(g.n).toBeGreaterThanOrEqual(kk);
              const cell = g.items[item];
              if (!('suppressed' in cell)) {
                expect(cell.n).toBe(values[i]);
                expect(cell.n).toBeGreaterThanOrEqual(kk);
              }
            }
          });
          expect(protectedLine(values, hidden, totalPublished)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('hides at most one cell beyond those below k, per line', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 10 }), fc.integer({ min: 5, max: 20 }), (values, k) => {
        const hidden = suppressLine(values, k, { totalPublished: true });
        const below = values.filter((v) => v < k).length;
        const count = hidden.filter(Boolean).length;
        expect(count === below || count === below + 1).toBe(true);
        values.forEach((v, i) => {
          if (v < k) expect(hidden[i]).toBe(true);
        });
        expect(protectedLine(values, hidden, true)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
