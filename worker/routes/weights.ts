import { Hono } from 'hono';
import { z } from 'zod';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { forGemeente, gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { getWeights, setWeights } from '../db.js';
import { route } from '../describe.js';
import { ApiError } from '../errors.js';
import { WEIGHT_DIMENSIONS } from '../ledger-types.js';

const Population = z.number().int().min(1).max(100_000_000);

/** Population per value of the context dimensions; `population` the whole, for the finite-population correction. */
export const WeightsUpdate = z
  .object({
    margins: z.partialRecord(z.enum(WEIGHT_DIMENSIONS), z.record(z.string().min(1).max(64), Population)),
    population: Population.optional(),
  })
  .strict();
export type WeightsUpdate = z.infer<typeof WeightsUpdate>;

const WeightsQuery = z.object({ questionnaire: QuestionnaireId, gemeente: Slug.optional() });

/** The stored margins of a questionnaire, or undefined when it has none. */
export function parseWeights(stored: string | null | undefined): WeightsUpdate | undefined {
  if (!stored) return undefined;
  const parsed = WeightsUpdate.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : undefined;
}

/** Population of the whole selection: as given, else the total of the first margin. */
export function populationOf(w: WeightsUpdate | undefined): number | undefined {
  if (!w) return undefined;
  if (w.population !== undefined) return w.population;
  const first = Object.values(w.margins)[0];
  return first ? Object.values(first).reduce((s, x) => s + x, 0) : undefined;
}

const admin = requireRole('operator', 'admin');

export const weights = new Hono<AppEnv>()
  .get(
    '/',
    route({
      summary: 'A questionnaire’s population margins for weighting',
      tag: 'report',
      ok: { 200: '{questionnaire, margins, population?}' },
      errors: [[404, 'questionnaire_not_found']],
    }),
    admin,
    validate('query', WeightsQuery),
    forGemeente('query'),
    async (c) => {
      const q = c.req.valid('query');
      const stored = await getWeights(c.env.DB, gemeenteOf(c, q.gemeente), q.questionnaire);
      if (stored === undefined) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
      return c.json({ questionnaire: q.questionnaire, ...(parseWeights(stored) ?? { margins: {} }) });
    },
  )
  .put(
    '/',
    route({
      summary: 'Set the population margins: weighted=1 on aggregates rakes to them',
      tag: 'report',
      ok: { 200: '{questionnaire, margins, population?}' },
      errors: [[404, 'questionnaire_not_found']],
    }),
    admin,
    validate('query', WeightsQuery),
    forGemeente('query'),
    validate('json', WeightsUpdate),
    async (c) => {
      const q = c.req.valid('query');
      const g = gemeenteOf(c, q.gemeente);
      const body = c.req.valid('json');
      if (!(await setWeights(c.env.DB, g, q.questionnaire, JSON.stringify(body)))) {
        throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${q.questionnaire}.`);
      }
      return c.json({ questionnaire: q.questionnaire, ...body });
    },
  );
