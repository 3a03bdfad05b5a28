import {
  CONTACT_VALUES,
  LANGUAGES,
  LEEFTIJD_VALUES,
  QUESTIONNAIRE_ID_PATTERN,
  SLUG_PATTERN,
  STATUS_VALUES,
  type Language,
} from '../../schemas/constants.js';

/** Period presets; `anders` means the reader typed the dates. */
export const PERIODS = ['12m', 'jaar', 'vorig-jaar', 'kwartaal', 'vorig-kwartaal', 'maand', 'vorige-maand', 'alles', 'anders'] as const;
export type Period = (typeof PERIODS)[number];
export const TRENDS = ['month', 'quarter'] as const;
export type Trend = (typeof TRENDS)[number];
/** What the figures are tested against: the period of equal length just before, or the same dates a year earlier. */
export const COMPARES = ['previous', 'lastyear'] as const;
export type Compare = (typeof COMPARES)[number];

/** What the reader chose; the URL holds exactly this, so a link shows the same report. */
export interface Selection {
  questionnaire: string;
  period: Period;
  /** Only for `anders`: YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  team?: string;
  contact?: (typeof CONTACT_VALUES)[number];
  status?: (typeof STATUS_VALUES)[number];
  leeftijd?: (typeof LEEFTIJD_VALUES)[number];
  /** One of the gemeente's wijken (the options of its wijk question). */
  wijk?: string;
  /** The language the clients answered in; the gemeente's own view only. */
  language?: Language;
  trend: Trend;
  compare: Compare;
  /** Weighted figures where the gemeente gave population margins; the reader may switch them off. */
  weighted: boolean;
}

export interface Range {
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** The URL parameters a selection owns. */
export const SELECTION_KEYS = [
  'questionnaire',
  'period',
  'from',
  'to',
  'team',
  'contact',
  'status',
  'leeftijd',
  'wijk',
  'language',
  'trend',
  'compare',
  'weighted',
] as const;

/** Reads a selection from URL parameters; anything unknown falls back to the defaults. */
export function readSelection(params: URLSearchParams, defaultQuestionnaire: string): Selection {
  const q = params.get('questionnaire');
  const from = params.get('from');
  const to = params.get('to');
  const team = params.get('team');
  const wijk = params.get('wijk');
  const period = oneOf(PERIODS, params.get('period')) ?? (from || to ? 'anders' : '12m');
  return {
    questionnaire: q && QUESTIONNAIRE_ID_PATTERN.test(q) ? q : defaultQuestionnaire,
    period,
    from: period === 'anders' && from && DAY.test(from) ? from : undefined,
    to: period === 'anders' && to && DAY.test(to) ? to : undefined,
    team: team && SLUG_PATTERN.test(team) ? team : undefined,
    contact: oneOf(CONTACT_VALUES, params.get('contact')),
    status: oneOf(STATUS_VALUES, params.get('status')),
    leeftijd: oneOf(LEEFTIJD_VALUES, params.get('leeftijd')),
    wijk: wijk && SLUG_PATTERN.test(wijk) ? wijk : undefined,
    language: oneOf(LANGUAGES, params.get('language')),
    trend: oneOf(TRENDS, params.get('trend')) ?? 'month',
    compare: oneOf(COMPARES, params.get('compare')) ?? 'previous',
    weighted: params.get('weighted') !== '0',
  };
}

/** The selection as URL parameters, leaving out defaults so shared links stay short. */
export function selectionParams(sel: Selection, defaultQuestionnaire: string): URLSearchParams {
  const p = new URLSearchParams();
  if (sel.questionnaire !== defaultQuestionnaire) p.set('questionnaire', sel.questionnaire);
  if (sel.period !== '12m') p.set('period', sel.period);
  if (sel.period === 'anders') {
    if (sel.from) p.set('from', sel.from);
    if (sel.to) p.set('to', sel.to);
  }
  if (sel.team) p.set('team', sel.team);
  if (sel.contact) p.set('contact', sel.contact);
  if (sel.status) p.set('status', sel.status);
  if (sel.leeftijd) p.set('leeftijd', sel.leeftijd);
  if (sel.wijk) p.set('wijk', sel.wijk);
  if (sel.language) p.set('language', sel.language);
  if (sel.trend !== 'month') p.set('trend', sel.trend);
  if (sel.compare !== 'previous') p.set('compare', sel.compare);
  if (!sel.weighted) p.set('weighted', '0');
  return p;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d));
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

