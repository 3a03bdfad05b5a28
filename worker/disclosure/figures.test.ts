import { describe, expect, it } from 'vitest';
import type { Item } from '../../schemas/questionnaire.js';
import { protectedItem, protectedN, type Snapshot } from './figures.js';
import { cellKey, mod32, newRecordKey } from './keys.js';
import { releaseDue, shuffled } from './release.js';

const CIJFER: Item = { id: 'tot_cijfer', type: 'cijfer', required: false, text: { nl: 'Cijfer' } } as Item;
const KEUZE: Item = {
  id: 'k',
  type: 'keuze',
  required: false,
  text: { nl: 'Keuze' },
  options: [
    { id: 'ja', text: { nl: 'Ja' } },
    { id: 'nee', text: { nl: 'Nee' } },
  ],
} as Item;

/** A snapshot of respondents with these answers to one item, each with a random record key. */
function snapshotOf(item: string, answers: string[]): Snapshot {
  const snap: Snapshot = { _resp: { '': [0, 0] }, [item]: {} };
  const add = (cells: Record<string, [number, number]>, value: string, key: number) => {
    const [c, s] = cells[value] ?? [0, 0];
    cells[value] = [c + 1, mod32(s + key)];
  };
  for (const a of answers) {
    const key = newRecordKey();
    add(snap._resp, '', key);
    add(snap[item], '*', key);
    add(snap[item], a, key);
  }
  return snap;
}

const grades = (counts: Record<number, number>) => Object.entries(counts).flatMap(([v, c]) => Array<string>(c).fill(v));

describe('protected figures', () => {
  it('hides an item fewer than k answered, and shows n of at least k', () => {
    expect(protectedItem(CIJFER, snapshotOf('tot_cijfer', grades({ 8: 9 })), 10)).toEqual({ suppressed: true });
    for (let i = 0; i < 200; i++) {
      const snap = snapshotOf('tot_cijfer', grades({ 7: 4, 8: 3, 9: 3 }));
      const f = protectedItem(CIJFER, snap, 10) as { n: number };
      expect(f.n).toBeGreaterThanOrEqual(10);
      expect(protectedN(snap, 10)).toBeGreaterThanOrEqual(10);
    }
  });

  it('computes the mean and percentages from the perturbed distribution, consistently', () => {
    // The furthest any mean can move: every cell shifted by at most 2 (the one 3 to 0 or 2), all combinations.
    const cells: [number, number, number[]][] = [
      [3, 1, [-1, 1]],
      ...[6, 7, 8, 9, 10].map((v): [number, number, number[]] => [v, 0, [-2, -1, 0, 1, 2]]),
    ];
    const counts: Record<number, number> = { 3: 1, 6: 5, 7: 20, 8: 40, 9: 30, 10: 25 };
    let worst = 0;
    const walk = (i: number, sum: number, n: number) => {
      if (i === cells.length) return void (worst = Math.max(worst, Math.abs(sum / n - 1013 / 121)));
      const [v, , shifts] = cells[i];
      for (const x of shifts) walk(i + 1, sum + v * (counts[v] + x), n + counts[v] + x);
    };
    walk(0, 0, 0);
    expect(worst).toBeGreaterThan(0.1);
    expect(worst).toBeLessThan(0.3);
    for (let i = 0; i < 200; i++) {
      const f = protectedItem(CIJFER, snapshotOf('tot_cijfer', grades({ 3: 1, 6: 5, 7: 20, 8: 40, 9: 30, 10: 25 })), 10) as any;
      const dist = Object.entries(f.distribution as Record<string, number>);
      const total = dist.reduce((s, [, c]) => s + c, 0);
      const mean = dist.reduce((s, [v, c]) => s + Number(v) * c, 0) / total;
      expect(f.mean).toBeCloseTo(Math.round(mean * 10) / 10, 9);
      expect(f.pctAchtOfHoger).toBeCloseTo(
        Math.round(((f.distribution[8] + f.distribution[9] + f.distribution[10]) * 1000) / total) / 10,
        9,
      );
      // Nobody gave a 1, 2, 4 or 5: those stay 0. The one 3 is shown as 0 or 2, never as 1.
      for (const v of [1, 2, 4, 5]) expect(f.distribution[v]).toBe(0);
      expect([0, 2]).toContain(f.distribution[3]);
      expect(Math.abs(f.mean - 1013 / 121)).toBeLessThanOrEqual(worst + 0.05);
    }
  });

  it('gives the same figures for the same responses, and a single choice adds up to 100', () => {
    const snap = snapshotOf('k', [...Array<string>(30).fill('ja'), ...Array<string>(12).fill('nee')]);
    expect(protectedItem(KEUZE, snap, 10)).toEqual(protectedItem(KEUZE, structuredClone(snap), 10));
    const f = protectedItem(KEUZE, snap, 10) as any;
    expect(f.pct.ja + f.pct.nee).toBeCloseTo(100, 0);
  });
});

describe('cell keys', () => {
  it('are uniform: a chi-square test over 20 bins', () => {
    const bins = new Array<number>(20).fill(0);
    const runs = 20_000;
    for (let i = 0; i < runs; i++) bins[Math.floor(cellKey(newRecordKey(), newRecordKey(), 'x') * 20)]++;
    const chi = bins.reduce((s, b) => s + (b - runs / 20) ** 2 / (runs / 20), 0);
    // 19 degrees of freedom: above 43.8 happens once in a thousand runs.
    expect(chi).toBeLessThan(43.8);
  });

  it('change for every count when one response joins the cell, also for counts it is not in', () => {
    const cell = newRecordKey();
    const value = newRecordKey();
    const joined = mod32(cell + newRecordKey());
    expect(cellKey(cell, value, 'tot_cijfer\u00008')).not.toBe(cellKey(joined, value, 'tot_cijfer\u00008'));
    expect(cellKey(cell, value, 'a')).toBe(cellKey(cell, value, 'a'));
  });
});

describe('releases', () => {
  it('are due at k new responses, not before', () => {
    expect(releaseDue(9, undefined, 10)).toBe(false);
    expect(releaseDue(10, undefined, 10)).toBe(true);
    expect(releaseDue(19, 10, 10)).toBe(false);
    expect(releaseDue(20, 10, 10)).toBe(true);
  });

  it('shuffle texts by a seed, whatever order they came in', () => {
    const texts = Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, text: `tekst ${i}` }));
    const a = shuffled('seed', texts, 200);
    expect(shuffled('seed', [...texts].reverse(), 200)).toEqual(a);
    expect(a.map((t) => t.id)).not.toEqual(texts.map((t) => t.id));
    expect(shuffled('other', texts, 200).map((t) => t.id)).not.toEqual(a.map((t) => t.id));
    expect(shuffled('seed', texts, 10)).toHaveLength(10);
  });
});
