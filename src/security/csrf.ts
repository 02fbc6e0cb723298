import type { Context, MiddlewareHandler } from 'hono';
import { csrfField } from '../shared/form-values.ts';
import { sameSecret } from './tokens.ts';

export { csrfField };

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the CSRF check needs from the app: trusted origins, the expected token, how to refuse. */
export interface CsrfOptions {
  /** Origins a form may come from: the public URL's and the request's own. */
  trustedOrigins: (c: Context) => string[];
  /** The token this visitor's forms carry (session or pre-session), if any. */
  expectedToken: (c: Context) => string | undefined;
  /** Paths authenticated otherwise (bearer tokens, no cookies), e.g. /internal/. */
  exempt?: (path: string) => boolean;
  /** The 403 answer. */
  refuse: (c: Context) => Response | Promise<Response>;
}

/** Reads the token a request carries: header for scripts, hidden field for forms. */
async function givenToken(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  // Hono caches the parsed body, so the handler reads it again for free.
  const body = await c.req.parseBody();
  const value = body[csrfField];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Refuses every state-changing request (POST, PUT, PATCH, DELETE) unless it comes from a
 * trusted origin (Origin header, or Sec-Fetch-Site when a browser omits Origin) and carries
 * the visitor's token. Both: the origin check stops cross-site forms even if a token leaks,
 * the token covers clients that send no Origin.
 * @example app.use(csrfProtection({ trustedOrigins, expectedToken, refuse }));
 */
export function csrfProtection(options: CsrfOptions): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method) || options.exempt?.(c.req.path)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !options.trustedOrigins(c).includes(origin)) return options.refuse(c);
    if (origin === undefined && c.req.header('sec-fetch-site') === 'cross-site') return options.refuse(c);
    const expected = options.expectedToken(c);
    const given = await givenToken(c);
    if (!expected || !given || !sameSecret(expected, given)) return options.refuse(c);
    return next();
  };
}
