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

/** Converts zod issues to the API's issue shape. */
export function zodIssues(issues: readonly { code: string; path: readonly PropertyKey[]; message: string }[]): ErrorIssue[] {
  return issues.map((i) => ({
    code: i.code,
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
  }));
}
