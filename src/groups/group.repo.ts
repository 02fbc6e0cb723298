import { type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB, GroupMembership, GroupRole, GroupsTable } from '../db/schema.ts';

/** A handle that reads and writes: the database or a transaction. */
export type Executor = Database | Transaction<DB>;

/** A group as stored. */
export type GroupRow = Selectable<GroupsTable>;

/** A group as the list shows it: with its member and thread counts. */
export type ListedGroup = GroupRow & { members: number; threads: number };

/** How often a member hears of new posts (the follow their membership makes). */
export const followFrequencies = ['immediate', 'daily', 'weekly'] as const;
export type FollowFrequency = (typeof followFrequencies)[number];

/** A person's place in a group. */
export interface Membership {
  role: GroupRole;
  state: 'pending' | 'active';
  frequency: FollowFrequency;
}

/** A group to record. */
export interface NewGroup {
  slug: string;
  name: string;
  description: string;
  themes: string[];
  membership: GroupMembership;
  translations?: Record<string, { name?: string; description?: string }>;
  createdBy: number | null;
}

/** Active members of a group, counted on the members' primary key. */
const memberCount = sql<number>`(SELECT count(*)::integer FROM group_members m WHERE m.group_id = g.id AND m.state = 'active')`;
const threadCount = sql<number>`(SELECT count(*)::integer FROM group_threads t WHERE t.group_id = g.id)`;

/**
 * A page of groups by name (optionally of one theme, or holding every word of `q`) with their member and thread counts, and how many match.
 * @example const { items, total } = await listGroups(db, { theme: 'housing' }, 0, 20);
 */
export async function listGroups(
  db: Executor,
  f: { theme?: string; q?: string },
  offset: number,
  limit: number,
): Promise<{ items: ListedGroup[]; total: number }> {
  let q = db.selectFrom('groups as g');
  if (f.theme) q = q.where(sql<boolean>`g.themes @> ARRAY[${f.theme}]::text[]`);
  // Every word, case folded, in the name, description or their translations (a few dozen rows: no index needed).
  for (const word of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`concat_ws(' ', g.name, g.slug, g.description, g.translations::text) ILIKE ${pattern}`);
  }
  const [items, count] = await Promise.all([
    q
      .selectAll('g')
      .select([memberCount.as('members'), threadCount.as('threads')])
      .orderBy(sql`lower(g.name)`)
      .orderBy('g.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** A group by its slug, with its counts; undefined when there is none. */
export function findGroup(db: Executor, slug: string): Promise<ListedGroup | undefined> {
  return db
    .selectFrom('groups as g')
    .selectAll('g')
    .select([memberCount.as('members'), threadCount.as('threads')])
    .where('g.slug', '=', slug)
    .executeTakeFirst();
}

/** Whether a slug is taken. */
export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return (await db.selectFrom('groups').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/** Records a group and returns its id; leaves alone a slug already recorded (then undefined). */
export async function insertGroup(db: Executor, g: NewGroup): Promise<number | undefined> {
  const row = await db
    .insertInto('groups')
    .values({
      slug: g.slug,
      name: g.name,
      description: g.description,
      themes: g.themes,
      membership: g.membership,
      translations: JSON.stringify(g.translations ?? {}),
      created_by: g.createdBy,
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Whether no group is recorded yet (a database from before the groups). */
export async function noGroups(db: Executor): Promise<boolean> {
  return (await db.selectFrom('groups').select('id').limit(1).executeTakeFirst()) === undefined;
}

/** A person's membership of a group (pending or active), undefined when they are not in it. */
export async function findMembership(db: Executor, groupId: number, userId: number): Promise<Membership | undefined> {
  return db.selectFrom('group_members').select(['role', 'state', 'frequency']).where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
}

/** Adds a person to a group: active at once, or pending a moderator's approval. */
export async function insertMembership(
  db: Executor,
  m: { groupId: number; userId: number; role?: GroupRole; state: 'pending' | 'active'; frequency: FollowFrequency; decidedBy?: number | null },
): Promise<boolean> {
  const result = await db
    .insertInto('group_members')
    .values({
      group_id: m.groupId,
      user_id: m.userId,
      role: m.role ?? 'member',
      state: m.state,
      frequency: m.frequency,
      joined_at: m.state === 'active' ? sql<Date>`now()` : null,
      decided_by: m.decidedBy ?? null,
    })
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Makes a pending request an active membership; false when there was no such request. */
export async function approveMembership(db: Executor, groupId: number, userId: number, decidedBy: number): Promise<Membership | undefined> {
  return db
    .updateTable('group_members')
    .set({ state: 'active', joined_at: sql<Date>`now()`, decided_by: decidedBy })
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('state', '=', 'pending')
    .returning(['role', 'state', 'frequency'])
    .executeTakeFirst();
}

/** Removes a person from a group (a member leaving or removed, a request declined or withdrawn); the row removed, if any. */
export async function deleteMembership(db: Executor, groupId: number, userId: number, state?: 'pending' | 'active'): Promise<Membership | undefined> {
  let q = db.deleteFrom('group_members').where('group_id', '=', groupId).where('user_id', '=', userId);
  if (state) q = q.where('state', '=', state);
  return q.returning(['role', 'state', 'frequency']).executeTakeFirst();
}

/** Changes an active member's role; false when they are not an active member. */
export async function setMemberRole(db: Executor, groupId: number, userId: number, role: GroupRole): Promise<boolean> {
  const result = await db
    .updateTable('group_members')
    .set({ role })
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A person of a group as its moderators see them. */
export interface GroupPerson {
  userId: number;
  name: string;
  role: GroupRole;
  state: 'pending' | 'active';
  since: Date;
}

/** The group's people, pending requests first (oldest first), then moderators and members by name; at most `limit`. */
export async function listGroupPeople(db: Executor, groupId: number, limit: number): Promise<GroupPerson[]> {
  const rows = await db
    .selectFrom('group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id as userId', 'u.name', 'm.role', 'm.state', sql<Date>`coalesce(m.joined_at, m.requested_at)`.as('since')])
    .where('m.group_id', '=', groupId)
    .orderBy(sql`m.state = 'pending'`, 'desc')
    .orderBy(sql`m.role = 'moderator'`, 'desc')
    .orderBy(sql`CASE WHEN m.state = 'pending' THEN m.requested_at END`)
    .orderBy(sql`lower(u.name)`)
    .limit(limit)
    .execute();
  return rows;
}
