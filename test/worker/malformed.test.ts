import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../schemas/errors.js';
import app from '../../worker/index.js';
import { ledgerFor } from '../../worker/ledger-stub.js';
import { ORIGIN, call, submission } from './helpers.js';

const KORT = 'sociaal-team-kort';
const counts = () => ledgerFor(env, 'demo', KORT).counts();

/**
 * The worker's own fetch handler with the test's real bindings. Going through `exports.default` instead
 * gets slower with every request in this pool (each adds bookkeeping), which a thousand requests feel.
 */
async function direct(body: Uint8Array, contentType: string): Promise<Response> {
  const ctx = createExecutionContext();
  const req = new Request('http://peil.test/v1/responses', {
    method: 'POST',
    body,
    headers: { 'Content-Type': contentType, Origin: ORIGIN },
  });
  const res = await app.fetch(req, env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

interface Attempt {
  kind: string;
  body: string | Uint8Array;
  contentType?: string;
}

const REQUIRED = ['siteKey', 'submissionId', 'questionnaireId', 'version', 'answers'] as const;
const valid = () => submission();

/** Values that are never a valid answer to `tot_cijfer` (a whole number 1–10). */
const badCijfer = fc.oneof(
  fc.integer().filter((n) => n < 1 || n > 10),
  fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string(), fc.integer(), { minKeys: 1, maxKeys: 2 }),
);
/** Any JSON value, as the wrong type for a field that wants a particular one. */
const anyJson = fc.jsonValue({ maxDepth: 3 });

/**
 * Bodies that are wrong by construction: each generator breaks something the contract requires, so
 * none may be stored, whatever else it happens to contain.
 */
const attempts: fc.Arbitrary<Attempt> = fc.oneof(
  // Any JSON at all, which is never a submission with a known site key.
  fc.jsonValue({ maxDepth: 6 }).map((v) => ({ kind: 'json', body: JSON.stringify(v) ?? 'null' })),
  // A valid submission with a required field removed.
  fc.constantFrom(...REQUIRED).map((f) => {
    const b: Record<string, unknown> = valid();
    delete b[f];
    return { kind: `missing ${f}`, body: JSON.stringify(b) };
  }),
  // A valid submission with an unknown top-level field.
  fc
    .tuple(
      fc
        .string({ minLength: 1, maxLength: 20 })
        .filter((k) => !(k in valid()) && !['elapsedMs', 'website', 'invite', '__proto__'].includes(k)),
      anyJson,
    )
    .map(([k, v]) => ({ kind: 'extra field', body: JSON.stringify({ ...valid(), [k]: v }) })),
  // Fields of the wrong type or out of range.
  anyJson
    .filter((v) => typeof v !== 'string' || v.length === 0 || v.length > 128)
    .map((v) => ({ kind: 'siteKey type', body: JSON.stringify({ ...valid(), siteKey: v }) })),
  fc.string({ maxLength: 60 }).map((v) => ({ kind: 'unknown siteKey', body: JSON.stringify({ ...valid(), siteKey: `x${v}` }) })),
  anyJson
    .filter((v) => !(typeof v === 'number' && Number.isInteger(v) && v >= 1))
    .map((v) => ({ kind: 'version', body: JSON.stringify({ ...valid(), version: v }) })),
  fc.integer({ min: 2, max: 1_000_000 }).map((v) => ({ kind: 'unpublished version', body: JSON.stringify({ ...valid(), version: v }) })),
  fc.string({ maxLength: 40 }).map((v) => ({ kind: 'submissionId', body: JSON.stringify({ ...valid(), submissionId: v }) })),
  anyJson
    .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
    .map((v) => ({ kind: 'answers type', body: JSON.stringify({ ...valid(), answers: v }) })),
  anyJson
    .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
    .map((v) => ({ kind: 'context type', body: JSON.stringify({ ...valid(), context: v }) })),
  badCijfer.map((v) => ({ kind: 'bad cijfer', body: JSON.stringify({ ...valid(), answers: { tot_cijfer: v, tot_aanraden: 'ja' } }) })),
  fc
    .dictionary(
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((k) => !['tot_cijfer', 'tot_aanraden', 'mw_serieus', 'mw_samen', 'res_iets_gehad', 'tot_beter', '__proto__'].includes(k)),
      anyJson,
      { minKeys: 1, maxKeys: 3 },
    )
    .map((extra) => ({
      kind: 'unknown items',
      body: JSON.stringify({ ...valid(), answers: { tot_cijfer: 7, tot_aanraden: 'ja', ...extra } }),
    })),
  fc
    .string({ minLength: 1, maxLength: 20 })
    .map((team) => ({ kind: 'team', body: JSON.stringify({ ...valid(), context: { team: `zz${team}` } }) })),
  // Truncated JSON: every strict prefix of an object's text is invalid JSON.
  fc.nat().map((n) => {
    const text = JSON.stringify(valid());
    return { kind: 'truncated', body: text.slice(0, n % text.length) };
  }),
  // Raw bytes, often not UTF-8.
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'bytes', body: bytes })),
  // A valid body with a Content-Type that is not JSON.
  fc
    .constantFrom(
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'text/html',
      'image/png',
      'application/jsonx',
    )
    .map((contentType) => ({ kind: 'content type', body: JSON.stringify(valid()), contentType })),
  // Too large, wrapped around a valid submission.
  fc
    .integer({ min: 16 * 1024, max: 40 * 1024 })
    .map((n) => ({ kind: 'too large', body: JSON.stringify({ ...valid(), website: undefined, pad: 'x'.repeat(n) }) })),
);

