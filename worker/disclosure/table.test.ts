import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodById, subPeriods } from './periods.js';
import { PROTECTED_DIMS, buildTable, cellId, isHidden, sliceKey, type MonthCount, type Table } from './table.js';

const dims = (team: string, contact = 'kort') => ({ team, contact, status: 'loopt', role: 'zelf', channel: 'web', leeftijd: '', wijk: '' });

/** The sums a reader can check, derived here from the definitions, not from the code under test. */
function linesOf(rows: MonthCount[], periods: string[]): string[][] {
  const values = Object.fromEntries(PROTECTED_DIMS.map((d) => [d, [...new Set(rows.map((r) => r.dims[d]))]]));
  const slices = ['', ...PROTECTED_DIMS.flatMap((d) => values[d].map((v) => sliceKey({ dim: d, value: v })))];
  const lines: string[][] = [];
  for (const p of periods) {
    for (const d of PROTECTED_DIMS) lines.push([cellId(p, ''), ...values[d].map((v) => cellId(p, sliceKey({ dim: d, value: v })))]);
  }
  for (const s of slices) {
    for (const p of periods.map(periodById)) {
      if (p.kind === 'month') continue;
      lines.push([cellId(p.id, s), ...p.months.map((m) => cellId(m, s))]);
      if (p.kind === 'year') lines.push([cellId(p.id, s), ...subPeriods(p, 'quarter').map((q) => cellId(q.id, s))]);
    }
  }
  return lines;
}

/** No line may have exactly one hidden non-empty cell while another non-empty one is shown. */
function unprotected(table: Table, lines: string[][]): string[][] {
  const n = (id: string) => table.n.get(id) ?? 0;
  return lines.filter((line) => {
    const unknown = line.filter((id) => isHidden(table, id) && n(id) > 0);
    return unknown.length === 1 && line.some((id) => id !== unknown[0] && !isHidden(table, id) && n(id) > 0);
  });
}

describe('the protected table', () => {
  it('hides a small team and its complement, the same as a breakdown and as a filter', () => {
    const rows: MonthCount[] = [
      { month: '2026-03', dims: dims('a'), n: 40 },
      { month: '2026-03', dims: dims('b'), n: 25 },
      { month: '2026-03', dims: dims('c'), n: 3 },
    ];
    const t = buildTable(rows, 10, '2026-03');
    const team = (v: string) => cellId('2026-03', sliceKey({ dim: 'team', value: v }));
    expect(isHidden(t, team('c'))).toBe(true);
    // b is the smallest shown team: hidden as cover, wherever it is read.
    expect(isHidden(t, team('b'))).toBe(true);
    expect(isHidden(t, team('a'))).toBe(false);
    expect(isHidden(t, cellId('2026-03', ''))).toBe(false);
    expect(unprotected(t, linesOf(rows, ['2026-03', '2026-Q1', '2026', '2026-03/12']))).toEqual([]);
  });

  it('hides a second month of a quarter when one month is small (time hierarchy)', () => {
    const rows: MonthCount[] = [
      { month: '2026-01', dims: dims('a'), n: 30 },
      { month: '2026-02', dims: dims('a'), n: 20 },
      { month: '2026-03', dims: dims('a'), n: 1 },
    ];
    const t = buildTable(rows, 10, '2026-03');
    expect(isHidden(t, cellId('2026-03', ''))).toBe(true);
    expect(isHidden(t, cellId('2026-02', ''))).toBe(true);
    expect(isHidden(t, cellId('2026-Q1', ''))).toBe(false);
    expect(
      unprotected(t, linesOf(rows, ['2026-01', '2026-02', '2026-03', '2026-Q1', '2026', '2026-01/12', '2026-02/12', '2026-03/12'])),
    ).toEqual([]);
  });

  it('leaves no line with a single hidden cell, for any data (property)', () => {
    const month = fc.constantFrom('2025-11', '2025-12', '2026-01', '2026-02', '2026-03');
    const row = fc.record({
      month,
      dims: fc.record({
        team: fc.constantFrom('a', 'b', 'c', ''),
        contact: fc.constantFrom('kort', 'lang', ''),
        status: fc.constantFrom('loopt', 'afgerond'),
        role: fc.constant('zelf'),
        channel: fc.constantFrom('web', 'telefoon'),
        leeftijd: fc.constantFrom('jonger_dan_45', '65_plus', ''),
        wijk: fc.constantFrom('noord', 'zuid', ''),
      }),
      n: fc.integer({ min: 1, max: 25 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.integer({ min: 5, max: 15 }), (rows, k) => {
        const t = buildTable(rows, k, '2026-03');
        const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
        const periods = [
          ...months,
          '2025-Q4',
          '2026-Q1',
          '2025',
          '2026',
          ...months.filter((m) => !m.endsWith('-12')).map((m) => `${m}/12`),
        ];
        expect(unprotected(t, linesOf(rows, periods))).toEqual([]);
        for (const [id, n] of t.n) if (n < k) expect(isHidden(t, id)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
