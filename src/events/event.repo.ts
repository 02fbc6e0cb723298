import { type Insertable, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB, EventsTable } from '../db/schema.ts';

/** An event as stored. */
export type EventRow = Selectable<EventsTable>;

/** An event as listed: with how many people hold a place on the site. */
export type ListedEvent = EventRow & { registered: number };

/** An event to record (the seed, the form). */
export type NewEvent = Insertable<EventsTable>;

/** What the form changes of a recorded event. */
export type EventChanges = Omit<Updateable<EventsTable>, 'id' | 'created_by' | 'example'>;

/** A handle that reads and writes: the database or a transaction. */
export type Executor = Database | Transaction<DB>;

/**
 * What events can be narrowed to: upcoming (not yet ended) or past (none: every event), a type, a
 * theme, a country, words of the title, description, place or organisers, a group.
 */
export interface EventFilter {
  when?: 'upcoming' | 'past';
  type?: string;
  theme?: string;
  country?: string;
  q?: string;
  group?: string;
}

/** `%`, `_` and `\` typed by a person match themselves in a LIKE pattern. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filtered events, without order or paging. */
function filtered(db: Executor, f: EventFilter, now: Date) {
  let q = db.selectFrom('events');
  if (f.when) q = q.where('ends_at', f.when === 'upcoming' ? '>=' : '<', now);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.country) q = q.where('country', '=', f.country);
  // A one-element array literal: Kysely would read a JS array here as a list of values.
  if (f.theme) q = q.where(sql<boolean>`themes @> ARRAY[${f.theme}]::text[]`);
  if (f.group) q = q.where('group_slug', '=', f.group);
  for (const word of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    const pattern = `%${likeEscaped(word)}%`;
    q = q.where(sql<boolean>`concat_ws(' ', title, description, city, venue, array_to_string(organisers, ' ')) ILIKE ${pattern}`);
  }
  return q;
}

/** How many people hold a place at an event (a correlated count on the registrations' index). */
const registeredCount = sql<number>`(SELECT count(*)::integer FROM event_registrations r WHERE r.event_id = events.id AND r.status = 'registered')`;

/**
 * A page of events and how many match: upcoming ones soonest first, past ones (and all) latest
 * first unless `order` says otherwise. `now` decides which are past (an event is upcoming until it ends).
 * @example const { items, total } = await listEvents(db, { when: 'upcoming' }, new Date(), 0, 20);
 */
export async function listEvents(
  db: Database,
  f: EventFilter,
  now: Date,
  offset: number,
  limit: number,
  order: 'asc' | 'desc' = f.when === 'upcoming' ? 'asc' : 'desc',
  after?: readonly [startsAt: Date, id: string],
): Promise<{ items: ListedEvent[]; total: number }> {
  const q = filtered(db, f, now);
  const [items, count] = await Promise.all([
    q
      .selectAll()
      .select(registeredCount.as('registered'))
      // Keyset paging (the API's cursor): after this start in the list's order, then by id.
      .$if(after !== undefined, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('starts_at', order === 'asc' ? '>' : '<', after?.[0] as Date),
            eb.and([eb('starts_at', '=', after?.[0] as Date), eb('id', '>', after?.[1] as string)]),
          ]),
        ),
      )
      .orderBy('starts_at', order)
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** An event by its id, with its count of places taken; undefined when there is none. */
export function findEvent(db: Executor, id: string): Promise<ListedEvent | undefined> {
  return db.selectFrom('events').selectAll().select(registeredCount.as('registered')).where('id', '=', id).executeTakeFirst();
}

/**
 * The event's row locked until the transaction ends: registrations and cancellations of one event
 * then take turns, so two at once never hand out more places than it has.
 */
export function lockEvent(trx: Transaction<DB>, id: string): Promise<EventRow | undefined> {
  return trx.selectFrom('events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The countries events take place in: the country filter's choices. */
export async function eventCountries(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('events').select('country').distinct().where('country', 'is not', null).execute();
  return rows.map((r) => r.country as string);
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

/**
 * An id for a new event from its title and year that no event has yet: "housing-forum-2027",
 * then "housing-forum-2027-2", … (concurrent creations of the same title meet the primary key).
 * @example await freeEventId(trx, 'housing-forum-2027')
 */
export async function freeEventId(db: Executor, base: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .selectFrom('events')
        .select('id')
        .where((eb) => eb.or([eb('id', '=', base), eb('id', 'like', `${likeEscaped(base)}-%`)]))
        .execute()
    ).map((r) => r.id),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Records one event. */
export async function insertEvent(trx: Transaction<DB>, row: NewEvent): Promise<void> {
  await trx.insertInto('events').values(row).execute();
}

/** Changes a recorded event; false when there is none. */
export async function updateEvent(trx: Transaction<DB>, id: string, changes: EventChanges): Promise<boolean> {
  const result = await trx
    .updateTable('events')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether no event is recorded (a database from before events existed). */
export async function noEvents(db: Database): Promise<boolean> {
  return (await db.selectFrom('events').select('id').limit(1).executeTakeFirst()) === undefined;
}