/** Moves a day by whole months; a month's last day stays a last day, so quarters and years line up. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const target = utc(y, m - 1 + months, 1);
  const ty = target.getUTCFullYear();
  const tm = target.getUTCMonth();
  const wasLast = d === lastDay(y, m - 1);
  return iso(utc(ty, tm, wasLast ? lastDay(ty, tm) : Math.min(d, lastDay(ty, tm))));
}

/** The dates a period means on `today` (a YYYY-MM-DD in the reader's time zone); both inclusive. */
export function resolveRange(sel: Selection, today: string): Range {
  const [y, m] = today.split('-').map(Number);
  const q0 = Math.floor((m - 1) / 3) * 3;
  switch (sel.period) {
    case '12m':
      // This month and the eleven before: whole months, the twelve months a partner may read too.
      return { from: iso(utc(y, m - 12, 1)), to: today };
    case 'jaar':
      return { from: iso(utc(y, 0, 1)), to: today };
    case 'vorig-jaar':
      return { from: iso(utc(y - 1, 0, 1)), to: iso(utc(y - 1, 11, 31)) };
    case 'kwartaal':
      return { from: iso(utc(y, q0, 1)), to: today };
    case 'vorig-kwartaal':
      return { from: iso(utc(y, q0 - 3, 1)), to: iso(utc(y, q0, 0)) };
    case 'maand':
      return { from: iso(utc(y, m - 1, 1)), to: today };
    case 'vorige-maand':
      return { from: iso(utc(y, m - 2, 1)), to: iso(utc(y, m - 1, 0)) };
    case 'alles':
      return {};
    case 'anders':
      return { from: sel.from, to: sel.to };
  }
}

/** Periods a partner (a protected audience) may choose: whole calendar periods only. */
export const PROTECTED_PERIODS: readonly Period[] = PERIODS.filter((p) => p !== 'alles' && p !== 'anders');

/** Today in the reader's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return iso(utc(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** The dates a trend group stands for ("2026-03", "2026-Q1"), within the selection's range. */
export function periodRange(key: string, within: Range): Range | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!month && !quarter) return undefined;
  const y = Number((month ?? quarter)![1]);
  const m0 = month ? Number(month[2]) - 1 : (Number(quarter![2]) - 1) * 3;
  const from = iso(utc(y, m0, 1));
  const to = iso(utc(y, m0 + (month ? 1 : 3), 0));
  return { from: within.from && within.from > from ? within.from : from, to: within.to && within.to < to ? within.to : to };
}

/**
 * Query parameters for `GET /v1/aggregates` (and `/v1/live`). `compare` asks for the test against the
 * reader's comparison period, or against dates of its own (a trend's first period).
 */
export function aggregateQuery(
  sel: Selection,
  range: Range,
  opts: { groupBy?: 'team' | 'language' | Trend; withTeam?: boolean; compare?: boolean | Range; unweighted?: boolean } = {},
): URLSearchParams {
  const p = new URLSearchParams({ questionnaire: sel.questionnaire });
  if (range.from) p.set('from', range.from);
  if (range.to) p.set('to', range.to);
  if (sel.team && opts.withTeam !== false) p.set('team', sel.team);
  if (sel.contact) p.set('contact', sel.contact);
  if (sel.status) p.set('status', sel.status);
  if (sel.leeftijd) p.set('leeftijd', sel.leeftijd);
  if (sel.wijk) p.set('wijk', sel.wijk);
  // Per language, every language: the breakdown leaves the language filter out, as per team the team filter.
  if (sel.language && opts.groupBy !== 'language') p.set('language', sel.language);
  if (opts.groupBy) p.set('groupBy', opts.groupBy);
  if (opts.compare === true && range.from && range.to) p.set('compare', sel.compare);
  if (typeof opts.compare === 'object' && opts.compare.from && opts.compare.to) {
    p.set('compareFrom', opts.compare.from);
    p.set('compareTo', opts.compare.to);
  }
  // Live pushes and the CSV download are the figures as counted; they take no weights.
  if (sel.weighted && !opts.unweighted) p.set('weighted', '1');
  return p;
}
