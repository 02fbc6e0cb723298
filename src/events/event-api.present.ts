import type { EventMaterial } from '../db/schema.ts';
import type { ListedEvent } from './event.repo.ts';
import { localDay } from './zoned-time.ts';

/** An event as the API gives it. */
export interface ApiEvent {
  id: string;
  title: string;
  /** conference, roundtable, webinar, study-visit or training. */
  type: string;
  /** The start and end instants (ISO 8601, UTC); for an all-day event the end is the midnight after its last day. */
  starts_at: string;
  ends_at: string;
  all_day: boolean;
  /** An all-day event's first and last days in its organiser's zone (YYYY-MM-DD); null for a timed one. */
  first_day: string | null;
  last_day: string | null;
  /** The organiser's IANA time zone. */
  time_zone: string;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  venue: string | null;
  online_url: string | null;
  /** ISO 639-1 codes. */
  languages: string[];
  organisers: string[];
  themes: string[];
  /** The thematic group's slug, when it belongs to one. */
  group: string | null;
  /** Where to register on the organiser's site. */
  registration_url: string | null;
  /** Places for registration on the site, and how many are left; null when registration is not on the site. */
  capacity: number | null;
  places_left: number | null;
  example: boolean;
  url: string;
  ics: string;
}

/** An event in full: the list's fields with its description, outcomes and materials (Markdown as written). */
export interface ApiEventDetail extends ApiEvent {
  description: string | null;
  outcomes: string | null;
  materials: EventMaterial[];
}

/**
 * An event in the API's shape: instants in UTC with the organiser's zone beside them, its page
 * and calendar file, never who registered.
 * @example toApiEvent(row, 'https://ch.example').ics // 'https://ch.example/events/…/event.ics'
 */
export function toApiEvent(e: ListedEvent, publicUrl: string): ApiEvent {
  const url = `${publicUrl}/events/${encodeURIComponent(e.id)}`;
  return {
    id: e.id,
    title: e.title,
    type: e.type,
    starts_at: e.starts_at.toISOString(),
    ends_at: e.ends_at.toISOString(),
    all_day: e.all_day,
    first_day: e.all_day ? localDay(e.starts_at, e.time_zone) : null,
    last_day: e.all_day ? localDay(new Date(e.ends_at.getTime() - 1), e.time_zone) : null,
    time_zone: e.time_zone,
    city: e.city,
    country: e.country,
    venue: e.venue,
    online_url: e.online_url,
    languages: e.languages,
    organisers: e.organisers,
    themes: e.themes,
    group: e.group_slug,
    registration_url: e.registration_url,
    capacity: e.capacity,
    places_left: e.capacity ? Math.max(0, e.capacity - e.registered) : null,
    example: e.example,
    url,
    ics: `${url}/event.ics`,
  };
}

/** An event in full, for GET /api/v1/events/{id}. */
export function toApiEventDetail(e: ListedEvent, publicUrl: string): ApiEventDetail {
  return {
    ...toApiEvent(e, publicUrl),
    description: e.description,
    outcomes: e.outcomes,
    materials: e.materials.map((m) => ({ title: m.title, url: m.url })),
  };
}
