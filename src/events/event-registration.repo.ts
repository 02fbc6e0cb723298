import { sql, type Transaction } from 'kysely';
import type { DB, EventRegistrationStatus } from '../db/schema.ts';
import type { Executor } from './event.repo.ts';

/** A person's registration for an event. */
export interface Registration {
  id: number;
  userId: number;
  status: EventRegistrationStatus;
}

/** A person to write to about their registration: their address, name and interface language. */
export interface Registrant {
  registrationId: number;
  userId: number;
  email: string;
  name: string;
  locale: string;
}

/** A person on an event's list, as organisers see it: name and where they stand, no address. */
export interface ListedRegistration {
  name: string;
  status: 'registered' | 'waiting';
  since: Date;
}

/** The person's registration for the event, cancelled ones included; undefined when they never registered. */
export function registrationOf(db: Executor, eventId: string, userId: number): Promise<Registration | undefined> {
  return db
    .selectFrom('event_registrations')
    .select(['id', 'user_id as userId', 'status'])
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** How many hold a place and how many wait, for one event. */
export async function registrationCounts(db: Executor, eventId: string): Promise<{ registered: number; waiting: number }> {
  const rows = await db
    .selectFrom('event_registrations')
    .select(['status', sql<number>`count(*)::integer`.as('n')])
    .where('event_id', '=', eventId)
    .where('status', 'in', ['registered', 'waiting'])
    .groupBy('status')
    .execute();
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { registered: of('registered'), waiting: of('waiting') };
}

/** A waiting person's place on the list (1 is next), by the order they joined it. */
export async function waitingPlace(db: Executor, eventId: string, registrationId: number): Promise<number> {
  const row = await db
    .selectFrom('event_registrations as r')
    .innerJoin('event_registrations as me', (j) => j.on('me.id', '=', registrationId))
    .select(sql<number>`count(*)::integer`.as('n'))
    .where('r.event_id', '=', eventId)
    .where('r.status', '=', 'waiting')
    .where(sql<boolean>`(r.queued_at, r.id) <= (me.queued_at, me.id)`)
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Puts a person on the event's list with a status: a new row, or their cancelled one again, at
 * the end of the queue. Returns the registration.
 */
export async function saveRegistration(trx: Transaction<DB>, eventId: string, userId: number, status: 'registered' | 'waiting'): Promise<Registration> {
  return trx
    .insertInto('event_registrations')
    .values({ event_id: eventId, user_id: userId, status })
    .onConflict((oc) => oc.columns(['event_id', 'user_id']).doUpdateSet({ status, queued_at: sql<Date>`clock_timestamp()`, updated_at: sql<Date>`now()` }))
    .returning(['id', 'user_id as userId', 'status'])
    .executeTakeFirstOrThrow();
}

/** Sets a registration's status. */
export async function setRegistrationStatus(trx: Transaction<DB>, registrationId: number, status: EventRegistrationStatus): Promise<void> {
  await trx.updateTable('event_registrations').set({ status, updated_at: sql<Date>`now()` }).where('id', '=', registrationId).execute();
}

/** The first `count` people of the waiting list, in order, with what a mail to them needs. */
export function firstWaiting(trx: Transaction<DB>, eventId: string, count: number): Promise<Registrant[]> {
  if (count <= 0) return Promise.resolve([]);
  return trx
    .selectFrom('event_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id as registrationId', 'u.id as userId', 'u.email', 'u.name', 'u.locale'])
    .where('r.event_id', '=', eventId)
    .where('r.status', '=', 'waiting')
    .orderBy('r.queued_at')
    .orderBy('r.id')
    .limit(count)
    .execute();
}

/** Who is registered, then who waits (each in order of joining): the organisers' list. */
export function registrationList(db: Executor, eventId: string): Promise<ListedRegistration[]> {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.name', sql<'registered' | 'waiting'>`r.status`.as('status'), 'r.queued_at as since'])
    .where('r.event_id', '=', eventId)
    .where('r.status', 'in', ['registered', 'waiting'])
    .orderBy(sql`r.status = 'waiting'`)
    .orderBy('r.queued_at')
    .orderBy('r.id')
    .execute();
}
