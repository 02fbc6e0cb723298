import { type FacetParam, facetParams } from './facets.ts';

/**
 * Codes of each row as compressed rows: row i has codes[offsets[i] .. offsets[i+1]]. `offsets`
 * and `codes` are views on buffers with room to spare: practices added later are appended past
 * the end, where this snapshot's views never look, so the next snapshot shares the buffers.
 */
export interface CompressedRows {
  offsets: Int32Array;
  codes: Int32Array;
  buffers: { offsets: Int32Array; codes: Int32Array };
}

/** One facet's values for every row, as small integer codes, with the dictionary of values. */
export interface FacetColumn extends CompressedRows {
  values: string[];
  codeOf: Map<string, number>;
  /** Display label per code (cities: the city's name), else null. */
  labels: (string | null)[];
  /** The same relation inverted: the rows having each code, ascending. */
  rowsOf: Int32Array[];
  /** Rows per code over the whole catalogue. */
  totals: Int32Array;
  /** Position of each code's value in code-point order, for tie-breaking with integers. */
  valueRank: Int32Array;
}

/**
 * A facet's dictionary while a column is built: values get codes in order of appearance. Made
 * from a column, it shares the column's arrays until a value or label changes, then copies them
 * (the column, still in use by earlier requests, stays as it was).
 */
export class Dictionary {
  values: string[];
  codeOf: Map<string, number>;
  labels: (string | null)[];
  /** Whether a value was added (the value order must be computed again). */
  grew: boolean;
  /** Whether a value or a label was added or changed. */
  changed = false;
  private shared: boolean;

  constructor(col?: FacetColumn) {
    this.values = col ? col.values : [];
    this.codeOf = col ? col.codeOf : new Map();
    this.labels = col ? col.labels : [];
    this.grew = !col;
    this.shared = !!col;
  }

  private own(): void {
    this.changed = true;
    if (!this.shared) return;
    this.values = this.values.slice();
    this.codeOf = new Map(this.codeOf);
    this.labels = this.labels.slice();
    this.shared = false;
  }

  /**
   * The codes of a row's values, adding unknown values; a label is kept per value, the greatest
   * one seen (so it does not depend on the order rows are read).
   */
  codesOf(values: (string | null)[], label: string | null): number[] {
    const out: number[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      let code = this.codeOf.get(v);
      if (code === undefined) {
        this.own();
        code = this.values.length;
        this.codeOf.set(v, code);
        this.values.push(v);
        this.labels.push(label);
        this.grew = true;
      } else if (label !== null && (this.labels[code] === null || label > (this.labels[code] as string))) {
        this.own();
        this.labels[code] = label;
      }
      out.push(code);
    }
    return out;
  }
}

/** Buffers for `size` rows holding `codes` codes, with a tenth to spare for rows appended later. */
function newBuffers(size: number, codes: number): CompressedRows['buffers'] {
  return { offsets: new Int32Array(Math.ceil((size + 1) * 1.1) + 64), codes: new Int32Array(Math.ceil(codes * 1.1) + 256) };
}

/** The views of `size` rows and `codes` codes on buffers. */
function viewOn(buffers: CompressedRows['buffers'], size: number, codes: number): CompressedRows {
  return { offsets: buffers.offsets.subarray(0, size + 1), codes: buffers.codes.subarray(0, codes), buffers };
}

/** Compressed rows over fresh buffers with a tenth to spare, from rows' offsets and codes. */
export function compressedRows(offsets: Int32Array, codes: ArrayLike<number>, size: number): CompressedRows {
  const buffers = newBuffers(size, codes.length);
  buffers.offsets.set(offsets.subarray(0, size + 1));
  buffers.codes.set(codes);
  return viewOn(buffers, size, codes.length);
}

/**
 * The rows with more rows' codes appended (rows size-before .. size-1, in order): written past
 * the end of the shared buffers, or into larger copies when they are full.
 */
