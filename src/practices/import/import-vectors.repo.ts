import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { searchParts } from '../practice-search-doc.ts';
import type { PracticeRecord } from '../practice.schema.ts';
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
 *
 * The texts go as arrays, one element per text (and per record), into one statement of the same
 * small shape whatever the batch: an expression per text made the server copy, plan and fold a
 * tree of thousands of nodes, each holding its text, for every batch. `tsvector_agg` joins each
 * record's parts in order, as `||` does in tsvectorSql.
 * @example const staged = await stageSearchVectors(pool, ticket, records);
 */
export async function stageSearchVectors(db: Database, ticket: number, records: PracticeRecord[]): Promise<Set<string>> {
  const part = { record: [] as number[], kind: [] as string[], config: [] as string[], weight: [] as string[], text: [] as string[] };
  records.forEach((record, i) => {
    const { rank, long } = searchParts(record);
    for (const [kind, parts] of [['rank', rank], ['long', long]] as const) {
      for (const p of parts) {
        part.record.push(i + 1);
        part.kind.push(kind);
        part.config.push(p.config);
        part.weight.push(p.weight);
        part.text.push(p.text);
      }
    }
  });
  const st = new Statement();
  const partVector = `setweight(to_tsvector(p.config::regconfig, p.body), p.weight::"char")`;
  const vocabulary = vocabularyVectorSql({ title: 'r.title', summary: 'r.summary', city: 'r.city', themes: `string_to_array(r.themes, ' ')` });
  await st.execute(
    db,
    `INSERT INTO import_vectors (ticket, id, rank_vec, full_vec, vocab_vec)
    SELECT ${st.param(ticket)}::bigint, r.id, coalesce(v.rank, ''), coalesce(v.rank, '') || coalesce(v.long, ''), ${vocabulary}
    FROM unnest(${st.param(records.map((r) => r.id))}::text[], ${st.param(records.map((r) => r.title))}::text[],
      ${st.param(records.map((r) => r.summary))}::text[], ${st.param(records.map((r) => r.city ?? null))}::text[],
      ${st.param(records.map((r) => r.themes.join(' ')))}::text[]) WITH ORDINALITY AS r (id, title, summary, city, themes, n)
    LEFT JOIN (
      SELECT p.n,
        tsvector_agg(${partVector} ORDER BY p.ord) FILTER (WHERE p.kind = 'rank') AS rank,
        tsvector_agg(${partVector} ORDER BY p.ord) FILTER (WHERE p.kind = 'long') AS long
      FROM unnest(${st.param(part.record)}::int[], ${st.param(part.kind)}::text[], ${st.param(part.config)}::text[],
        ${st.param(part.weight)}::text[], ${st.param(part.text)}::text[]) WITH ORDINALITY AS p (n, kind, config, weight, body, ord)
      GROUP BY p.n
    ) AS v ON v.n = r.n
    ON CONFLICT (ticket, id) DO UPDATE SET rank_vec = excluded.rank_vec, full_vec = excluded.full_vec, vocab_vec = excluded.vocab_vec`,
  );
  return new Set(records.map((r) => r.id));
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
