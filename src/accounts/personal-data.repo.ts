import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/** The name a deleted account's words are shown under. */
export const formerMemberName = 'Former member';

/**
 * Everything the accounts area keeps of a person, for "download my data": the account and its
 * profile (no password hash), and their sessions (when opened, until when; never their keys).
 * @example const data = await accountDataOf(db, userId);
 */
export async function accountDataOf(db: Database, userId: number) {
  const account = await db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'name',
      'role',
      'state',
      'locale',
      'email_confirmed_at',
      'organization',
      'city',
      'country',
      'languages',
      'expertise',
      'profile_public',
      'job_title',
      'bio',
      'profile_slug',
      'profile_published_at',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
  const sessions = await db.selectFrom('sessions').select(['created_at', 'expires_at']).where('user_id', '=', userId).orderBy('created_at').execute();
  return { account, sessions };
}

/**
 * Empties an account of its person and closes it: no name, no address anyone can have, no
 * password, no profile, no session or mailed link; the row stays so that what they wrote stays
 * readable under "Former member". Returns the address it had (for the audit's own targets).
 * @example const email = await eraseAccount(trx, userId);
 */
export async function eraseAccount(trx: Transaction<DB>, userId: number): Promise<string | undefined> {
  const before = await trx.selectFrom('users').select('email').where('id', '=', userId).forUpdate().executeTakeFirst();
  if (!before) return undefined;
  await sql`
    UPDATE users SET
      name = ${formerMemberName}, email = 'deleted-' || id || '@deleted.invalid', password_hash = '!',
      state = 'disabled', email_confirmed_at = NULL, organization = NULL, city = NULL, country = NULL,
      languages = '{}', expertise = '{}', profile_public = false, job_title = NULL, bio = NULL,
      profile_search = '', profile_published_at = NULL, deleted_at = now(), updated_at = now()
    WHERE id = ${userId}`.execute(trx);
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await trx.deleteFrom('user_tokens').where('user_id', '=', userId).execute();
  await trx.deleteFrom('city_representatives').where('user_id', '=', userId).execute();
  return before.email;
}

/**
 * Whether the account was deleted by its person (then it stays closed for good).
 * @example if (await isErased(db, userId)) return 'admin.users.error.erased';
 */
export async function isErased(db: Database, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('deleted_at').where('id', '=', userId).executeTakeFirst();
  return Boolean(row?.deleted_at);
}
