import ical, { ICalCalendarMethod } from 'ical-generator';
import type { EventRow } from './event.repo.ts';
import { localDay } from './zoned-time.ts';

/**
 * Events as an iCalendar file (RFC 5545): each with a stable UID, its page as URL, its place or
 * online link as LOCATION, its organisers and themes. An all-day event has dates only (its days
 * in the organiser's zone); a timed one its start and end in UTC, which every calendar shows in
 * its reader's own time.
 * @example const text = eventsCalendar([event], { name: 'Clearinghouse events', publicUrl: 'https://ch.example' });
 */
export function eventsCalendar(events: EventRow[], options: { name: string; publicUrl: string }): string {
  const host = new URL(options.publicUrl).host;
  const calendar = ical({ name: options.name, prodId: { company: 'Clearinghouse', product: 'events', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  for (const e of events) {
    const url = `${options.publicUrl}/events/${encodeURIComponent(e.id)}`;
    const place = [e.venue, e.city].filter(Boolean).join(', ');
    const common = {
      id: `${e.id}@${host}`,
      summary: e.example ? `${e.title} (example)` : e.title,
      description: [e.description, e.organisers.length ? `Organisers: ${e.organisers.join(', ')}` : null, url].filter(Boolean).join('\n\n'),
      location: place || e.online_url || undefined,
      url,
      categories: e.themes.map((name) => ({ name })),
      stamp: e.updated_at,
    };
    if (e.all_day) {
      // Dates only: the days in the organiser's zone, the end exclusive (the midnight after the last day).
      calendar.createEvent({
        ...common,
        allDay: true,
        start: new Date(`${localDay(e.starts_at, e.time_zone)}T00:00:00Z`),
        end: new Date(`${localDay(e.ends_at, e.time_zone)}T00:00:00Z`),
      });
    } else calendar.createEvent({ ...common, start: e.starts_at, end: e.ends_at });
  }
  return calendar.toString();
}
