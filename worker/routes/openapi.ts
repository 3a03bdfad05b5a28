import { Hono } from 'hono';
import { z } from 'zod';
import { ERROR_CODES, ErrorBody, type ErrorCode } from '../../schemas/errors.js';
import { PublishedQuestionnaire, QuestionnaireDefinition } from '../../schemas/questionnaire.js';
import { ImportLine, Submission, SubmissionResult } from '../../schemas/response.js';
import type { AppEnv } from '../context.js';
import { AggregateQuery } from './aggregates.js';
import { HeldDecision } from './held.js';
import { InviteCreate } from './invites.js';
import { OpenTextsQuery, ReviewBody } from './open-texts.js';
import { GemeenteCreate, GemeenteUpdate, PartnerCreate, RetentionUpdate, SiteKeyCreate, SiteKeyUpdate, TeamsAdd, TokenCreate } from './tenants.js';

/** What each code means; the widget and dashboard choose their own localized text by code. */
export const ERROR_DESCRIPTIONS: Partial<Record<ErrorCode, string>> = {
  bad_request: 'The request is malformed in a way no other code describes (e.g. a WebSocket route called without Upgrade).',
  invalid_json: 'The body (or an NDJSON line) is not valid JSON or not valid UTF-8.',
  unsupported_media_type: 'The Content-Type is not one this route accepts.',
  payload_too_large: 'The body is larger than the route allows (16 kB for a submission).',
  validation_failed: 'The body or query does not have the expected shape; `issues` lists each problem with its path.',
  invalid_date: 'A date in the query does not exist (2026-02-30, 2026-13-45), or a range ends before it starts; `issues` names the parameter.',
  unauthorized: 'No bearer token, or one that is unknown or revoked.',
  token_expired: 'The bearer token has passed its expiry (`expiresAt`); an admin can rotate it for a new one.',
  forbidden: 'The token is valid but may not do this, or asks for another gemeente or partner.',
  not_found: 'No such route, or no such resource within the token’s gemeente.',
  method_not_allowed: 'The route exists but not with this method.',
  unknown_site_key: 'The site key is missing, unknown or revoked.',
  origin_not_allowed: 'The request’s Origin is not one of the site key’s origins.',
  team_not_allowed: 'The team does not belong to the site key’s partner (or to the gemeente, on import).',
  questionnaire_not_found: 'No such questionnaire in this gemeente, or it is not published.',
  version_not_found: 'The questionnaire has no such published version.',
  questionnaire_closed: 'The questionnaire no longer takes answers.',
  not_a_draft: 'There is no draft to publish.',
  incompatible_change: 'A new version changes an item in a way that would break trends.',
  already_exists: 'A gemeente, partner or team with this id already exists.',
  submission_conflict: 'The submission id is already used for different content.',
  invite_invalid: 'The invite is unknown, or for another questionnaire, partner or team.',
  invite_used: 'The invite has already been used for another response.',
  invite_expired: 'The invite has expired.',
  invite_required: 'This site key takes only responses with a one-time invite (`inviteRequired`).',
  rate_limited: 'Too many submissions from this site key or client; try again in a minute.',
  unknown_item: 'An answer names an item that is not in this version.',
  invalid_value: 'An answer value does not fit its item.',
  hidden_item_answered: 'An item that was not shown (by showIf or context) was answered.',
  required_missing: 'A required item was not answered.',
  text_too_long: 'An open answer is longer than its item allows.',
  period_not_allowed:
    'A partner viewer or public token reads whole calendar periods only (a month, quarter, year, or twelve months up to this one), never by day or week.',
  combination_not_allowed: 'A partner viewer or public token filters or breaks down on one dimension at a time, and not by partner.',
  internal_error: 'Something failed on the server; nothing was stored.',
};

