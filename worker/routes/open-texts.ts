import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ItemId, QuestionnaireId, Slug, SubmissionId } from '../../schemas/ids.js';
import { forGemeente, gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { getQuestionnaire } from '../db.js';
import { route } from '../describe.js';
import { ApiError } from '../errors.js';
import { ledgerFor } from '../ledger-stub.js';
import { REVIEW_STATES, type ReviewState } from '../ledger/review.js';

/** Texts listed per request, at most. */
const LIST_LIMIT = 500;

export const OpenTextsQuery = z.object({
  questionnaire: QuestionnaireId,
  gemeente: Slug.optional(),
  review: z.enum(REVIEW_STATES).default('pending'),
});
export const ReviewBody = z
  .object({
    questionnaire: QuestionnaireId,
    texts: z
      .array(z.object({ submissionId: SubmissionId, item: ItemId }).strict())
      .min(1)
      .max(500),
  })
  .strict();
const GemeenteQuery = z.object({ gemeente: Slug.optional() });

async function ledgerOf(c: Context<AppEnv>, questionnaire: string, gemeente: string) {
  if (!(await getQuestionnaire(c.env.DB, gemeente, questionnaire)))
    throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${questionnaire}.`);
  return ledgerFor(c.env, gemeente, questionnaire);
}

const admin = requireRole('operator', 'admin');
// Whose texts comes first: another gemeente's admin learns nothing from a body error.
const own = forGemeente('query');

/** Releases or holds back the texts of a request body, for the gemeente of the query. */
const decide = (review: ReviewState, summary: string) =>
  [
    route({
      summary,
      tag: 'report',
      ok: { 200: `{questionnaire, review: '${review}', changed}` },
      errors: [[404, 'questionnaire_not_found']],
    }),
    admin,
    own,
    validate('query', GemeenteQuery),
    validate('json', ReviewBody),
  ] as const;

/**
 * The gemeente reads open texts first and releases them for partner viewers ("vrijgeven"), or holds
 * one back. Whether viewers wait for this is the gemeente's setting `openTextReview`.
 */
export const openTexts = new Hono<AppEnv>()
  .get(
    '/',
    route({
      summary: 'Open texts in one review state (pending, released, withheld), for the gemeente to read before release',
      tag: 'report',
      ok: { 200: '{questionnaire, review, texts: [{submissionId, item, text, review}]}' },
      errors: [[404, 'questionnaire_not_found']],
    }),
    admin,
    own,
    validate('query', OpenTextsQuery),
    async (c) => {
      const q = c.req.valid('query');
      const texts = await (await ledgerOf(c, q.questionnaire, gemeenteOf(c, q.gemeente))).reviewTexts(q.review, LIST_LIMIT);
      return c.json({ questionnaire: q.questionnaire, review: q.review, texts });
    },
  )
  .post('/release', ...decide('released', 'Release open texts for partner viewers ("vrijgeven")'), async (c) => {
    const gemeente = gemeenteOf(c, c.req.valid('query').gemeente);
    const body = c.req.valid('json');
    const changed = await (await ledgerOf(c, body.questionnaire, gemeente)).review(body.texts, 'released');
    return c.json({ questionnaire: body.questionnaire, review: 'released', changed });
  })
  .post('/hold', ...decide('withheld', 'Hold open texts back from partner viewers'), async (c) => {
    const gemeente = gemeenteOf(c, c.req.valid('query').gemeente);
    const body = c.req.valid('json');
    const changed = await (await ledgerOf(c, body.questionnaire, gemeente)).review(body.texts, 'withheld');
    return c.json({ questionnaire: body.questionnaire, review: 'withheld', changed });
  });
