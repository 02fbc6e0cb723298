import { type Kysely, sql } from 'kysely';

/** The channel of 0015 (a migration keeps its own copy of the values it needs). */
const siteChannel = 'site_changed';

/**
 * The cities table gets a version of its own, moved only by statements that changed rows: the
 * map keeps the city directory (names and coordinates of every city) per version, and 0015's
 * statement trigger moved the site version on every practice write, whose city upsert touches
 * no row most of the time. A change to cities still moves the site version and notifies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS cities_site_changed ON cities`.execute(db);
  await sql`
    CREATE FUNCTION cities_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      v bigint;
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
      ELSIF TG_OP <> 'TRUNCATE' THEN
        IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
      END IF;
      INSERT INTO app_state (key, value) VALUES ('cities_version', '1'::jsonb)
        ON CONFLICT (key) DO UPDATE SET value = to_jsonb((app_state.value #>> '{}')::bigint + 1);
      INSERT INTO app_state (key, value) VALUES ('site_version', '1'::jsonb)
        ON CONFLICT (key) DO UPDATE SET value = to_jsonb((app_state.value #>> '{}')::bigint + 1)
        RETURNING (value #>> '{}')::bigint INTO v;
      PERFORM pg_notify(${sql.lit(siteChannel)}, 'site:' || v);
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER cities_inserted AFTER INSERT ON cities REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cities_changed()`.execute(db);
  await sql`CREATE TRIGGER cities_updated AFTER UPDATE ON cities REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cities_changed()`.execute(db);
  await sql`CREATE TRIGGER cities_deleted AFTER DELETE ON cities REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cities_changed()`.execute(db);
  await sql`CREATE TRIGGER cities_truncated AFTER TRUNCATE ON cities FOR EACH STATEMENT EXECUTE FUNCTION cities_changed()`.execute(db);
}

/** Back to 0015's statement trigger on cities. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['cities_inserted', 'cities_updated', 'cities_deleted', 'cities_truncated'])
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(t)} ON cities`.execute(db);
  await sql`DROP FUNCTION IF EXISTS cities_changed()`.execute(db);
  await sql`DELETE FROM app_state WHERE key = 'cities_version'`.execute(db);
  await sql`CREATE TRIGGER cities_site_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cities
    FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
}
