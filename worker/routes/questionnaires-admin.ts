import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { TEMPLATES } from '../../schemas/bank.js';
import { lockedIssues } from '../../schemas/ceo.js';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { QuestionnaireDefinition, allItems, missingTranslations, versionIssues } from '../../schemas/questionnaire.js';
import { forGemeente, gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { route, type Refusal, type RouteDescription } from '../describe.js';
import {
  createQuestionnaire,
  getGemeente,
  getQuestionnaire,
  getVersion,
  listQuestionnaires,
  listVersions,
  publishDraft,
  saveDraft,
  setQuestionnaireStatus,
  type QuestionnaireRow,
  type QuestionnaireSummary,
} from '../db.js';
import { ApiError, zodIssues } from '../errors.js';
import { ledgerFor } from '../ledger-stub.js';
import { registryChanged } from '../registry.js';

/** A full definition is about 9 kB; leave room for longer help texts and more items. */
const MAX_DEFINITION_BYTES = 256 * 1024;

const TEMPLATE_IDS = Object.keys(TEMPLATES) as [keyof typeof TEMPLATES, ...(keyof typeof TEMPLATES)[]];

const CreateBody = z
  .object({
    template: z.enum(TEMPLATE_IDS).optional(),
    /** Another id for the copy of a template, e.g. to run a second questionnaire from the same bank. */
    id: QuestionnaireId.optional(),
    definition: z.unknown().optional(),
    publish: z.boolean().default(false),
  })
  .strict()
  .refine((b) => (b.template === undefined) !== (b.definition === undefined), {
    message: 'give either a template or a definition',
    path: ['template'],
  });

const VersionParam = z.coerce.number().int().min(1).max(1_000_000);
const GemeenteQuery = z.object({ gemeente: Slug.optional() });

/** The gemeente this request acts for; an operator names it with ?gemeente= and it must exist. */
async function scope(c: Context<AppEnv>): Promise<string> {
  const named = c.req.queries('gemeente') ?? [];
  if (named.length > 1) {
    throw new ApiError(400, 'validation_failed', 'Each query parameter may be given once.', [
      { code: 'duplicate_parameter', path: ['gemeente'], message: 'given more than once' },
    ]);
  }
  const query = GemeenteQuery.safeParse({ gemeente: named[0] });
  if (!query.success) throw new ApiError(400, 'validation_failed', 'The query parameters are not valid.', zodIssues(query.error.issues));
  const gemeente = gemeenteOf(c, query.data.gemeente);
  if (c.get('token').role === 'operator' && !(await getGemeente(c.env.DB, gemeente))) {
    throw new ApiError(404, 'not_found', `No gemeente ${gemeente}.`);
  }
  return gemeente;
}

async function questionnaireOrThrow(db: D1Database, gemeente: string, id: string): Promise<QuestionnaireRow> {
  const row = await getQuestionnaire(db, gemeente, id);
  if (!row) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${id}.`);
  return row;
}

async function summaryOf(db: D1Database, gemeente: string, id: string): Promise<QuestionnaireSummary> {
  const [summary] = await listQuestionnaires(db, gemeente, id);
  if (!summary) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${id}.`);
  return summary;
}

/** A definition as an admin sent it: valid, and (when the URL names one) for this questionnaire. */
function definitionOrThrow(data: unknown, id?: string): QuestionnaireDefinition {
  const parsed = QuestionnaireDefinition.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(422, 'validation_failed', 'The questionnaire definition is not valid.', zodIssues(parsed.error.issues));
  }
  if (id !== undefined && parsed.data.id !== id) {
    throw new ApiError(422, 'validation_failed', `The definition is for ${parsed.data.id}, not ${id}.`, [
      { code: 'custom', path: ['id'], message: `must be ${id}` },
    ]);
  }
  return parsed.data;
}

