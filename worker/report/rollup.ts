/**
 * Which cube answers which part of a date range. Whole months come from the monthly roll-up (one row
 * per month and cell), the loose days at either end from the daily cube, so a read over years touches
 * at most ~62 days of daily rows plus one row per month: its cost stays flat however many responses
 * there are.
 */
export interface RangePlan {
  /** Months to read from the roll-up, as first days: `from` inclusive, `toExcl` exclusive; absent = none. */
  months?: { from?: string; toExcl?: string };
  /** Day ranges (inclusive) to read from the daily cube. */
  days: { from?: string; to?: string }[];
}

const DAY_MS = 86_400_000;

function shiftDay(day: string, by: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the month after `day`'s month. */
export function nextMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${day.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
}

export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function planRange(from?: string, to?: string): RangePlan {
  // The first whole month starts at `from` when that is a first day, else the month after.
  const mFrom = from === undefined ? undefined : from.endsWith('-01') ? from : nextMonth(from);
  // Whole months end before `to`'s month, unless `to` is its last day.
  const mToExcl = to === undefined ? undefined : shiftDay(to, 1).endsWith('-01') ? shiftDay(to, 1) : monthOf(to);
  if (mFrom !== undefined && mToExcl !== undefined && mFrom >= mToExcl) return { days: [{ from, to }] };
  const days: RangePlan['days'] = [];
  if (from !== undefined && mFrom !== undefined && from < mFrom) days.push({ from, to: shiftDay(mFrom, -1) });
  if (to !== undefined && mToExcl !== undefined && mToExcl <= to) days.push({ from: mToExcl, to });
  return { months: { from: mFrom, toExcl: mToExcl }, days };
}
