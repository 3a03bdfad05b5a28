import type { Language } from '../schemas/constants.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ErrorIssue } from '../schemas/errors.js';
import type { Answers, QuestionnaireDefinition } from '../schemas/questionnaire.js';
import type { Context } from '../schemas/response.js';
import type { Partner, Team } from './db.js';
import { ApiError } from './errors.js';
import { dutchDay, toRecord } from './ingest.js';
import { ledgerFor } from './ledger-stub.js';
import type { LedgerRecord, SubmitResult } from './ledger-types.js';
import { servedVersion } from './served.js';

/*
 * A web submission is checked against the registry in D1: the site key (active? which origins?), the
 * partner and its teams, the questionnaire's status and the version it names. Reading that from D1 took
 * two round trips per submission. Now the ledger the submission goes to anyway keeps its slice of the
 * registry in memory, and every admin write that changes the slice tells that ledger before it answers,
 * so the very next submission sees a revoked key, a removed origin or a closed questionnaire. A ledger
 * is one object in the whole deployment, so this holds across isolates too.
 *
 * The worker itself keeps only what can never change: which gemeente and partner a site key belongs
 * to, and that a questionnaire exists (neither is ever reassigned or deleted).
 */

/** What a submission needs of a site key: its partner, origins, and whether it takes invites only or is a kiosk. */
export interface SliceSiteKey {
  key: string;
  partner: string;
  origins: string[];
  inviteRequired: boolean;
  kiosk: boolean;
}

/** One questionnaire's part of the registry, with its gemeente's site keys, partners and teams. */
export interface RegistrySlice {
  questionnaire: string;
  /** Active site keys only. */
  siteKeys: Map<string, SliceSiteKey>;
  partners: Map<string, Partner>;
  /** Per partner, ordered by name as the team question lists them. */
  teams: Map<string, Team[]>;
  /** null: the questionnaire does not exist. */
  status: 'open' | 'closed' | null;
  /** Published definitions as stored (JSON), parsed when a submission first names them. */
  versions: Map<number, string>;
  /** Definitions as a partner's clients see them, by version, partner and team. */
  served: Map<string, QuestionnaireDefinition>;
}

/** A web submission as the worker hands it to the ledger: the body's fields and the request's Origin. */
export interface WebSubmission {
  siteKey: string;
  origin: string | undefined;
  /** Where Peil itself is served: its own hosted pages may submit for every site key. */
  peilOrigins: string[];
  submissionId: string;
  version: number;
  answers: Answers;
  context: Context;
  elapsedMs?: number;
  /** The language the client answered in. */
  language?: Language;
  /** The submission carries an invite (checked and spent in D1 by the worker). */
  invited: boolean;
  /** The client's address, for the rate limit and burst holds only: hashed in the ledger's memory, never stored. */
  address?: string;
  /** The worker's `PEIL_RATE_LIMIT` is on (`0` switches limits off for load tests). */
  rateLimited: boolean;
}

/** A submission the registry refuses, as a value: an error's class does not survive the call into the ledger. */
export interface Refusal {
  ok: false;
  error: { status: ContentfulStatusCode; code: ErrorCode; message: string; issues?: ErrorIssue[] };
}
export type Checked = { ok: true; record: LedgerRecord; site: SliceSiteKey } | Refusal;
export type Admitted = { ok: true; result: SubmitResult } | Refusal;

/** Reads a slice in one D1 batch. */
async function loadSlice(db: D1Database, gemeente: string, questionnaire: string): Promise<RegistrySlice> {
  const [keys, partners, teams, row, versions] = await db.batch([
    db
      .prepare('SELECT key, partner_id, origins, invite_required, kiosk FROM site_keys WHERE gemeente_id = ? AND revoked_at IS NULL')
      .bind(gemeente),
    db.prepare('SELECT gemeente_id, id, name, organisatie, organisatie_en FROM partners WHERE gemeente_id = ?').bind(gemeente),
    db.prepare('SELECT id, partner_id, name FROM teams WHERE gemeente_id = ? ORDER BY name').bind(gemeente),
    db.prepare('SELECT status FROM questionnaires WHERE gemeente_id = ? AND id = ?').bind(gemeente, questionnaire),
    db
      .prepare('SELECT version, definition FROM questionnaire_versions WHERE gemeente_id = ? AND questionnaire_id = ?')
      .bind(gemeente, questionnaire),
  ]);
  const byPartner = new Map<string, Team[]>();
  for (const t of teams.results as unknown as Team[]) byPartner.set(t.partner_id, [...(byPartner.get(t.partner_id) ?? []), t]);
  return {
    questionnaire,
    siteKeys: new Map(
      (keys.results as { key: string; partner_id: string; origins: string; invite_required: number; kiosk: number }[]).map((k) => [
        k.key,
        {
          key: k.key,
          partner: k.partner_id,
          origins: JSON.parse(k.origins) as string[],
          inviteRequired: k.invite_required === 1,
          kiosk: k.kiosk === 1,
        },
      ]),
    ),
    partners: new Map((partners.results as unknown as Partner[]).map((p) => [p.id, p])),
    teams: byPartner,
    status: (row.results[0] as { status: 'open' | 'closed' } | undefined)?.status ?? null,
    versions: new Map((versions.results as { version: number; definition: string }[]).map((v) => [v.version, v.definition])),
    served: new Map(),
  };
}

/** Longest a ledger uses a slice without being told of a change: bounds edits made outside the admin API. */
const SLICE_MAX_AGE_MS = 60_000;

