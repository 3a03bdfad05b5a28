import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthOf, nextMonth, planRange } from './rollup.js';

/** Every day of a plan, expanded, so a plan can be compared with the range it stands for. */
function coveredDays(plan: ReturnType<typeof planRange>, universe: string[]): string[] {
  return universe.filter((d) => {
    const inMonths =
      plan.months !== undefined &&
      (plan.months.from === undefined || monthOf(d) >= plan.months.from) &&
      (plan.months.toExcl === undefined || monthOf(d) < plan.months.toExcl);
    const inDays = plan.days.some((r) => (r.from === undefined || d >= r.from) && (r.to === undefined || d <= r.to));
    // A day read twice would be counted twice: that is a failure as much as a day missed.
    if (inMonths && inDays) throw new Error(`day ${d} read from both cubes`);
    return inMonths || inDays;
  });
}

const allDays: string[] = [];
for (let t = Date.parse('2023-11-01'); t <= Date.parse('2025-03-31'); t += 86_400_000) allDays.push(new Date(t).toISOString().slice(0, 10));

describe('planRange', () => {
  it('reads whole months from the roll-up and the loose days from the daily cube', () => {
    expect(planRange('2024-01-15', '2024-04-10')).toEqual({
      months: { from: '2024-02-01', toExcl: '2024-04-01' },
      days: [
        { from: '2024-01-15', to: '2024-01-31' },
        { from: '2024-04-01', to: '2024-04-10' },
      ],
    });
    expect(planRange('2024-01-01', '2024-12-31')).toEqual({ months: { from: '2024-01-01', toExcl: '2025-01-01' }, days: [] });
    expect(planRange(undefined, undefined)).toEqual({ months: { from: undefined, toExcl: undefined }, days: [] });
    expect(planRange('2024-03-05', '2024-03-20')).toEqual({ days: [{ from: '2024-03-05', to: '2024-03-20' }] });
    expect(planRange('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02-01', toExcl: '2024-03-01' }, days: [] });
  });

  it('steps over the year end', () => {
    expect(nextMonth('2024-12-17')).toBe('2025-01-01');
    expect(planRange('2024-12-02', undefined).days).toEqual([{ from: '2024-12-02', to: '2024-12-31' }]);
  });

  it('covers exactly the days of any range, each once', () => {
    const day = fc.integer({ min: 0, max: allDays.length - 1 }).map((i) => allDays[i]);
    fc.assert(
      fc.property(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), (a, b) => {
        const [from, to] = a && b && a > b ? [b, a] : [a, b];
        const expected = allDays.filter((d) => (from === undefined || d >= from) && (to === undefined || d <= to));
        expect(coveredDays(planRange(from, to), allDays)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
