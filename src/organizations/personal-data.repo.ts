import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/**
 * The organisations a person belongs to or asked to join, for "download my data".
 * @example const memberships = await membershipsOf(db, userId);
 */
export async function membershipsOf(db: Database, userId: number) {
  return db
    .selectFrom('organization_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.slug', 'o.name', 'm.role', 'm.state', 'm.note', 'm.requested_at', 'm.decided_at'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

/**
 * Ends a deleted account's memberships and requests.
 * @example await forgetMember(trx, userId);
 */
export async function forgetMember(trx: Transaction<DB>, userId: number): Promise<void> {
  await trx.deleteFrom('organization_members').where('user_id', '=', userId).execute();
}
