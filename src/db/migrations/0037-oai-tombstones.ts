import { type Kysely, sql } from 'kysely';

/**
 * OAI-PMH (issue 19): harvesters must hear of practices that leave the catalogue, so the
 * database keeps a tombstone for every practice deleted, whichever path deletes it (a trigger,
 * not application code), with what its sets were. A practice that comes back (re-imported
 * under the same id) loses its tombstone. Lists are read in datestamp order, so both tables
 * get an index on (time, id) for the keyset pages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE practice_tombstones (
      id text PRIMARY KEY,
      deleted_at timestamptz NOT NULL DEFAULT now(),
      themes text[] NOT NULL DEFAULT '{}',
      region text,
      subregion text
    )`.execute(db);
  await sql`CREATE INDEX practice_tombstones_deleted_at ON practice_tombstones (deleted_at, id)`.execute(db);
  await sql`CREATE INDEX practices_updated_at_id ON practices (updated_at, id)`.execute(db);
  await sql`
    CREATE FUNCTION practice_tombstone_kept() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        INSERT INTO practice_tombstones (id, deleted_at, themes, region, subregion)
          SELECT id, clock_timestamp(), themes, region, subregion FROM old_rows
          ON CONFLICT (id) DO UPDATE SET deleted_at = excluded.deleted_at, themes = excluded.themes,
            region = excluded.region, subregion = excluded.subregion;
      ELSE
        DELETE FROM practice_tombstones t USING new_rows n WHERE t.id = n.id;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER practices_tombstone_kept AFTER DELETE ON practices REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION practice_tombstone_kept()`.execute(db);
  await sql`CREATE TRIGGER practices_tombstone_cleared AFTER INSERT ON practices REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION practice_tombstone_kept()`.execute(db);
}

/** Back to forgetting deleted practices. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['practices_tombstone_kept', 'practices_tombstone_cleared']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(t)} ON practices`.execute(db);
  await sql`DROP FUNCTION IF EXISTS practice_tombstone_kept()`.execute(db);
  await sql`DROP INDEX IF EXISTS practices_updated_at_id`.execute(db);
  await sql`DROP TABLE IF EXISTS practice_tombstones`.execute(db);
}
