import type { Language } from '../schemas/constants.js';

/** The mark between groups of three digits, per language (Latin digits in every one). */
const GROUP: Record<Language, string> = { nl: '.', en: ',', tr: '.', ar: ',', pl: '\u00a0', uk: '\u00a0' };

/**
 * A whole number as the reader's language writes it: "1.000", "1,000", "12 345". The survey writes only
 * whole numbers (question numbers, steps, characters left), and the first `Intl.NumberFormat` of a page
 * costs 13–40 ms of main thread here (ICU loads its locale data) right on the way to the first
 * question, for a result a separator fixes. Polish leaves four-digit numbers ungrouped.
 */
export function wholeNumber(value: number, locale: Language): string {
  const digits = String(Math.trunc(value));
  if (locale === 'pl' && Math.abs(value) < 10_000) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[locale]);
}
