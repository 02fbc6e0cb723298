import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/**
 * Whether a person may read an application as its reviewer: they are assigned to it and have
 * not declared a conflict of interest on it (an unanswered declaration still lets them see it,
 * to decide). The calls area asks this before serving an application's files to a reviewer.
 * @example if (await canReviewerSee(db, account.userId, applicationId)) return pdf;
 */
export async function canReviewerSee(db: Database | Transaction<DB>, userId: number, applicationId: number): Promise<boolean> {
  const row = await db
    .selectFrom('review_assignments')
    .select('conflict')
    .where('reviewer_id', '=', userId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return !!row && row.conflict !== true;
}
