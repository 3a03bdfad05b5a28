import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvRow, excelCsvRow, spreadsheetText, spssText, SPSS_ESCAPE } from './csv.js';
import { readCsv } from '../../test/support/csv-reader.js';

const TRICKY = [
  'gewoon',
  'met, komma',
  'met; puntkomma',
  'met "quotes"',
  'twee\r\nregels',
  'lf\nalleen',
  'tab\there',
  'één ë 😀',
  '',
  ' spatie ',
  '=1+1',
  '+31',
  '-',
  '@SUM(A1)',
];

/** Reverses `spssText` as the SPSS syntax does: three replacements, ␤0 last. */
const unSpss = (s: string) =>
  s.split(SPSS_ESCAPE.lf).join('\n').split(SPSS_ESCAPE.cr).join('\r').split(SPSS_ESCAPE.mark0).join(SPSS_ESCAPE.mark);

describe('csv', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('centrum')).toBe('centrum');
    expect(csvField(8)).toBe('8');
    expect(csvField(true)).toBe('1');
    expect(csvField(undefined)).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvRow(['a', 1, ''])).toBe('a,1,\r\n');
  });

  it('starts a file with the UTF-8 byte order mark, which readers take as the encoding and drop', () => {
    const fields = ['één', 'cliënt'];
    const bytes = new TextEncoder().encode(BOM + csvRow(fields));
    // The three bytes Excel looks for before it reads a CSV as UTF-8 rather than Windows-1252.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readCsv(new TextDecoder('utf-8').decode(bytes))).toEqual([fields]);
  });

  it('reads back field for field, whatever the text, with nothing added', () => {
    const text = csvRow(TRICKY) + csvRow(['x']);
    expect(readCsv(text)).toEqual([TRICKY, ['x']]);
    expect(parse(text, { relax_column_count: true })).toEqual([TRICKY, ['x']]);
  });

  it('writes the spreadsheet dialect with semicolons, decimal commas and formula-safe text', () => {
    expect(excelCsvRow(['a', 8.5, -20, 'x;y', 'p,q', '=1+1'])).toBe('a;8,5;-20;"x;y";p,q;\'=1+1\r\n');
    expect(spreadsheetText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(spreadsheetText('+31')).toBe("'+31");
    expect(spreadsheetText('-')).toBe("'-");
    expect(spreadsheetText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetText('Prima hulp')).toBe('Prima hulp');
    const rows = parse(excelCsvRow(TRICKY), { delimiter: ';' });
    expect(rows[0].map((f: string) => f.replace(/^'(?=[=+\-@\t\r\n])/, ''))).toEqual(TRICKY);
  });

  it('puts open text for SPSS on one line, reversibly', () => {
    const texts = [...TRICKY, '\u2424', '\u2424n', 'a\u2424\nb', '\r\r\n\n', '\u24240'];
    for (const t of texts) {
      expect(spssText(t)).not.toMatch(/[\r\n]/);
      expect(unSpss(spssText(t))).toBe(t);
    }
    expect(spssText('regel 1\nregel 2')).toBe('regel 1\u2424nregel 2');
    expect(spssText('Prima hulp')).toBe('Prima hulp');
  });
});
