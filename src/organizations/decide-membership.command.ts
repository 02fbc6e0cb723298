import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { MemberRole } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { queueMail } from '../mail/mail-queue.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { addresseeOf, approveRequest, deleteMembership, findMembership } from './membership.repo.ts';
import { decisionMail } from './membership-mails.ts';
import { organizationPolicy } from './organization.policy.ts';
import { findOrganization } from './organization.repo.ts';

/** What is decided on a request to join: approve (as member or admin) or decline. */
export type MembershipDecision = { outcome: 'approved'; role: MemberRole } | { outcome: 'declined' };

/**
 * An organisation's admin, or a site editor, approves a request to join (as member or admin: an
 * editor approving someone as admin appoints an organisation's first admin) or declines it
 * (the request is deleted); the requester gets a mail; audited. A 403 for anyone else, a 404
 * when there is no such organisation or pending request.
 * @example await decideMembership({ db, publicUrl }, 'c40-cities', 12, { outcome: 'approved', role: 'admin' }, editor);
 */
export async function decideMembership(
  deps: { db: Database; publicUrl: string },
  slug: string,
  userId: number,
  decision: MembershipDecision,
  actor: NonNullable<Actor> & { ip: string | null },
): Promise<void> {
  const org = await findOrganization(deps.db, slug);
  if (!org) throw notFound(`no organisation "${slug}"`);
  await deps.db.transaction().execute(async (trx) => {
    authorize(actor, organizationPolicy.manageMembers, await findMembership(trx, org.id, actor.userId));
    const done =
      decision.outcome === 'approved'
        ? await approveRequest(trx, org.id, userId, decision.role, actor.userId)
        : await deleteMembership(trx, org.id, userId, 'requested');
    if (!done) throw notFound('no pending request of this person');
    const role = decision.outcome === 'approved' ? decision.role : 'member';
    await recordAudit(trx, {
      action: decision.outcome === 'approved' ? 'organization_member_approve' : 'organization_member_decline',
      actorUserId: actor.userId,
      target: slug,
      ip: actor.ip,
      details: { user: userId, ...(decision.outcome === 'approved' ? { role } : {}) },
    });
    const requester = await addresseeOf(trx, userId);
    if (requester) await queueMail(trx, decisionMail(requester, { org, outcome: decision.outcome, role, publicUrl: deps.publicUrl }));
  });
}
