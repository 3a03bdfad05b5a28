import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ItemId, QuestionnaireId } from '../../schemas/questionnaire.js';
import { gemeenteOf, requireRole } from '../auth.js';
import { readJson, readQuery } from '../body.js';
import type { AppEnv } from '../context.js';
import { getQuestionnaire } from '../db.js';
import { ApiError } from '../errors.js';
import { ledgerFor } from '../ledger-stub.js';
import { REVIEW_STATES } from '../ledger/review.js';

const Slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/);
/** Texts listed per request, at most. */
const LIST_LIMIT = 500;

export const OpenTextsQuery = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional(), review: z.enum(REVIEW_STATES).default('pending') });
export const ReviewBody = z
  .object({
    questionnaire: QuestionnaireId,
    texts: z.array(z.object({ submissionId: z.uuid(), item: ItemId }).strict()).min(1).max(500),
  })
  .strict();
const GemeenteQuery = z.object({ gemeente: Slug.optional() });

async function ledgerOf(c: Context<AppEnv>, questionnaire: string, gemeente: string) {
  if (!(await getQuestionnaire(c.env.DB, gemeente, questionnaire))) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${questionnaire}.`);
  return ledgerFor(c.env, gemeente, questionnaire);
}

const admin = requireRole('operator', 'admin');

/**
 * The gemeente reads open texts first and releases them for partner viewers ("vrijgeven"), or holds
 * one back. Whether viewers wait for this is the gemeente's setting `openTextReview`.
 */
export const openTexts = new Hono<AppEnv>()
  .get('/', admin, async (c) => {
    const q = readQuery(c, OpenTextsQuery);
    const texts = await (await ledgerOf(c, q.questionnaire, gemeenteOf(c, q.gemeente))).reviewTexts(q.review, LIST_LIMIT);
    return c.json({ questionnaire: q.questionnaire, review: q.review, texts });
  })
  .post('/release', admin, async (c) => {
    // Whose texts comes first: another gemeente's admin learns nothing from a body error.
    const gemeente = gemeenteOf(c, readQuery(c, GemeenteQuery).gemeente);
    const body = await readJson(c, ReviewBody);
    const changed = await (await ledgerOf(c, body.questionnaire, gemeente)).review(body.texts, 'released');
    return c.json({ questionnaire: body.questionnaire, review: 'released', changed });
  })
  .post('/hold', admin, async (c) => {
    // Whose texts comes first: another gemeente's admin learns nothing from a body error.
    const gemeente = gemeenteOf(c, readQuery(c, GemeenteQuery).gemeente);
    const body = await readJson(c, ReviewBody);
    const changed = await (await ledgerOf(c, body.questionnaire, gemeente)).review(body.texts, 'withheld');
    return c.json({ questionnaire: body.questionnaire, review: 'withheld', changed });
  });
