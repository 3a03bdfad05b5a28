import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { gemeenteOf, requireRole } from '../auth.js';
import { readQuery } from '../body.js';
import type { AppEnv } from '../context.js';
import { getQuestionnaire, listTeams, listVersions } from '../db.js';
import { ApiError } from '../errors.js';
import { aggregateCsv } from '../export/aggregates-csv.js';
import { buildCodebook, codebookCsv, headerRow, responseRow, type Variable } from '../export/codebook.js';
import { BOM } from '../export/csv.js';
import { spsSyntax } from '../export/sps.js';
import { ledgerFor } from '../ledger-stub.js';
import { AggregateQuery, readAggregate } from './aggregates.js';

/** Responses fetched from the ledger per step of the stream: memory stays flat at any number of responses. */
export const EXPORT_PAGE = 500;

const Query = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional() });

const files = (q: string) => ({ csv: `peil-${q}-antwoorden.csv`, sps: `peil-${q}-antwoorden.sps`, codebook: `peil-${q}-codeboek.csv`, aggregates: `peil-${q}-cijfers.csv` });

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
async function codebookFor(env: Env, gemeente: string, questionnaire: string): Promise<Variable[]> {
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
  return buildCodebook({ versions: versions.map((v) => v.definition), teams, partners: partners.results, seen });
}

/** Microdata (responses, their codebook) is for the gemeente only; a partner (viewer) token gets 403. */
const microdata = requireRole('operator', 'admin');

/** The gemeente of a microdata request, once its questionnaire is known to exist. */
async function scope(c: Context<AppEnv>): Promise<{ gemeente: string; questionnaire: string }> {
  const q = readQuery(c, Query);
  const gemeente = gemeenteOf(c, q.gemeente);
  if (!(await getQuestionnaire(c.env.DB, gemeente, q.questionnaire))) {
    throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
  }
  return { gemeente, questionnaire: q.questionnaire };
}

export const exportRoute = new Hono<AppEnv>()
  .get('/responses.csv', microdata, async (c) => {
    const q = await scope(c);
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
          controller.enqueue(encoder.encode(page.map((r) => responseRow(vars, r)).join('')));
        },
      },
      { highWaterMark: 1 },
    );
    return download(body, 'text/csv; charset=utf-8; header=present', files(q.questionnaire).csv);
  })
  .get('/responses.sps', microdata, async (c) => {
    const q = await scope(c);
    const gemeente = q.gemeente;
    const vars = await codebookFor(c.env, gemeente, q.questionnaire);
    const sps = spsSyntax(vars, { csvFile: files(q.questionnaire).csv, title: `antwoorden op ${q.questionnaire} (${gemeente})` });
    return download(sps, 'text/plain; charset=utf-8', files(q.questionnaire).sps);
  })
  .get('/codebook.csv', microdata, async (c) => {
    const q = await scope(c);
    const gemeente = q.gemeente;
    const vars = await codebookFor(c.env, gemeente, q.questionnaire);
    return download(BOM + codebookCsv(vars), 'text/csv; charset=utf-8; header=present', files(q.questionnaire).codebook);
  })
  .get('/aggregates.csv', requireRole('operator', 'admin', 'viewer'), async (c) => {
    // The same figures as GET /v1/aggregates: a partner gets its own partner, through the disclosure layer.
    const q = readQuery(c, AggregateQuery);
    const { aggregate } = await readAggregate(c, q);
    return download(BOM + aggregateCsv(aggregate), 'text/csv; charset=utf-8; header=present', files(q.questionnaire).aggregates);
  });
