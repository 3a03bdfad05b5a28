import { describe, expect, it } from 'vitest';
import { Aggregate } from '../../schemas/aggregate.js';
import { Item, Section } from '../../schemas/questionnaire.js';
import { buildAggregate, buildComparison, itemFigures, type CubeCell } from './stats.js';

const text = { nl: 'x', en: 'x' };
const item = (id: string, type: string, extra: object = {}): Item => Item.parse({ id, type, text, ...extra });
const counts = (c: Record<string, number>) => new Map(Object.entries(c));

const cijfer = item('cijfer', 'cijfer');
const stelling = item('stelling', 'stelling');
const aanraden = item('aanraden', 'aanraden');
const nps = item('nps', 'nps');
const options = (...ids: string[]) => ({ options: ids.map((id) => ({ id, text })) });
const keuze = item('keuze', 'keuze', options('x', 'y', 'z'));
const meerkeuze = item('meerkeuze', 'meerkeuze', options('a', 'b', 'c'));
const open = item('open', 'open');

describe('cijfer', () => {
  it('gives mean, sample sd, t interval, shares and distribution', () => {
    // 4, 7, 7, 8, 8, 8, 8, 9, 9, 10: sum 78, mean 7.8; squared deviations 23.6, sd √(23.6/9) = 1.6193;
    // half width t(9) 2.262 × 1.6193 / √10 = 1.158, so 6.64–8.96.
    const f = itemFigures(cijfer, counts({ '*': 10, '4': 1, '7': 2, '8': 4, '9': 2, '10': 1 }), 10);
    expect(f).toEqual({
      type: 'cijfer',
      n: 10,
      indicatief: true,
      mean: 7.8,
      ci95: [6.6, 9],
      sd: 1.62,
      pctOnvoldoende: 10,
      pctAchtOfHoger: 70,
      // R 4.2: binom.test(1, 10)$conf.int and binom.test(7, 10)$conf.int (n < 30: exact).
      ci95Pct: { onvoldoende: [0.3, 44.5], achtOfHoger: [34.8, 93.3] },
      distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0, '6': 0, '7': 2, '8': 4, '9': 2, '10': 1 },
    });
  });

  it('clamps the interval to the scale', () => {
    // Three 1s and three 10s: mean 5.5, sd √(6 × 4.5² / 5) = 4.93, half width 2.571 × 4.93 / √6 = 5.17.
    const f = itemFigures(cijfer, counts({ '1': 3, '10': 3 }), 5);
    expect(f).toMatchObject({ mean: 5.5, sd: 4.93, ci95: [1, 10], pctOnvoldoende: 50, pctAchtOfHoger: 50 });
    expect(itemFigures(cijfer, counts({ '10': 30 }), 10)).toMatchObject({ mean: 10, sd: 0, ci95: [10, 10], indicatief: false });
  });

  it('uses the normal-like t quantile for large n', () => {
    // 60 × 7 and 60 × 9: mean 8, sd √(120 / 119) = 1.0042, t(119) 1.9801 × 1.0042 / √120 = 0.1815.
    expect(itemFigures(cijfer, counts({ '7': 60, '9': 60 }), 10)).toMatchObject({ mean: 8, sd: 1, ci95: [7.8, 8.2] });
  });
});

describe('stelling', () => {
  it('leaves weet_niet out of the base and reports it beside', () => {
    const f = itemFigures(
      stelling,
      counts({ '*': 16, helemaal_eens: 3, eens: 5, neutraal: 2, oneens: 1, helemaal_oneens: 1, weet_niet: 4 }),
      10,
    );
    expect(f).toEqual({
      type: 'stelling',
      n: 12,
      indicatief: true,
      nWeetNiet: 4,
      pctWeetNiet: 25,
      weetNietFlag: true,
      pct: { eens: 66.7, neutraal: 16.7, oneens: 16.7 },
      // R 4.2: binom.test(8, 12), binom.test(2, 12), …: exact, as n < 30.
      ci95: { eens: [34.9, 90.1], neutraal: [2.1, 48.4], oneens: [2.1, 48.4] },
      pctDetail: { helemaal_eens: 25, eens: 41.7, neutraal: 16.7, oneens: 8.3, helemaal_oneens: 8.3 },
      ci95Detail: {
        helemaal_eens: [5.5, 57.2],
        eens: [15.2, 72.3],
        neutraal: [2.1, 48.4],
        oneens: [0.2, 38.5],
        helemaal_oneens: [0.2, 38.5],
      },
    });
  });

  it('flags weet_niet from 20% of the answers', () => {
    const at = (weetNiet: number, eens: number) => itemFigures(stelling, counts({ eens, weet_niet: weetNiet }), 5);
    expect(at(2, 8)).toMatchObject({ n: 8, pctWeetNiet: 20, weetNietFlag: true, pct: { eens: 100, neutraal: 0, oneens: 0 } });
    expect(at(3, 13)).toMatchObject({ pctWeetNiet: 18.8, weetNietFlag: false });
  });
});

