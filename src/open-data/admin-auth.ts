import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { forbidden } from '../http/errors.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Lets a request through only with `Authorization: Bearer <token>`, the secret the server wrote
 * for the local CLI next to its data folder. Without a token (PostgreSQL, where the CLI simply
 * connects) every request is refused. Digests are compared in constant time so the token
 * cannot be guessed byte by byte from response times.
 * @example app.use('/internal/*', requireAdminToken(deps.adminToken));
 */
export function requireAdminToken(token: string | undefined): MiddlewareHandler<AppEnv> {
  const expected = token ? digest(token) : undefined;
  return async (c, next) => {
    const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!expected) throw forbidden('admin endpoints are only available on the embedded database, to the local command line');
    if (!given || !timingSafeEqual(digest(given), expected)) throw forbidden('a valid admin token is required');
    c.header('cache-control', 'no-store');
    await next();
  };
}
