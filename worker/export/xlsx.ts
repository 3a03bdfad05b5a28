import { zipStream } from './zip.js';

/**
 * An .xlsx workbook written as a stream: the SpreadsheetML parts by hand, zipped by fflate's
 * streaming `Zip` (see zip.ts). Rows arrive in pages and leave compressed before the next page is read, so memory
 * stays flat at any number of rows. (exceljs builds on Node streams, archiver and temporary files,
 * which a Worker does not have; fflate is small, pure and streams.)
 *
 * Text goes into inline-string cells, so a text that looks like a formula stays text: nothing in the
 * file is ever a formula. Numbers are numbers, dates are serial days with a date format.
 */

/** How a number shows in Excel; the value in the cell is always the full number. */
export type NumberFormat = 'integer' | 'decimal1' | 'decimal2' | 'percent1';

export type XlsxCell =
  | string
  | number
  | { number: number; format: NumberFormat }
  /** A day as YYYY-MM-DD, written as a date cell. */
  | { date: string }
  | null
  | undefined;

export interface Sheet {
  /** At most 31 characters, none of []:*?/\ . */
  name: string;
  columns: { width: number; wrap?: boolean }[];
  /** Rows kept in view at the top, in bold. */
  header: XlsxCell[][];
  /** The rest, page by page; each page is written and compressed before the next is asked for. */
  rows: AsyncIterable<XlsxCell[][]> | Iterable<XlsxCell[][]>;
}

// Style indexes into cellXfs below.
const STYLE = { text: 0, header: 1, date: 2, integer: 3, decimal1: 4, decimal2: 5, percent1: 6, wrap: 7 } as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function contentTypes(sheets: number): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${overrides}</Types>`
  );
}

const ROOT_RELS =
  `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbook(names: string[]): string {
  const sheets = names.map((n, i) => `<sheet name="${xmlAttr(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  const rels = Array.from(
    { length: sheets },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${sheets + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
  return `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
}

/**
 * Text as an XML string that reads back exactly. XML cannot hold most control characters and turns a
 * carriage return into a line feed, so those are written the way SpreadsheetML escapes them (_xHHHH_,
 * &#13;), and a literal "_xHHHH_" in the text gets its underscore escaped so it is not decoded.
 */
function xmlText(s: string): string {
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/\r/g, '&#13;')
    .replace(
      // XML 1.0 cannot hold these control characters; SpreadsheetML escapes them as _xHHHH_.
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}

function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;');
}

/** Days since 1899-12-30, Excel's day 0 (its 1900 leap-year quirk lies before every date we write). */
function serialDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function cellXml(ref: string, cell: XlsxCell, textStyle: number): string {
  if (cell === null || cell === undefined || cell === '') return '';
  if (typeof cell === 'string') {
    const style = textStyle === STYLE.text ? '' : ` s="${textStyle}"`;
    return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
  }
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  if ('date' in cell) return `<c r="${ref}" s="${STYLE.date}"><v>${serialDay(cell.date)}</v></c>`;
  return `<c r="${ref}" s="${STYLE[cell.format]}"><v>${cell.number}</v></c>`;
}

function rowXml(row: number, cells: XlsxCell[], styleOf: (col: number) => number): string {
  return `<row r="${row}">${cells.map((c, i) => cellXml(`${columnName(i)}${row}`, c, styleOf(i))).join('')}</row>`;
}

function sheetStart(sheet: Sheet): string {
  const frozen = sheet.header.length;
  const pane = frozen
    ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
    : '';
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const header = sheet.header.map((r, i) => rowXml(i + 1, r, () => STYLE.header)).join('');
  return (
    `${HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${header}`
  );
}

/** One sheet's XML, page by page: the rows of a page are written before the next page is asked for. */
async function* sheetXml(sheet: Sheet): AsyncGenerator<string> {
  yield sheetStart(sheet);
  const styleOf = (col: number) => (sheet.columns[col]?.wrap ? STYLE.wrap : STYLE.text);
  let row = sheet.header.length;
  for await (const page of sheet.rows) yield page.map((cells) => rowXml(++row, cells, styleOf)).join('');
  yield '</sheetData></worksheet>';
}

/** The workbook as a byte stream, pulled: the next page of rows is asked for only when the reader wants more. */
export function xlsxStream(sheets: Sheet[]): ReadableStream<Uint8Array> {
  return zipStream([
    { name: '[Content_Types].xml', content: contentTypes(sheets.length) },
    { name: '_rels/.rels', content: ROOT_RELS },
    { name: 'xl/workbook.xml', content: workbook(sheets.map((s) => s.name)) },
    { name: 'xl/_rels/workbook.xml.rels', content: workbookRels(sheets.length) },
    { name: 'xl/styles.xml', content: STYLES },
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, content: sheetXml(sheet) })),
  ]);
}
