import { type Kysely, sql } from 'kysely';

/**
 * The catalogue version is bumped by the database itself: every statement that inserts, updates
 * or deletes practices runs one trigger that raises `app_state.catalogue_version` and records the
 * changed practices (by `seq`) under the new version in `catalogue_changes`. No application code
 * can forget it, and an app instance holding the catalogue at version v brings itself up to date
 * by reading the practices changed after v instead of the whole catalogue. Writers queue on the
 * version row, so versions commit in order and a version, once visible, has all its changes.
 * The log keeps the last 10,000 versions; an instance further behind reloads everything.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE catalogue_changes (
      version bigint NOT NULL,
      seq integer NOT NULL,
      PRIMARY KEY (version, seq)
    )`.execute(db);
  await sql`
    CREATE FUNCTION catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      v bigint;
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
      ELSE
        IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
      END IF;
      INSERT INTO app_state (key, value) VALUES ('catalogue_version', '1'::jsonb)
        ON CONFLICT (key) DO UPDATE SET value = to_jsonb((app_state.value #>> '{}')::bigint + 1)
        RETURNING (value #>> '{}')::bigint INTO v;
      IF TG_OP = 'DELETE' THEN
        INSERT INTO catalogue_changes (version, seq) SELECT DISTINCT v, seq FROM old_rows;
      ELSE
        INSERT INTO catalogue_changes (version, seq) SELECT DISTINCT v, seq FROM new_rows;
      END IF;
      DELETE FROM catalogue_changes WHERE version <= v - 10000;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER practices_inserted AFTER INSERT ON practices REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed()`.execute(db);
  await sql`CREATE TRIGGER practices_updated AFTER UPDATE ON practices REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed()`.execute(db);
  await sql`CREATE TRIGGER practices_deleted AFTER DELETE ON practices REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed()`.execute(db);
}

/** Back to versions bumped by the application. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['practices_inserted', 'practices_updated', 'practices_deleted']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(t)} ON practices`.execute(db);
  await sql`DROP FUNCTION IF EXISTS catalogue_changed()`.execute(db);
  await sql`DROP TABLE IF EXISTS catalogue_changes`.execute(db);
}
