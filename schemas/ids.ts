import { z } from 'zod';
import { ITEM_ID_PATTERN, QUESTIONNAIRE_ID_PATTERN, SLUG_PATTERN } from './constants.js';

/** The id of a gemeente, partner, team or option. */
export const Slug = z.string().regex(SLUG_PATTERN, 'lowercase letters, digits, - and _');

export const QuestionnaireId = z.string().regex(QUESTIONNAIRE_ID_PATTERN, 'lowercase letters, digits and -');

export const ItemId = z
  .string()
  .regex(ITEM_ID_PATTERN, 'lowercase letters, digits and _ , starting with a letter')
  // Answers are plain objects keyed by item id; `constructor` would collide with Object.prototype.
  .refine((id) => !(id in Object.prototype), 'this id is reserved');

/**
 * A response's UUID, in lower case: the same UUID written in capitals is the same response, so it is
 * never stored twice.
 */
export const SubmissionId = z.uuid().toLowerCase();

const ExistingDay = z.iso.date();

/**
 * A calendar day as YYYY-MM-DD, the finest time Peil keeps. A day of the right shape that does not
 * exist (2026-02-30, 2026-13-45) is an `invalid_date`, not a malformed value.
 */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date as YYYY-MM-DD', abort: true })
  .refine((day) => ExistingDay.safeParse(day).success, { message: 'a date that exists', params: { code: 'invalid_date' } });
