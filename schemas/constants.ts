/** Coded values and names shared by widget and worker; no zod here, so the widget bundle stays small. */

/** The answer "weet ik niet / niet van toepassing": a stelling value and an option of context items. */
export const WEET_NIET = 'weet_niet';
/** The five points of a stelling that count as an opinion; `weet_niet` is reported beside them. */
export const OPINION_VALUES = ['helemaal_eens', 'eens', 'neutraal', 'oneens', 'helemaal_oneens'] as const;
export const STELLING_VALUES = [...OPINION_VALUES, WEET_NIET] as const;
/**
 * How a gemeente counts "weet niet" in stellingen: left out of the base, or (the Almere convention)
 * counted as an answer once it is 20% or more of the answers.
 */
export const WEET_NIET_RULES = ['exclude', 'include-at-20'] as const;
export type WeetNietRule = (typeof WEET_NIET_RULES)[number];
/** The share of "weet niet", in percent of all answers, from which it is flagged (and, by the Almere rule, included). */
export const WEET_NIET_THRESHOLD = 20;
export type StellingValue = (typeof STELLING_VALUES)[number];
export const AANRADEN_VALUES = ['ja', 'misschien', 'nee'] as const;
export type AanradenValue = (typeof AANRADEN_VALUES)[number];
/** Rapportcijfer 1–10 and the 0–10 scale of `nps`, as the cube keeps them (strings). */
export const CIJFER_VALUES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
export const NPS_VALUES = ['0', ...CIJFER_VALUES] as const;

/**
 * Context of a response: set by the embed or asked. `leeftijd` and `wijk` are background fields a gemeente
 * weights and breaks down by; `wijk` takes the gemeente's own list (the options of its wijk item).
 */
export const CONTEXT_FIELDS = ['team', 'contact', 'status', 'role', 'leeftijd', 'wijk'] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];
export const CONTACT_VALUES = ['kort', 'lang', WEET_NIET] as const;
export type ContactValue = (typeof CONTACT_VALUES)[number];
export const STATUS_VALUES = ['afgerond', 'loopt', WEET_NIET] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];
export const ROLE_VALUES = ['zelf', 'kind', 'zorg', 'anders'] as const;
/** Age bands as the Almere monitor reports them; `weet_niet` is "zeg ik liever niet". */
export const LEEFTIJD_VALUES = ['jonger_dan_45', '45_64', '65_plus', WEET_NIET] as const;
export const CHANNELS = ['web', 'telefoon', 'papier'] as const;

/** The law a questionnaire measures for; `jeugd` forbids every figure per aanbieder (Jeugdwet art. 2.10). */
export const WETTEN = ['wmo', 'jeugd', 'participatiewet', 'overig'] as const;
export type Wet = (typeof WETTEN)[number];
/** The CEO core modules: their items are locked, so trends compare across years and gemeenten. */
export const CORE_MODULES = ['ceo-wmo', 'mcjo-ouders', 'mcjo-jongeren'] as const;
export type CoreModule = (typeof CORE_MODULES)[number];
/** The themes the law names for the yearly CEO (Wmo 2015 art. 2.5.1, Jeugdwet art. 2.10). */
export const CEO_THEMES = ['toegang', 'kwaliteit', 'effect'] as const;
export type CeoTheme = (typeof CEO_THEMES)[number];
/** A service (contact) year, month or day: YYYY, YYYY-MM or YYYY-MM-DD; figures by service year read its year. */
export const SERVICE_DATE_PATTERN = /^(19|20)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** How a year is read: by the day of the response, or by the year of the contact or service it is about. */
export const YEAR_BY = ['response', 'service'] as const;

