import { defaultPageSize, encodeCursor } from '../http/openapi.ts';
import { type ParseNotes, searchQueryString } from '../search/search.params.ts';
import type { SearchResult } from '../search/search.types.ts';
import { practicePageUrl, withQuery } from './open-data.urls.ts';

/** One practice in an API result list. */
export interface ApiPracticeItem {
  id: string;
  title: string;
  summary: string;
  city: string | null;
  country: string;
  themes: string[];
  url: string;
}

/** The body of GET /api/v1/practices. */
export interface ApiSearchResponse {
  total: number;
  page: number;
  page_size: number;
  lang: string;
  items: ApiPracticeItem[];
  facets: SearchResult['facets'];
  next: string | null;
  /** Filter values that were not understood and so did not filter (unknown theme, malformed country…). */
  ignored: { param: string; value: string }[];
  query_truncated?: boolean;
  /** With a query: its meaningful words that no practice mentions. */
  unmatched?: string[];
  /** With a query: misspelt words and the indexed word also searched for. */
  corrected?: { word: string; corrected_to: string }[];
}

/**
 * Presents a search result for the JSON API: absolute URLs, and the URL of the next page
 * (keeping every parameter, including `lang` when it was given; a cursor in the newest and title
 * orders, a page number by relevance) or null on the last page.
 * @example return c.json(toApiSearchResponse(result, { publicUrl, lang: 'en', langGiven: false, notes }));
 */
export function toApiSearchResponse(
  result: SearchResult,
  options: { publicUrl: string; lang: string; langGiven: boolean; notes: ParseNotes },
): ApiSearchResponse {
  const { publicUrl, lang, notes } = options;
  const asked = result.params;
  let next: string | null = null;
  if (result.nextKey) {
    // The newest and title orders page on by their last practice's key: stable across writes.
    const qs = new URLSearchParams(searchQueryString(asked, { page: 1 }));
    qs.set('cursor', encodeCursor(result.nextKey));
    if (options.langGiven) qs.set('lang', lang);
    if (result.pageSize !== defaultPageSize) qs.set('page_size', String(result.pageSize));
    next = withQuery(`${publicUrl}/api/v1/practices`, qs.toString());
  } else if (result.sort === 'relevance' && result.page < result.pageCount && result.total > 0) {
    const qs = new URLSearchParams(searchQueryString(asked, { page: result.page + 1 }));
    if (options.langGiven) qs.set('lang', lang);
    if (result.pageSize !== defaultPageSize) qs.set('page_size', String(result.pageSize));
    next = withQuery(`${publicUrl}/api/v1/practices`, qs.toString());
  }
  return {
    total: result.total,
    page: result.page,
    page_size: result.pageSize,
    lang,
    items: result.hits.map((h) => ({
      id: h.id,
      title: h.title,
      summary: h.summary,
      city: h.city,
      country: h.country,
      themes: h.themes,
      url: practicePageUrl(publicUrl, h.id),
    })),
    facets: result.facets,
    next,
    ignored: notes.ignored,
    ...(notes.truncatedQuery ? { query_truncated: true } : {}),
    ...(result.explanation
      ? {
          unmatched: result.explanation.unmatched,
          corrected: result.explanation.corrected.map((c) => ({ word: c.word, corrected_to: c.correctedTo })),
        }
      : {}),
  };
}
