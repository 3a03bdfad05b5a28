import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { materialize, type QuestionnaireDefinition } from '../../schemas/questionnaire.js';
import { ImportLine } from '../../schemas/response.js';
import type { ErrorCode, ErrorIssue } from '../../schemas/errors.js';
import { gemeenteOf, requireRole } from '../auth.js';
import { limit, readLines, validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { getQuestionnaire, listTeams, listVersions } from '../db.js';
import { route } from '../describe.js';
import { ApiError, zodIssues } from '../errors.js';
import type { Variable } from '../export/codebook.js';
import { csvRecords, csvRowReader } from '../import-csv.js';
import { dutchDay, toRecord } from '../ingest.js';
import { ledgerFor } from '../ledger-stub.js';
import type { LedgerRecord } from '../ledger-types.js';
import { codebookFor } from './export.js';
import { consumeInvite, inviteRow, releaseInvite } from './invites.js';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** A line is one interview: the same room as a web submission body, with some to spare. */
export const MAX_IMPORT_LINE_BYTES = 64 * 1024;
/** Refused lines listed in the answer, while their JSON stays under `REFUSED_LIST_CHARS`; the rest are only counted per code. */
export const REFUSED_LINES_LISTED = 100;
const REFUSED_LIST_CHARS = 48 * 1024;
const ISSUES_PER_LINE = 3;
const MESSAGE_CHARS = 160;
const PATH_CHARS = 64;
const CHUNK = 500;

/** One refused line as the answer lists it: enough to find and fix it, bounded in size. */
interface RefusedLine {
  line: number;
  submissionId?: string;
  code: string;
  message: string;
  issues?: ErrorIssue[];
}

/** One line of an import, NDJSON or CSV: the object it stands for, or why it was refused unread. */
type ImportInput = { number: number; data: unknown } | { number: number; problem: ApiError };

const unreadable = (problem: 'too_long' | 'not_utf8') =>
  problem === 'too_long'
    ? new ApiError(413, 'payload_too_large', `A line may be at most ${MAX_IMPORT_LINE_BYTES} bytes.`)
    : new ApiError(400, 'invalid_json', 'This line is not valid UTF-8.');

async function* jsonLines(c: Context<AppEnv>): AsyncGenerator<ImportInput> {
  for await (const line of readLines(c, MAX_IMPORT_BYTES, MAX_IMPORT_LINE_BYTES)) {
    if ('problem' in line) {
      yield { number: line.number, problem: unreadable(line.problem) };
      continue;
    }
    if (line.text.trim() === '') continue;
    try {
      yield { number: line.number, data: JSON.parse(line.text) };
    } catch {
      yield { number: line.number, problem: new ApiError(400, 'invalid_json', 'This line is not valid JSON.') };
    }
  }
}

/**
 * Rows of a CSV in the export's layout as import lines, numbered by the line of the file each starts
 * on (the header is line 1). A header the export would not write refuses the whole file, before anything is stored.
 */
async function* csvLines(
  c: Context<AppEnv>,
  vars: Variable[],
  questionnaire: string,
  definitions: ReadonlyMap<number, QuestionnaireDefinition>,
): AsyncGenerator<ImportInput> {
  let read: ((fields: string[]) => unknown) | undefined;
  for await (const record of csvRecords(readLines(c, MAX_IMPORT_BYTES, MAX_IMPORT_LINE_BYTES), MAX_IMPORT_LINE_BYTES)) {
    if (!read) {
      if ('problem' in record) throw new ApiError(400, 'invalid_csv', 'The first line must be the header of the export.');
      read = csvRowReader(vars, record.fields, questionnaire, definitions);
      continue;
    }
    if ('problem' in record) {
      const problem =
        record.problem === 'unclosed_quote'
          ? new ApiError(400, 'invalid_csv', 'A quote opened in this row is never closed.')
          : unreadable(record.problem);
      yield { number: record.line, problem };
      continue;
    }
    // A spreadsheet saves the rows it formatted but left empty as bare commas: they are no interview.
    if (record.fields.every((f) => f === '')) continue;
    try {
      yield { number: record.line, data: read(record.fields) };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      yield { number: record.line, problem: err };
    }
  }
  if (!read) throw new ApiError(400, 'invalid_csv', 'The file is empty: the first line must be the header of the export.');
}

const Query = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional() });

