import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { MemberRole } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { deleteMembership, findMembership, setMemberRole } from './membership.repo.ts';
import { organizationPolicy } from './organization.policy.ts';
import { findOrganization } from './organization.repo.ts';

type Acting = NonNullable<Actor> & { ip: string | null };

/** The organisation, or a 404. */
async function organizationOf(db: Database, slug: string) {
  const org = await findOrganization(db, slug);
  if (!org) throw notFound(`no organisation "${slug}"`);
  return org;
}

/**
 * An organisation's admin, or a site editor, makes an approved member an admin, or an admin a
 * member again; audited. A 403 for anyone else, a 404 for someone who is not an approved member.
 * @example await setMembershipRole(db, 'c40-cities', 12, 'admin', account);
 */
export async function setMembershipRole(db: Database, slug: string, userId: number, role: MemberRole, actor: Acting): Promise<void> {
  const org = await organizationOf(db, slug);
  await db.transaction().execute(async (trx) => {
    authorize(actor, organizationPolicy.manageMembers, await findMembership(trx, org.id, actor.userId));
    if (!(await setMemberRole(trx, org.id, userId, role, actor.userId))) throw notFound('no approved member of this organisation');
    await recordAudit(trx, { action: 'organization_member_role', actorUserId: actor.userId, target: slug, ip: actor.ip, details: { user: userId, role } });
  });
}

/**
 * An organisation's admin, or a site editor, removes an approved member; audited. A 403 for
 * anyone else, a 404 for someone who is not an approved member.
 * @example await removeMember(db, 'c40-cities', 12, account);
 */
export async function removeMember(db: Database, slug: string, userId: number, actor: Acting): Promise<void> {
  const org = await organizationOf(db, slug);
  await db.transaction().execute(async (trx) => {
    authorize(actor, organizationPolicy.manageMembers, await findMembership(trx, org.id, actor.userId));
    if (!(await deleteMembership(trx, org.id, userId, 'approved'))) throw notFound('no approved member of this organisation');
    await recordAudit(trx, { action: 'organization_member_remove', actorUserId: actor.userId, target: slug, ip: actor.ip, details: { user: userId } });
  });
}

/**
 * A member leaves an organisation, or a requester withdraws their request; audited. A 403 for
 * someone who neither belongs nor asked.
 * @example await leaveOrganization(db, 'c40-cities', account);
 */
export async function leaveOrganization(db: Database, slug: string, actor: Acting): Promise<void> {
  const org = await organizationOf(db, slug);
  await db.transaction().execute(async (trx) => {
    const place = await findMembership(trx, org.id, actor.userId);
    authorize(actor, organizationPolicy.leave, place);
    if (!place || !(await deleteMembership(trx, org.id, actor.userId, place.state))) throw notFound('no membership to leave');
    await recordAudit(trx, { action: 'organization_leave', actorUserId: actor.userId, target: slug, ip: actor.ip, details: { state: place.state } });
  });
}
