import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.js';
import { periodById, protectedPeriod, subPeriods } from './periods.js';

const TODAY = '2026-11-22';

function refused(q: { from?: string; to?: string; period?: string }): string | undefined {
  try {
    protectedPeriod(q, TODAY);
    return undefined;
  } catch (e) {
    return e instanceof ApiError ? e.code : 'other';
  }
}

describe('periods of protected audiences', () => {
  it('accepts whole months, quarters, years and twelve months up to this one', () => {
    expect(protectedPeriod({ from: '2026-03-01', to: '2026-03-31' }, TODAY).id).toBe('2026-03');
    expect(protectedPeriod({ from: '2026-04-01', to: '2026-06-30' }, TODAY).id).toBe('2026-Q2');
    expect(protectedPeriod({ from: '2025-01-01', to: '2025-12-31' }, TODAY).id).toBe('2025');
    expect(protectedPeriod({ from: '2025-12-01', to: '2026-11-30' }, TODAY)).toMatchObject({ id: '2026-11/12', kind: 'rolling12' });
    // This year, this quarter, this month up to today mean the whole period: nothing later exists yet.
    expect(protectedPeriod({ from: '2026-01-01', to: TODAY }, TODAY).id).toBe('2026');
    expect(protectedPeriod({ from: '2026-10-01', to: '2026-11-21' }, TODAY).id).toBe('2026-Q4');
    expect(protectedPeriod({ from: '2026-11-01', to: TODAY }, TODAY).id).toBe('2026-11');
    expect(protectedPeriod({ period: 'quarter' }, TODAY).id).toBe('2026-Q4');
    expect(protectedPeriod({ period: 'rolling12' }, TODAY).months).toHaveLength(12);
    expect(protectedPeriod({}, TODAY).id).toBe('2026-11/12');
    // Twelve months ending in December are the calendar year: one cell, one set of figures.
    expect(protectedPeriod({ from: '2025-01-01', to: '2025-12-31' }, TODAY)).toEqual(periodById('2025-12/12'));
  });

  it('refuses days, weeks, loose dates and shifted periods with period_not_allowed', () => {
    for (const q of [
      { period: 'day' },
      { period: 'week' },
      { from: '2026-03-01', to: '2026-03-30' },
      { from: '2026-03-02', to: '2026-03-31' },
      { from: '2026-02-01', to: '2026-04-30' },
      { from: '2026-01-01', to: '2026-02-28' },
      { from: '2026-03-01' },
      { to: '2026-03-31' },
      { from: '2026-11-01', to: '2026-11-10' },
      // Twelve months ending after this month would hold no more responses than the ones before: refused.
      { from: '2026-02-01', to: '2027-01-31' },
    ]) {
      expect(refused(q), JSON.stringify(q)).toBe('period_not_allowed');
    }
  });

  it('breaks a period down into whole calendar periods', () => {
    const year = periodById('2026');
    expect(subPeriods(year, 'quarter').map((p) => p.id)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(subPeriods(year, 'month')).toHaveLength(12);
    const rolling = periodById('2026-11/12');
    expect(subPeriods(rolling, 'quarter').map((p) => p.id)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(subPeriods(rolling, 'quarter')[0].months).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(subPeriods(rolling, 'year').map((p) => p.id)).toEqual(['2025', '2026']);
  });
});
