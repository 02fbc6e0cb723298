import { xmlEscape } from './xml-text.ts';

/** One record (a practice, a resource) as a feed entry. */
export interface AtomEntry {
  /** Absolute URL of the record's page; also the entry's permanent id. */
  url: string;
  /** Absolute URL of the same record as JSON. */
  jsonUrl: string;
  title: string;
  summary: string;
  language: string;
  published: Date;
  updated: Date;
  categories: { term: string; label: string }[];
}

/** A whole feed: its own URL (also its id), the HTML page it mirrors, and its entries, newest first. */
export interface AtomFeed {
  selfUrl: string;
  htmlUrl: string;
  title: string;
  subtitle: string;
  author: string;
  rights: string;
  entries: AtomEntry[];
}

const text = (tag: string, value: string, attrs = '') => `<${tag}${attrs}>${xmlEscape(value)}</${tag}>`;

function entryXml(e: AtomEntry): string {
  return [
    `<entry xml:lang="${xmlEscape(e.language)}">`,
    text('id', e.url),
    text('title', e.title, ' type="text"'),
    `<link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>`,
    `<link rel="alternate" type="application/json" href="${xmlEscape(e.jsonUrl)}"/>`,
    text('published', e.published.toISOString()),
    text('updated', e.updated.toISOString()),
    ...e.categories.map((c) => `<category term="${xmlEscape(c.term)}" label="${xmlEscape(c.label)}"/>`),
    text('summary', e.summary, ' type="text"'),
    '</entry>',
  ].join('\n');
}

/**
 * An Atom feed (RFC 4287) as a string. The feed's `updated` is its newest entry's, so an
 * unchanged catalogue gives a byte-identical feed and readers' conditional requests hit.
 * @example const xml = atomFeed({ selfUrl, htmlUrl, title, subtitle, author, rights, entries });
 */
export function atomFeed(feed: AtomFeed): string {
  const updated = new Date(Math.max(0, ...feed.entries.map((e) => e.updated.getTime())));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    text('id', feed.selfUrl),
    text('title', feed.title, ' type="text"'),
    text('subtitle', feed.subtitle, ' type="text"'),
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(feed.htmlUrl)}"/>`,
    text('updated', updated.toISOString()),
    `<author>${text('name', feed.author)}</author>`,
    text('rights', feed.rights),
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
