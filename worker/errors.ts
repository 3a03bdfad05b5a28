import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ErrorIssue } from '../schemas/errors.js';

/** An error the API reports as `{"error":{"code","message","issues"}}`; `onError` owns the mapping. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
  }
}

export function errorBody(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
  return { error: issues?.length ? { code, message, issues } : { code, message } };
}

interface ZodIssueLike {
  code?: unknown;
  path?: readonly (PropertyKey | { key: PropertyKey })[];
  message: string;
  params?: { code?: string };
}

/** The issue code the API reports: a refinement may name its own (`invalid_date`), so a client can tell it apart. */
function issueCode(i: ZodIssueLike): string {
  return i.params?.code ?? (typeof i.code === 'string' ? i.code : 'invalid');
}

/**
 * Converts zod issues to the API's issue shape. Issues that come through Standard Schema are zod's own
 * at run time, but typed without their code.
 */
export function zodIssues(issues: readonly ZodIssueLike[]): ErrorIssue[] {
  return issues.map((i) => ({
    code: issueCode(i),
    path: (i.path ?? []).map((segment) => {
      const p = typeof segment === 'object' ? segment.key : segment;
      return typeof p === 'number' ? p : String(p);
    }),
    message: i.message,
  }));
}
