import type { TextSegment } from './engine/highlight.ts';
import type { OrderKey } from './order-cursor.ts';
import type { FacetParam, SearchParams, SortOrder } from './search.params.ts';

export type { TextSegment };

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
  /** Language of the title and summary shown (the reader's, where the record has a translation). */
  lang: string;
  /** The title with the words the query matched marked (only when there is a query). */
  titleMarks?: TextSegment[];
  /** An excerpt of the summary, or of the long text where only it matched, with matched words marked. */
  snippet?: TextSegment[];
}

/** Why a search found what it found: words no practice holds, spellings used, filters that emptied it. */
export interface SearchExplanation {
  /** Meaningful words of the query that no practice mentions (after spelling correction). */
  unmatched: string[];
  /** Misspelt words and the indexed word searched for instead. */
  corrected: { word: string; correctedTo: string }[];
  /** When filters leave nothing of a query that matched: how many results each filter's removal would give. */
  withoutFilter: { param: FacetParam | 'period'; values: string[]; count: number }[];
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
  /** Present when there is a query. */
  explanation?: SearchExplanation;
  /** In the newest and title orders, the key of the page's last practice, while more follow: the next page's cursor. */
  nextKey?: OrderKey;
}
