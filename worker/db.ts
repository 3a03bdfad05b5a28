import { QuestionnaireDefinition, type Item, type QuestionnaireInput, type Section, type Text } from '../schemas/questionnaire.js';
import type { CoreModule, WeetNietRule, Wet } from '../schemas/constants.js';
import { ApiError } from './errors.js';

export interface Gemeente {
  id: string;
  name: string;
  k: number;
  weetNiet: WeetNietRule;
  /** 1: open texts reach partner viewers only after an admin released them. */
  open_text_review: number;
}
export interface Partner {
  gemeente_id: string;
  id: string;
  name: string;
  organisatie: string;
  organisatie_en: string | null;
}
export interface Team {
  id: string;
  partner_id: string;
  name: string;
}
export interface SiteKey {
  key: string;
  gemeente_id: string;
  partner_id: string;
  origins: string[];
  /** Only submissions with a one-time invite are taken. */
  inviteRequired: boolean;
  /** A registered kiosk: many clients share one device and address, so it is never rate-limited nor held as a burst. */
  kiosk: boolean;
}
/** `viewer` and `public` are protected audiences: they get disclosure-controlled figures (see worker/disclosure/). */
export type Role = 'operator' | 'admin' | 'viewer' | 'public';
export interface TokenRow {
  id: string;
  role: Role;
  gemeente_id: string | null;
  partner_id: string | null;
  label: string;
  hint: string;
  created_at: string;
  revoked_at: string | null;
  /** ISO 8601; null: the token does not expire. */
  expires_at: string | null;
}
export interface QuestionnaireRow {
  gemeente_id: string;
  id: string;
  status: 'open' | 'closed';
  retention_days: number;
  draft: string | null;
  created_at: string;
}
export interface Version {
  version: number;
  definition: QuestionnaireDefinition;
  published_at: string;
}

export async function getGemeente(db: D1Database, id: string): Promise<Gemeente | null> {
  return db.prepare('SELECT id, name, k, weet_niet AS weetNiet, open_text_review FROM gemeenten WHERE id = ?').bind(id).first<Gemeente>();
}

export async function getSiteKey(db: D1Database, key: string): Promise<SiteKey | null> {
  const row = await db
    .prepare('SELECT key, gemeente_id, partner_id, origins, invite_required, kiosk FROM site_keys WHERE key = ? AND revoked_at IS NULL')
    .bind(key)
    .first<Pick<SiteKey, 'key' | 'gemeente_id' | 'partner_id'> & { origins: string; invite_required: number; kiosk: number }>();
  return (
    row && {
      key: row.key,
      gemeente_id: row.gemeente_id,
      partner_id: row.partner_id,
      origins: JSON.parse(row.origins) as string[],
      inviteRequired: row.invite_required === 1,
      kiosk: row.kiosk === 1,
    }
  );
}

export async function getPartner(db: D1Database, gemeente: string, id: string): Promise<Partner | null> {
  return db
    .prepare('SELECT gemeente_id, id, name, organisatie, organisatie_en FROM partners WHERE gemeente_id = ? AND id = ?')
    .bind(gemeente, id)
    .first<Partner>();
}

export async function listTeams(db: D1Database, gemeente: string, partner?: string): Promise<Team[]> {
  const { results } = partner
    ? await db
        .prepare('SELECT id, partner_id, name FROM teams WHERE gemeente_id = ? AND partner_id = ? ORDER BY name')
        .bind(gemeente, partner)
        .all<Team>()
    : await db.prepare('SELECT id, partner_id, name FROM teams WHERE gemeente_id = ? ORDER BY name').bind(gemeente).all<Team>();
  return results;
}

export async function getTokenByHash(db: D1Database, hash: string): Promise<TokenRow | null> {
  return db
    .prepare(
      'SELECT id, role, gemeente_id, partner_id, label, hint, created_at, revoked_at, expires_at FROM tokens WHERE hash = ? AND revoked_at IS NULL',
    )
    .bind(hash)
    .first<TokenRow>();
}

export async function getQuestionnaire(db: D1Database, gemeente: string, id: string): Promise<QuestionnaireRow | null> {
  return db
    .prepare('SELECT gemeente_id, id, status, retention_days, draft, created_at FROM questionnaires WHERE gemeente_id = ? AND id = ?')
    .bind(gemeente, id)
    .first<QuestionnaireRow>();
}

function toVersion(row: { version: number; definition: string; published_at: string }): Version {
  return { version: row.version, definition: JSON.parse(row.definition) as QuestionnaireDefinition, published_at: row.published_at };
}

