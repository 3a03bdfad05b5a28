import { Hono } from 'hono';
import { z } from 'zod';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { materialize } from '../../schemas/questionnaire.js';
import { ImportLine } from '../../schemas/response.js';
import type { ErrorIssue } from '../../schemas/errors.js';
import { gemeenteOf, requireRole } from '../auth.js';
import { readQuery, readText } from '../body.js';
import type { AppEnv } from '../context.js';
import { getQuestionnaire, getVersion, listTeams, type Version } from '../db.js';
import { ApiError, zodIssues } from '../errors.js';
import { dutchDay, toRecord } from '../ingest.js';
import { ledgerFor } from '../ledger-stub.js';
import type { LedgerRecord } from '../ledger-types.js';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const CHUNK = 500;

interface LineResult {
  line: number;
  submissionId?: string;
  status: 'stored' | 'duplicate' | 'refused';
  error?: { code: string; message: string; issues?: ErrorIssue[] };
}

const Query = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional() });

/**
 * Telephone and paper interviews, one JSON object per line. Each line is validated on its own, so one
 * bad line does not lose the good ones; the answer lists per line what was stored or refused and why.
 */
export const importRoute = new Hono<AppEnv>().post('/', requireRole('operator', 'admin'), async (c) => {
  const q = readQuery(c, Query);
  const gemeente = gemeenteOf(c, q.gemeente);
  const row = await getQuestionnaire(c.env.DB, gemeente, q.questionnaire);
  if (!row) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
  const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  if (!['application/x-ndjson', 'application/jsonl', 'application/json', 'text/plain'].includes(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the lines as application/x-ndjson.');
  }
  const text = await readText(c, MAX_IMPORT_BYTES);
  const teams = await listTeams(c.env.DB, gemeente);
  const versions = new Map<number, Version | null>();
  // One materialized definition per version, not per line: an import may have tens of thousands of lines.
  const definitions = new Map<number, ReturnType<typeof materialize<Version['definition']>>>();
  const results: LineResult[] = [];
  const pending: { result: LineResult; record: LedgerRecord }[] = [];

  const ledger = ledgerFor(c.env, gemeente, q.questionnaire);
  // Stored in chunks as the lines are read, so a large import never holds all its records at once.
  const flush = async () => {
    const chunk = pending.splice(0, pending.length);
    if (chunk.length === 0) return;
    const stored = await ledger.submitMany(gemeente, q.questionnaire, chunk.map((p) => p.record));
    chunk.forEach((p, j) => (p.result.status = stored[j].status));
  };

  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const result: LineResult = { line: i + 1, status: 'refused' };
    results.push(result);
    try {
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch {
        throw new ApiError(400, 'invalid_json', 'This line is not valid JSON.');
      }
      const parsed = ImportLine.safeParse(data);
      if (!parsed.success) throw new ApiError(400, 'validation_failed', 'This line does not have the expected shape.', zodIssues(parsed.error.issues));
      const input = parsed.data;
      result.submissionId = input.submissionId;
      if (input.questionnaireId !== q.questionnaire) {
        throw new ApiError(422, 'questionnaire_not_found', `This line is for ${input.questionnaireId}, not ${q.questionnaire}.`);
      }
      if (!versions.has(input.version)) versions.set(input.version, await getVersion(c.env.DB, gemeente, q.questionnaire, input.version));
      const version = versions.get(input.version);
      if (!version) throw new ApiError(404, 'version_not_found', `No version ${input.version}.`);
      const team = input.context.team === undefined ? undefined : teams.find((t) => t.id === input.context.team);
      if (input.context.team !== undefined && !team) throw new ApiError(422, 'team_not_allowed', `No team ${input.context.team} in this gemeente.`);
      let def = definitions.get(version.version);
      if (!def) definitions.set(version.version, (def = materialize(version.definition, { teams, organisatie: '' })));
      const at = input.submittedAt ? new Date(input.submittedAt) : new Date();
      const record = toRecord(def, input, { partner: team?.partner_id ?? '', channel: input.channel, day: dutchDay(at) });
      pending.push({ result, record });
      if (pending.length >= CHUNK) await flush();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      result.error = err.issues?.length ? { code: err.code, message: err.message, issues: err.issues } : { code: err.code, message: err.message };
    }
  }

  await flush();
  const count = (s: LineResult['status']) => results.filter((r) => r.status === s).length;
  return c.json({ stored: count('stored'), duplicates: count('duplicate'), refused: count('refused'), lines: results });
});
