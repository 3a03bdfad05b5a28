import { ApiError } from '../errors.js';

/**
 * The periods a protected audience may read: whole calendar months, quarters and years, and twelve
 * whole months in a row (ending at the latest with the current month). Arbitrary days would let two
 * reads that differ by one day be subtracted; whole periods differ by whole months, and each period is
 * a cell of its own with its own noise and releases.
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'rolling12';

export interface PeriodCell {
  kind: PeriodKind;
  /** `YYYY-MM`, `YYYY-Qn`, `YYYY`, or `YYYY-MM/12` for the twelve months ending with that month. */
  id: string;
  /** The months it covers, `YYYY-MM`, ascending. */
  months: string[];
  /** First and last day, inclusive. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM` shifted by whole months. */
export function addMonth(month: string, by: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${pad((total % 12) + 1)}`;
}

function lastDay(month: string): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return `${month}-${pad(d.getUTCDate())}`;
}

function span(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonth(first, i));
}

export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The first month of the quarter a month is in. */
export function quarterStart(month: string): string {
  return `${month.slice(0, 4)}-${pad(Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 1)}`;
}

/** A period cell from its months; twelve months from January are the calendar year. */
function cell(kind: PeriodKind, months: string[]): PeriodCell {
  const first = months[0];
  const last = months[months.length - 1];
  const id = kind === 'month' ? first : kind === 'quarter' ? quarterOf(first) : kind === 'year' ? first.slice(0, 4) : `${last}/12`;
  return { kind, id, months, from: `${first}-01`, to: lastDay(last) };
}

export const monthCell = (month: string): PeriodCell => cell('month', [month]);
export const quarterCell = (firstMonth: string): PeriodCell => cell('quarter', span(firstMonth, 3));
export const yearCell = (year: string): PeriodCell => cell('year', span(`${year}-01`, 12));
/** Twelve months ending with `lastMonth`; ending in December that is the calendar year. */
export function rolling12Cell(lastMonth: string): PeriodCell {
  const months = span(addMonth(lastMonth, -11), 12);
  return lastMonth.endsWith('-12') ? cell('year', months) : cell('rolling12', months);
}

/** The period cell with this id (as groups and releases name them). */
export function periodById(id: string): PeriodCell {
  if (/^\d{4}-\d{2}\/12$/.test(id)) return rolling12Cell(id.slice(0, 7));
  if (/^\d{4}-Q[1-4]$/.test(id)) return quarterCell(`${id.slice(0, 4)}-${pad((Number(id[6]) - 1) * 3 + 1)}`);
  if (/^\d{4}$/.test(id)) return yearCell(id);
  return monthCell(id);
}

function refuse(message: string): never {
  throw new ApiError(400, 'period_not_allowed', message, [{ code: 'period_not_allowed', path: ['from'], message }]);
}

const CURRENT = ['month', 'quarter', 'year', 'rolling12'] as const;

/**
 * The period cell a protected request asks for. `period` names the current month, quarter, year or
 * twelve months; `from`/`to` must span exactly one of them on month boundaries. A `to` in the current
 * month may be today (or yesterday, across time zones): nothing later exists yet, so it means the
 * whole month. Without either, the twelve months up to this one.
 */
export function protectedPeriod(q: { from?: string; to?: string; period?: string }, today: string): PeriodCell {
  const thisMonth = today.slice(0, 7);
  if (q.period !== undefined) {
    const p = CURRENT.find((c) => c === q.period);
    if (!p)
      refuse(
        'Kies een hele maand, een kwartaal, een jaar of twaalf maanden; een dag of week kan niet. / Choose a whole month, quarter, year or twelve months; not a day or week.',
      );
    if (p === 'month') return monthCell(thisMonth);
    if (p === 'quarter') return quarterCell(quarterStart(thisMonth));
    if (p === 'year') return yearCell(thisMonth.slice(0, 4));
    return rolling12Cell(thisMonth);
  }
  if (q.from === undefined && q.to === undefined) return rolling12Cell(thisMonth);
  if (q.from === undefined || q.to === undefined) refuse('Geef een begin en een eind. / Give both from and to.');
  if (!q.from.endsWith('-01')) refuse('Een periode begint op de eerste van een maand. / A period starts on the first of a month.');
  const first = q.from.slice(0, 7);
  const endMonth = q.to.slice(0, 7);
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  if (endMonth === thisMonth && q.to >= yesterday) {
    // Up to today: the current period that starts at `from`; the smallest, where several do.
    if (first === thisMonth) return monthCell(first);
    if (first === quarterStart(thisMonth)) return quarterCell(first);
    if (first === `${thisMonth.slice(0, 4)}-01`) return yearCell(first.slice(0, 4));
    if (first === addMonth(thisMonth, -11)) return rolling12Cell(thisMonth);
    refuse(
      'Kies de huidige maand, het kwartaal, het jaar of de laatste twaalf maanden. / Choose the current month, quarter, year or last twelve months.',
    );
  }
  if (q.to !== lastDay(endMonth))
    refuse('Een periode eindigt op de laatste dag van een maand. / A period ends on the last day of a month.');
  const count =
    Number(endMonth.slice(0, 4)) * 12 + Number(endMonth.slice(5, 7)) - (Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7))) + 1;
  if (count === 1) return monthCell(first);
  if (count === 3 && first === quarterStart(first)) return quarterCell(first);
  if (count === 12 && endMonth <= thisMonth) return rolling12Cell(endMonth);
  if (count === 12 && first.endsWith('-01')) return yearCell(first.slice(0, 4));
  return refuse(
    'Kies een hele maand, een kwartaal, een jaar of twaalf maanden tot en met deze maand. / Choose a whole month, quarter, year, or twelve months up to this one.',
  );
}

/** Breakdowns by time a protected audience may ask for; by day or week would date single responses. */
export const PROTECTED_TIME_GROUPS = ['month', 'quarter', 'year'] as const;
export type TimeGroup = (typeof PROTECTED_TIME_GROUPS)[number];

/**
 * The whole calendar months, quarters or years that overlap a period, each a cell of its own. A
 * quarter that starts before a twelve-month period is shown whole, not cut at the period's edge.
 */
export function subPeriods(p: PeriodCell, by: TimeGroup): PeriodCell[] {
  const seen = new Map<string, PeriodCell>();
  for (const m of p.months) {
    const c = by === 'month' ? monthCell(m) : by === 'quarter' ? quarterCell(quarterStart(m)) : yearCell(m.slice(0, 4));
    if (!seen.has(c.id)) seen.set(c.id, c);
  }
  return [...seen.values()];
}
