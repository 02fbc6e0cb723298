import type { Database } from '../db/database.ts';
import { recordActivity } from '../follows/activity.repo.ts';
import { conflict, notFound } from '../http/errors.ts';
import { authorize } from '../security/authorize.ts';
import { type GroupAccess, groupPolicy } from './group.policy.ts';
import type { Executor } from './group.repo.ts';
import { insertReply, insertThread, lockedForUpdate } from './group-thread.repo.ts';
import type { GroupActor } from './membership.command.ts';

/** A thread's site path. */
export const threadPath = (slug: string, threadId: number) => `/groups/${encodeURIComponent(slug)}/threads/${threadId}`;

/** The start of a post as plain words, for a notification's summary. */
function summaryOf(body: string): string {
  const plain = body
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 280 ? `${plain.slice(0, 279)}…` : plain;
}

/**
 * Tells the group's followers of a new post, in the post's transaction. A moderated group's
 * discussions are for its members: its activity names the group only (no theme, no text), so
 * that only the group's own followers hear of it, and by its title.
 */
async function announce(trx: Executor, access: GroupAccess, a: { title: string; path: string; body: string; actorId: number }): Promise<void> {
  const open = access.group.membership === 'open';
  await recordActivity(trx, {
    kind: 'group_post',
    title: a.title,
    path: a.path,
    group: access.group.slug,
    themes: open ? access.group.themes : undefined,
    summary: open ? summaryOf(a.body) : undefined,
    actorId: a.actorId,
  });
}

/**
 * A member starts a thread (a title and its opening post) and the group's followers hear of it.
 * @example const id = await startThread(db, access, account, { title: 'Rent guarantees', body: 'Who has tried…' });
 */
export async function startThread(db: Database, access: GroupAccess, actor: GroupActor, t: { title: string; body: string }): Promise<number> {
  authorize(actor, groupPolicy.post, access);
  return db.transaction().execute(async (trx) => {
    const { threadId } = await insertThread(trx, { groupId: access.group.id, authorId: actor.userId, ...t });
    await announce(trx, access, { title: t.title, path: threadPath(access.group.slug, threadId), body: t.body, actorId: actor.userId });
    return threadId;
  });
}

/**
 * A member replies to a thread; a locked thread refuses with a 409 (checked on the thread's row,
 * held until the reply is written, so a lock and a reply never cross). Followers hear of it.
 * @example const postId = await replyToThread(db, access, { id: 12, title: 'Rent guarantees' }, account, 'We did, in Lyon…');
 */
export async function replyToThread(
  db: Database,
  access: GroupAccess,
  thread: { id: number; title: string },
  actor: GroupActor,
  body: string,
): Promise<number> {
  authorize(actor, groupPolicy.post, access);
  return db.transaction().execute(async (trx) => {
    const locked = await lockedForUpdate(trx, thread.id);
    if (locked === undefined) throw notFound('no such thread');
    if (locked) throw conflict('the thread is locked');
    const postId = await insertReply(trx, { threadId: thread.id, authorId: actor.userId, body });
    await announce(trx, access, { title: thread.title, path: `${threadPath(access.group.slug, thread.id)}#post-${postId}`, body, actorId: actor.userId });
    return postId;
  });
}
