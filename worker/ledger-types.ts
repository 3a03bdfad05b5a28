import type { WeetNietRule } from '../schemas/constants.js';
import type { Answers } from '../schemas/questionnaire.js';
import type { ProtectedQuery } from './disclosure/audience.js';
import type { Period } from './report/period.js';

/**
 * Dimensions a report may filter on; all stored as '' when unknown. `service_year` is the year of the
 * contact or service a response is about (from its serviceDate or its invite batch), for figures by service year.
 * A response from before languages were kept has language ''.
 */
export const DIMENSIONS = [
  'partner',
  'team',
  'contact',
  'status',
  'role',
  'channel',
  'leeftijd',
  'wijk',
  'service_year',
  'language',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** Dimensions a gemeente may give population margins for (the channel is how we asked, not who answered). */
export const WEIGHT_DIMENSIONS = [
  'partner',
  'team',
  'contact',
  'status',
  'role',
  'leeftijd',
  'wijk',
] as const satisfies readonly Dimension[];

export const GROUP_BY = [
  'team',
  'partner',
  'contact',
  'status',
  'role',
  'channel',
  'leeftijd',
  'wijk',
  'language',
  'day',
  'week',
  'month',
  'quarter',
  'year',
] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const FLAG_FAST = 1;

/** A validated, scrubbed response as the ledger stores it. Time is kept to the day only. */
export interface LedgerRecord {
  submissionId: string;
  version: number;
  day: string;
  dims: Record<Dimension, string>;
  flags: number;
  /** Coded answers (numbers, option ids): these are counted in the cube. */
  answers: Answers;
  /** Open answers, scrubbed: counted as answered, the text kept apart. */
  texts: Record<string, string>;
}

export interface CellFilter {
  from?: string;
  to?: string;
  dims?: Partial<Record<Dimension, string>>;
}

/** `duplicate`: the submissionId was stored with the same answers; `conflict`: with other answers. */
export interface SubmitResult {
  status: 'stored' | 'duplicate' | 'conflict';
  receivedOn: string;
}

/** What a live dashboard connection asked for; kept as the WebSocket's attachment. */
export interface LiveSubscription {
  gemeente: string;
  questionnaire: string;
  k: number;
  filter: CellFilter;
  groupBy?: GroupBy;
  /** The current day, week, … : resolved to from/to at every push. */
  period?: Period;
  /** Groups to list even without responses (a partner's teams). */
  groupOrder?: string[];
  /** The gemeente's rule for "weet niet" in stellingen, as at the subscription. */
  weetNiet?: WeetNietRule;
  /** For a protected audience: what it reads, through the disclosure layer (held responses left out) instead of the cube. */
  protected?: Omit<ProtectedQuery, 'items' | 'texts'>;
}