describe('aanraden', () => {
  it('gives the share of ja, misschien and nee', () => {
    expect(itemFigures(aanraden, counts({ '*': 10, ja: 7, misschien: 2, nee: 1 }), 10)).toEqual({
      type: 'aanraden',
      n: 10,
      indicatief: true,
      pct: { ja: 70, misschien: 20, nee: 10 },
      // R 4.2: binom.test(7, 10), binom.test(2, 10), binom.test(1, 10).
      ci95: { ja: [34.8, 93.3], misschien: [2.5, 55.6], nee: [0.3, 44.5] },
    });
  });
});

describe('nps', () => {
  it('gives distribution, mean, groups and score', () => {
    // Promoters 4 (9, 9, 10, 10), passives 3 (7, 7, 8), detractors 3 (0, 5, 6): score 40 - 30 = 10.
    const f = itemFigures(nps, counts({ '0': 1, '5': 1, '6': 1, '7': 2, '8': 1, '9': 2, '10': 2 }), 10);
    expect(f).toEqual({
      type: 'nps',
      n: 10,
      indicatief: true,
      mean: 7.1,
      score: 10,
      distribution: { '0': 1, '1': 0, '2': 0, '3': 0, '4': 0, '5': 1, '6': 1, '7': 2, '8': 1, '9': 2, '10': 2 },
      pct: { promoters: 40, passives: 30, detractors: 30 },
      // R 4.2: binom.test(4, 10), binom.test(3, 10).
      ci95: { promoters: [12.2, 73.8], passives: [6.7, 65.2], detractors: [6.7, 65.2] },
    });
  });

  it('rounds a half score away from zero either way', () => {
    // 3 promoters and 5 detractors of 16: -12.5.
    expect(itemFigures(nps, counts({ '10': 3, '8': 8, '2': 5 }), 10)).toMatchObject({ score: -13 });
    expect(itemFigures(nps, counts({ '10': 5, '8': 8, '2': 3 }), 10)).toMatchObject({ score: 13 });
  });
});

describe('keuze and meerkeuze', () => {
  it('meerkeuze takes respondents as base, so the shares add up past 100', () => {
    const f = itemFigures(meerkeuze, counts({ '*': 10, a: 7, b: 6, c: 2 }), 10);
    expect(f).toEqual({
      type: 'meerkeuze',
      n: 10,
      indicatief: true,
      pct: { a: 70, b: 60, c: 20 },
      // R 4.2: binom.test(7, 10), binom.test(6, 10), binom.test(2, 10).
      ci95: { a: [34.8, 93.3], b: [26.2, 87.8], c: [2.5, 55.6] },
      counts: { a: 7, b: 6, c: 2 },
    });
  });

  it('lists every option, then values met in the cube that the definition lacks', () => {
    const f = itemFigures(keuze, counts({ '*': 8, x: 5, y: 2, oud: 1 }), 5);
    expect(f).toEqual({
      type: 'keuze',
      n: 8,
      indicatief: true,
      pct: { x: 62.5, y: 25, z: 0, oud: 12.5 },
      // R 4.2: binom.test(5, 8), binom.test(2, 8), binom.test(0, 8), binom.test(1, 8).
      ci95: { x: [24.5, 91.5], y: [3.2, 65.1], z: [0, 36.9], oud: [0.3, 52.7] },
      counts: { x: 5, y: 2, z: 0, oud: 1 },
    });
  });
});

