import { describe, expect, it } from 'vitest';
import { Aggregate } from '../../schemas/aggregate.js';
import { Section } from '../../schemas/questionnaire.js';
import { DORDRECHT, DORDRECHT_TEAMS } from '../../test/support/dordrecht-data.js';
import { buildAggregate, type CubeCell } from './stats.js';

// The published Dordrecht figures, reproduced from summed cube cells (see test/support/dordrecht-data.ts).
const text = { nl: 'x', en: 'x' };
const def = {
  sections: [
    Section.parse({
      id: 'totaal',
      title: text,
      items: [
        { id: 'tot_cijfer', type: 'cijfer', text: { nl: 'Welk rapportcijfer geeft u?', en: 'What grade do you give?' } },
        { id: 'tot_aanraden', type: 'aanraden', text: { nl: 'Zou u het aanraden?', en: 'Would you recommend it?' } },
      ],
    }),
  ],
};

const TEAMS = DORDRECHT_TEAMS;
const DATA = DORDRECHT;

function cube(grouped: boolean, teams = Object.keys(DATA)): CubeCell[] {
  return teams.flatMap((team) => {
    const group = grouped ? team : '';
    const { cijfer, aanraden } = DATA[team];
    const n = Object.values(cijfer).reduce((s, c) => s + c, 0);
    const [ja, misschien, nee] = aanraden;
    return [
      { group, item: '_resp', value: '', count: n },
      { group, item: 'tot_cijfer', value: '*', count: n },
      ...Object.entries(cijfer).map(([value, count]) => ({ group, item: 'tot_cijfer', value, count })),
      { group, item: 'tot_aanraden', value: '*', count: n },
      ...Object.entries({ ja, misschien, nee })
        .filter(([, count]) => count > 0)
        .map(([value, count]) => ({ group, item: 'tot_aanraden', value, count })),
    ];
  });
}

const whole = (pct: number) => Math.round(pct);
const shown = (a: Aggregate) => a.groups!.map((g) => ('suppressed' in g ? [g.key, 'suppressed'] : [g.key, g.n, g.indicatief]));

