import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { getQuestionnaire, listTeams, listVersions } from '../db.js';
import { route } from '../describe.js';
import { ApiError } from '../errors.js';
import { aboutTable, aggregateTable, excelCsv, type TableNames } from '../export/aggregate-table.js';
import { aggregateCsv } from '../export/aggregates-csv.js';
import { buildCodebook, codebookCsv, headerRow, responseRow, type Variable } from '../export/codebook.js';
import { BOM } from '../export/csv.js';
import { rScript } from '../export/r-script.js';
import { spsSyntax } from '../export/sps.js';
import { aggregatesWorkbook, responsesWorkbook } from '../export/workbooks.js';
import { zipStream } from '../export/zip.js';
import { dutchDay } from '../ingest.js';
import { ledgerFor } from '../ledger-stub.js';
import type { Ledger } from '../ledger.js';
import type { LedgerRecord } from '../ledger-types.js';
import { AggregateFields, AggregateQuery, labelsOf, readAggregate, refineAggregateQuery } from './aggregates.js';

/** Responses fetched from the ledger per step of the stream: memory stays flat at any number of responses. */
export const EXPORT_PAGE = 500;

const Query = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional() });

const files = (q: string) => ({
  csv: `peil-${q}-antwoorden.csv`,
  spssCsv: `peil-${q}-antwoorden-spss.csv`,
  sps: `peil-${q}-antwoorden.sps`,
  codebook: `peil-${q}-codeboek.csv`,
  aggregates: `peil-${q}-cijfers.csv`,
  aggregatesExcel: `peil-${q}-cijfers-excel.csv`,
  xlsx: `peil-${q}-antwoorden.xlsx`,
  aggregatesXlsx: `peil-${q}-cijfers.xlsx`,
  zip: `peil-${q}-spss-r.zip`,
});
/**
 * Names inside spss.zip: short, and the .sps and .R read their CSV by these names from the same folder.
 * Both read the one-line CSV: SPSS cannot read a line break inside a field, and R's read.csv turns a
 * carriage return inside one into a line feed; each script restores the line breaks exactly.
 */