describe('open', () => {
  it('counts answers and carries the texts given', () => {
    expect(itemFigures(open, counts({ '*': 12 }), 10, ['Fijn'])).toEqual({ type: 'open', n: 12, indicatief: true, texts: ['Fijn'] });
    expect(itemFigures(open, counts({ '*': 40 }), 10)).toEqual({ type: 'open', n: 40, indicatief: false });
  });
});

describe('buildAggregate', () => {
  const def = { sections: [Section.parse({ id: 's', title: text, items: [cijfer, stelling, open] })] };
  const cells = (group: string, resp: number, c: Record<string, number>, s: Record<string, number>, o: number): CubeCell[] => [
    { group, item: '_resp', value: '', count: resp },
    ...Object.entries(c).map(([value, count]) => ({ group, item: 'cijfer', value, count })),
    ...Object.entries(s).map(([value, count]) => ({ group, item: 'stelling', value, count })),
    { group, item: 'open', value: '*', count: o },
  ];

  it('shows n always and suppresses items whose base is below k', () => {
    // 14 answered the stelling, but only 4 with an opinion: its base is 4.
    const a = buildAggregate(def, cells('', 14, { '*': 12, '8': 12 }, { '*': 14, eens: 4, weet_niet: 10 }, 9), {
      k: 5,
      grouped: false,
      openTexts: { open: ['Goed geholpen'] },
    });
    expect(Aggregate.parse(a)).toEqual(a);
    expect(a.n).toBe(14);
    expect(a.k).toBe(5);
    expect(a.groups).toBeUndefined();
    expect(a.items.cijfer).toMatchObject({ type: 'cijfer', n: 12, mean: 8 });
    expect(a.items.stelling).toEqual({ suppressed: true });
    expect(a.items.open).toEqual({ type: 'open', n: 9, indicatief: true, texts: ['Goed geholpen'] });
    expect(buildAggregate(def, [], { k: 10, grouped: false })).toEqual({
      n: 0,
      k: 10,
      items: { cijfer: { suppressed: true }, stelling: { suppressed: true }, open: { suppressed: true } },
    });
  });

  it('never applies a k below 5, and falls back to 10 for nonsense', () => {
    const few = cells('', 4, { '8': 4 }, {}, 0);
    expect(buildAggregate(def, few, { k: 2, grouped: false })).toMatchObject({ k: 5, items: { cijfer: { suppressed: true } } });
    expect(buildAggregate(def, few, { k: Number.NaN, grouped: false }).k).toBe(10);
  });

  it('keeps open texts to the whole selection', () => {
    const a = buildAggregate(def, [...cells('a', 20, { '7': 20 }, {}, 15), ...cells('b', 25, { '9': 25 }, {}, 12)], {
      k: 10,
      grouped: true,
      openTexts: { open: ['Snel'] },
    });
    expect(a.items.open).toMatchObject({ n: 27, texts: ['Snel'] });
    expect(a.groups).toEqual([
      expect.objectContaining({ key: 'a', n: 20, items: expect.objectContaining({ open: { type: 'open', n: 15, indicatief: true } }) }),
      expect.objectContaining({ key: 'b', n: 25, items: expect.objectContaining({ open: { type: 'open', n: 12, indicatief: true } }) }),
    ]);
  });

  it('orders groups as asked, then the rest, with _onbekend last and empty named groups suppressed', () => {
    const a = buildAggregate(
      def,
      [
        ...cells('_onbekend', 30, {}, {}, 0),
        ...cells('zuid', 30, {}, {}, 0),
        ...cells('noord', 30, {}, {}, 0),
        ...cells('', 30, {}, {}, 0),
      ],
      { k: 10, grouped: true, groupOrder: ['west', 'noord'] },
    );
    expect(a.n).toBe(120);
    // An unlabelled cell in a breakdown counts as unknown.
    expect(a.groups!.map((g) => [g.key, 'n' in g ? g.n : 'suppressed'])).toEqual([
      ['west', 'suppressed'],
      ['noord', 30],
      ['zuid', 30],
      ['_onbekend', 60],
    ]);
  });

  it('hides the item cells of hidden groups and covers a lone small item cell', () => {
    const a = buildAggregate(
      def,
      [
        ...cells('a', 40, { '8': 40 }, { eens: 30 }, 0),
        ...cells('b', 20, { '8': 20 }, { eens: 3 }, 0),
        ...cells('c', 30, { '8': 30 }, { eens: 12 }, 0),
        ...cells('d', 4, { '8': 4 }, { eens: 4 }, 0),
      ],
      { k: 10, grouped: true },
    );
    expect(Aggregate.parse(a)).toEqual(a);
    const [ga, gb, gc, gd] = a.groups!;
    // Group d (4) is hidden; the next smallest group, b (20), covers it.
    expect(gd).toEqual({ key: 'd', suppressed: true });
    expect(gb).toEqual({ key: 'b', suppressed: true });
    expect(ga).toMatchObject({ n: 40, indicatief: false, items: { cijfer: { n: 40 }, stelling: { n: 30 } } });
    expect(gc).toMatchObject({ n: 30, indicatief: false, items: { cijfer: { n: 30 }, stelling: { n: 12, indicatief: true } } });
    expect(a.items.stelling).toMatchObject({ n: 49 });
  });

  it('covers a lone small item cell within published groups', () => {
    const a = buildAggregate(
      def,
      [...cells('a', 40, {}, { eens: 30 }, 0), ...cells('b', 30, {}, { eens: 3 }, 0), ...cells('c', 30, {}, { eens: 12 }, 0)],
      { k: 10, grouped: true },
    );
    // Groups all stand; in the stelling's line b (3) is hidden and c (12) covers it.
    expect(a.groups!.map((g) => ('items' in g ? g.items.stelling : g))).toEqual([
      expect.objectContaining({ n: 30 }),
      { suppressed: true },
      { suppressed: true },
    ]);
    expect(a.groups!.map((g) => ('items' in g ? g.items.cijfer : g))).toEqual([
      { suppressed: true },
      { suppressed: true },
      { suppressed: true },
    ]);
  });
});

