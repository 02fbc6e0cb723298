import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A random, URL-safe secret of 256 bits: session cookies, CSRF tokens, mail links.
 * @example const token = randomToken(); // 43 characters
 */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 of a token, hex: what the database stores, so a leaked table holds no usable secret.
 * @example await db.insertInto('user_tokens').values({ token_hash: sha256(token), … })
 */
export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares two secrets in constant time (by their digests, so lengths may differ). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
