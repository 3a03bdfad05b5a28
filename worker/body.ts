import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validator } from 'hono-openapi';
import type { z } from 'zod';
import type { AppEnv } from './context.js';
import { described, schemaOf, type Refusal } from './describe.js';
import { ApiError, zodIssues } from './errors.js';

export const MAX_BODY_BYTES = 16 * 1024;

/** hono's body limit with Peil's error; a body sent without a length is counted as it arrives. */
export function limit(bytes: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new ApiError(413, 'payload_too_large', `The body may be at most ${bytes} bytes.`);
  };
  return described(bodyLimit({ maxSize: bytes, onError: tooLarge }), { 'x-peil-errors': [[413, 'payload_too_large']] });
}

/** The body as UTF-8 text; bytes that are not UTF-8 are refused rather than replaced. */
export async function readText(c: Context): Promise<string> {
  const bytes = await c.req.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid UTF-8.');
  }
}

interface JsonOptions {
  /** Largest body in bytes. */
  limit?: number;
  /** The status of a body that parses but does not fit the schema. */
  invalid?: 400 | 422;
}

type Validated<Target extends 'json' | 'query', T extends z.ZodType> = MiddlewareHandler<
  AppEnv,
  string,
  { in: { [K in Target]: z.input<T> }; out: { [K in Target]: z.output<T> } }
>;

/**
 * The one way a route validates its input, in front of its handler: the handler reads the result
 * with `c.req.valid(target)`, the OpenAPI document reads the schema, and a refusal is always Peil's
 * error body (never the validator's own 400).
 *
 * A JSON body may also come as `text/plain`, because `navigator.sendBeacon` cannot send
 * `application/json` across origins without a preflight.
 */
export function validate<T extends z.ZodType>(target: 'json', schema: T, options?: JsonOptions): Validated<'json', T>;
export function validate<T extends z.ZodType>(target: 'query', schema: T): Validated<'query', T>;
export function validate(target: 'json' | 'query', schema: z.ZodType, options: JsonOptions = {}): MiddlewareHandler {
  if (target === 'query') {
    return validator('query', schema, (result) => {
      if (!result.success) throw new ApiError(400, 'validation_failed', 'The query parameters are not valid.', zodIssues(result.error));
    });
  }
  const { limit: bytes = MAX_BODY_BYTES, invalid = 400 } = options;
  const sized = limit(bytes);
  const errors: Refusal[] = [
    [415, 'unsupported_media_type'],
    [413, 'payload_too_large'],
    [400, 'invalid_json'],
    [invalid, 'validation_failed'],
  ];
  const json: MiddlewareHandler = async (c, next) => {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json' && type !== 'text/plain') {
      throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
    }
    return sized(c, async () => {
      const text = await readText(c);
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        throw new ApiError(invalid, 'validation_failed', 'The body does not have the expected shape.', zodIssues(parsed.error.issues));
      }
      c.req.addValidatedData('json', parsed.data as object);
      await next();
    });
  };
  return described(json, {
    requestBody: {
      required: true,
      description: `JSON, at most ${bytes / 1024} kB; \`text/plain\` is read as JSON too.`,
      content: { 'application/json': { schema: schemaOf(schema) } },
    },
    'x-peil-errors': errors,
  });
}