const IN_ZIP = {
  csv: 'antwoorden.csv',
  spssCsv: 'antwoorden-spss-r.csv',
  sps: 'antwoorden.sps',
  r: 'antwoorden.R',
  codebook: 'codeboek.csv',
  readme: 'LEESMIJ.txt',
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** `responses.csv?format=spss`: open answers on one line, for `responses.sps`. */
const CsvQuery = Query.extend({ format: z.enum(['spss']).optional() });
/** `aggregates.csv?format=excel`: the Dutch table for Excel. */
const AggregateCsvQuery = AggregateFields.extend({ format: z.enum(['excel']).optional() }).superRefine(refineAggregateQuery);

function download(body: BodyInit, type: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** The columns of a questionnaire's responses export, for the CSV, the .sps and the codebook alike. */
export async function codebookFor(env: Env, gemeente: string, questionnaire: string): Promise<Variable[]> {
  const ledger = ledgerFor(env, gemeente, questionnaire);
  const [versions, teams, partners, cells] = await Promise.all([
    listVersions(env.DB, gemeente, questionnaire),
    listTeams(env.DB, gemeente),
    env.DB.prepare('SELECT id, name FROM partners WHERE gemeente_id = ? ORDER BY id').bind(gemeente).all<{ id: string; name: string }>(),
    // Every answer value ever counted, read from the cube (small), so codes cover values no current definition lists.
    ledger.cells({}),
  ]);
  const seen = new Map<string, string[]>();
  for (const c of cells) (seen.get(c.item) ?? seen.set(c.item, []).get(c.item)!).push(c.value);
  const perPartner = versions.at(-1)?.definition.wet !== 'jeugd';
  return buildCodebook({ versions: versions.map((v) => v.definition), teams, partners: partners.results, seen, perPartner });
}

/** Stored responses, page by page: the next page is read only when the last one has been written out. */
async function* responsePages(ledger: DurableObjectStub<Ledger>): AsyncGenerator<LedgerRecord[]> {
  for (let after = 0; ;) {
    const page = await ledger.responses(String(after), EXPORT_PAGE);
    if (page.length === 0) return;
    after = page[page.length - 1].rowid;
    yield page;
  }
}

/** The responses CSV as text pieces, one per page. */
async function* csvPieces(vars: Variable[], pages: AsyncIterable<LedgerRecord[]>, dialect: 'data' | 'spss'): AsyncGenerator<string> {
  yield BOM + headerRow(vars);
  for await (const page of pages) yield page.map((r) => responseRow(vars, r, dialect)).join('');
}

/** The aggregate of a request as Dutch table lines, with what the workbook's Toelichting says about it. */
async function tableOf(c: Context<AppEnv>, q: AggregateQuery) {
  // The same figures as GET /v1/aggregates: exact for the gemeente, disclosure-controlled for a partner.
  const { s, def, aggregate } = await readAggregate(c, q);
  const partners = await c.env.DB.prepare('SELECT id, name FROM partners WHERE gemeente_id = ?')
    .bind(s.gemeente)
    .all<{ id: string; name: string }>();
  const labels = await labelsOf(c.env, s, def);
  const names: TableNames = { labels, partners: Object.fromEntries(partners.results.map((p) => [p.id, p.name])) };
  return { lines: aggregateTable(aggregate, names, q.groupBy), about: aboutTable(aggregate, names, q, dutchDay()) };
}

function readme(questionnaire: string): string {
  return [
    `Peil: antwoorden op ${questionnaire}`,
    '',
    'Pak dit ZIP-bestand uit in een map. Alle bestanden horen in die ene map.',
    '',
    `${IN_ZIP.csv}         alle antwoorden, precies zoals opgeslagen (CSV volgens RFC 4180, UTF-8 met BOM)`,
    `${IN_ZIP.spssCsv}  dezelfde antwoorden, elk op één regel: regeleinden in open antwoorden staan er als ␤n`,
    `${IN_ZIP.sps}         leest ${IN_ZIP.spssCsv} in SPSS of PSPP, met labels, en maakt er weer regeleinden van`,
    `${IN_ZIP.r}           leest ${IN_ZIP.spssCsv} in R, met labels; "weet niet" (9) wordt NA`,
    `${IN_ZIP.codebook}         elke kolom met haar vraag, codes en labels`,
    '',
    `SPSS: open ${IN_ZIP.sps} en kies Run > All. Vindt SPSS het CSV-bestand niet, haal dan de * weg voor`,
    '      de regel CD bovenin en vul de map in waar u dit ZIP-bestand hebt uitgepakt.',
    `PSPP: open ${IN_ZIP.sps} vanuit deze map, of op de opdrachtregel: cd <map> en dan pspp ${IN_ZIP.sps}`,
    `R:    setwd("<map>") (RStudio: Session > Set Working Directory > To Source File Location), dan source("${IN_ZIP.r}")`,
    '',
    'Unzip into one folder. SPSS/PSPP: open antwoorden.sps from that folder (or set CD at its top).',
    'R: set the working directory to that folder, then source("antwoorden.R"). Python:',
    `pandas.read_csv("${IN_ZIP.csv}", encoding="utf-8-sig", dtype=str, keep_default_na=False)`,
    '',
  ].join('\r\n');
}

/** Microdata (responses, their codebook) is for the gemeente only; a partner (viewer) token gets 403. */
const microdata = requireRole('operator', 'admin', 'onderzoeker');
const microdataQuery = validate('query', Query);

/** A gemeente-admin download of one questionnaire's data. */
const microdataRoute = (summary: string, description: string, type: string) =>
  route({
    summary,
    tag: 'data',
    ok: { 200: { description, type } },
    errors: [
      [400, 'bad_request'],
      [404, 'questionnaire_not_found'],
    ],
  });

/** The gemeente of a microdata request, once its questionnaire is known to exist. */
async function scope(
  c: Context<AppEnv, string, { out: { query: z.infer<typeof Query> } }>,
): Promise<{ gemeente: string; questionnaire: string }> {
  const q = c.req.valid('query');
  const gemeente = gemeenteOf(c, q.gemeente);
  if (!(await getQuestionnaire(c.env.DB, gemeente, q.questionnaire))) {
    throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
  }
  return { gemeente, questionnaire: q.questionnaire };
}

export const exportRoute = new Hono<AppEnv>()
  .get(
    '/responses.csv',
    microdataRoute('All responses as CSV (streamed); format=spss puts line breaks in open answers on one line', 'CSV', 'text/csv'),
    microdata,
    validate('query', CsvQuery),
    async (c) => {
      const q = await scope(c);
      const dialect = c.req.valid('query').format === 'spss' ? 'spss' : 'data';
      const gemeente = q.gemeente;
      const vars = await codebookFor(c.env, gemeente, q.questionnaire);
      const ledger = ledgerFor(c.env, gemeente, q.questionnaire);
      const encoder = new TextEncoder();
      let after = 0;
      // Pulled page by page: the next page is read only when the client has taken the last one.
      const body = new ReadableStream<Uint8Array>(
        {
          start(controller) {
            controller.enqueue(encoder.encode(BOM + headerRow(vars)));
          },
          async pull(controller) {
            const page = await ledger.responses(String(after), EXPORT_PAGE);
            if (page.length === 0) {
              controller.close();
              return;
            }
            after = page[page.length - 1].rowid;
            controller.enqueue(encoder.encode(page.map((r) => responseRow(vars, r, dialect)).join('')));
          },
        },
        { highWaterMark: 1 },
      );
      return download(body, 'text/csv; charset=utf-8; header=present', files(q.questionnaire)[dialect === 'spss' ? 'spssCsv' : 'csv']);
    },
  )
  .get(
    '/responses.sps',
    microdataRoute('SPSS syntax describing the CSV', 'SPSS syntax', 'text/plain'),
    microdata,
    microdataQuery,
    async (c) => {
      const q = await scope(c);
      const gemeente = q.gemeente;
      const vars = await codebookFor(c.env, gemeente, q.questionnaire);
      const sps = spsSyntax(vars, {
        csvFile: files(q.questionnaire).spssCsv,
        title: `antwoorden op ${q.questionnaire} (${gemeente})`,
        origin: `/v1/export/responses.csv?questionnaire=${q.questionnaire}&format=spss`,
      });
      return download(sps, 'text/plain; charset=utf-8', files(q.questionnaire).sps);
    },
  )
  .get(
    '/codebook.csv',
    microdataRoute('Codebook of the CSV columns and codes', 'CSV', 'text/csv'),
    microdata,
    microdataQuery,
    async (c) => {
      const q = await scope(c);
      const gemeente = q.gemeente;
      const vars = await codebookFor(c.env, gemeente, q.questionnaire);
      return download(BOM + codebookCsv(vars), 'text/csv; charset=utf-8; header=present', files(q.questionnaire).codebook);
    },
  )
  .get(
    '/aggregates.csv',
    route({
      summary: 'The (suppressed) aggregate as CSV; a partner token gets its own partner',
      tag: 'report',
      ok: { 200: { description: 'CSV', type: 'text/csv' } },
      errors: [
        [400, 'bad_request'],
        [404, 'questionnaire_not_found'],
      ],
    }),
    requireRole('operator', 'admin', 'viewer', 'onderzoeker', 'beleid'),
    validate('query', AggregateCsvQuery),
    async (c) => {
      // The same figures as GET /v1/aggregates: a partner gets its own partner, through the disclosure layer.
      const q = c.req.valid('query');
      const { format } = q;
      if (format === 'excel') {
        const { lines } = await tableOf(c, q);
        return download(excelCsv(lines), 'text/csv; charset=utf-8; header=present', files(q.questionnaire).aggregatesExcel);
      }
      const { aggregate } = await readAggregate(c, q);
      return download(BOM + aggregateCsv(aggregate), 'text/csv; charset=utf-8; header=present', files(q.questionnaire).aggregates);
    },
  )
  .get(
    '/aggregates.xlsx',
    route({
      summary: 'The (suppressed) aggregate as an Excel workbook with Dutch labels; a partner token gets its own partner',
      tag: 'report',
      ok: { 200: { description: 'XLSX', type: XLSX } },
      errors: [
        [400, 'bad_request'],
        [404, 'questionnaire_not_found'],
      ],
    }),
    requireRole('operator', 'admin', 'viewer', 'onderzoeker', 'beleid'),
    validate('query', AggregateQuery),
    async (c) => {
      const q = c.req.valid('query');
      const { lines, about } = await tableOf(c, q);
      return download(aggregatesWorkbook(lines, about), XLSX, files(q.questionnaire).aggregatesXlsx);
    },
  )
  .get(
    '/responses.xlsx',
    microdataRoute('All responses as an Excel workbook: Dutch questions, codes, labels, dates', 'XLSX', XLSX),
    microdata,
    microdataQuery,
    async (c) => {
      const q = await scope(c);
      const vars = await codebookFor(c.env, q.gemeente, q.questionnaire);
      const ledger = ledgerFor(c.env, q.gemeente, q.questionnaire);
      return download(responsesWorkbook(vars, responsePages(ledger)), XLSX, files(q.questionnaire).xlsx);
    },
  )
  .get(
    '/spss.zip',
    microdataRoute('One ZIP for SPSS and R: the CSV, .sps, R script and codebook', 'ZIP', 'application/zip'),
    microdata,
    microdataQuery,
    async (c) => {
      const q = await scope(c);
      const vars = await codebookFor(c.env, q.gemeente, q.questionnaire);
      const title = `antwoorden op ${q.questionnaire} (${q.gemeente})`;
      const ledger = ledgerFor(c.env, q.gemeente, q.questionnaire);
      const zip = zipStream([
        { name: IN_ZIP.readme, content: readme(q.questionnaire) },
        { name: IN_ZIP.sps, content: spsSyntax(vars, { csvFile: IN_ZIP.spssCsv, title }) },
        { name: IN_ZIP.r, content: rScript(vars, { csvFile: IN_ZIP.spssCsv, title }) },
        { name: IN_ZIP.codebook, content: BOM + codebookCsv(vars) },
        // Two passes over the ledger, one per CSV: a ZIP holds its files one after the other.
        { name: IN_ZIP.csv, content: csvPieces(vars, responsePages(ledger), 'data') },
        { name: IN_ZIP.spssCsv, content: csvPieces(vars, responsePages(ledger), 'spss') },
      ]);
      return download(zip, 'application/zip', files(q.questionnaire).zip);
    },
  );
