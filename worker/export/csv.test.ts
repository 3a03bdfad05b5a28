import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvRow, safeText } from './csv.js';
import { readCsv } from '../../test/support/csv-reader.js';

describe('csv', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('centrum')).toBe('centrum');
    expect(csvField(8)).toBe('8');
    expect(csvField(true)).toBe('1');
    expect(csvField(undefined)).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvRow(['a', 1, ''])).toBe('a,1,\r\n');
  });

  it('reads back field for field, whatever the text', () => {
    const fields = ['gewoon', 'met, komma', 'met "quotes"', 'twee\r\nregels', 'één ë', '', ' spatie '];
    expect(readCsv(csvRow(fields) + csvRow(['x']))).toEqual([fields, ['x']]);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(safeText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeText('+31')).toBe("'+31");
    expect(safeText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeText('Prima hulp')).toBe('Prima hulp');
    expect(safeText('Eerste regel\r\n\r\nTweede\nDerde')).toBe('Eerste regel / Tweede / Derde');
  });

  it('starts a file with the UTF-8 byte order mark, which readers take as the encoding and drop', () => {
    const fields = ['één', 'cliënt'];
    const bytes = new TextEncoder().encode(BOM + csvRow(fields));
    // The three bytes Excel looks for before it reads a CSV as UTF-8 rather than Windows-1252.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readCsv(new TextDecoder('utf-8').decode(bytes))).toEqual([fields]);
  });
});