describe('malformed submissions', () => {
  it('never get a 5xx, always a JSON error with a stable code, and are never stored (1,200 bodies)', { timeout: 120_000 }, async () => {
    const before = await counts();
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(attempts, async (a) => {
        const body = typeof a.body === 'string' ? new TextEncoder().encode(a.body) : a.body;
        const res = await direct(body, a.contentType ?? 'application/json');
        const text = await res.text();
        expect({ kind: a.kind, status: res.status }).toEqual({ kind: a.kind, status: expect.any(Number) });
        expect(res.status, `${a.kind}: ${text}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${a.kind}: ${text}`).toBeLessThan(500);
        expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
        const code = (JSON.parse(text) as { error: { code: string } }).error.code;
        expect(ERROR_CODES).toContain(code);
        seen.set(code, (seen.get(code) ?? 0) + 1);
      }),
      { numRuns: 1200, endOnFailure: true },
    );
    expect(await counts()).toEqual(before);
    // The generators reach deep into the pipeline, not only the JSON parser.
    for (const code of [
      'invalid_json',
      'validation_failed',
      'unknown_site_key',
      'unsupported_media_type',
      'payload_too_large',
      'invalid_value',
      'unknown_item',
      'team_not_allowed',
      'version_not_found',
    ]) {
      expect({ code, seen: (seen.get(code) ?? 0) > 0 }).toEqual({ code, seen: true });
    }
  });

  it('a valid submission still goes through after all that', async () => {
    const before = await counts();
    expect((await call('/v1/responses', { method: 'POST', json: submission() })).status).toBe(201);
    expect((await counts()).responses).toBe(before.responses + 1);
  });
});

