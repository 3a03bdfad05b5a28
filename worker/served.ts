import { materialize, type QuestionnaireDefinition, type Text } from '../schemas/questionnaire.js';
import { getPartner, getQuestionnaire, getSiteKey, getVersion, listTeams, type Partner, type SiteKey, type Team } from './db.js';
import { ApiError } from './errors.js';

export interface Served {
  site: SiteKey;
  partner: Partner;
  teams: Team[];
  status: 'open' | 'closed';
  version: number;
  definition: QuestionnaireDefinition;
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
  const [row, partner, teams] = await Promise.all([
    getQuestionnaire(db, site.gemeente_id, questionnaireId),
    getPartner(db, site.gemeente_id, site.partner_id),
    listTeams(db, site.gemeente_id, site.partner_id),
  ]);
  if (!row || !partner) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${questionnaireId}.`);
  const version = await getVersion(db, site.gemeente_id, questionnaireId, opts.version);
  if (!version) {
    throw opts.version
      ? new ApiError(404, 'version_not_found', `Questionnaire ${questionnaireId} has no version ${opts.version}.`)
      : new ApiError(404, 'questionnaire_not_found', `Questionnaire ${questionnaireId} is not published.`);
  }
  const team = opts.team === undefined ? undefined : teams.find((t) => t.id === opts.team);
  if (opts.team !== undefined && !team) {
    throw new ApiError(422, 'team_not_allowed', `Team ${opts.team} does not belong to this site key.`, [
      { code: 'team_not_allowed', path: ['context', 'team'], message: 'unknown team' },
    ]);
  }
  const definition = materialize(version.definition, { teams, organisatie: organisatieFor(partner, team) });
  return { site, partner, teams, status: row.status, version: version.version, definition };
}
