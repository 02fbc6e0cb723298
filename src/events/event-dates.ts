import type { EventRow } from './event.repo.ts';
import { localDay } from './zoned-time.ts';

/**
 * When an event takes place, in the reader's language and the organiser's time zone: "28
 * September 2009", "6–7 April 2009" for all-day events; "16 March 2027, 15:00–16:30 GMT+1" for
 * timed ones (the zone's offset said, so a reader elsewhere can work out their own time).
 * @example eventWhen('en', event) // '6–7 April 2009'
 */
export function eventWhen(locale: string, e: Pick<EventRow, 'starts_at' | 'ends_at' | 'all_day' | 'time_zone'>): string {
  if (e.all_day) {
    const format = new Intl.DateTimeFormat(locale, { timeZone: e.time_zone, dateStyle: 'long' });
    // The end is the midnight after the last day.
    const lastDay = new Date(e.ends_at.getTime() - 1);
    return format.formatRange(e.starts_at, lastDay);
  }
  const range = new Intl.DateTimeFormat(locale, {
    timeZone: e.time_zone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).formatRange(e.starts_at, e.ends_at);
  // A range on one day leaves the zone out: its offset at the start is said after it.
  const zone = new Intl.DateTimeFormat(locale, { timeZone: e.time_zone, timeZoneName: 'shortOffset' })
    .formatToParts(e.starts_at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return zone ? `${range} ${zone}` : range;
}

/** The event's start as an ISO 8601 value for `<time datetime>`: the date alone for an all-day event. */
export function eventDatetime(e: Pick<EventRow, 'starts_at' | 'all_day' | 'time_zone'>): string {
  if (!e.all_day) return e.starts_at.toISOString();
  return localDay(e.starts_at, e.time_zone);
}
