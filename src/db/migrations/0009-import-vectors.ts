import { type Kysely, sql } from 'kysely';

/**
 * Where a bulk import's spare connections leave the search vectors they compute ahead, for the
 * import's transaction to read in the statement that writes the rows. Before, the vectors
 * travelled to the app and back (7 KB a practice, twice), which cost the app more CPU than
 * every other part of writing a record. Unlogged: the rows live for one import; a crash of the
 * server empties the table, and nothing else is lost. Each import has its own ticket. The
 * words "did you mean" knows (`vocab_vec`) are staged too, so an import of new practices adds
 * them without stemming 100k titles again on its own connection at the end.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE UNLOGGED TABLE import_vectors (
      ticket bigint NOT NULL,
      id text NOT NULL,
      rank_vec tsvector NOT NULL,
      full_vec tsvector NOT NULL,
      vocab_vec tsvector NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (ticket, id)
    )`.execute(db);
  // As in practice_match: vectors do not compress, so trying is wasted work.
  await sql`ALTER TABLE import_vectors ALTER COLUMN full_vec SET STORAGE EXTERNAL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE import_vectors`.execute(db);
}