/** A published version; without `version`, the latest. */
export async function getVersion(db: D1Database, gemeente: string, id: string, version?: number): Promise<Version | null> {
  const row = version
    ? await db
        .prepare(
          'SELECT version, definition, published_at FROM questionnaire_versions WHERE gemeente_id = ? AND questionnaire_id = ? AND version = ?',
        )
        .bind(gemeente, id, version)
        .first<{ version: number; definition: string; published_at: string }>()
    : await db
        .prepare(
          'SELECT version, definition, published_at FROM questionnaire_versions WHERE gemeente_id = ? AND questionnaire_id = ? ORDER BY version DESC LIMIT 1',
        )
        .bind(gemeente, id)
        .first<{ version: number; definition: string; published_at: string }>();
  return row && toVersion(row);
}

export async function listVersions(db: D1Database, gemeente: string, id: string): Promise<Version[]> {
  const { results } = await db
    .prepare(
      'SELECT version, definition, published_at FROM questionnaire_versions WHERE gemeente_id = ? AND questionnaire_id = ? ORDER BY version',
    )
    .bind(gemeente, id)
    .all<{ version: number; definition: string; published_at: string }>();
  return results.map(toVersion);
}

/**
 * The definition reports are read against: the latest version's items in its order, followed by items
 * only older versions had. Item ids are stable across versions, so their counts add up.
 */
export async function reportDefinition(db: D1Database, gemeente: string, id: string): Promise<{ title: Text; sections: Section[] } | null> {
  const versions = await listVersions(db, gemeente, id);
  if (versions.length === 0) return null;
  const latest = versions[versions.length - 1].definition;
  const seen = new Set(latest.sections.flatMap((s) => s.items.map((i) => i.id)));
  const retired: Item[] = [];
  for (const v of versions.slice(0, -1).reverse()) {
    for (const item of v.definition.sections.flatMap((s) => s.items)) {
      if (!seen.has(item.id)) {
        seen.add(item.id);
        retired.push(item);
      }
    }
  }
  const sections = [...latest.sections];
  if (retired.length)
    sections.push({
      id: 'eerdere_versies',
      title: { nl: 'Vragen uit eerdere versies', en: 'Items from earlier versions' },
      items: retired,
    });
  return { title: latest.title, sections };
}

/** Creates the questionnaire (when new) and publishes its definition as the next version. */
export async function publish(db: D1Database, gemeente: string, input: QuestionnaireInput): Promise<number> {
  const parsed = QuestionnaireDefinition.safeParse(input);
  if (!parsed.success) throw new ApiError(422, 'validation_failed', 'The questionnaire definition is not valid.');
  const def = parsed.data;
  const latest = await getVersion(db, gemeente, def.id);
  const version = (latest?.version ?? 0) + 1;
  await db.batch([
    db.prepare('INSERT OR IGNORE INTO questionnaires (gemeente_id, id) VALUES (?, ?)').bind(gemeente, def.id),
    db
      .prepare('INSERT INTO questionnaire_versions (gemeente_id, questionnaire_id, version, definition) VALUES (?, ?, ?, ?)')
      .bind(gemeente, def.id, version, JSON.stringify(def)),
    db.prepare('UPDATE questionnaires SET draft = NULL WHERE gemeente_id = ? AND id = ?').bind(gemeente, def.id),
  ]);
  return version;
}

export interface QuestionnaireSummary {
  id: string;
  status: 'open' | 'closed';
  title: Text | null;
  latestVersion: number | null;
  publishedAt: string | null;
  hasDraft: boolean;
  retentionDays: number;
  createdAt: string;
  /** The law of the latest version (or the draft): `jeugd` has no per-partner views. */
  wet: Wet;
  /** The CEO core module it carries, if any. */
  core: CoreModule | null;
}