const clip = (text: string, max = MESSAGE_CHARS) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// A line's own content (a key, an item id) shows up in issue paths and messages: every part is clipped.
function refusal(line: number, err: ApiError, submissionId?: string): RefusedLine {
  const issues = err.issues?.slice(0, ISSUES_PER_LINE).map((i) => ({
    code: clip(i.code, PATH_CHARS),
    ...(i.path ? { path: i.path.slice(0, 4).map((p) => (typeof p === 'string' ? clip(p, PATH_CHARS) : p)) } : {}),
    ...(i.item ? { item: clip(i.item, PATH_CHARS) } : {}),
    message: clip(i.message),
  }));
  return {
    line,
    ...(submissionId ? { submissionId } : {}),
    code: err.code,
    message: clip(err.message),
    ...(issues?.length ? { issues } : {}),
  };
}

/**
 * A line with the code of an invite letter: the interview belongs to that invite's sample, so the code
 * is spent (once) and the batch's response rate counts it, as a web answer with the same code would.
 * The invite names the partner and team; its batch's service year places the answer unless the line gives one.
 */
async function importInvited(
  db: D1Database,
  ledger: ReturnType<typeof ledgerFor>,
  scope: { gemeente: string; questionnaire: string },
  def: Parameters<typeof toRecord>[0],
  input: ImportLine,
  day: string,
  teams: { id: string; partner_id: string }[],
): Promise<'stored' | 'duplicate'> {
  const invite = await inviteRow(db, input.invite!);
  if (!invite || invite.gemeente_id !== scope.gemeente || invite.questionnaire_id !== scope.questionnaire) {
    throw new ApiError(403, 'invite_invalid', 'This code is not valid for this questionnaire.');
  }
  const team = invite.team ?? input.context.team;
  if (team !== undefined && !teams.some((t) => t.id === team && t.partner_id === invite.partner_id)) {
    throw new ApiError(422, 'team_not_allowed', `Team ${team} does not belong to the partner of this code.`);
  }
  const context = { ...input.context, team, serviceDate: input.context.serviceDate ?? invite.service_year ?? undefined };
  const record = toRecord(def, { ...input, context }, { partner: invite.partner_id, channel: input.channel, day });
  const earlier = await ledger.repeatOf(record);
  if (earlier?.status === 'duplicate') return 'duplicate';
  if (earlier?.status === 'conflict')
    throw new ApiError(409, 'submission_conflict', 'This submission id was already used for other answers.');
  if (invite.expires_at <= new Date().toISOString()) throw new ApiError(410, 'invite_expired', 'This code has expired.');
  if (!(await consumeInvite(db, invite.hash))) throw new ApiError(409, 'invite_used', 'This code has already been used.');
  try {
    const result = await ledger.submit(scope.gemeente, scope.questionnaire, record);
    if (result.status === 'conflict')
      throw new ApiError(409, 'submission_conflict', 'This submission id was already used for other answers.');
    return result.status === 'stored' ? 'stored' : 'duplicate';
  } catch (err) {
    // Nothing was stored: the code may be used again.
    await releaseInvite(db, invite.hash);
    throw err;
  }
}

/**
 * Telephone and paper interviews, one JSON object per line, or one CSV row each in the layout of the
 * responses export (read into the same object). Each line is validated on its own, so one
 * bad line does not lose the good ones. The body is read and stored as it arrives, in chunks, so memory
 * stays flat at any size; the answer counts the lines and lists only the first refused ones, so its
 * size stays bounded too. Lines are idempotent on submissionId: sending an import again is safe.
 */
