import { Hono } from 'hono';
import { z } from 'zod';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { YEAR_BY } from '../../schemas/constants.js';
import { forGemeente, gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { getGemeente, getVersion, listQuestionnaires } from '../db.js';
import { route } from '../describe.js';
import { ApiError } from '../errors.js';
import { BOM } from '../export/csv.js';
import { dutchDay } from '../ingest.js';
import { ceoReportHtml, indicatorsCsv, type CeoReportInput } from '../report/ceo.js';
import { labelsOf, readAggregate, type AggregateQuery } from './aggregates.js';
import { batchStats } from './invites.js';
import { CSP } from './pages.js';

const ReportQuery = z
  .object({
    questionnaire: QuestionnaireId,
    gemeente: Slug.optional(),
    year: z.string().regex(/^(19|20)\d{2}$/, 'a year as YYYY'),
    /** The year of the response (default) or of the contact or service it is about. */
    by: z.enum(YEAR_BY).default('response'),
    weighted: z.enum(['0', '1']).optional(),
    format: z.enum(['html', 'csv']).default('html'),
  })
  .strict();
const DueQuery = z.object({ gemeente: Slug.optional() }).strict();

/** The legal deadline for a year's CEO report: 1 July of the year after (results to the raad and VWS). */
export function ceoDeadline(today: string): { year: string; deadline: string; daysLeft: number } {
  const y = Number(today.slice(0, 4));
  const deadlineYear = today < `${y}-07-01` ? y : y + 1;
  const deadline = `${deadlineYear}-07-01`;
  const daysLeft = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { year: String(deadlineYear - 1), deadline, daysLeft };
}
/** From this many days before 1 July, beheer reminds a gemeente whose report is not made yet. */
const REMIND_DAYS = 60;

export const reports = new Hono<AppEnv>()
  .get(
    '/ceo',
    route({
      summary: 'The yearly CEO report (Wmo 2015 art. 2.5.1, Jeugdwet art. 2.10): printable A4 HTML in Dutch, or its indicators as CSV',
      tag: 'report',
      ok: { 200: { description: 'HTML (format=html) or CSV of the indicators (format=csv)', type: 'text/html' } },
      errors: [
        [400, 'bad_request'],
        [404, 'questionnaire_not_found'],
      ],
    }),
    requireRole('operator', 'admin'),
    forGemeente('query'),
    validate('query', ReportQuery),
    async (c) => {
      const q = c.req.valid('query');
      // The same reads as GET /v1/aggregates (readAggregate), so the report's figures are the dashboard's.
      const base: AggregateQuery = { questionnaire: q.questionnaire, gemeente: q.gemeente, year: q.year, by: q.by, weighted: q.weighted };
      const [{ s, def, aggregate }, channels, latest] = await Promise.all([
        readAggregate(c, { ...base, compare: 'lastyear' }),
        readAggregate(c, { ...base, groupBy: 'channel' }),
        getVersion(c.env.DB, gemeenteOf(c, q.gemeente), q.questionnaire),
      ]);
      if (!latest) throw new ApiError(404, 'questionnaire_not_found', `Questionnaire ${q.questionnaire} has no published version.`);
      const [g, labels, batches] = await Promise.all([
        getGemeente(c.env.DB, s.gemeente),
        labelsOf(c.env, s, def),
        batchStats(c.env.DB, s.gemeente, q.questionnaire),
      ]);
      const input: CeoReportInput = {
        gemeente: g?.name ?? s.gemeente,
        questionnaire: q.questionnaire,
        title: latest.definition.title.nl,
        wet: latest.definition.wet,
        core: latest.definition.core,
        year: q.year,
        by: q.by,
        aggregate,
        channels: channels.aggregate,
        labels,
        // The sample of a year: batches drawn for that service year, or sent in it when they name none.
        batches: batches.filter((b) => (b.serviceYear ? b.serviceYear === q.year : b.createdAt.startsWith(q.year))),
        weighted: q.weighted === '1',
        today: dutchDay(),
      };
      c.header('Cache-Control', 'no-store');
      if (q.format === 'csv') {
        return c.body(BOM + indicatorsCsv(input), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="ceo-${q.questionnaire}-${q.year}.csv"`,
        });
      }
      await c.env.DB.prepare('INSERT OR REPLACE INTO ceo_reports (gemeente_id, questionnaire_id, year) VALUES (?, ?, ?)')
        .bind(s.gemeente, q.questionnaire, q.year)
        .run();
      return c.html(ceoReportHtml(input), 200, { 'Content-Security-Policy': CSP });
    },
  )
  .get(
    '/ceo/due',
    route({
      summary:
        'For the reminder in beheer: the next 1 July deadline, the year it is for, and per legal questionnaire whether its report exists',
      tag: 'report',
      ok: { 200: '{today, year, deadline, daysLeft, remind, questionnaires: [{id, wet, reportExists, generatedAt}]}' },
      errors: [[400, 'bad_request']],
    }),
    requireRole('operator', 'admin'),
    forGemeente('query'),
    validate('query', DueQuery),
    async (c) => {
      const gemeente = gemeenteOf(c, c.req.valid('query').gemeente);
      const today = dutchDay();
      const due = ceoDeadline(today);
      const [summaries, made] = await Promise.all([
        listQuestionnaires(c.env.DB, gemeente),
        c.env.DB.prepare('SELECT questionnaire_id, generated_at FROM ceo_reports WHERE gemeente_id = ? AND year = ?')
          .bind(gemeente, due.year)
          .all<{ questionnaire_id: string; generated_at: string }>(),
      ]);
      const legal = summaries
        .filter((q) => q.latestVersion !== null && (q.wet === 'wmo' || q.wet === 'jeugd'))
        .map((q) => {
          const report = made.results.find((r) => r.questionnaire_id === q.id);
          return { id: q.id, wet: q.wet, core: q.core, reportExists: report !== undefined, generatedAt: report?.generated_at ?? null };
        });
      const remind = due.daysLeft <= REMIND_DAYS && legal.some((q) => !q.reportExists);
      return c.json({ today, ...due, remind, questionnaires: legal });
    },
  );
