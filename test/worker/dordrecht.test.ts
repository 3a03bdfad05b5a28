import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { Aggregate } from '../../schemas/aggregate.js';
import { DORDRECHT, dordrechtRespondents } from '../support/dordrecht-data.js';
import { aggregate, call } from './helpers.js';

/**
 * The published Dordrecht result (121 telephone interviews, 2016) through the real path: NDJSON import
 * with channel 'telefoon' and the interview date, read back from GET /v1/aggregates. The figures and
 * suppression decisions must be those the pure test (worker/report/dordrecht.test.ts) derives.
 */
const Q = 'sociaal-team-kort';
const YEAR = 'from=2016-01-01&to=2016-12-31';
const lines: { team: string; month: number }[] = [];

const totals = {
  n: 121,
  k: 10,
  tot_cijfer: {
    type: 'cijfer',
    n: 121,
    indicatief: false,
    mean: 8.8,
    ci95: [8.6, 9],
    sd: 1.17,
    pctOnvoldoende: 1.7,
    pctAchtOfHoger: 89.3,
    // R 4.2: binom.test(2, 121)$conf.int and prop.test(108, 121, correct = FALSE)$conf.int: "2% (0,2–5,8%)".
    ci95Pct: { onvoldoende: [0.2, 5.8], achtOfHoger: [82.5, 93.6] },
    distribution: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 1, '6': 2, '7': 9, '8': 27, '9': 45, '10': 36 },
  },
  tot_aanraden: {
    type: 'aanraden',
    n: 121,
    indicatief: false,
    pct: { ja: 90.1, misschien: 8.3, nee: 1.7 },
    // R 4.2: prop.test(109, 121, correct = FALSE), prop.test(10, 121, correct = FALSE), binom.test(2, 121).
    ci95: { ja: [83.5, 94.2], misschien: [4.6, 14.5], nee: [0.2, 5.8] },
  },
};

beforeAll(async () => {
  const ndjson: string[] = [];
  let i = 0;
  for (const team of Object.keys(DORDRECHT)) {
    for (const [cijfer, aanraden] of dordrechtRespondents(team)) {
      const month = (i++ % 12) + 1;
      lines.push({ team, month });
      ndjson.push(
        JSON.stringify({
          submissionId: crypto.randomUUID(),
          questionnaireId: Q,
          version: 1,
          channel: 'telefoon',
          // Evening in Dutch summer time, so the day is the Dutch one and not UTC's.
          submittedAt: `2016-${String(month).padStart(2, '0')}-15T23:30:00+02:00`,
          answers: { tot_cijfer: cijfer, tot_aanraden: aanraden },
          context: team === '_onbekend' ? {} : { team },
        }),
      );
    }
  }
  const res = await call(`/v1/import?questionnaire=${Q}`, {
    method: 'POST',
    token: 'demo-admin',
    body: ndjson.join('\n'),
    headers: { 'Content-Type': 'application/x-ndjson' },
  });
  expect(res.status).toBe(200);
  const body = await res.json<{ stored: number; refused: number }>();
  expect(body).toMatchObject({ stored: 121, refused: 0 });
});

