import { beforeAll, describe, expect, it } from 'vitest';
import { Aggregate } from '../../schemas/aggregate.js';
import { aggregate, call } from './helpers.js';

/**
 * The gemeente's "weet niet" rule through the real path: PATCH /v1/gemeenten/:id, NDJSON import and
 * GET /v1/aggregates. Expected values are worked out by hand from the answers below.
 */
const Q = 'sociaal-team-kort';
const MAY = 'from=2019-05-01&to=2019-05-31';

/** 50 answers in May 2019, as counts per value of two stellingen. */
const SERIEUS = { helemaal_eens: 15, eens: 10, neutraal: 5, oneens: 5, helemaal_oneens: 3, weet_niet: 12 };
const SAMEN = { helemaal_eens: 20, eens: 15, neutraal: 5, oneens: 2, helemaal_oneens: 3, weet_niet: 5 };
const spread = (counts: Record<string, number>) => Object.entries(counts).flatMap(([v, n]) => Array<string>(n).fill(v));

beforeAll(async () => {
  const serieus = spread(SERIEUS);
  const samen = spread(SAMEN);
  const lines = serieus.map((s, i) =>
    JSON.stringify({
      submissionId: crypto.randomUUID(),
      questionnaireId: Q,
      version: 1,
      channel: 'papier',
      submittedAt: `2019-05-${String((i % 28) + 1).padStart(2, '0')}T12:00:00+02:00`,
      answers: { tot_cijfer: 8, tot_aanraden: 'ja', mw_serieus: s, mw_samen: samen[i] },
      context: { team: 'centrum' },
    }),
  );
  const res = await call(`/v1/import?questionnaire=${Q}`, {
    method: 'POST',
    token: 'demo-admin',
    body: lines.join('\n'),
    headers: { 'Content-Type': 'application/x-ndjson' },
  });
  const report = (await res.json()) as { lines?: unknown[] };
  expect(report, JSON.stringify(report.lines?.[0])).toMatchObject({ stored: 50, refused: 0 });
});

describe('"weet niet" per gemeente', () => {
  it('leaves weet niet out of the base by default', async () => {
    expect(await (await call('/v1/gemeenten/demo', { token: 'demo-admin' })).json()).toMatchObject({ id: 'demo', weetNiet: 'exclude' });
    const a = await aggregate(`questionnaire=${Q}&${MAY}`);
    // 38 with an opinion: eens 25/38 = 65,8%, neutraal 5/38 = 13,2%, oneens 8/38 = 21,1%; weet niet 12/50 = 24%.
    expect(a.items.mw_serieus).toMatchObject({
      n: 38,
      nWeetNiet: 12,
      pctWeetNiet: 24,
      weetNietFlag: true,
      pct: { eens: 65.8, neutraal: 13.2, oneens: 21.1 },
    });
    expect(a.items.mw_serieus.weetNietIncluded).toBe(undefined);
  });

  it('counts weet niet as an answer once it is 20% or more where the gemeente chose include-at-20', async () => {
    const bad = await call('/v1/gemeenten/demo', { method: 'PATCH', token: 'demo-admin', json: { weetNiet: 'altijd' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const set = await call('/v1/gemeenten/demo', { method: 'PATCH', token: 'demo-admin', json: { weetNiet: 'include-at-20' } });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ id: 'demo', weetNiet: 'include-at-20' });

    const a = await aggregate(`questionnaire=${Q}&${MAY}`);
    expect(Aggregate.parse(a)).toBeTruthy();
    // All 50 answers are the base: eens 25/50 = 50%, neutraal 5/50 = 10%, oneens 8/50 = 16%, the other 24% weet niet.
    // helemaal eens 15/50 = 30%, eens 10/50 = 20%, oneens 5/50 = 10%, helemaal oneens 3/50 = 6%.
    // Wilson for 25 of 50 (R 4.2: prop.test(25, 50, correct = FALSE)$conf.int 0.3664 0.6336).
    expect(a.items.mw_serieus).toMatchObject({
      n: 50,
      nWeetNiet: 12,
      pctWeetNiet: 24,
      weetNietFlag: true,
      weetNietIncluded: true,
      pct: { eens: 50, neutraal: 10, oneens: 16 },
      pctDetail: { helemaal_eens: 30, eens: 20, neutraal: 10, oneens: 10, helemaal_oneens: 6 },
    });
    expect(a.items.mw_serieus.ci95.eens).toEqual([36.6, 63.4]);
    // 5 of 50 is 10%: below 20%, so still left out; 45 with an opinion, eens 35/45 = 77,8%.
    expect(a.items.mw_samen).toMatchObject({ n: 45, pctWeetNiet: 10, weetNietFlag: false, pct: { eens: 77.8 } });
    expect(a.items.mw_samen.weetNietIncluded).toBe(undefined);
  });

  it('lets only the gemeente admin change the rule', async () => {
    const res = await call('/v1/gemeenten/demo', { method: 'PATCH', json: { weetNiet: 'exclude' } });
    expect(res.status).toBe(401);
  });
});