/** The gemeente's questionnaires (or the one named), each with its latest version and whether a draft waits. */
export async function listQuestionnaires(db: D1Database, gemeente: string, id?: string): Promise<QuestionnaireSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT q.id, q.status, q.retention_days, q.draft IS NOT NULL AS has_draft, q.created_at, v.version, v.published_at,
              json_extract(COALESCE(v.definition, q.draft), '$.title') AS title,
              json_extract(COALESCE(v.definition, q.draft), '$.wet') AS wet,
              json_extract(COALESCE(v.definition, q.draft), '$.core') AS core
         FROM questionnaires q
         LEFT JOIN questionnaire_versions v
           ON v.gemeente_id = q.gemeente_id AND v.questionnaire_id = q.id
          AND v.version = (SELECT MAX(version) FROM questionnaire_versions WHERE gemeente_id = q.gemeente_id AND questionnaire_id = q.id)
        WHERE q.gemeente_id = ?1 AND (?2 IS NULL OR q.id = ?2)
        ORDER BY q.id`,
    )
    .bind(gemeente, id ?? null)
    .all<{
      id: string;
      status: 'open' | 'closed';
      retention_days: number;
      has_draft: number;
      created_at: string;
      version: number | null;
      published_at: string | null;
      title: string | null;
      wet: Wet | null;
      core: CoreModule | null;
    }>();
  return results.map((r) => ({
    id: r.id,
    status: r.status,
    title: r.title === null ? null : (JSON.parse(r.title) as Text),
    latestVersion: r.version,
    publishedAt: r.published_at,
    hasDraft: r.has_draft === 1,
    retentionDays: r.retention_days,
    createdAt: r.created_at,
    // Definitions from before the law was stated are `overig`, as the schema's default reads them.
    wet: r.wet ?? 'overig',
    core: r.core,
  }));
}

/** Creates a questionnaire with its first draft; false when the id is taken in this gemeente. */
export async function createQuestionnaire(db: D1Database, gemeente: string, draft: QuestionnaireDefinition): Promise<boolean> {
  const res = await db
    .prepare('INSERT OR IGNORE INTO questionnaires (gemeente_id, id, draft) VALUES (?, ?, ?)')
    .bind(gemeente, draft.id, JSON.stringify(draft))
    .run();
  return res.meta.changes === 1;
}

/** Replaces (or, with null, discards) the draft; false when the questionnaire does not exist. */
export async function saveDraft(db: D1Database, gemeente: string, id: string, draft: QuestionnaireDefinition | null): Promise<boolean> {
  const res = await db
    .prepare('UPDATE questionnaires SET draft = ? WHERE gemeente_id = ? AND id = ?')
    .bind(draft === null ? null : JSON.stringify(draft), gemeente, id)
    .run();
  return res.meta.changes === 1;
}

/**
 * Publishes a checked draft as the next version, in one transaction. The version number is taken
 * inside the INSERT, so two publishes at once get n+1 and n+2 rather than a clash; the draft is
 * cleared only if it is still the one that was published, so a newer edit is not lost.
 */
export async function publishDraft(db: D1Database, gemeente: string, def: QuestionnaireDefinition, draftText: string): Promise<number> {
  const [inserted] = await db.batch<{ version: number }>([
    db
      .prepare(
        `INSERT INTO questionnaire_versions (gemeente_id, questionnaire_id, version, definition)
         SELECT ?1, ?2, COALESCE(MAX(version), 0) + 1, ?3 FROM questionnaire_versions WHERE gemeente_id = ?1 AND questionnaire_id = ?2
         RETURNING version`,
      )
      .bind(gemeente, def.id, JSON.stringify(def)),
    db.prepare('UPDATE questionnaires SET draft = NULL WHERE gemeente_id = ? AND id = ? AND draft = ?').bind(gemeente, def.id, draftText),
  ]);
  return inserted.results[0].version;
}

/** Opens or closes a questionnaire for submissions; false when it does not exist. */
export async function setQuestionnaireStatus(db: D1Database, gemeente: string, id: string, status: 'open' | 'closed'): Promise<boolean> {
  const res = await db.prepare('UPDATE questionnaires SET status = ? WHERE gemeente_id = ? AND id = ?').bind(status, gemeente, id).run();
  return res.meta.changes === 1;
}

/** True when some active site key allows this origin: browsers may then read the submission answer. */
export async function isKnownOrigin(db: D1Database, origin: string): Promise<boolean> {
  const row = await db
    .prepare(
      'SELECT 1 AS ok FROM site_keys, json_each(site_keys.origins) WHERE site_keys.revoked_at IS NULL AND json_each.value = ? LIMIT 1',
    )
    .bind(origin)
    .first<{ ok: number }>();
  return row !== null;
}

/** The stored population margins of a questionnaire (JSON), or null when it is not weighted. */
export async function getWeights(db: D1Database, gemeente: string, questionnaire: string): Promise<string | null | undefined> {
  const row = await db
    .prepare('SELECT weights FROM questionnaires WHERE gemeente_id = ? AND id = ?')
    .bind(gemeente, questionnaire)
    .first<{ weights: string | null }>();
  return row ? row.weights : undefined;
}

/** Stores the margins; false when there is no such questionnaire. */
export async function setWeights(db: D1Database, gemeente: string, questionnaire: string, weights: string): Promise<boolean> {
  const res = await db
    .prepare('UPDATE questionnaires SET weights = ? WHERE gemeente_id = ? AND id = ?')
    .bind(weights, gemeente, questionnaire)
    .run();
  return res.meta.changes === 1;
}
