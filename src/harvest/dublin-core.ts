import { countryExists } from '../geo/countries.ts';
import { slugify } from '../shared/text.ts';
import { themes } from '../vocabulary/vocabularies.ts';

/** Longest summary of the exchange format; a longer description keeps its whole text as the body. */
const summaryMax = 2000;

/**
 * Maps a Dublin Core record (oai_dc: each element a list) to a practice in the exchange format
 * as far as it goes: title; description as summary (and body when longer); subjects that name a
 * theme of the vocabulary; coverage as a country code or else a city; language; identifier URLs
 * as sources. What Dublin Core cannot say (a theme, a country…) is left out, and the validation
 * reports the record as lacking it.
 * @example mapDublinCore({ title: ['Welcome desk'], subject: ['Housing'] }, String) // { title: 'Welcome desk', themes: ['housing'], … }
 */
export function mapDublinCore(dc: Record<string, unknown[]>, textOf: (node: unknown) => string): Record<string, unknown> {
  const all = (name: string) => (dc[name] ?? []).map(textOf).filter((v) => v !== '');
  const record: Record<string, unknown> = {};
  const [title] = all('title');
  if (title) record.title = title;
  const description = all('description').join('\n\n');
  if (description) {
    record.summary = description.length > summaryMax ? `${description.slice(0, summaryMax - 1)}…` : description;
    if (description.length > summaryMax) record.body = description;
  }
  const matched = [
    ...new Set(
      all('subject')
        .map(slugify)
        .filter((s) => (themes as readonly string[]).includes(s)),
    ),
  ];
  if (matched.length > 0) record.themes = matched;
  for (const place of all('coverage')) {
    if (/^[A-Za-z]{2}$/.test(place) && countryExists(place.toUpperCase())) record.country ??= place.toUpperCase();
    else record.city ??= place;
  }
  const language = all('language')
    .map((l) => /^([a-z]{2})(?:[-_].*)?$/i.exec(l)?.[1]?.toLowerCase())
    .find((l) => l !== undefined);
  if (language) record.language = language;
  const urls = all('identifier').filter((u) => /^https?:\/\/\S+$/i.test(u) && URL.canParse(u));
  if (urls.length > 0) record.sources = urls.map((url) => ({ url }));
  return record;
}
