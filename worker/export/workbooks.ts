import type { LedgerRecord } from '../ledger-types.js';
import { TABLE_COLUMNS, lineCells, type TableLine } from './aggregate-table.js';
import type { Variable } from './codebook.js';
import { xlsxStream, type Sheet, type XlsxCell } from './xlsx.js';

/**
 * A response's cell as a spreadsheet user reads it: numbers for grades and scores, real dates, and the
 * Dutch label in place of every code (the codes are in the second header row and the Codeboek sheet).
 */
export function responseCell(v: Variable): (rec: LedgerRecord) => XlsxCell {
  const labels = new Map(v.values.map((x) => [String(x.code), x.label]));
  return (rec) => {
    const code = v.encode(rec);
    if (code === '') return null;
    if (v.format.type === 'date') return { date: code };
    if (v.level !== 'scale' && labels.size > 0) return labels.get(code) ?? code;
    return v.format.type === 'numeric' ? Number(code) : code;
  };
}

function widthOf(v: Variable): number {
  if (v.kind === 'open') return 60;
  if (v.name === 'submission_id') return 38;
  return 18;
}

/** The codebook as a sheet: one row per variable, one more per coded value. */
function codebookSheet(vars: readonly Variable[]): Sheet {
  const rows = vars.flatMap((v) => [
    [v.name, v.label, v.item, v.kind, null, null, null],
    ...v.values.map((x) => [
      v.name,
      null,
      null,
      null,
      x.code,
      x.label,
      typeof x.code === 'number' && v.missing.includes(x.code) ? 'ja' : null,
    ]),
  ]);
  return {
    name: 'Codeboek',
    columns: [{ width: 28 }, { width: 60, wrap: true }, { width: 22 }, { width: 12 }, { width: 10 }, { width: 40 }, { width: 12 }],
    header: [['Kolom', 'Vraag', 'Vraagcode', 'Soort', 'Code', 'Betekenis', 'Ontbrekend (weet niet)']],
    rows: [rows],
  };
}

/**
 * All responses as a workbook: row 1 the Dutch question of each column, row 2 its code (as in the
 * CSV and SPSS), then one row per response; a second sheet with the codebook.
 */
export function responsesWorkbook(vars: readonly Variable[], pages: AsyncIterable<LedgerRecord[]>): ReadableStream<Uint8Array> {
  const cells = vars.map(responseCell);
  async function* rows(): AsyncGenerator<XlsxCell[][]> {
    for await (const page of pages) yield page.map((rec) => cells.map((cell) => cell(rec)));
  }
  return xlsxStream([
    {
      name: 'Antwoorden',
      columns: vars.map((v) => ({ width: widthOf(v), wrap: v.kind === 'open' })),
      header: [vars.map((v) => v.label), vars.map((v) => v.name)],
      rows: rows(),
    },
    codebookSheet(vars),
  ]);
}

/** The aggregate table as a workbook, and a sheet that says what was selected and how to read it. */
export function aggregatesWorkbook(lines: readonly TableLine[], about: readonly [string, XlsxCell][]): ReadableStream<Uint8Array> {
  const widths = [20, 12, 50, 18, 16, 32, 12, 18, 12, 12, 10, 30];
  return xlsxStream([
    {
      name: 'Cijfers',
      columns: widths.map((width, i) => ({ width, wrap: i === 2 })),
      header: [[...TABLE_COLUMNS]],
      rows: [lines.map(lineCells)],
    },
    {
      name: 'Toelichting',
      columns: [{ width: 36 }, { width: 90, wrap: true }],
      header: [],
      rows: [about.map(([k, v]) => [k, v])],
    },
  ]);
}
