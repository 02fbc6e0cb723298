import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { randomToken, sha256 } from '../security/tokens.ts';

/** What a mailed token is for, and how long it lives. */
export const tokenLifetimes = { confirm: 48 * 3600, reset: 3600 } as const;
export type TokenPurpose = keyof typeof tokenLifetimes;

/**
 * Issues a single-use token for a mail link; only its SHA-256 is stored. Earlier unused tokens
 * of the same purpose stop working, so only the latest mail's link is valid.
 * @example const token = await issueToken(db, user.id, 'reset'); // put it in the link
 */
export async function issueToken(db: Database, userId: number, purpose: TokenPurpose): Promise<string> {
  const token = randomToken();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('user_tokens')
      .set({ used_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('user_tokens')
      .values({ token_hash: sha256(token), user_id: userId, purpose, expires_at: sql<Date>`now() + make_interval(secs => ${tokenLifetimes[purpose]})` })
      .execute();
  });
  return token;
}

/**
 * Uses a token: returns its user id and marks it used in one statement, so a link clicked twice
 * (or by two tabs at once) works once. Unknown, used and expired tokens give undefined.
 * @example const userId = await consumeToken(db, token, 'confirm');
 */
export async function consumeToken(db: Database, token: string, purpose: TokenPurpose): Promise<number | undefined> {
  const row = await db
    .updateTable('user_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', sha256(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

/** Whether a token would still work, without using it (to show the reset form only for a live link). */
export async function isTokenLive(db: Database, token: string, purpose: TokenPurpose): Promise<boolean> {
  const row = await db
    .selectFrom('user_tokens')
    .select('user_id')
    .where('token_hash', '=', sha256(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row !== undefined;
}
