import { type Kysely, sql } from 'kysely';

/** The tables whose changes show on pages: each moves the site version (0015's function). */
const shownTables = ['city_figures', 'country_figures'];

/**
 * Yearly figures of cities and countries, one per indicator of the framework and year, each
 * with its source (name and link) and basis; and their revisions (who set or removed what,
 * with the value before and after). The figures a city already had (population and share born
 * abroad, with a known year) are carried over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE city_figures (
      country char(2) NOT NULL,
      slug text NOT NULL,
      indicator text NOT NULL,
      year integer NOT NULL CHECK (year BETWEEN 1800 AND 2200),
      value double precision NOT NULL,
      source_name text NOT NULL CHECK (source_name <> ''),
      source_url text,
      basis text,
      note text,
      example boolean NOT NULL DEFAULT false,
      recorded_by bigint REFERENCES users (id) ON DELETE SET NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (country, slug, indicator, year),
      FOREIGN KEY (country, slug) REFERENCES cities (country, slug) ON DELETE CASCADE ON UPDATE CASCADE
    )`.execute(db);
  await sql`
    CREATE TABLE country_figures (
      country char(2) NOT NULL,
      indicator text NOT NULL,
      year integer NOT NULL CHECK (year BETWEEN 1800 AND 2200),
      value double precision NOT NULL,
      source_name text NOT NULL CHECK (source_name <> ''),
      source_url text,
      basis text,
      note text,
      recorded_by bigint REFERENCES users (id) ON DELETE SET NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (country, indicator, year)
    )`.execute(db);
  await sql`
    CREATE TABLE figure_revisions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      country char(2) NOT NULL,
      slug text,
      indicator text NOT NULL,
      year integer NOT NULL,
      before jsonb,
      after jsonb,
      author text NOT NULL,
      author_id bigint REFERENCES users (id) ON DELETE SET NULL,
      message text NOT NULL DEFAULT '',
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX figure_revisions_place_idx ON figure_revisions (country, slug, indicator, year, id)`.execute(db);
  const host = sql`coalesce(substring(source_url from '^https?://(?:www\\.)?([^/:?#]+)'), 'unknown')`;
  await sql`
    INSERT INTO city_figures (country, slug, indicator, year, value, source_name, source_url)
    SELECT country, slug, 'population-total', population_year, population, ${host}, source_url
      FROM cities WHERE population IS NOT NULL AND population_year IS NOT NULL
    UNION ALL
    SELECT country, slug, 'foreign-born-share', foreign_born_year, foreign_born_share, ${host}, source_url
      FROM cities WHERE foreign_born_share IS NOT NULL AND foreign_born_year IS NOT NULL`.execute(db);
  for (const t of shownTables) {
    await sql`CREATE TRIGGER ${sql.raw(`${t}_site_changed`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(t)}
      FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
  }
}

/** Drops the figures and their revisions (the cities keep their latest figures in their own columns). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['figure_revisions', 'country_figures', 'city_figures']) await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
}
