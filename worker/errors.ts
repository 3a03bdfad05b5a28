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

/**
 * Converts zod issues to the API's issue shape. Issues that come through Standard Schema are zod's own
 * at run time, but typed without their code.
 */
export function zodIssues(issues: readonly { code?: unknown; path?: readonly (PropertyKey | { key: PropertyKey })[]; message: string }[]): ErrorIssue[] {
  return issues.map((i) => ({
    code: typeof i.code === 'string' ? i.code : 'invalid',
    path: (i.path ?? []).map((segment) => {
      const p = typeof segment === 'object' ? segment.key : segment;
      return typeof p === 'number' ? p : String(p);
    }),
    message: i.message,
  }));
}
