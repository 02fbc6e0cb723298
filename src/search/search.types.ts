import type { FacetParam, SearchParams, SortOrder } from './search.params.ts';

/** One result of a search. */
export interface SearchHit {
  id: string;
  title: string;
  summary: string;
  city: string | null;
  country: string;
  themes: string[];
  status: string;
  started: number | null;
  /** HTML-escaped summary excerpt with <mark> around matched words (only when there is a query). */
  snippetHtml?: string;
}

/** Counts of one facet's values among the results, ignoring that facet's own selection. */
export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
  /** Display name where the value is a key (cities). */
  label?: string;
}

/** A full search answer: one page of hits, the total, facet counts and any query correction. */
export interface SearchResult {
  params: SearchParams;
  sort: SortOrder;
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  hits: SearchHit[];
  facets: Record<FacetParam, FacetValue[]>;
  /** When the query had no results and a corrected spelling did: the corrected query that was run. */
  correctedFrom?: string;
  /** A better spelling of the query, offered as "did you mean". */
  suggestion?: string;
}
