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
