import type { Dimension, GroupBy } from '../ledger-types.js';

/** Calendar periods a report can ask for as "the current one"; `rolling12` is this month and the eleven before. */
export const PERIODS = ['day', 'week', 'month', 'quarter', 'year', 'rolling12'] as const;
export type Period = (typeof PERIODS)[number];

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD day as a UTC date: day arithmetic without time zones or DST getting in the way. */
function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The current period up to and including `today` (a Dutch day, as the ledger stores days): a week
 * starts on Monday (ISO 8601), a quarter in January, April, July or October.
 */
export function currentPeriod(period: Period, today: string): { from: string; to: string } {
  const [y, m] = [today.slice(0, 4), Number(today.slice(5, 7))];
  switch (period) {
    case 'day':
      return { from: today, to: today };
    case 'week': {
      const d = utc(today);
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      return { from: iso(new Date(d.getTime() - sinceMonday * DAY_MS)), to: today };
    }
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'quarter':
      return { from: `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`, to: today };
    case 'year':
      return { from: `${y}-01-01`, to: today };
    case 'rolling12': {
      const start = new Date(Date.UTC(Number(y), m - 12, 1));
      return { from: iso(start), to: today };
    }
  }
}

/** ISO 8601 week of a day as 'YYYY-Www' (the week-numbering year, which differs around New Year). */
export function isoWeek(day: string): string {
  const d = utc(day);
  // The Thursday of the same week decides the year, and the week number counts Thursdays.
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The group a response falls in, computed in plain code: the ledger's SQL expressions must give the
 * same keys (the cube property test compares the two).
 */
export function groupKey(groupBy: GroupBy, day: string, dims: Record<Dimension, string>): string {
  switch (groupBy) {
    case 'day':
      return day;
    case 'week':
      return isoWeek(day);
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return day.slice(0, 4);
    default:
      return dims[groupBy];
  }
}

export const COMPARE = ['previous', 'lastyear'] as const;
export type Compare = (typeof COMPARE)[number];

const dayMs = 86_400_000;
const asTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const asDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** One year earlier; 29 February becomes 28 February. */
function yearEarlier(day: string): string {
  const y = String(Number(day.slice(0, 4)) - 1).padStart(4, '0');
  const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${y}-${md}`;
}

/** The period a selection is compared with: the equal number of days just before it, or the same dates a year earlier. */
export function comparisonRange(from: string, to: string, compare: Compare): { from: string; to: string } {
  if (compare === 'lastyear') return { from: yearEarlier(from), to: yearEarlier(to) };
  const days = Math.round((asTime(to) - asTime(from)) / dayMs) + 1;
  return { from: asDay(asTime(from) - days * dayMs), to: asDay(asTime(from) - dayMs) };
}
