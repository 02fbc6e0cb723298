import type { Database } from '../db/database.ts';
import { type CatalogueSnapshot, currentSnapshot } from './catalogue-snapshot.ts';
import { catalogueVersion } from './catalogue-version.repo.ts';
import { excerpt, hasMark, markMatches } from './engine/highlight.ts';
import { type TextMatch, topRows } from './engine/text-match.ts';
import { type FilterOutcome, filterAndCount, pageInOrder } from './facet-engine.ts';
import { type OrderKey, orderKeyOf } from './order-cursor.ts';
import { queryMatch } from './query-match.ts';
import { effectiveSort, type FacetParam, facetParams, type SearchParams, searchQueryString } from './search.params.ts';
import { type ResultRow, resultRows } from './search.repo.ts';
import type { FacetValue, SearchExplanation, SearchHit, SearchResult } from './search.types.ts';
import { SearchCache } from './search-cache.ts';

/** A result row as shown: the reader's translation where there is one, matched words marked. */
function toHit(row: ResultRow, locale: string, match: TextMatch | null): SearchHit {
  const translated = row.tr_title !== null || row.tr_summary !== null;
  const lang = translated ? locale : row.language;
  const title = row.tr_title ?? row.title;
  const summary = row.tr_summary ?? row.summary;
  const hit: SearchHit = {
    id: row.id,
    title,
    summary,
    lang,
    city: row.city,
    country: row.country,
    themes: row.themes,
    status: row.status,
    started: row.started,
  };
  if (!match || match.markKeys.size === 0) return hit;
  const titleMarks = markMatches(title, lang, match.markKeys);
  if (hasMark(titleMarks)) hit.titleMarks = titleMarks;
  const inSummary = markMatches(summary, lang, match.markKeys);
  if (hasMark(inSummary)) hit.snippet = excerpt(inSummary, 280);
  return hit;
}

/**
 * Excerpts of the long text for the hits whose summary does not mention the words. The long
 * texts come with the page's rows, in the same query, whenever the query has words to mark:
 * most hits of a word query need one, and a second round trip cost more than the text.
 */
function addLongTextSnippets(hits: SearchHit[], rows: ResultRow[], match: TextMatch | null): void {
  if (!match || match.markKeys.size === 0) return;
  rows.forEach((row, i) => {
    if (!row.body || hits[i].snippet) return;
    const inBody = markMatches(row.body, row.language, match.markKeys);
    if (hasMark(inBody)) hits[i].snippet = excerpt(inBody, 280);
  });
}

/** What the query and filters leave and the facet counts, shared by every sort and page of the same search. */
function filterOutcome(snap: CatalogueSnapshot, params: SearchParams, locale: string, match: TextMatch | null): FilterOutcome {
  const key = `${locale}|${searchQueryString({ ...params, sort: undefined, page: 1 })}`;
  const cached = snap.outcomes.get(key, snap.version);
  if (cached) return cached;
  const outcome = filterAndCount(snap, params, match ? match.rows : null);
  snap.outcomes.set(key, snap.version, outcome);
  return outcome;
}

/** The filters of a search one by one, with what the search would find without each. */
function withoutEachFilter(snap: CatalogueSnapshot, params: SearchParams, match: TextMatch | null): SearchExplanation['withoutFilter'] {
  const out: SearchExplanation['withoutFilter'] = [];
  const candidates = match ? match.rows : null;
  for (const f of facetParams) {
    const values = params[f];
    if (!values.length) continue;
    const count = filterAndCount(snap, { ...params, [f]: [] }, candidates).passing.length;
    if (count > 0) out.push({ param: f, values, count });
  }
  if (params.from !== undefined || params.to !== undefined) {
    const count = filterAndCount(snap, { ...params, from: undefined, to: undefined }, candidates).passing.length;
    if (count > 0) out.push({ param: 'period', values: [String(params.from ?? ''), String(params.to ?? '')], count });
  }
  return out.sort((a, b) => b.count - a.count);
}

