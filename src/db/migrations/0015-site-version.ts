import { type Kysely, sql } from 'kysely';

/** What every app instance listens on: a committed change to what anonymous pages show. */
export const siteChannel = 'site_changed';

/** The tables besides `practices` that public pages show: practices' links, assessments, revisions, cities. */
const shownTables = ['practice_links', 'practice_assessments', 'practice_revisions', 'cities'];

/** The catalogue trigger's function of 0012, with or without the notification. */
function catalogueTrigger(notify: boolean) {
  return sql`
    CREATE OR REPLACE FUNCTION catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
      ${notify ? sql.raw(`PERFORM pg_notify('${siteChannel}', 'catalogue:' || v);`) : sql.raw('')}
      RETURN NULL;
    END $$`;
}

/**
 * Public pages are kept rendered per version of what they show, and every instance learns of a
 * change by a notification instead of asking the database on every request. The catalogue
 * trigger (0012) now also notifies `site_changed` with `catalogue:<version>`; the other tables
 * public pages read bump `app_state.site_version` by a statement trigger of their own and
 * notify `site:<version>`. PostgreSQL delivers notifications at commit, in commit order, to
 * every listening session.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await catalogueTrigger(true).execute(db);
  await sql`
    CREATE FUNCTION site_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      v bigint;
    BEGIN
      INSERT INTO app_state (key, value) VALUES ('site_version', '1'::jsonb)
        ON CONFLICT (key) DO UPDATE SET value = to_jsonb((app_state.value #>> '{}')::bigint + 1)
        RETURNING (value #>> '{}')::bigint INTO v;
      PERFORM pg_notify(${sql.lit(siteChannel)}, 'site:' || v);
      RETURN NULL;
    END $$`.execute(db);
  for (const t of shownTables) {
    await sql`CREATE TRIGGER ${sql.raw(`${t}_site_changed`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(t)}
      FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
  }
}

/** Back to the catalogue trigger without notifications, and no site version. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of shownTables) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${t}_site_changed`)} ON ${sql.table(t)}`.execute(db);
  await sql`DROP FUNCTION IF EXISTS site_changed()`.execute(db);
  await catalogueTrigger(false).execute(db);
  await sql`DELETE FROM app_state WHERE key = 'site_version'`.execute(db);
}
