import type { CatalogueSnapshot } from './catalogue-snapshot.ts';
import { type FacetParam, facetParams, type SearchParams, type SortOrder } from './search.params.ts';
import type { FacetCountRow } from './search.repo.ts';

/** Most values listed per facet (selected values are always kept). */
const facetLimit = 40;

/** A mark per snapshot row, set for the given rows: membership in O(1) while walking rows in order. */
export function rowMask(size: number, rows: Int32Array): Uint8Array {
  const mask = new Uint8Array(size);
  for (const i of rows) mask[i] = 1;
  return mask;
}

/** A filter as the engine applies it: which facet (or the period), and which rows pass it (1) or not (0). */
interface ActiveFilter {
  facet: FacetParam | 'period';
  pass: Uint8Array;
}

function activeFilters(snap: CatalogueSnapshot, params: SearchParams): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  for (const facet of facetParams) {
    const selected = (params[facet] as (string | number)[]).map(String);
    if (!selected.length) continue;
    const col = snap.facets[facet];
    const wanted = new Uint8Array(col.values.length);
    for (const v of selected) {
      const code = col.codeOf.get(v);
      if (code !== undefined) wanted[code] = 1;
    }
    // Any of the row's values among the selected ones (SQL: array overlap, IN, or any region level).
    const pass = new Uint8Array(snap.size);
    const { offsets, codes } = col;
    for (let i = 0; i < snap.size; i++) {
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        if (wanted[codes[k]]) {
          pass[i] = 1;
          break;
        }
      }
    }
    filters.push({ facet, pass });
  }
  if (params.from !== undefined || params.to !== undefined) {
    const from = params.from ?? Number.NEGATIVE_INFINITY;
    const to = params.to ?? Number.POSITIVE_INFINITY;
    const pass = new Uint8Array(snap.size);
    // NaN (no start year) fails both comparisons, as NULL did in SQL.
    for (let i = 0; i < snap.size; i++) pass[i] = snap.started[i] >= from && snap.started[i] <= to ? 1 : 0;
    filters.push({ facet: 'period', pass });
  }
  return filters;
}

/** What the filters leave of the candidates, and every facet's counts. */
export interface FilterOutcome {
  /** Row indexes passing every filter, in ascending order. */
  passing: Int32Array;
  facetRows: FacetCountRow[];
}

/**
 * Applies the filters to the candidates (the text matches, or the whole catalogue) and counts
 * each facet's values among the rows passing every filter but that facet's own — the same
 * semantics the SQL facet query had, in one pass over the rows.
 * @example const { passing, facetRows } = filterAndCount(snap, params, matches);
 */
export function filterAndCount(snap: CatalogueSnapshot, params: SearchParams, candidates: Int32Array | null): FilterOutcome {
  const filters = activeFilters(snap, params);
  const counts = facetParams.map((f) => new Uint32Array(snap.facets[f].values.length));
  // Candidates are walked in row order (a mark per row): memory is read front to back, and
  // the passing rows come out sorted.
  const isCandidate = candidates ? rowMask(snap.size, candidates) : null;
  const passing = new Int32Array(candidates ? candidates.length : snap.size);
  let passed = 0;
  // Rows failing exactly one facet's filter count for that facet only (its other values stay visible).
  const onlyFailing = facetParams.map(() => [] as number[]);
  const facetOfFilter = filters.map((f) => (f.facet === 'period' ? -1 : facetParams.indexOf(f.facet)));
  const passes = filters.map((f) => f.pass);
  for (let i = 0; i < snap.size; i++) {
    if (isCandidate && !isCandidate[i]) continue;
    let failedAt = -1;
    let failures = 0;
    for (let k = 0; k < passes.length; k++) {
      if (passes[k][i]) continue;
      failedAt = k;
      if (++failures > 1) break;
    }
    if (failures === 0) passing[passed++] = i;
    else if (failures === 1 && facetOfFilter[failedAt] >= 0) onlyFailing[facetOfFilter[failedAt]].push(i);
  }
  // One tight loop per facet over the rows that count for it.
  for (let n = 0; n < facetParams.length; n++) {
    const { offsets, codes } = snap.facets[facetParams[n]];
    const c = counts[n];
    if (!candidates && passed === snap.size) {
      for (let k = 0; k < codes.length; k++) c[codes[k]]++;
    } else {
      for (let j = 0; j < passed; j++) {
        const i = passing[j];
        for (let k = offsets[i]; k < offsets[i + 1]; k++) c[codes[k]]++;
      }
    }
    for (const i of onlyFailing[n]) for (let k = offsets[i]; k < offsets[i + 1]; k++) c[codes[k]]++;
  }

  const rows: FacetCountRow[] = [];
  facetParams.forEach((facet, n) => {
    const col = snap.facets[facet];
    const selected = new Set((params[facet] as (string | number)[]).map(String));
    const c = counts[n];
    const present: number[] = [];
    for (let code = 0; code < c.length; code++) if (c[code] > 0) present.push(code);
    // Most frequent first; ties in value order (code-point order: the page sorts what it shows).
    present.sort((a, b) => c[b] - c[a] || (col.values[a] < col.values[b] ? -1 : col.values[a] > col.values[b] ? 1 : 0));
    present.forEach((code, rank) => {
      if (rank < facetLimit || selected.has(col.values[code])) rows.push({ facet, value: col.values[code], label: col.labels[code], n: c[code] });
    });
  });
  rows.push({ facet: 'total', value: null, label: null, n: passed });
  return { passing: passing.slice(0, passed), facetRows: rows };
}

/**
 * One page of row indexes in a sort that needs no text ranking: newest first, by title, or (for
 * relevance without a query) by id.
 */
export function pageInOrder(snap: CatalogueSnapshot, passing: Int32Array, sort: Exclude<SortOrder, 'relevance'> | 'id', offset: number, limit: number): number[] {
  if (sort === 'id') return Array.from(passing.subarray(offset, offset + limit));
  const keep = rowMask(snap.size, passing);
  const order = sort === 'newest' ? snap.newestOrder : snap.titleOrder;
  const page: number[] = [];
  let seen = 0;
  for (const i of order) {
    if (!keep[i]) continue;
    if (seen++ < offset) continue;
    page.push(i);
    if (page.length === limit) break;
  }
  return page;
}

/**
 * The passing rows in editorial-quality order, best first: the first `ranked` are worth
 * ranking by text relevance, the rest follow in quality order. Ranking every match of a word
 * that half the catalogue contains costs more than the rest of the search together, and such
 * a word says little about which practices are the best answers; quality does.
 */
export function byQuality(snap: CatalogueSnapshot, passing: Int32Array, upTo: number): Int32Array {
  const keep = rowMask(snap.size, passing);
  const out = new Int32Array(Math.min(upTo, passing.length));
  let k = 0;
  for (const i of snap.qualityOrder) {
    if (k === out.length) break;
    if (keep[i]) out[k++] = i;
  }
  return out;
}
