/**
 * CSV as RFC 4180 describes it, written by hand: the writing side is a dozen lines (quote a field
 * when it holds a comma, quote or line break, double the quotes inside, end records with CRLF),
 * and a library would add a dependency and its own buffering to a path that must stream.
 *
 * Comma, not semicolon: SPSS (GET DATA /DELIMITERS=","), R (read.csv, readr) and Python read it as
 * is; Dutch Excel expects ';' and should open the file through Data > From Text. The UTF-8 byte
 * order mark makes Excel and SPSS detect UTF-8 (ë, é in Dutch text); R's readr skips it.
 */

/** UTF-8 byte order mark, written once at the start of a file. */
export const BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted only when RFC 4180 requires it. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, CRLF-terminated. */
export function csvRow(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * Free text typed by the public, made safe to read: a leading = + - @ would run as a formula in
 * Excel or LibreOffice (CSV injection), so such text gets a leading apostrophe; and SPSS's GET DATA
 * ends a field at every line end, even inside quotes, so line breaks become " / ".
 */
export function safeText(text: string): string {
  const flat = text.replace(/\s*(?:\r\n|\r|\n)+\s*/g, ' / ');
  return FORMULA_START.test(flat) ? `'${flat}` : flat;
}
