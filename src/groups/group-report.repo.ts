import { sql } from 'kysely';
import type { Executor } from './group.repo.ts';

/** A report as the moderation queue shows it: the post, its thread, who reported it and why. */
export interface ReportView {
  id: number;
  reason: string;
  state: 'open' | 'resolved';
  createdAt: Date;
  resolvedAt: Date | null;
  reporter: string | null;
  resolver: string | null;
  postId: number;
  postBody: string;
  postAuthor: string | null;
  postHidden: boolean;
  threadId: number;
  threadTitle: string;
}

/** Records a member's report of a post; false when they already have an open report of it. */
export async function insertReport(db: Executor, r: { postId: number; reporterId: number; reason: string }): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO group_reports (post_id, reporter_id, reason) VALUES (${r.postId}, ${r.reporterId}, ${r.reason})
    ON CONFLICT (post_id, reporter_id) WHERE state = 'open' DO NOTHING RETURNING id`.execute(db);
  return rows.length > 0;
}

/** Resolves one open report of the group; false when the group has no such open report. */
export async function resolveReport(db: Executor, groupId: number, reportId: number, by: number): Promise<boolean> {
  const result = await db
    .updateTable('group_reports')
    .set({ state: 'resolved', resolved_by: by, resolved_at: sql<Date>`now()` })
    .where('id', '=', reportId)
    .where('state', '=', 'open')
    .where('post_id', 'in', (eb) =>
      eb.selectFrom('group_posts as p').innerJoin('group_threads as t', 't.id', 'p.thread_id').select('p.id').where('t.group_id', '=', groupId),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Resolves every open report of a post (a moderator hid it); how many there were. */
export async function resolveReportsOfPost(db: Executor, postId: number, by: number): Promise<number> {
  const result = await db
    .updateTable('group_reports')
    .set({ state: 'resolved', resolved_by: by, resolved_at: sql<Date>`now()` })
    .where('post_id', '=', postId)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How many reports of the group wait for a moderator. */
export async function openReportCount(db: Executor, groupId: number): Promise<number> {
  const row = await db
    .selectFrom('group_reports as r')
    .innerJoin('group_posts as p', 'p.id', 'r.post_id')
    .innerJoin('group_threads as t', 't.id', 'p.thread_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.group_id', '=', groupId)
    .where('r.state', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A page of the group's reports in one state (open ones oldest first, resolved ones latest
 * first), and how many there are in that state.
 * @example const { items, total } = await listReports(db, group.id, 'open', 0, 50);
 */
export async function listReports(
  db: Executor,
  groupId: number,
  state: 'open' | 'resolved',
  offset: number,
  limit: number,
): Promise<{ items: ReportView[]; total: number }> {
  const base = db
    .selectFrom('group_reports as r')
    .innerJoin('group_posts as p', 'p.id', 'r.post_id')
    .innerJoin('group_threads as t', 't.id', 'p.thread_id')
    .where('t.group_id', '=', groupId)
    .where('r.state', '=', state);
  const [items, count] = await Promise.all([
    base
      .leftJoin('users as reporter', 'reporter.id', 'r.reporter_id')
      .leftJoin('users as resolver', 'resolver.id', 'r.resolved_by')
      .leftJoin('users as author', 'author.id', 'p.author_id')
      .select([
        'r.id',
        'r.reason',
        'r.state',
        'r.created_at as createdAt',
        'r.resolved_at as resolvedAt',
        'reporter.name as reporter',
        'resolver.name as resolver',
        'p.id as postId',
        'p.body as postBody',
        'author.name as postAuthor',
        sql<boolean>`p.hidden_at IS NOT NULL`.as('postHidden'),
        't.id as threadId',
        't.title as threadTitle',
      ])
      .orderBy(state === 'open' ? 'r.id' : 'r.resolved_at', state === 'open' ? 'asc' : 'desc')
      .orderBy('r.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
