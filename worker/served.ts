import { materialize, type QuestionnaireDefinition, type Text } from '../schemas/questionnaire.js';
import { getSiteKey, type Partner, type SiteKey, type Team, type Version } from './db.js';
import { ApiError } from './errors.js';

export interface Served {
  site: SiteKey;
  partner: Partner;
  teams: Team[];
  status: 'open' | 'closed';
  version: number;
  definition: QuestionnaireDefinition;
}

/**
 * Published versions are immutable, so an isolate may keep the ones it has parsed. Bounded, oldest
 * first out; everything that can change (status, teams, site keys) is read fresh every time.
 */
const publishedVersions = new Map<string, Version>();
const MAX_CACHED_VERSIONS = 200;

function rememberVersion(key: string, version: Version): void {
  if (publishedVersions.has(key)) return;
  if (publishedVersions.size >= MAX_CACHED_VERSIONS) publishedVersions.delete(publishedVersions.keys().next().value!);
  publishedVersions.set(key, version);
}

export async function siteKeyOrThrow(db: D1Database, key: string | undefined): Promise<SiteKey> {
  if (!key) throw new ApiError(401, 'unknown_site_key', 'A site key is required.');
  const site = await getSiteKey(db, key);
  if (!site) throw new ApiError(401, 'unknown_site_key', 'This site key is not known or has been revoked.');
  return site;
}

/** `{organisatie}` for a partner in both languages, narrowed to a team when the embed names one. */
export function organisatieFor(partner: Partner, team: Team | undefined): Text {
  const en = partner.organisatie_en ?? partner.organisatie;
  return team ? { nl: `${partner.organisatie} ${team.name}`, en: `${en} ${team.name}` } : { nl: partner.organisatie, en };
}

/**
 * A published version as the partner's clients see it: teams listed, placeholders filled.
 * Submissions are validated against exactly this.
 */
export async function servedDefinition(
  db: D1Database,
  site: SiteKey,
  questionnaireId: string,
  opts: { version?: number; team?: string },
): Promise<Served> {
  const g = site.gemeente_id;
  const cached = opts.version ? publishedVersions.get(`${g}/${questionnaireId}/${opts.version}`) : undefined;
  // One round trip to D1 for everything a submission needs; a published version may come from memory.
  const versionQuery = opts.version
    ? db
        .prepare(
          'SELECT version, definition, published_at FROM questionnaire_versions WHERE gemeente_id = ? AND questionnaire_id = ? AND version = ?',
        )
        .bind(g, questionnaireId, opts.version)
    : db
        .prepare(
          'SELECT version, definition, published_at FROM questionnaire_versions WHERE gemeente_id = ? AND questionnaire_id = ? ORDER BY version DESC LIMIT 1',
        )
        .bind(g, questionnaireId);
  const [rowRes, partnerRes, teamsRes, versionRes] = await db.batch([
    db.prepare('SELECT status FROM questionnaires WHERE gemeente_id = ? AND id = ?').bind(g, questionnaireId),
    db
      .prepare('SELECT gemeente_id, id, name, organisatie, organisatie_en FROM partners WHERE gemeente_id = ? AND id = ?')
      .bind(g, site.partner_id),
    db.prepare('SELECT id, partner_id, name FROM teams WHERE gemeente_id = ? AND partner_id = ? ORDER BY name').bind(g, site.partner_id),
    ...(cached ? [] : [versionQuery]),
  ]);
  const row = rowRes.results[0] as { status: 'open' | 'closed' } | undefined;
  const partner = partnerRes.results[0] as Partner | undefined;
  const teams = teamsRes.results as unknown as Team[];
  if (!row || !partner) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${questionnaireId}.`);
  const fetched = versionRes?.results[0] as { version: number; definition: string; published_at: string } | undefined;
  const version: Version | undefined =
    cached ?? (fetched && { version: fetched.version, definition: JSON.parse(fetched.definition), published_at: fetched.published_at });
  if (!version) {
    throw opts.version
      ? new ApiError(404, 'version_not_found', `Questionnaire ${questionnaireId} has no version ${opts.version}.`)
      : new ApiError(404, 'questionnaire_not_found', `Questionnaire ${questionnaireId} is not published.`);
  }
  rememberVersion(`${g}/${questionnaireId}/${version.version}`, version);
  const definition = servedVersion(version.definition, partner, teams, opts.team);
  return { site, partner, teams, status: row.status, version: version.version, definition };
}

/** One version for one partner's clients, narrowed to a team when the embed names one of the partner's. */
export function servedVersion(
  definition: QuestionnaireDefinition,
  partner: Partner,
  teams: Team[],
  teamId: string | undefined,
): QuestionnaireDefinition {
  const team = teamId === undefined ? undefined : teams.find((t) => t.id === teamId);
  if (teamId !== undefined && !team) {
    throw new ApiError(422, 'team_not_allowed', `Team ${teamId} does not belong to this site key.`, [
      { code: 'team_not_allowed', path: ['context', 'team'], message: 'unknown team' },
    ]);
  }
  return materialize(definition, { teams, organisatie: organisatieFor(partner, team) });
}
