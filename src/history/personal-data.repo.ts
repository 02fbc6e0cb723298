import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/**
 * The revisions of practices a person made (publish, edit, restore, translation…), for "download my data".
 * @example const revisions = await revisionsBy(db, userId);
 */
export async function revisionsBy(db: Database, userId: number) {
  return db.selectFrom('practice_revisions').select(['practice_id', 'kind', 'message', 'created_at']).where('author_id', '=', userId).orderBy('id').execute();
}

/**
 * Shows a deleted account's revisions under `name`: the history stays whole, without the person.
 * @example await renameRevisionAuthor(trx, userId, 'Former member');
 */
export async function renameRevisionAuthor(trx: Transaction<DB>, userId: number, name: string): Promise<void> {
  await trx.updateTable('practice_revisions').set({ author: name }).where('author_id', '=', userId).execute();
}
