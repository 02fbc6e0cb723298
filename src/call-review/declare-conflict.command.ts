import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import { planFor } from './assign-reviewers.command.ts';
import { findAssignment, findCallOfApplication, insertAssignments, setConflict } from './call-review.repo.ts';

/**
 * A reviewer answers whether they have a conflict of interest on an application assigned to
 * them. A declared conflict takes the application off their list for good (they can reach
 * nothing of it) and gives it to the next least-loaded reviewer of the pool, audited; the
 * answer, once "yes", is final. Returns whether a conflict was declared.
 * @example await declareConflict(db, 12, { conflict: true, note: 'My employer applied.' }, actor);
 */
export async function declareConflict(
  db: Database,
  applicationId: number,
  answer: { conflict: boolean; note: string | null },
  actor: { userId: number; ip: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const assignment = await findAssignment(trx, applicationId, actor.userId);
    if (!assignment || assignment.conflict === true) throw forbidden('you do not review this application');
    if (assignment.conflict === false && answer.conflict === false) return;
    const call = await findCallOfApplication(trx, applicationId);
    if (!call) throw notFound('no such review');
    if (answer.conflict && call.decisionsReleasedAt) throw conflict('the decisions of this call are released');
    await setConflict(trx, applicationId, actor.userId, answer.conflict, answer.note);
    await recordAudit(trx, {
      action: 'review_conflict',
      actorUserId: actor.userId,
      target: String(applicationId),
      ip: actor.ip,
      details: { conflict: answer.conflict },
    });
    if (!answer.conflict) return;
    await trx.deleteFrom('reviews').where('application_id', '=', applicationId).where('reviewer_id', '=', actor.userId).execute();
    const plan = await planFor(trx, call.id, call.reviewersPerApplication, applicationId);
    await insertAssignments(trx, call.id, plan, null);
    await recordAudit(trx, {
      action: 'review_reassign',
      actorUserId: actor.userId,
      target: String(applicationId),
      ip: actor.ip,
      details: { replacedReviewer: actor.userId, newReviewers: plan.map((p) => p.reviewerId) },
    });
  });
}
