import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { catalogueVersion } from './catalogue-version.repo.ts';
import type { TextMatch } from './engine/text-match.ts';
import type { FilterOutcome } from './facet-engine.ts';
import { SearchCache } from './search-cache.ts';
import { type FacetParam, facetParams } from './search.params.ts';

/**
 * One facet's values for every practice, as small integer codes in compressed rows
 * (practice i has codes[offsets[i] .. offsets[i+1]]), with the dictionary of values.
 */
export interface FacetColumn {
  values: string[];
  codeOf: Map<string, number>;
  /** Display label per code (cities: the city's name), else null. */
  labels: (string | null)[];
  offsets: Int32Array;
  codes: Int32Array;
  /** The same relation inverted: the rows having code c are rows[rowOffsets[c] .. rowOffsets[c+1]], ascending. */
  rowOffsets: Int32Array;
  rows: Int32Array;
  /** Rows per code over the whole catalogue. */
  totals: Int32Array;
  /** Position of each code's value in code-point order, for tie-breaking with integers. */
  valueRank: Int32Array;
}

/**
 * The published catalogue's filterable fields, held in memory per app instance and rebuilt when
 * the catalogue version changes: facet counts and sorting run here in a few milliseconds instead
 * of aggregating tens of thousands of rows in SQL on every search. Row i is the i-th practice in
 * the database's id order, so ties break exactly as `ORDER BY id` did.
 */
export interface CatalogueSnapshot {
  version: number;
  size: number;
  /** 0 .. size-1: the whole catalogue as a list of rows. */
  allRows: Int32Array;
  seqs: Int32Array;
  /** Row index of each practice id. */
  rowOfId: Map<string, number>;
  /** Row index of each seq (-1 where none): a typed lookup, since match sets run to 100k seqs. */
  indexOfSeq: Int32Array;
  /** Start year, or NaN. */
  started: Float64Array;
  /** Editorial quality in [0, 1] (completeness and evidence): a small prior in ranking. */
  quality: Float32Array;
  /** Content hash of each row's record: the text index re-reads a practice when it changes. */
  hashes: string[];
  facets: Record<FacetParam, FacetColumn>;
  /**
   * Every facet's codes of a row side by side (row-major), codes shifted by each facet's
   * `base`, so the counts of all facets over a set of rows are one pass: row i has
   * `allCodes[allOffsets[i] .. allOffsets[i+1]]`, facet n's counts are `[base[n], base[n+1])`.
   */
  allOffsets: Int32Array;
  allCodes: Int32Array;
  /** Every facet's totals side by side, in the same code space. */
  allTotals: Int32Array;
  base: Int32Array;
  /** Row indexes in "newest" order and in title order. */
  newestOrder: Int32Array;
  titleOrder: Int32Array;
  /** Rows holding a quoted phrase, from the database, per language and phrase. */
  phraseMatches: SearchCache<Int32Array>;
  /**
   * Text matches already computed at this version (rows and scores per language and query):
   * the same words with other filters, sorts or pages are not scored again.
   */
  matches: SearchCache<TextMatch>;
  /** Filter outcomes (passing rows and facet counts) per query and filters, shared by every sort and page. */
  outcomes: SearchCache<FilterOutcome>;
}

/** Match sets kept per snapshot: at 100k practices a broad word's rows and scores are 800 KB. */
const matchCacheSize = 128;
/** Filter outcomes kept per snapshot: those without filters share the match set; the filtered ones are smaller. */
const outcomeCacheSize = 256;

interface SnapshotRow {
  seq: number;
  id: string;
  content_hash: string;
  quality: number;
  themes: string[];
  region: string | null;
  subregion: string | null;
  intermediate_region: string | null;
  country: string;
  city: string | null;
  city_key: string | null;
  actor_types: string[];
  target_groups: string[];
  status: string;
  evidence_level: number | null;
  assessed: string[];
  started: number | null;
  newest_pos: number | string;
  title_pos: number | string;
}

/** Builds one facet column from each row's values (and optional labels, the greatest kept, as SQL's max() did). */
function facetColumn(rows: SnapshotRow[], valuesOf: (r: SnapshotRow) => (string | null)[], labelOf?: (r: SnapshotRow) => string | null): FacetColumn {
  const values: string[] = [];
  const labels: (string | null)[] = [];
  const codeOf = new Map<string, number>();
  const offsets = new Int32Array(rows.length + 1);
  const codes: number[] = [];
  rows.forEach((r, i) => {
    offsets[i] = codes.length;
    const label = labelOf?.(r) ?? null;
    for (const v of valuesOf(r)) {
      if (v === null || v === undefined) continue;
      let code = codeOf.get(v);
      if (code === undefined) {
        code = values.length;
        codeOf.set(v, code);
        values.push(v);
        labels.push(label);
      } else if (label !== null && (labels[code] === null || label > (labels[code] as string))) labels[code] = label;
      codes.push(code);
    }
  });
  offsets[rows.length] = codes.length;
  const codeArray = Int32Array.from(codes);
  const totals = new Int32Array(values.length);
  for (const c of codeArray) totals[c]++;
  const rowOffsets = new Int32Array(values.length + 1);
  for (let c = 0; c < values.length; c++) rowOffsets[c + 1] = rowOffsets[c] + totals[c];
  const byCode = new Int32Array(codeArray.length);
  const fill = rowOffsets.slice(0, values.length);
  for (let i = 0; i < rows.length; i++) for (let k = offsets[i]; k < offsets[i + 1]; k++) byCode[fill[codeArray[k]]++] = i;
  const valueRank = new Int32Array(values.length);
  Array.from(values.keys())
    .sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0))
    .forEach((code, rank) => {
      valueRank[code] = rank;
    });
  return { values, codeOf, labels, offsets, codes: codeArray, rowOffsets, rows: byCode, totals, valueRank };
}

