import type { Selectable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { EventsTable } from '../db/schema.ts';

/** An event as stored. */
export type EventRow = Selectable<EventsTable>;

/** An event to record, as the seed gives it. */
export type NewEvent = Omit<EventRow, 'created_at' | 'updated_at'>;

/** What the events list can be narrowed to: upcoming (not yet ended) or past, a type, a theme, a country. */
export interface EventFilter {
  when: 'upcoming' | 'past';
  type?: string;
  theme?: string;
  country?: string;
}

/**
 * A page of events: upcoming ones soonest first, past ones latest first, and how many match.
 * `now` decides which are past (an event is upcoming until it ends).
 * @example const { items, total } = await listEvents(db, { when: 'upcoming' }, new Date(), 0, 20);
 */
export async function listEvents(db: Database, f: EventFilter, now: Date, offset: number, limit: number): Promise<{ items: EventRow[]; total: number }> {
  let q = db.selectFrom('events').where('ends_at', f.when === 'upcoming' ? '>=' : '<', now);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.country) q = q.where('country', '=', f.country);
  if (f.theme) q = q.where('themes', '@>', [f.theme]);
  const order = f.when === 'upcoming' ? 'asc' : 'desc';
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('starts_at', order).orderBy('id').offset(offset).limit(limit).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** An event by its id, undefined when there is none. */
export function findEvent(db: Database, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The countries events take place in: the country filter's choices. */
export async function eventCountries(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('events').select('country').distinct().where('country', 'is not', null).execute();
  return rows.map((r) => r.country as string);
}

/** Every event, soonest first: the calendar feed. */
export function allEvents(db: Database, limit: number): Promise<EventRow[]> {
  return db.selectFrom('events').selectAll().orderBy('starts_at').orderBy('id').limit(limit).execute();
}

/** Records events, leaving alone those already recorded (by id); returns how many were added. */
export async function insertEvents(db: Database, rows: NewEvent[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('events')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Whether no event is recorded (a database from before events existed). */
export async function noEvents(db: Database): Promise<boolean> {
  return (await db.selectFrom('events').select('id').limit(1).executeTakeFirst()) === undefined;
}
