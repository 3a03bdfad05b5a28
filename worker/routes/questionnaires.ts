import { Hono } from 'hono';
import { RETAINED_304_HEADERS, etag } from 'hono/etag';
import { z } from 'zod';
import { Slug } from '../../schemas/ids.js';
import { PublishedQuestionnaire } from '../../schemas/questionnaire.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { route } from '../describe.js';
import { servedDefinition, siteKeyOrThrow } from '../served.js';

const Query = z.object({
  siteKey: z.string().max(128).optional(),
  team: Slug.optional(),
  version: z.coerce.number().int().min(1).optional(),
});

/** A widget on another origin revalidates with If-None-Match itself, so a 304 must still pass CORS. */
const revalidated = etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers'] });

/** Public: the published definition a widget renders. Cacheable; revalidated with an ETag. */
export const questionnaires = new Hono<AppEnv>().get(
  '/:id',
  route({
    summary: 'A published questionnaire as a partner’s clients see it (ETag, cacheable)',
    tag: 'submit',
    ok: {
      200: { description: 'The definition with placeholders filled', schema: PublishedQuestionnaire },
      304: 'Not modified: the ETag in If-None-Match is still current',
    },
    errors: [
      [401, 'unknown_site_key'],
      [404, 'questionnaire_not_found'],
      [404, 'version_not_found'],
      [422, 'team_not_allowed'],
    ],
  }),
  revalidated,
  validate('query', Query),
  async (c) => {
    const q = c.req.valid('query');
    const site = await siteKeyOrThrow(c.env.DB, q.siteKey);
    const served = await servedDefinition(c.env.DB, site, c.req.param('id'), { team: q.team, version: q.version });
    const body: PublishedQuestionnaire = {
      ...served.definition,
      version: served.version,
      status: served.status,
      context: q.team ? { team: q.team } : undefined,
      ...(site.inviteRequired ? { inviteRequired: true as const } : {}),
    };
    c.header('Cache-Control', 'public, max-age=60, stale-while-revalidate=600');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Expose-Headers', 'ETag');
    return c.body(JSON.stringify(body), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  },
);