/** The facet columns interleaved per row, each facet's codes shifted into one code space. */
function rowMajor(facets: Record<FacetParam, FacetColumn>, size: number): Pick<CatalogueSnapshot, 'allOffsets' | 'allCodes' | 'allTotals' | 'base'> {
  const base = new Int32Array(facetParams.length + 1);
  facetParams.forEach((f, n) => {
    base[n + 1] = base[n] + facets[f].values.length;
  });
  const columns = facetParams.map((f) => facets[f]);
  const allOffsets = new Int32Array(size + 1);
  const allCodes = new Int32Array(columns.reduce((sum, col) => sum + col.codes.length, 0));
  let k = 0;
  for (let i = 0; i < size; i++) {
    allOffsets[i] = k;
    columns.forEach((col, n) => {
      for (let c = col.offsets[i]; c < col.offsets[i + 1]; c++) allCodes[k++] = base[n] + col.codes[c];
    });
  }
  allOffsets[size] = k;
  const allTotals = new Int32Array(base[facetParams.length]);
  columns.forEach((col, n) => allTotals.set(col.totals, base[n]));
  return { allOffsets, allCodes, allTotals, base };
}

async function loadSnapshot(db: Database, version: number): Promise<CatalogueSnapshot> {
  const { rows } = await sql<SnapshotRow>`
    SELECT p.seq, p.id, p.content_hash, p.quality, p.themes, p.region, p.subregion, p.intermediate_region, p.country::text AS country,
      p.city, lower(p.country) || '-' || p.city_slug AS city_key, p.actor_types, p.target_groups, p.status,
      p.evidence_level, p.assessed, p.started,
      row_number() OVER (ORDER BY p.created_at DESC, p.started DESC NULLS LAST, p.id) AS newest_pos,
      row_number() OVER (ORDER BY lower(p.title), p.id) AS title_pos
    FROM practices p WHERE p.state = 'published' ORDER BY p.id`.execute(db);
  const size = rows.length;
  const newestOrder = new Int32Array(size);
  const titleOrder = new Int32Array(size);
  const seqs = new Int32Array(size);
  const quality = new Float32Array(size);
  const started = new Float64Array(size);
  const indexOfSeq = new Int32Array(rows.reduce((max, r) => Math.max(max, r.seq), 0) + 1).fill(-1);
  rows.forEach((r, i) => {
    newestOrder[Number(r.newest_pos) - 1] = i;
    titleOrder[Number(r.title_pos) - 1] = i;
    seqs[i] = r.seq;
    indexOfSeq[r.seq] = i;
    quality[i] = r.quality;
    started[i] = r.started ?? Number.NaN;
  });
  const builders: Record<FacetParam, () => FacetColumn> = {
    theme: () => facetColumn(rows, (r) => r.themes),
    region: () => facetColumn(rows, (r) => [r.region, r.subregion, r.intermediate_region]),
    country: () => facetColumn(rows, (r) => [r.country]),
    city: () => facetColumn(rows, (r) => [r.city_key], (r) => r.city),
    actor: () => facetColumn(rows, (r) => r.actor_types),
    target: () => facetColumn(rows, (r) => r.target_groups),
    status: () => facetColumn(rows, (r) => [r.status]),
    evidence: () => facetColumn(rows, (r) => [r.evidence_level === null ? null : String(r.evidence_level)]),
    assessed: () => facetColumn(rows, (r) => r.assessed),
  };
  const facets = Object.fromEntries(facetParams.map((f) => [f, builders[f]()])) as Record<FacetParam, FacetColumn>;
  return {
    ...rowMajor(facets, size),
    version,
    size,
    allRows: Int32Array.from(rows.keys()),
    seqs,
    rowOfId: new Map(rows.map((r, i) => [r.id, i])),
    indexOfSeq,
    started,
    quality,
    hashes: rows.map((r) => r.content_hash),
    facets,
    newestOrder,
    titleOrder,
    phraseMatches: new SearchCache<Int32Array>(matchCacheSize),
    matches: new SearchCache<TextMatch>(matchCacheSize),
    outcomes: new SearchCache<FilterOutcome>(outcomeCacheSize),
  };
}

/**
 * The row of a practice key in the snapshot, or -1 when the snapshot does not hold it (written
 * after it was taken, or no longer published).
 * @example const row = rowOfSeq(snap, 42);
 */
export function rowOfSeq(snap: CatalogueSnapshot, seq: number): number {
  return seq < snap.indexOfSeq.length ? snap.indexOfSeq[seq] : -1;
}

const snapshots = new WeakMap<Database, Promise<CatalogueSnapshot>>();

/**
 * The snapshot of the current catalogue version: loaded on first use and again after any write
 * (the version is one primary-key read, skipped when the caller has just read it); concurrent
 * requests share one load.
 * @example const snap = await currentSnapshot(db);
 */
export async function currentSnapshot(db: Database, knownVersion?: number): Promise<CatalogueSnapshot> {
  const version = knownVersion ?? (await catalogueVersion(db));
  const pending = snapshots.get(db);
  if (pending) {
    const snap = await pending.catch(() => undefined);
    if (snap && snap.version === version) return snap;
    // Another request may already be loading the new version.
    const again = snapshots.get(db);
    if (again && again !== pending) {
      const other = await again.catch(() => undefined);
      if (other && other.version === version) return other;
    }
  }
  const loading = loadSnapshot(db, version);
  snapshots.set(db, loading);
  loading.catch(() => snapshots.delete(db));
  return loading;
}
