import type { Database } from '../db/database.ts';
import { catalogueVersion } from './catalogue-version.repo.ts';
import type { TextMatch } from './engine/text-match.ts';
import type { FacetColumn, RowMajorCodes } from './facet-columns.ts';
import type { FilterOutcome } from './facet-engine.ts';
import type { FacetParam } from './facets.ts';
import type { SearchCache } from './search-cache.ts';
import { buildSnapshot, updateSnapshot } from './snapshot-build.ts';
import { changedSince, snapshotRows } from './snapshot-rows.repo.ts';

export type { FacetColumn } from './facet-columns.ts';

/**
 * The published catalogue's filterable fields, held in memory per app instance: facet counts
 * and sorting run here in a few milliseconds instead of aggregating tens of thousands of rows in
 * SQL on every search. Row i is a slot for one practice, in `seq` (first publication) order, so
 * ties break by age. After a write the next snapshot is the previous one with the changed
 * practices replaced (see snapshot-build.ts): a practice no longer published leaves a dead slot
 * (`live[i] = 0`, no facet values, in no order), a new one takes a slot at the end.
 */
export interface CatalogueSnapshot extends RowMajorCodes {
  version: number;
  /** Number of slots, dead ones included: the length of every per-row array. */
  size: number;
  /** Number of published practices. */
  count: number;
  /** 1 for a published practice, 0 for a dead slot. */
  live: Uint8Array;
  /** The published practices' rows, ascending. */
  allRows: Int32Array;
  seqs: Int32Array;
  ids: string[];
  /** Slot of each seq (-1 where none), dead slots included: see rowOfSeq. */
  indexOfSeq: Int32Array;
  /** Start year, or NaN. */
  started: Float64Array;
  /** First publication, microseconds since 1970: the "newest" order. */
  createdUs: Float64Array;
  /** Title folded for sorting (lower case, no accents): the "title" order. */
  titleKeys: string[];
  /** Editorial quality in [0, 1] (completeness and evidence): a small prior in ranking. */
  quality: Float32Array;
  /** Content hash of each row's record: the text index re-reads a practice when it changes. */
  hashes: string[];
  facets: Record<FacetParam, FacetColumn>;
  /** Row indexes of the published practices in "newest" order and in title order. */
  newestOrder: Int32Array;
  titleOrder: Int32Array;
  /** The practices (seqs) changed since the previous snapshot, when it was updated from one: the text index syncs only them. */
  delta?: { fromVersion: number; seqs: number[] };
  /** Rows holding a quoted phrase, per language and phrase. */
  phraseMatches: SearchCache<Int32Array>;
  /**
   * Text matches already computed at this version (rows and scores per language and query):
   * the same words with other filters, sorts or pages are not scored again.
   */
  matches: SearchCache<TextMatch>;
  /** Filter outcomes (passing rows and facet counts) per query and filters, shared by every sort and page. */
  outcomes: SearchCache<FilterOutcome>;
}

/**
 * The row of a practice key in the snapshot, or -1 when the snapshot does not hold it (written
 * after it was taken, or no longer published).
 * @example const row = rowOfSeq(snap, 42);
 */
export function rowOfSeq(snap: CatalogueSnapshot, seq: number): number {
  const row = seq < snap.indexOfSeq.length ? snap.indexOfSeq[seq] : -1;
  return row >= 0 && snap.live[row] === 1 ? row : -1;
}

/** More changed practices than this (or a fifth of the catalogue) are read whole rather than patched in. */
const maxPatch = 5000;

/** The next snapshot: the previous one with what changed since patched in, or the catalogue read whole. */
async function advance(db: Database, previous: CatalogueSnapshot | undefined, version: number): Promise<CatalogueSnapshot> {
  if (previous && previous.size - previous.count < previous.size / 5) {
    const changed = version - previous.version <= maxPatch ? await changedSince(db, previous.version, version) : null;
    if (changed && changed.length <= Math.max(maxPatch, previous.count / 5)) {
      const patched = updateSnapshot(previous, await snapshotRows(db, changed), changed, version);
      if (patched) return patched;
    }
  }
  return buildSnapshot(await snapshotRows(db), version);
}

interface SnapshotState {
  latest?: CatalogueSnapshot;
  loading?: Promise<CatalogueSnapshot>;
}

const states = new WeakMap<Database, SnapshotState>();

/**
 * A snapshot at least as new as the current catalogue version (one primary-key read, skipped
 * when the caller has just read it): the one held, or the next one made from it; concurrent
 * requests share one load, and loads run one after another.
 * @example const snap = await currentSnapshot(db);
 */
export async function currentSnapshot(db: Database, knownVersion?: number): Promise<CatalogueSnapshot> {
  const version = knownVersion ?? (await catalogueVersion(db));
  let state = states.get(db);
  if (!state) {
    state = {};
    states.set(db, state);
  }
  const s = state;
  for (;;) {
    if (s.latest && s.latest.version >= version) return s.latest;
    if (!s.loading) {
      const loading = advance(db, s.latest, version)
        .then((snap) => {
          if (!s.latest || snap.version > s.latest.version) s.latest = snap;
          return snap;
        })
        .finally(() => {
          if (s.loading === loading) s.loading = undefined;
        });
      s.loading = loading;
    }
    // A load for an older version (started before this caller's write) is followed by another.
    await s.loading;
  }
}

/** The catalogue's size at a glance: published practices, distinct cities and countries, practices per theme. */
export interface CatalogueFigures {
  practices: number;
  cities: number;
  countries: number;
  byTheme: Record<string, number>;
}

/**
 * The catalogue's figures, counted from the snapshot's facet totals (no query): what the home
 * page shows.
 * @example const figures = catalogueFigures(await currentSnapshot(db));
 */
export function catalogueFigures(snap: CatalogueSnapshot): CatalogueFigures {
  const present = (col: FacetColumn) => col.totals.reduce((n, total) => n + (total > 0 ? 1 : 0), 0);
  const themes = snap.facets.theme;
  const byTheme: Record<string, number> = {};
  themes.values.forEach((theme, code) => {
    if (themes.totals[code] > 0) byTheme[theme] = themes.totals[code];
  });
  return { practices: snap.count, cities: present(snap.facets.city), countries: present(snap.facets.country), byTheme };
}
