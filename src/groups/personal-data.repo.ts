import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/**
 * A person's groups, the posts they wrote and the reports they made, for "download my data".
 * @example const { groups, posts, reports } = await groupDataOf(db, userId);
 */
export async function groupDataOf(db: Database, userId: number) {
  const groups = await db
    .selectFrom('group_members as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .select(['g.slug', 'g.name', 'm.role', 'm.state', 'm.frequency', 'm.requested_at', 'm.joined_at'])
    .where('m.user_id', '=', userId)
    .orderBy('g.slug')
    .execute();
  const posts = await db
    .selectFrom('group_posts as p')
    .innerJoin('group_threads as t', 't.id', 'p.thread_id')
    .innerJoin('groups as g', 'g.id', 't.group_id')
    .select(['g.slug as group', 't.id as thread_id', 't.title as thread', 'p.opening', 'p.body', 'p.hidden_reason', 'p.created_at'])
    .where('p.author_id', '=', userId)
    .orderBy('p.id')
    .execute();
  const reports = await db
    .selectFrom('group_reports')
    .select(['post_id', 'reason', 'state', 'created_at'])
    .where('reporter_id', '=', userId)
    .orderBy('id')
    .execute();
  return { groups, posts, reports };
}

/**
 * Ends a deleted account's group memberships; their posts stay, shown as by "Former member",
 * so that threads stay readable.
 * @example await forgetGroupMember(trx, userId);
 */
export async function forgetGroupMember(trx: Transaction<DB>, userId: number): Promise<void> {
  await trx.deleteFrom('group_members').where('user_id', '=', userId).execute();
}
