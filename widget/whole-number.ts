/**
 * A whole number as Dutch or English writes it: "1.000" and "1,000". The survey writes only whole
 * numbers (question numbers, steps, characters left), and the first `Intl.NumberFormat` of a page
 * costs 13–40 ms of main thread here (ICU loads its locale data) right on the way to the first
 * question, for a result these two languages fix: Latin digits, a separator every three digits.
 */
export function wholeNumber(value: number, locale: 'nl' | 'en'): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'nl' ? '.' : ',');
}
