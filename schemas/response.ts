import { z } from 'zod';
import {
  CONTEXT_OPTIONS,
  allItems,
  effectiveAnswers,
  isShown,
  type AnswerValue,
  type Answers,
  type ContextField,
  type QuestionnaireDefinition,
} from './questionnaire.js';
import type { ErrorIssue } from './errors.js';
import { answerOf, valueProblem } from './logic.js';

import {
  CHANNELS,
  CONTACT_VALUES,
  LANGUAGES,
  LEEFTIJD_VALUES,
  ROLE_VALUES,
  SERVICE_DATE_PATTERN,
  STATUS_VALUES,
  WEET_NIET,
} from './constants.js';
import { QuestionnaireId, Slug, SubmissionId } from './ids.js';
export { CHANNELS, CONTACT_VALUES, CONTEXT_OPTIONS, LEEFTIJD_VALUES, ROLE_VALUES, STATUS_VALUES };

export const Context = z
  .object({
    team: Slug.optional(),
    contact: z.enum(CONTACT_VALUES).optional(),
    status: z.enum(STATUS_VALUES).optional(),
    role: z.enum(ROLE_VALUES).optional(),
    leeftijd: z.enum(LEEFTIJD_VALUES).optional(),
    /** One of the options of the questionnaire's wijk item (the gemeente's list); checked with the answers. */
    wijk: Slug.optional(),
    /** When the contact or service the answers are about took place (YYYY-MM; YYYY or a day also do): figures by service year. */
    serviceDate: z.string().regex(SERVICE_DATE_PATTERN, 'a date as YYYY-MM (or YYYY, YYYY-MM-DD)').optional(),
  })
  .strict();
export type Context = z.infer<typeof Context>;

const AnswerValueSchema = z.union([z.number(), z.string().max(20000), z.array(z.string().max(200)).max(100)]);

const submissionShape = {
  submissionId: SubmissionId,
  questionnaireId: QuestionnaireId,
  version: z.number().int().min(1),
  answers: z.record(z.string().max(64), AnswerValueSchema),
  context: Context.default({}),
  /** The language the client answered in (the widget sends it; an interview gives it when it was not in Dutch). */
  language: z.enum(LANGUAGES).optional(),
};

/** Body of `POST /v1/responses`. */
export const Submission = z
  .object({
    siteKey: z.string().min(1).max(128),
    ...submissionShape,
    /** Milliseconds from the first question shown to submit; implausibly fast answers are flagged. */
    elapsedMs: z.number().int().min(0).optional(),
    /** Honeypot: a field people never see. Anything in it marks the submission as a bot. */
    website: z.string().max(2000).optional(),
    /** One-time invite token from a link or QR code. */
    invite: z.string().max(200).optional(),
  })
  .strict();
export type Submission = z.infer<typeof Submission>;

/** One line of `POST /v1/import` (NDJSON): a telephone or paper interview. */
export const ImportLine = z
  .object({
    ...submissionShape,
    channel: z.enum(CHANNELS),
    submittedAt: z.iso.datetime({ offset: true }).optional(),
    /** The code on the invite letter, typed in by the interviewer: the sample's response rate counts it. */
    invite: z.string().max(200).optional(),
  })
  .strict();
export type ImportLine = z.infer<typeof ImportLine>;

export const SubmissionResult = z.object({
  submissionId: z.string(),
  status: z.enum(['stored', 'duplicate']),
  receivedOn: z.string(),
});
export type SubmissionResult = z.infer<typeof SubmissionResult>;

function isEmpty(value: AnswerValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Checks answers against the exact published definition. `known` is the context the embed set:
 * context items for those fields are skipped, so they may not be answered nor are they required.
 * Returns every problem found, each with its own code and the item id.
 */
export function checkAnswers(
  def: Pick<QuestionnaireDefinition, 'sections'>,
  answers: Answers,
  known: Partial<Record<ContextField, string>> = {},
): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const items = allItems(def);
  const byId = new Map(items.map((i) => [i.id, i]));
  const view = effectiveAnswers(def, answers, known);
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) issues.push({ code: 'unknown_item', item: id, message: `no item ${id} in this version` });
  }
  // A wijk from the embed must be on the gemeente's list, which is its wijk item; without one there is no list.
  if (known.wijk !== undefined) {
    const list = items.find((i) => i.type === 'keuze' && i.context === 'wijk');
    if (list?.type !== 'keuze' || !list.options.some((o) => o.id === known.wijk)) {
      issues.push({ code: 'invalid_value', path: ['context', 'wijk'], message: `${known.wijk} is not a wijk of this questionnaire` });
    }
  }
  for (const item of items) {
    const value = answerOf(answers, item.id);
    const skippedByEmbed = item.type === 'keuze' && item.context !== undefined && known[item.context] !== undefined;
    const shown = !skippedByEmbed && isShown(item, view);
    if (!shown) {
      if (value !== undefined) {
        issues.push({ code: 'hidden_item_answered', item: item.id, message: 'this item was not shown' });
      }
      continue;
    }
    if (isEmpty(value)) {
      if (item.required) issues.push({ code: 'required_missing', item: item.id, message: 'an answer is required' });
      continue;
    }
    const problem = valueProblem(item, value as AnswerValue);
    if (problem) issues.push({ ...problem, item: item.id });
  }
  return issues;
}

/** Context from the embed merged with the answers to context items (answers fill what the embed left open). */
export function resolveContext(def: Pick<QuestionnaireDefinition, 'sections'>, answers: Answers, embed: Context): Context {
  const out: Record<string, string> = { ...embed };
  for (const item of allItems(def)) {
    if (item.type !== 'keuze' || !item.context || out[item.context] !== undefined) continue;
    const v = answerOf(answers, item.id);
    if (typeof v === 'string' && v !== WEET_NIET) out[item.context] = v;
    else if (typeof v === 'string' && item.context !== 'team') out[item.context] = v;
  }
  return out as Context;
}