/** A ledger's slice of the registry, read from D1 when first needed and again after every change. */
export class RegistryCache {
  private cached: { slice: Promise<RegistrySlice>; at: number } | undefined;

  slice(db: D1Database, gemeente: string, questionnaire: string): Promise<RegistrySlice> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > SLICE_MAX_AGE_MS) {
      const entry = { slice: loadSlice(db, gemeente, questionnaire), at: now };
      this.cached = entry;
      // A failed read is not kept: the next submission reads again.
      entry.slice.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    return this.cached.slice;
  }

  /** Forgets the slice. A read still in flight is dropped too: it may have started before the change. */
  clear(): void {
    this.cached = undefined;
  }
}

/** Checks a submission against the slice and turns it into a ledger record, in the order the API documents its errors. */
function recordOf(slice: RegistrySlice, input: WebSubmission): { record: LedgerRecord; site: SliceSiteKey } {
  const key = slice.siteKeys.get(input.siteKey);
  if (!key) throw new ApiError(401, 'unknown_site_key', 'This site key is not known or has been revoked.');
  if (!input.origin || !(key.origins.includes(input.origin) || input.peilOrigins.includes(input.origin))) {
    throw new ApiError(403, 'origin_not_allowed', 'Submissions for this site key are not allowed from this origin.');
  }
  if (key.inviteRequired && !input.invited) {
    throw new ApiError(403, 'invite_required', 'This questionnaire can only be answered with a personal invite link.');
  }
  const partner = slice.partners.get(key.partner);
  if (slice.status === null || !partner) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${slice.questionnaire}.`);
  const raw = slice.versions.get(input.version);
  if (raw === undefined)
    throw new ApiError(404, 'version_not_found', `Questionnaire ${slice.questionnaire} has no version ${input.version}.`);
  const servedKey = `${input.version}\u0000${partner.id}\u0000${input.context.team ?? ''}`;
  let definition = slice.served.get(servedKey);
  if (!definition) {
    definition = servedVersion(JSON.parse(raw) as QuestionnaireDefinition, partner, slice.teams.get(partner.id) ?? [], input.context.team);
    slice.served.set(servedKey, definition);
  }
  if (slice.status === 'closed') throw new ApiError(410, 'questionnaire_closed', 'This questionnaire no longer takes answers.');
  return { record: toRecord(definition, input, { partner: partner.id, channel: 'web', day: dutchDay() }), site: key };
}

/** A submission checked against the slice: its ledger record, or why it is refused. */
export function admission(slice: RegistrySlice, input: WebSubmission): Checked {
  try {
    return { ok: true, ...recordOf(slice, input) };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return {
      ok: false,
      error: { status: err.status, code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) },
    };
  }
}

/** What the ledger answered; a refusal becomes the API error again. */
export function accepted<T extends Checked | Admitted>(answer: T): Exclude<T, Refusal> {
  if (!answer.ok) throw new ApiError(answer.error.status, answer.error.code, answer.error.message, answer.error.issues);
  return answer as Exclude<T, Refusal>;
}

/**
 * Tells the ledgers that keep this gemeente's registry (or, given one, that questionnaire's ledger) to
 * read it again. Admin writes await this before they answer, so the next submission sees the change.
 */
export async function registryChanged(env: Env, gemeente: string, questionnaire?: string): Promise<void> {
  const ids = questionnaire
    ? [questionnaire]
    : (await env.DB.prepare('SELECT id FROM questionnaires WHERE gemeente_id = ?').bind(gemeente).all<{ id: string }>()).results.map(
        (r) => r.id,
      );
  await Promise.all(ids.map((id) => ledgerFor(env, gemeente, id).registryChanged()));
}

const MAX_REMEMBERED = 10_000;

/** Which gemeente and partner each site key belongs to: fixed when the key is made. */
const siteScopes = new Map<string, { gemeente: string; partner: string }>();
/** `gemeente/questionnaire` of questionnaires known to exist; none is ever deleted. */
const knownQuestionnaires = new Set<string>();

/**
 * The gemeente and partner of an active site key, and that the questionnaire exists there. An unknown
 * or revoked key is looked up in D1 every time; a key revoked after it was remembered here is refused
 * by the ledger, which is told of every revocation.
 */
export async function submissionScope(
  db: D1Database,
  siteKey: string,
  questionnaire: string,
): Promise<{ gemeente: string; partner: string }> {
  let scope = siteScopes.get(siteKey);
  if (!scope) {
    const row = await db
      .prepare('SELECT gemeente_id, partner_id FROM site_keys WHERE key = ? AND revoked_at IS NULL')
      .bind(siteKey)
      .first<{ gemeente_id: string; partner_id: string }>();
    if (!row) throw new ApiError(401, 'unknown_site_key', 'This site key is not known or has been revoked.');
    scope = { gemeente: row.gemeente_id, partner: row.partner_id };
    if (siteScopes.size >= MAX_REMEMBERED) siteScopes.clear();
    siteScopes.set(siteKey, scope);
  }
  const known = `${scope.gemeente}/${questionnaire}`;
  if (!knownQuestionnaires.has(known)) {
    const row = await db
      .prepare('SELECT 1 AS ok FROM questionnaires WHERE gemeente_id = ? AND id = ?')
      .bind(scope.gemeente, questionnaire)
      .first();
    if (!row) throw new ApiError(404, 'questionnaire_not_found', `No questionnaire ${questionnaire}.`);
    if (knownQuestionnaires.size >= MAX_REMEMBERED) knownQuestionnaires.clear();
    knownQuestionnaires.add(known);
  }
  return scope;
}
