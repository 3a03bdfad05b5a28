import { Hono } from 'hono';
import { z } from 'zod';
import { Slug } from '../../schemas/ids.js';
import type { PublishedQuestionnaire } from '../../schemas/questionnaire.js';
import { readQuery } from '../body.js';
import type { AppEnv } from '../context.js';
import { sha256Hex } from '../crypto.js';
import { servedDefinition, siteKeyOrThrow } from '../served.js';

const Query = z.object({
  siteKey: z.string().max(128).optional(),
  team: Slug.optional(),
  version: z.coerce.number().int().min(1).optional(),
});

/** Public: the published definition a widget renders. Cacheable; revalidated with an ETag. */
export const questionnaires = new Hono<AppEnv>().get('/:id', async (c) => {
  const q = readQuery(c, Query);
  const site = await siteKeyOrThrow(c.env.DB, q.siteKey);
  const served = await servedDefinition(c.env.DB, site, c.req.param('id'), { team: q.team, version: q.version });
  const body: PublishedQuestionnaire = {
    ...served.definition,
    version: served.version,
    status: served.status,
    context: q.team ? { team: q.team } : undefined,
  };
  const json = JSON.stringify(body);
  const etag = `"${(await sha256Hex(json)).slice(0, 32)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=60, stale-while-revalidate=600');
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Access-Control-Expose-Headers', 'ETag');
  if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
  return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
});
