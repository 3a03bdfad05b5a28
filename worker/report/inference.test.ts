import { describe, expect, it } from 'vitest';
import {
  clopperPearson,
  fisherExact,
  marginsTable,
  maxMarginOfError,
  shareInterval,
  twoShareTest,
  welchTest,
  wilson,
} from './inference.js';

// Reference values computed with R 4.2.2 (Debian r-base-core), the call beside each; values for the
// finite-population correction and the margins table with Python 3's statistics.NormalDist.

const close = (actual: number[], expected: number[], digits = 8) => actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i], digits));

describe('intervals of a share', () => {
  it('Wilson score as prop.test(x, n, correct = FALSE)$conf.int', () => {
    close(wilson(70, 100), [0.6041514537, 0.7810511471]);
    close(wilson(109, 121), [0.83463071, 0.9423547635]);
    close(wilson(45, 60), [0.6276792992, 0.8422347747]);
  });

  it('Clopper–Pearson as binom.test(x, n)$conf.int', () => {
    close(clopperPearson(2, 121), [0.0020080354, 0.0584328788]);
    close(clopperPearson(3, 121), [0.0051424708, 0.0707478394]);
    close(clopperPearson(7, 10), [0.3475471499, 0.9332604888]);
    close(clopperPearson(0, 12), [0, 0.2646484694]);
    close(clopperPearson(12, 12), [0.7353515306, 1]);
    close(clopperPearson(8, 12), [0.3488755064, 0.9007539089]);
  });

  it('is exact below n = 30 or with fewer than 5 on either side, Wilson otherwise, in percent', () => {
    expect(shareInterval(70, 100)).toEqual([60.4, 78.1]); // Wilson
    expect(shareInterval(2, 121)).toEqual([0.2, 5.8]); // binom.test(2, 121): x < 5
    expect(shareInterval(119, 121)).toEqual([94.2, 99.8]); // binom.test(119, 121): n − x < 5
    expect(shareInterval(8, 12)).toEqual([34.9, 90.1]); // binom.test(8, 12): n < 30
    expect(shareInterval(0, 0)).toEqual([0, 100]);
  });

  it('narrows around the share with the finite-population factor √((N − n)/(N − 1))', () => {
    // 70 of 100 from 500: 0.7 + (Wilson bound − 0.7) × √(400/499).
    expect(shareInterval(70, 100, 500)).toEqual([61.4, 77.3]);
    expect(shareInterval(70, 100, 100)).toEqual([70, 70]);
  });
});

describe('tests', () => {
  it("Welch's t-test as t.test(x, y)$p.value", () => {
    // x = 4, 7, 7, 8, 8, 8, 8, 9, 9, 10; y = 6, 6, 6, 7 ×5, 8 ×4, 9: p 0.3379983920 (t 0.99347, df 13.466).
    const moments = (v: number[]) => {
      const mean = v.reduce((s, x) => s + x, 0) / v.length;
      return { mean, variance: v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1), n: v.length };
    };
    const rep = (x: number, times: number) => Array<number>(times).fill(x);
    const x = [4, 7, 7, 8, 8, 8, 8, 9, 9, 10];
    const y = [...rep(6, 3), ...rep(7, 5), ...rep(8, 4), 9];
    expect(welchTest(moments(x), moments(y))).toBeCloseTo(0.337998392, 6);
    const a = [...rep(7, 40), ...rep(8, 30), ...rep(9, 20), ...rep(5, 10)];
    const b = [...rep(7, 30), ...rep(8, 25), ...rep(9, 10), ...rep(5, 15), ...rep(6, 20)];
    expect(welchTest(moments(a), moments(b))).toBeCloseTo(0.001029883, 6);
  });

  it('two shares: z-test as prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value', () => {
    expect(twoShareTest(60, 100, 45, 100)).toEqual({ p: expect.closeTo(0.0336720689, 8), test: 'z' });
    expect(twoShareTest(80, 120, 50, 90)).toEqual({ p: expect.closeTo(0.1008336831, 8), test: 'z' });
  });

  it('two shares with an expected count below 5: fisher.test(matrix(c(a, b, c, d), 2, byrow = TRUE))$p.value', () => {
    expect(fisherExact(9, 1, 3, 7)).toBeCloseTo(0.0197666111, 8);
    expect(twoShareTest(9, 10, 3, 10)).toEqual({ p: expect.closeTo(0.0197666111, 8), test: 'fisher' });
    // 28/30 vs 20/30 has expected counts of 6 and more: the z-test (prop.test gives 0.0098232745; fisher.test 0.0211452463).
    expect(twoShareTest(28, 30, 20, 30)).toEqual({ p: expect.closeTo(0.0098232745, 8), test: 'z' });
    expect(twoShareTest(118, 121, 40, 45)).toEqual({ p: expect.closeTo(0.034581478, 8), test: 'fisher' });
  });
});

describe('margins table', () => {
  it('gives 1.96 × √(0.25 / n) in points, as printed in Dutch reports', () => {
    expect([10, 100, 400, 1000].map((n) => maxMarginOfError(n))).toEqual([31, 9.8, 4.9, 3.1]);
    expect(maxMarginOfError(100, 1000)).toBe(9.3);
    expect(marginsTable()[0]).toEqual({ n: 10, margin: 31 });
  });
});
