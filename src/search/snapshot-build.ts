import type { CatalogueSnapshot } from './catalogue-snapshot.ts';
import { foldWord } from './engine/fold.ts';
import type { TextMatch } from './engine/text-match.ts';
import {
  appendToColumn,
  compressedRows,
  Dictionary,
  type FacetColumn,
  finishColumn,
  patchRowMajor,
  patchRows,
  type RowMajorCodes,
  rowMajor,
} from './facet-columns.ts';
import type { FilterOutcome } from './facet-engine.ts';
import { type FacetParam, facets } from './facets.ts';
import { SearchCache } from './search-cache.ts';
import { rowLabel, rowValues, type SnapshotRow } from './snapshot-rows.repo.ts';

/** Match sets kept per snapshot: at 100k practices a broad word's rows and scores are 800 KB. */
const matchCacheSize = 128;
/** Filter outcomes kept per snapshot: those without filters share the match set; the filtered ones are smaller. */
const outcomeCacheSize = 256;

/** Per-row fields of a snapshot, apart from facets and orders. */
type RowFields = Pick<CatalogueSnapshot, 'live' | 'seqs' | 'ids' | 'started' | 'createdUs' | 'titleKeys' | 'quality' | 'hashes'>;

const titleKey = (title: string) => foldWord(title.toLowerCase());
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** "Newest": first published last first, then the later start, then id. */
function newerFirst(f: RowFields) {
  return (a: number, b: number) =>
    f.createdUs[b] - f.createdUs[a] ||
    (Number.isNaN(f.started[a]) ? (Number.isNaN(f.started[b]) ? 0 : 1) : Number.isNaN(f.started[b]) ? -1 : f.started[b] - f.started[a]) ||
    compareText(f.ids[a], f.ids[b]);
}

/** By title (folded), then id. */
function byTitle(f: RowFields) {
  return (a: number, b: number) => compareText(f.titleKeys[a], f.titleKeys[b]) || compareText(f.ids[a], f.ids[b]);
}

function writeRow(f: RowFields, i: number, r: SnapshotRow): void {
  f.live[i] = 1;
  f.seqs[i] = r.seq;
  f.ids[i] = r.id;
  f.started[i] = r.started ?? Number.NaN;
  f.createdUs[i] = r.created_us;
  f.titleKeys[i] = titleKey(r.title);
  f.quality[i] = r.quality;
  f.hashes[i] = r.content_hash;
}

/** The slot of each seq (-1 where none); with `previous`, only the slots from `from` on are added to a copy of it. */
function seqIndex(seqs: Int32Array, size: number, previous?: Int32Array, from = 0): Int32Array {
  if (previous) {
    let max = previous.length - 1;
    for (let i = from; i < size; i++) max = Math.max(max, seqs[i]);
    const index = new Int32Array(max + 1).fill(-1);
    index.set(previous);
    for (let i = from; i < size; i++) index[seqs[i]] = i;
    return index;
  }
  let max = 0;
  for (let i = 0; i < size; i++) max = Math.max(max, seqs[i]);
  const index = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < size; i++) index[seqs[i]] = i;
  return index;
}

function liveRows(live: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < live.length; i++) n += live[i];
  const rows = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < live.length; i++) if (live[i]) rows[k++] = i;
  return rows;
}

function assemble(
  fields: RowFields,
  indexOfSeq: Int32Array,
  columns: Record<FacetParam, FacetColumn>,
  codes: RowMajorCodes,
  orders: Pick<CatalogueSnapshot, 'newestOrder' | 'titleOrder'>,
  version: number,
): CatalogueSnapshot {
  const size = fields.seqs.length;
  const allRows = liveRows(fields.live);
  return {
    ...fields,
    ...codes,
    ...orders,
    version,
    size,
    count: allRows.length,
    allRows,
    indexOfSeq,
    facets: columns,
    phraseMatches: new SearchCache<Int32Array>(matchCacheSize),
    matches: new SearchCache<TextMatch>(matchCacheSize),
    outcomes: new SearchCache<FilterOutcome>(outcomeCacheSize),
  };
}

/**
 * The snapshot of a whole catalogue, from its published practices in seq order.
 * @example const snap = buildSnapshot(await snapshotRows(db), version);
 */
export function buildSnapshot(rows: SnapshotRow[], version: number): CatalogueSnapshot {
  const size = rows.length;
  const fields: RowFields = {
    live: new Uint8Array(size),
    seqs: new Int32Array(size),
    ids: new Array<string>(size),
    started: new Float64Array(size),
    createdUs: new Float64Array(size),
    titleKeys: new Array<string>(size),
    quality: new Float32Array(size),
    hashes: new Array<string>(size),
  };
  rows.forEach((r, i) => {
    writeRow(fields, i, r);
  });
  const columns = Object.fromEntries(
    facets.map((f) => {
      const dict = new Dictionary();
      const offsets = new Int32Array(size + 1);
      const codes: number[] = [];
      rows.forEach((r, i) => {
        offsets[i] = codes.length;
        for (const code of dict.codesOf(rowValues(r, f.param), rowLabel(r, f.param))) codes.push(code);
      });
      offsets[size] = codes.length;
      return [f.param, finishColumn(dict, compressedRows(offsets, codes, size), size)];
    }),
  ) as Record<FacetParam, FacetColumn>;
  const all = Int32Array.from(rows.keys());
  const orders = { newestOrder: all.slice().sort(newerFirst(fields)), titleOrder: all.slice().sort(byTitle(fields)) };
  return assemble(fields, seqIndex(fields.seqs, size), columns, rowMajor(columns, size), orders, version);
}

