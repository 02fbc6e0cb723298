/** A name in CSL-JSON: organisations and people credited by their display name are one literal. */
export interface CslName {
  literal: string;
}

/** A CSL date: year, month, day (month and day optional). */
export interface CslDate {
  'date-parts': [[number, number?, number?]];
}

/**
 * One item of CSL-JSON (citationstyles.org), the one description of a work every citation
 * format here (plain text, BibTeX, RIS, meta tags) is derived from.
 */
export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author: CslName[];
  issued: CslDate;
  accessed: CslDate;
  URL: string;
  publisher: string;
  'container-title': string;
  language: string;
  abstract?: string;
  keyword?: string;
}

/** Who a work credits: organisations first (lead, partners), then people who agreed to be named. */
export interface CitedAuthor {
  name: string;
  kind: 'organization' | 'person';
}

/** What a citation is made from; the caller maps its own record onto it. */
export interface CitationSource {
  id: string;
  title: string;
  summary?: string;
  language: string;
  authors: CitedAuthor[];
  /** When the work was last updated: an ISO 8601 date or date-time. */
  issued: string | Date;
  /** The day the reader looked at it. */
  accessed: Date;
  url: string;
  /** The site that publishes it (the message catalogue's site name). */
  siteName: string;
  keywords: string[];
}

/** The year, month and day of an ISO date or date-time, or of a Date (in UTC). */
export function cslDate(value: string | Date): CslDate {
  const iso = typeof value === 'string' ? value : value.toISOString();
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return { 'date-parts': [[y, m, d]] };
}

/**
 * A CSL date as `YYYY-MM-DD` (or shorter when month or day is unknown), with a separator of choice.
 * @example isoDate(cslDate('2019-05-02'), '/') // '2019/05/02'
 */
export function isoDate(date: CslDate, separator = '-'): string {
  return date['date-parts'][0]
    .filter((n): n is number => n !== undefined)
    .map((n, i) => (i === 0 ? String(n).padStart(4, '0') : String(n).padStart(2, '0')))
    .join(separator);
}

/**
 * The CSL-JSON item of a work. Authors are deduplicated (case-insensitively), in the order given.
 * @example const item = cslItem({ id: 'x', title: 'T', language: 'en', authors: [], issued: '2019-05-02', accessed: new Date(), url, siteName, keywords: [] });
 */
export function cslItem(source: CitationSource): CslItem {
  const seen = new Set<string>();
  const author = source.authors.flatMap((a) => {
    const key = a.name.trim().toLowerCase();
    if (!key || seen.has(key)) return [];
    seen.add(key);
    return [{ literal: a.name.trim() }];
  });
  return {
    id: source.id,
    type: 'webpage',
    title: source.title,
    author,
    issued: cslDate(source.issued),
    accessed: cslDate(source.accessed),
    URL: source.url,
    publisher: source.siteName,
    'container-title': source.siteName,
    language: source.language,
    ...(source.summary ? { abstract: source.summary } : {}),
    ...(source.keywords.length ? { keyword: source.keywords.join(', ') } : {}),
  };
}