/** `public`: no token at all; `publicToken`: a token of the read-only role `public` (an embedded figure). */
type Auth = 'public' | 'operator' | 'admin' | 'viewer' | 'publicToken';
type Params = { name: string; in: 'path' | 'query'; required: boolean; schema: unknown; description?: string }[];
interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  auth: Auth[];
  params?: Params;
  body?: { schema: string; type?: string };
  ok: Record<number, { description: string; schema?: string; type?: string }>;
  errors: [number, ErrorCode][];
}

const jsonSchema = (s: z.ZodType): Record<string, unknown> => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

function queryParams(schema: z.ZodObject): Params {
  const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: js.required?.includes(name) ?? false, schema: s }));
}
const path = (...names: string[]): Params => names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
const query = (name: string, required = false, description?: string): Params[number] => ({
  name,
  in: 'query',
  required,
  schema: { type: 'string' },
  ...(description ? { description } : {}),
});
const gemeenteParam = query('gemeente', false, 'Required for operator tokens: the gemeente to act for.');
const questionnaireParam = query('questionnaire', true);

const AUTH: [number, ErrorCode][] = [
  [401, 'unauthorized'],
  [403, 'forbidden'],
];
const BODY: [number, ErrorCode][] = [
  [415, 'unsupported_media_type'],
  [413, 'payload_too_large'],
  [400, 'invalid_json'],
  [400, 'validation_failed'],
];
const ADMIN: Auth[] = ['operator', 'admin'];

/** A gemeente-admin download of one questionnaire's data. */
function adminExport(path: string, summary: string, description: string, type: string): Operation {
  return {
    method: 'get',
    path,
    summary,
    tag: 'data',
    auth: ADMIN,
    params: [questionnaireParam, gemeenteParam],
    ok: { 200: { description, type } },
    errors: [...AUTH, [400, 'validation_failed'], [404, 'questionnaire_not_found']],
  };
}

const SCHEMAS: Record<string, z.ZodType> = {
  ErrorBody,
  Submission,
  SubmissionResult,
  ImportLine,
  PublishedQuestionnaire,
  QuestionnaireDefinition,
  GemeenteCreate,
  PartnerCreate,
  TeamsAdd,
  SiteKeyCreate,
  SiteKeyUpdate,
  TokenCreate,
  GemeenteUpdate,
  RetentionUpdate,
  InviteCreate,
  ReviewBody,
  HeldDecision,
};
const PROTECTED: [number, ErrorCode][] = [
  [400, 'period_not_allowed'],
  [400, 'combination_not_allowed'],
];