describe('Dordrecht through import and GET /v1/aggregates', () => {
  it('gives the published totals for 2016', async () => {
    const a = await aggregate(`questionnaire=${Q}&${YEAR}`);
    expect(Aggregate.parse(a)).toBeTruthy();
    expect({ n: a.n, k: a.k, tot_cijfer: a.items.tot_cijfer, tot_aanraden: a.items.tot_aanraden }).toEqual(totals);
    expect(a.items.tot_cijfer.mean.toFixed(1).replace('.', ',')).toBe('8,8');
    expect(Math.round(a.items.tot_cijfer.pctOnvoldoende)).toBe(2);
    expect([Math.round(a.items.tot_aanraden.pct.ja), Math.round(a.items.tot_aanraden.pct.misschien)]).toEqual([90, 8]);
    // Items nobody answered on the telephone are hidden, not shown as 0%.
    expect(a.items.mw_serieus).toEqual({ suppressed: true });
    expect(a.items.tot_beter).toEqual({ suppressed: true });
    // Nothing of it falls outside 2016 (the day is the Dutch day of the interview).
    expect((await aggregate(`questionnaire=${Q}&from=2017-01-01`)).n).toBe(0);
    expect((await aggregate(`questionnaire=${Q}&${YEAR}&channel=telefoon`)).n).toBe(121);
    expect((await aggregate(`questionnaire=${Q}&${YEAR}&channel=web`)).n).toBe(0);
  });

  it('per team: Oost and the 3 unknown hidden, the rest with the pure figures', async () => {
    const a = await aggregate(`questionnaire=${Q}&${YEAR}&groupBy=team`);
    expect(Aggregate.parse(a)).toBeTruthy();
    expect({ n: a.n, k: a.k, tot_cijfer: a.items.tot_cijfer, tot_aanraden: a.items.tot_aanraden }).toEqual(totals);
    const pick = (g: any) =>
      'suppressed' in g
        ? { key: g.key, suppressed: true }
        : { key: g.key, n: g.n, indicatief: g.indicatief, cijfer: g.items.tot_cijfer, aanraden: g.items.tot_aanraden };
    expect(a.groups.map(pick)).toEqual([
      {
        key: 'centrum',
        n: 23,
        indicatief: true,
        cijfer: expect.objectContaining({ n: 23, indicatief: true, mean: 8.7, pctOnvoldoende: 4.3, pctAchtOfHoger: 87 }),
        aanraden: expect.objectContaining({ type: 'aanraden', n: 23, indicatief: true, pct: { ja: 91.3, misschien: 8.7, nee: 0 } }),
      },
      {
        key: 'crabbehof',
        n: 36,
        indicatief: false,
        cijfer: expect.objectContaining({
          n: 36,
          indicatief: false,
          mean: 8.8,
          sd: 1.36,
          ci95: [8.4, 9.3],
          pctOnvoldoende: 2.8,
          pctAchtOfHoger: 88.9,
        }),
        aanraden: expect.objectContaining({ type: 'aanraden', n: 36, indicatief: false, pct: { ja: 91.7, misschien: 5.6, nee: 2.8 } }),
      },
      {
        key: 'krispijn',
        n: 21,
        indicatief: true,
        cijfer: expect.objectContaining({ n: 21, indicatief: true, mean: 8.8, pctOnvoldoende: 0, pctAchtOfHoger: 90.5 }),
        aanraden: expect.objectContaining({ type: 'aanraden', n: 21, indicatief: true, pct: { ja: 90.5, misschien: 9.5, nee: 0 } }),
      },
      { key: 'oost', suppressed: true },
      {
        key: 'wielwijk',
        n: 26,
        indicatief: true,
        cijfer: expect.objectContaining({ n: 26, indicatief: true, mean: 8.8, pctOnvoldoende: 0, pctAchtOfHoger: 88.5 }),
        aanraden: expect.objectContaining({ type: 'aanraden', n: 26, indicatief: true, pct: { ja: 88.5, misschien: 7.7, nee: 3.8 } }),
      },
      { key: '_onbekend', suppressed: true },
    ]);
    const published = a.groups.reduce((s: number, g: any) => s + (g.n ?? 0), 0);
    expect(a.n - published).toBe(DORDRECHT.oost.aanraden.reduce((s, c) => s + c, 0) + 3);
  });

  it('the partner (viewer) token gets protected figures of its own partner: every team shown, near the exact ones', async () => {
    const exact = await aggregate(`questionnaire=${Q}&${YEAR}&groupBy=team&partner=sociaal-team`);
    const viewer = await aggregate(`questionnaire=${Q}&${YEAR}&groupBy=team`, 'demo-viewer');
    // Interviews without a team belong to no partner, so a partner does not see them.
    expect(exact.n).toBe(118);
    expect(Aggregate.parse(viewer)).toBeTruthy();
    expect(viewer.disclosure).toMatchObject({ protected: true, period: '2016', releaseEvery: 10 });
    expect(Math.abs(viewer.n - 118)).toBeLessThanOrEqual(2);
    // Within the partner no team is below k, so none is hidden; each shows its own perturbed n.
    expect(viewer.groups.map((g: any) => g.key)).toEqual(['centrum', 'crabbehof', 'krispijn', 'oost', 'wielwijk']);
    viewer.groups.forEach((g: any, i: number) => {
      const e = exact.groups[i];
      expect(g.n, g.key).toBeGreaterThanOrEqual(10);
      expect(Math.abs(g.n - e.n), g.key).toBeLessThanOrEqual(2);
      // How far noise of at most ±2 on each answered value can move a mean: Σ x·(v − mean) / (n + Σ x), so at
      // most 2·Σ|v − mean| / (n − 2·cells) over the values someone gave; plus 0.1 for rounding both to one decimal.
      const dist = Object.entries(e.items.tot_cijfer.distribution as Record<string, number>).filter(([, c]) => c > 0);
      const n = dist.reduce((t, [, c]) => t + c, 0);
      const mean = dist.reduce((t, [v, c]) => t + Number(v) * c, 0) / n;
      const bound = (2 * dist.reduce((t, [v]) => t + Math.abs(Number(v) - mean), 0)) / (n - 2 * dist.length) + 0.1 + 1e-9;
      expect(Math.abs(g.items.tot_cijfer.mean - e.items.tot_cijfer.mean), g.key).toBeLessThanOrEqual(bound);
      expect(bound, g.key).toBeLessThan(3);
    });
    expect(Math.abs(viewer.items.tot_cijfer.mean - exact.items.tot_cijfer.mean)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(viewer.items.tot_aanraden.pct.ja - exact.items.tot_aanraden.pct.ja)).toBeLessThanOrEqual(5);
    // Naming its own partner gives the same; another partner is refused.
    expect(await aggregate(`questionnaire=${Q}&${YEAR}&groupBy=team&partner=sociaal-team`, 'demo-viewer')).toEqual(viewer);
    const other = await call(`/v1/aggregates?questionnaire=${Q}&partner=welzijn`, { token: 'demo-viewer' });
    expect(other.status).toBe(403);
    expect((await other.json<any>()).error.code).toBe('forbidden');
  });

  it("follows the gemeente's k: 25 hides more teams, 40 all, never the totals", async () => {
    const setK = (k: number) => env.DB.prepare("UPDATE gemeenten SET k = ? WHERE id = 'demo'").bind(k).run();
    try {
      await setK(25);
      const k25 = await aggregate(`questionnaire=${Q}&${YEAR}&groupBy=team`);
      expect(k25.k).toBe(25);
      expect(k25.groups.map((g: any) => ('suppressed' in g ? 'x' : g.n))).toEqual(['x', 36, 'x', 'x', 26, 'x']);
      await setK(40);
      const k40 = await aggregate(`questionnaire=${Q}&${YEAR}&groupBy=team`);
      expect(k40.groups.every((g: any) => g.suppressed === true)).toBe(true);
      expect(k40.items.tot_aanraden).toMatchObject({ n: 121, pct: { ja: 90.1, misschien: 8.3, nee: 1.7 } });
    } finally {
      await setK(10);
    }
  });

  it('as a trend by quarter, each quarter has its interviews', async () => {
    const a = await aggregate(`questionnaire=${Q}&${YEAR}&groupBy=quarter`);
    const expected = [1, 2, 3, 4].map((quarter) => lines.filter((l) => Math.ceil(l.month / 3) === quarter).length);
    expect(a.groups.map((g: any) => [g.key, g.n])).toEqual(expected.map((n, i) => [`2016-Q${i + 1}`, n]));
    expect(expected.reduce((s, n) => s + n, 0)).toBe(121);
    const months = await aggregate(`questionnaire=${Q}&${YEAR}&groupBy=month`);
    expect(months.groups).toHaveLength(12);
    // 121 over 12 months gives groups of 10 or 11: at k, indicatief, all shown.
    expect(months.groups.every((g: any) => g.n >= 10 && g.indicatief)).toBe(true);
  });
});
