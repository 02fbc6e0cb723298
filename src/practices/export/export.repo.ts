import type { Database } from '../../db/database.ts';
import type { SearchParams } from '../../search/search.params.ts';
import { matchingPractices } from '../../search/search-filters.ts';
import type { PracticeRecord } from '../practice.schema.ts';
import { orderedRecord } from './exchange-json.ts';

/** Records per query: large enough to be quick, small enough that 100k practices never sit in memory at once. */
export const exportBatchSize = 500;
/** The first query's records: a download starts as soon as a few are read (at 100k, 500 records took 15–20 ms before the first byte). */
const firstBatchSize = 50;

/**
 * Rows read one batch at a time in id order: `read(after, limit)` gives the rows after an id.
 * Keyset pagination over ids keeps every query small and cheap however far the export has
 * got; no snapshot is held between batches, because on PGlite an open transaction would
 * block the whole site.
 */
async function* keysetBatches<R extends { id: string }>(
  read: (after: string | undefined, limit: number) => Promise<R[]>,
  batchSize: number,
): AsyncGenerator<R[]> {
  let after: string | undefined;
  let limit = Math.min(firstBatchSize, batchSize);
  for (;;) {
    const rows = await read(after, limit);
    if (rows.length > 0) yield rows;
    if (rows.length < limit) return;
    after = rows[rows.length - 1].id;
    limit = batchSize;
  }
}

/**
 * Published practices matching a search, in id order, one batch at a time.
 * @example for await (const batch of matchingRecordBatches(db, params, 'en')) write(batch);
 */
export async function* matchingRecordBatches(
  db: Database,
  params: SearchParams,
  locale: string,
  batchSize = exportBatchSize,
): AsyncGenerator<PracticeRecord[]> {
  const base = await matchingPractices(db, params, locale);
  const read = (after: string | undefined, limit: number) =>
    base
      .select(['p.id', 'p.record'])
      .$if(after !== undefined, (qb) => qb.where('p.id', '>', after as string))
      .orderBy('p.id')
      .limit(limit)
      .execute();
  for await (const rows of keysetBatches(read, batchSize)) yield rows.map((r) => orderedRecord(r.record as PracticeRecord));
}

/** A practice placed on the map: what a GeoJSON feature carries. */
export interface PlacedPractice {
  id: string;
  title: string;
  city: string | null;
  country: string;
  themes: string[];
  started: number | null;
  lat: number;
  lon: number;
}

/**
 * Published practices matching a search that have a place (their own location or their
 * city's), in id order, one batch at a time: the columns a map needs, not the records.
 * @example for await (const batch of matchingPlacedBatches(db, params, 'en')) write(batch);
 */
export async function* matchingPlacedBatches(
  db: Database,
  params: SearchParams,
  locale: string,
  batchSize = exportBatchSize,
): AsyncGenerator<PlacedPractice[]> {
  const base = (await matchingPractices(db, params, locale)).where('p.lat', 'is not', null).where('p.lon', 'is not', null);
  const read = (after: string | undefined, limit: number) =>
    base
      .select(['p.id', 'p.title', 'p.city', 'p.country', 'p.themes', 'p.started', 'p.lat', 'p.lon'])
      .$if(after !== undefined, (qb) => qb.where('p.id', '>', after as string))
      .orderBy('p.id')
      .limit(limit)
      .execute() as Promise<PlacedPractice[]>;
  yield* keysetBatches(read, batchSize);
}

/** How many published practices matching a search have a place: the features of a GeoJSON export. */
export async function countPlaced(db: Database, params: SearchParams, locale: string): Promise<number> {
  const row = await (await matchingPractices(db, params, locale))
    .where('p.lat', 'is not', null)
    .where('p.lon', 'is not', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many published practices match a search: announced before an export streams. */
export async function countMatching(db: Database, params: SearchParams, locale: string): Promise<number> {
  const row = await (await matchingPractices(db, params, locale)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Entries a feed shows: readers poll often, so a feed stays short. */
export const feedSize = 50;

/**
 * The newest published practices matching a search (by when they arrived here), for feeds.
 * @example const rows = await newestMatching(db, params, 'en');
 */
export async function newestMatching(db: Database, params: SearchParams, locale: string, limit = feedSize) {
  return (await matchingPractices(db, params, locale))
    .select(['p.id', 'p.title', 'p.summary', 'p.language', 'p.themes', 'p.created_at', 'p.updated_at'])
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/**
 * One published practice's record in the exchange format, or undefined.
 * @example const record = await findPublishedRecord(db, 'barcelona-anti-rumour');
 */
export async function findPublishedRecord(db: Database, id: string): Promise<PracticeRecord | undefined> {
  const row = await db.selectFrom('practices').select('record').where('id', '=', id).executeTakeFirst();
  return row ? orderedRecord(row.record as PracticeRecord) : undefined;
}
