import { describe, expect, it } from 'vitest';
import { Item, Section } from '../../schemas/questionnaire.js';
import { buildAggregate, type CubeCell } from './stats.js';
import { WEIGHT_BOUNDS, rake, weighCells } from './weights.js';

// Reference values from R 4.2.2 with survey 4.1 (Debian r-cran-survey):
//   d <- data.frame(team = rep(c("a","a","b","b"), c(30,20,20,30)), leeftijd = rep(c("jong","oud","jong","oud"), c(30,20,20,30)))
//   r <- rake(svydesign(ids = ~1, data = d, weights = ~rep(1, 100)), list(~team, ~leeftijd),
//             list(data.frame(team = c("a","b"), Freq = c(550, 450)), data.frame(leeftijd = c("jong","oud"), Freq = c(450, 550))))
//   weights(r) / mean(weights(r))  →  0.98753882 1.26869177 0.76869177 0.98753882; Kish n 97.538811
//   svymean(~cijfer) 7.307477 and svymean(~eens) 0.45 with cijfer 8, 7, 9, 6 and eens 1, 0, 1, 0 per cell.
const sample = [
  { dims: { team: 'a', leeftijd: 'jong' }, count: 30 },
  { dims: { team: 'a', leeftijd: 'oud' }, count: 20 },
  { dims: { team: 'b', leeftijd: 'jong' }, count: 20 },
  { dims: { team: 'b', leeftijd: 'oud' }, count: 30 },
];
const margins = { team: { a: 550, b: 450 }, leeftijd: { jong: 450, oud: 550 } };

describe('raking', () => {
  it('matches survey::rake', () => {
    rake(sample, margins).forEach((w, i) => expect(w).toBeCloseTo([0.98753882, 1.26869177, 0.76869177, 0.98753882][i], 6));
  });

  it('trims extreme weights to the bounds, with a mean of 1', () => {
    const skewed = [
      { dims: { team: 'a', leeftijd: 'jong' }, count: 30 },
      { dims: { team: 'a', leeftijd: 'oud' }, count: 10 },
      { dims: { team: 'b', leeftijd: 'jong' }, count: 20 },
      { dims: { team: 'b', leeftijd: 'oud' }, count: 40 },
    ];
    // Untrimmed, survey::rake gives 0.853, 3.441, 0.221, 0.890 for margins 600/400 and 300/700.
    const w = rake(skewed, { team: { a: 600, b: 400 }, leeftijd: { jong: 300, oud: 700 } });
    expect(Math.max(...w)).toBeLessThanOrEqual(WEIGHT_BOUNDS.max);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(WEIGHT_BOUNDS.min);
    expect(w[1]).toBe(WEIGHT_BOUNDS.max);
  });

  it('leaves respondents with a value the margin does not name at their weight', () => {
    const w = rake(
      [
        { dims: { team: 'a' }, count: 10 },
        { dims: { team: 'b' }, count: 30 },
        { dims: { team: '' }, count: 10 },
      ],
      { team: { a: 1, b: 1 } },
    );
    // a and b are set to equal weighted size (20 each of the 40), then all scaled to a mean of 1.
    expect(w.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([2, 0.666667, 1]);
  });
});

describe('weighted figures', () => {
  const text = { nl: 'x', en: 'x' };
  const def = {
    sections: [
      Section.parse({
        id: 's',
        title: text,
        items: [Item.parse({ id: 'c', type: 'cijfer', text }), Item.parse({ id: 's', type: 'stelling', text })],
      }),
    ],
  };
  const grades = ['8', '7', '9', '6'];
  const cells: CubeCell[] = sample.flatMap(({ dims, count }, i) => [
    { group: '', item: '_resp', value: '', count, dims },
    { group: '', item: 'c', value: '*', count, dims },
    { group: '', item: 'c', value: grades[i], count, dims },
    { group: '', item: 's', value: '*', count, dims },
    { group: '', item: 's', value: i % 2 === 0 ? 'eens' : 'oneens', count, dims },
  ]);

  it('gives weighted means and shares with the Kish effective n, n staying the real count', () => {
    const a = buildAggregate(def, weighCells(cells, margins, '_resp'), { k: 10, grouped: false, weighted: true });
    expect(a.n).toBe(100);
    expect(a.items.c).toMatchObject({ n: 100, nEffective: 97.5, mean: 7.3 });
    expect(a.items.s).toMatchObject({ n: 100, nEffective: 97.5, pct: { eens: 45, oneens: 55 } });
    const unweighted = buildAggregate(def, cells, { k: 10, grouped: false });
    expect(unweighted.items.s).toMatchObject({ pct: { eens: 50 } });
    expect(unweighted.items.s).not.toHaveProperty('nEffective');
  });
});
