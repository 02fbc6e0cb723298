import type { Database } from '../db/database.ts';
import { type ListedEvent, listEvents } from '../events/event.repo.ts';
import { type ListedGroup, listGroups } from '../groups/group.repo.ts';
import { type ListedOrganization, listOrganizations } from '../organizations/organization.repo.ts';
import { listPeople, type PublicPerson } from '../people/person.repo.ts';
import type { ListedResource } from '../resources/resource.repo.ts';
import { searchResources } from '../resources/resource-search.ts';
import { parseQuery } from '../search/engine/query-parser.ts';
import { parseSearchParams } from '../search/search.params.ts';
import { searchPractices } from '../search/search.service.ts';
import type { SearchHit } from '../search/search.types.ts';

/** How many of each kind the page shows; the rest are one link away. */
export const shownPerKind = 5;

/** A few of one kind of result, and how many there are. */
export interface Found<T> {
  items: T[];
  total: number;
}

/** What a list found, and for which of the query's words (all of them, or the one that found something). */
export type Matched<T> = Found<T> & { words: string };

/** Everything a query finds on the site. */
export interface SiteResults {
  q: string;
  /** The words the directory, people, events and groups were searched for (the query's stop words dropped). */
  words: string;
  practices: Found<SearchHit>;
  organizations: Matched<ListedOrganization>;
  people: Matched<PublicPerson>;
  events: Matched<ListedEvent>;
  groups: Matched<ListedGroup>;
  /** The resource library, ranked by the same engine as practices. */
  resources: Found<ListedResource>;
}

/**
 * Searches the whole site for one query: practices with the catalogue's own engine (best match,
 * every language), and the organisations, people, events and groups holding every meaningful
 * word of it in their names and descriptions ("how do cities…" looks for "cities"), or else its
 * most telling word.
 * @example const found = await searchSite(db, 'refugee housing', 'en', new Date());
 */
export async function searchSite(db: Database, q: string, locale: string, now: Date): Promise<SiteResults> {
  const parsed = parseQuery(q, locale);
  const words = [...parsed.clauses.filter((c) => !c.partOfTerm).map((c) => c.text), ...parsed.phrases].join(' ');
  const { params } = parseSearchParams(new URLSearchParams({ q }));
  const terms = words.split(' ').filter(Boolean);
  const [practices, organizations, people, events, groups, resources] = await Promise.all([
    searchPractices(db, params, { locale, pageSize: shownPerKind }),
    bestMatch(
      terms,
      (w) => listOrganizations(db, { q: w }, 0, shownPerKind),
      (o) => o.slug,
    ),
    bestMatch(
      terms,
      (w) => listPeople(db, { q: w }, 0, shownPerKind),
      (p) => p.slug,
    ),
    bestMatch(
      terms,
      (w) => listEvents(db, { q: w }, now, 0, shownPerKind),
      (e) => e.id,
    ),
    bestMatch(
      terms,
      (w) => listGroups(db, { q: w }, 0, shownPerKind),
      (g) => g.slug,
    ),
    searchResources(db, { q, page: 1, page_size: shownPerKind }, locale),
  ]);
  return {
    q,
    words,
    practices: { items: practices.hits, total: practices.total },
    organizations,
    people,
    events,
    groups,
    resources: { items: resources.items, total: resources.total },
  };
}

/** Words tried one by one when no name holds them all: a question's first few. */
const wordsTriedAlone = 4;

/**
 * What a list finds for the query's words: those holding every word; when none does, those
 * holding any of its first words, the ones holding more of them first, then those found by the
 * rarer word (a question's words are seldom all in one name). `words` is what the list's own
 * page is searched for in the link to it: all the words, or the word that found the most.
 */
async function bestMatch<T>(terms: string[], run: (words: string) => Promise<Found<T>>, key: (item: T) => string): Promise<Matched<T>> {
  if (terms.length === 0) return { items: [], total: 0, words: '' };
  const all = await run(terms.join(' '));
  if (all.total > 0 || terms.length === 1) return { ...all, words: terms.join(' ') };
  const scored = new Map<string, { item: T; words: number; rarest: number }>();
  let rarest: { words: string; total: number } | undefined;
  let widest: { words: string; total: number } | undefined;
  for (const word of terms.slice(0, wordsTriedAlone)) {
    const found = await run(word);
    if (found.total === 0) continue;
    if (!rarest || found.total < rarest.total) rarest = { words: word, total: found.total };
    if (!widest || found.total > widest.total) widest = { words: word, total: found.total };
    for (const item of found.items) {
      const seen = scored.get(key(item)) ?? { item, words: 0, rarest: Number.POSITIVE_INFINITY };
      seen.words += 1;
      seen.rarest = Math.min(seen.rarest, found.total);
      scored.set(key(item), seen);
    }
  }
  if (!rarest || !widest) return { ...all, words: terms.join(' ') };
  const items = [...scored.values()].sort((a, b) => b.words - a.words || a.rarest - b.rarest).map((x) => x.item);
  // At least as many as any one word finds, and as those shown; the link lists the word finding most.
  return { items: items.slice(0, shownPerKind), total: Math.max(widest.total, scored.size), words: widest.words };
}
