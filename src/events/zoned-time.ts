/**
 * Times of events in their organiser's time zone (IANA names), without a library: the offset of a
 * zone at an instant is read from `Intl`, which knows every zone's daylight-saving rules.
 */

/** The zone's offset from UTC at an instant, in minutes (New York in winter: -300). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** Whether a name is a time zone `Intl` knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant of a wall-clock time in a zone: "2027-03-16T15:00" in Europe/Berlin is 14:00 UTC.
 * A time skipped by a clock change is read as after it; a repeated one as its first occurrence.
 * @example zonedToUtc('2009-09-28T00:00', 'America/New_York').toISOString() // '2009-09-28T04:00:00.000Z'
 */
export function zonedToUtc(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`not a local date or time: ${local}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  // Two passes: the offset at the guess, then at the instant it gives (they differ near a clock change).
  let instant = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  instant = wall - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/**
 * The calendar day of an instant in a zone, as YYYY-MM-DD.
 * @example localDay(new Date('2009-09-28T04:00:00Z'), 'America/New_York') // '2009-09-28'
 */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * The wall-clock time of an instant in a zone, as HH:MM (24 hours).
 * @example localTime(new Date('2027-03-16T14:00:00Z'), 'Europe/Berlin') // '15:00'
 */
export function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/**
 * Whether a wall-clock time happens in a zone: false for one the clocks skip when they go forward
 * (02:30 in Berlin on 28 March 2027), which no instant shows.
 * @example wallClockExists('2027-03-28T02:30', 'Europe/Berlin') // false
 */
export function wallClockExists(local: string, timeZone: string): boolean {
  const at = zonedToUtc(local, timeZone);
  return `${localDay(at, timeZone)}T${localTime(at, timeZone)}` === local;
}

/** Every IANA zone `Intl` knows, for a select; UTC first. */
export function timeZoneNames(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
}
