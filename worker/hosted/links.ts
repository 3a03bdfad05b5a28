import { z } from 'zod';
import { CONTACT_VALUES, INVITE_PARAM, ROLE_VALUES, STATUS_VALUES } from '../../schemas/constants.js';
import { Slug } from '../../schemas/ids.js';

/** The query of a hosted page and its QR code: the context a partner knows, the language, an invite, kiosk mode. */
export const HostedQuery = z
  .object({
    team: Slug.optional(),
    contact: z.enum(CONTACT_VALUES).optional(),
    status: z.enum(STATUS_VALUES).optional(),
    'respondent-role': z.enum(ROLE_VALUES).optional(),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'a language code such as nl or en')
      .optional(),
    [INVITE_PARAM]: z.string().min(1).max(200).optional(),
    kiosk: z.enum(['1']).optional(),
  })
  .strict();
export type HostedQuery = z.infer<typeof HostedQuery>;

/** The order parameters are written in, so one page always has one URL (and one QR code). */
const ORDER = [
  'team',
  'contact',
  'status',
  'respondent-role',
  'lang',
  INVITE_PARAM,
  'kiosk',
] as const satisfies readonly (keyof HostedQuery)[];

/**
 * Where Peil is reached from outside: `PEIL_PUBLIC_URL` when set (a deployment behind its own domain),
 * else the origin the request came to (local development on any port).
 */
export function publicBase(env: { PEIL_PUBLIC_URL?: string }, requestUrl: string): string {
  return (env.PEIL_PUBLIC_URL || new URL(requestUrl).origin).replace(/\/+$/, '');
}

/**
 * The absolute URL of the hosted survey page of a site key and questionnaire, with its query in a fixed
 * order; with `view`, of its QR code or poster.
 */
export function hostedUrl(
  base: string,
  siteKey: string,
  questionnaire: string,
  query: HostedQuery = {},
  view: '' | '/qr.svg' | '/poster' | '/interview' = '',
): string {
  const url = new URL(`${base.replace(/\/+$/, '')}/s/${encodeURIComponent(siteKey)}/${encodeURIComponent(questionnaire)}${view}`);
  for (const key of ORDER) {
    const value = query[key];
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.href;
}

/** The short link printed on an invite card: it leads to the invite's hosted page. */
export function shortInviteUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/i/${encodeURIComponent(token)}`;
}

/** Letters and digits that cannot be mistaken for one another when typed from paper (Crockford's base 32). */
const CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** 16 characters of 5 bits: 80 bits, far beyond guessing, short enough to type from a card. */
const CODE_LENGTH = 16;

/** A new invite token: short enough to type from a printed card, random enough never to be guessed. */
export function newInviteCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH));
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps every character equally likely.
  return [...bytes].map((b) => CODE_ALPHABET[b % 32]).join('');
}
