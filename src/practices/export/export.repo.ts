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
 * Published practices matching a search, in id order, one batch at a time. Keyset pagination
 * over ids keeps every query small and cheap however far the export has got; no snapshot is
 * held between batches, because on PGlite an open transaction would block the whole site.
 * @example for await (const batch of matchingRecordBatches(db, params, 'en')) write(batch);
 */
export async function* matchingRecordBatches(
  db: Database,
  params: SearchParams,
  locale: string,
  batchSize = exportBatchSize,
): AsyncGenerator<PracticeRecord[]> {
  let after: string | undefined;
  let limit = Math.min(firstBatchSize, batchSize);
  const base = await matchingPractices(db, params, locale);
  for (;;) {
    const rows = await base
      .select(['p.id', 'p.record'])
      .$if(after !== undefined, (qb) => qb.where('p.id', '>', after as string))
      .orderBy('p.id')
      .limit(limit)
      .execute();
    if (rows.length > 0) yield rows.map((r) => orderedRecord(r.record as PracticeRecord));
    if (rows.length < limit) return;
    after = rows[rows.length - 1].id;
    limit = batchSize;
  }
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
