import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { searchParts } from '../practice-search-doc.ts';
import type { PracticeRecord } from '../practice.schema.ts';
import { chunkByParams } from '../../db/param-chunks.ts';
import { Statement } from '../../db/statement.ts';
import { vocabularyVectorSql } from '../../search/search-words.repo.ts';
import { tsvectorSql } from '../search-vector.sql.ts';

/** Search vectors one import staged in `import_vectors`: its ticket and the ids they are for. */
export interface StagedVectors {
  ticket: number;
  ids: ReadonlySet<string>;
}

/** A ticket no other import holds (47 random bits, within randomInt's range and a JS number). */
export function newImportTicket(): number {
  return randomInt(2 ** 47);
}

/**
 * Computes the search vectors of records on whatever connection `db` gives (not the import's
 * transaction) and leaves them in `import_vectors` under the ticket, where the import's writing
 * statement reads them: a bulk import runs this on spare pool connections, on other cores,
 * while its transaction writes the previous batch — stemming is most of an import's work, and
 * the vectors never travel through the app. PostgreSQL only (PGlite has one connection).
 * @example const staged = await stageSearchVectors(pool, ticket, records);
 */
export async function stageSearchVectors(db: Database, ticket: number, records: PracticeRecord[]): Promise<Set<string>> {
  const items = records.map((record) => ({ id: record.id, record, parts: searchParts(record) }));
  for (const chunk of chunkByParams(items, (c) => 5 + 2 * (c.parts.rank.length + c.parts.long.length))) {
    const st = new Statement();
    const rows = chunk.map(({ id, record, parts }) => {
      const vocabulary = vocabularyVectorSql({
        title: `${st.param(record.title)}::text`,
        summary: `${st.param(record.summary)}::text`,
        city: `${st.param(record.city ?? null)}::text`,
        themes: `${st.param(record.themes)}::text[]`,
      });
      return `(${st.param(id)}::text, ${tsvectorSql(parts.rank, st)}, ${tsvectorSql(parts.long, st)}, ${vocabulary})`;
    });
    await st.execute(
      db,
      `INSERT INTO import_vectors (ticket, id, rank_vec, full_vec, vocab_vec)
      SELECT ${st.param(ticket)}::bigint, v.id, v.rank, v.rank || v.long, v.vocab FROM (VALUES ${rows.join(', ')}) AS v (id, rank, long, vocab)
      ON CONFLICT (ticket, id) DO UPDATE SET rank_vec = excluded.rank_vec, full_vec = excluded.full_vec, vocab_vec = excluded.vocab_vec`,
    );
  }
  return new Set(items.map((c) => c.id));
}

/**
 * Removes an import's staged vectors once it has committed or rolled back. When no other import
 * is staging, the table is truncated, which gives its space back at once (a delete would leave
 * 700 MB of dead rows after 100k practices until a vacuum); when another one holds the table,
 * only this ticket's rows are deleted.
 */
export async function dropStagedVectors(db: Database, ticket: number): Promise<void> {
  const truncated = await db
    .transaction()
    .execute(async (trx) => {
      await sql`LOCK TABLE import_vectors IN ACCESS EXCLUSIVE MODE NOWAIT`.execute(trx);
      const other = await trx.selectFrom('import_vectors').select('ticket').where('ticket', '<>', ticket).limit(1).executeTakeFirst();
      if (other) return false;
      await sql`TRUNCATE import_vectors`.execute(trx);
      return true;
    })
    .catch(() => false); // the lock is taken: another import is staging
  if (!truncated) await db.deleteFrom('import_vectors').where('ticket', '=', ticket).execute();
}

/** Removes vectors left by imports whose process died a day ago or more. */
export async function dropStaleStagedVectors(db: Database): Promise<void> {
  await db.deleteFrom('import_vectors').where('created_at', '<', sql<Date>`now() - interval '1 day'`).execute();
}
