import { Hono } from 'hono';
import { z } from 'zod';
import { QuestionnaireId, Slug, SubmissionId } from '../../schemas/ids.js';
import { Submission, type SubmissionResult } from '../../schemas/response.js';
import { gemeenteOf, requireRole } from '../auth.js';
import { readJson, readQuery } from '../body.js';
import type { AppEnv } from '../context.js';
import { getQuestionnaire } from '../db.js';
import { ApiError } from '../errors.js';
import { dutchDay, toRecord } from '../ingest.js';
import { ledgerFor } from '../ledger-stub.js';
import { burstSource } from '../burst.js';
import { RateLimiter } from '../ratelimit.js';
import { servedDefinition, siteKeyOrThrow } from '../served.js';
import { consumeInvite, inviteFor, releaseInvite } from './invites.js';

const limiter = new RateLimiter();

const DeleteQuery = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional() });

const methodNotAllowed = (allow: string) => () => {
  throw new ApiError(405, 'method_not_allowed', `Use ${allow} here.`);
};

/** Public: clients submit here, from the origins their partner's site key allows. */
export const responses = new Hono<AppEnv>()
  .post('/', async (c) => {
    const body = await readJson(c, Submission);
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
    const duplicate = (receivedOn: string) =>
      c.json<SubmissionResult>({ submissionId: body.submissionId, status: 'duplicate', receivedOn }, 200);
    if (invite) {
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
        const result = await ledger.submit(site.gemeente_id, body.questionnaireId, record);
        return c.json<SubmissionResult>({ submissionId: body.submissionId, ...result }, result.status === 'stored' ? 201 : 200);
      } catch (err) {
        // Nothing was stored, so the client may retry with the same invite.
        await releaseInvite(c.env.DB, invite.hash);
        throw err;
      }
    }
    // The address goes to the ledger for burst detection only, hashed there in memory; see BurstDetector.
    const source = burstSource(site, context.team, c.req.header('CF-Connecting-IP'));
    const result = await ledger.submit(site.gemeente_id, body.questionnaireId, record, source);
    return c.json<SubmissionResult>({ submissionId: body.submissionId, ...result }, result.status === 'stored' ? 201 : 200);
  })
  .all('/', methodNotAllowed('POST'))
  /** A gemeente admin deletes one response, e.g. on a client's request; it leaves the counts too. */
  .delete('/:submissionId', requireRole('operator', 'admin'), async (c) => {
    const q = readQuery(c, DeleteQuery);
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
  })
  .all('/:submissionId', methodNotAllowed('DELETE'));
