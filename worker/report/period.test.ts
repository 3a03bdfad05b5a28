import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentPeriod, groupKey, isoWeek } from './period.js';

const dims = {
  partner: 'p',
  team: '',
  contact: 'kort',
  status: 'loopt',
  role: 'zelf',
  channel: 'web',
  leeftijd: '',
  wijk: '',
  service_year: '',
  language: 'ar',
};

describe('currentPeriod', () => {
  it('runs from the start of the period to today', () => {
    // Thursday 14 August 2025.
    expect(currentPeriod('day', '2025-08-14')).toEqual({ from: '2025-08-14', to: '2025-08-14' });
    expect(currentPeriod('week', '2025-08-14')).toEqual({ from: '2025-08-11', to: '2025-08-14' });
    expect(currentPeriod('month', '2025-08-14')).toEqual({ from: '2025-08-01', to: '2025-08-14' });
    expect(currentPeriod('quarter', '2025-08-14')).toEqual({ from: '2025-07-01', to: '2025-08-14' });
    expect(currentPeriod('year', '2025-08-14')).toEqual({ from: '2025-01-01', to: '2025-08-14' });
  });

  it('starts a week on Monday, also across a year end, and a Monday is its own start', () => {
    expect(currentPeriod('week', '2025-01-01').from).toBe('2024-12-30');
    expect(currentPeriod('week', '2025-08-11').from).toBe('2025-08-11');
    expect(currentPeriod('week', '2025-08-17').from).toBe('2025-08-11');
    expect(currentPeriod('quarter', '2025-12-31').from).toBe('2025-10-01');
    expect(currentPeriod('quarter', '2025-03-31').from).toBe('2025-01-01');
  });
});

describe('isoWeek', () => {
  it('follows ISO 8601 around New Year', () => {
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2021-01-04')).toBe('2021-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2016-06-15')).toBe('2016-W24');
  });

  it('puts seven consecutive days from a Monday in one week, and the next Monday in the next', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-03T00:00:00Z'), max: new Date('2099-12-28T00:00:00Z'), noInvalidDate: true }), (d) => {
        const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
        const day = (offset: number) => new Date(monday.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
        const week = isoWeek(day(0));
        for (let i = 1; i < 7; i++) expect(isoWeek(day(i))).toBe(week);
        expect(isoWeek(day(7))).not.toBe(week);
      }),
      { numRuns: 200 },
    );
  });
});

describe('groupKey', () => {
  it('gives period keys and dimension values', () => {
    expect(groupKey('quarter', '2016-11-30', dims)).toBe('2016-Q4');
    expect(groupKey('quarter', '2016-01-01', dims)).toBe('2016-Q1');
    expect(groupKey('month', '2016-11-30', dims)).toBe('2016-11');
    expect(groupKey('year', '2016-11-30', dims)).toBe('2016');
    expect(groupKey('day', '2016-11-30', dims)).toBe('2016-11-30');
    expect(groupKey('week', '2016-11-30', dims)).toBe('2016-W48');
    expect(groupKey('contact', '2016-11-30', dims)).toBe('kort');
    expect(groupKey('team', '2016-11-30', dims)).toBe('');
  });
});