describe('Dordrecht, as published', () => {
  // Grades 3, 5, 6×2, 7×9, 8×27, 9×45, 10×36: sum 1064, mean 8.7934; squared deviations 163.835,
  // sd √(163.835/120) = 1.1685; half width t(120) 1.9799 × 1.1685 / 11 = 0.2103, so 8.583–9.004.
  const totals = {
    n: 121,
    k: 10,
    items: {
      tot_cijfer: {
        type: 'cijfer',
        n: 121,
        indicatief: false,
        mean: 8.8,
        ci95: [8.6, 9],
        sd: 1.17,
        pctOnvoldoende: 1.7, // 2 of 121
        pctAchtOfHoger: 89.3, // 108 of 121
        // R 4.2: binom.test(2, 121)$conf.int (exact: fewer than 5) and prop.test(108, 121, correct = FALSE)$conf.int (Wilson).
        ci95Pct: { onvoldoende: [0.2, 5.8], achtOfHoger: [82.5, 93.6] },
        distribution: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 1, '6': 2, '7': 9, '8': 27, '9': 45, '10': 36 },
      },
      tot_aanraden: {
        type: 'aanraden',
        n: 121,
        indicatief: false,
        pct: { ja: 90.1, misschien: 8.3, nee: 1.7 }, // 109, 10, 2
        // R 4.2: prop.test(109, 121, correct = FALSE), prop.test(10, 121, correct = FALSE), binom.test(2, 121).
        ci95: { ja: [83.5, 94.2], misschien: [4.6, 14.5], nee: [0.2, 5.8] },
      },
    },
  };

  it('reproduces the published totals without a breakdown', () => {
    const a = buildAggregate(def, cube(false), { k: 10, grouped: false });
    expect(Aggregate.parse(a)).toEqual(a);
    expect(a).toEqual(totals);
    const { tot_cijfer: c, tot_aanraden: r } = a.items;
    if ('suppressed' in c || c.type !== 'cijfer' || 'suppressed' in r || r.type !== 'aanraden') throw new Error('shown');
    expect(c.mean.toFixed(1).replace('.', ',')).toBe('8,8');
    expect(whole(c.pctOnvoldoende)).toBe(2);
    expect([whole(r.pct.ja), whole(r.pct.misschien), whole(r.pct.nee)]).toEqual([90, 8, 2]);
  });

  it('per team with k = 10: the 3 unknown are hidden, and Oost (12) with them', () => {
    const a = buildAggregate(def, cube(true), { k: 10, grouped: true, groupOrder: TEAMS });
    expect(Aggregate.parse(a)).toEqual(a);
    expect({ n: a.n, k: a.k, items: a.items }).toEqual(totals);
    expect(a.groups).toEqual([
      {
        key: 'centrum',
        n: 23,
        indicatief: true,
        items: {
          // 199 / 23 = 8.65; one 5 of 23 = 4.3%; 20 of 23 grade 8 or more.
          tot_cijfer: expect.objectContaining({ n: 23, indicatief: true, mean: 8.7, pctOnvoldoende: 4.3, pctAchtOfHoger: 87 }),
          tot_aanraden: expect.objectContaining({ type: 'aanraden', n: 23, indicatief: true, pct: { ja: 91.3, misschien: 8.7, nee: 0 } }),
        },
      },
      {
        key: 'crabbehof',
        n: 36,
        indicatief: false,
        items: {
          // 318 / 36 = 8.83, sd 1.3628; t(35) 2.0301 × 1.3628 / 6 = 0.461, so 8.372–9.294.
          tot_cijfer: expect.objectContaining({
            n: 36,
            indicatief: false,
            mean: 8.8,
            sd: 1.36,
            ci95: [8.4, 9.3],
            pctOnvoldoende: 2.8,
            pctAchtOfHoger: 88.9,
          }),
          tot_aanraden: {
            type: 'aanraden',
            n: 36,
            indicatief: false,
            pct: { ja: 91.7, misschien: 5.6, nee: 2.8 },
            // R 4.2: binom.test(33, 36), binom.test(2, 36), binom.test(1, 36): exact, as 36 − 33 is below 5.
            ci95: { ja: [77.5, 98.2], misschien: [0.7, 18.7], nee: [0.1, 14.5] },
          },
        },
      },
      {
        key: 'krispijn',
        n: 21,
        indicatief: true,
        items: {
          tot_cijfer: expect.objectContaining({ n: 21, indicatief: true, mean: 8.8, pctOnvoldoende: 0, pctAchtOfHoger: 90.5 }),
          tot_aanraden: expect.objectContaining({ type: 'aanraden', n: 21, indicatief: true, pct: { ja: 90.5, misschien: 9.5, nee: 0 } }),
        },
      },
      { key: 'oost', suppressed: true },
      {
        key: 'wielwijk',
        n: 26,
        indicatief: true,
        items: {
          tot_cijfer: expect.objectContaining({ n: 26, indicatief: true, mean: 8.8, pctOnvoldoende: 0, pctAchtOfHoger: 88.5 }),
          tot_aanraden: expect.objectContaining({ type: 'aanraden', n: 26, indicatief: true, pct: { ja: 88.5, misschien: 7.7, nee: 3.8 } }),
        },
      },
      { key: '_onbekend', suppressed: true },
    ]);
  });

  it('the hidden pair gives away only its sum', () => {
    const a = buildAggregate(def, cube(true), { k: 10, grouped: true, groupOrder: TEAMS });
    const published = a.groups!.reduce((s, g) => s + ('n' in g ? g.n : 0), 0);
    // 121 - (23 + 36 + 21 + 26) = 15 = Oost 12 + unknown 3, in a split no one can read off.
    expect(a.n! - published).toBe(15);
  });

  it('without the 3 unknown, Oost would be shown, as indicatief', () => {
    const a = buildAggregate(def, cube(true, TEAMS), { k: 10, grouped: true, groupOrder: TEAMS });
    expect(a.n).toBe(118);
    expect(shown(a)).toEqual([
      ['centrum', 23, true],
      ['crabbehof', 36, false],
      ['krispijn', 21, true],
      ['oost', 12, true],
      ['wielwijk', 26, true],
    ]);
  });

  it('with k = 5 the same two are hidden: 3 is still too few, and Oost is still the smallest cover', () => {
    const a = buildAggregate(def, cube(true), { k: 5, grouped: true, groupOrder: TEAMS });
    expect(a.k).toBe(5);
    expect(shown(a)).toEqual([
      ['centrum', 23, true],
      ['crabbehof', 36, false],
      ['krispijn', 21, true],
      ['oost', 'suppressed'],
      ['wielwijk', 26, true],
      ['_onbekend', 'suppressed'],
    ]);
    expect(a.items.tot_cijfer).toMatchObject({ n: 121, mean: 8.8, pctOnvoldoende: 1.7 });
  });

  it('a gemeente raising k hides more teams but never the totals', () => {
    const k25 = buildAggregate(def, cube(true), { k: 25, grouped: true, groupOrder: TEAMS });
    expect(shown(k25)).toEqual([
      ['centrum', 'suppressed'],
      ['crabbehof', 36, false],
      ['krispijn', 'suppressed'],
      ['oost', 'suppressed'],
      ['wielwijk', 26, true],
      ['_onbekend', 'suppressed'],
    ]);
    const k40 = buildAggregate(def, cube(true), { k: 40, grouped: true, groupOrder: TEAMS });
    expect(k40.groups!.every((g) => 'suppressed' in g)).toBe(true);
    expect(k40.items.tot_aanraden).toMatchObject({ n: 121, pct: { ja: 90.1, misschien: 8.3, nee: 1.7 } });
  });
});