/** Facet values and counts as shown: every selected value listed, even at 0, so it can be removed. */
function facetsOf(outcome: FilterOutcome, params: SearchParams): Record<FacetParam, FacetValue[]> {
  const facets = Object.fromEntries(facetParams.map((f) => [f, [] as FacetValue[]])) as Record<FacetParam, FacetValue[]>;
  for (const r of outcome.facetRows) {
    if (r.facet === 'total' || r.value === null) continue;
    const selected = params[r.facet].includes(r.value);
    facets[r.facet].push({ value: r.value, count: r.n, selected, ...(r.label ? { label: r.label } : {}) });
  }
  for (const f of facetParams) {
    for (const v of params[f]) {
      if (!facets[f].some((x) => x.value === v)) facets[f].push({ value: v, count: 0, selected: true });
    }
    facets[f].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return facets;
}

/**
 * Runs a search: the query scored on the in-memory text index (every match ranked by BM25F),
 * filters, facet counts and other orders on the catalogue snapshot, then the page's rows from
 * the database with the matched words marked.
 * @example const result = await searchUncached(db, params, { locale: 'en' });
 */
export async function searchUncached(
  db: Database,
  params: SearchParams,
  options: {
    locale: string;
    pageSize?: number;
    /** The catalogue version, when the caller has just read it. */
    version?: number;
    /** The page after this key (newest and title orders: the API's cursor). */
    after?: OrderKey;
  },
): Promise<SearchResult> {
  const { locale } = options;
  const pageSize = options.pageSize ?? 20;
  const snap = await currentSnapshot(db, options.version);
  const sort = effectiveSort(params);
  const match = params.q ? await queryMatch(db, snap, params.q, locale) : null;
  const outcome = filterOutcome(snap, params, locale, match);
  const { passing } = outcome;
  const offset = (params.page - 1) * pageSize;
  const pageRowIndexes =
    sort === 'relevance' && match
      ? topRows(match, passing, offset, pageSize)
      : pageInOrder(snap, passing, sort === 'relevance' ? 'id' : sort, offset, pageSize, options.after);
  const rows = await resultRows(
    db,
    Array.from(pageRowIndexes, (i) => snap.seqs[i]),
    locale,
    Boolean(match && match.markKeys.size > 0),
  );
  const hits = rows.map((r) => toHit(r, locale, match));
  addLongTextSnippets(hits, rows, match);
  const result: SearchResult = {
    params,
    sort,
    total: passing.length,
    page: params.page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(passing.length / pageSize)),
    hits,
    facets: facetsOf(outcome, params),
  };
  const last = pageRowIndexes[pageRowIndexes.length - 1];
  if (sort !== 'relevance' && last !== undefined && pageRowIndexes.length === pageSize) {
    const nextKey = orderKeyOf(snap, sort, last);
    // More follow when some passing row comes after this one in the order.
    if (pageInOrder(snap, passing, sort, 0, 1, nextKey).length > 0) result.nextKey = nextKey;
  }
  if (match) {
    result.explanation = {
      unmatched: match.reports.filter((r) => r.matches === 0).map((r) => r.text),
      corrected: match.reports.flatMap((r) => (r.correctedTo ? [{ word: r.text, correctedTo: r.correctedTo }] : [])),
      withoutFilter: passing.length === 0 && match.rows.length > 0 ? withoutEachFilter(snap, params, match) : [],
    };
  }
  return result;
}

/**
 * How many practices matching a search hold each value of a facet, over all of them (the
 * sidebar lists only the most frequent), and how many hold none: what the map draws, counted
 * on the snapshot instead of aggregated over the table.
 * @example const { counts, none } = await countsByValue(db, params, 'en', 'city');
 */
export async function countsByValue(
  db: Database,
  params: SearchParams,
  locale: string,
  facet: FacetParam,
): Promise<{ counts: Map<string, number>; none: number }> {
  const snap = await currentSnapshot(db);
  const match = params.q ? await queryMatch(db, snap, params.q, locale) : null;
  const { passing } = filterOutcome(snap, params, locale, match);
  const col = snap.facets[facet];
  const perCode = new Int32Array(col.values.length);
  let none = 0;
  for (const row of passing) {
    const from = col.offsets[row];
    const to = col.offsets[row + 1];
    if (from === to) none++;
    for (let j = from; j < to; j++) perCode[col.codes[j]]++;
  }
  const counts = new Map<string, number>();
  perCode.forEach((n, code) => {
    if (n > 0) counts.set(col.values[code], n);
  });
  return { counts, none };
}

/** The answers kept per database handle. */
const caches = new WeakMap<Database, SearchCache<SearchResult>>();

/**
 * Runs a search through the per-process cache of `cacheSize` answers (config SEARCH_CACHE_SIZE;
 * 0 or absent: no cache): answers are reused until the catalogue version in the database
 * changes (any write to practices bumps it), so every instance stays correct.
 * @example const result = await searchPractices(db, params, { locale: 'en', cacheSize: config.SEARCH_CACHE_SIZE });
 */
export async function searchPractices(
  db: Database,
  params: SearchParams,
  options: {
    locale: string;
    pageSize?: number;
    cacheSize?: number;
    /** The catalogue version, when the caller has just read it. */
    version?: number;
    after?: OrderKey;
  },
): Promise<SearchResult> {
  const cacheSize = options.cacheSize ?? 0;
  if (cacheSize <= 0) return searchUncached(db, params, options);
  let cache = caches.get(db);
  if (!cache) {
    cache = new SearchCache<SearchResult>(cacheSize);
    caches.set(db, cache);
  }
  const key = `${options.locale}|${options.pageSize ?? 20}|${searchQueryString({ ...params, sort: effectiveSort(params) })}|${options.after ? JSON.stringify(options.after) : ''}`;
  const version = options.version ?? (await catalogueVersion(db));
  const hit = cache.get(key, version);
  if (hit) return hit;
  const result = await searchUncached(db, params, { ...options, version });
  cache.set(key, version, result);
  return result;
}

/**
 * The keys (`seq`) of the published practices a query matches, best first, for exports, feeds,
 * the map and city pages, which then filter and read them in SQL: the same matching as the
 * search page. Null when the query holds nothing to search for.
 * @example const seqs = await matchedSeqs(db, 'logement', 'fr');
 */
export async function matchedSeqs(db: Database, q: string, locale: string): Promise<number[] | null> {
  const snap = await currentSnapshot(db);
  const match = await queryMatch(db, snap, q, locale);
  if (!match) return null;
  return Array.from(match.rows, (row) => snap.seqs[row]);
}
