import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { AccountRole } from '../../schemas/constants.js';
import { sha256Hex } from '../crypto.js';
import { ApiError } from '../errors.js';

/** A challenge is good for five minutes and for one response. */
const CHALLENGE_MS = 5 * 60_000;

export interface AccountRow {
  id: string;
  gemeente_id: string;
  name: string;
  email: string;
  role: AccountRole;
  partner_id: string | null;
  created_at: string;
  disabled_at: string | null;
}

/** The relying party is Peil where the browser reached it: its host name and exact origin. */
function relyingParty(url: string) {
  const u = new URL(url);
  return { rpID: u.hostname, origin: u.origin };
}

/** The account a setup link is for, while the link is unused, unexpired and the account enabled. */
export async function setupAccount(db: D1Database, setup: string): Promise<{ hash: string; account: AccountRow }> {
  const hash = await sha256Hex(setup);
  const row = await db
    .prepare(
      `SELECT s.expires_at, s.used_at, a.id, a.gemeente_id, a.name, a.email, a.role, a.partner_id, a.created_at, a.disabled_at
       FROM account_setups s JOIN accounts a ON a.id = s.account_id WHERE s.hash = ?`,
    )
    .bind(hash)
    .first<AccountRow & { expires_at: string; used_at: string | null }>();
  if (!row || row.used_at || row.disabled_at) throw new ApiError(400, 'setup_invalid', 'This setup link is not valid (any more).');
  if (Date.parse(row.expires_at) <= Date.now()) throw new ApiError(400, 'setup_expired', `This setup link expired at ${row.expires_at}.`);
  const { expires_at: _e, used_at: _u, ...account } = row;
  return { hash, account };
}

async function storeChallenge(db: D1Database, challenge: string, purpose: 'register' | 'login', setupHash: string | null) {
  // Old challenges are cleared as new ones are made, so the table stays small without an alarm.
  await db.batch([
    db.prepare('DELETE FROM webauthn_challenges WHERE expires_at <= ?').bind(new Date().toISOString()),
    db
      .prepare('INSERT INTO webauthn_challenges (challenge, purpose, setup_hash, expires_at) VALUES (?, ?, ?, ?)')
      .bind(challenge, purpose, setupHash, new Date(Date.now() + CHALLENGE_MS).toISOString()),
  ]);
}

/**
 * Takes the challenge a response answers out of the table: it is found once, so a replayed response is
 * refused however valid its signature.
 */
async function takeChallenge(db: D1Database, clientDataJSON: string, purpose: 'register' | 'login', setupHash: string | null) {
  let challenge: string;
  try {
    challenge = (JSON.parse(isoBase64URL.toUTF8String(clientDataJSON)) as { challenge: string }).challenge;
  } catch {
    throw new ApiError(400, 'webauthn_failed', 'clientDataJSON is not readable.');
  }
  const row = await db
    .prepare(
      'DELETE FROM webauthn_challenges WHERE challenge = ? AND purpose = ? AND setup_hash IS ? AND expires_at > ? RETURNING challenge',
    )
    .bind(String(challenge), purpose, setupHash, new Date().toISOString())
    .first<{ challenge: string }>();
  if (!row) throw new ApiError(400, 'webauthn_failed', 'This challenge is unknown, expired or already used.');
  return row.challenge;
}

export async function registrationOptions(db: D1Database, url: string, setup: string) {
  const { hash, account } = await setupAccount(db, setup);
  const options = await generateRegistrationOptions({
    rpName: 'Peil',
    rpID: relyingParty(url).rpID,
    userName: account.email,
    userDisplayName: account.name,
    userID: new Uint8Array(new TextEncoder().encode(account.id)),
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await storeChallenge(db, options.challenge, 'register', hash);
  return { options, account };
}

/** Verifies a new passkey; the setup link is used up and the account's earlier passkeys and sessions end. */
export async function register(db: D1Database, url: string, setup: string, response: RegistrationResponseJSON): Promise<AccountRow> {
  const { hash, account } = await setupAccount(db, setup);
  const expectedChallenge = await takeChallenge(db, response.response.clientDataJSON, 'register', hash);
  const rp = relyingParty(url);
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
  } catch (err) {
    throw new ApiError(400, 'webauthn_failed', `The passkey did not verify: ${(err as Error).message}`);
  }
  if (!verified.verified) throw new ApiError(400, 'webauthn_failed', 'The passkey did not verify.');
  const { credential } = verified.registrationInfo;
  const used = await db
    .prepare("UPDATE account_setups SET used_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE hash = ? AND used_at IS NULL")
    .bind(hash)
    .run();
  if (used.meta.changes !== 1) throw new ApiError(400, 'setup_invalid', 'This setup link was used at the same moment.');
  await db.batch([
    db.prepare('DELETE FROM sessions WHERE account_id = ?').bind(account.id),
    db.prepare('DELETE FROM passkeys WHERE account_id = ?').bind(account.id),
    db
      .prepare('INSERT INTO passkeys (id, account_id, public_key, counter, transports) VALUES (?, ?, ?, ?, ?)')
      .bind(
        credential.id,
        account.id,
        isoBase64URL.fromBuffer(credential.publicKey),
        credential.counter,
        JSON.stringify(credential.transports ?? []),
      ),
  ]);
  return account;
}

export async function loginOptions(db: D1Database, url: string) {
  // No allowCredentials: the passkey is discoverable, so the browser offers the person's own.
  const options = await generateAuthenticationOptions({ rpID: relyingParty(url).rpID, userVerification: 'preferred' });
  await storeChallenge(db, options.challenge, 'login', null);
  return options;
}

interface PasskeyRow {
  id: string;
  account_id: string;
  public_key: string;
  counter: number;
  transports: string;
}

export async function login(db: D1Database, url: string, response: AuthenticationResponseJSON): Promise<AccountRow> {
  const expectedChallenge = await takeChallenge(db, response.response.clientDataJSON, 'login', null);
  const key = await db
    .prepare('SELECT id, account_id, public_key, counter, transports FROM passkeys WHERE id = ?')
    .bind(response.id)
    .first<PasskeyRow>();
  const account = key
    ? await db
        .prepare('SELECT id, gemeente_id, name, email, role, partner_id, created_at, disabled_at FROM accounts WHERE id = ?')
        .bind(key.account_id)
        .first<AccountRow>()
    : null;
  if (!key || !account || account.disabled_at)
    throw new ApiError(400, 'webauthn_failed', 'This passkey is not known or its account is disabled.');
  const rp = relyingParty(url);
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
      credential: {
        id: key.id,
        publicKey: isoBase64URL.toBuffer(key.public_key),
        counter: key.counter,
        transports: JSON.parse(key.transports) as AuthenticatorTransport[],
      },
    });
  } catch (err) {
    throw new ApiError(400, 'webauthn_failed', `The passkey did not verify: ${(err as Error).message}`);
  }
  if (!verified.verified) throw new ApiError(400, 'webauthn_failed', 'The passkey did not verify.');
  await db
    .prepare("UPDATE passkeys SET counter = ?, last_used_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?")
    .bind(verified.authenticationInfo.newCounter, key.id)
    .run();
  return account;
}