const OPERATIONS: Operation[] = [
  { method: 'get', path: '/v1/health', summary: 'Health check', tag: 'meta', auth: ['public'], ok: { 200: { description: '{"ok":true}' } }, errors: [] },
  { method: 'get', path: '/v1/openapi.json', summary: 'This document', tag: 'meta', auth: ['public'], ok: { 200: { description: 'OpenAPI 3.1' } }, errors: [] },
  {
    method: 'get',
    path: '/v1/questionnaires/{id}',
    summary: 'A published questionnaire as a partner’s clients see it (ETag, cacheable)',
    tag: 'submit',
    auth: ['public'],
    params: [...path('id'), query('siteKey', true), query('team'), query('version')],
    ok: { 200: { description: 'The definition with placeholders filled', schema: 'PublishedQuestionnaire' }, 304: { description: 'Not modified' } },
    errors: [[401, 'unknown_site_key'], [404, 'questionnaire_not_found'], [404, 'version_not_found'], [422, 'team_not_allowed'], [400, 'validation_failed']],
  },
  {
    method: 'post',
    path: '/v1/responses',
    summary: 'Submit a response (idempotent on submissionId); public, bound to the site key’s origins',
    tag: 'submit',
    auth: ['public'],
    body: { schema: 'Submission' },
    ok: {
      201: { description: 'Stored', schema: 'SubmissionResult' },
      200: { description: 'A repeat of a stored submissionId: the original result', schema: 'SubmissionResult' },
    },
    errors: [
      ...BODY,
      [401, 'unknown_site_key'],
      [403, 'origin_not_allowed'],
      [403, 'invite_required'],
      [429, 'rate_limited'],
      [403, 'invite_invalid'],
      [409, 'invite_used'],
      [410, 'invite_expired'],
      [404, 'questionnaire_not_found'],
      [404, 'version_not_found'],
      [410, 'questionnaire_closed'],
      [422, 'team_not_allowed'],
      [422, 'unknown_item'],
      [422, 'invalid_value'],
      [422, 'hidden_item_answered'],
      [422, 'required_missing'],
      [422, 'text_too_long'],
    ],
  },
  {
    method: 'delete',
    path: '/v1/responses/{submissionId}',
    summary: 'Delete one response; it leaves the counts in the same transaction',
    tag: 'data',
    auth: ADMIN,
    params: [...path('submissionId'), questionnaireParam, gemeenteParam],
    ok: { 200: { description: '{submissionId, deleted: true}' } },
    errors: [...AUTH, [400, 'validation_failed'], [404, 'questionnaire_not_found'], [404, 'not_found']],
  },
  {
    method: 'post',
    path: '/v1/import',
    summary: 'Import telephone and paper interviews as NDJSON, streamed; a bounded summary with the first refused lines',
    tag: 'data',
    auth: ADMIN,
    params: [questionnaireParam, gemeenteParam],
    body: { schema: 'ImportLine', type: 'application/x-ndjson' },
    ok: {
      200: {
        description:
          '{lines, stored, duplicates, accepted, refused, refusedByCode: {code: n}, refusedLines: [{line, submissionId?, code, message, issues?}] (the first 100 at most), refusedLinesOmitted}',
      },
    },
    errors: [...AUTH, [415, 'unsupported_media_type'], [413, 'payload_too_large'], [400, 'validation_failed'], [404, 'questionnaire_not_found']],
  },
  {
    method: 'get',
    path: '/v1/aggregates',
    summary:
      'Aggregates: exact for the gemeente; for a partner viewer or public token only its own partner, through disclosure control (whole periods, released per k new responses, perturbed); CORS for public tokens',
    tag: 'report',
    auth: ['operator', 'admin', 'viewer', 'publicToken'],
    params: queryParams(AggregateQuery),
    ok: { 200: { description: '{n, items, groups?, disclosure?}' } },
    errors: [...AUTH, [400, 'validation_failed'], [400, 'invalid_date'], ...PROTECTED, [404, 'questionnaire_not_found']],
  },
  {
    method: 'get',
    path: '/v1/live',
    summary:
      'WebSocket: the aggregate now and after every change (token also as subprotocol bearer.TOKEN); a protected audience gets a message only when a cell it shows is released',
    tag: 'report',
    auth: ['operator', 'admin', 'viewer', 'publicToken'],
    params: queryParams(AggregateQuery),
    ok: { 101: { description: 'Switching protocols' } },
    errors: [...AUTH, [426, 'bad_request'], [400, 'validation_failed'], [400, 'invalid_date'], ...PROTECTED, [404, 'questionnaire_not_found']],
  },
  adminExport('/v1/export/responses.csv', 'All responses as CSV (streamed)', 'CSV', 'text/csv'),
  adminExport('/v1/export/responses.sps', 'SPSS syntax describing the CSV', 'SPSS syntax', 'text/plain'),
  adminExport('/v1/export/codebook.csv', 'Codebook of the CSV columns and codes', 'CSV', 'text/csv'),
  {
    method: 'get',
    path: '/v1/export/aggregates.csv',
    summary: 'The aggregate as CSV: the same figures as GET /v1/aggregates for the same token',
    tag: 'report',
    auth: ['operator', 'admin', 'viewer'],
    params: queryParams(AggregateQuery),
    ok: { 200: { description: 'CSV', type: 'text/csv' } },
    errors: [...AUTH, [400, 'validation_failed'], [400, 'invalid_date'], ...PROTECTED, [404, 'questionnaire_not_found']],
  },
  {
    method: 'get',
    path: '/v1/retention',
    summary: 'A questionnaire’s retention period',
    tag: 'data',
    auth: ADMIN,
    params: [questionnaireParam, gemeenteParam],
    ok: { 200: { description: '{questionnaire, retentionDays}' } },
    errors: [...AUTH, [400, 'validation_failed'], [404, 'questionnaire_not_found']],
  },
  {
    method: 'put',
    path: '/v1/retention',
    summary: 'Set the retention period; responses older than it are deleted now and daily after',
    tag: 'data',
    auth: ADMIN,
    params: [questionnaireParam, gemeenteParam],
    body: { schema: 'RetentionUpdate' },
    ok: { 200: { description: '{questionnaire, retentionDays, deleted}' } },
    errors: [...AUTH, ...BODY, [404, 'questionnaire_not_found']],
  },
  {
    method: 'post',
    path: '/v1/invites',
    summary: 'Create one-time invite tokens and links for a partner',
    tag: 'submit',
    auth: ['operator', 'admin', 'viewer'],
    params: [gemeenteParam],
    body: { schema: 'InviteCreate' },
    ok: { 201: { description: '{questionnaire, partner, team, expiresAt, invites: [{token, link}]}' } },
    errors: [...AUTH, ...BODY, [404, 'questionnaire_not_found'], [404, 'not_found'], [422, 'team_not_allowed']],
  },
  {
    method: 'get',
    path: '/v1/invites',
    summary: 'How many invites were created, used and expired',
    tag: 'submit',
    auth: ['operator', 'admin', 'viewer'],
    params: [questionnaireParam, gemeenteParam, query('partner')],
    ok: { 200: { description: '{total, used, expired, open}' } },
    errors: [...AUTH, [400, 'validation_failed']],
  },
  {
    method: 'get',
    path: '/v1/held',
    summary: 'Bursts held out of protected figures: many submissions from one source into one site key × team',
    tag: 'data',
    auth: ADMIN,
    params: [questionnaireParam, gemeenteParam],
    ok: { 200: { description: '{questionnaire, held, bursts: [{burst, count, from, to, partner, team}]}' } },
    errors: [...AUTH, [400, 'validation_failed'], [404, 'questionnaire_not_found']],
  },
  {
    method: 'post',
    path: '/v1/held/accept',
    summary: 'Accept a held burst: partners and public pages see its responses from now on',
    tag: 'data',
    auth: ADMIN,
    params: [questionnaireParam, gemeenteParam],
    body: { schema: 'HeldDecision' },
    ok: { 200: { description: '{questionnaire, burst, accepted}' } },
    errors: [...AUTH, ...BODY, [404, 'questionnaire_not_found'], [404, 'not_found']],
  },
  {
    method: 'post',
    path: '/v1/held/reject',
    summary: 'Reject a held burst: its responses are deleted and leave the counts',
    tag: 'data',
    auth: ADMIN,
    params: [questionnaireParam, gemeenteParam],
    body: { schema: 'HeldDecision' },
    ok: { 200: { description: '{questionnaire, burst, rejected}' } },
    errors: [...AUTH, ...BODY, [404, 'questionnaire_not_found'], [404, 'not_found']],
  },
  {
    method: 'post',
    path: '/v1/gemeenten',
    summary: 'Create a gemeente and its first admin token (shown once)',
    tag: 'tenants',
    auth: ['operator'],
    body: { schema: 'GemeenteCreate' },
    ok: { 201: { description: '{id, name, k, adminToken, tokenId}' } },
    errors: [...AUTH, ...BODY, [409, 'already_exists']],
  },
  {
    method: 'get',
    path: '/v1/gemeenten',
    summary: 'Gemeenten the token may see (an admin: its own)',
    tag: 'tenants',
    auth: ADMIN,
    ok: { 200: { description: '{gemeenten: [...]}' } },
    errors: AUTH,
  },
  { method: 'get', path: '/v1/gemeenten/{id}', summary: 'One gemeente', tag: 'tenants', auth: ADMIN, params: path('id'), ok: { 200: { description: '{id, name, k, openTextReview}' } }, errors: [...AUTH, [404, 'not_found']] },
  {
    method: 'patch',
    path: '/v1/gemeenten/{id}',
    summary: 'Settings: openTextReview (open texts reach partner viewers only after an admin released them)',
    tag: 'tenants',
    auth: ADMIN,
    params: path('id'),
    body: { schema: 'GemeenteUpdate' },
    ok: { 200: { description: '{id, name, k, openTextReview}' } },
    errors: [...AUTH, ...BODY, [404, 'not_found']],
  },
  {
    method: 'get',
    path: '/v1/open-texts',
    summary: 'Open texts in one review state (pending, released, withheld), newest first',
    tag: 'report',
    auth: ADMIN,
    params: queryParams(OpenTextsQuery),
    ok: { 200: { description: '{questionnaire, review, texts: [{submissionId, item, day, partner, team, text, review}]}' } },
    errors: [...AUTH, [400, 'validation_failed'], [404, 'questionnaire_not_found']],
  },
  ...(['release', 'hold'] as const).map(
    (action): Operation => ({
      method: 'post',
      path: `/v1/open-texts/${action}`,
      summary: action === 'release' ? 'Release open texts for partner viewers ("vrijgeven")' : 'Hold open texts back from partner viewers',
      tag: 'report',
      auth: ADMIN,
      params: [gemeenteParam],
      body: { schema: 'ReviewBody' },
      ok: { 200: { description: '{questionnaire, review, changed}' } },
      errors: [...AUTH, ...BODY, [404, 'questionnaire_not_found']],
    }),
  ),
  {
    method: 'get',
    path: '/v1/gemeenten/{id}/partners',
    summary: 'Partners with their teams',
    tag: 'tenants',
    auth: ADMIN,
    params: path('id'),
    ok: { 200: { description: '{partners: [{id, name, organisatie, teams}]}' } },
    errors: [...AUTH, [404, 'not_found']],
  },
  {
    method: 'post',
    path: '/v1/gemeenten/{id}/partners',
    summary: 'Create a partner with teams, a site key and a viewer token (shown once)',
    tag: 'tenants',
    auth: ADMIN,
    params: path('id'),
    body: { schema: 'PartnerCreate' },
    ok: { 201: { description: '{id, teams, origins, siteKey, viewerToken, viewerTokenId}' } },
    errors: [...AUTH, ...BODY, [404, 'not_found'], [409, 'already_exists']],
  },
  {
    method: 'post',
    path: '/v1/gemeenten/{id}/partners/{partner}/teams',
    summary: 'Add teams to a partner',
    tag: 'tenants',
    auth: ADMIN,
    params: path('id', 'partner'),
    body: { schema: 'TeamsAdd' },
    ok: { 201: { description: '{partner, teams}' } },
    errors: [...AUTH, ...BODY, [404, 'not_found'], [409, 'already_exists']],
  },
  {
    method: 'get',
    path: '/v1/gemeenten/{id}/site-keys',
    summary: 'Site keys with their origins, revoked ones included',
    tag: 'tenants',
    auth: ADMIN,
    params: [...path('id'), query('partner')],
    ok: { 200: { description: '{siteKeys: [{siteKey, partner, origins, createdAt, revokedAt}]}' } },
    errors: [...AUTH, [404, 'not_found']],
  },
  {
    method: 'post',
    path: '/v1/gemeenten/{id}/site-keys',
    summary: 'Add a site key for a partner',
    tag: 'tenants',
    auth: ADMIN,
    params: path('id'),
    body: { schema: 'SiteKeyCreate' },
    ok: { 201: { description: '{siteKey, partner, origins}' } },
    errors: [...AUTH, ...BODY, [404, 'not_found']],
  },
  {
    method: 'patch',
    path: '/v1/gemeenten/{id}/site-keys/{key}',
    summary: 'Replace a site key’s origins',
    tag: 'tenants',
    auth: ADMIN,
    params: path('id', 'key'),
    body: { schema: 'SiteKeyUpdate' },
    ok: { 200: { description: '{siteKey, origins}' } },
    errors: [...AUTH, ...BODY, [404, 'not_found']],
  },
  {
    method: 'delete',
    path: '/v1/gemeenten/{id}/site-keys/{key}',
    summary: 'Revoke a site key',
    tag: 'tenants',
    auth: ADMIN,
    params: path('id', 'key'),
    ok: { 200: { description: '{siteKey, revoked: true}' } },
    errors: [...AUTH, [404, 'not_found']],
  },
  {
    method: 'get',
    path: '/v1/gemeenten/{id}/tokens',
    summary: 'Tokens (hint and label only; secrets are never shown again)',
    tag: 'tenants',
    auth: ADMIN,
    params: path('id'),
    ok: { 200: { description: '{tokens: [{id, role, partner, label, hint, createdAt, revokedAt}]}' } },
    errors: [...AUTH, [404, 'not_found']],
  },
  {
    method: 'post',
    path: '/v1/gemeenten/{id}/tokens',
    summary: 'Create an admin or partner viewer token (shown once)',
    tag: 'tenants',
    auth: ADMIN,
    params: path('id'),
    body: { schema: 'TokenCreate' },
    ok: { 201: { description: '{id, role, partner, token}' } },
    errors: [...AUTH, ...BODY, [404, 'not_found']],
  },
  {
    method: 'post',
    path: '/v1/gemeenten/{id}/tokens/{tokenId}/rotate',
    summary: 'Replace a token’s secret; the old one stops working at once',
    tag: 'tenants',
    auth: ADMIN,
    params: path('id', 'tokenId'),
    ok: { 200: { description: '{id, token, expiresAt}: the same term, counted from now; its live connections are closed' } },
    errors: [...AUTH, [404, 'not_found']],
  },
  {
    method: 'delete',
    path: '/v1/gemeenten/{id}/tokens/{tokenId}',
    summary: 'Revoke a token',
    tag: 'tenants',
    auth: ADMIN,
    params: path('id', 'tokenId'),
    ok: { 200: { description: '{id, revoked: true}' } },
    errors: [...AUTH, [404, 'not_found']],
  },
  ...adminQuestionnaireOperations(),
];

