import { type Kysely, sql } from 'kysely';

/**
 * The browse page's "newest" order (created_at, then start year) gets an index of its own, and
 * the search-document version is recorded with the schema, so a database filled by the CLI is
 * not re-indexed at the server's first start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS practices_newest_idx`.execute(db);
  await sql`CREATE INDEX practices_newest_idx ON practices (state, created_at DESC, started DESC NULLS LAST, id)`.execute(db);
  // Version 2 is the search document this migration ships with (src/practices/practice-search-doc.ts).
  await sql`INSERT INTO app_state (key, value) VALUES ('search_doc_version', '2'::jsonb) ON CONFLICT (key) DO NOTHING`.execute(db);
}

/** Restores the earlier index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS practices_newest_idx`.execute(db);
  await sql`CREATE INDEX practices_newest_idx ON practices (state, created_at DESC, id)`.execute(db);
}