/** Stable error codes of the API. The widget maps each to localized text; never show server prose. */
export const ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'invalid_csv',
  'unknown_column',
  'unsupported_media_type',
  'payload_too_large',
  'validation_failed',
  'invalid_date',
  'unauthorized',
  'token_expired',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'unknown_site_key',
  'origin_not_allowed',
  'team_not_allowed',
  'questionnaire_not_found',
  'version_not_found',
  'questionnaire_closed',
  'not_a_draft',
  'incompatible_change',
  'already_exists',
  'submission_conflict',
  'invite_invalid',
  'invite_used',
  'invite_expired',
  'invite_required',
  'kiosk_not_registered',
  'rate_limited',
  'unknown_item',
  'invalid_value',
  'hidden_item_answered',
  'required_missing',
  'text_too_long',
  'period_not_allowed',
  'combination_not_allowed',
  'locked_item',
  'jeugd_per_partner',
  'csrf_failed',
  'session_expired',
  'setup_invalid',
  'setup_expired',
  'webauthn_failed',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Roles of personal accounts in beheer. `beheerder`: everything of the gemeente; `onderzoeker`: exact
 * figures, microdata exports and imports; `beleid`: protected figures of every partner; `partner`: one
 * partner's protected figures and its invites.
 */
export const ACCOUNT_ROLES = ['beheerder', 'onderzoeker', 'beleid', 'partner'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** The request header a signed-in browser sends with every change; another site cannot send it. */
export const CSRF_HEADER = 'X-Peil-CSRF';

// Ids. The zod schemas built on these are in ids.ts; the widget checks URL parameters with the patterns.
/** Ids of gemeenten, partners, teams, site-key partners and options: lowercase letters, digits, - and _. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** Questionnaire ids: a slug of at least two characters without _, as they appear in URLs and file names. */
export const QUESTIONNAIRE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** Item and section ids: they become SPSS variable names, so a letter first and no -. */
export const ITEM_ID_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/** The query parameter of an invite link, read by the widget and written by the invite route. */
export const INVITE_PARAM = 'peil-invite';

/** WebSocket close code of a live connection whose token was revoked, rotated or expired: do not reconnect with it. */
export const LIVE_CLOSE_TOKEN = 4001;

// Keys of the aggregate cube, shared by the ledger that writes it, the reports that read it and the
// dashboard that shows its groups.
/** Item of the cube rows that count respondents (value ''). */
export const RESPONDENTS = '_resp';
/** Value of the cube rows that count respondents who answered an item. */
export const ANSWERED = '*';
/** Group of responses without the field grouped on. */
export const UNKNOWN_GROUP = '_onbekend';

/** How `{organisatie}` reads where no single partner is meant: the dashboard's labels and every export. */
export const ORGANISATIE_IN_GENERAL = { nl: 'het sociaal team', en: 'the social team' } as const;

/**
 * The languages a client can answer in, Dutch (the reference) first. Every questionnaire text has
 * Dutch; the others are optional and fall back to Dutch.
 */
export const LANGUAGES = ['nl', 'en', 'tr', 'ar', 'pl', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];
/** The languages a text may be translated into. */
export type Translation = Exclude<Language, 'nl'>;
export const TRANSLATION_LANGUAGES = LANGUAGES.filter((l): l is Translation => l !== 'nl');
/**
 * Each language as it names itself (the client's language choice), the direction it is written in, and
 * its name in Dutch and English (the dashboard and the exports).
 */
export const LANGUAGE_INFO: Record<Language, { name: string; dir: 'ltr' | 'rtl'; nl: string; en: string }> = {
  nl: { name: 'Nederlands', dir: 'ltr', nl: 'Nederlands', en: 'Dutch' },
  en: { name: 'English', dir: 'ltr', nl: 'Engels', en: 'English' },
  tr: { name: 'Türkçe', dir: 'ltr', nl: 'Turks', en: 'Turkish' },
  ar: { name: 'العربية', dir: 'rtl', nl: 'Arabisch', en: 'Arabic' },
  pl: { name: 'Polski', dir: 'ltr', nl: 'Pools', en: 'Polish' },
  uk: { name: 'Українська', dir: 'ltr', nl: 'Oekraïens', en: 'Ukrainian' },
};
/** A stored language code as a gemeente reads it in Dutch or English; '' (not kept) and unknown codes stay as they are. */
export function languageName(code: string, reader: 'nl' | 'en'): string {
  return Object.hasOwn(LANGUAGE_INFO, code) ? LANGUAGE_INFO[code as Language][reader] : code;
}
