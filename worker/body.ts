import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, zodIssues } from './errors.js';

export const MAX_BODY_BYTES = 16 * 1024;

/** Reads the body as text within a byte limit, without trusting Content-Length alone. */
export async function readText(c: Context, limit: number): Promise<string> {
  const declared = Number(c.req.header('Content-Length') ?? '0');
  if (declared > limit) throw new ApiError(413, 'payload_too_large', `The body may be at most ${limit} bytes.`);
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ApiError(413, 'payload_too_large', `The body may be at most ${limit} bytes.`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(all);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid UTF-8.');
  }
}

/** One line of a body read by `readLines`: its text, or why it could not be read. */
export type BodyLine = { number: number; text: string } | { number: number; problem: 'too_long' | 'not_utf8' };

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
      return { number, text: decoder.decode(bytes).replace(/\r$/, '') };
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
        throw new ApiError(413, 'payload_too_large', `The body may be at most ${limit} bytes; the lines before line ${number + 1} were read.`);
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

/**
 * Reads a JSON body and validates it. `text/plain` is accepted too, because `navigator.sendBeacon`
 * cannot send `application/json` across origins without a preflight.
 */
export async function readJson<T extends z.ZodType>(c: Context, schema: T, limit = MAX_BODY_BYTES): Promise<z.infer<T>> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/plain') {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const text = await readText(c, limit);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError(400, 'validation_failed', 'The body does not have the expected shape.', zodIssues(parsed.error.issues));
  return parsed.data;
}

/**
 * Validates query parameters with the same error shape as bodies. A parameter given twice is refused
 * rather than read as its first value; a date that does not exist, or a range that ends before it
 * starts, answers `invalid_date`.
 */
export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1);
  if (repeated.length) {
    throw new ApiError(
      400,
      'validation_failed',
      'Each query parameter may be given once.',
      repeated.map(([name]) => ({ code: 'duplicate_parameter', path: [name], message: 'given more than once' })),
    );
  }
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const issues = zodIssues(parsed.error.issues);
    const code = issues.some((i) => i.code === 'invalid_date') ? 'invalid_date' : 'validation_failed';
    throw new ApiError(400, code, 'The query parameters are not valid.', issues);
  }
  return parsed.data;
}