/** The questionnaire admin API (worker/routes/questionnaires-admin.ts); bodies are definitions or drafts. */
function adminQuestionnaireOperations(): Operation[] {
  const base = '/v1/admin/questionnaires';
  const errs: [number, ErrorCode][] = [...AUTH, [404, 'not_found'], [404, 'questionnaire_not_found']];
  const op = (method: Operation['method'], p: string, summary: string, extra: Partial<Operation> = {}): Operation => ({
    method,
    path: `${base}${p}`,
    summary,
    tag: 'questionnaires',
    auth: ADMIN,
    params: [...path(...[...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1])), gemeenteParam],
    ok: { 200: { description: 'OK' } },
    errors: errs,
    ...extra,
  });
  return [
    op('get', '', 'Questionnaires of the gemeente'),
    op('post', '', 'Create from a template or a definition, optionally publishing it', {
      ok: { 201: { description: 'Summary' } },
      errors: [...errs, ...BODY, [409, 'already_exists'], [422, 'validation_failed']],
    }),
    op('get', '/{id}', 'One questionnaire'),
    op('get', '/{id}/versions', 'Published versions'),
    op('get', '/{id}/versions/{version}', 'One published version', { errors: [...errs, [404, 'version_not_found']] }),
    op('get', '/{id}/draft', 'The draft'),
    op('post', '/{id}/draft', 'Start a draft from the latest version', { ok: { 200: { description: 'Existing draft' }, 201: { description: 'New draft' } } }),
    op('put', '/{id}/draft', 'Replace the draft', { body: { schema: 'QuestionnaireDefinition' }, errors: [...errs, ...BODY, [422, 'validation_failed']] }),
    op('delete', '/{id}/draft', 'Discard the draft'),
    op('post', '/{id}/publish', 'Publish the draft as the next version', {
      ok: { 201: { description: 'Summary with the new version' } },
      errors: [...errs, [409, 'not_a_draft'], [422, 'incompatible_change'], [422, 'validation_failed']],
    }),
    op('post', '/{id}/close', 'Stop taking answers'),
    op('post', '/{id}/open', 'Take answers again'),
    op('get', '/{id}/integrity', 'Stored responses against the cube count (equal unless something drifted)'),
    { ...op('get', '', 'Templates from the item bank'), path: '/v1/templates', auth: ['public'], params: [], errors: [] },
    { ...op('get', '', 'One template'), path: '/v1/templates/{id}', auth: ['public'], params: path('id'), errors: [[404, 'not_found']] },
  ];
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function operationObject(o: Operation) {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(o.ok)) {
    responses[status] = {
      description: r.description,
      ...(r.schema ? { content: { [r.type ?? 'application/json']: { schema: ref(r.schema) } } } : {}),
    };
  }
  const errors = [...o.errors, [404, 'not_found'] as [number, ErrorCode], [500, 'internal_error'] as [number, ErrorCode]];
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const [status, code] of errors) byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  for (const [status, codes] of byStatus) {
    const list = [...codes];
    responses[String(status)] = {
      description: list.map((c) => `\`${c}\`: ${ERROR_DESCRIPTIONS[c] ?? ''}`).join('\n\n'),
      'x-error-codes': list,
      content: { 'application/json': { schema: ref('ErrorBody') } },
    };
  }
  return {
    operationId: `${o.method}${o.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
    summary: o.summary,
    tags: [o.tag],
    security: o.auth.includes('public') ? [] : [{ bearer: [] }],
    ...(o.auth.includes('public') ? {} : { 'x-roles': o.auth }),
    ...(o.params?.length ? { parameters: o.params } : {}),
    ...(o.body ? { requestBody: { required: true, content: { [o.body.type ?? 'application/json']: { schema: ref(o.body.schema) } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document; its schemas are generated from the same zod schemas that validate requests. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const o of OPERATIONS) (paths[o.path] ??= {})[o.method] = operationObject(o);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Peil API',
      version: '1',
      description:
        'Client-experience surveys for Dutch municipal social teams. Errors are `{"error":{"code","message","issues?"}}` with a stable code; ' +
        'never a 5xx for bad input. Tokens: operator (all gemeenten), gemeente admin (everything of its gemeente, exact figures), partner viewer (its own ' +
        'partner’s disclosure-controlled aggregates and invites), public (only its partner’s disclosure-controlled aggregates, for embedding; CORS). ' +
        'Submissions need no token: the site key in the body and its origins bind them.',
      'x-error-codes': Object.fromEntries(ERROR_CODES.map((c) => [c, ERROR_DESCRIPTIONS[c] ?? ''])),
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { ErrorCode: { type: 'string', enum: [...ERROR_CODES] }, ...Object.fromEntries(Object.entries(SCHEMAS).map(([k, s]) => [k, jsonSchema(s)])) },
    },
    paths,
  };
}

let cached: string | undefined;

export const openapi = new Hono<AppEnv>().get('/', (c) => {
  cached ??= JSON.stringify(openApiDocument());
  return c.body(cached, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
});
