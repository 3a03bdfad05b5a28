import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { Aggregate } from '../../schemas/aggregate.js';
import { sha256Hex } from '../../worker/crypto.js';
import { dutchDay } from '../../worker/ingest.js';
import { currentPeriod, isoWeek } from '../../worker/report/period.js';
import { aggregate, call, submission } from './helpers.js';

const Q = 'sociaal-team-kort';
const WELZIJN_VIEWER = 'test-viewer-welzijn';

/** A second partner (welzijn, team noord) with its own viewer token, straight into the registry. */
async function addWelzijn() {
  await env.DB.batch([
    env.DB.prepare(
      "INSERT OR IGNORE INTO partners (gemeente_id, id, name, organisatie) VALUES ('demo', 'welzijn', 'Welzijn', 'de welzijnsorganisatie')",
    ),
    env.DB.prepare("INSERT OR IGNORE INTO teams (gemeente_id, id, partner_id, name) VALUES ('demo', 'noord', 'welzijn', 'Noord')"),
    env.DB.prepare(
      "INSERT OR IGNORE INTO tokens (id, hash, role, gemeente_id, partner_id, label) VALUES ('tok_test_welzijn', ?, 'viewer', 'demo', 'welzijn', 'test')",
    ).bind(await sha256Hex(WELZIJN_VIEWER)),
  ]);
}

/** Imports interviews (telephone, today unless a day is given) for a team. */
async function importFor(team: string | undefined, count: number, over: { day?: string; answers?: Record<string, unknown> } = {}) {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      submissionId: crypto.randomUUID(),
      questionnaireId: Q,
      version: 1,
      channel: 'telefoon',
      ...(over.day ? { submittedAt: `${over.day}T12:00:00+01:00` } : {}),
      answers: over.answers ?? { tot_cijfer: 6 + (i % 5), tot_aanraden: 'ja' },
      context: team ? { team } : {},
    }),
  );
  const res = await call(`/v1/import?questionnaire=${Q}`, {
    method: 'POST',
    token: 'demo-admin',
    body: lines.join('\n'),
    headers: { 'Content-Type': 'application/x-ndjson' },
  });
  expect(await res.json()).toMatchObject({ stored: count, refused: 0 });
}

/** A live connection and a way to wait for a message that satisfies a condition. */
async function subscribe(query: string, token = 'demo-admin') {
  const res = await call(`/v1/live?${query}`, { headers: { Upgrade: 'websocket', 'Sec-WebSocket-Protocol': `peil.v1, bearer.${token}` } });
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const messages: any[] = [];
  let check: () => void = () => {};
  ws.addEventListener('message', (e) => {
    messages.push(JSON.parse(e.data as string));
    check();
  });
  ws.accept();
  const until = (test: (m: any) => boolean) =>
    new Promise<any>((resolve) => {
      check = () => {
        const hit = messages.find(test);
        if (hit) resolve(hit);
      };
      check();
    });
  return { ws, messages, until };
}

/** A live message without its envelope, to compare with GET /v1/aggregates. */
// Live messages carry the figures; names (`labels`) come only with a GET.
const figures = ({ type: _type, labels: _labels, ...rest }: any) => rest;

beforeAll(async () => {
  await addWelzijn();
});

