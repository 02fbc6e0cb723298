import { sql } from 'kysely';
import type { Executor } from './group.repo.ts';

/** A thread as the group page lists it. */
export interface ListedThread {
  id: number;
  title: string;
  pinned: boolean;
  locked: boolean;
  replies: number;
  createdAt: Date;
  lastPostAt: Date;
  /** The author's name; null once their account is deleted. */
  author: string | null;
  /** Whether a moderator hid its opening post (its title is then hidden from readers too). */
  hidden: boolean;
}

/** A thread with its opening post, as its page shows it. */
export interface ThreadView extends ListedThread {
  groupId: number;
  opening: PostView;
}

/** A post as a thread shows it. */
export interface PostView {
  id: number;
  threadId: number;
  opening: boolean;
  authorId: number | null;
  author: string | null;
  body: string;
  createdAt: Date;
  hiddenReason: string | null;
}

const threadColumns = [
  't.id',
  't.title',
  't.pinned',
  't.locked',
  't.replies',
  't.created_at as createdAt',
  't.last_post_at as lastPostAt',
  'u.name as author',
  sql<boolean>`EXISTS (SELECT 1 FROM group_posts o WHERE o.thread_id = t.id AND o.opening AND o.hidden_at IS NOT NULL)`.as('hidden'),
] as const;

/**
 * A page of a group's threads, pinned ones first, then by latest post, and how many there are.
 * @example const { items, total } = await listThreads(db, group.id, 0, 20);
 */
export async function listThreads(db: Executor, groupId: number, offset: number, limit: number): Promise<{ items: ListedThread[]; total: number }> {
  const [items, count] = await Promise.all([
    db
      .selectFrom('group_threads as t')
      .leftJoin('users as u', 'u.id', 't.author_id')
      .select(threadColumns)
      .where('t.group_id', '=', groupId)
      .orderBy('t.pinned', 'desc')
      .orderBy('t.last_post_at', 'desc')
      .orderBy('t.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    db
      .selectFrom('group_threads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('group_id', '=', groupId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

const postColumns = [
  'p.id',
  'p.thread_id as threadId',
  'p.opening',
  'p.author_id as authorId',
  'u.name as author',
  'p.body',
  'p.created_at as createdAt',
  'p.hidden_reason as hiddenReason',
] as const;

/** A thread of a group with its opening post; undefined when the group has no such thread. */
export async function findThread(db: Executor, groupId: number, threadId: number): Promise<ThreadView | undefined> {
  const thread = await db
    .selectFrom('group_threads as t')
    .leftJoin('users as u', 'u.id', 't.author_id')
    .select([...threadColumns, 't.group_id as groupId'])
    .where('t.group_id', '=', groupId)
    .where('t.id', '=', threadId)
    .executeTakeFirst();
  if (!thread) return undefined;
  const opening = await db
    .selectFrom('group_posts as p')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select(postColumns)
    .where('p.thread_id', '=', threadId)
    .where('p.opening', '=', true)
    .executeTakeFirstOrThrow();
  return { ...thread, opening };
}

/** A page of a thread's replies, oldest first. */
export function listReplies(db: Executor, threadId: number, offset: number, limit: number): Promise<PostView[]> {
  return db
    .selectFrom('group_posts as p')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select(postColumns)
    .where('p.thread_id', '=', threadId)
    .where('p.opening', '=', false)
    .orderBy('p.id')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** A post of a group (through its thread), undefined when the group has no such post. */
export function findPost(db: Executor, groupId: number, postId: number): Promise<(PostView & { hiddenAt: Date | null }) | undefined> {
  return db
    .selectFrom('group_posts as p')
    .innerJoin('group_threads as t', 't.id', 'p.thread_id')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select([...postColumns, 'p.hidden_at as hiddenAt'])
    .where('t.group_id', '=', groupId)
    .where('p.id', '=', postId)
    .executeTakeFirst();
}

/** How many replies of the thread come up to and with this one: where it sits in the thread's pages. */
export async function replyPosition(db: Executor, threadId: number, postId: number): Promise<number> {
  const row = await db
    .selectFrom('group_posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('thread_id', '=', threadId)
    .where('opening', '=', false)
    .where('id', '<=', postId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records a thread and its opening post (call inside a transaction). */
export async function insertThread(
  db: Executor,
  t: { groupId: number; authorId: number; title: string; body: string },
): Promise<{ threadId: number; postId: number }> {
  const { id: threadId } = await db
    .insertInto('group_threads')
    .values({ group_id: t.groupId, title: t.title, author_id: t.authorId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: postId } = await sql<{ id: number }>`
    INSERT INTO group_posts (thread_id, opening, author_id, body) VALUES (${threadId}, true, ${t.authorId}, ${t.body}) RETURNING id`
    .execute(db)
    .then((r) => r.rows[0]);
  return { threadId, postId };
}

/** Whether a thread is locked, holding its row until the transaction ends (so a lock and a reply never cross). */
export async function lockedForUpdate(db: Executor, threadId: number): Promise<boolean | undefined> {
  const row = await db.selectFrom('group_threads').select('locked').where('id', '=', threadId).forUpdate().executeTakeFirst();
  return row?.locked;
}

/** Records a reply and moves the thread's count and latest-post time (call inside a transaction). */
export async function insertReply(db: Executor, r: { threadId: number; authorId: number; body: string }): Promise<number> {
  const { id } = await db
    .insertInto('group_posts')
    .values({ thread_id: r.threadId, author_id: r.authorId, body: r.body })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('group_threads')
    .set((eb) => ({ replies: eb('replies', '+', 1), last_post_at: sql<Date>`now()` }))
    .where('id', '=', r.threadId)
    .execute();
  return id;
}

/** Pins or locks a thread, or undoes it; false when nothing changed (already so). */
export async function setThreadFlag(db: Executor, groupId: number, threadId: number, flag: 'pinned' | 'locked', value: boolean): Promise<boolean> {
  const result = await db
    .updateTable('group_threads')
    .set({ [flag]: value })
    .where('group_id', '=', groupId)
    .where('id', '=', threadId)
    .where(flag, '=', !value)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Hides a post with a moderator's reason, or shows it again (reason null). */
export async function setPostHidden(db: Executor, postId: number, hidden: { reason: string; by: number } | null): Promise<void> {
  await db
    .updateTable('group_posts')
    .set(
      hidden ? { hidden_reason: hidden.reason, hidden_by: hidden.by, hidden_at: sql<Date>`now()` } : { hidden_reason: null, hidden_by: null, hidden_at: null },
    )
    .where('id', '=', postId)
    .execute();
}
