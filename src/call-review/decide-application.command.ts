import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { ApplicationDecision } from '../db/schema.ts';
import { conflict, notFound } from '../http/errors.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { callReviewPolicy } from './call-review.policy.ts';
import { findReviewedCall, setDecision } from './call-review.repo.ts';

/**
 * A coordinator decides on a submitted application (selected, waiting list, not selected) with a
 * message to its applicant; it may change its mind until the decisions are released.
 * @example await decideApplication(db, 'host-a-dialogue-cafe', 12, { decision: 'selected', message: 'Welcome!' }, actor);
 */
export async function decideApplication(
  db: Database,
  slug: string,
  applicationId: number,
  choice: { decision: ApplicationDecision; message: string | null },
  actor: NonNullable<Actor> & { ip: string | null },
): Promise<void> {
  authorize(actor, callReviewPolicy.coordinate);
  const call = await findReviewedCall(db, slug);
  if (!call) throw notFound(`no call "${slug}"`);
  if (call.decisionsReleasedAt) throw conflict('the decisions of this call are already released');
  await db.transaction().execute(async (trx) => {
    if (!(await setDecision(trx, call.id, applicationId, choice.decision, choice.message, actor.userId)))
      throw notFound('no such submitted application in this call');
    await recordAudit(trx, {
      action: 'application_decide',
      actorUserId: actor.userId,
      target: String(applicationId),
      ip: actor.ip,
      details: { decision: choice.decision },
    });
  });
}
