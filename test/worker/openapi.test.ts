import OAS_3_1 from '@seriousme/openapi-schema-validator/schemas/v3.1/schema.json';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../schemas/errors.js';
import app from '../../worker/index.js';
import { CSP } from '../../worker/routes/pages.js';
import { call } from './helpers.js';

type Doc = Record<string, any>;
interface Operation {
  operationId: string;
  tags: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { description: string; 'x-error-codes'?: string[]; content?: Record<string, { schema?: unknown }> }>;
}

const document = async (): Promise<Doc> => {
  const res = await call('/v1/openapi.json');
  expect(res.status).toBe(200);
  return res.json<Doc>();
};

const operations = (doc: Doc): [string, string, Operation][] =>
  Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]): [string, string, Operation] => [method, path, op]),
  );

/** Every route the app answers, as Hono holds it (middleware registered for all methods left out). */
const registered = () =>
  new Set(
    app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*')).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
  );

/** Methods by path, for the routes the app answers. */
const methodsByPath = () => {
  const byPath = new Map<string, Set<string>>();
  for (const route of registered()) {
    const [method, path] = route.split(' ');
    byPath.set(path, (byPath.get(path) ?? new Set()).add(method));
  }
  return byPath;
};

/** Ajv with the OAS 3.1 schema: the document's structure, without checking the JSON Schemas inside it. */
function oas31() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('media-range', true);
  return ajv.compile(OAS_3_1);
}

describe('the OpenAPI document', () => {
  it('has every registered route with its method, and nothing else', async () => {
    const documented = new Set(operations(await document()).map(([method, path]) => `${method.toUpperCase()} ${path}`));
    const routes = registered();
    expect(routes.size).toBeGreaterThanOrEqual(45);
    expect([...routes].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !routes.has(r))).toEqual([]);
  });

  it('is valid OpenAPI 3.1 by the specification’s own schema, which refuses a broken copy', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    const validate = oas31();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...doc, paths: { ...doc.paths, 'v1/no-slash': {} } })).toBe(false);
    expect(validate({ ...doc, info: { title: 'no version' } })).toBe(false);
  });

  it('is consistent where the schema cannot tell: ids, tags, path parameters, references', async () => {
    const doc = await document();
    const ops = operations(doc);
    const ids = ops.map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set((doc.tags as { name: string }[]).map((t) => t.name));
    for (const [method, path, op] of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect({ where, tags: op.tags.filter((t) => !tags.has(t)) }).toEqual({ where, tags: [] });
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect({ where, params: declared.map((p) => p.name).sort() }).toEqual({ where, params: inPath });
      expect(declared.every((p) => p.required)).toBe(true);
      const keys = (op.parameters ?? []).map((p) => `${p.in} ${p.name}`);
      expect({ where, duplicates: keys.filter((k, i) => keys.indexOf(k) !== i) }).toEqual({ where, duplicates: [] });
      expect({ where, success: Object.keys(op.responses).some((s) => /^[123]/.test(s)) }).toEqual({ where, success: true });
      for (const [status, r] of Object.entries(op.responses)) {
        if (!/^[45]/.test(status)) continue;
        expect({ where, status, codes: r['x-error-codes']?.filter((c) => !(ERROR_CODES as readonly string[]).includes(c)) }).toEqual({
          where,
          status,
          codes: [],
        });
        expect(r.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) {
      const target = ref.split('/').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], doc);
      expect({ ref, found: target !== undefined }).toEqual({ ref, found: true });
    }
  });

  it('lists every error code and the refusals of each route, from its middleware and its own description', async () => {
    const doc = await document();
    expect(doc.components.schemas.ErrorCode.enum).toEqual([...ERROR_CODES]);
    for (const code of ERROR_CODES)
      expect({ code, text: doc.info['x-error-codes'][code] }).toEqual({ code, text: expect.stringMatching(/\w/) });
    const codesOf = (op: Operation) => Object.values(op.responses).flatMap((r) => r['x-error-codes'] ?? []);
    const submit = doc.paths['/v1/responses'].post as Operation & Doc;
    // From the body wrapper, then from the route's own description.
    for (const code of [
      'unsupported_media_type',
      'payload_too_large',
      'invalid_json',
      'validation_failed',
      'unknown_site_key',
      'origin_not_allowed',
      'rate_limited',
      'invite_used',
    ]) {
      expect(codesOf(submit)).toContain(code);
    }
    expect(submit.security).toEqual([]);
    expect(submit.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Submission' });
    expect(doc.components.schemas.Submission.required).toEqual(
      expect.arrayContaining(['siteKey', 'submissionId', 'questionnaireId', 'version', 'answers']),
    );
    // requireRole gives the token codes and roles; a query validator its 400; the questionnaire admin gets both from one `.use()`.
    const aggregates = doc.paths['/v1/aggregates'].get as Operation & Doc;
    expect(codesOf(aggregates)).toEqual(
      expect.arrayContaining(['unauthorized', 'forbidden', 'validation_failed', 'questionnaire_not_found']),
    );
    expect(aggregates['x-roles']).toEqual(['operator', 'admin', 'viewer', 'public', 'onderzoeker', 'beleid']);
    expect(aggregates.parameters?.find((p: { name: string }) => p.name === 'questionnaire')).toMatchObject({ in: 'query', required: true });
    const publish = doc.paths['/v1/admin/questionnaires/{id}/publish'].post as Operation & Doc;
    expect(codesOf(publish)).toEqual(expect.arrayContaining(['unauthorized', 'forbidden', 'not_a_draft', 'incompatible_change']));
    expect(publish.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(publish.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'gemeente', in: 'query' })]));
  });
});

