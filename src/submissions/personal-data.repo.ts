import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/**
 * A person's submissions (with their drafts' content) and the comments they wrote on any, for
 * "download my data".
 * @example const { submissions, comments } = await submissionDataOf(db, userId);
 */
export async function submissionDataOf(db: Database, userId: number) {
  const submissions = await db
    .selectFrom('submissions')
    .select(['id', 'kind', 'state', 'title', 'practice_id', 'data', 'created_at', 'updated_at', 'submitted_at'])
    .where('submitter_id', '=', userId)
    .orderBy('id')
    .execute();
  const comments = await db
    .selectFrom('submission_events')
    .select(['submission_id', 'kind', 'state', 'body', 'created_at'])
    .where('author_id', '=', userId)
    .orderBy('id')
    .execute();
  return { submissions, comments };
}

/**
 * Deletes a person's drafts, which nobody else has seen; what they sent to review stays, a
 * contribution to the catalogue, under "Former member".
 * @example await forgetDrafts(trx, userId);
 */
export async function forgetDrafts(trx: Transaction<DB>, userId: number): Promise<void> {
  const drafts = trx.selectFrom('submissions').select('id').where('submitter_id', '=', userId).where('state', '=', 'draft');
  await trx.deleteFrom('submission_events').where('submission_id', 'in', drafts).execute();
  await trx.deleteFrom('submissions').where('submitter_id', '=', userId).where('state', '=', 'draft').execute();
  await trx.updateTable('submissions').set({ assignee_id: null }).where('assignee_id', '=', userId).execute();
}
