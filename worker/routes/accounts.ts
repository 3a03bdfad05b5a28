import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { ACCOUNT_ROLES } from '../../schemas/constants.js';
import { Slug } from '../../schemas/ids.js';
import { login, loginOptions, register, registrationOptions, type AccountRow } from '../accounts/passkeys.js';
import { accountPrincipal, checkCsrf, endSession, sessionCookie, startSession } from '../accounts/session.js';
import { forGemeente, gemeenteOf, requireRole } from '../auth.js';
import { validate } from '../body.js';
import type { AppEnv } from '../context.js';
import { newSecret, sha256Hex } from '../crypto.js';
import { getGemeente, getPartner } from '../db.js';
import { described, route } from '../describe.js';
import { ApiError } from '../errors.js';

/** A setup link works for a week, once. */
const SETUP_DAYS = 7;

export const AccountCreate = z
  .object({
    name: z.string().trim().min(1).max(100),
    email: z.email().max(200).toLowerCase(),
    role: z.enum(ACCOUNT_ROLES),
    partner: Slug.optional(),
  })
  .strict()
  .refine((a) => (a.role === 'partner') === (a.partner !== undefined), {
    message: 'a partner account needs a partner; other roles have none',
    path: ['partner'],
  });
export const AccountUpdate = z.object({ disabled: z.boolean() }).strict();

const Credential = z
  .object({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal('public-key'),
    response: z.looseObject({ clientDataJSON: z.string().min(1).max(8192) }),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    authenticatorAttachment: z.string().max(40).optional(),
  })
  .loose();
const SetupBody = z.object({ setup: z.string().min(1).max(200) }).strict();
const RegisterBody = z.object({ setup: z.string().min(1).max(200), response: Credential }).strict();
const LoginBody = z.object({ response: Credential }).strict();

interface AccountListRow extends AccountRow {
  passkeys: number;
  pending: number;
}
const accountOut = (a: AccountRow & Partial<Pick<AccountListRow, 'passkeys'>>) => ({
  id: a.id,
  name: a.name,
  email: a.email,
  role: a.role,
  partner: a.partner_id,
  createdAt: a.created_at,
  disabledAt: a.disabled_at,
  ...(a.passkeys !== undefined ? { passkeys: a.passkeys } : {}),
});

async function gemeenteIn(c: Context<AppEnv>): Promise<string> {
  const id = gemeenteOf(c, c.req.param('id'));
  if (!(await getGemeente(c.env.DB, id))) throw new ApiError(404, 'not_found', `No gemeente ${id}.`);
  return id;
}

/** A new one-time setup link for an account; the link holds the secret, D1 its hash. */
async function newSetup(c: Context<AppEnv>, accountId: string) {
  const setup = newSecret('setup');
  const expiresAt = new Date(Date.now() + SETUP_DAYS * 86_400_000).toISOString();
  await c.env.DB.prepare('INSERT INTO account_setups (hash, account_id, expires_at) VALUES (?, ?, ?)')
    .bind(await sha256Hex(setup), accountId, expiresAt)
    .run();
  // In the fragment, so the secret never reaches a server log or a Referer.
  return { setupUrl: `${new URL(c.req.url).origin}/beheer#setup=${setup}`, setupExpiresAt: expiresAt };
}

const admin = requireRole('operator', 'admin');
const inPath = forGemeente('path');