export const importRoute = new Hono<AppEnv>().post(
  '/',
  route({
    summary:
      'Import telephone and paper interviews as NDJSON or as CSV in the layout of the responses export; a bounded summary with the first refused lines',
    tag: 'data',
    body: {
      type: 'application/x-ndjson',
      schema: ImportLine,
      description:
        `One interview per line, at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB in all and ${MAX_IMPORT_LINE_BYTES / 1024} kB a line; each line is checked on its own. ` +
        'Or `text/csv` in exactly the layout of GET /v1/export/responses.csv (RFC 4180, BOM and CRLF allowed): the header row names the columns ' +
        '(submission_id, version and channel required; a column the export does not write refuses the file with 400 unknown_column); ' +
        'each row is read with the codes of the export (day becomes submittedAt at noon Dutch time, a meerkeuze item from its 0/1 columns, ' +
        'an empty cell is not answered; partner follows from team and fast is not read) and then checked as an NDJSON line. Refused rows are numbered by the file line they start on.',
    },
    ok: {
      200: `{lines, stored, duplicates, refused, accepted, refusedByCode, refusedLines: [{line, submissionId?, code, message, issues?}] (at most ${REFUSED_LINES_LISTED}), refusedLinesOmitted}`,
    },
    errors: [
      [400, 'bad_request'],
      [404, 'questionnaire_not_found'],
      [415, 'unsupported_media_type'],
      [400, 'invalid_json'],
      [400, 'invalid_csv'],
      [400, 'unknown_column'],
    ],
  }),
  requireRole('operator', 'admin', 'onderzoeker'),
  validate('query', Query),
  limit(MAX_IMPORT_BYTES),
  async (c) => {
    const q = c.req.valid('query');
    const gemeente = gemeenteOf(c, q.gemeente);
    const row = await getQuestionnaire(c.env.DB, gemeente, q.questionnaire);
    if (!row) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
    const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    const csv = type === 'text/csv';
    if (!csv && !['application/x-ndjson', 'application/jsonl', 'application/json', 'text/plain'].includes(type)) {
      throw new ApiError(415, 'unsupported_media_type', 'Send the lines as application/x-ndjson, or the export layout as text/csv.');
    }
    const [teams, versions] = await Promise.all([listTeams(c.env.DB, gemeente), listVersions(c.env.DB, gemeente, q.questionnaire)]);
    // One materialized definition per version, not per line: an import may have tens of thousands of lines.
    const definitions = new Map(versions.map((v) => [v.version, materialize(v.definition, { teams, organisatie: '' })]));
    const summary = { lines: 0, stored: 0, duplicates: 0, refused: 0 };
    const refusedByCode: Partial<Record<ErrorCode, number>> = {};
    const refusedLines: RefusedLine[] = [];
    let listedChars = 0;
    const refuse = (line: number, err: ApiError, submissionId?: string) => {
      summary.refused += 1;
      refusedByCode[err.code] = (refusedByCode[err.code] ?? 0) + 1;
      if (refusedLines.length >= REFUSED_LINES_LISTED || listedChars >= REFUSED_LIST_CHARS) return;
      const entry = refusal(line, err, submissionId);
      listedChars += JSON.stringify(entry).length;
      refusedLines.push(entry);
    };

    const ledger = ledgerFor(c.env, gemeente, q.questionnaire);
    let pending: { line: number; record: LedgerRecord }[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const chunk = pending;
      pending = [];
      const results = await ledger.submitMany(
        gemeente,
        q.questionnaire,
        chunk.map((p) => p.record),
      );
      results.forEach((result, j) => {
        if (result.status === 'stored') summary.stored += 1;
        else if (result.status === 'duplicate') summary.duplicates += 1;
        // The submission id was stored earlier with other answers: this line is refused, nothing changes.
        else
          refuse(
            chunk[j].line,
            new ApiError(409, 'submission_conflict', 'This submission id was already used for other answers.'),
            chunk[j].record.submissionId,
          );
      });
    };

    for await (const line of csv
      ? csvLines(c, await codebookFor(c.env, gemeente, q.questionnaire), q.questionnaire, definitions)
      : jsonLines(c)) {
      summary.lines += 1;
      if ('problem' in line) {
        refuse(line.number, line.problem);
        continue;
      }
      let submissionId: string | undefined;
      try {
        const parsed = ImportLine.safeParse(line.data);
        if (!parsed.success)
          throw new ApiError(400, 'validation_failed', 'This line does not have the expected shape.', zodIssues(parsed.error.issues));
        const input = parsed.data;
        submissionId = input.submissionId;
        if (input.questionnaireId !== q.questionnaire) {
          throw new ApiError(422, 'questionnaire_not_found', `This line is for ${input.questionnaireId}, not ${q.questionnaire}.`);
        }
        const def = definitions.get(input.version);
        if (!def) throw new ApiError(404, 'version_not_found', `No version ${input.version}.`);
        const at = input.submittedAt ? new Date(input.submittedAt) : new Date();
        if (input.invite !== undefined) {
          await flush();
          const status = await importInvited(
            c.env.DB,
            ledger,
            { gemeente, questionnaire: q.questionnaire },
            def,
            input,
            dutchDay(at),
            teams,
          );
          if (status === 'stored') summary.stored += 1;
          else summary.duplicates += 1;
          continue;
        }
        const team = input.context.team === undefined ? undefined : teams.find((t) => t.id === input.context.team);
        if (input.context.team !== undefined && !team)
          throw new ApiError(422, 'team_not_allowed', `No team ${input.context.team} in this gemeente.`);
        pending.push({
          line: line.number,
          record: toRecord(def, input, { partner: team?.partner_id ?? '', channel: input.channel, day: dutchDay(at) }),
        });
        if (pending.length >= CHUNK) await flush();
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        refuse(line.number, err, submissionId);
      }
    }
    await flush();
    return c.json({
      ...summary,
      // Lines that are in the ledger now, stored by this import or by an earlier one.
      accepted: summary.stored + summary.duplicates,
      refusedByCode,
      refusedLines,
      refusedLinesOmitted: summary.refused - refusedLines.length,
    });
  },
);