describe('the API reference page', () => {
  it('renders the document as plain HTML under the strict CSP, with every path and error code', async () => {
    const res = await call('/api');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(res.headers.get('Content-Security-Policy')).toBe(CSP);
    expect(CSP).not.toContain('unsafe-inline');
    const page = await res.text();
    expect(page).toMatch(/^<!doctype html>\s*<html lang="en">/);
    for (const landmark of [
      '<header',
      '<nav aria-label=',
      '<main id="main">',
      '<h1>',
      '<h2 id="tag-submit">',
      '<h2 id="errors">',
      '<h2 id="schemas">',
    ]) {
      expect(page).toContain(landmark);
    }
    // No inline script or style: the page must work under the CSP it is served with.
    expect(page).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
    expect(page).toMatch(/<link rel="stylesheet" href="\/api.css" ?\/?>/);
    const doc = await document();
    for (const [method, path] of operations(doc)) {
      expect(page).toContain(`>${method.toUpperCase()}</span> <code>${path}</code>`);
    }
    for (const code of ERROR_CODES) expect(page).toContain(`id="error-${code}"`);
    for (const name of Object.keys(doc.components.schemas)) expect(page).toContain(`id="schema-${name}"`);
  });
});

describe('a path called with a method it does not have', () => {
  const OTHER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

  it('answers 405 method_not_allowed as JSON, with the methods it has in Allow, on every registered path', async () => {
    const paths = methodsByPath();
    expect(paths.size).toBeGreaterThanOrEqual(35);
    for (const [path, methods] of paths) {
      const method = OTHER.find((m) => !methods.has(m))!;
      // A token that may use every route, so the answer is about the method alone.
      const res = await call(path.replace(/\{\w+\}/g, 'x'), { method, token: 'demo-admin', body: method === 'GET' ? undefined : '{}' });
      const text = await res.text();
      expect({ path, method, status: res.status, type: res.headers.get('Content-Type') }).toEqual({
        path,
        method,
        status: 405,
        type: expect.stringMatching(/^application\/json/),
      });
      expect(JSON.parse(text).error.code).toBe('method_not_allowed');
      const allow = new Set([...methods, ...(methods.has('GET') ? ['HEAD'] : [])]);
      expect({ path, allow: res.headers.get('Allow')?.split(', ').sort() }).toEqual({ path, allow: [...allow].sort() });
    }
  });

  it('still answers HEAD where GET exists, and a CORS preflight where CORS is', async () => {
    expect((await call('/v1/health', { method: 'HEAD' })).status).toBe(200);
    const preflight = await call('/v1/responses', { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe('POST');
  });
});

describe('the one validation wrapper', () => {
  it('refuses a bad query with Peil’s error body, never the validator’s own', async () => {
    const res = await call('/v1/aggregates?questionnaire=Geen%20Slug&period=eeuw', { token: 'demo-admin' });
    expect(res.status).toBe(400);
    const body = await res.json<Doc>();
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
    expect(body.error.issues.map((i: { path: unknown[] }) => i.path)).toEqual(expect.arrayContaining([['questionnaire'], ['period']]));
    expect(body.error.issues.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['invalid_format', 'invalid_value']));
    // A parameter given twice is refused, not silently narrowed to one of its values.
    const twice = await call('/v1/aggregates?questionnaire=sociaal-team-kort&team=a&team=b', { token: 'demo-admin' });
    expect([twice.status, (await twice.json<Doc>()).error.code]).toEqual([400, 'validation_failed']);
  });

  it('refuses a bad body of any route with the same codes as a submission', async () => {
    const post = (body: BodyInit, type = 'application/json') =>
      call('/v1/gemeenten/demo/site-keys', { method: 'POST', token: 'demo-admin', body, headers: { 'Content-Type': type } });
    const codeOf = async (res: Response) => [res.status, (await res.json<Doc>()).error.code];
    expect(await codeOf(await post('{"partner":'))).toEqual([400, 'invalid_json']);
    expect(await codeOf(await post('{"partner":"sociaal-team","origins":"https://x.example"}'))).toEqual([400, 'validation_failed']);
    expect(
      await codeOf(await post(JSON.stringify({ partner: 'sociaal-team', origins: ['https://x.example'], pad: 'x'.repeat(17_000) }))),
    ).toEqual([413, 'payload_too_large']);
    expect(await codeOf(await post('partner=sociaal-team', 'application/x-www-form-urlencoded'))).toEqual([415, 'unsupported_media_type']);
  });
});