/** Whether a row's codes in a column are these. */
function sameCodes(col: FacetColumn, row: number, codes: number[]): boolean {
  const from = col.offsets[row];
  if (col.offsets[row + 1] - from !== codes.length) return false;
  return codes.every((c, j) => col.codes[from + j] === c);
}

/**
 * A facet column with some rows' codes replaced (and rows added at the end): the same column when
 * nothing of it changed (an edit of texts), appended to when only rows were added (a
 * publication), else patched into new arrays.
 */
function patchColumn(col: FacetColumn, size: number, changed: Map<number, SnapshotRow | null>, param: FacetParam): FacetColumn {
  const dict = new Dictionary(col);
  const oldSize = col.offsets.length - 1;
  const newCodes = new Map<number, number[]>();
  let same = true;
  let appendsOnly = true;
  for (const [row, r] of changed) {
    const codes = r ? dict.codesOf(rowValues(r, param), rowLabel(r, param)) : [];
    newCodes.set(row, codes);
    if (row < oldSize) {
      appendsOnly = false;
      if (!sameCodes(col, row, codes)) same = false;
    } else same = false;
  }
  if (same && !dict.changed) return col;
  if (appendsOnly) return appendToColumn(col, dict, size, newCodes);
  return finishColumn(dict, patchRows(col, size, newCodes), size, col.valueRank);
}

/** An order with the changed rows taken out and those still published put back in place (found by binary search). */
function patchOrder(order: Int32Array, size: number, changed: Map<number, SnapshotRow | null>, compare: (a: number, b: number) => number): Int32Array {
  const isChanged = new Uint8Array(size);
  for (const row of changed.keys()) isChanged[row] = 1;
  const kept = new Int32Array(order.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) if (!isChanged[order[i]]) kept[n++] = order[i];
  const back = [...changed]
    .filter(([, r]) => r !== null)
    .map(([row]) => row)
    .sort(compare);
  const out = new Int32Array(n + back.length);
  let from = 0;
  let k = 0;
  for (const row of back) {
    let lo = from;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(kept[mid], row) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.set(kept.subarray(from, lo), k);
    k += lo - from;
    out[k++] = row;
    from = lo;
  }
  out.set(kept.subarray(from, n), k);
  return out;
}

/**
 * The next snapshot from the previous one and the practices changed since (`rows`: those of
 * `changedSeqs` still published, in seq order): changed practices keep their slot, new ones
 * take slots at the end, those gone leave dead slots. Null when a practice cannot keep the
 * seq order (a new key below one already held): then the caller reads the catalogue whole.
 * @example const next = updateSnapshot(snap, await snapshotRows(db, seqs), seqs, version);
 */
export function updateSnapshot(prev: CatalogueSnapshot, rows: SnapshotRow[], changedSeqs: number[], version: number): CatalogueSnapshot | null {
  const published = new Map(rows.map((r) => [r.seq, r]));
  const lastSeq = prev.size > 0 ? prev.seqs[prev.size - 1] : 0;
  const changed = new Map<number, SnapshotRow | null>();
  let size = prev.size;
  for (const seq of [...changedSeqs].sort((a, b) => a - b)) {
    const slot = seq < prev.indexOfSeq.length ? prev.indexOfSeq[seq] : -1;
    const r = published.get(seq) ?? null;
    if (slot >= 0) changed.set(slot, r);
    else if (r && seq > lastSeq) changed.set(size++, r);
    else if (r) return null;
  }
  const grow = <T extends Float64Array | Float32Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T) => {
    const out = make(size);
    out.set(a);
    return out;
  };
  const fields: RowFields = {
    live: grow(prev.live, (n) => new Uint8Array(n)),
    seqs: grow(prev.seqs, (n) => new Int32Array(n)),
    ids: prev.ids.slice(),
    started: grow(prev.started, (n) => new Float64Array(n)),
    createdUs: grow(prev.createdUs, (n) => new Float64Array(n)),
    titleKeys: prev.titleKeys.slice(),
    quality: grow(prev.quality, (n) => new Float32Array(n)),
    hashes: prev.hashes.slice(),
  };
  for (const [slot, r] of changed) {
    if (r) writeRow(fields, slot, r);
    else fields.live[slot] = 0;
  }
  const columns = Object.fromEntries(facets.map((f) => [f.param, patchColumn(prev.facets[f.param], size, changed, f.param)])) as Record<
    FacetParam,
    FacetColumn
  >;
  const orders = {
    newestOrder: patchOrder(prev.newestOrder, size, changed, newerFirst(fields)),
    titleOrder: patchOrder(prev.titleOrder, size, changed, byTitle(fields)),
  };
  const unchanged = facets.every((f) => columns[f.param] === prev.facets[f.param]);
  const codes = unchanged && size === prev.size ? prev : patchRowMajor(prev, columns, size, changed.keys());
  // A slot keeps its seq (a changed practice keeps its slot): only the appended slots are new.
  const indexOfSeq = seqIndex(fields.seqs, size, prev.indexOfSeq, prev.size);
  return { ...assemble(fields, indexOfSeq, columns, codes, orders, version), delta: { fromVersion: prev.version, seqs: changedSeqs } };
}