describe('GET /v1/aggregates query', () => {
  it('refuses period together with from/to and malformed values as validation_failed, from after to as invalid_date', async () => {
    const from = await call(`/v1/aggregates?questionnaire=${Q}&from=2026-02-01&to=2026-01-31`, { token: 'demo-admin' });
    expect(from.status).toBe(400);
    expect((await from.json<any>()).error).toMatchObject({ code: 'invalid_date', issues: [{ code: 'invalid_date', path: ['from'] }] });
    for (const q of ['period=month&from=2026-01-01', 'period=decade', 'groupBy=hour', 'from=1-1-2026']) {
      const res = await call(`/v1/aggregates?questionnaire=${Q}&${q}`, { token: 'demo-admin' });
      expect(res.status, q).toBe(400);
      expect((await res.json<any>()).error.code).toBe('validation_failed');
    }
    expect((await call(`/v1/aggregates?questionnaire=${Q}&from=2026-01-31&to=2026-01-31`, { token: 'demo-admin' })).status).toBe(200);
  });

  it('period=day|week|month|quarter|year is the current period up to today, in Dutch time', async () => {
    const before = Object.fromEntries(
      await Promise.all(
        (['day', 'week', 'month', 'quarter', 'year'] as const).map(async (p) => [
          p,
          (await aggregate(`questionnaire=${Q}&period=${p}&team=centrum`)).n,
        ]),
      ),
    );
    const today = dutchDay();
    await importFor('centrum', 2);
    // One interview from before this year: in no current period.
    await importFor('centrum', 1, { day: `${Number(today.slice(0, 4)) - 1}-06-01` });
    for (const p of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const a = await aggregate(`questionnaire=${Q}&period=${p}&team=centrum`);
      expect(a.n, p).toBe(before[p] + 2);
      const { from, to } = currentPeriod(p, today);
      expect(a.n, p).toBe((await aggregate(`questionnaire=${Q}&from=${from}&to=${to}&team=centrum`)).n);
    }
  });

  it('groupBy=week gives ISO weeks; a breakdown by team lists every team in scope', async () => {
    await importFor('krispijn', 1);
    const weeks = await aggregate(`questionnaire=${Q}&period=day&groupBy=week`);
    expect(weeks.groups.map((g: any) => g.key)).toEqual([isoWeek(dutchDay())]);
    const teams = await aggregate(`questionnaire=${Q}&groupBy=team`);
    expect(teams.groups.map((g: any) => g.key)).toEqual(['centrum', 'crabbehof', 'krispijn', 'noord', 'oost', 'wielwijk']);
    // Teams without responses are there, hidden.
    expect(teams.groups.find((g: any) => g.key === 'wielwijk')).toEqual({ key: 'wielwijk', suppressed: true });
    const welzijn = await aggregate(`questionnaire=${Q}&groupBy=team`, WELZIJN_VIEWER);
    expect(welzijn.groups.map((g: any) => g.key)).toEqual(['noord']);
  });
});

describe('open answers', () => {
  it('shows the scrubbed texts, newest first, only once the selection reaches k', async () => {
    const q = `questionnaire=${Q}&from=2020-05-01&to=2020-05-31&team=centrum`;
    for (let d = 1; d <= 9; d++) {
      await importFor('centrum', 1, {
        day: `2020-05-0${d}`,
        answers: { tot_cijfer: 8, tot_aanraden: 'ja', tot_beter: `Dag ${d}: mail kees@example.nl` },
      });
    }
    expect((await aggregate(q)).items.tot_beter).toEqual({ suppressed: true });
    await importFor('centrum', 1, { day: '2020-05-10', answers: { tot_cijfer: 8, tot_aanraden: 'ja', tot_beter: 'Dag 10' } });
    const open = (await aggregate(q)).items.tot_beter;
    expect(open).toMatchObject({ type: 'open', n: 10, indicatief: true });
    expect(open.texts).toHaveLength(10);
    expect(open.texts[0]).toBe('Dag 10');
    expect(open.texts.map((t: string) => Number(t.match(/Dag (\d+)/)![1]))).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(open.texts.join(' ')).not.toContain('kees@example.nl');
    // Another partner sees none of them.
    expect((await aggregate(q, WELZIJN_VIEWER)).items.tot_beter).toEqual({ suppressed: true });
  });
});

