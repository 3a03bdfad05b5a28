import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { columnName, xlsxStream, type Sheet } from './xlsx.js';

async function bytes(stream: ReadableStream<Uint8Array>): Promise<{ data: Uint8Array; chunks: number }> {
  const chunks: Uint8Array[] = [];
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(c);
  return { data: new Uint8Array(await new Blob(chunks).arrayBuffer()), chunks: chunks.length };
}

const TRICKY = [
  'gewoon',
  'met, komma; en puntkomma',
  'met "quotes" en <tags> & zo',
  'twee\r\nregels',
  'lf\nalleen',
  'tab\there',
  'één ë 😀',
  '  spaties voor en na  ',
  '=HYPERLINK("http://x")',
  '+31 6',
  '-5',
  '@SUM(A1)',
  'letterlijk _x0041_ in de tekst',
  'bel\u0007 en \u001f',
];

describe('xlsxStream', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes text as text, numbers as numbers, dates as dates, read back by SheetJS', async () => {
    const sheet: Sheet = {
      name: 'Proef',
      columns: [{ width: 30, wrap: true }, { width: 10 }],
      header: [
        ['Tekst', 'Getal'],
        ['tekst', 'getal'],
      ],
      rows: [
        TRICKY.map((t, i) => [t, i]),
        [
          [null, { number: 0.455, format: 'percent1' }],
          [{ date: '2025-03-04' }, { number: 8.25, format: 'decimal1' }],
        ],
      ],
    };
    const { data } = await bytes(xlsxStream([sheet]));
    const book = XLSX.read(data, { type: 'array', cellDates: true, cellNF: true });
    expect(book.SheetNames).toEqual(['Proef']);
    const ws = book.Sheets.Proef;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, blankrows: true });
    expect(rows[0]).toEqual(['Tekst', 'Getal']);
    expect(rows.slice(2, 2 + TRICKY.length).map((r) => r[0])).toEqual(TRICKY);
    for (let i = 0; i < TRICKY.length; i++) {
      expect(ws[`A${i + 3}`].t).toBe('s');
      expect(ws[`A${i + 3}`].f).toBeUndefined();
      expect(ws[`B${i + 3}`]).toMatchObject({ t: 'n', v: i });
    }
    const pct = ws[`B${TRICKY.length + 3}`];
    expect(pct).toMatchObject({ t: 'n', v: 0.455, z: '0.0%' });
    expect(ws[`A${TRICKY.length + 3}`]).toBeUndefined();
    const day = ws[`A${TRICKY.length + 4}`];
    expect(day.t).toBe('d');
    expect((day.v as Date).toISOString().slice(0, 10)).toBe('2025-03-04');
    expect(ws[`B${TRICKY.length + 4}`]).toMatchObject({ t: 'n', v: 8.25, z: '0.0' });
  });

  it('has no formula anywhere in the sheet XML, and keeps the header rows in view', async () => {
    const { data } = await bytes(xlsxStream([{ name: 'S', columns: [{ width: 10 }], header: [['h']], rows: [[['=1+1'], ['@A1']]] }]));
    const files = unzipSync(data);
    expect(Object.keys(files)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(xml).not.toContain('<f>');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
  });

  it('streams: each page of rows leaves before the next is asked for', async () => {
    let asked = 0;
    const pages = {
      async *[Symbol.asyncIterator]() {
        for (let p = 0; p < 20; p++) {
          asked++;
          // Text that does not compress away, so every page fills deflate's window.
          yield Array.from({ length: 200 }, (_, i) => [crypto.randomUUID(), p * 200 + i]);
        }
      },
    };
    const stream = xlsxStream([{ name: 'S', columns: [], header: [], rows: pages }]);
    const reader = stream.getReader();
    await reader.read();
    // Pulled one piece: the writer has not run ahead through all pages.
    expect(asked).toBeLessThan(20);
    const rest: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(r.value);
    expect(asked).toBe(20);
    expect(rest.length).toBeGreaterThan(5);
  });
});