/** Personal accounts of a gemeente: invited by a beheerder (or an admin token), signed in with passkeys. */
export const accounts = new Hono<AppEnv>()
  .get(
    '/:id/accounts',
    route({
      summary: 'Accounts with their role, partner and number of passkeys',
      tag: 'tenants',
      ok: { 200: '{accounts: [{id, name, email, role, partner, createdAt, disabledAt, passkeys}]}' },
      errors: [[404, 'not_found']],
    }),
    admin,
    async (c) => {
      const g = await gemeenteIn(c);
      const { results } = await c.env.DB.prepare(
        `SELECT a.id, a.gemeente_id, a.name, a.email, a.role, a.partner_id, a.created_at, a.disabled_at,
          (SELECT COUNT(*) FROM passkeys p WHERE p.account_id = a.id) AS passkeys
         FROM accounts a WHERE a.gemeente_id = ? ORDER BY a.name, a.id`,
      )
        .bind(g)
        .all<AccountListRow>();
      return c.json({ accounts: results.map(accountOut) });
    },
  )
  .post(
    '/:id/accounts',
    route({
      summary: 'Invite a colleague: an account and its one-time setup link for a passkey (shown once)',
      tag: 'tenants',
      ok: { 201: '{id, name, email, role, partner, setupUrl, setupExpiresAt}' },
      errors: [
        [404, 'not_found'],
        [409, 'already_exists'],
      ],
    }),
    admin,
    inPath,
    validate('json', AccountCreate),
    async (c) => {
      const g = await gemeenteIn(c);
      const body = c.req.valid('json');
      if (body.partner && !(await getPartner(c.env.DB, g, body.partner))) {
        throw new ApiError(404, 'not_found', `No partner ${body.partner} in ${g}.`);
      }
      const id = `acc_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const inserted = await c.env.DB.prepare(
        'INSERT OR IGNORE INTO accounts (id, gemeente_id, name, email, role, partner_id) VALUES (?, ?, ?, ?, ?, ?)',
      )
        .bind(id, g, body.name, body.email, body.role, body.partner ?? null)
        .run();
      if (inserted.meta.changes !== 1) throw new ApiError(409, 'already_exists', `An account for ${body.email} already exists.`);
      const setup = await newSetup(c, id);
      return c.json({ id, name: body.name, email: body.email, role: body.role, partner: body.partner ?? null, ...setup }, 201);
    },
  )
  .patch(
    '/:id/accounts/:accountId',
    route({
      summary: 'Disable or enable an account; disabling ends its sessions at once',
      tag: 'tenants',
      ok: { 200: '{id, disabledAt}' },
      errors: [[404, 'not_found']],
    }),
    admin,
    inPath,
    validate('json', AccountUpdate),
    async (c) => {
      const g = await gemeenteIn(c);
      const id = c.req.param('accountId');
      const { disabled } = c.req.valid('json');
      const row = await c.env.DB.prepare(
        "UPDATE accounts SET disabled_at = CASE WHEN ? THEN COALESCE(disabled_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) END WHERE id = ? AND gemeente_id = ? RETURNING disabled_at",
      )
        .bind(disabled ? 1 : 0, id, g)
        .first<{ disabled_at: string | null }>();
      if (!row) throw new ApiError(404, 'not_found', 'No account with this id in this gemeente.');
      if (disabled) await c.env.DB.prepare('DELETE FROM sessions WHERE account_id = ?').bind(id).run();
      return c.json({ id, disabledAt: row.disabled_at });
    },
  )
  .post(
    '/:id/accounts/:accountId/setup',
    route({
      summary: 'A new setup link (a lost passkey): registering with it replaces the account’s passkeys',
      tag: 'tenants',
      ok: { 201: '{id, setupUrl, setupExpiresAt}' },
      errors: [[404, 'not_found']],
    }),
    admin,
    async (c) => {
      const g = await gemeenteIn(c);
      const id = c.req.param('accountId');
      const found = await c.env.DB.prepare('SELECT 1 FROM accounts WHERE id = ? AND gemeente_id = ?').bind(id, g).first();
      if (!found) throw new ApiError(404, 'not_found', 'No account with this id in this gemeente.');
      return c.json({ id, ...(await newSetup(c, id)) }, 201);
    },
  );

/** Sign-in requests set a cookie, so they get the same CSRF check as changes made with one. */
const sameOrigin = described(
  createMiddleware<AppEnv>(async (c, next) => {
    checkCsrf(c.req.raw);
    await next();
  }),
  { 'x-peil-errors': [[403, 'csrf_failed']] },
);

async function signedIn(c: Context<AppEnv>, account: AccountRow) {
  const cookie = await startSession(c.env.DB, account.id, c.req.url);
  // The audit log names who signed in, as for any other change.
  c.set('token', accountPrincipal({ ...account, account_id: account.id }, new Date().toISOString()));
  c.header('Set-Cookie', cookie);
  c.header('Cache-Control', 'no-store');
  return c.json({ account: accountOut(account) });
}

/** Passkey registration and sign-in, the session, and sign-out. */
export const signIn = new Hono<AppEnv>()
  .post(
    '/setup/options',
    route({
      summary: 'WebAuthn registration options for a setup link',
      tag: 'tenants',
      ok: { 200: '{options, account: {name, email}}' },
      errors: [
        [400, 'setup_invalid'],
        [400, 'setup_expired'],
      ],
    }),
    sameOrigin,
    validate('json', SetupBody),
    async (c) => {
      const { options, account } = await registrationOptions(c.env.DB, c.req.url, c.req.valid('json').setup);
      return c.json({ options, account: { name: account.name, email: account.email } });
    },
  )
  .post(
    '/setup/verify',
    route({
      summary: 'Register the passkey of a setup link; signs in (session cookie)',
      tag: 'tenants',
      ok: { 200: '{account}' },
      errors: [
        [400, 'setup_invalid'],
        [400, 'setup_expired'],
        [400, 'webauthn_failed'],
      ],
    }),
    sameOrigin,
    validate('json', RegisterBody),
    async (c) => {
      const body = c.req.valid('json');
      const account = await register(c.env.DB, c.req.url, body.setup, body.response as unknown as RegistrationResponseJSON);
      return signedIn(c, account);
    },
  )
  .post(
    '/login/options',
    route({ summary: 'WebAuthn sign-in options (a discoverable passkey)', tag: 'tenants', ok: { 200: '{options}' } }),
    sameOrigin,
    async (c) => c.json({ options: await loginOptions(c.env.DB, c.req.url) }),
  )
  .post(
    '/login/verify',
    route({
      summary: 'Sign in with a passkey (session cookie)',
      tag: 'tenants',
      ok: { 200: '{account}' },
      errors: [[400, 'webauthn_failed']],
    }),
    sameOrigin,
    validate('json', LoginBody),
    async (c) => signedIn(c, await login(c.env.DB, c.req.url, c.req.valid('json').response as unknown as AuthenticationResponseJSON)),
  )
  .get(
    '/session',
    route({
      summary: 'Who is signed in: the account (session cookie) or token, its role, gemeente and partner',
      tag: 'tenants',
      ok: { 200: '{kind, name, email?, role, accountRole?, gemeente, partner}' },
    }),
    requireRole('operator', 'admin', 'viewer', 'public', 'onderzoeker', 'beleid'),
    async (c) => {
      const p = c.get('token');
      const row =
        p.kind === 'account' ? await c.env.DB.prepare('SELECT role FROM accounts WHERE id = ?').bind(p.id).first<{ role: string }>() : null;
      c.header('Cache-Control', 'no-store');
      return c.json({
        kind: p.kind,
        name: p.label,
        ...(p.email ? { email: p.email } : {}),
        role: p.role,
        ...(row ? { accountRole: row.role } : {}),
        gemeente: p.gemeente_id,
        partner: p.partner_id,
      });
    },
  )
  .post(
    '/logout',
    route({ summary: 'Sign out: the session ends and its cookie is cleared', tag: 'tenants', ok: { 200: '{signedOut: true}' } }),
    sameOrigin,
    async (c) => {
      await endSession(c.env.DB, c.req.raw);
      c.header('Set-Cookie', sessionCookie('', c.req.url, 0));
      return c.json({ signedOut: true });
    },
  );
