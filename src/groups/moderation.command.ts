import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { authorize } from '../security/authorize.ts';
import { type GroupAccess, groupPolicy } from './group.policy.ts';
import { insertReport, resolveReport, resolveReportsOfPost } from './group-report.repo.ts';
import { findPost, setPostHidden, setThreadFlag } from './group-thread.repo.ts';
import type { GroupActor } from './membership.command.ts';

/**
 * A moderator pins a thread (it lists first) or locks it (no more replies), or undoes either;
 * audited when something changed.
 * @example await flagThread(db, access, moderator, 12, 'locked', true);
 */
export async function flagThread(
  db: Database,
  access: GroupAccess,
  actor: GroupActor,
  threadId: number,
  flag: 'pinned' | 'locked',
  value: boolean,
): Promise<void> {
  authorize(actor, groupPolicy.moderate, access);
  await db.transaction().execute(async (trx) => {
    if (!(await setThreadFlag(trx, access.group.id, threadId, flag, value))) return;
    await recordAudit(trx, {
      action: flag === 'pinned' ? 'group_thread_pin' : 'group_thread_lock',
      actorUserId: actor.userId,
      target: `${access.group.slug}/threads/${threadId}`,
      ip: actor.ip,
      details: { [flag]: value },
    });
  });
}

/**
 * A moderator hides a post with a reason readers see (moderators still read the text), which
 * resolves its open reports; or shows it again (`reason` null). Audited; a 404 for a post of another group.
 * @example await hidePost(db, access, moderator, 40, 'Personal details of a client.');
 */
export async function hidePost(db: Database, access: GroupAccess, actor: GroupActor, postId: number, reason: string | null): Promise<void> {
  authorize(actor, groupPolicy.moderate, access);
  const post = await findPost(db, access.group.id, postId);
  if (!post) throw notFound('no such post');
  await db.transaction().execute(async (trx) => {
    await setPostHidden(trx, postId, reason === null ? null : { reason, by: actor.userId });
    const resolved = reason === null ? 0 : await resolveReportsOfPost(trx, postId, actor.userId);
    await recordAudit(trx, {
      action: reason === null ? 'group_post_unhide' : 'group_post_hide',
      actorUserId: actor.userId,
      target: `${access.group.slug}/posts/${postId}`,
      ip: actor.ip,
      details: reason === null ? { threadId: post.threadId } : { threadId: post.threadId, reason, resolvedReports: resolved },
    });
  });
}

/**
 * A member reports a post to the group's moderators, with a reason; audited. Reporting a post
 * twice while the first report is open is one report (false).
 * @example await reportPost(db, access, member, 40, 'Insulting another member.');
 */
export async function reportPost(db: Database, access: GroupAccess, actor: GroupActor, postId: number, reason: string): Promise<boolean> {
  authorize(actor, groupPolicy.post, access);
  const post = await findPost(db, access.group.id, postId);
  if (!post) throw notFound('no such post');
  return db.transaction().execute(async (trx) => {
    if (!(await insertReport(trx, { postId, reporterId: actor.userId, reason }))) return false;
    await recordAudit(trx, {
      action: 'group_post_report',
      actorUserId: actor.userId,
      target: `${access.group.slug}/posts/${postId}`,
      ip: actor.ip,
      details: { threadId: post.threadId, reason },
    });
    return true;
  });
}

/**
 * A moderator resolves a report without hiding the post (it was fine); audited. A 404 for a
 * report of another group or one already resolved.
 * @example await resolveGroupReport(db, access, moderator, 7);
 */
export async function resolveGroupReport(db: Database, access: GroupAccess, actor: GroupActor, reportId: number): Promise<void> {
  authorize(actor, groupPolicy.moderate, access);
  await db.transaction().execute(async (trx) => {
    if (!(await resolveReport(trx, access.group.id, reportId, actor.userId))) throw notFound('no such open report');
    await recordAudit(trx, { action: 'group_report_resolve', actorUserId: actor.userId, target: access.group.slug, ip: actor.ip, details: { reportId } });
  });
}
