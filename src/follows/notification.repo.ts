import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Executor } from '../jobs/job.repo.ts';
import { type Activity, toActivity } from './activity.repo.ts';

/** A notification with its activity, as pages and mails show it. */
export interface NotificationItem {
  id: string;
  delivery: string;
  /** The follow that brought it: 'theme:housing', 'review:queue'… */
  reason: string;
  /** The follow's label when it had one (a city's name), else its target. */
  reasonLabel: string;
  readAt: Date | null;
  activity: Activity;
}

/** Who is told of an activity: the people whose follows match it. */
export interface Audience {
  activityId: string;
  themes: string[];
  city: string | null;
  group: string | null;
  organizations: string[];
  /** Saved searches (follows' targets) that the activity's practice matches. */
  searches: string[];
  /** For submissions: the editors. */
  editors: boolean;
  actorId: number | null;
}

/** A person to mail now. */
export interface ImmediateNotification {
  id: string;
  userId: number;
}

/**
 * Writes one notification per person whose follows match the activity (their most frequent
 * matching follow decides the delivery; the person who acted is left out), and returns those to
 * mail at once. Run once per activity (the fan-out job's key); a second run writes nothing.
 * @example const now = await insertNotifications(trx, audience);
 */
export async function insertNotifications(db: Executor, a: Audience): Promise<ImmediateNotification[]> {
  const { rows } = await sql<{ id: string; user_id: number; delivery: string }>`
    WITH matched AS (
      SELECT f.user_id, f.frequency, f.kind || ':' || f.target AS reason, coalesce(f.label, f.target) AS label
      FROM follows f
      WHERE (f.kind = 'theme' AND f.target = ANY(${a.themes}::text[]))
         OR (f.kind = 'city' AND f.target = ${a.city})
         OR (f.kind = 'group' AND f.target = ${a.group})
         OR (f.kind = 'organization' AND f.target = ANY(${a.organizations}::text[]))
         OR (f.kind = 'search' AND f.target = ANY(${a.searches}::text[]))
         OR (f.kind = 'review' AND ${a.editors})
      UNION ALL
      -- Editors who never said how they want to hear of submissions hear at once.
      SELECT u.id, 'immediate', 'review:queue', 'queue' FROM users u
      WHERE ${a.editors} AND u.role IN ('editor', 'admin')
        AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.user_id = u.id AND f.kind = 'review')
    ), chosen AS (
      SELECT DISTINCT ON (m.user_id) m.user_id, m.frequency, m.reason, m.label
      FROM matched m JOIN users u ON u.id = m.user_id
      WHERE u.state = 'active' AND m.user_id IS DISTINCT FROM ${a.actorId}::bigint
        AND (m.reason <> 'review:queue' OR u.role IN ('editor', 'admin'))
      ORDER BY m.user_id, CASE m.frequency WHEN 'immediate' THEN 0 WHEN 'daily' THEN 1 WHEN 'weekly' THEN 2 ELSE 3 END, m.reason
    )
    INSERT INTO notifications (user_id, activity_id, delivery, reason, reason_label)
    SELECT user_id, ${a.activityId}::bigint, CASE frequency WHEN 'off' THEN 'none' ELSE frequency END, reason, label FROM chosen
    ON CONFLICT (user_id, activity_id) DO NOTHING
    RETURNING id, user_id, delivery`.execute(db);
  return rows.filter((r) => r.delivery === 'immediate').map((r) => ({ id: String(r.id), userId: r.user_id }));
}

/** A person to write to, as a mail needs them. */
export interface Recipient {
  userId: number;
  email: string;
  name: string;
  locale: string;
}

/**
 * One notification to mail, with its person, unless it was mailed already or the person can no
 * longer receive mail (disabled, deleted).
 * @example const n = await notificationToMail(db, id);
 */
export async function notificationToMail(db: Executor, id: string): Promise<(NotificationItem & { recipient: Recipient }) | undefined> {
  const r = await db
    .selectFrom('notifications as n')
    .innerJoin('activities as a', 'a.id', 'n.activity_id')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .selectAll('a')
    .select(['n.id as nid', 'n.delivery', 'n.reason', 'n.reason_label', 'n.read_at', 'u.id as uid', 'u.email', 'u.name', 'u.locale'])
    .where('n.id', '=', id)
    .where('n.mailed_at', 'is', null)
    .where('u.state', '=', 'active')
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: String(r.nid),
    delivery: r.delivery,
    reason: r.reason,
    reasonLabel: r.reason_label ?? r.reason,
    readAt: r.read_at,
    activity: toActivity(r),
    recipient: { userId: r.uid, email: r.email, name: r.name, locale: r.locale },
  };
}

