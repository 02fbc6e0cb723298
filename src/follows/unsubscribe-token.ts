import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What one unsubscribe link stops: one follow, or a whole digest (every follow mailed at that frequency). */
export type UnsubscribeScope = { user: number; follow: { kind: string; target: string } } | { user: number; digest: 'daily' | 'weekly' };

const scopeSchema = z.union([
  z.object({ u: z.number().int().positive(), k: z.string().min(1).max(20), t: z.string().min(1).max(2000) }),
  z.object({ u: z.number().int().positive(), d: z.enum(['daily', 'weekly']) }),
]);

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

/**
 * A link token that unsubscribes without signing in (RFC 8058 one-click): the scope, signed with
 * the server's secret, so nobody can make one for another person. It never expires: a link in
 * an old mail keeps working.
 * @example const token = unsubscribeToken(secret, { user: 3, digest: 'weekly' });
 */
export function unsubscribeToken(secret: string, scope: UnsubscribeScope): string {
  const payload = 'digest' in scope ? { u: scope.user, d: scope.digest } : { u: scope.user, k: scope.follow.kind, t: scope.follow.target };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/**
 * The scope of a token made by unsubscribeToken, or undefined for anything else.
 * @example const scope = readUnsubscribeToken(secret, c.req.param('token'));
 */
export function readUnsubscribeToken(secret: string, token: string): UnsubscribeScope | undefined {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = scopeSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const p = parsed.data;
  return 'd' in p ? { user: p.u, digest: p.d } : { user: p.u, follow: { kind: p.k, target: p.t } };
}
