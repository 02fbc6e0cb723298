import { type Kysely, sql } from 'kysely';

/**
 * Drops the SQL search structures nothing reads any more: the search runs on an in-memory index
 * (src/search/engine), and the SQL filters of exports, feeds, the map and place pages match a
 * query through it, never through a tsvector. Every write of a practice stemmed its texts into
 * vectors no query looked at: the ranking vector (`practices.rank_vec`), the whole-text vector
 * table with its GIN index and matching function (`practice_match`, `practice_matches`, 0007),
 * the bulk import's staging table and aggregate (`import_vectors`, `tsvector_agg`, 0009 and
 * 0010), and the "did you mean" vocabulary (`search_words`, whose spelling the in-memory index
 * now does). The search-document version (`search_doc_version`, 0003) only told the start-up
 * when to rebuild those vectors. The accent-folding text search configurations (0001) and the
 * pg_trgm extension stay: they cost nothing on writes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS practice_matches(tsquery)`.execute(db);
  await sql`DROP TABLE IF EXISTS practice_match`.execute(db);
  await sql`DROP TABLE IF EXISTS import_vectors`.execute(db);
  await sql`DROP AGGREGATE IF EXISTS tsvector_agg(tsvector)`.execute(db);
  await sql`DROP TABLE IF EXISTS search_words`.execute(db);
  await sql`ALTER TABLE practices DROP COLUMN IF EXISTS rank_vec`.execute(db);
  await sql`DELETE FROM app_state WHERE key = 'search_doc_version'`.execute(db);
}

/**
 * Puts the structures back, empty: the vectors and the vocabulary were derived data, and the
 * code that wrote them is gone with this migration.
 */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE practices ADD COLUMN IF NOT EXISTS rank_vec tsvector`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS search_words (word text PRIMARY KEY, ndoc integer NOT NULL)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops)`.execute(db);
  await sql`CREATE AGGREGATE tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')`.execute(db);
  await sql`
    CREATE UNLOGGED TABLE IF NOT EXISTS import_vectors (
      ticket bigint NOT NULL,
      id text NOT NULL,
      rank_vec tsvector NOT NULL,
      full_vec tsvector NOT NULL,
      vocab_vec tsvector NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (ticket, id)
    )`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS practice_match (seq integer PRIMARY KEY, full_vec tsvector NOT NULL) WITH (toast_tuple_target = 128)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS practice_match_full_vec_idx ON practice_match USING gin (full_vec)`.execute(db);
  await sql`
    CREATE FUNCTION practice_matches(q tsquery) RETURNS integer[] LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS 'SELECT array_agg(seq) FROM practice_match WHERE full_vec @@ q'`.execute(db);
}
