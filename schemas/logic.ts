import { AANRADEN_VALUES, LANGUAGES, LANGUAGE_INFO, STELLING_VALUES, type ContextField, type Language } from './constants.js';
import type { Item, Section, Text } from './item.js';

// Pure questionnaire logic shared by widget and worker. Only zod-free imports keep zod out of the widget.

export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

/**
 * The default of a switch over a closed set (item types, figure types): with every case handled the
 * value is `never`, so a new member fails to compile here until the switch handles it.
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

export function allItems(q: { sections: Section[] }): Item[] {
  return q.sections.flatMap((s) => s.items);
}

/**
 * The answer to one item. Own properties only: an item may be called `constructor`, and a plain
 * object would otherwise "answer" it with Object.prototype's function.
 */
export function answerOf(answers: Answers, id: string): AnswerValue | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

/**
 * A text in one language, and the language it is really in: the Dutch where the translation is
 * missing, so the page can mark that element `lang="nl"` and a screen reader switches voice.
 */
export function textIn(text: Text, lang: Language): { value: string; lang: Language } {
  const value = text[lang];
  return value === undefined ? { value: text.nl, lang: 'nl' } : { value, lang };
}

/**
 * Replaces `{name}` placeholders in every language the text has; a value may differ per language
 * (a language the value lacks takes its Dutch). Unknown names stay.
 */
export function fillText(text: Text, values: Record<string, string | Text>): Text {
  const fill = (s: string, lang: Language) =>
    s.replace(/\{(\w+)\}/g, (m, k: string) => {
      if (!Object.hasOwn(values, k)) return m;
      const v = values[k];
      const filled = typeof v === 'string' ? v : textIn(v, lang).value;
      // A Dutch name inside Arabic keeps its own direction: isolated, it cannot reorder the sentence around it.
      return LANGUAGE_INFO[lang].dir === 'rtl' ? `\u2068${filled}\u2069` : filled;
    });
  const out: Text = { nl: fill(text.nl, 'nl') };
  for (const lang of LANGUAGES) {
    const s = text[lang];
    if (lang !== 'nl' && s !== undefined) out[lang] = fill(s, lang);
  }
  return out;
}

/** Whether an item is shown, given the answers so far (hidden items must stay unanswered). */
export function isShown(item: Item, answers: Answers): boolean {
  if (!item.showIf) return true;
  const a = answerOf(answers, item.showIf.item);
  if (a === undefined) return false;
  const wanted = item.showIf.in;
  return Array.isArray(a) ? a.some((v) => wanted.includes(v)) : wanted.includes(a);
}

/**
 * Answers as `showIf` sees them: a context item the embed already answered (and so skipped) counts
 * as answered with the embed's value, so "shown only when the help has ended" works either way.
 */
export function effectiveAnswers(def: { sections: Section[] }, answers: Answers, known: Partial<Record<ContextField, string>>): Answers {
  const view: Answers = { ...answers };
  for (const item of allItems(def)) {
    if (item.type === 'keuze' && item.context && known[item.context] !== undefined) view[item.id] = known[item.context]!;
  }
  return view;
}

/** Why a (non-empty) answer does not fit its item, or undefined when it does. */
export function valueProblem(item: Item, value: AnswerValue): { code: 'invalid_value' | 'text_too_long'; message: string } | undefined {
  const bad = (message: string) => ({ code: 'invalid_value' as const, message });
  const wholeIn = (min: number, max: number) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
  switch (item.type) {
    case 'cijfer':
      return wholeIn(1, 10) ? undefined : bad('a whole number from 1 to 10');
    case 'nps':
      return wholeIn(0, 10) ? undefined : bad('a whole number from 0 to 10');
    case 'stelling':
      return (STELLING_VALUES as readonly unknown[]).includes(value) ? undefined : bad(`one of ${STELLING_VALUES.join(', ')}`);
    case 'aanraden':
      return (AANRADEN_VALUES as readonly unknown[]).includes(value) ? undefined : bad(`one of ${AANRADEN_VALUES.join(', ')}`);
    case 'keuze':
      return typeof value === 'string' && item.options.some((o) => o.id === value)
        ? undefined
        : bad(`one of ${item.options.map((o) => o.id).join(', ')}`);
    case 'meerkeuze': {
      if (!Array.isArray(value) || value.length === 0) return bad('a non-empty list of option ids');
      if (new Set(value).size !== value.length) return bad('each option at most once');
      const unknown = value.find((v) => !item.options.some((o) => o.id === v));
      return unknown === undefined ? undefined : bad(`unknown option ${unknown}`);
    }
    case 'open':
      if (typeof value !== 'string') return bad('text');
      // Code points, not UTF-16 units: a textarea's maxlength counts units, so what it allows always fits.
      return [...value].length > item.maxLength ? { code: 'text_too_long', message: `at most ${item.maxLength} characters` } : undefined;
    default:
      return assertNever(item);
  }
}
