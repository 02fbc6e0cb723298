import type { CatalogueSnapshot } from './catalogue-snapshot.ts';
import { type OrderKey, positionAfter } from './order-cursor.ts';
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
    const selected = params[facet];
    if (!selected.length) continue;
    const col = snap.facets[facet];
    // Any of the row's values among the selected ones (SQL: array overlap, IN, or any region level):
    // the union of the selected values' row lists.
    const pass = new Uint8Array(snap.size);
    for (const v of selected) {
      const code = col.codeOf.get(v);
      if (code === undefined) continue;
      const rows = col.rowsOf[code];
      for (let k = 0; k < rows.length; k++) pass[rows[k]] = 1;
    }
    filters.push({ facet, pass });
  }
  if (params.from !== undefined || params.to !== undefined) {
    const from = params.from ?? Number.NEGATIVE_INFINITY;
    const to = params.to ?? Number.POSITIVE_INFINITY;
    const pass = new Uint8Array(snap.size);
    // NaN (no start year) fails both comparisons: a practice without a start year is outside every period.
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

/** Adds the codes of rows[0 .. length) to counts, in one facet's column or (with the snapshot's row-major codes) in all at once. */
function tally(offsets: Int32Array, codes: Int32Array, counts: Int32Array, rows: Int32Array, length: number, sign: 1 | -1): void {
  for (let j = 0; j < length; j++) {
    const i = rows[j];
    const end = offsets[i + 1];
    for (let k = offsets[i]; k < end; k++) counts[codes[k]] += sign;
  }
}

/** The rows of the catalogue missing from an ascending list of rows. */
function complement(size: number, rows: Int32Array): Int32Array {
  const out = new Int32Array(size - rows.length);
  let k = 0;
  let next = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    while (next < i) out[k++] = next++;
    next = i + 1;
  }
  while (next < size) out[k++] = next++;
  return out;
}

/** Codes of rows (offsets, codes) with their counts over the whole catalogue: one facet's column, or all of them row-major. */
interface Coded {
  offsets: Int32Array;
  codes: Int32Array;
  totals: Int32Array;
}

/** Counts of codes over rows[0 .. length), or over the whole catalogue. */
function countsOver(size: number, coded: Coded, rows: Int32Array | null, length = rows?.length ?? size): Int32Array {
  if (!rows) return coded.totals.slice();
  if (length > size / 2) {
    // A broad word matches most of the catalogue: taking the few missing rows away is cheaper.
    const counts = coded.totals.slice();
    const missing = complement(size, rows.subarray(0, length));
    tally(coded.offsets, coded.codes, counts, missing, missing.length, -1);
    return counts;
  }
  const counts = new Int32Array(coded.totals.length);
  tally(coded.offsets, coded.codes, counts, rows, length, 1);
  return counts;
}

/** Every facet at once: the snapshot's row-major codes. */
const allFacets = (snap: CatalogueSnapshot): Coded => ({ offsets: snap.allCodes.offsets, codes: snap.allCodes.codes, totals: snap.allTotals });

/**
 * Applies the filters to the candidates (the text matches, ascending, or the whole catalogue)
 * and counts each facet's values among the rows passing every filter but that facet's own —
 * the same semantics the SQL facet query had.
 * @example const { passing, facetRows } = filterAndCount(snap, params, matches);
 */
export function filterAndCount(snap: CatalogueSnapshot, params: SearchParams, candidates: Int32Array | null): FilterOutcome {
  const filters = activeFilters(snap, params);
  if (filters.length === 0) {
    return {
      passing: candidates ?? snap.allRows,
      facetRows: facetRows(snap, params, countsOver(snap.size, allFacets(snap), candidates), candidates?.length ?? snap.count),
    };
  }
  // Bit k of a row's mark is set when the row fails filter k.
  const fails = new Int32Array(snap.size);
  filters.forEach((f, k) => {
    const bit = 1 << k;
    const pass = f.pass;
    for (let i = 0; i < snap.size; i++) if (pass[i] === 0) fails[i] |= bit;
  });
  const rows = candidates ?? snap.allRows;
  const passing = new Int32Array(rows.length);
  const oneFailure = new Int32Array(rows.length);
  let passed = 0;
  let failedOnce = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    const f = fails[i];
    if (f === 0) passing[passed++] = i;
    else if ((f & (f - 1)) === 0) oneFailure[failedOnce++] = i;
  }
  // Rows passing every filter count for every facet: one pass over their row-major codes.
  const counts = countsOver(snap.size, allFacets(snap), passing, passed);
  // Rows failing exactly one facet's filter count for that facet only (its other values stay visible).
  filters.forEach((filter, k) => {
    if (filter.facet === 'period') return;
    const n = facetParams.indexOf(filter.facet);
    const col = snap.facets[filter.facet];
    if (filters.length === 1) {
      // The only filter: its facet counts over every candidate, as if nothing were selected.
      counts.set(countsOver(snap.size, col, candidates), snap.base[n]);
      return;
    }
    const own = counts.subarray(snap.base[n]);
    const bit = 1 << k;
    const rowsOfFacet = new Int32Array(failedOnce);
    let m = 0;
    for (let j = 0; j < failedOnce; j++) if (fails[oneFailure[j]] === bit) rowsOfFacet[m++] = oneFailure[j];
    tally(col.offsets, col.codes, own, rowsOfFacet, m, 1);
  });
  return { passing: passing.slice(0, passed), facetRows: facetRows(snap, params, counts, passed) };
}

/** The listed values of every facet with their counts (the most frequent, and every selected one), and the total. */
function facetRows(snap: CatalogueSnapshot, params: SearchParams, allCounts: Int32Array, total: number): FacetCountRow[] {
  const rows: FacetCountRow[] = [];
  facetParams.forEach((facet, n) => {
    const col = snap.facets[facet];
    const selected = new Set(params[facet]);
    const c = allCounts.subarray(snap.base[n], snap.base[n + 1]);
    // Only values counted at least as often as the facetLimit-th most frequent can be listed (or
    // selected ones): sorting those few is much cheaper than sorting thousands of cities.
    const floor = c.length > facetLimit ? Math.max(1, c.slice().sort()[c.length - facetLimit]) : 1;
    const present: number[] = [];
    for (let code = 0; code < c.length; code++) if (c[code] >= floor || (c[code] > 0 && selected.has(col.values[code]))) present.push(code);
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
 * relevance without a query) by id; with `after` (newest or title), the page after that key.
 */
export function pageInOrder(
  snap: CatalogueSnapshot,
  passing: Int32Array,
  sort: Exclude<SortOrder, 'relevance'> | 'id',
  offset: number,
  limit: number,
  after?: OrderKey,
): number[] {
  if (sort === 'id') return Array.from(passing.subarray(offset, offset + limit));
  const keep = rowMask(snap.size, passing);
  const order = sort === 'newest' ? snap.newestOrder : snap.titleOrder;
  const page: number[] = [];
  // After a cursor, the page starts right after its key (found by bisection); else `offset` rows in.
  const skip = after ? 0 : offset;
  let seen = 0;
  for (let k = after ? positionAfter(snap, order, after) : 0; k < order.length; k++) {
    const i = order[k];
    if (!keep[i]) continue;
    if (seen++ < skip) continue;
    page.push(i);
    if (page.length === limit) break;
  }
  return page;
}
