import { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import { z } from 'zod';
import { ERROR_CODES, ErrorBody, type ErrorCode } from '../../schemas/errors.js';
import { PublishedQuestionnaire, QuestionnaireDefinition } from '../../schemas/questionnaire.js';
import { ImportLine, Submission, SubmissionResult } from '../../schemas/response.js';
import type { AppEnv } from '../context.js';
import { TAGS, componentNames, route, type PeilSpec } from '../describe.js';
import { InviteCreate } from './invites.js';
import {
  GemeenteCreate,
  GemeenteUpdate,
  PartnerCreate,
  RetentionUpdate,
  SiteKeyCreate,
  SiteKeyUpdate,
  TeamsAdd,
  TokenCreate,
} from './tenants.js';
import { WeightsUpdate } from './weights.js';

/** What each code means; the widget and dashboard choose their own localized text by code. */
export const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  bad_request:
    'The request is malformed in a way no other code describes: an operator token that names no gemeente, or a WebSocket route called without Upgrade.',
  invalid_json: 'The body (or an NDJSON line) is not valid JSON or not valid UTF-8.',
  invalid_csv:
    'A CSV import is not in the layout of the responses export: no header, a column twice or missing, a row with another number of fields, an unclosed quote.',
  unknown_column: 'A CSV import has a column the responses export does not write; the issues name it.',
  unsupported_media_type: 'The Content-Type is not one this route accepts.',
  payload_too_large: 'The body is larger than the route allows (16 kB for a submission).',
  validation_failed: 'The body or query does not have the expected shape; `issues` lists each problem with its path.',
  unauthorized: 'No bearer token, or one that is unknown or revoked.',
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
  locked_item: 'A new version rewords or drops a locked item of a CEO core module (ceo-wmo, mcjo-ouders, mcjo-jongeren).',
  jeugd_per_partner:
    'The Jeugdwet forbids client-experience results per aanbieder: a jeugd questionnaire has no figure, breakdown, filter or export per partner.',
  already_exists: 'A gemeente, partner or team with this id already exists.',
  submission_conflict: 'The submission id is already used for different content.',
  invalid_date:
    'A date in the query does not exist (2026-02-30, 2026-13-45), or a range ends before it starts; `issues` names the parameter.',
  token_expired: 'The bearer token has passed its expiry (`expiresAt`); an admin can rotate it for a new one.',
  invite_required: 'This site key takes only responses with a one-time invite (`inviteRequired`).',
  kiosk_not_registered:
    'Kiosk mode (`kiosk=1`) needs a site key registered as a kiosk (`kiosk: true`), so its many clients are never rate-limited.',
  period_not_allowed:
    'A partner viewer or public token reads whole calendar periods only (a month, quarter, year, or twelve months up to this one), never by day or week.',
  combination_not_allowed: 'A partner viewer or public token filters or breaks down on one dimension at a time, and not by partner.',
  invite_invalid: 'The invite is unknown, or for another questionnaire, partner or team.',
  invite_used: 'The invite has already been used for another response.',
  invite_expired: 'The invite has expired.',
  rate_limited: 'Too many submissions from this site key or client; try again in a minute.',
  unknown_item: 'An answer names an item that is not in this version.',
  invalid_value: 'An answer value does not fit its item.',
  hidden_item_answered: 'An item that was not shown (by showIf or context) was answered.',
  required_missing: 'A required item was not answered.',
  text_too_long: 'An open answer is longer than its item allows.',
  csrf_failed: 'A change made with a session cookie came without the X-Peil-CSRF header or from another origin; nothing was changed.',
  session_expired: 'The beheer session ended (idle or absolute timeout, or signed out); sign in again.',
  setup_invalid: 'The setup link is not known, was already used, or its account is disabled.',
  setup_expired: 'The setup link has expired; ask a beheerder for a new one.',
  webauthn_failed: 'The passkey response did not verify: unknown passkey, wrong origin, or a challenge already used (a replay).',
  internal_error: 'Something failed on the server; nothing was stored.',
};

/** Schemas the document names, so a reader meets one `Submission` rather than copies of it. */
const COMPONENTS: Record<string, z.ZodType> = {
  Submission,
  SubmissionResult,
  ImportLine,
  PublishedQuestionnaire,
  QuestionnaireDefinition,
  GemeenteCreate,
  GemeenteUpdate,
  PartnerCreate,
  TeamsAdd,
  SiteKeyCreate,
  SiteKeyUpdate,
  TokenCreate,
  RetentionUpdate,
  InviteCreate,
  WeightsUpdate,
};