/** The worker's own fetch handler for any request (see `direct`). */
async function fetchApp(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://peil.test${path}`, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** Path parameters filled with values that exist, or that match nothing: no request here changes anything. */
const fillPath = (path: string) =>
  path
    .replace(':submissionId', crypto.randomUUID())
    .replace(':tokenId', 'tok_none')
    .replace(':key', 'site_none')
    .replace(':partner', 'sociaal-team')
    .replace(':version', '1')
    .replace('/v1/gemeenten/:id', '/v1/gemeenten/demo')
    .replace(':id', KORT);
const VALID: Record<string, string> = { questionnaire: KORT, gemeente: 'demo', siteKey: 'demo-site' };

const BAD_VALUES = [
  '2026-13-45',
  '2026-02-30',
  '2025-02-29',
  '2026-1-1',
  'x'.repeat(20_000),
  '\u0000',
  '../../etc/passwd',
  '<script>',
  '🙂',
  '',
  ' ',
  '-1',
  '1e309',
  'NaN',
  '[]',
  '{"a":1}',
];
// Percent-encoding that does not decode: sent as is.
const RAW_BAD = ['%', '%E0%A4%A', '%zz'];

interface Swept {
  route: string;
  method: string;
  path: string;
  params: string[];
}

async function sweptRoutes(): Promise<Swept[]> {
  const doc = (await (await fetchApp('/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean }[] }>>;
  };
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.path.startsWith('/v1/') && !r.path.includes('*') && r.method !== 'ALL')
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && !!seen.add(`${r.method} ${r.path}`))
    .map((r) => {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const params = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      return { route: `${r.method} ${r.path}`, method: r.method, path: fillPath(r.path), params };
    })
    .filter((r) => r.params.length > 0);
}

async function tryQuery(r: Swept, query: string): Promise<{ status: number; code?: string; text: string }> {
  const headers: Record<string, string> = { Authorization: 'Bearer demo-admin', Origin: ORIGIN };
  if (r.path === '/v1/live') headers.Upgrade = 'websocket';
  const res = await fetchApp(`${r.path}?${query}`, { method: r.method, headers });
  if (res.webSocket) {
    res.webSocket.accept();
    res.webSocket.close(1000, 'done');
  }
  const text = res.status === 101 ? '' : await res.text();
  const code = res.status >= 400 ? (JSON.parse(text) as { error: { code: string } }).error.code : undefined;
  return { status: res.status, code, text };
}

describe('malformed queries', () => {
  it('finds the routes that take query parameters', async () => {
    const routes = await sweptRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes.find((r) => r.route === 'GET /v1/aggregates')?.params).toEqual(expect.arrayContaining(['from', 'to', 'team', 'groupBy']));
  });

  it('never get a 5xx on any route, and bad values get a JSON error with a stable code', { timeout: 300_000 }, async () => {
    const before = await counts();
    for (const r of await sweptRoutes()) {
      const base = Object.fromEntries(r.params.filter((p) => p in VALID).map((p) => [p, VALID[p]]));
      for (const param of r.params) {
        const others = new URLSearchParams(Object.entries(base).filter(([k]) => k !== param)).toString();
        const queries = [
          ...BAD_VALUES.map((v) => `${param}=${encodeURIComponent(v)}`),
          ...RAW_BAD.map((v) => `${param}=${v}`),
          `${param}=${encodeURIComponent(base[param] ?? 'a')}&${param}=b`,
          `${param}[]=a`,
          `${param}[0]=a&${param}[1]=b`,
        ];
        for (const q of queries) {
          const got = await tryQuery(r, others ? `${others}&${q}` : q);
          const where = { route: r.route, query: q.slice(0, 80), status: got.status };
          expect.soft(got.status, `${JSON.stringify(where)} ${got.text.slice(0, 200)}`).toBeLessThan(500);
          if (got.status >= 400)
            expect.soft({ ...where, known: ERROR_CODES.includes(got.code as never) }).toEqual({ ...where, known: true });
        }
        // A value far too long for any parameter, and a parameter given twice, are refused.
        expect.soft({ route: r.route, param, status: (await tryQuery(r, `${others}&${param}=${'x'.repeat(20_000)}`)).status }).toEqual({
          route: r.route,
          param,
          status: 400,
        });
        const twice = await tryQuery(r, `${others}&${param}=a&${param}=b`);
        expect
          .soft({ route: r.route, param, status: twice.status, code: twice.code })
          .toEqual({ route: r.route, param, status: 400, code: 'validation_failed' });
        expect(twice.text).toContain('duplicate_parameter');
      }
    }
    expect(await counts()).toEqual(before);
  });

  it.each(['/v1/aggregates', '/v1/export/aggregates.csv'])(
    '%s: dates that do not exist, or a range that ends before it starts, are invalid_date',
    async (path) => {
      const get = (query: string) => call(`${path}?questionnaire=${KORT}&${query}`, { token: 'demo-admin' });
      for (const query of [
        'from=2026-13-45',
        'to=2026-02-30',
        'from=2025-02-29',
        'from=2026-00-10',
        'to=2026-04-31',
        'from=2026-05-01&to=2026-04-01',
      ]) {
        const res = await get(query);
        expect({ query, status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code }).toEqual({
          query,
          status: 400,
          code: 'invalid_date',
        });
      }
      // The day that does exist in a leap year, and a range of one day.
      for (const query of ['from=2024-02-29', 'from=2026-04-01&to=2026-04-01']) expect((await get(query)).status).toBe(200);
    },
  );
});