/** Publishes the stored draft after checking it against every earlier version. */
async function publishStored(db: D1Database, gemeente: string, row: QuestionnaireRow): Promise<number> {
  if (row.draft === null) throw new ApiError(409, 'not_a_draft', `Questionnaire ${row.id} has no draft to publish.`);
  const def = definitionOrThrow(JSON.parse(row.draft), row.id);
  const earlier = await listVersions(db, gemeente, row.id);
  const locked = lockedIssues(earlier, def);
  if (locked.length) {
    throw new ApiError(
      422,
      'locked_item',
      'A locked item of the CEO core module was reworded or dropped; trends across years would break.',
      locked,
    );
  }
  const issues = versionIssues(earlier, def);
  const wet = earlier.at(-1)?.definition.wet;
  if (wet !== undefined && wet !== def.wet) {
    issues.push({
      code: 'incompatible_change',
      path: ['wet'],
      message: `the questionnaire was published for ${wet}; its law cannot change`,
    });
  }
  if (issues.length) {
    throw new ApiError(
      422,
      'incompatible_change',
      'An item changed its type or the law changed; trends across versions would break.',
      issues,
    );
  }
  return publishDraft(db, gemeente, def, row.draft);
}

/** What every admin route may refuse besides its own: an operator's unknown gemeente, an unknown questionnaire. */
const NOT_FOUND: Refusal[] = [
  [404, 'not_found'],
  [404, 'questionnaire_not_found'],
];
const adminRoute = (summary: string, more: Partial<RouteDescription> = {}) =>
  route({ summary, tag: 'questionnaires', ok: { 200: 'OK' }, ...more, errors: [...NOT_FOUND, ...(more.errors ?? [])] });

