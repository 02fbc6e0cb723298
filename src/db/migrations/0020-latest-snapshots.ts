import { type Kysely, sql } from 'kysely';

/**
 * Every city's latest public snapshot is read again after each change to the assessments (the
 * benchmark, peers, recommendations; one per framework version): an index picks them without sorting the table, and the
 * scores kept at publication are stored as JSON text (`json`), sent as stored, rather than as
 * `jsonb`, which the server converts to text for every row read (half the read's time for 1,000
 * cities). Nothing queries inside them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX city_assessments_latest_public_idx ON city_assessments (example, country, slug, framework_version, published_at DESC, id DESC)
    WHERE state = 'published' AND visibility = 'public'`.execute(db);
  await sql`ALTER TABLE city_assessments ALTER COLUMN scores TYPE json USING scores::json`.execute(db);
}

/** Back to `jsonb` scores, without the index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE city_assessments ALTER COLUMN scores TYPE jsonb USING scores::jsonb`.execute(db);
  await sql`DROP INDEX IF EXISTS city_assessments_latest_public_idx`.execute(db);
}
