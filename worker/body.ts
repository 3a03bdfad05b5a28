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

/** One line of a body read by `readLines`: its text (without CR LF; `cr` if it ended in CR LF), or why it could not be read. */
export type BodyLine = { number: number; text: string; cr: boolean } | { number: number; problem: 'too_long' | 'not_utf8' };

const NEWLINE = 0x0a;

/**
 * Reads the body line by line as it arrives, so memory holds one line (at most `maxLine` bytes) and
 * not the body. A longer line is skipped to its end and reported; so is one that is not UTF-8. Past
 * `limit` bytes it stops with 413: what was read before stays read.
 */
export async function* readLines(c: Context, limit: number, maxLine: number): AsyncGenerator<BodyLine> {
  const declared = Number(c.req.header('Content-Length') ?? '0');
  if (declared > limit) throw new ApiError(413, 'payload_too_large', `The body may be at most ${limit} bytes.`);
  const body = c.req.raw.body;
  if (!body) return;
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let parts: Uint8Array[] = [];
  let lineBytes = 0;
  let tooLong = false;
  let number = 0;
  let size = 0;
  const take = (piece: Uint8Array) => {
    if (tooLong || piece.byteLength === 0) return;
    lineBytes += piece.byteLength;
    if (lineBytes > maxLine) {
      tooLong = true;
      parts = [];
    } else parts.push(piece);
  };
  const finish = (): BodyLine => {
    number += 1;
    const line = { number, tooLong, parts, lineBytes };
    parts = [];
    lineBytes = 0;
    tooLong = false;
    if (line.tooLong) return { number, problem: 'too_long' };
    const bytes = new Uint8Array(line.lineBytes);
    let at = 0;
    for (const part of line.parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    try {
      const text = decoder.decode(bytes);
      const cr = text.endsWith('\r');
      return { number, text: cr ? text.slice(0, -1) : text, cr };
    } catch {
      return { number, problem: 'not_utf8' };
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new ApiError(
          413,
          'payload_too_large',
          `The body may be at most ${limit} bytes; the lines before line ${number + 1} were read.`,
        );
      }
      let start = 0;
      for (let end = value.indexOf(NEWLINE); end !== -1; end = value.indexOf(NEWLINE, start)) {
        take(value.subarray(start, end));
        yield finish();
        start = end + 1;
      }
      take(value.subarray(start));
    }
    if (lineBytes > 0 || tooLong) yield finish();
  } finally {
    reader.releaseLock();
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
    return validator('query', schema, (result, c) => {
      // A parameter given twice is refused rather than read as one of its values.
      const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1);
      if (repeated.length) {
        throw new ApiError(
          400,
          'validation_failed',
          'Each query parameter may be given once.',
          repeated.map(([name]) => ({ code: 'duplicate_parameter', path: [name], message: 'given more than once' })),
        );
      }
      if (!result.success) {
        // A date that does not exist, or a range that ends before it starts, has its own code.
        const issues = zodIssues(result.error);
        const code = issues.some((i) => i.code === 'invalid_date') ? 'invalid_date' : 'validation_failed';
        throw new ApiError(400, code, 'The query parameters are not valid.', issues);
      }
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
