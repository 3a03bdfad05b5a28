import type { MiddlewareHandler } from 'hono';
import { describeRoute, resolver, uniqueSymbol, type DescribeRouteOptions } from 'hono-openapi';
import { z } from 'zod';
import type { ErrorCode } from '../schemas/errors.js';
import type { PrincipalRole } from './auth.js';

/** Groups of the API reference, in reading order. */
export const TAGS = {
  submit: 'What a partner’s site and its clients use: the questionnaire, submissions, one-time invites.',
  report: 'Suppressed figures for the dashboard, live and as CSV.',
  data: 'The gemeente’s own data: imports, exports, retention, deletes.',
  questionnaires: 'Drafts, versions, publishing and closing of a gemeente’s questionnaires; the default templates.',
  tenants: 'Gemeenten, partners, teams, site keys and tokens.',
  meta: 'Health and this description.',
  pages: 'HTML pages Peil serves itself.',
} as const;
export type Tag = keyof typeof TAGS;

/** `[status, code]`: a refusal an operation may answer with. */
export type Refusal = [number, ErrorCode];

/** What Peil adds to an operation for the document to turn into responses and security. */
export interface PeilSpec {
  'x-peil-errors'?: Refusal[];
  'x-roles'?: PrincipalRole[];
}

/**
 * Names of component schemas in the document. Kept apart from zod's global registry, so naming a
 * schema for the document changes nothing elsewhere.
 */
export const componentNames = z.registry<{ id: string }>();

/** A zod schema as hono-openapi resolves it into the document, named when it has a component name. */
export const schemaOf = (schema: z.ZodType) => resolver(schema, { options: { metadata: componentNames } });

/** Attaches a piece of the OpenAPI description to a middleware; hono-openapi merges all of a route's pieces. */
export function described<M extends MiddlewareHandler>(middleware: M, spec: DescribeRouteOptions & PeilSpec): M {
  return Object.assign(middleware, { [uniqueSymbol]: { spec } });
}

type Success = string | { description: string; schema?: z.ZodType; type?: string };

export interface RouteDescription {
  summary: string;
  tag: Tag;
  description?: string;
  /** Success responses by status: a description, optionally with the body's media type and schema. */
  ok: Record<number, Success>;
  /**
   * What the handler itself refuses with. Refusals of the middleware in front of it (token, gemeente,
   * body, query) come from that middleware.
   */
  errors?: Refusal[];
  /** A body the handler reads itself (NDJSON lines), by media type and the schema of one line. */
  body?: { type: string; schema: z.ZodType; description: string };
}

/** The route's own part of its OpenAPI operation, placed in front of its handler. */
export function route(d: RouteDescription): MiddlewareHandler {
  const responses: NonNullable<DescribeRouteOptions['responses']> = {};
  for (const [status, s] of Object.entries(d.ok)) {
    const ok = typeof s === 'string' ? { description: s } : s;
    const type = ok.type ?? (ok.schema ? 'application/json' : undefined);
    responses[status] = {
      description: ok.description,
      ...(type ? { content: { [type]: ok.schema ? { schema: schemaOf(ok.schema) } : {} } } : {}),
    };
  }
  const spec: DescribeRouteOptions & PeilSpec = {
    summary: d.summary,
    tags: [d.tag],
    ...(d.description ? { description: d.description } : {}),
    ...(d.body
      ? {
          requestBody: { required: true, description: d.body.description, content: { [d.body.type]: { schema: schemaOf(d.body.schema) } } },
        }
      : {}),
    responses,
    'x-peil-errors': d.errors ?? [],
  };
  return describeRoute(spec);
}