const jsonSchema = (s: z.ZodType): Record<string, unknown> => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } };

interface ResponseObject {
  description?: string;
  'x-error-codes'?: ErrorCode[];
}
interface Operation extends PeilSpec {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
}

const pascal = (s: string) =>
  s
    .split(/[\W_]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/**
 * Turns the refusals that a route's middleware and handler declared into one response per status,
 * listing every code it may carry; and the roles into security. The operation id is set here too:
 * hono-openapi would give every route under a `.use()` with more than one middleware the same one.
 */
function finish(method: string, path: string, op: Operation): void {
  op.operationId =
    method +
    (path === '/'
      ? 'Index'
      : path
          .split('/')
          .map((s) => (s.startsWith('{') ? `By${pascal(s.slice(1, -1))}` : pascal(s)))
          .join(''));
  const byStatus = new Map<string, Set<ErrorCode>>();
  const add = (status: string | number, code: ErrorCode) => {
    const codes = byStatus.get(String(status)) ?? new Set();
    byStatus.set(String(status), codes.add(code));
  };
  for (const [status, r] of Object.entries(op.responses ?? {})) for (const code of r['x-error-codes'] ?? []) add(status, code);
  for (const [status, code] of op['x-peil-errors'] ?? []) add(status, code);
  add(500, 'internal_error');
  op.responses ??= {};
  for (const [status, codes] of byStatus) {
    const list = [...codes];
    op.responses[status] = {
      description: list.map((c) => `\`${c}\`: ${ERROR_DESCRIPTIONS[c]}`).join('\n\n'),
      'x-error-codes': list,
      content: errorContent,
    } as ResponseObject;
  }
  delete op['x-peil-errors'];
  if (op['x-roles']) op['x-roles'] = [...new Set(op['x-roles'])];
  op.security = op['x-roles'] ? [{ bearer: [] }, { session: [] }] : [];
}

const INFO = {
  title: 'Peil API',
  version: '1',
  description:
    'Client-experience surveys for Dutch municipal social teams. Errors are `{"error":{"code","message","issues?"}}` with a stable code; ' +
    'never a 5xx for bad input. Tokens: operator (all gemeenten), gemeente admin (everything of its gemeente), partner viewer (its own ' +
    'partner’s aggregates and invites). Submissions need no token: the site key in the body and its origins bind them. ' +
    'A path called with a method it does not have answers 405 `method_not_allowed` with an `Allow` header.',
  'x-error-codes': ERROR_DESCRIPTIONS,
};

async function build(app: Hono<AppEnv>) {
  for (const [id, schema] of Object.entries(COMPONENTS)) if (!componentNames.has(schema)) componentNames.add(schema, { id });
  const doc = await generateSpecs(app, {
    documentation: {
      info: INFO,
      servers: [{ url: '/' }],
      tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          // Beheer's session after a passkey sign-in; a change with it also needs the X-Peil-CSRF header.
          session: { type: 'apiKey', in: 'cookie', name: 'peil_session' },
        },
        schemas: { ErrorCode: { type: 'string', enum: [...ERROR_CODES] }, ErrorBody: jsonSchema(ErrorBody) },
      },
    },
    // Paths such as /v1/openapi.json and /v1/export/responses.csv are routes here, not static files.
    excludeStaticFile: false,
    // What hono-openapi adds for a query validator: the validator's refusal, in Peil's error body.
    defaultValidationErrorResponse: { description: '', 'x-error-codes': ['validation_failed'] } as ResponseObject & { description: string },
  });
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops ?? {})) finish(method, path, op as Operation);
  }
  return doc;
}

export type OpenApiDocument = Awaited<ReturnType<typeof build>>;

const documents = new WeakMap<Hono<AppEnv>, Promise<OpenApiDocument>>();

/** The OpenAPI 3.1 document of every route of the app, built from the routes themselves on first use. */
export function openApiDocument(app: Hono<AppEnv>): Promise<OpenApiDocument> {
  let doc = documents.get(app);
  if (!doc) documents.set(app, (doc = build(app)));
  return doc;
}

export const openapi = (app: Hono<AppEnv>) => {
  let json: string | undefined;
  return new Hono<AppEnv>().get(
    '/',
    route({ summary: 'This document', tag: 'meta', ok: { 200: { description: 'OpenAPI 3.1', type: 'application/json' } } }),
    async (c) => {
      json ??= JSON.stringify(await openApiDocument(app));
      return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
    },
  );
};
