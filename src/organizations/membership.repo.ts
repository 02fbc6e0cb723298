import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { MemberRole, MemberState } from '../db/schema.ts';

/** One person's place in one organisation. */
export interface Membership {
  organizationId: string;
  userId: number;
  role: MemberRole;
  state: MemberState;
}

/** A person's membership, undefined when they neither belong nor asked to. */
export function findMembership(db: Database, organizationId: string, userId: number): Promise<Membership | undefined> {
  return db
    .selectFrom('organization_members')
    .select(['organization_id as organizationId', 'user_id as userId', 'role', 'state'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * Records a request to join; false when the person already belongs or already asked.
 * @example if (!(await insertRequest(trx, org.id, userId, note))) throw conflict('already asked');
 */
export async function insertRequest(db: Database, organizationId: string, userId: number, note: string | null): Promise<boolean> {
  const r = await db
    .insertInto('organization_members')
    .values({ organization_id: organizationId, user_id: userId, note })
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Approves a pending request with a role; false when there was no pending request. */
export async function approveRequest(db: Database, organizationId: string, userId: number, role: MemberRole, by: number): Promise<boolean> {
  const r = await db
    .updateTable('organization_members')
    .set({ state: 'approved', role, decided_at: sql<Date>`now()`, decided_by: by })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('state', '=', 'requested')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Gives an approved member another role; false when they are not an approved member. */
export async function setMemberRole(db: Database, organizationId: string, userId: number, role: MemberRole, by: number): Promise<boolean> {
  const r = await db
    .updateTable('organization_members')
    .set({ role, decided_at: sql<Date>`now()`, decided_by: by })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('state', '=', 'approved')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Deletes a membership or a request in the given state; false when there was none. */
export async function deleteMembership(db: Database, organizationId: string, userId: number, state: MemberState): Promise<boolean> {
  const r = await db
    .deleteFrom('organization_members')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('state', '=', state)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Someone to mail about a membership: address and language, for the mail queue only. */
export interface MemberAddressee {
  id: number;
  email: string;
  name: string;
  locale: string;
}

/** The active account of a user, as a mail addresses them. */
export function addresseeOf(db: Database, userId: number): Promise<MemberAddressee | undefined> {
  return db.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('id', '=', userId).where('state', '=', 'active').executeTakeFirst();
}

/**
 * Who hears of a request to join: the organisation's admins; while it has none, the site's
 * editors and admins, since only they can approve the first admin.
 * @example const to = await requestReviewers(trx, org.id);
 */
export async function requestReviewers(db: Database, organizationId: string): Promise<MemberAddressee[]> {
  const admins = await organizationAdmins(db, organizationId);
  if (admins.length) return admins;
  return db.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('role', 'in', ['editor', 'admin']).where('state', '=', 'active').execute();
}

/** The approved admins of an organisation with an active account: who hears of it (requests to join, messages about its practices). */
export function organizationAdmins(db: Database, organizationId: string): Promise<MemberAddressee[]> {
  return db
    .selectFrom('organization_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.locale'])
    .where('m.organization_id', '=', organizationId)
    .where('m.state', '=', 'approved')
    .where('m.role', '=', 'admin')
    .where('u.state', '=', 'active')
    .orderBy('u.id')
    .execute();
}

/** How many approved admins an organisation has (active accounts). */
export async function adminCount(db: Database, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('organization_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('m.organization_id', '=', organizationId)
    .where('m.state', '=', 'approved')
    .where('m.role', '=', 'admin')
    .where('u.state', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A member with a public profile, as the organisation's page lists them. */
export interface ListedMember {
  slug: string;
  name: string;
  jobTitle: string | null;
}

/** A person whose membership the organisation's admins manage: name only (never the address). */
export interface ManagedMember {
  userId: number;
  name: string;
  role: MemberRole;
  state: MemberState;
  note: string | null;
  requestedAt: Date;
}

/** The people of an organisation as its page shows them to anyone: the public ones by name, all approved ones counted. */
export interface OrganizationPeople {
  listed: ListedMember[];
  count: number;
}

/**
 * The organisation's approved members with a public profile (through the `public_profiles`
 * view: withdrawn, disabled or deleted people are never listed), and how many approved members
 * it has in all.
 * @example const { listed, count } = await peopleOfOrganization(db, org.id);
 */
export async function peopleOfOrganization(db: Database, organizationId: string): Promise<OrganizationPeople> {
  const [listed, count] = await Promise.all([
    db
      .selectFrom('organization_members as m')
      .innerJoin('public_profiles as p', 'p.id', 'm.user_id')
      .select(['p.slug', 'p.name', 'p.job_title as jobTitle'])
      .where('m.organization_id', '=', organizationId)
      .where('m.state', '=', 'approved')
      .orderBy(sql`lower(p.name)`)
      .execute(),
    db
      .selectFrom('organization_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('m.organization_id', '=', organizationId)
      .where('m.state', '=', 'approved')
      .where('u.state', '=', 'active')
      .executeTakeFirstOrThrow(),
  ]);
  return { listed, count: Number(count.n) };
}

/** Every member and pending request of an organisation, requests first, for its admins and the site's editors. */
export function managedMembers(db: Database, organizationId: string): Promise<ManagedMember[]> {
  return db
    .selectFrom('organization_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.name', 'm.role', 'm.state', 'm.note', 'm.requested_at as requestedAt'])
    .where('m.organization_id', '=', organizationId)
    .orderBy(sql`m.state = 'requested'`, 'desc')
    .orderBy(sql`lower(u.name)`)
    .orderBy('u.id')
    .execute();
}

/** An organisation a person belongs to or asked to join. */
export interface OwnMembership {
  slug: string;
  name: string;
  role: MemberRole;
  state: MemberState;
}

/**
 * The organisations a person belongs to or asked to join, by name ("Your organisations").
 * @example const mine = await membershipsOfUser(db, account.userId);
 */
export function membershipsOfUser(db: Database, userId: number): Promise<OwnMembership[]> {
  return db
    .selectFrom('organization_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.slug', 'o.name', 'm.role', 'm.state'])
    .where('m.user_id', '=', userId)
    .orderBy(sql`lower(o.name)`)
    .execute();
}
