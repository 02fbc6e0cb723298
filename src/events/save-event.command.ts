import { recordAudit } from '../audit/audit.repo.ts';
import { findCity } from '../cities/city.repo.ts';
import type { Database } from '../db/database.ts';
import { recordActivity } from '../follows/activity.repo.ts';
import { notFound } from '../http/errors.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { slugify } from '../shared/text.ts';
import { eventPolicy } from './event.policy.ts';
import { type EventChanges, type Executor, freeEventId, insertEvent, lockEvent, updateEvent } from './event.repo.ts';
import type { EventInput } from './event.schema.ts';
import { promoteWaiting } from './event-registration.command.ts';
import { localDay } from './zoned-time.ts';

/** Who saves an event: an editor or admin, and where they are (for the audit log). */
export type EventEditor = NonNullable<Actor> & { ip: string | null };

/** The columns the form fills. */
function columns(
  input: EventInput,
): Required<Pick<EventChanges, 'title' | 'type' | 'starts_at' | 'ends_at' | 'time_zone'>> & EventChanges & { materials: string } {
  return {
    title: input.title,
    type: input.type,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    all_day: input.allDay,
    time_zone: input.timeZone,
    city: input.city,
    country: input.country,
    venue: input.venue,
    online_url: input.onlineUrl,
    languages: input.languages,
    organisers: input.organisers,
    themes: input.themes,
    registration_url: input.registrationUrl,
    capacity: input.capacity,
    description: input.description,
    outcomes: input.outcomes,
    materials: JSON.stringify(input.materials),
    group_slug: input.group,
  };
}

/** The event's city as followers name it ('de/berlin'), when the site has a page for it. */
async function cityKey(db: Executor, input: EventInput): Promise<string | undefined> {
  if (!input.city || !input.country) return undefined;
  const city = await findCity(db as Database, input.country, slugify(input.city));
  return city ? `${city.country.toLowerCase()}/${city.slug}` : undefined;
}

/**
 * An editor announces an event: recorded under an id made of its title and year, audited
 * (`event_create`), and told to the followers of its themes, city, country and group. Returns its id.
 * @example const id = await createEvent(db, input, { userId: 3, role: 'editor', ip: null });
 */
export async function createEvent(db: Database, input: EventInput, actor: EventEditor): Promise<string> {
  authorize(actor, eventPolicy.create);
  return db.transaction().execute(async (trx) => {
    const words = slugify(input.title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '');
    const id = await freeEventId(trx, `${words || 'event'}-${localDay(input.startsAt, input.timeZone).slice(0, 4)}`);
    await insertEvent(trx, { id, ...columns(input), created_by: actor.userId });
    await recordAudit(trx, { action: 'event_create', actorUserId: actor.userId, target: id, ip: actor.ip, details: { title: input.title } });
    await recordActivity(trx, {
      kind: 'event_published',
      title: input.title,
      path: `/events/${id}`,
      summary: input.description?.slice(0, 500),
      themes: input.themes,
      city: await cityKey(trx, input),
      country: input.country ?? undefined,
      group: input.group ?? undefined,
      actorId: actor.userId,
    });
    return id;
  });
}

/**
 * An editor changes an event, audited (`event_update`, naming the fields changed). More places
 * than before go at once to the people waiting, in order (each mailed), in the same transaction.
 * A 404 for an unknown event.
 * @example await editEvent(db, 'housing-forum-2027', input, actor, 'https://ch.example');
 */
export async function editEvent(db: Database, id: string, input: EventInput, actor: EventEditor, publicUrl: string): Promise<void> {
  authorize(actor, eventPolicy.edit);
  await db.transaction().execute(async (trx) => {
    const before = await lockEvent(trx, id);
    if (!before) throw notFound(`no event "${id}"`);
    const after = columns(input);
    const beforeValues: Record<string, unknown> = { ...before, materials: JSON.stringify(before.materials.map((m) => ({ title: m.title, url: m.url }))) };
    const changed = Object.entries(after)
      .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(beforeValues[k]))
      .map(([k]) => k);
    await updateEvent(trx, id, after);
    await recordAudit(trx, { action: 'event_update', actorUserId: actor.userId, target: id, ip: actor.ip, details: { changed } });
    const now = await lockEvent(trx, id);
    if (now && now.starts_at > new Date()) await promoteWaiting(trx, now, publicUrl);
  });
}
