import type { CatalogueSnapshot, FacetColumn } from './catalogue-snapshot.ts';
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
    // Any of the row's values among the selected ones (SQL: array overlap, IN, or any region level):
    // the union of the selected values' row lists.
    const pass = new Uint8Array(snap.size);
    for (const v of selected) {
      const code = col.codeOf.get(v);
      if (code === undefined) continue;
      for (let k = col.rowOffsets[code]; k < col.rowOffsets[code + 1]; k++) pass[col.rows[k]] = 1;
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

/** Adds the codes of the listed rows to a facet's counts (or takes them away, with -1). */
function tally(col: FacetColumn, counts: Uint32Array, rows: ArrayLike<number>, length: number, sign: 1 | -1): void {
  const { offsets, codes } = col;
  for (let j = 0; j < length; j++) {
    const i = rows[j];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) counts[codes[k]] += sign;
  }
}

/** The rows of the catalogue missing from an ascending list of rows. */
function complement(size: number, rows: Int32Array): Int32Array {
  const out = new Int32Array(size - rows.length);
  let k = 0;
  let next = 0;
  for (const i of rows) {
    while (next < i) out[k++] = next++;
    next = i + 1;
  }
  while (next < size) out[k++] = next++;
  return out;
}

/** Every facet's counts over the given rows, when no filter is set (each row counts for every facet). */
function countsOver(snap: CatalogueSnapshot, rows: Int32Array | null): Uint32Array[] {
  return facetParams.map((f) => {
    const col = snap.facets[f];
    const counts = col.totals.slice();
    if (!rows) return counts;
    // A broad word matches most of the catalogue: taking the few missing rows away is cheaper.
    if (rows.length > snap.size / 2) {
      const missing = complement(snap.size, rows);
      tally(col, counts, missing, missing.length, -1);
    } else {
      counts.fill(0);
      tally(col, counts, rows, rows.length, 1);
    }
    return counts;
  });
}

/**
 * Applies the filters to the candidates (the text matches, ascending, or the whole catalogue)
 * and counts each facet's values among the rows passing every filter but that facet's own —
 * the same semantics the SQL facet query had, in one pass over the candidates.
 * @example const { passing, facetRows } = filterAndCount(snap, params, matches);
 */
export function filterAndCount(snap: CatalogueSnapshot, params: SearchParams, candidates: Int32Array | null): FilterOutcome {
  const filters = activeFilters(snap, params);
  if (filters.length === 0) {
    return { passing: candidates ?? snap.allRows, facetRows: facetRows(snap, params, countsOver(snap, candidates), candidates?.length ?? snap.size) };
  }
  const counts = facetParams.map((f) => new Uint32Array(snap.facets[f].values.length));
  const rows = candidates ?? snap.allRows;
  const passing = new Int32Array(rows.length);
  let passed = 0;
  // Rows failing exactly one facet's filter count for that facet only (its other values stay visible).
  const onlyFailing = facetParams.map(() => [] as number[]);
  const facetOfFilter = filters.map((f) => (f.facet === 'period' ? -1 : facetParams.indexOf(f.facet)));
  const passes = filters.map((f) => f.pass);
  for (const i of rows) {
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
  facetParams.forEach((f, n) => {
    const col = snap.facets[f];
    tally(col, counts[n], passing, passed, 1);
    tally(col, counts[n], onlyFailing[n], onlyFailing[n].length, 1);
  });
  return { passing: passing.slice(0, passed), facetRows: facetRows(snap, params, counts, passed) };
}

/** The listed values of every facet with their counts (the most frequent, and every selected one), and the total. */
function facetRows(snap: CatalogueSnapshot, params: SearchParams, counts: Uint32Array[], total: number): FacetCountRow[] {
  const rows: FacetCountRow[] = [];
  facetParams.forEach((facet, n) => {
    const col = snap.facets[facet];
    const selected = new Set((params[facet] as (string | number)[]).map(String));
    const c = counts[n];
    const present: number[] = [];
    for (let code = 0; code < c.length; code++) if (c[code] > 0) present.push(code);
    // Most frequent first; ties in value order (code-point order: the page sorts what it shows).
    present.sort((a, b) => c[b] - c[a] || col.valueRank[a] - col.valueRank[b]);
    present.forEach((code, rank) => {
      if (rank < facetLimit || selected.has(col.values[code])) rows.push({ facet, value: col.values[code], label: col.labels[code], n: c[code] });
    });
  });
  rows.push({ facet: 'total', value: null, label: null, n: total });
  return rows;
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
