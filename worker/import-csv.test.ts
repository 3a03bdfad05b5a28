import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyLine } from './body.js';
import { csvRow } from './export/csv.js';
import { csvRecords, dutchNoon, type CsvRecord } from './import-csv.js';

/** The body's lines as `readLines` gives them: split on LF, a CR before it taken off and noted. */
async function* linesOf(text: string): AsyncGenerator<BodyLine> {
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  let number = 0;
  for (const part of parts) {
    number += 1;
    const cr = part.endsWith('\r');
    yield { number, text: cr ? part.slice(0, -1) : part, cr };
  }
}

async function records(text: string, max = 1_000_000): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of csvRecords(linesOf(text), max)) out.push(r);
  return out;
}

describe('csvRecords', () => {
  it('reads quoted commas, doubled quotes and line breaks exactly, numbering each record by its first line', async () => {
    const text = '\uFEFFa,b,c\r\n"x,y","say ""hi""","one\r\ntwo"\r\n\r\nlast,"lf\nonly",\n';
    expect(await records(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x,y', 'say "hi"', 'one\r\ntwo'] },
      { line: 5, fields: ['last', 'lf\nonly', ''] },
    ]);
  });

  it('reads back whatever the export writer writes, as csv-parse does', async () => {
    const field = fc.oneof(fc.string(), fc.constantFrom('', '"', ',', '\r\n', '\n', '\r', ' "a" ', 'ë,é'));
    const row = fc.array(field, { minLength: 1, maxLength: 6 }).filter((r) => r.length > 1 || r[0] !== '');
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (rows) => {
        const text = rows.map((r) => csvRow(r)).join('');
        const read = (await records(text)).map((r) => ('fields' in r ? r.fields : r.problem));
        expect(read).toEqual(rows);
        expect(read).toEqual(parse(text, { relax_column_count: true }));
      }),
    );
  });

  it('reports a record longer than the limit and goes on with the next one', async () => {
    const long = `"${'x'.repeat(50)}\r\n${'y'.repeat(50)}"`;
    expect(await records(`a,b\r\n${long},1\r\nc,d\r\n`, 80)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, problem: 'too_long' },
      { line: 4, fields: ['c', 'd'] },
    ]);
  });

  it('ends a record at a line that could not be read, and reports a quote never closed', async () => {
    async function* lines(): AsyncGenerator<BodyLine> {
      yield { number: 1, text: 'a,"open', cr: true };
      yield { number: 2, problem: 'not_utf8' };
      yield { number: 3, text: 'b,c', cr: true };
      yield { number: 4, text: '"never', cr: false };
    }
    const out: CsvRecord[] = [];
    for await (const r of csvRecords(lines(), 1000)) out.push(r);
    expect(out).toEqual([
      { line: 1, problem: 'not_utf8' },
      { line: 3, fields: ['b', 'c'] },
      { line: 4, problem: 'unclosed_quote' },
    ]);
  });
});

describe('dutchNoon', () => {
  it('is noon in Amsterdam in winter and in summer', () => {
    expect(dutchNoon('2025-01-15')).toBe('2025-01-15T12:00:00+01:00');
    expect(dutchNoon('2025-07-01')).toBe('2025-07-01T12:00:00+02:00');
    expect(new Date(dutchNoon('2025-03-30')).toISOString()).toBe('2025-03-30T10:00:00.000Z');
  });
});
