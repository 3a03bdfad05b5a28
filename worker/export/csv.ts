/**
 * CSV as RFC 4180 describes it, written by hand: the writing side is a dozen lines (quote a field
 * when it holds a delimiter, quote or line break, double the quotes inside, end records with CRLF),
 * and a library would add a dependency and its own buffering to a path that must stream.
 *
 * Two dialects. The data files (`responses.csv`, `aggregates.csv`) use a comma and decimal points,
 * as R, Python, SPSS and every statistics package read them, and hold every text exactly as stored.
 * The file meant for a spreadsheet (`aggregates.csv?format=excel`) uses what Dutch Excel expects:
 * semicolons, decimal commas, and text that cannot run as a formula.
 */

/** UTF-8 byte order mark, written once at the start of a file: Excel and SPSS then read UTF-8 (ë, é). */
export const BOM = '\uFEFF';

type Field = string | number | boolean | null | undefined;

const NEEDS_QUOTES = { ',': /[",\r\n]/, ';': /[";\r\n]/ } as const;

function fieldWith(delimiter: ',' | ';', value: Field, number: (n: number) => string): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'boolean' ? (value ? '1' : '0') : typeof value === 'number' ? number(value) : value;
  return NEEDS_QUOTES[delimiter].test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One field, quoted only when RFC 4180 requires it. */
export function csvField(value: Field): string {
  return fieldWith(',', value, String);
}

/** One record, CRLF-terminated. */
export function csvRow(fields: readonly Field[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Characters that make a spreadsheet read a typed-in cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Text for a spreadsheet cell: a leading = + - @ would run as a formula in Excel or LibreOffice (CSV
 * injection), so such text gets a leading apostrophe, which Excel hides. Only for files meant for a
 * spreadsheet; data files keep the text as it is.
 */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number as Dutch Excel reads it: decimal comma, no thousands separator. */
const dutchNumber = (n: number) => String(n).replace('.', ',');

/** One record of the spreadsheet dialect: semicolons, decimal commas, formula-safe text, CRLF. */
export function excelCsvRow(fields: readonly Field[]): string {
  return `${fields.map((f) => fieldWith(';', typeof f === 'string' ? spreadsheetText(f) : f, dutchNumber)).join(';')}\r\n`;
}

/**
 * SPSS and PSPP read a CSV line by line: a line break inside a quoted field ends the case. The CSV made
 * for them writes a line feed as ␤n, a carriage return as ␤r and ␤ itself as ␤0; the syntax turns them
 * back in that order (␤0 last), which restores every text exactly, because each ␤ written starts a pair.
 */
export const SPSS_ESCAPE = { mark: '\u2424', lf: '\u2424n', cr: '\u2424r', mark0: '\u24240' } as const;

/** Open text for the SPSS CSV: one line, reversibly. */
export function spssText(text: string): string {
  return text.replace(/[\u2424\n\r]/g, (c) => (c === '\n' ? SPSS_ESCAPE.lf : c === '\r' ? SPSS_ESCAPE.cr : SPSS_ESCAPE.mark0));
}
