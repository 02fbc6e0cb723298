import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { conflict, notFound } from '../http/errors.ts';
import { queueMail } from '../mail/mail-queue.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { callReviewPolicy } from './call-review.policy.ts';
import { decisionAddressees, findReviewedCall, listOverview, markReleased } from './call-review.repo.ts';
import { decisionReleasedMail } from './decision-mail.ts';

/**
 * A coordinator releases a call's decisions, all at once and once only (a second release is a
 * 409): every submitted application must have a decision; each applicant and co-editor gets a
 * mail, queued in the same transaction, pointing to their feedback page.
 * @example await releaseDecisions({ db, publicUrl }, 'host-a-dialogue-cafe', actor);
 */
export async function releaseDecisions(
  deps: { db: Database; publicUrl: string },
  slug: string,
  actor: NonNullable<Actor> & { ip: string | null },
): Promise<void> {
  authorize(actor, callReviewPolicy.coordinate);
  const call = await findReviewedCall(deps.db, slug);
  if (!call) throw notFound(`no call "${slug}"`);
  await deps.db.transaction().execute(async (trx) => {
    const undecided = (await listOverview(trx, call.id)).filter((a) => !a.decision).length;
    if (undecided) throw conflict(`${undecided} applications have no decision yet`);
    if (!(await markReleased(trx, call.id))) throw conflict('the decisions of this call are already released');
    const addressees = await decisionAddressees(trx, call.id);
    for (const to of addressees)
      await queueMail(trx, decisionReleasedMail(to, { call, publicUrl: deps.publicUrl }), { key: `call-decision:${to.applicationId}:${to.email}` });
    await recordAudit(trx, { action: 'decisions_release', actorUserId: actor.userId, target: call.slug, ip: actor.ip, details: { mails: addressees.length } });
  });
}
