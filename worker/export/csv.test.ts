import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvRow, safeText } from './csv.js';

/** A reference reader for RFC 4180, to prove what we write reads back to what we meant. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

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
    expect(parse(csvRow(fields) + csvRow(['x']))).toEqual([fields, ['x']]);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(safeText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeText('+31')).toBe("'+31");
    expect(safeText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeText('Prima hulp')).toBe('Prima hulp');
    expect(safeText('Eerste regel\r\n\r\nTweede\nDerde')).toBe('Eerste regel / Tweede / Derde');
    expect(BOM).toBe('\uFEFF');
  });
});