/** Admin API for a gemeente's questionnaires: drafts, versions, publishing, closing. */
export const questionnairesAdmin = new Hono<AppEnv>()
  .use(requireRole('operator', 'admin'), forGemeente('query'), validate('query', GemeenteQuery))
  .get('/', adminRoute('Questionnaires of the gemeente', { ok: { 200: '{gemeente, questionnaires: [summary]}' } }), async (c) => {
    const gemeente = await scope(c);
    return c.json({ gemeente, questionnaires: await listQuestionnaires(c.env.DB, gemeente) });
  })
  .post(
    '/',
    adminRoute('Create from a template or a definition, optionally publishing it', {
      ok: { 201: 'The summary of the new questionnaire' },
      errors: [
        [409, 'already_exists'],
        [422, 'validation_failed'],
        [422, 'incompatible_change'],
        [422, 'locked_item'],
      ],
    }),
    validate('json', CreateBody, { limit: MAX_DEFINITION_BYTES }),
    async (c) => {
      const gemeente = await scope(c);
      const body = c.req.valid('json');
      const source = body.template ? { ...TEMPLATES[body.template], ...(body.id ? { id: body.id } : {}) } : body.definition;
      const def = definitionOrThrow(source, body.template ? undefined : body.id);
      if (!(await createQuestionnaire(c.env.DB, gemeente, def))) {
        throw new ApiError(409, 'already_exists', `Questionnaire ${def.id} already exists; edit its draft instead.`);
      }
      if (body.publish) await publishStored(c.env.DB, gemeente, await questionnaireOrThrow(c.env.DB, gemeente, def.id));
      await registryChanged(c.env, gemeente, def.id);
      return c.json(await summaryOf(c.env.DB, gemeente, def.id), 201);
    },
  )
  .get(
    '/:id',
    adminRoute('One questionnaire: its summary, latest definition and draft, and per language the texts each lacks'),
    async (c) => {
      const gemeente = await scope(c);
      const row = await questionnaireOrThrow(c.env.DB, gemeente, c.req.param('id'));
      const latest = await getVersion(c.env.DB, gemeente, row.id);
      const draft = row.draft === null ? null : (JSON.parse(row.draft) as QuestionnaireDefinition);
      return c.json({
        ...(await summaryOf(c.env.DB, gemeente, row.id)),
        definition: latest?.definition ?? null,
        draft,
        // What the editor shows beside each language: texts that read Dutch there for want of a translation.
        missingTranslations: {
          definition: latest ? missingTranslations(latest.definition) : null,
          draft: draft ? missingTranslations(draft) : null,
        },
      });
    },
  )
  .get('/:id/versions', adminRoute('Published versions, with the items each added and removed'), async (c) => {
    const gemeente = await scope(c);
    const row = await questionnaireOrThrow(c.env.DB, gemeente, c.req.param('id'));
    const versions = await listVersions(c.env.DB, gemeente, row.id);
    // What each version added and dropped, so a reader sees at once which trends continue.
    let previous = new Set<string>();
    const out = versions.map((v) => {
      const ids = allItems(v.definition).map((i) => i.id);
      const entry = {
        version: v.version,
        publishedAt: v.published_at,
        items: ids.length,
        added: v.version === versions[0].version ? [] : ids.filter((id) => !previous.has(id)),
        removed: [...previous].filter((id) => !ids.includes(id)),
      };
      previous = new Set(ids);
      return entry;
    });
    return c.json({ id: row.id, versions: out });
  })
  .get(
    '/:id/versions/:version',
    adminRoute('One published version', {
      errors: [
        [400, 'validation_failed'],
        [404, 'version_not_found'],
      ],
    }),
    async (c) => {
      const gemeente = await scope(c);
      const parsed = VersionParam.safeParse(c.req.param('version'));
      if (!parsed.success)
        throw new ApiError(400, 'validation_failed', 'The version is a whole number from 1.', zodIssues(parsed.error.issues));
      const version = parsed.data;
      const row = await questionnaireOrThrow(c.env.DB, gemeente, c.req.param('id'));
      const found = await getVersion(c.env.DB, gemeente, row.id, version);
      if (!found) throw new ApiError(404, 'version_not_found', `Questionnaire ${row.id} has no version ${version}.`);
      return c.json({ id: row.id, version: found.version, publishedAt: found.published_at, definition: found.definition });
    },
  )
  .get('/:id/draft', adminRoute('The draft', { errors: [[404, 'not_a_draft']] }), async (c) => {
    const gemeente = await scope(c);
    const row = await questionnaireOrThrow(c.env.DB, gemeente, c.req.param('id'));
    if (row.draft === null) throw new ApiError(404, 'not_a_draft', `Questionnaire ${row.id} has no draft; POST to start one.`);
    const draft = JSON.parse(row.draft) as QuestionnaireDefinition;
    return c.json({ id: row.id, draft, missingTranslations: missingTranslations(draft) });
  })
  .post(
    '/:id/draft',
    adminRoute('Start a draft from the latest version', {
      ok: { 200: 'The draft that already existed', 201: 'The new draft' },
      errors: [[404, 'version_not_found']],
    }),
    async (c) => {
      const gemeente = await scope(c);
      const row = await questionnaireOrThrow(c.env.DB, gemeente, c.req.param('id'));
      if (row.draft !== null) return c.json({ id: row.id, draft: JSON.parse(row.draft) as unknown }, 200);
      const latest = await getVersion(c.env.DB, gemeente, row.id);
      if (!latest) throw new ApiError(404, 'version_not_found', `Questionnaire ${row.id} has no published version to start from.`);
      await saveDraft(c.env.DB, gemeente, row.id, latest.definition);
      return c.json({ id: row.id, draft: latest.definition }, 201);
    },
  )
  .put(
    '/:id/draft',
    adminRoute('Replace the draft with a full definition'),
    validate('json', QuestionnaireDefinition, { limit: MAX_DEFINITION_BYTES, invalid: 422 }),
    async (c) => {
      const gemeente = await scope(c);
      const row = await questionnaireOrThrow(c.env.DB, gemeente, c.req.param('id'));
      const def = definitionOrThrow(c.req.valid('json'), row.id);
      await saveDraft(c.env.DB, gemeente, row.id, def);
      return c.json({ id: row.id, draft: def });
    },
  )
  .delete('/:id/draft', adminRoute('Discard the draft', { ok: { 200: '{id, discarded}' } }), async (c) => {
    const gemeente = await scope(c);
    const row = await questionnaireOrThrow(c.env.DB, gemeente, c.req.param('id'));
    await saveDraft(c.env.DB, gemeente, row.id, null);
    return c.json({ id: row.id, discarded: row.draft !== null });
  })
  .post(
    '/:id/publish',
    adminRoute('Publish the draft as the next version', {
      ok: { 201: 'The summary with the new version' },
      errors: [
        [409, 'not_a_draft'],
        [422, 'incompatible_change'],
        [422, 'locked_item'],
        [422, 'validation_failed'],
      ],
    }),
    async (c) => {
      const gemeente = await scope(c);
      const row = await questionnaireOrThrow(c.env.DB, gemeente, c.req.param('id'));
      const version = await publishStored(c.env.DB, gemeente, row);
      await registryChanged(c.env, gemeente, row.id);
      return c.json({ ...(await summaryOf(c.env.DB, gemeente, row.id)), version }, 201);
    },
  )
  .post('/:id/close', adminRoute('Stop taking answers'), async (c) => {
    const gemeente = await scope(c);
    const row = await questionnaireOrThrow(c.env.DB, gemeente, c.req.param('id'));
    await setQuestionnaireStatus(c.env.DB, gemeente, row.id, 'closed');
    await registryChanged(c.env, gemeente, row.id);
    return c.json(await summaryOf(c.env.DB, gemeente, row.id));
  })
  .post('/:id/open', adminRoute('Take answers again'), async (c) => {
    const gemeente = await scope(c);
    const row = await questionnaireOrThrow(c.env.DB, gemeente, c.req.param('id'));
    await setQuestionnaireStatus(c.env.DB, gemeente, row.id, 'open');
    await registryChanged(c.env, gemeente, row.id);
    return c.json(await summaryOf(c.env.DB, gemeente, row.id));
  })
  /** Stored responses against the cube's respondent count: equal unless something drifted. */
  .get(
    '/:id/integrity',
    adminRoute('Stored responses against the cube count (equal unless something drifted)', {
      ok: { 200: '{questionnaire, responses, cube, consistent}' },
    }),
    async (c) => {
      const gemeente = await scope(c);
      const row = await questionnaireOrThrow(c.env.DB, gemeente, c.req.param('id'));
      const counts = await ledgerFor(c.env, gemeente, row.id).counts();
      return c.json({ questionnaire: row.id, ...counts, consistent: counts.responses === counts.cube });
    },
  );

/** Public: the default questionnaires any gemeente can start from. */
export const templates = new Hono<AppEnv>()
  .get(
    '/',
    route({ summary: 'Templates from the item bank', tag: 'questionnaires', ok: { 200: '{templates: [{id, title, sections, items}]}' } }),
    (c) =>
      c.json({
        templates: Object.values(TEMPLATES).map((t) => {
          const def = QuestionnaireDefinition.parse(t);
          return { id: def.id, title: def.title, sections: def.sections.length, items: allItems(def).length };
        }),
      }),
  )
  .get(
    '/:id',
    route({
      summary: 'One template',
      tag: 'questionnaires',
      ok: { 200: { description: 'The template’s definition', schema: QuestionnaireDefinition } },
      errors: [[404, 'not_found']],
    }),
    (c) => {
      const id = c.req.param('id');
      if (!Object.hasOwn(TEMPLATES, id)) throw new ApiError(404, 'not_found', `No template ${id}; see GET /v1/templates.`);
      return c.json(QuestionnaireDefinition.parse(TEMPLATES[id as keyof typeof TEMPLATES]));
    },
  );
