import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import { findAssignment, findCallOfApplication, saveReview } from './call-review.repo.ts';
import { canReviewerSee } from './review-access.ts';
import type { ReviewScores } from './rubric-scoring.ts';

/**
 * A reviewer saves their scores as a draft, or submits them (then every criterion needs a score,
 * and the review no longer changes). Only after answering the conflict question, only while the
 * decisions are not released.
 * @example await saveOwnReview(db, 12, scores, 'submit', { userId: 4, ip: null });
 */
export async function saveOwnReview(
  db: Database,
  applicationId: number,
  scores: ReviewScores,
  intent: 'draft' | 'submit',
  actor: { userId: number; ip: string | null },
): Promise<void> {
  if (!(await canReviewerSee(db, actor.userId, applicationId))) throw forbidden('you do not review this application');
  const call = await findCallOfApplication(db, applicationId);
  if (!call) throw notFound('no such review');
  const assignment = await findAssignment(db, applicationId, actor.userId);
  if (assignment?.conflict !== false) throw conflict('declare first whether you have a conflict of interest');
  if (call.decisionsReleasedAt) throw conflict('the decisions of this call are released');
  if (intent === 'submit') {
    const missing = call.rubric.filter((c) => !scores[c.key]);
    if (missing.length)
      throw badRequest(
        'every criterion needs a score',
        missing.map((c) => ({ path: `score_${c.key}`, message: 'call_review.score.missing' })),
      );
  }
  await db.transaction().execute(async (trx) => {
    if (!(await saveReview(trx, call.id, applicationId, actor.userId, scores, intent === 'submit'))) throw conflict('this review was already submitted');
    if (intent === 'submit') await recordAudit(trx, { action: 'review_submit', actorUserId: actor.userId, target: String(applicationId), ip: actor.ip });
  });
}
