import { ANSWERED, RESPONDENTS } from '../../schemas/constants.js';
import type { Answers, AnswerValue } from '../../schemas/questionnaire.js';

// The cube cells one response counts in, shared by the writes, the recompute and disclosure control.

/** A multiple-choice answer counts once per chosen option; any other answer once. */
export function valuesOf(value: AnswerValue): string[] {
  return Array.isArray(value) ? value : [String(value)];
}

/** The (item, value) cells one response counts in: respondents, and per item "answered" and each value. */
export function cellsOf(answers: Answers, texts: Record<string, string>): [item: string, value: string][] {
  const cells: [string, string][] = [[RESPONDENTS, '']];
  for (const [item, value] of Object.entries(answers)) {
    cells.push([item, ANSWERED]);
    for (const v of valuesOf(value)) cells.push([item, v]);
  }
  for (const item of Object.keys(texts)) cells.push([item, ANSWERED]);
  return cells;
}
