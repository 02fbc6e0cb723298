import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { SessionAccount } from '../http/app-env.ts';

/**
 * Stores a new session (its id is the hash of the cookie secret).
 * @example await insertSession(db, { id: sha256(secret), user_id, csrf_token, expires_at });
 */
export async function insertSession(db: Database, values: { id: string; user_id: number; csrf_token: string; expires_at: Date }): Promise<void> {
  await db.insertInto('sessions').values(values).execute();
}

/**
 * The account behind a session id, only while the session is unexpired and the account
 * active: a disabled account has no valid session even before its rows are deleted.
 * @example const account = await findSessionAccount(db, sha256(cookie));
 */
export async function findSessionAccount(db: Database, id: string): Promise<SessionAccount | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as sessionId', 'sessions.csrf_token as csrfToken', 'users.id as userId', 'users.email', 'users.name', 'users.role', 'users.locale'])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('users.state', '=', 'active')
    .executeTakeFirst();
  return row;
}

/** Deletes one session (sign-out). */
export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Deletes every session of a user, optionally but one (after a password change, keep the current one). */
export async function deleteUserSessions(db: Database, userId: number, except?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('id', '!=', except);
  await q.execute();
}

/** Deletes expired sessions; housekeeping. */
export async function pruneSessions(db: Database): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', sql<Date>`now()`).execute();
}
