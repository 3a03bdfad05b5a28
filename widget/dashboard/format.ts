import { msg, str } from '@lit/localize';
import { getLocale } from '../localization.js';

/** Dutch number formatting, the way the published reports write figures: "8,8", "90%", "1.234". */
const nlInt = new Intl.NumberFormat('nl-NL');
const nlDec = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const nlSigned = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const nlSignedInt = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });

export const fmtInt = (n: number): string => nlInt.format(n);
export const fmtDec = (n: number): string => nlDec.format(n);
/** Whole percentages: the reports never print decimals, and one decimal suggests false precision at n = 40. */
export const fmtPct = (n: number): string => `${nlInt.format(Math.round(n))}%`;
/** A difference of means, always with its sign: "+0,3", "−0,2" ("0,0" when equal). */
export const fmtDiff = (n: number): string => nlSigned.format(Math.round(n * 10) / 10).replace('-', '−');
/** A difference of percentages in whole points, with its sign. */
export const fmtDiffPt = (n: number): string => nlSignedInt.format(Math.round(n)).replace('-', '−');

/** A 95% interval of a percentage, "74–84%". */
export const fmtCi = (ci: readonly [number, number]): string => `${nlInt.format(Math.round(ci[0]))}–${fmtPct(ci[1])}`;
/** A percentage with its 95% interval, as a report quotes it: "79% (74–84%)". */
export const fmtPctCi = (pct: number, ci: readonly [number, number] | undefined): string =>
  ci ? `${fmtPct(pct)} (${fmtCi(ci)})` : fmtPct(pct);
/** A mean with its 95% interval: "8,2 (7,9–8,5)". */
export const fmtDecCi = (mean: number, ci: readonly [number, number]): string => `${fmtDec(mean)} (${fmtDec(ci[0])}–${fmtDec(ci[1])})`;

// Dates follow the reader's language; numbers stay Dutch because the figures are quoted in Dutch reports.
const dateLocale = () => (getLocale() === 'en' ? 'en-GB' : 'nl-NL');

/** "2026-03-01" → "1 maart 2026". */
export function fmtDay(day: string): string {
  return new Intl.DateTimeFormat(dateLocale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A trend group key ("2026-03", "2026-Q1", "_onbekend") as a short Dutch label ("mrt 2026", "K1 2026"). */
export function fmtPeriodKey(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const fmt = new Intl.DateTimeFormat(dateLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return fmt.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1))).replace('.', '');
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return msg(str`K${quarter[2]} ${quarter[1]}`);
  return key;
}
