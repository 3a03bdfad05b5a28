import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { INVITE_PARAM, LANGUAGES } from '../../schemas/constants.js';
import { QuestionnaireId, Slug } from '../../schemas/ids.js';
import { textIn } from '../../schemas/logic.js';
import { forGemeente, gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { getSiteKey, type SiteKey } from '../db.js';
import { route } from '../describe.js';
import { ApiError } from '../errors.js';
import { HostedQuery, hostedUrl, publicBase, shortInviteUrl } from '../hosted/links.js';
import { cardSheet, hostedPage, interviewPage, messagePage, posterPage, type Card, type SurveyAttributes } from '../hosted/pages.js';
import { qrSvg } from '../hosted/qr.js';
import { submissionScope } from '../registry.js';
import { servedDefinition, siteKeyOrThrow, type Served } from '../served.js';
import { CSP } from './pages.js';
import { canonicalInvite, inviteFor, inviteRow as findInvite, type Invite } from './invites.js';

const html = { 'Content-Security-Policy': CSP, 'Content-Type': 'text/html; charset=utf-8' };
/** A page or code with an invite in it is one client's: never kept by a cache. */
const cacheFor = (q: HostedQuery) => ({ 'Cache-Control': q[INVITE_PARAM] ? 'no-store' : 'public, max-age=300' });

/** `<peil-survey>` attributes that pass the page's query on, in the element's own names. */
const PASSED = ['team', 'contact', 'status', 'respondent-role', 'lang'] as const;

function pathParams(c: Context<AppEnv>): { siteKey: string; questionnaire: string } {
  const questionnaire = QuestionnaireId.safeParse(c.req.param('questionnaire'));
  const siteKey = z.string().min(1).max(128).safeParse(c.req.param('siteKey'));
  if (!questionnaire.success || !siteKey.success) {
    throw new ApiError(404, 'questionnaire_not_found', 'No questionnaire at this address.');
  }
  return { siteKey: siteKey.data, questionnaire: questionnaire.data };
}

/** The site key and the questionnaire as its clients see it; the errors a widget would get, up front. */
async function served(c: Context<AppEnv>, q: HostedQuery): Promise<{ site: SiteKey; served: Served; questionnaire: string }> {
  const { siteKey, questionnaire } = pathParams(c);
  const site = await siteKeyOrThrow(c.env.DB, siteKey);
  if (q.kiosk && !site.kiosk) {
    throw new ApiError(403, 'kiosk_not_registered', 'This site key is not registered as a kiosk; register it before using kiosk mode.');
  }
  return { site, served: await servedDefinition(c.env.DB, site, questionnaire, { team: q.team }), questionnaire };
}

function partnerName(s: Served, team: string | undefined): string {
  const t = team === undefined ? undefined : s.teams.find((x) => x.id === team);
  return t ? `${s.partner.name} ${t.name}` : s.partner.name;
}

function attributes(siteKey: string, questionnaire: string, q: HostedQuery): SurveyAttributes {
  const attrs: SurveyAttributes = [
    ['questionnaire', questionnaire],
    ['site-key', siteKey],
  ];
  for (const name of PASSED) if (q[name] !== undefined) attrs.push([name, q[name]]);
  if (q[INVITE_PARAM]) attrs.push(['invite', q[INVITE_PARAM]]);
  if (q.kiosk) attrs.push(['kiosk', '']);
  return attrs;
}

/** The widget's questionnaire request, as `definitionUrl` in widget/api.ts writes it. */
function definitionPath(siteKey: string, questionnaire: string, team: string | undefined): string {
  const params = new URLSearchParams({ siteKey });
  if (team) params.set('team', team);
  return `/v1/questionnaires/${encodeURIComponent(questionnaire)}?${params}`;
}

const PageErrors = [
  [401, 'unknown_site_key'],
  [403, 'kiosk_not_registered'],
  [404, 'questionnaire_not_found'],
  [422, 'team_not_allowed'],
] as const satisfies [number, string][];

/**
 * Peil's own pages for a site key and questionnaire: the hosted survey (a partner needs no website of
 * its own), its QR code, a waiting-room poster and the interviewer's screen; and the short invite link
 * printed on cards.
 */
export const hosted = new Hono<AppEnv>()
  .get(
    '/s/:siteKey/:questionnaire',
    route({
      summary: 'The hosted survey page of a site key: the partner’s name and the questionnaire, on Peil’s own origin',
      tag: 'pages',
      ok: { 200: { description: 'HTML', type: 'text/html' } },
      errors: [...PageErrors],
    }),
    validate('query', HostedQuery),
    async (c) => {
      const q = c.req.valid('query');
      const { site, served: s, questionnaire } = await served(c, q);
      const page = hostedPage({
        lang: q.lang ?? 'nl',
        partner: partnerName(s, q.team),
        title: textIn(s.definition.title, LANGUAGES.find((l) => l === q.lang) ?? 'nl').value,
        attrs: attributes(site.key, questionnaire, q),
        preload: definitionPath(site.key, questionnaire, q.team),
      });
      return c.html(page, 200, { ...html, ...cacheFor(q) });
    },
  )
  .get(
    '/s/:siteKey/:questionnaire/qr.svg',
    route({
      summary: 'A QR code (SVG) that encodes the absolute URL of the hosted page with the same query',
      tag: 'pages',
      ok: { 200: { description: 'SVG', type: 'image/svg+xml' } },
      errors: [...PageErrors],
    }),
    validate('query', HostedQuery),
    async (c) => {
      const q = c.req.valid('query');
      const { site, questionnaire } = await served(c, q);
      const svg = qrSvg(hostedUrl(publicBase(c.env, c.req.url), site.key, questionnaire, q));
      return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', ...cacheFor(q) });
    },
  )
  .get(
    '/s/:siteKey/:questionnaire/poster',
    route({
      summary: 'An A4 poster for a waiting room with the hosted page’s QR code',
      tag: 'pages',
      ok: { 200: { description: 'HTML, printable on A4', type: 'text/html' } },
      errors: [...PageErrors],
    }),
    validate('query', HostedQuery),
    async (c) => {
      const q = c.req.valid('query');
      const { site, served: s, questionnaire } = await served(c, q);
      const url = hostedUrl(publicBase(c.env, c.req.url), site.key, questionnaire, q);
      return c.html(posterPage({ partner: partnerName(s, q.team), url, qr: qrSvg(url) }), 200, { ...html, ...cacheFor(q) });
    },
  )
  .get(
    '/s/:siteKey/:questionnaire/interview',
    route({
      summary: 'Where an interviewer enters a telephone or paper interview (signs in with `#token=`); it lands through the import',
      tag: 'pages',
      ok: { 200: { description: 'HTML', type: 'text/html' } },
      errors: [...PageErrors],
    }),
    validate('query', HostedQuery),
    async (c) => {
      const q = c.req.valid('query');
      const { site, served: s, questionnaire } = await served(c, q);
      const page = interviewPage({
        lang: q.lang ?? 'nl',
        partner: partnerName(s, q.team),
        title: s.definition.title.nl,
        attrs: [...attributes(site.key, questionnaire, { ...q, kiosk: undefined, [INVITE_PARAM]: undefined }), ['mode', 'interviewer']],
        preload: definitionPath(site.key, questionnaire, q.team),
      });
      return c.html(page, 200, { ...html, 'Cache-Control': 'no-store' });
    },
  )
  .get(
    '/i/:token',
    route({
      summary: 'The short link of an invite card: to the invite’s hosted page, the invite kept; an unknown code gets a page that says so',
      tag: 'pages',
      ok: { 302: 'Redirect to the hosted page with the invite' },
      errors: [[404, 'not_found']],
    }),
    async (c) => {
      const typed = c.req.param('token');
      // Codes are written in lower case; a code typed from a card in capitals is the same code.
      const found =
        (await inviteRow(c.env.DB, typed)) ?? (typed === typed.toLowerCase() ? null : await inviteRow(c.env.DB, typed.toLowerCase()));
      const siteKey = found && (await firstSiteKey(c.env.DB, found.invite.gemeente_id, found.invite.partner_id));
      if (!found || !siteKey) {
        return c.html(
          messagePage(
            'Deze link is niet bekend',
            'Kijk of u de link goed heeft overgenomen van de kaart. Lukt het niet? Vraag dan een nieuwe kaart.',
            'This link is not known. Check that you typed it as it is on the card.',
          ),
          404,
          { ...html, 'Cache-Control': 'no-store' },
        );
      }
      const { invite, token } = found;
      const to = hostedUrl(publicBase(c.env, c.req.url), siteKey, invite.questionnaire_id, {
        ...(invite.team ? { team: invite.team } : {}),
        [INVITE_PARAM]: token,
      });
      return c.redirect(to, 302);
    },
  );

/** An invite by what was typed (a card's code, or a letter's code in any case and spacing), with the token it stands for. */
async function inviteRow(db: D1Database, typed: string): Promise<{ invite: Invite; token: string } | null> {
  const invite = await findInvite(db, typed);
  return invite && { invite, token: canonicalInvite(typed) };
}

/** The partner's first active site key: the one its hosted pages and invite links use. */
async function firstSiteKey(db: D1Database, gemeente: string, partner: string): Promise<string | undefined> {
  const row = await db
    .prepare('SELECT key FROM site_keys WHERE gemeente_id = ? AND partner_id = ? AND revoked_at IS NULL ORDER BY created_at, key LIMIT 1')
    .bind(gemeente, partner)
    .first<{ key: string }>();
  return row?.key;
}

const CheckQuery = z.object({ siteKey: z.string().min(1).max(128), questionnaire: QuestionnaireId, invite: z.string().min(1).max(200) });
const CardsBody = z
  .object({
    /** Invite tokens as `POST /v1/invites` gave them. */
    tokens: z.array(z.string().min(1).max(200)).min(1).max(500),
    perPage: z.union([z.literal(8), z.literal(10)]).default(10),
  })
  .strict();
const GemeenteQuery = z.object({ gemeente: Slug.optional() });

/** Invite routes that belong to the ways in: checked when the survey loads, printed on cards. */
export const hostedInvites = new Hono<AppEnv>()
  .get(
    '/check',
    route({
      summary: 'Whether an invite can still be used, asked when the survey loads (public; answers every origin)',
      tag: 'submit',
      ok: { 200: '{usable: true} or {usable: false, code: invite_used | invite_expired | invite_invalid}' },
      errors: [
        [401, 'unknown_site_key'],
        [404, 'questionnaire_not_found'],
      ],
    }),
    validate('query', CheckQuery),
    async (c) => {
      const q = c.req.valid('query');
      const scope = await submissionScope(c.env.DB, q.siteKey, q.questionnaire);
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cache-Control', 'no-store');
      try {
        const invite = await inviteFor(c.env.DB, q.invite, { ...scope, questionnaire: q.questionnaire });
        if (invite.used_at !== null) return c.json({ usable: false, code: 'invite_used' });
        return c.json({ usable: true });
      } catch (err) {
        if (err instanceof ApiError && (err.code === 'invite_invalid' || err.code === 'invite_expired')) {
          return c.json({ usable: false, code: err.code });
        }
        throw err;
      }
    },
  )
  .post(
    '/cards',
    route({
      summary: 'A printable A4 sheet of invite cards (QR code, short link, one line of text, the partner’s name)',
      tag: 'submit',
      ok: { 200: { description: 'HTML, 8 or 10 cards to an A4 sheet', type: 'text/html' } },
      errors: [
        [403, 'invite_invalid'],
        [409, 'invite_used'],
        [410, 'invite_expired'],
      ],
    }),
    requireRole('operator', 'admin', 'viewer'),
    validate('query', GemeenteQuery),
    forGemeente('query'),
    validate('json', CardsBody),
    async (c) => {
      const gemeente = gemeenteOf(c, c.req.valid('query').gemeente);
      const body = c.req.valid('json');
      const token = c.get('token');
      const db = c.env.DB;
      const base = publicBase(c.env, c.req.url);
      const now = new Date().toISOString();
      const found = await Promise.all(body.tokens.map((t) => inviteRow(db, t)));
      const problem = (i: number, code: string, message: string) => ({ code, path: ['tokens', i], message });
      const invalid = found.flatMap((f, i) =>
        !f || f.invite.gemeente_id !== gemeente || (token.role === 'viewer' && f.invite.partner_id !== token.partner_id)
          ? [problem(i, 'invite_invalid', 'not an invite of this gemeente')]
          : [],
      );
      if (invalid.length) throw new ApiError(403, 'invite_invalid', 'Some of these are not invites of this gemeente.', invalid);
      const invites = found.map((f) => f!.invite);
      const used = invites.flatMap((v, i) => (v.used_at !== null ? [problem(i, 'invite_used', 'already used')] : []));
      if (used.length) throw new ApiError(409, 'invite_used', 'Some of these invites have been used; print only open ones.', used);
      const expired = invites.flatMap((v, i) => (v.expires_at <= now ? [problem(i, 'invite_expired', 'expired')] : []));
      if (expired.length) throw new ApiError(410, 'invite_expired', 'Some of these invites have expired.', expired);

      const names = new Map<string, string>();
      const keys = new Map<string, string | undefined>();
      const cards: Card[] = [];
      // A batch is mostly one partner and team: its site key and name are looked up once.
      for (const [i, v] of invites.entries()) {
        const group = `${v.partner_id}/${v.questionnaire_id}/${v.team ?? ''}`;
        if (!names.has(group)) {
          const site = await firstSiteKey(db, v.gemeente_id, v.partner_id);
          keys.set(group, site);
          const siteRow = site ? await getSiteKey(db, site) : null;
          const s = siteRow ? await servedDefinition(db, siteRow, v.questionnaire_id, { team: v.team ?? undefined }) : undefined;
          names.set(group, s ? partnerName(s, v.team ?? undefined) : v.partner_id);
        }
        const site = keys.get(group);
        if (!site)
          throw new ApiError(403, 'invite_invalid', 'The partner of this invite has no active site key.', [
            problem(i, 'invite_invalid', 'no site key'),
          ]);
        const query = { ...(v.team ? { team: v.team } : {}), [INVITE_PARAM]: body.tokens[i] };
        cards.push({
          partner: names.get(group)!,
          qr: qrSvg(hostedUrl(base, site, v.questionnaire_id, query)),
          shortLink: shortInviteUrl(base, body.tokens[i]),
        });
      }
      return c.html(cardSheet(cards, body.perPage), 200, { ...html, 'Cache-Control': 'no-store' });
    },
  );
