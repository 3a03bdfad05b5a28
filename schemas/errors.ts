import { z } from 'zod';

/** Stable error codes of the API. The widget maps each to localized text; never show server prose. */
export const ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'unknown_site_key',
  'origin_not_allowed',
  'team_not_allowed',
  'questionnaire_not_found',
  'version_not_found',
  'questionnaire_closed',
  'not_a_draft',
  'incompatible_change',
  'already_exists',
  'submission_conflict',
  'invite_invalid',
  'invite_used',
  'invite_expired',
  'rate_limited',
  'unknown_item',
  'invalid_value',
  'hidden_item_answered',
  'required_missing',
  'text_too_long',
  'period_not_allowed',
  'combination_not_allowed',
  'internal_error',
] as const;
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
