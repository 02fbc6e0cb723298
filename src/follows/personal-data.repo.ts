import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/**
 * What a person follows and the notifications they got, for "download my data".
 * @example const { follows, notifications } = await followDataOf(db, userId);
 */
export async function followDataOf(db: Database, userId: number) {
  const follows = await db.selectFrom('follows').select(['kind', 'target', 'frequency', 'label', 'created_at']).where('user_id', '=', userId).execute();
  const notifications = await db
    .selectFrom('notifications as n')
    .innerJoin('activities as a', 'a.id', 'n.activity_id')
    .select(['a.kind', 'a.title', 'a.path', 'a.created_at', 'n.reason', 'n.delivery', 'n.mailed_at', 'n.read_at'])
    .where('n.user_id', '=', userId)
    .orderBy('n.id')
    .execute();
  return { follows, notifications };
}

/**
 * Forgets what a person follows and what they were told; activities they caused stay, without them.
 * @example await forgetFollower(trx, userId);
 */
export async function forgetFollower(trx: Transaction<DB>, userId: number): Promise<void> {
  await trx.deleteFrom('follows').where('user_id', '=', userId).execute();
  await trx.deleteFrom('notifications').where('user_id', '=', userId).execute();
  await trx.updateTable('activities').set({ actor_id: null }).where('actor_id', '=', userId).execute();
}