/**
 * Marks notifications as mailed (at once, or taken into a digest).
 * @example await markMailed(trx, ['12', '13']);
 */
export async function markMailed(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('notifications').set({ mailed_at: new Date() }).where('id', 'in', ids).execute();
}

/**
 * The next people with notifications waiting for a `frequency` digest, written before `before`.
 * @example const ids = await digestRecipients(db, 'weekly', started, 500);
 */
export async function digestRecipients(db: Executor, frequency: 'daily' | 'weekly', before: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('user_id')
    .distinct()
    .where('delivery', '=', frequency)
    .where('mailed_at', 'is', null)
    .where('created_at', '<', before)
    .orderBy('user_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * The waiting digest notifications of these people, with the people, in one query.
 * @example const byUser = await digestContents(db, 'daily', started, [3, 4]);
 */
export async function digestContents(
  db: Executor,
  frequency: 'daily' | 'weekly',
  before: Date,
  userIds: number[],
): Promise<{ recipient: Recipient & { active: boolean }; items: NotificationItem[] }[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('activities as a', 'a.id', 'n.activity_id')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .selectAll('a')
    .select(['n.id as nid', 'n.delivery', 'n.reason', 'n.reason_label', 'n.read_at', 'u.id as uid', 'u.email', 'u.name', 'u.locale', 'u.state'])
    .where('n.user_id', 'in', userIds)
    .where('n.delivery', '=', frequency)
    .where('n.mailed_at', 'is', null)
    .where('n.created_at', '<', before)
    .orderBy('n.user_id')
    .orderBy('n.id')
    .execute();
  const byUser = new Map<number, { recipient: Recipient & { active: boolean }; items: NotificationItem[] }>();
  for (const r of rows) {
    let entry = byUser.get(r.uid);
    if (!entry) {
      entry = { recipient: { userId: r.uid, email: r.email, name: r.name, locale: r.locale, active: r.state === 'active' }, items: [] };
      byUser.set(r.uid, entry);
    }
    entry.items.push({
      id: String(r.nid),
      delivery: r.delivery,
      reason: r.reason,
      reasonLabel: r.reason_label ?? r.reason,
      readAt: r.read_at,
      activity: toActivity(r),
    });
  }
  return [...byUser.values()];
}

/**
 * A person's notifications, newest first, a page at a time.
 * @example const { items, more } = await notificationsOf(db, userId, 0, 30);
 */
export async function notificationsOf(db: Database, userId: number, offset: number, limit: number): Promise<{ items: NotificationItem[]; more: boolean }> {
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('activities as a', 'a.id', 'n.activity_id')
    .selectAll('a')
    .select(['n.id as nid', 'n.delivery', 'n.reason', 'n.reason_label', 'n.read_at'])
    .where('n.user_id', '=', userId)
    .orderBy('n.id', 'desc')
    .offset(offset)
    .limit(limit + 1)
    .execute();
  return {
    items: rows.slice(0, limit).map((r) => ({
      id: String(r.nid),
      delivery: r.delivery,
      reason: r.reason,
      reasonLabel: r.reason_label ?? r.reason,
      readAt: r.read_at,
      activity: toActivity(r),
    })),
    more: rows.length > limit,
  };
}

/**
 * How many notifications a person has not read (the header's badge).
 * @example const n = await unreadCount(db, userId);
 */
export async function unreadCount(db: Database, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Marks one (`id`) or all of a person's notifications read; returns the activity's path for one.
 * @example const path = await markRead(db, userId, '12');
 */
export async function markRead(db: Database, userId: number, id?: string): Promise<string | undefined> {
  if (id === undefined) {
    await db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
    return undefined;
  }
  await db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('id', '=', id).where('read_at', 'is', null).execute();
  const r = await db
    .selectFrom('notifications as n')
    .innerJoin('activities as a', 'a.id', 'n.activity_id')
    .select('a.path')
    .where('n.user_id', '=', userId)
    .where('n.id', '=', id)
    .executeTakeFirst();
  return r?.path;
}

/**
 * Marks the activity told to its followers.
 * @example await markFannedOut(trx, activityId);
 */
export async function markFannedOut(db: Executor, activityId: string): Promise<void> {
  await db.updateTable('activities').set({ fanned_out_at: new Date() }).where('id', '=', activityId).execute();
}
