import { type Kysely, sql } from 'kysely';

/**
 * The whole-text search vector moves out of `practices` into a narrow table of its own, keyed
 * by `seq`. Matching a broad word reads every matching row's heap page for its key: in
 * `practices` that was the whole 140 MB heap at 100k practices (titles, records, vectors'
 * pointers), here a few hundred pages — the vectors themselves live in TOAST and are read only
 * when a phrase query must check positions. `toast_tuple_target` keeps even mid-sized vectors
 * out of the heap. No foreign key to `practices`: its check locks the practice row for every
 * vector written (an import of 10k on PGlite took 51 s with it, 38 s without); the two rows
 * are only ever written together, in upsertPractices and writeSearchVectors, and practices are
 * never deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE practice_match (
      seq integer PRIMARY KEY,
      full_vec tsvector NOT NULL
    ) WITH (toast_tuple_target = 128)`.execute(db);
  // Out of line but not compressed: vectors of lexemes and positions do not compress (measured
  // 5,910 → 5,906 bytes on average), and trying took a fifth of an import's writing time.
  await sql`ALTER TABLE practice_match ALTER COLUMN full_vec SET STORAGE EXTERNAL`.execute(db);
  await sql`INSERT INTO practice_match (seq, full_vec) SELECT seq, full_vec FROM practices WHERE full_vec IS NOT NULL`.execute(db);
  await sql`CREATE INDEX practice_match_full_vec_idx ON practice_match USING gin (full_vec)`.execute(db);
  await sql`DROP INDEX IF EXISTS practices_full_vec_idx`.execute(db);
  // The keys matching a query in one call (one round trip instead of begin, set, select, commit),
  // planned with sequential scans off: for a broad word the planner would otherwise read and
  // decompress every vector instead of using the index (1,580 ms against 190 ms at 100k).
  // The search and the SQL filters of exports, feeds and the map all match through it.
  await sql`
    CREATE FUNCTION practice_matches(q tsquery) RETURNS integer[] LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS 'SELECT array_agg(seq) FROM practice_match WHERE full_vec @@ q'`.execute(db);
  await sql`ALTER TABLE practices DROP COLUMN full_vec`.execute(db);
}

/** Puts the vector back into `practices`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE practices ADD COLUMN full_vec tsvector`.execute(db);
  await sql`UPDATE practices p SET full_vec = m.full_vec FROM practice_match m WHERE m.seq = p.seq`.execute(db);
  await sql`CREATE INDEX practices_full_vec_idx ON practices USING gin (full_vec)`.execute(db);
  await sql`DROP FUNCTION practice_matches(tsquery)`.execute(db);
  await sql`DROP TABLE practice_match`.execute(db);
}
