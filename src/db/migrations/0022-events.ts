import { type Kysely, sql } from 'kysely';

/**
 * Events where cities meet: conferences, roundtables, webinars, study visits, trainings. Each has
 * its dates in the organiser's time zone (an IANA name; an all-day event has dates only), a place
 * (a city and country, a venue) or an online link, languages, organisers (names, linked to the
 * directory when it knows them), themes, a registration link, a description and, once past, its
 * outcomes. `example` marks an invented event of the demo. Events show on pages, so their table
 * moves the site version (0015's function).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE events (
      id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      title text NOT NULL CHECK (title <> ''),
      type text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      all_day boolean NOT NULL DEFAULT false,
      time_zone text NOT NULL,
      city text,
      country char(2),
      venue text,
      online_url text,
      languages text[] NOT NULL DEFAULT '{}',
      organisers text[] NOT NULL DEFAULT '{}',
      themes text[] NOT NULL DEFAULT '{}',
      registration_url text,
      description text,
      outcomes text,
      example boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at >= starts_at)
    )`.execute(db);
  await sql`CREATE INDEX events_starts_at_idx ON events (starts_at)`.execute(db);
  await sql`CREATE TRIGGER events_site_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
}

/** Drops the events. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS events`.execute(db);
}
