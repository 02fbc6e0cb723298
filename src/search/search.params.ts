import { badRequest } from '../http/errors.ts';
import { type FacetParam, facet, facetParams } from './facets.ts';

export { type FacetParam, facetParams } from './facets.ts';

export const sortOrders = ['relevance', 'newest', 'title'] as const;
export type SortOrder = (typeof sortOrders)[number];

/** Longest query we search for; longer ones are cut with a notice. */
export const maxQueryLength = 200;

/**
 * A search, as it lives in the URL: query, filters (each multi-valued, one per facet of
 * `facets.ts`), period, sort and page.
 */
export type SearchParams = {
  q: string;
  from?: number;
  to?: number;
  sort?: SortOrder;
  page: number;
} & Record<FacetParam, string[]>;

/** What was dropped from the URL while reading it, to tell the user. */
export interface ParseNotes {
  ignored: { param: string; value: string }[];
  truncatedQuery: boolean;
}

/**
 * Reads search parameters from a URL query. Unknown filter values are dropped and reported in
 * `notes`; with `strict` (the API), malformed `page`, `sort`, `from` or `to` are a 400 problem,
 * while pages just fall back to defaults.
 * @example const { params, notes } = parseSearchParams(new URL(c.req.url).searchParams);
 */
export function parseSearchParams(query: URLSearchParams, options: { strict?: boolean } = {}): { params: SearchParams; notes: ParseNotes } {
  const notes: ParseNotes = { ignored: [], truncatedQuery: false };
  const problems: { path: string; message: string }[] = [];

  let q = (query.get('q') ?? '').replace(/\s+/g, ' ').trim();
  if (q.length > maxQueryLength) {
    q = q.slice(0, maxQueryLength).trim();
    notes.truncatedQuery = true;
  }

  const multi = (name: FacetParam) => {
    const values: string[] = [];
    for (const raw of query.getAll(name).flatMap((v) => v.split(','))) {
      if (!raw.trim()) continue;
      const v = facet(name).parse(raw);
      if (v === undefined) notes.ignored.push({ param: name, value: raw });
      else if (!values.includes(v)) values.push(v);
    }
    return values;
  };

  const year = (name: 'from' | 'to') => {
    const raw = query.get(name)?.trim();
    if (!raw) return undefined;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 1900 && n <= 2100) return n;
    if (options.strict) problems.push({ path: name, message: 'must be a year between 1900 and 2100' });
    else notes.ignored.push({ param: name, value: raw });
    return undefined;
  };

  const sortRaw = query.get('sort')?.trim();
  let sort: SortOrder | undefined;
  if (sortRaw) {
    if ((sortOrders as readonly string[]).includes(sortRaw)) sort = sortRaw as SortOrder;
    else if (options.strict) problems.push({ path: 'sort', message: `must be one of ${sortOrders.join(', ')}` });
    else notes.ignored.push({ param: 'sort', value: sortRaw });
  }

  const pageRaw = query.get('page')?.trim();
  let page = 1;
  if (pageRaw) {
    const n = Number(pageRaw);
    if (Number.isInteger(n) && n >= 1 && n <= 100_000) page = n;
    else if (options.strict) problems.push({ path: 'page', message: 'must be a whole number from 1' });
    else notes.ignored.push({ param: 'page', value: pageRaw });
  }

  const params = {
    q,
    ...(Object.fromEntries(facetParams.map((name) => [name, multi(name)])) as Record<FacetParam, string[]>),
    from: year('from'),
    to: year('to'),
    sort,
    page,
  };
  if (problems.length > 0) throw badRequest(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
  return { params, notes };
}

/** The effective sort: relevance when there is a query, newest otherwise, unless chosen. */
export function effectiveSort(params: SearchParams): SortOrder {
  if (params.sort === 'relevance' && !params.q) return 'newest';
  return params.sort ?? (params.q ? 'relevance' : 'newest');
}

/**
 * Writes a search back to a query string (stable order), optionally changed: how facet links,
 * chips, pagination and downloads keep the rest of the search.
 * @example searchQueryString(params, { page: 2 }) // 'q=housing&theme=health&page=2'
 */
export function searchQueryString(params: SearchParams, change: Partial<SearchParams> = {}): string {
  const p = { ...params, ...change };
  const qs = new URLSearchParams();
  if (p.q) qs.set('q', p.q);
  for (const name of facetParams) for (const v of p[name]) qs.append(name, v);
  if (p.from !== undefined) qs.set('from', String(p.from));
  if (p.to !== undefined) qs.set('to', String(p.to));
  if (p.sort) qs.set('sort', p.sort);
  if (p.page > 1) qs.set('page', String(p.page));
  return qs.toString();
}

/** Whether any filter (besides the query) is applied. */
export function hasFilters(params: SearchParams): boolean {
  return facetParams.some((f) => params[f].length > 0) || params.from !== undefined || params.to !== undefined;
}

/**
 * The same search without any filter or period (query and sort kept), on its first page: "clear all".
 * @example searchQueryString(withoutFilters(params))
 */
export function withoutFilters(params: SearchParams): SearchParams {
  const none = Object.fromEntries(facetParams.map((f) => [f, [] as string[]])) as Record<FacetParam, string[]>;
  return { ...params, ...none, from: undefined, to: undefined, page: 1 };
}
