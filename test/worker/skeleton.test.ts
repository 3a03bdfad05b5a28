import { describe, expect, it } from 'vitest';
import { aggregate, call, submission } from './helpers.js';

describe('the walking skeleton', () => {
  it('answers health', async () => {
    const res = await call('/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('serves the published short questionnaire with {organisatie} filled for the team', async () => {
    const res = await call('/v1/questionnaires/sociaal-team-kort?siteKey=demo-site&team=crabbehof');
    expect(res.status).toBe(200);
    const q = await res.json<any>();
    expect(q.version).toBe(1);
    expect(q.sections[0].items[0].text.nl).toBe('Welk rapportcijfer geeft u het sociaal team Crabbehof?');
    expect(q.sections[0].items[0].text.en).toBe('What mark would you give the social team Crabbehof, from 1 to 10?');
    const etag = res.headers.get('ETag');
    expect(etag).toBeTruthy();
    const again = await call('/v1/questionnaires/sociaal-team-kort?siteKey=demo-site&team=crabbehof', {
      headers: { 'If-None-Match': etag! },
    });
    expect(again.status).toBe(304);
    // A widget on a partner's origin revalidates itself: the 304 must pass CORS and keep its caching.
    expect([again.headers.get('ETag'), again.headers.get('Access-Control-Allow-Origin'), again.headers.get('Cache-Control')]).toEqual([
      etag,
      '*',
      res.headers.get('Cache-Control'),
    ]);
    expect(await again.text()).toBe('');
    const listed = await call('/v1/questionnaires/sociaal-team-kort?siteKey=demo-site&team=crabbehof', {
      headers: { 'If-None-Match': `"stale", W/${etag}` },
    });
    expect(listed.status).toBe(304);
    const stale = await call('/v1/questionnaires/sociaal-team-kort?siteKey=demo-site&team=crabbehof', {
      headers: { 'If-None-Match': '"stale"' },
    });
    expect(stale.status).toBe(200);
    const other = await call('/v1/questionnaires/sociaal-team-kort?siteKey=demo-site&team=krispijn');
    expect(other.headers.get('ETag')).not.toBe(etag);
  });

  it('revalidates with the ETag however a browser or CDN sends it back: weak, in a list, or *', async () => {
    const url = '/v1/questionnaires/sociaal-team-kort?siteKey=demo-site&team=crabbehof';
    const etag = (await call(url)).headers.get('ETag')!;
    for (const sent of [`W/${etag}`, `"elders", ${etag}`, '*']) {
      const res = await call(url, { headers: { 'If-None-Match': sent } });
      expect({ sent, status: res.status }).toEqual({ sent, status: 304 });
      expect(res.headers.get('ETag')).toBe(etag);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    }
    // Another team's definition is another representation: its tag does not match this one.
    const other = await call('/v1/questionnaires/sociaal-team-kort?siteKey=demo-site&team=krispijn', {
      headers: { 'If-None-Match': etag },
    });
    expect(other.status).toBe(200);
  });

  it('stores a response once and counts it in the aggregate', async () => {
    const before = (await aggregate('questionnaire=sociaal-team-kort')).n;
    const body = submission();
    const first = await call('/v1/responses', { method: 'POST', json: body });
    expect(first.status).toBe(201);
    const repeat = await call('/v1/responses', { method: 'POST', json: body });
    expect(repeat.status).toBe(200);
    expect((await repeat.json<any>()).status).toBe('duplicate');
    const agg = await aggregate('questionnaire=sociaal-team-kort&team=crabbehof');
    expect(agg.n).toBe(before + 1);
    const integrity = await (await call('/v1/admin/questionnaires/sociaal-team-kort/integrity', { token: 'demo-admin' })).json<any>();
    expect(integrity).toMatchObject({ consistent: true });
    expect(integrity.responses).toBe(integrity.cube);
    expect(integrity.responses).toBeGreaterThan(0);
    expect(agg.items.tot_cijfer).toEqual({ suppressed: true });
  });

  it('shows the mean rapportcijfer and % aanraden once n reaches k', async () => {
    const marks = [9, 9, 8, 8, 8, 10, 7, 9, 9, 10];
    for (const [i, mark] of marks.entries()) {
      const res = await call('/v1/responses', {
        method: 'POST',
        json: submission({ answers: { tot_cijfer: mark, tot_aanraden: i < 9 ? 'ja' : 'misschien' }, context: { team: 'wielwijk' } }),
      });
      expect(res.status).toBe(201);
    }
    const agg = await aggregate('questionnaire=sociaal-team-kort&team=wielwijk');
    expect(agg.n).toBe(10);
    expect(agg.items.tot_cijfer.mean).toBe(8.7);
    expect(agg.items.tot_aanraden.pct.ja).toBe(90);
    expect(agg.items.tot_aanraden.pct.misschien).toBe(10);
    // Names travel with the figures, so a dashboard needs no copy of the questionnaire.
    expect(agg.labels.teams.crabbehof).toBe('Crabbehof');
    expect(agg.labels.items.tot_cijfer).toMatchObject({ type: 'cijfer', section: 'uw_mening' });
    expect(agg.labels.items.tot_cijfer.text.nl).toBe('Welk rapportcijfer geeft u het sociaal team?');
  });

  it('pushes the aggregate over the live WebSocket when a response arrives', async () => {
    const res = await call('/v1/live?questionnaire=sociaal-team-kort', {
      headers: { Upgrade: 'websocket', 'Sec-WebSocket-Protocol': 'peil.v1, bearer.demo-admin' },
    });
    expect(res.status).toBe(101);
    expect(res.headers.get('Sec-WebSocket-Protocol')).toBe('peil.v1');
    const ws = res.webSocket!;
    const messages: any[] = [];
    let notify: () => void = () => {};
    ws.addEventListener('message', (e) => {
      messages.push(JSON.parse(e.data as string));
      notify();
    });
    ws.accept();
    const next = (count: number) =>
      new Promise<void>((resolve) => {
        notify = () => messages.length >= count && resolve();
        notify();
      });
    await next(1);
    const before = messages[0].n;
    await call('/v1/responses', { method: 'POST', json: submission() });
    await next(2);
    expect(messages[1].n).toBe(before + 1);
    ws.close(1000);
  });

  it('refuses malformed JSON with a stable code and stores nothing', async () => {
    const before = (await aggregate('questionnaire=sociaal-team-kort')).n;
    const res = await call('/v1/responses', { method: 'POST', body: '{"siteKey":', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error.code).toBe('invalid_json');
    expect((await aggregate('questionnaire=sociaal-team-kort')).n).toBe(before);
  });
});
