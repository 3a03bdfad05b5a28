import { z } from 'zod';
import { ERROR_CODES } from './constants.js';

export { ERROR_CODES };

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  item: z.string().optional(),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    issues: z.array(ErrorIssue).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
