import type { ContextField } from './constants.js';
import type { Item, Section, Text } from './questionnaire.js';

// Pure questionnaire logic shared by widget and worker. Type-only imports keep zod out of the widget.

export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

export function allItems(q: { sections: Section[] }): Item[] {
  return q.sections.flatMap((s) => s.items);
}

/** Replaces `{name}` placeholders in both languages; a value may differ per language. Unknown names stay. */
export function fillText(text: Text, values: Record<string, string | Text>): Text {
  const fill = (s: string, lang: keyof Text) =>
    s.replace(/\{(\w+)\}/g, (m, k: string) => {
      const v = values[k];
      return v === undefined ? m : typeof v === 'string' ? v : v[lang];
    });
  return { nl: fill(text.nl, 'nl'), en: fill(text.en, 'en') };
}

/** Whether an item is shown, given the answers so far (hidden items must stay unanswered). */
export function isShown(item: Item, answers: Answers): boolean {
  if (!item.showIf) return true;
  const a = answers[item.showIf.item];
  if (a === undefined) return false;
  const wanted = item.showIf.in;
  return Array.isArray(a) ? a.some((v) => wanted.includes(v)) : wanted.includes(a);
}

/**
 * Answers as `showIf` sees them: a context item the embed already answered (and so skipped) counts
 * as answered with the embed's value, so "shown only when the help has ended" works either way.
 */
export function effectiveAnswers(
  def: { sections: Section[] },
  answers: Answers,
  known: Partial<Record<ContextField, string>>,
): Answers {
  const view: Answers = { ...answers };
  for (const item of allItems(def)) {
    if (item.type === 'keuze' && item.context && known[item.context] !== undefined) view[item.id] = known[item.context]!;
  }
  return view;
}

