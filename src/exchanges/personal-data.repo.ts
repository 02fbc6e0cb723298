import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * The exchanges a person asked for or answered, with their messages, for "download my data".
 * @example const exchanges = await exchangesOf(db, userId);
 */
export async function exchangesOf(db: Database, userId: number) {
  return db
    .selectFrom('exchanges')
    .select([
      sql<string>`from_country || '/' || from_slug`.as('from_city'),
      sql<string>`to_country || '/' || to_slug`.as('to_city'),
      'kind',
      'theme',
      'message',
      'state',
      'decision_message',
      'created_at',
      'decided_at',
    ])
    .where((eb) => eb.or([eb('requested_by', '=', userId), eb('decided_by', '=', userId)]))
    .orderBy('id')
    .execute();
}
