import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { AppEnv } from '../http/app-env.ts';
import { withVary } from '../http/vary.ts';
import { randomToken, sha256 } from '../security/tokens.ts';
import { deleteSession, findSessionAccount, insertSession } from './session.repo.ts';

const sessionCookie = 'ch_session';
const anonCookie = 'ch_csrf';

/** Whether cookies must be Secure: this request came over HTTPS or the site's public address is HTTPS. */
export function secureCookies(c: Context, config: Pick<Config, 'publicUrl'>): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https' || config.publicUrl.startsWith('https:');
}

/**
 * Reads the session cookie on every request and sets `account` when it names a live session
 * of an active account. Pages that differ per person are marked private so no shared cache
 * hands one person's page to another.
 * @example app.use(sessionMiddleware(db));
 */
export function sessionMiddleware(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Static files look the same to everyone: no database lookup, no Vary: Cookie.
    if (/^\/(assets\/|favicon\.svg$|healthz$)/.test(c.req.path)) return next();
    const secret = getCookie(c, sessionCookie);
    if (secret) {
      const account = await findSessionAccount(db, sha256(secret));
      if (account) c.set('account', account);
      else deleteCookie(c, sessionCookie, { path: '/' });
    }
    c.set('anonCsrf', getCookie(c, anonCookie));
    await next();
    c.header('vary', withVary(c.res.headers.get('vary'), 'Cookie'));
    if (c.get('account')) c.header('cache-control', 'private, no-store');
  };
}

/**
 * Signs a user in with a brand-new session id (never one the browser already had, which
 * defeats session fixation), after ending the session the browser came with.
 * Returns the new session's CSRF token, for a form in this same response.
 * @example await startSession(c, db, config, user.id);
 */
export async function startSession(c: Context<AppEnv>, db: Database, config: Config, userId: number): Promise<string> {
  const old = c.get('account');
  if (old) await deleteSession(db, old.sessionId);
  const secret = randomToken();
  const expires = new Date(Date.now() + config.SESSION_DAYS * 86_400_000);
  const csrfToken = randomToken();
  await insertSession(db, { id: sha256(secret), user_id: userId, csrf_token: csrfToken, expires_at: expires });
  setCookie(c, sessionCookie, secret, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secureCookies(c, config), expires });
  deleteCookie(c, anonCookie, { path: '/' });
  return csrfToken;
}

/** Signs out: deletes the session row and the cookie. */
export async function endSession(c: Context<AppEnv>, db: Database): Promise<void> {
  const account = c.get('account');
  if (account) await deleteSession(db, account.sessionId);
  deleteCookie(c, sessionCookie, { path: '/' });
  c.set('account', undefined);
}

/** The token a state-changing request must carry: the session's, or the anonymous visitor's. */
export function expectedCsrfToken(c: Context<AppEnv>): string | undefined {
  return c.get('account')?.csrfToken ?? c.get('anonCsrf');
}

/**
 * The token to put in a form's hidden field; an anonymous visitor gets a pre-session cookie
 * (HttpOnly, so a script on another site cannot read it) the first time a form is shown.
 * @example <input type="hidden" name="_csrf" value={formToken(c, config)} />
 */
export function formToken(c: Context<AppEnv>, config: Config): string {
  const existing = expectedCsrfToken(c);
  if (existing) return existing;
  const token = randomToken();
  setCookie(c, anonCookie, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secureCookies(c, config) });
  c.set('anonCsrf', token);
  return token;
}