function appendRows(rows: CompressedRows, size: number, added: Map<number, ArrayLike<number>>): CompressedRows {
  const oldSize = rows.offsets.length - 1;
  let count = rows.codes.length;
  for (const c of added.values()) count += c.length;
  let { buffers } = rows;
  if (buffers.offsets.length < size + 1 || buffers.codes.length < count) {
    buffers = { offsets: new Int32Array(Math.ceil((size + 1) * 1.5)), codes: new Int32Array(Math.ceil(count * 1.5)) };
    buffers.offsets.set(rows.offsets);
    buffers.codes.set(rows.codes);
  }
  let k = rows.codes.length;
  for (let row = oldSize; row < size; row++) {
    buffers.offsets[row] = k;
    const c = added.get(row) ?? [];
    for (let j = 0; j < c.length; j++) buffers.codes[k++] = c[j];
  }
  buffers.offsets[size] = k;
  return { offsets: buffers.offsets.subarray(0, size + 1), codes: buffers.codes.subarray(0, k), buffers };
}

/**
 * Compressed rows with some rows' codes replaced and rows added up to `size`: the unchanged
 * rows are copied in runs, their offsets shifted, into new buffers.
 */
export function patchRows(rows: CompressedRows, size: number, changed: Map<number, ArrayLike<number>>): CompressedRows {
  const { offsets, codes } = rows;
  const oldSize = offsets.length - 1;
  const sorted = [...changed.keys()].sort((a, b) => a - b);
  if (sorted.length > 0 && sorted[0] >= oldSize) return appendRows(rows, size, changed);
  let extra = 0;
  for (const row of sorted) extra += (changed.get(row) as ArrayLike<number>).length - (row < oldSize ? offsets[row + 1] - offsets[row] : 0);
  const buffers = newBuffers(size, codes.length + extra);
  const { offsets: outOffsets, codes: outCodes } = buffers;
  let k = 0;
  let next = 0;
  const copyUpTo = (end: number) => {
    const stop = Math.min(end, oldSize);
    if (next >= stop) return;
    const shift = k - offsets[next];
    for (let i = next; i < stop; i++) outOffsets[i] = offsets[i] + shift;
    outCodes.set(codes.subarray(offsets[next], offsets[stop]), k);
    k += offsets[stop] - offsets[next];
  };
  for (const row of sorted) {
    copyUpTo(row);
    outOffsets[row] = k;
    const add = changed.get(row) as ArrayLike<number>;
    for (let j = 0; j < add.length; j++) outCodes[k++] = add[j];
    next = row + 1;
  }
  copyUpTo(size);
  outOffsets[size] = k;
  return viewOn(buffers, size, k);
}

function valueOrder(values: string[]): Int32Array {
  const rank = new Int32Array(values.length);
  Array.from(values.keys())
    .sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0))
    .forEach((code, r) => {
      rank[code] = r;
    });
  return rank;
}

/** Completes a column from its rows' codes: the row lists per value, the totals and the value order. */
export function finishColumn(dict: Dictionary, rows: CompressedRows, size: number, previousRank?: Int32Array): FacetColumn {
  const { offsets, codes } = rows;
  const valueCount = dict.values.length;
  const totals = new Int32Array(valueCount);
  for (let k = 0; k < codes.length; k++) totals[codes[k]]++;
  const rowsOf = Array.from(totals, (n) => new Int32Array(n));
  const fill = new Int32Array(valueCount);
  for (let i = 0; i < size; i++) for (let k = offsets[i]; k < offsets[i + 1]; k++) rowsOf[codes[k]][fill[codes[k]]++] = i;
  const valueRank = !dict.grew && previousRank ? previousRank : valueOrder(dict.values);
  return { ...rows, values: dict.values, codeOf: dict.codeOf, labels: dict.labels, rowsOf, totals, valueRank };
}

/**
 * A column with rows appended at the end (`added`: their codes): the codes go past the shared
 * buffers' end, each value's row list gets the new rows at its end, the totals are counted up.
 */
