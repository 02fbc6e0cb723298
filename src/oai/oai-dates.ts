/** Granularity of an OAI-PMH date argument. */
export type Granularity = 'day' | 'seconds';

/** A parsed `from`/`until`: the instant it starts at, its granularity, and the text given. */
export interface OaiDate {
  at: Date;
  granularity: Granularity;
  text: string;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const secondsPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * Reads an OAI-PMH date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ), or undefined if it is neither
 * or names no real day (2024-02-30).
 * @example parseOaiDate('2024-05-01')?.granularity // 'day'
 */
export function parseOaiDate(text: string): OaiDate | undefined {
  const m = dayPattern.exec(text) ?? secondsPattern.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const at = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  const back = at.toISOString();
  if (Number(y) < 1 || back.slice(0, 10) !== text.slice(0, 10) || (m.length > 4 && back.slice(11, 19) !== text.slice(11, 19))) return undefined;
  return { at, granularity: dayPattern.test(text) ? 'day' : 'seconds', text };
}

/**
 * The exclusive end of an inclusive `until`: the next day or the next second.
 * @example untilExclusive(parseOaiDate('2024-05-01')!) // 2024-05-02T00:00:00Z
 */
export function untilExclusive(date: OaiDate): Date {
  return new Date(date.at.getTime() + (date.granularity === 'day' ? 86_400_000 : 1000));
}

/**
 * A datestamp at the repository's granularity (seconds, UTC).
 * @example oaiDatestamp(new Date('2024-05-01T10:00:00.456Z')) // '2024-05-01T10:00:00Z'
 */
export function oaiDatestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