describe('buildComparison', () => {
  const def = { sections: [Section.parse({ id: 's', title: text, items: [cijfer, stelling, aanraden] })] };
  const cellsOf = (resp: number, c: Record<string, number>, s: Record<string, number>, r: Record<string, number>): CubeCell[] => [
    { group: '', item: '_resp', value: '', count: resp },
    ...Object.entries(c).map(([value, count]) => ({ group: '', item: 'cijfer', value, count })),
    ...Object.entries(s).map(([value, count]) => ({ group: '', item: 'stelling', value, count })),
    ...Object.entries(r).map(([value, count]) => ({ group: '', item: 'aanraden', value, count })),
  ];

  it('tests each headline figure as R does', () => {
    // R 4.2: t.test(a, b)$p.value 0.001029883 for a = 7×40, 8×30, 9×20, 5×10 and b = 7×30, 8×25, 9×10, 5×15, 6×20;
    // prop.test(c(60, 45), c(100, 100), correct = FALSE)$p.value 0.0336720689;
    // fisher.test(matrix(c(118, 3, 40, 5), 2, byrow = TRUE))$p.value 0.034581478.
    const now = cellsOf(121, { '7': 40, '8': 30, '9': 20, '5': 10 }, { eens: 60, oneens: 40, weet_niet: 3 }, { ja: 118, nee: 3 });
    const then = cellsOf(100, { '7': 30, '8': 25, '9': 10, '5': 15, '6': 20 }, { eens: 45, neutraal: 55 }, { ja: 40, misschien: 5 });
    const c = buildComparison(def, now, then, { k: 10 });
    expect(c.n).toBe(100);
    expect(c.items).toEqual({
      // Bases: stelling without weet niet, aanraden all 121 and 45 answers.
      cijfer: { delta: 0.55, p: 0.001, significant: true, test: 'welch', nNow: 100, nThen: 100 },
      stelling: { delta: 15, p: 0.0337, significant: true, test: 'z', nNow: 100, nThen: 100 },
      aanraden: { delta: 8.6, p: 0.0346, significant: true, test: 'fisher', nNow: 121, nThen: 45 },
    });
  });

  it('leaves out items below k on either side, and calls p ≥ 0.05 not significant', () => {
    const c = buildComparison(
      def,
      cellsOf(30, {}, { eens: 16, oneens: 14 }, { ja: 4 }),
      cellsOf(30, {}, { eens: 14, oneens: 16 }, { ja: 30 }),
      { k: 10 },
    );
    expect(Object.keys(c.items)).toEqual(['stelling']);
    expect(c.items.stelling).toMatchObject({ significant: false });
  });
});
