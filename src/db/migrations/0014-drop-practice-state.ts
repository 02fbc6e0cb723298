import { type Kysely, sql } from 'kysely';

/**
 * Drops `practices.state`: only published practices live in `practices` (drafts are
 * submissions), so the column was always 'published', yet every query filtered on it and two
 * indexes led with it. The "newest" index is made again without it (the home page and feeds
 * read it); the title index goes, as titles are ordered in memory (src/search/snapshot-build.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS practices_title_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS practices_newest_idx`.execute(db);
  await sql`ALTER TABLE practices DROP COLUMN IF EXISTS state`.execute(db);
  await sql`CREATE INDEX practices_newest_idx ON practices (created_at DESC, started DESC NULLS LAST, id)`.execute(db);
}

/** Puts the column back, every practice published, with the indexes as they were. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS practices_newest_idx`.execute(db);
  await sql`ALTER TABLE practices ADD COLUMN IF NOT EXISTS state text NOT NULL DEFAULT 'published'`.execute(db);
  await sql`CREATE INDEX practices_newest_idx ON practices (state, created_at DESC, started DESC NULLS LAST, id)`.execute(db);
  await sql`CREATE INDEX practices_title_idx ON practices (state, lower(title), id)`.execute(db);
}
