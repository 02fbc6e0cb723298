import type { Database } from '../db/database.ts';
import { readCounter } from '../db/site-version.repo.ts';
import { type DocumentMatch, matchDocuments } from '../search/engine/document-match.ts';
import { parseQuery } from '../search/engine/query-parser.ts';
import { TextIndex } from '../search/engine/text-index.ts';
import type { ResourceQuery } from './resource.query.ts';
import { filteredResourceIds, type ListedResource, resourcesByIds, resourceTexts } from './resource.repo.ts';

/** The library's text index per database, kept for one site version (any write to the library moves it on). */
const kept = new WeakMap<Database, { version: number; index: Promise<TextIndex> }>();

/** Reads every resource into a fresh index: title, abstract, and as context its publisher, authors and themes. */
async function buildIndex(db: Database): Promise<TextIndex> {
  const index = new TextIndex();
  for (const r of await resourceTexts(db)) {
    // A resource in several languages is read in its first; theme keys are English words.
    const language = r.languages[0] ?? 'en';
    index.put({
      seq: r.id,
      hash: String(r.version),
      parts: [
        { field: 'title', text: r.title, language },
        { field: 'summary', text: r.abstract, language },
        { field: 'context', text: [r.publisher, ...r.authors].filter(Boolean).join(' · '), language },
        { field: 'context', text: r.themes.map((t) => t.replaceAll('-', ' ')).join(' · '), language: 'en' },
      ],
    });
  }
  return index;
}

/** The index at the current site version, built once per version (concurrent requests share the build). */
async function currentIndex(db: Database): Promise<TextIndex> {
  const version = await readCounter(db, 'site_version');
  let entry = kept.get(db);
  if (entry?.version !== version) {
    entry = { version, index: buildIndex(db) };
    kept.set(db, entry);
  }
  return entry.index;
}

/** A page of the library: the resources shown, how many match, and the words matched (to mark). */
export interface ResourceResults {
  items: ListedResource[];
  total: number;
  markKeys: Set<string>;
}

/**
 * What the query matches in the library with the practices' relevance model — the same query
 * reading (phrases, exclusions, stop words, glossary terms in six languages) and BM25F ranking
 * over a text index of the resources — narrowed by the filters in SQL; best match first, or
 * newest first without search words. Only the page's rows are read in full.
 * @example const { items, total } = await searchResources(db, { q: 'housing', page: 1, page_size: 20 }, 'en');
 */
export async function searchResources(db: Database, q: ResourceQuery, locale: string): Promise<ResourceResults> {
  const parsed = q.q ? parseQuery(q.q, locale) : undefined;
  const searching = parsed && (parsed.clauses.length > 0 || parsed.phrases.length > 0 || parsed.excluded.length > 0);
  const [ids, match] = await Promise.all([filteredResourceIds(db, q), searching ? currentIndex(db).then((index) => matchDocuments(index, parsed)) : undefined]);
  const ranked = match ? byRelevance(ids, match) : ids;
  const start = (q.page - 1) * q.page_size;
  const items = await resourcesByIds(db, ranked.slice(start, start + q.page_size));
  return { items, total: ranked.length, markKeys: match?.markKeys ?? new Set() };
}

/** The matched ids among the filtered ones, best score first; ties keep the library's order. */
function byRelevance(ids: number[], match: DocumentMatch): number[] {
  const order = new Map(ids.map((id, i) => [id, i]));
  return ids
    .filter((id) => match.scores.has(id))
    .sort((a, b) => (match.scores.get(b) ?? 0) - (match.scores.get(a) ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
