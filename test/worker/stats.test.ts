import { beforeAll, describe, expect, it } from 'vitest';
import { Aggregate, Comparison } from '../../schemas/aggregate.js';
import { aggregate, call } from './helpers.js';

/**
 * Intervals, comparisons and weights through the real path: NDJSON import, PUT /v1/weights and
 * GET /v1/aggregates. Expected values are R's (4.2.2, survey 4.1), as in worker/report/*.test.ts.
 */
const Q = 'sociaal-team-kort';

function line(day: string, team: string, cijfer: number, aanraden: string): string {
  return JSON.stringify({
    submissionId: crypto.randomUUID(),
    questionnaireId: Q,
    version: 1,
    channel: 'telefoon',
    submittedAt: `${day}T12:00:00+01:00`,
    answers: { tot_cijfer: cijfer, tot_aanraden: aanraden },
    context: { team },
  });
}
const times = (n: number, f: () => string) => Array.from({ length: n }, f);

beforeAll(async () => {
  // March 2019: a = 7×40, 8×30, 9×20, 5×10 (team centrum 60, oost 40); February 2019: b = 7×30, 8×25, 9×10, 5×15, 6×20.
  // aanraden: March ja 60 of 100, February ja 45 of 100.
  const march = [...times(40, () => '7'), ...times(30, () => '8'), ...times(20, () => '9'), ...times(10, () => '5')].map((g, i) =>
    line(`2019-03-${String((i % 28) + 1).padStart(2, '0')}`, i < 60 ? 'centrum' : 'oost', Number(g), i % 5 < 3 ? 'ja' : 'nee'),
  );
  const february = [
    ...times(30, () => '7'),
    ...times(25, () => '8'),
    ...times(10, () => '9'),
    ...times(15, () => '5'),
    ...times(20, () => '6'),
  ].map((g, i) => line(`2019-02-${String((i % 28) + 1).padStart(2, '0')}`, 'centrum', Number(g), i < 45 ? 'ja' : 'nee'));
  const res = await call(`/v1/import?questionnaire=${Q}`, {
    method: 'POST',
    token: 'demo-admin',
    body: [...march, ...february].join('\n'),
    headers: { 'Content-Type': 'application/x-ndjson' },
  });
  expect(await res.json()).toMatchObject({ stored: 200, refused: 0 });
});

describe('intervals, comparisons and weights through GET /v1/aggregates', () => {
  it('gives every percentage its interval', async () => {
    const a = await aggregate(`questionnaire=${Q}&from=2019-03-01&to=2019-03-31`);
    expect(Aggregate.parse(a)).toBeTruthy();
    // R 4.2: prop.test(60, 100, correct = FALSE)$conf.int 0.5020026 0.6905987; prop.test(40, 100, …) 0.3094013 0.4979974.
    expect(a.items.tot_aanraden).toMatchObject({ n: 100, pct: { ja: 60, nee: 40 }, ci95: { ja: [50.2, 69.1], nee: [30.9, 49.8] } });
    // binom.test(0, 100)$conf.int 0 0.03621669 (exact: fewer than 5).
    expect(a.items.tot_aanraden.ci95.misschien).toEqual([0, 3.6]);
  });

  it('compares with the month before (Welch, z-test) and says when it is not significant', async () => {
    const a = await aggregate(`questionnaire=${Q}&from=2019-03-01&to=2019-03-31&compare=previous`);
    const c = Comparison.parse(a.comparison);
    // 31 days before 1 March 2019: 29 January – 28 February.
    expect(c).toMatchObject({ from: '2019-01-29', to: '2019-02-28', n: 100 });
    // t.test(a, b)$p.value 0.001029883; prop.test(c(60, 45), c(100, 100), correct = FALSE)$p.value 0.0336720689.
    expect(c.items.tot_cijfer).toEqual({ delta: 0.55, p: 0.001, significant: true, test: 'welch', nNow: 100, nThen: 100 });
    expect(c.items.tot_aanraden).toEqual({ delta: 15, p: 0.0337, significant: true, test: 'z', nNow: 100, nThen: 100 });
    // The same test by its own dates: the trend's first period against its last.
    const own = await aggregate(`questionnaire=${Q}&from=2019-03-01&to=2019-03-31&compareFrom=2019-02-01&compareTo=2019-02-28`);
    expect(own.comparison).toMatchObject({
      from: '2019-02-01',
      to: '2019-02-28',
      n: 100,
      items: { tot_cijfer: { delta: 0.55, significant: true } },
    });
    const half = await call(`/v1/aggregates?questionnaire=${Q}&from=2019-03-01&to=2019-03-31&compareFrom=2019-02-01`, {
      token: 'demo-admin',
    });
    expect(half.status).toBe(400);
    const lastYear = await aggregate(`questionnaire=${Q}&from=2019-03-01&to=2019-03-31&compare=lastyear`);
    // Nobody in March 2018: nothing to test, so no item.
    expect(lastYear.comparison).toEqual({ from: '2018-03-01', to: '2018-03-31', n: 0, items: {} });
    const bad = await call(`/v1/aggregates?questionnaire=${Q}&compare=previous`, { token: 'demo-admin' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('weights to the population margins, with the effective n beside the real n', async () => {
    const put = await call(`/v1/weights?questionnaire=${Q}`, {
      method: 'PUT',
      token: 'demo-admin',
      json: { margins: { team: { centrum: 200, oost: 800 } } },
    });
    expect(put.status).toBe(200);
    expect(await (await call(`/v1/weights?questionnaire=${Q}`, { token: 'demo-admin' })).json()).toEqual({
      questionnaire: Q,
      margins: { team: { centrum: 200, oost: 800 } },
    });
    const refused = await call(`/v1/weights?questionnaire=${Q}`, {
      method: 'PUT',
      token: 'demo-admin',
      json: { margins: { kleur: { rood: 1 } } },
    });
    expect(refused.status).toBe(400);
    const a = await aggregate(`questionnaire=${Q}&from=2019-03-01&to=2019-03-31&weighted=1`);
    expect(Aggregate.parse(a)).toBeTruthy();
    // Centrum 60 and Oost 40 to 20/80 (computed by hand): weights 1/3 and 2 (mean 1, within 0.3–3);
    // Kish n 100² / (60 × 1/9 + 40 × 4) = 60. March ja: centrum 36 of 60, oost 24 of 40, so 60% either
    // way; cijfer: centrum 7×40, 8×20 (mean 7.333), oost 8×10, 9×20, 5×10 (mean 7.75): 0.2 × 7.333 + 0.8 × 7.75 = 7.67.
    expect(a.items.tot_aanraden).toMatchObject({ n: 100, nEffective: 60, pct: { ja: 60 } });
    expect(a.items.tot_cijfer).toMatchObject({ n: 100, nEffective: 60, mean: 7.7 });
    expect(a.weighting).toEqual({ dimensions: ['team'], bounds: { min: 0.3, max: 3 } });
    const plain = await aggregate(`questionnaire=${Q}&from=2019-03-01&to=2019-03-31`);
    expect(plain.items.tot_cijfer).not.toHaveProperty('nEffective');
    expect(plain.items.tot_cijfer.mean).toBe(7.5);
  });
});
