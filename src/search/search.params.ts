import { isAssessmentCriterion } from '../assessments/assessment-criteria.ts';
import { m49Region } from '../geo/countries.ts';
import { badRequest } from '../http/errors.ts';
import { actorTypes, statuses, themes } from '../vocabulary/vocabularies.ts';

export const sortOrders = ['relevance', 'newest', 'title'] as const;
export type SortOrder = (typeof sortOrders)[number];

/** Longest query we search for; longer ones are cut with a notice. */
export const maxQueryLength = 200;

/** A search, as it lives in the URL: query, filters (each multi-valued), period, sort and page. */
export interface SearchParams {
  q: string;
  theme: string[];
  region: string[];
  country: string[];
  /** `<country>-<city slug>` in lower case, e.g. `it-turin`. */
  city: string[];
  actor: string[];
  target: string[];
  status: string[];
  evidence: number[];
  /** Assessment criteria an editor judged "yes": practical, innovative, successful, transferable. */
  assessed: string[];
  from?: number;
  to?: number;
  sort?: SortOrder;
  page: number;
}

/** What was dropped from the URL while reading it, to tell the user. */
export interface ParseNotes {
  ignored: { param: string; value: string }[];
  truncatedQuery: boolean;
}

/** Multi-valued filter parameters, in the order facets are shown. */
export const facetParams = ['theme', 'region', 'country', 'city', 'actor', 'target', 'status', 'evidence', 'assessed'] as const;
export type FacetParam = (typeof facetParams)[number];

const validators: Record<Exclude<FacetParam, 'evidence'>, (v: string) => boolean> = {
  theme: (v) => (themes as readonly string[]).includes(v),
  actor: (v) => (actorTypes as readonly string[]).includes(v),
  status: (v) => (statuses as readonly string[]).includes(v),
  region: (v) => /^\d{3}$/.test(v) && m49Region(v) !== undefined,
  country: (v) => /^[A-Z]{2}$/.test(v),
  city: (v) => /^[a-z]{2}-[\p{L}\p{N}-]{1,120}$/u.test(v),
  target: (v) => v.length > 0 && v.length <= 120,
  assessed: isAssessmentCriterion,
};

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

  const multi = (name: Exclude<FacetParam, 'evidence'>) => {
    const values: string[] = [];
    for (const raw of query.getAll(name).flatMap((v) => v.split(','))) {
      const v = name === 'country' ? raw.trim().toUpperCase() : name === 'target' ? raw.trim() : raw.trim().toLowerCase();
      if (!v) continue;
      if (validators[name](v)) {
        if (!values.includes(v)) values.push(v);
      } else notes.ignored.push({ param: name, value: raw });
    }
    return values;
  };

  const evidence: number[] = [];
  for (const raw of query.getAll('evidence').flatMap((v) => v.split(','))) {
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 1 && n <= 5) {
      if (!evidence.includes(n)) evidence.push(n);
    } else if (raw.trim()) notes.ignored.push({ param: 'evidence', value: raw });
  }

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

  const params: SearchParams = {
    q,
    theme: multi('theme'),
    region: multi('region'),
    country: multi('country'),
    city: multi('city'),
    actor: multi('actor'),
    target: multi('target'),
    status: multi('status'),
    evidence,
    assessed: multi('assessed'),
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
  for (const name of facetParams) for (const v of p[name] as (string | number)[]) qs.append(name, String(v));
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
