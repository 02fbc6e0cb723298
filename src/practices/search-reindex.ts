import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { bumpCatalogueVersion } from '../search/catalogue-version.repo.ts';
import { refreshSearchWords } from '../search/search-words.repo.ts';
import { searchDocVersion } from './practice-search-doc.ts';
import { writeSearchVectors } from './practice.repo.ts';
import type { PracticeRecord } from './practice.schema.ts';

const batchSize = 500;

/**
 * Re-indexes every practice when the search document changed since the data was indexed
 * (an upgrade), batch by batch; a fresh database just records the current version.
 * Returns how many practices were re-indexed.
 * @example const n = await reindexIfStale(db);
 */
export async function reindexIfStale(db: Database, onProgress?: (done: number) => void): Promise<number> {
  const row = await db.selectFrom('app_state').select(sql<string>`value #>> '{}'`.as('v')).where('key', '=', 'search_doc_version').executeTakeFirst();
  const stored = row ? Number(row.v) : 1;
  if (stored >= searchDocVersion) return 0;
  let done = 0;
  let after = '';
  for (;;) {
    const batch = await db.selectFrom('practices').select(['id', 'record']).where('id', '>', after).orderBy('id').limit(batchSize).execute();
    if (batch.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const p of batch) await writeSearchVectors(trx, p.record as PracticeRecord);
    });
    done += batch.length;
    after = batch[batch.length - 1].id;
    onProgress?.(done);
  }
  await db.transaction().execute(async (trx) => {
    await sql`INSERT INTO app_state (key, value) VALUES ('search_doc_version', ${JSON.stringify(searchDocVersion)}::jsonb)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(trx);
    if (done > 0) {
      await refreshSearchWords(trx);
      await bumpCatalogueVersion(trx);
    }
  });
  return done;
}
