import { createHmac } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { randomToken, sameSecret } from '../security/tokens.ts';
import { serverSecret } from './server-secret.repo.ts';
import { secureCookies } from './session.ts';

/** How long a browser stays known after a sign-in (each sign-in starts the year again). */
const lifetimeSeconds = 365 * 86_400;

/** The signing key's row in `server_secrets`. */
const keyName = 'known-device';

/** Holds only the name-derived prefix: one cookie per account signed in on this browser. */
const cookiePrefix = 'ch_device_';

/** HMAC-SHA256 of a text under the server's known-device key, base64url. */
function sign(key: string, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

/** The cookie of an account: its name is keyed too, so it does not show which email it is for. */
function cookieName(key: string, email: string): string {
  return cookiePrefix + sign(key, `name|${email}`).slice(0, 16);
}

/** The signed text of a device cookie: the account, the device's id and when it was issued. */
const signed = (email: string, id: string, issued: number) => `device|${email}|${id}|${issued}`;

/**
 * The id of this browser when it has signed in to the account of `email` before: its cookie for
 * that account is present, signed with the server's key and less than a year old. A cookie of
 * another account, a copied name with another value, or an altered one is no cookie at all.
 * @example const device = await knownDevice(c, db, email); // 'k3J…' or undefined
 */
export async function knownDevice(c: Context, db: Database, email: string): Promise<string | undefined> {
  const account = email.toLowerCase();
  const key = await serverSecret(db, keyName);
  const value = getCookie(c, cookieName(key, account));
  const [id, issuedText, signature, ...rest] = value?.split('.') ?? [];
  if (!id || !issuedText || !signature || rest.length) return undefined;
  const issued = Number(issuedText);
  if (!Number.isSafeInteger(issued) || issued + lifetimeSeconds < Date.now() / 1000) return undefined;
  return sameSecret(signature, sign(key, signed(account, id, issued))) ? id : undefined;
}

/**
 * Marks this browser as a known device of the account that just signed in: a signed cookie,
 * HttpOnly, SameSite=Lax, Secure over HTTPS, kept for a year. It lets a right password through
 * from here while guessing from elsewhere has the account limited.
 * @example await rememberDevice(c, deps.db, deps.config, user.email);
 */
export async function rememberDevice(c: Context, db: Database, config: Pick<Config, 'publicUrl'>, email: string): Promise<void> {
  const account = email.toLowerCase();
  const key = await serverSecret(db, keyName);
  const id = randomToken();
  const issued = Math.floor(Date.now() / 1000);
  const value = `${id}.${issued}.${sign(key, signed(account, id, issued))}`;
  setCookie(c, cookieName(key, account), value, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secureCookies(c, config), maxAge: lifetimeSeconds });
}
