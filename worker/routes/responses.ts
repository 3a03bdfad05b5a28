import { Hono } from 'hono';
import { z } from 'zod';
import { QuestionnaireId } from '../../schemas/questionnaire.js';
import { Submission, type SubmissionResult } from '../../schemas/response.js';
import { gemeenteOf, requireRole } from '../auth.js';
import { readJson, readQuery } from '../body.js';
import type { AppEnv } from '../context.js';
import { getQuestionnaire } from '../db.js';
import { ApiError } from '../errors.js';
import { ledgerFor } from '../ledger-stub.js';
import type { SubmitResult } from '../ledger-types.js';
import { RateLimiter } from '../ratelimit.js';
import { accepted, submissionScope, type WebSubmission } from '../registry.js';
import { consumeInvite, inviteFor, releaseInvite } from './invites.js';

const limiter = new RateLimiter();

const DeleteQuery = z.object({ questionnaire: QuestionnaireId, gemeente: z.string().max(64).optional() });
const SubmissionIdParam = z.uuid();

const methodNotAllowed = (allow: string) => () => {
  throw new ApiError(405, 'method_not_allowed', `Use ${allow} here.`);
};

/** Public: clients submit here, from the origins their partner's site key allows. */
export const responses = new Hono<AppEnv>()
  .post('/', async (c) => {
    const body = await readJson(c, Submission);
    const site = await submissionScope(c.env.DB, body.siteKey, body.questionnaireId);
    if (String(c.env.PEIL_RATE_LIMIT) !== '0') {
      // Only the hash of the address with a daily salt is kept, in memory; see RateLimiter.
      const address = c.req.header('CF-Connecting-IP') ?? 'local';
      if (!(await limiter.allow(body.siteKey, address))) {
        throw new ApiError(429, 'rate_limited', 'Too many submissions. Please try again in a minute.');
      }
    }
    const scope = { gemeente: site.gemeente, partner: site.partner, questionnaire: body.questionnaireId };
    const invite = body.invite === undefined ? undefined : await inviteFor(c.env.DB, body.invite, scope);
    let context = body.context;
    if (invite?.team) {
      if (context.team !== undefined && context.team !== invite.team) {
        throw new ApiError(403, 'invite_invalid', 'This invite is for another team.');
      }
      context = { ...context, team: invite.team };
    }
    const input: WebSubmission = {
      siteKey: body.siteKey,
      origin: c.req.header('Origin'),
      submissionId: body.submissionId,
      version: body.version,
      answers: body.answers,
      context,
      elapsedMs: body.elapsedMs,
    };
    const ledger = ledgerFor(c.env, site.gemeente, body.questionnaireId);
    const stored = (result: SubmitResult) => c.json<SubmissionResult>({ submissionId: body.submissionId, ...result }, result.status === 'stored' ? 201 : 200);
    // The ledger checks the submission against the registry (site key, origin, status, version, teams).
    if (body.website) {
      // A bot filled in the field people never see: answer as usual, keep nothing, spend no invite.
      const { record } = accepted(await ledger.check(site.gemeente, body.questionnaireId, input));
      return c.json<SubmissionResult>({ submissionId: body.submissionId, status: 'stored', receivedOn: record.day }, 201);
    }
    if (!invite) return stored(accepted(await ledger.admit(site.gemeente, body.questionnaireId, input)).result);
    const { record } = accepted(await ledger.check(site.gemeente, body.questionnaireId, input));
    const duplicate = (receivedOn: string) =>
      c.json<SubmissionResult>({ submissionId: body.submissionId, status: 'duplicate', receivedOn }, 200);
    // A repeat of the submission that spent this invite must get its original answer, so look first.
    const earlier = await ledger.receivedOn(body.submissionId);
    if (earlier) return duplicate(earlier);
    if (!(await consumeInvite(c.env.DB, invite.hash))) {
      // A concurrent attempt of this same submission may have spent it and stored the response meanwhile.
      const meanwhile = await ledger.receivedOn(body.submissionId);
      if (meanwhile) return duplicate(meanwhile);
      throw new ApiError(409, 'invite_used', 'This invite has already been used.');
    }
    try {
      return stored(await ledger.submit(site.gemeente, body.questionnaireId, record));
    } catch (err) {
      // Nothing was stored, so the client may retry with the same invite.
      await releaseInvite(c.env.DB, invite.hash);
      throw err;
    }
  })
  .all('/', methodNotAllowed('POST'))
  /** A gemeente admin deletes one response, e.g. on a client's request; it leaves the counts too. */
  .delete('/:submissionId', requireRole('operator', 'admin'), async (c) => {
    const q = readQuery(c, DeleteQuery);
    const gemeente = gemeenteOf(c, q.gemeente);
    const id = SubmissionIdParam.safeParse(c.req.param('submissionId'));
    if (!id.success) {
      throw new ApiError(400, 'validation_failed', 'The submission id is not a UUID.', [
        { code: 'invalid_format', path: ['submissionId'], message: 'a UUID' },
      ]);
    }
    if (!(await getQuestionnaire(c.env.DB, gemeente, q.questionnaire))) {
      throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
    }
    const deleted = await ledgerFor(c.env, gemeente, q.questionnaire).deleteResponse(id.data);
    if (!deleted) throw new ApiError(404, 'not_found', 'No response with this submission id.');
    return c.json({ submissionId: id.data, deleted: true });
  })
  .all('/:submissionId', methodNotAllowed('DELETE'));
