import { Hono } from 'hono';
import { Submission, type SubmissionResult } from '../../schemas/response.js';
import { readJson } from '../body.js';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';
import { dutchDay, toRecord } from '../ingest.js';
import { ledgerFor } from '../ledger-stub.js';
import { RateLimiter } from '../ratelimit.js';
import { servedDefinition, siteKeyOrThrow } from '../served.js';

const limiter = new RateLimiter();

/** Public: clients submit here, from the origins their partner's site key allows. */
export const responses = new Hono<AppEnv>().post('/', async (c) => {
  const body = await readJson(c, Submission);
  const site = await siteKeyOrThrow(c.env.DB, body.siteKey);
  const origin = c.req.header('Origin');
  if (!origin || !site.origins.includes(origin)) {
    throw new ApiError(403, 'origin_not_allowed', 'Submissions for this site key are not allowed from this origin.');
  }
  if (String(c.env.PEIL_RATE_LIMIT) !== '0') {
    const address = c.req.header('CF-Connecting-IP') ?? 'local';
    if (!(await limiter.allow(site.key, address))) {
      throw new ApiError(429, 'rate_limited', 'Too many submissions. Please try again in a minute.');
    }
  }
  const served = await servedDefinition(c.env.DB, site, body.questionnaireId, {
    version: body.version,
    team: body.context.team,
  });
  if (served.status === 'closed') throw new ApiError(410, 'questionnaire_closed', 'This questionnaire no longer takes answers.');
  const record = toRecord(served.definition, body, { partner: site.partner_id, channel: 'web', day: dutchDay() });
  // A bot filled in the field people never see: answer as usual, keep nothing.
  if (body.website) {
    return c.json<SubmissionResult>({ submissionId: body.submissionId, status: 'stored', receivedOn: record.day }, 201);
  }
  const result = await ledgerFor(c.env, site.gemeente_id, body.questionnaireId).submit(
    site.gemeente_id,
    body.questionnaireId,
    record,
  );
  return c.json<SubmissionResult>({ submissionId: body.submissionId, ...result }, result.status === 'stored' ? 201 : 200);
});
