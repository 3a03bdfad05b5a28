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
import { dutchDay, toRecord } from '../ingest.js';
import { ledgerFor } from '../ledger-stub.js';
import type { SubmitResult } from '../ledger-types.js';
import { burstSource } from '../burst.js';
import { RateLimiter } from '../ratelimit.js';
import { servedDefinition, siteKeyOrThrow } from '../served.js';
import { consumeInvite, inviteFor, releaseInvite } from './invites.js';

const limiter = new RateLimiter();

const DeleteQuery = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional() });

/** Public: clients submit here, from the origins their partner's site key allows. */
export const responses = new Hono<AppEnv>()
  .post('/', route({
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
  }), validate('json', Submission), async (c) => {
    const body = c.req.valid('json');
    const site = await siteKeyOrThrow(c.env.DB, body.siteKey);
    const origin = c.req.header('Origin');
    if (!origin || !site.origins.includes(origin)) {
      throw new ApiError(403, 'origin_not_allowed', 'Submissions for this site key are not allowed from this origin.');
    }
    if (site.inviteRequired && body.invite === undefined) {
      throw new ApiError(403, 'invite_required', 'This questionnaire can only be answered with a personal invite link.');
    }
    // A registered kiosk serves many clients from one address: the design never lets a limit stop it.
    if (String(c.env.PEIL_RATE_LIMIT) !== '0' && !site.kiosk) {
      // Only the hash of the address with a daily salt is kept, in memory; see RateLimiter.
      const address = c.req.header('CF-Connecting-IP') ?? 'local';
      if (!(await limiter.allow(site.key, address))) {
        throw new ApiError(429, 'rate_limited', 'Too many submissions. Please try again in a minute.');
      }
    }
    const scope = { gemeente: site.gemeente_id, partner: site.partner_id, questionnaire: body.questionnaireId };
    const invite = body.invite === undefined ? undefined : await inviteFor(c.env.DB, body.invite, scope);
    let context = body.context;
    if (invite?.team) {
      if (context.team !== undefined && context.team !== invite.team) {
        throw new ApiError(403, 'invite_invalid', 'This invite is for another team.');
      }
      context = { ...context, team: invite.team };
    }
    const served = await servedDefinition(c.env.DB, site, body.questionnaireId, { version: body.version, team: context.team });
    if (served.status === 'closed') throw new ApiError(410, 'questionnaire_closed', 'This questionnaire no longer takes answers.');
    const record = toRecord(served.definition, { ...body, context }, { partner: site.partner_id, channel: 'web', day: dutchDay() });
    // A bot filled in the field people never see: answer as usual, keep nothing, spend no invite.
    if (body.website) {
      return c.json<SubmissionResult>({ submissionId: body.submissionId, status: 'stored', receivedOn: record.day }, 201);
    }
    const ledger = ledgerFor(c.env, site.gemeente_id, body.questionnaireId);
    const answer = ({ status, receivedOn }: SubmitResult) => {
      if (status === 'conflict') {
        throw new ApiError(409, 'submission_conflict', 'This submission id was already used for other answers.');
      }
      return c.json<SubmissionResult>({ submissionId: body.submissionId, status, receivedOn }, status === 'stored' ? 201 : 200);
    };
    if (invite) {
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
        result = await ledger.submit(site.gemeente_id, body.questionnaireId, record);
      } catch (err) {
        // Nothing was stored, so the client may retry with the same invite.
        await releaseInvite(c.env.DB, invite.hash);
        throw err;
      }
      return answer(result);
    }
    // The address goes to the ledger for burst detection only, hashed there in memory; see BurstDetector.
    const source = burstSource(site, context.team, c.req.header('CF-Connecting-IP'));
    return answer(await ledger.submit(site.gemeente_id, body.questionnaireId, record, source));
  })
  /** A gemeente admin deletes one response, e.g. on a client's request; it leaves the counts too. */
  .delete('/:submissionId', route({
    summary: 'Delete one response; it leaves the counts in the same transaction',
    tag: 'data',
    ok: { 200: '{submissionId, deleted: true}' },
    errors: [
      [400, 'validation_failed'],
      [404, 'questionnaire_not_found'],
      [404, 'not_found'],
    ],
  }), requireRole('operator', 'admin'), validate('query', DeleteQuery), async (c) => {
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
  });
