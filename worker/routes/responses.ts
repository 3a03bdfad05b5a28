import { Hono } from 'hono';
import { z } from 'zod';
import { QuestionnaireId, Slug, SubmissionId } from '../../schemas/ids.js';
import { Submission, SubmissionResult } from '../../schemas/response.js';
import { gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { getQuestionnaire } from '../db.js';
import { route } from '../describe.js';
import { ApiError } from '../errors.js';
import { ledgerFor } from '../ledger-stub.js';
import type { SubmitResult } from '../ledger-types.js';
import { accepted, submissionScope, type WebSubmission } from '../registry.js';
import { publicBase } from '../hosted/links.js';
import { consumeInvite, inviteFor, releaseInvite } from './invites.js';

const DeleteQuery = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional() });

/** Public: clients submit here, from the origins their partner's site key allows. */
export const responses = new Hono<AppEnv>()
  .post(
    '/',
    route({
      summary: 'Submit a response (idempotent on submissionId); public, bound to the site key’s origins',
      tag: 'submit',
      ok: {
        201: { description: 'Stored', schema: SubmissionResult },
        200: { description: 'A repeat of a stored submissionId with the same answers: the original result', schema: SubmissionResult },
      },
      errors: [
        [409, 'submission_conflict'],
        [401, 'unknown_site_key'],
        [403, 'origin_not_allowed'],
        [403, 'invite_required'],
        [429, 'rate_limited'],
        [403, 'invite_invalid'],
        [409, 'invite_used'],
        [410, 'invite_expired'],
        [404, 'questionnaire_not_found'],
        [404, 'version_not_found'],
        [410, 'questionnaire_closed'],
        [422, 'team_not_allowed'],
        [422, 'unknown_item'],
        [422, 'invalid_value'],
        [422, 'hidden_item_answered'],
        [422, 'required_missing'],
        [422, 'text_too_long'],
      ],
    }),
    validate('json', Submission),
    async (c) => {
      const body = c.req.valid('json');
      // What never changes comes from memory; the ledger checks the rest against its slice of the registry.
      const site = await submissionScope(c.env.DB, body.siteKey, body.questionnaireId);
      const scope = { gemeente: site.gemeente, partner: site.partner, questionnaire: body.questionnaireId };
      const invite = body.invite === undefined ? undefined : await inviteFor(c.env.DB, body.invite, scope);
      let context = body.context;
      if (invite?.team) {
        if (context.team !== undefined && context.team !== invite.team) {
          throw new ApiError(403, 'invite_invalid', 'This invite is for another team.');
        }
        context = { ...context, team: invite.team };
      }
      // An invite from a batch drawn for a service year places the answer in that year, unless it says otherwise.
      if (invite?.service_year && context.serviceDate === undefined) context = { ...context, serviceDate: invite.service_year };
      const input: WebSubmission = {
        siteKey: body.siteKey,
        origin: c.req.header('Origin'),
        peilOrigins: [...new Set([new URL(c.req.url).origin, new URL(publicBase(c.env, c.req.url)).origin])],
        submissionId: body.submissionId,
        version: body.version,
        answers: body.answers,
        context,
        elapsedMs: body.elapsedMs,
        language: body.language,
        invited: invite !== undefined,
        // For the rate limit and burst holds only, hashed in the ledger's memory; see RateLimiter, BurstDetector.
        address: c.req.header('CF-Connecting-IP'),
        rateLimited: String(c.env.PEIL_RATE_LIMIT) !== '0',
      };
      const ledger = ledgerFor(c.env, site.gemeente, body.questionnaireId);
      const answer = ({ status, receivedOn }: SubmitResult) => {
        if (status === 'conflict') {
          throw new ApiError(409, 'submission_conflict', 'This submission id was already used for other answers.');
        }
        return c.json<SubmissionResult>({ submissionId: body.submissionId, status, receivedOn }, status === 'stored' ? 201 : 200);
      };
      if (body.website) {
        // A bot filled in the field people never see: answer as usual, keep nothing, spend no invite.
        const { record } = accepted(await ledger.check(site.gemeente, body.questionnaireId, input));
        return c.json<SubmissionResult>({ submissionId: body.submissionId, status: 'stored', receivedOn: record.day }, 201);
      }
      if (!invite) return answer(accepted(await ledger.admit(site.gemeente, body.questionnaireId, input)).result);
      const { record } = accepted(await ledger.check(site.gemeente, body.questionnaireId, input));
      // A repeat of the submission that spent this invite must get its original answer, so look first.
      const earlier = await ledger.repeatOf(record);
      if (earlier) return answer(earlier);
      if (!(await consumeInvite(c.env.DB, invite.hash))) {
        // A concurrent attempt of this same submission may have spent it and stored the response meanwhile.
        const meanwhile = await ledger.repeatOf(record);
        if (meanwhile) return answer(meanwhile);
        throw new ApiError(409, 'invite_used', 'This invite has already been used.');
      }
      let result: SubmitResult;
      try {
        // Invited answers are never held as a burst: the partner handed each invite out.
        result = await ledger.submit(site.gemeente, body.questionnaireId, record);
      } catch (err) {
        // Nothing was stored, so the client may retry with the same invite.
        await releaseInvite(c.env.DB, invite.hash);
        throw err;
      }
      return answer(result);
    },
  )
  /** A gemeente admin deletes one response, e.g. on a client's request; it leaves the counts too. */
  .delete(
    '/:submissionId',
    route({
      summary: 'Delete one response; it leaves the counts in the same transaction',
      tag: 'data',
      ok: { 200: '{submissionId, deleted: true}' },
      errors: [
        [400, 'validation_failed'],
        [404, 'questionnaire_not_found'],
        [404, 'not_found'],
      ],
    }),
    requireRole('operator', 'admin'),
    validate('query', DeleteQuery),
    async (c) => {
      const q = c.req.valid('query');
      const gemeente = gemeenteOf(c, q.gemeente);
      const id = SubmissionId.safeParse(c.req.param('submissionId'));
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
    },
  );