describe('partner scoping', () => {
  it("a partner token sees only its partner's responses, protected, and may not ask for another", async () => {
    await importFor('noord', 12, { answers: { tot_cijfer: 4, tot_aanraden: 'nee' } });
    await importFor('oost', 11, { answers: { tot_cijfer: 9, tot_aanraden: 'ja' } });
    const welzijn = await aggregate(`questionnaire=${Q}`, WELZIJN_VIEWER);
    const admin = await aggregate(`questionnaire=${Q}&partner=welzijn`);
    expect(admin.n).toBe(12);
    expect(admin.items.tot_cijfer).toMatchObject({ n: 12, mean: 4, indicatief: true });
    // The partner's own figures, through the disclosure layer: near the exact ones, never the other partner's 9s.
    expect(welzijn.disclosure).toMatchObject({ protected: true });
    expect(Math.abs(welzijn.n - 12)).toBeLessThanOrEqual(2);
    expect(welzijn.items.tot_cijfer).toMatchObject({ type: 'cijfer', mean: 4, indicatief: true });
    expect(welzijn.items.tot_aanraden.pct).toEqual({ ja: 0, misschien: 0, nee: 100 });
    const refused = await call(`/v1/aggregates?questionnaire=${Q}&partner=sociaal-team`, { token: WELZIJN_VIEWER });
    expect(refused.status).toBe(403);
    expect((await refused.json<any>()).error.code).toBe('forbidden');
    // Filtering on another partner's team gives nothing of it.
    const sneaky = await aggregate(`questionnaire=${Q}&team=oost`, WELZIJN_VIEWER);
    expect(sneaky.n).toBeUndefined();
    expect(sneaky).toMatchObject({ suppressed: true, items: { tot_cijfer: { suppressed: true } } });
  });
});

describe('live', () => {
  it('honours the filters: a team and the current day, the same figures as GET', async () => {
    await importFor('oost', 1);
    const query = `questionnaire=${Q}&team=wielwijk&period=day`;
    const start = figures(await aggregate(query));
    const live = await subscribe(query);
    const first = await live.until(() => true);
    expect(figures(first)).toEqual(start);
    // Another team first, then ours: the push that shows ours counts only ours.
    await importFor('oost', 3);
    await importFor('wielwijk', 1);
    const after = await live.until((m) => m.n !== start.n);
    expect(after.n).toBe(start.n + 1);
    expect(figures(after)).toEqual(figures(await aggregate(query)));
    expect(live.messages.every((m) => m.n === start.n || m.n === start.n + 1)).toBe(true);
    expect(Aggregate.parse(figures(after))).toBeTruthy();
    live.ws.close(1000);
  });

  it("narrows a partner token to its own partner, and refuses another partner's", async () => {
    const query = `questionnaire=${Q}&groupBy=team`;
    const start = figures(await aggregate(query, WELZIJN_VIEWER));
    const live = await subscribe(query, WELZIJN_VIEWER);
    const first = await live.until(() => true);
    expect(figures(first)).toEqual(start);
    // Another partner's responses never reach it; its own reach it once k of them came in (the release rule).
    await importFor('crabbehof', 10);
    await importFor('noord', 10);
    const after = await live.until((m) => m.disclosure.release?.at !== start.disclosure.release?.at);
    expect(after.disclosure.release.newResponses).toBe(10);
    expect(after.groups.map((g: any) => g.key)).toEqual(['noord']);
    expect(figures(after)).toEqual(figures(await aggregate(query, WELZIJN_VIEWER)));
    live.ws.close(1000);

    const refused = await call(`/v1/live?questionnaire=${Q}&partner=sociaal-team`, {
      headers: { Upgrade: 'websocket', 'Sec-WebSocket-Protocol': `peil.v1, bearer.${WELZIJN_VIEWER}` },
    });
    expect(refused.status).toBe(403);
    expect((await refused.json<any>()).error.code).toBe('forbidden');
    const bad = await call(`/v1/live?questionnaire=${Q}&from=2026-02-01&to=2026-01-01`, {
      headers: { Upgrade: 'websocket', 'Sec-WebSocket-Protocol': 'peil.v1, bearer.demo-admin' },
    });
    expect(bad.status).toBe(400);
  });

  it('pushes after a web submission too', async () => {
    const query = `questionnaire=${Q}&team=crabbehof&channel=web`;
    const start = figures(await aggregate(query));
    const live = await subscribe(query);
    await live.until(() => true);
    const res = await call('/v1/responses', { method: 'POST', json: submission({ context: { team: 'crabbehof' } }) });
    expect(res.status).toBe(201);
    expect((await live.until((m) => m.n !== start.n)).n).toBe(start.n + 1);
    live.ws.close(1000);
  });
});
