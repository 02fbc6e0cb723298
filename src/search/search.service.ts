import type { RawBuilder } from 'kysely';
import type { Database } from '../db/database.ts';
import { foldName } from '../shared/text.ts';
import { catalogueVersion } from './catalogue-version.repo.ts';
import { SearchCache } from './search-cache.ts';
import { isGlossaryTerm } from './glossary.ts';
import { closestWords } from './search-words.repo.ts';
import { type CatalogueSnapshot, currentSnapshot } from './catalogue-snapshot.ts';
import { byQuality, type FilterOutcome, filterAndCount, pageInOrder } from './facet-engine.ts';
import { textQuery, textQueryParts } from './search-filters.ts';
import { type HitRow, hitRows, markEnd, markStart, matchingSeqs, rankedHitRows } from './search.repo.ts';
import { effectiveSort, type FacetParam, facetParams, type SearchParams, type SortOrder, searchQueryString } from './search.params.ts';
import type { FacetValue, SearchHit, SearchResult } from './search.types.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a headline for HTML, then turns the match sentinels into <mark> elements. */
export function snippetToHtml(snippet: string): string {
  return snippet
    .replace(/[&<>"']/g, (ch) => escapes[ch])
    .replaceAll(markStart, '<mark>')
    .replaceAll(markEnd, '</mark>');
}

/** "… " before an excerpt that does not start where the summary starts. */
function excerptMarker(summary: string, snippet: string): string {
  const plain = snippet.replaceAll(markStart, '').replaceAll(markEnd, '');
  return summary.startsWith(plain.slice(0, 20)) ? '' : '… ';
}

function toHit(row: HitRow): SearchHit {
  const { snippet, seq: _seq, ...rest } = row;
  return {
    id: rest.id,
    title: rest.title,
    summary: rest.summary,
    city: rest.city,
    country: rest.country,
    themes: rest.themes,
    status: rest.status,
    started: rest.started,
    ...(snippet && snippet.includes(markStart) ? { snippetHtml: excerptMarker(rest.summary, snippet) + snippetToHtml(snippet) } : {}),
  };
}

/**
 * A spelling of the query where words absent from the indexed vocabulary are replaced by
 * their nearest indexed word ("refugee houseing" → "refugee housing"); undefined when nothing changes.
 */
export async function correctQuery(db: Database, q: string): Promise<string | undefined> {
  const words = q.split(/\s+/).filter(Boolean);
  const folded = words.map((raw) => foldName(raw.replace(/^["'(-]+|["').,;:!?]+$/g, '')));
  // Short words, operators and glossary terms are never corrected; the rest are looked up together.
  const checked = folded.filter((word) => word.length >= 3 && !/^(or|and|not)$/i.test(word) && !isGlossaryTerm(word));
  const closest = await closestWords(db, [...new Set(checked)]);
  let changed = false;
  const corrected = words.map((raw, n) => {
    const word = folded[n];
    if (!closest.has(word)) return raw;
    const better = closest.get(word);
    if (!better || better === word) return raw;
    changed = true;
    return better;
  });
  return changed ? corrected.join(' ') : undefined;
}

/** correctQuery through the snapshot's cache: the same words with other filters, sorts or pages ask once per version. */
async function cachedCorrection(db: Database, snap: CatalogueSnapshot, q: string): Promise<string | undefined> {
  const known = snap.corrections.get(q, snap.version);
  if (known !== undefined) return known ?? undefined;
  const corrected = await correctQuery(db, q);
  snap.corrections.set(q, snap.version, corrected ?? null);
  return corrected;
}

/** Candidates ranked by text relevance; the rest of the matches follow in quality order. */
const rankedCandidates = 200;

/** The rows of one page of a search, in its sort order. */
async function pageRows(db: Database, snap: CatalogueSnapshot, passing: Int32Array, params: SearchParams, locale: string, sort: SortOrder, limit: number, offset: number): Promise<HitRow[]> {
  const seqsOf = (rows: ArrayLike<number>) => Array.from(rows, (i) => snap.seqs[i]);
  if (sort !== 'relevance' || !params.q) {
    return hitRows(db, seqsOf(pageInOrder(snap, passing, sort === 'relevance' ? 'id' : sort, offset, limit)), params.q, locale);
  }
  const ordered = byQuality(snap, passing, Math.max(rankedCandidates, offset + limit));
  const top = Math.min(rankedCandidates, ordered.length);
  // The best candidates by quality are ranked by text relevance; past them (deep pages of a broad search), quality order.
  const ranked = offset < top ? await rankedHitRows(db, seqsOf(ordered.subarray(0, top)), params.q, locale, offset, Math.min(limit, top - offset)) : [];
  const from = Math.max(offset, top);
  const rest = from < offset + limit ? await hitRows(db, seqsOf(ordered.subarray(from, offset + limit)), params.q, locale) : [];
  return [...ranked, ...rest];
}

/** Row indexes of the practices a tsquery matches, from the snapshot's cache or the text index. */
async function cachedMatches(db: Database, snap: CatalogueSnapshot, key: string, tsquery: RawBuilder<unknown>): Promise<Int32Array> {
  const cached = snap.matches.get(key, snap.version);
  if (cached) return cached;
  const seqs = await matchingSeqs(db, tsquery);
  // Seqs written after the snapshot was taken are left out until the next version.
  const found = new Int32Array(seqs.length);
  let k = 0;
  for (const seq of seqs) {
    const i = seq < snap.indexOfSeq.length ? snap.indexOfSeq[seq] : -1;
    if (i >= 0) found[k++] = i;
  }
  // Ascending row order: the facet engine walks them in order and intersections merge.
  const matches = found.slice(0, k).sort();
  snap.matches.set(key, snap.version, matches);
  return matches;
}

/**
 * Row indexes of the practices whose text matches the query. A query the glossary split into
 * parts is the intersection of its parts' matches, each cached on its own: "refugee housing"
 * and "housing employment" share the work for "housing".
 */
async function textMatches(db: Database, snap: CatalogueSnapshot, q: string, locale: string): Promise<Int32Array> {
  const parts = textQueryParts(q, locale);
  if (!parts) return cachedMatches(db, snap, `${locale}|query|${q}`, textQuery(q, locale));
  let result = await cachedMatches(db, snap, parts[0].key, parts[0].query);
  for (const part of parts.slice(1)) {
    if (result.length === 0) break;
    result = intersectSorted(result, await cachedMatches(db, snap, part.key, part.query));
  }
  return result;
}

/** The rows in both ascending lists, ascending. */
function intersectSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out[k++] = a[i];
      i++;
      j++;
    }
  }
  return out.slice(0, k);
}

/** What the query and filters leave and the facet counts, shared by every sort and page of the same search. */
async function filterOutcome(db: Database, snap: CatalogueSnapshot, params: SearchParams, locale: string): Promise<FilterOutcome> {
  const key = `${locale}|${searchQueryString({ ...params, sort: undefined, page: 1 })}`;
  const cached = snap.outcomes.get(key, snap.version);
  if (cached) return cached;
  const candidates = params.q ? await textMatches(db, snap, params.q, locale) : null;
  const outcome = filterAndCount(snap, params, candidates);
  snap.outcomes.set(key, snap.version, outcome);
  return outcome;
}

/**
 * A search: the text match in the database (an int array of keys), filters, facet counts and
 * sorting on the in-memory snapshot, ranking of the best candidates and the page's rows in the database.
 */
async function runSearch(db: Database, snap: CatalogueSnapshot, params: SearchParams, locale: string, pageSize: number) {
  const sort = effectiveSort(params);
  const outcome = await filterOutcome(db, snap, params, locale);
  const { passing, facetRows } = outcome;
  const rows = await pageRows(db, snap, passing, params, locale, sort, pageSize, (params.page - 1) * pageSize);
  const total = passing.length;
  const facets = Object.fromEntries(facetParams.map((f) => [f, [] as FacetValue[]])) as Record<FacetParam, FacetValue[]>;
  for (const r of facetRows) {
    if (r.facet === 'total' || r.value === null) continue;
    const selected = (params[r.facet] as (string | number)[]).map(String).includes(r.value);
    facets[r.facet].push({ value: r.value, count: r.n, selected, ...(r.label ? { label: r.label } : {}) });
  }
  // A selected value with no matches still shows, with 0, so it can be removed.
  for (const f of facetParams) {
    for (const v of (params[f] as (string | number)[]).map(String)) {
      if (!facets[f].some((x) => x.value === v)) facets[f].push({ value: v, count: 0, selected: true });
    }
    facets[f].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return { sort, total, facets, hits: rows.map(toHit) };
}

let cacheSize = 500;
const caches = new WeakMap<Database, SearchCache<SearchResult>>();

/** Sets how many search answers each database handle keeps in memory (0 turns caching off). */
export function configureSearchCache(size: number): void {
  cacheSize = size;
}

/**
 * Runs a search through the per-process cache: answers are reused until the catalogue
 * version in the database changes (any write bumps it), so every instance stays correct.
 */
export async function searchPractices(
  db: Database,
  params: SearchParams,
  options: { locale: string; pageSize?: number; /** The catalogue version, when the caller has just read it. */ version?: number },
): Promise<SearchResult> {
  if (cacheSize <= 0) return searchUncached(db, params, options);
  let cache = caches.get(db);
  if (!cache) {
    cache = new SearchCache<SearchResult>(cacheSize);
    caches.set(db, cache);
  }
  const key = `${options.locale}|${options.pageSize ?? 20}|${searchQueryString({ ...params, sort: effectiveSort(params) })}`;
  const version = options.version ?? (await catalogueVersion(db));
  const hit = cache.get(key, version);
  if (hit) return hit;
  const result = await searchUncached(db, params, { ...options, version });
  cache.set(key, version, result);
  return result;
}

/**
 * Runs a search: one page of hits, the total and facet counts. When a query finds nothing
 * and a corrected spelling does, the corrected results are returned with `correctedFrom`;
 * otherwise a better spelling, when one exists, is offered as `suggestion`.
 * @example const result = await searchUncached(db, params, { locale: 'en' });
 */
export async function searchUncached(
  db: Database,
  params: SearchParams,
  options: { locale: string; pageSize?: number; /** The catalogue version, when the caller has just read it. */ version?: number },
): Promise<SearchResult> {
  const pageSize = options.pageSize ?? 20;
  const snap = await currentSnapshot(db, options.version);
  let effective = params;
  let outcome = await runSearch(db, snap, params, options.locale, pageSize);
  let correctedFrom: string | undefined;
  let suggestion: string | undefined;
  if (params.q) {
    const corrected = await cachedCorrection(db, snap, params.q);
    if (corrected) {
      if (outcome.total === 0) {
        const retry = await runSearch(db, snap, { ...params, q: corrected }, options.locale, pageSize);
        if (retry.total > 0) {
          outcome = retry;
          effective = { ...params, q: corrected };
          correctedFrom = params.q;
        } else suggestion = corrected;
      } else suggestion = corrected;
    }
  }
  return {
    params: effective,
    sort: outcome.sort,
    total: outcome.total,
    page: params.page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(outcome.total / pageSize)),
    hits: outcome.hits,
    facets: outcome.facets,
    ...(correctedFrom ? { correctedFrom } : {}),
    ...(suggestion ? { suggestion } : {}),
  };
}
