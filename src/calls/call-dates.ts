/** Where a call stands at an instant: not yet open, open, or closed. */
export type CallPhase = 'upcoming' | 'open' | 'closed';

/**
 * The phase of a call at `now`: open from `opens_at` (included) until `closes_at` (excluded) —
 * a submission at the closing instant is late.
 * @example callPhase(call, new Date()) // 'open'
 */
export function callPhase(c: { opens_at: Date; closes_at: Date }, now: Date): CallPhase {
  if (now < c.opens_at) return 'upcoming';
  return now < c.closes_at ? 'open' : 'closed';
}

/**
 * An instant in a zone, in the reader's language, with the zone's offset said so a reader
 * elsewhere can work out their own time: "March 31, 2027 at 5:00 PM GMT+2".
 * @example zonedWhen('en', new Date('2027-03-31T15:00:00Z'), 'Europe/Berlin')
 */
export function zonedWhen(locale: string, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(at) + offsetOf(locale, at, timeZone);
}

/** " GMT+2": the zone's offset at an instant, as the reader's language writes it. */
function offsetOf(locale: string, at: Date, timeZone: string): string {
  const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return name ? ` ${name}` : '';
}

/**
 * How far an instant is from `now`, in words of the reader's language, in the largest whole unit:
 * "in 3 days", "in 5 hours", "2 weeks ago". Computed on the server, so it needs no script.
 * @example relativeWords('en', new Date(Date.now() + 3 * 86_400_000 + 60_000), new Date()) // 'in 3 days'
 */
export function relativeWords(locale: string, at: Date, now: Date): string {
  const seconds = Math.trunc((at.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 86_400],
    ['month', 30 * 86_400],
    ['week', 7 * 86_400],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  return format.format(seconds, 'second');
}