export function appendToColumn(col: FacetColumn, dict: Dictionary, size: number, added: Map<number, number[]>): FacetColumn {
  const rows = appendRows(col, size, added);
  const totals = new Int32Array(dict.values.length);
  totals.set(col.totals);
  const rowsOf = col.rowsOf.slice();
  for (let code = col.rowsOf.length; code < dict.values.length; code++) rowsOf.push(new Int32Array(0));
  const more = new Map<number, number[]>();
  for (const [row, codes] of [...added].sort((a, b) => a[0] - b[0])) {
    for (const code of codes) {
      totals[code]++;
      let list = more.get(code);
      if (!list) {
        list = [];
        more.set(code, list);
      }
      list.push(row);
    }
  }
  for (const [code, list] of more) {
    const grown = new Int32Array(rowsOf[code].length + list.length);
    grown.set(rowsOf[code]);
    grown.set(list, rowsOf[code].length);
    rowsOf[code] = grown;
  }
  const valueRank = dict.grew ? valueOrder(dict.values) : col.valueRank;
  return { ...rows, values: dict.values, codeOf: dict.codeOf, labels: dict.labels, rowsOf, totals, valueRank };
}

/** The facet columns interleaved per row, each facet's codes shifted into one code space. */
export interface RowMajorCodes {
  allCodes: CompressedRows;
  /** Every facet's totals side by side, in the same code space. */
  allTotals: Int32Array;
  base: Int32Array;
}

/** A row's codes of every facet, shifted into the shared code space. */
function rowCodes(cols: FacetColumn[], base: Int32Array, row: number): number[] {
  const out: number[] = [];
  for (let n = 0; n < cols.length; n++) {
    const { offsets, codes } = cols[n];
    for (let c = offsets[row]; c < offsets[row + 1]; c++) out.push(base[n] + codes[c]);
  }
  return out;
}

/** Every facet's codes of a row side by side, so the counts of all facets over a set of rows are one pass. */
export function rowMajor(columns: Record<FacetParam, FacetColumn>, size: number): RowMajorCodes {
  const cols = facetParams.map((f) => columns[f]);
  const base = new Int32Array(cols.length + 1);
  for (let n = 0; n < cols.length; n++) base[n + 1] = base[n] + cols[n].values.length;
  let total = 0;
  for (const col of cols) total += col.codes.length;
  const buffers = newBuffers(size, total);
  const { offsets, codes } = buffers;
  let k = 0;
  for (let i = 0; i < size; i++) {
    offsets[i] = k;
    for (let n = 0; n < cols.length; n++) {
      const col = cols[n];
      const shift = base[n];
      for (let c = col.offsets[i]; c < col.offsets[i + 1]; c++) codes[k++] = shift + col.codes[c];
    }
  }
  offsets[size] = k;
  const allTotals = new Int32Array(base[cols.length]);
  cols.forEach((col, n) => {
    allTotals.set(col.totals, base[n]);
  });
  return { allCodes: viewOn(buffers, size, k), allTotals, base };
}

/**
 * The row-major codes after some rows changed: patched (or appended to) when no facet gained a
 * value, since every facet's codes keep their place in the shared code space; else built again.
 */
export function patchRowMajor(prev: RowMajorCodes, columns: Record<FacetParam, FacetColumn>, size: number, changedRows: Iterable<number>): RowMajorCodes {
  const cols = facetParams.map((f) => columns[f]);
  if (cols.some((col, n) => col.values.length !== prev.base[n + 1] - prev.base[n])) return rowMajor(columns, size);
  const changed = new Map<number, number[]>();
  for (const row of changedRows) changed.set(row, rowCodes(cols, prev.base, row));
  const allTotals = new Int32Array(prev.allTotals.length);
  cols.forEach((col, n) => {
    allTotals.set(col.totals, prev.base[n]);
  });
  return { allCodes: patchRows(prev.allCodes, size, changed), allTotals, base: prev.base };
}
