import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { GroupRole } from '../db/schema.ts';
import { follow, unfollow } from '../follows/follow.repo.ts';
import { notFound } from '../http/errors.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { type GroupAccess, groupPolicy } from './group.policy.ts';
import { approveMembership, deleteMembership, type FollowFrequency, findMembership, insertMembership, setMemberRole } from './group.repo.ts';

/** Who acts, and from where (for the audit log). */
export type GroupActor = NonNullable<Actor> & { ip: string | null };

/** The group as the membership commands need it: its access and its name (the follow's label). */
export type GroupInContext = GroupAccess & { group: GroupAccess['group'] & { name: string } };

const followOf = (slug: string) => ({ kind: 'group' as const, target: slug });

/**
 * A signed-in person joins an open group at once (following it at the frequency they chose), or
 * asks to join a moderated one (followed once approved); audited. Someone already in the group
 * changes nothing ('already').
 * @example const outcome = await joinGroup(db, access, account, 'daily'); // 'joined' | 'requested' | 'already'
 */
export async function joinGroup(
  db: Database,
  access: GroupInContext,
  actor: GroupActor,
  frequency: FollowFrequency,
): Promise<'joined' | 'requested' | 'already'> {
  if (access.membership) return 'already';
  authorize(actor, groupPolicy.join, access);
  const { group } = access;
  const state = group.membership === 'open' ? 'active' : 'pending';
  return db.transaction().execute(async (trx) => {
    if (!(await insertMembership(trx, { groupId: group.id, userId: actor.userId, state, frequency }))) return 'already';
    if (state === 'active') await follow(trx, actor.userId, followOf(group.slug), frequency, group.name);
    await recordAudit(trx, { action: 'group_join', actorUserId: actor.userId, target: group.slug, ip: actor.ip, details: { state, frequency } });
    return state === 'active' ? 'joined' : 'requested';
  });
}

/**
 * A person leaves a group (or withdraws their request) and stops following it; audited.
 * @example await leaveGroup(db, access, account);
 */
export async function leaveGroup(db: Database, access: GroupInContext, actor: GroupActor): Promise<void> {
  authorize(actor, groupPolicy.leave, access);
  await db.transaction().execute(async (trx) => {
    const left = await deleteMembership(trx, access.group.id, actor.userId);
    if (!left) return;
    await unfollow(trx, actor.userId, followOf(access.group.slug));
    await recordAudit(trx, { action: 'group_leave', actorUserId: actor.userId, target: access.group.slug, ip: actor.ip, details: { state: left.state } });
  });
}

/**
 * A moderator approves a request to join (the person then follows the group at the frequency they
 * chose) or declines it; audited. A 404 when the person has no pending request.
 * @example await decideRequest(db, access, moderator, 42, true);
 */
export async function decideRequest(db: Database, access: GroupInContext, actor: GroupActor, userId: number, approve: boolean): Promise<void> {
  authorize(actor, groupPolicy.moderate, access);
  const { group } = access;
  await db.transaction().execute(async (trx) => {
    if (approve) {
      const member = await approveMembership(trx, group.id, userId, actor.userId);
      if (!member) throw notFound('no such request');
      await follow(trx, userId, followOf(group.slug), member.frequency, group.name);
    } else if (!(await deleteMembership(trx, group.id, userId, 'pending'))) throw notFound('no such request');
    await recordAudit(trx, {
      action: approve ? 'group_approve' : 'group_decline',
      actorUserId: actor.userId,
      target: group.slug,
      ip: actor.ip,
      details: { userId },
    });
  });
}

/**
 * A moderator removes a member from the group, with a reason (audited); the person stops
 * following it. Removing a moderator takes a site editor. A 404 for someone not in the group.
 * @example await removeMember(db, access, moderator, 42, 'Advertising in every thread.');
 */
export async function removeMember(db: Database, access: GroupInContext, actor: GroupActor, userId: number, reason: string): Promise<void> {
  authorize(actor, groupPolicy.moderate, access);
  const { group } = access;
  const target = await findMembership(db, group.id, userId);
  if (target?.state !== 'active') throw notFound('no such member');
  if (target.role === 'moderator') authorize(actor, groupPolicy.manageModerators);
  await db.transaction().execute(async (trx) => {
    if (!(await deleteMembership(trx, group.id, userId, 'active'))) throw notFound('no such member');
    await unfollow(trx, userId, followOf(group.slug));
    await recordAudit(trx, { action: 'group_member_remove', actorUserId: actor.userId, target: group.slug, ip: actor.ip, details: { userId, reason } });
  });
}

/**
 * A moderator makes a member a moderator; a site editor also makes a moderator a member again.
 * Audited; a 404 for someone not in the group.
 * @example await changeMemberRole(db, access, moderator, 42, 'moderator');
 */
export async function changeMemberRole(db: Database, access: GroupInContext, actor: GroupActor, userId: number, role: GroupRole): Promise<void> {
  authorize(actor, groupPolicy.moderate, access);
  const { group } = access;
  const target = await findMembership(db, group.id, userId);
  if (target?.state !== 'active') throw notFound('no such member');
  if (target.role === 'moderator') authorize(actor, groupPolicy.manageModerators);
  await db.transaction().execute(async (trx) => {
    if (!(await setMemberRole(trx, group.id, userId, role))) throw notFound('no such member');
    await recordAudit(trx, { action: 'group_member_role', actorUserId: actor.userId, target: group.slug, ip: actor.ip, details: { userId, role } });
  });
}
