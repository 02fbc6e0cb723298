import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { insertEvents } from '../../src/events/event.repo.ts';

/** What the events' cells start from. */
export interface EventFixtures {
  /** An upcoming event with places on the site, nobody registered yet. */
  eventId: string;
  /** An upcoming event with places on the site where the owner holds a place. */
  registeredEventId: string;
}

/**
 * Fresh events for one cell of the authorisation matrix or one case of the fuzzer: two upcoming
 * events with 50 places each, the owner registered for the second.
 * @example const e = await eventFixtures(db, 3, 7);
 */
export async function eventFixtures(db: Database, owner: number, n: number): Promise<EventFixtures> {
  const eventId = `matrix-event-${n}-${Date.now()}`;
  const registeredEventId = `matrix-registered-${n}-${Date.now()}`;
  const starts = new Date(Date.now() + 30 * 86_400_000);
  const common = {
    type: 'webinar',
    starts_at: starts,
    ends_at: new Date(starts.getTime() + 3_600_000),
    time_zone: 'Europe/Paris',
    online_url: 'https://example.org/live',
    capacity: 50,
    themes: ['housing'],
  };
  await insertEvents(db, [
    { id: eventId, title: `Matrix webinar ${n}`, ...common },
    { id: registeredEventId, title: `Matrix webinar with the owner ${n}`, ...common },
  ]);
  await db.insertInto('event_registrations').values({ event_id: registeredEventId, user_id: owner, status: 'registered' }).execute();
  return { eventId, registeredEventId };
}

/** The events and who stands where on their lists: what a refused request must leave alone. */
export const eventsFingerprint = sql`
  (SELECT string_agg(id || ':' || md5(concat_ws('/', title, type, starts_at, ends_at, time_zone, city, country, venue, online_url, capacity, group_slug,
     description, outcomes, materials::text, array_to_string(languages, ','), array_to_string(organisers, ','), array_to_string(themes, ','))), ';' ORDER BY id) FROM events),
  (SELECT string_agg(event_id || ':' || user_id || ':' || status || ':' || queued_at, ';' ORDER BY event_id, user_id) FROM event_registrations)`;
