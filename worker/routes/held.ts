import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { forGemeente, gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { getQuestionnaire } from '../db.js';
import { route } from '../describe.js';
import { ApiError } from '../errors.js';
import { ledgerFor } from '../ledger-stub.js';

const Query = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional() });
export const HeldDecision = z.object({ burst: z.string().regex(/^burst_\w{1,40}$/, 'a burst id from GET /v1/held') }).strict();

const admin = requireRole('operator', 'admin');
// Another gemeente's token is refused before its body is read.
const own = forGemeente('query');

async function ledgerIn(c: Context<AppEnv, string, { out: { query: z.infer<typeof Query> } }>) {
  const q = c.req.valid('query');
  const gemeente = gemeenteOf(c, q.gemeente);
  if (!(await getQuestionnaire(c.env.DB, gemeente, q.questionnaire))) {
    throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
  }
  return { questionnaire: q.questionnaire, ledger: ledgerFor(c.env, gemeente, q.questionnaire) };
}

/** What accepting and rejecting a burst share: who may, the questionnaire, the burst in the body. */
const decision = (summary: string, counted: string) =>
  [
    route({
      summary,
      tag: 'data',
      ok: { 200: `{questionnaire, burst, ${counted}}` },
      errors: [
        [404, 'questionnaire_not_found'],
        [404, 'not_found'],
      ],
    }),
    admin,
    own,
    validate('query', Query),
    validate('json', HeldDecision),
  ] as const;

const noBurst = () => new ApiError(404, 'not_found', 'No held burst with this id.');

/**
 * Bursts of submissions from one source into one small selection, held out of what partners and
 * public pages see (the gemeente admin's own figures include them). An admin accepts a burst that was
 * real (a family, a group filling in together) or rejects one that was padding.
 */
export const held = new Hono<AppEnv>()
  .get(
    '/',
    route({
      summary: 'Bursts held out of protected figures, for an admin to accept or reject',
      tag: 'data',
      ok: { 200: '{questionnaire, held, bursts: [{burst, count, ...}]}' },
      errors: [[404, 'questionnaire_not_found']],
    }),
    admin,
    own,
    validate('query', Query),
    async (c) => {
      const { questionnaire, ledger } = await ledgerIn(c);
      const bursts = await ledger.heldBursts();
      return c.json({ questionnaire, held: bursts.reduce((n, b) => n + b.count, 0), bursts });
    },
  )
  .post('/accept', ...decision('Accept a held burst: protected audiences see its responses from now on', 'accepted'), async (c) => {
    const { questionnaire, ledger } = await ledgerIn(c);
    const { burst } = c.req.valid('json');
    const accepted = await ledger.acceptHeld(burst);
    if (accepted === 0) throw noBurst();
    return c.json({ questionnaire, burst, accepted });
  })
  .post('/reject', ...decision('Reject a held burst: its responses are deleted and leave the counts', 'rejected'), async (c) => {
    const { questionnaire, ledger } = await ledgerIn(c);
    const { burst } = c.req.valid('json');
    const rejected = await ledger.rejectHeld(burst);
    if (rejected === 0) throw noBurst();
    return c.json({ questionnaire, burst, rejected });
  });
