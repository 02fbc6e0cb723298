import type { CatalogueSnapshot } from './catalogue-snapshot.ts';

/**
 * Where a page in a stable order ended: the last practice's sort key and id. "newest" is first
 * publication (microseconds), start year (null when unknown) and id; "title" is the folded title
 * and id. A practice published later sorts before every key of "newest", and an edit keeps its
 * first publication, so paging on by key neither repeats nor skips a practice across writes.
 */
export type OrderKey = ['newest', number, number | null, string] | ['title', string, string];

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The sort key of a row in an order, for the next page's cursor.
 * @example orderKeyOf(snap, 'title', row) // ['title', 'idnyc new york', 'nyc-idnyc']
 */
export function orderKeyOf(snap: CatalogueSnapshot, sort: OrderKey[0], row: number): OrderKey {
  if (sort === 'title') return ['title', snap.titleKeys[row], snap.ids[row]];
  const started = snap.started[row];
  return ['newest', snap.createdUs[row], Number.isNaN(started) ? null : started, snap.ids[row]];
}

/** Where a row stands against a key, in the key's order (as the snapshot sorts it): negative before, positive after. */
function compareRowToKey(snap: CatalogueSnapshot, row: number, key: OrderKey): number {
  if (key[0] === 'title') return compareText(snap.titleKeys[row], key[1]) || compareText(snap.ids[row], key[2]);
  const started = snap.started[row];
  const rowStarted = Number.isNaN(started) ? null : started;
  const keyStarted = key[2];
  const byStart = rowStarted === null ? (keyStarted === null ? 0 : 1) : keyStarted === null ? -1 : keyStarted - rowStarted;
  return key[1] - snap.createdUs[row] || byStart || compareText(snap.ids[row], key[3]);
}

/**
 * The position in `order` (the snapshot's rows sorted in the key's order) of the first row after the key.
 * @example const from = positionAfter(snap, snap.titleOrder, ['title', 'housing first', 'vienna-housing'])
 */
export function positionAfter(snap: CatalogueSnapshot, order: Int32Array, key: OrderKey): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRowToKey(snap, order[mid], key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
