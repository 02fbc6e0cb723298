import type { FollowFrequency, FollowKind } from '../db/schema.ts';
import type { Executor } from '../jobs/job.repo.ts';

/** What is followed: a theme code, a city ('de/berlin'), a group or organisation slug, a saved search's query string, the review queue. */
export interface FollowTarget {
  kind: FollowKind;
  target: string;
}

/** One follow of a person. */
export interface Follow extends FollowTarget {
  frequency: FollowFrequency;
  label: string | null;
  createdAt: Date;
}

/**
 * Follows `target` for `userId` at `frequency`, or changes the frequency of an existing follow;
 * `label` is how the person saw it (a group's name), shown in their list and mails.
 * @example await follow(trx, userId, { kind: 'group', target: 'housing' }, 'daily', 'Housing');
 */
export async function follow(db: Executor, userId: number, target: FollowTarget, frequency: FollowFrequency, label?: string): Promise<void> {
  const named = label?.trim().slice(0, 300) || null;
  await db
    .insertInto('follows')
    .values({ user_id: userId, kind: target.kind, target: target.target, frequency, label: named })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'target']).doUpdateSet(named ? { frequency, label: named } : { frequency }))
    .execute();
}

/**
 * Stops following `target`; returns whether there was such a follow.
 * @example await unfollow(trx, userId, { kind: 'group', target: 'housing' });
 */
export async function unfollow(db: Executor, userId: number, target: FollowTarget): Promise<boolean> {
  const r = await db.deleteFrom('follows').where('user_id', '=', userId).where('kind', '=', target.kind).where('target', '=', target.target).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Sets every mailed follow of `from` frequency to site-only: "unsubscribe from this digest".
 * @example await silenceFrequency(db, userId, 'weekly');
 */
export async function silenceFrequency(db: Executor, userId: number, from: FollowFrequency): Promise<number> {
  const r = await db.updateTable('follows').set({ frequency: 'off' }).where('user_id', '=', userId).where('frequency', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * A person's follows, oldest first.
 * @example const mine = await followsOf(db, account.userId);
 */
export async function followsOf(db: Executor, userId: number): Promise<Follow[]> {
  const rows = await db
    .selectFrom('follows')
    .select(['kind', 'target', 'frequency', 'label', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('kind')
    .orderBy('target')
    .execute();
  return rows.map((r) => ({ kind: r.kind, target: r.target, frequency: r.frequency, label: r.label, createdAt: r.created_at }));
}

/**
 * How a person follows one target, if they do: the page's "Follow" button shows it.
 * @example const f = await followOf(db, userId, { kind: 'city', target: 'de/berlin' });
 */
export async function followOf(db: Executor, userId: number, target: FollowTarget): Promise<FollowFrequency | undefined> {
  const row = await db
    .selectFrom('follows')
    .select('frequency')
    .where('user_id', '=', userId)
    .where('kind', '=', target.kind)
    .where('target', '=', target.target)
    .executeTakeFirst();
  return row?.frequency;
}

/**
 * The distinct saved searches anyone follows with mail or on the site, for matching a practice against them.
 * @example const searches = await followedSearches(db);
 */
export async function followedSearches(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('follows').select('target').distinct().where('kind', '=', 'search').execute();
  return rows.map((r) => r.target);
}
