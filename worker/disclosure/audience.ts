import type { Item } from '../../schemas/questionnaire.js';
import type { PrincipalRole } from '../auth.js';
import { ApiError } from '../errors.js';
import { PROTECTED_TIME_GROUPS, protectedPeriod, type TimeGroup } from './periods.js';
import { PROTECTED_DIMS, type ProtectedDim, type Slice } from './table.js';

/**
 * Who gets which figures. The gemeente admin (and the operator acting for it) is the data controller
 * and can export the responses anyway: exact figures. A partner viewer knows which client just left
 * the room, and a public page is read by anyone: both are protected audiences and only ever see
 * figures of the disclosure layer, for one partner. A `beleid` account reads those of any partner.
 */
export function isProtected(role: PrincipalRole): boolean {
  return role === 'viewer' || role === 'public' || role === 'beleid';
}

/** What a protected audience reads, as the ledger computes it (see ledger/protected.ts). */
export interface ProtectedQuery {
  partner: string;
  k: number;
  /** A period cell id, or the current month, quarter, year or twelve months, resolved at each read. */
  period: string | { current: 'month' | 'quarter' | 'year' | 'rolling12' };
  slice?: Slice;
  groupBy?: ProtectedDim | TimeGroup;
  /** Teams to list in a breakdown by team even without responses. */
  groupOrder?: string[];
  items: Item[];
  /** Whether to include released open texts: for HTTP reads, never for a live message. */
  texts: boolean;
  /** The gemeente releases ("vrijgeven") open texts for viewers one by one. */
  review: boolean;
}

/** The query parameters of GET /v1/aggregates that a protected query is made of. */
export interface ProtectedParams {
  from?: string;
  to?: string;
  period?: string;
  team?: string;
  contact?: string;
  status?: string;
  role?: string;
  channel?: string;
  leeftijd?: string;
  wijk?: string;
  language?: string;
  groupBy?: string;
}

function refuse(message: string): never {
  throw new ApiError(400, 'combination_not_allowed', message, [{ code: 'combination_not_allowed', path: ['groupBy'], message }]);
}

/**
 * Checks what a protected audience asks for and turns it into a query of the disclosure layer: whole
 * calendar periods (else 400 period_not_allowed), no breakdown by day or week, and one dimension at a
 * time, as a filter or as a breakdown (else 400 combination_not_allowed): the table that decides what
 * is hidden covers exactly these cells, so nothing readable falls outside it.
 */
export function protectedQueryOf(
  p: ProtectedParams,
  ctx: Omit<ProtectedQuery, 'period' | 'slice' | 'groupBy'>,
  today: string,
): ProtectedQuery {
  const cell = protectedPeriod(p, today);
  const current = p.period as 'month' | 'quarter' | 'year' | 'rolling12' | undefined;
  // Few clients answer in each language but Dutch: a language would single them out, so it stays with the gemeente.
  if (p.language !== undefined || p.groupBy === 'language') {
    refuse('Per taal ziet alleen de gemeente de cijfers. / Only the gemeente sees figures per language.');
  }
  const filters = PROTECTED_DIMS.flatMap((dim) => (p[dim] !== undefined ? [{ dim, value: p[dim] }] : []));
  if (filters.length > 1) refuse('Filter op één kenmerk tegelijk. / Filter on one dimension at a time.');
  const slice = filters[0];
  let groupBy: ProtectedDim | TimeGroup | undefined;
  if (p.groupBy !== undefined) {
    if (p.groupBy === 'day' || p.groupBy === 'week') {
      const message = 'Per dag of week kan niet; kies maand, kwartaal of jaar. / Not by day or week; choose month, quarter or year.';
      throw new ApiError(400, 'period_not_allowed', message, [{ code: 'period_not_allowed', path: ['groupBy'], message }]);
    }
    const time = PROTECTED_TIME_GROUPS.find((g) => g === p.groupBy);
    const dim = PROTECTED_DIMS.find((d) => d === p.groupBy);
    if (!time && !dim) refuse('Een partner ziet alleen zichzelf; uitsplitsen per partner kan niet. / A partner sees only itself.');
    if (dim && slice && slice.dim !== dim)
      refuse(
        'Een filter en een uitsplitsing op verschillende kenmerken kan niet. / A filter and a breakdown on different dimensions cannot be combined.',
      );
    groupBy = time ?? dim;
  }
  return {
    ...ctx,
    period: current ? { current } : cell.id,
    ...(slice ? { slice } : {}),
    ...(groupBy ? { groupBy } : {}),
  };
}
