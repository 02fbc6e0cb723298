import { type Kysely, sql } from 'kysely';

/**
 * The Snowball stemmers PostgreSQL 15 ships that the catalogue used when this migration was
 * written, in the order it listed them.
 * Copied here, not imported, so that this migration creates the same configurations forever.
 */
const stemmers = [
  'arabic',
  'danish',
  'dutch',
  'english',
  'finnish',
  'french',
  'german',
  'greek',
  'hungarian',
  'indonesian',
  'irish',
  'italian',
  'lithuanian',
  'nepali',
  'norwegian',
  'portuguese',
  'romanian',
  'russian',
  'serbian',
  'spanish',
  'swedish',
  'tamil',
  'turkish',
];

/** Accent folding and trigram matching. */
async function createExtensions(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
}

/** One accent-folding text search configuration per language, and `ch_simple`. */
async function createTextSearchConfigs(db: Kysely<unknown>): Promise<void> {
  // Accent-folding copies of the built-in configurations: "Sao Paulo" matches "São Paulo",
  // and ts_headline still highlights the original accented text.
  const configs = ['simple', ...stemmers];
  for (const name of configs) {
    const stem = name === 'simple' ? 'simple' : `${name}_stem`;
    await sql.raw(`CREATE TEXT SEARCH CONFIGURATION ch_${name} (COPY = pg_catalog.${name})`).execute(db);
    await sql
      .raw(
        `ALTER TEXT SEARCH CONFIGURATION ch_${name} ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart WITH unaccent, ${stem}`,
      )
      .execute(db);
  }
}

/** The practices, with the columns search and filters read, and their indexes. */
async function createPracticesTable(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE practices (
      id text PRIMARY KEY,
      state text NOT NULL DEFAULT 'published'
        CHECK (state IN ('draft', 'submitted', 'changes_requested', 'published', 'rejected', 'withdrawn')),
      title text NOT NULL,
      summary text NOT NULL,
      language text NOT NULL,
      city text,
      city_slug text,
      country char(2) NOT NULL,
      region char(3),
      subregion char(3),
      intermediate_region char(3),
      lat double precision,
      lon double precision,
      level text NOT NULL DEFAULT 'local',
      started integer,
      ended integer,
      status text NOT NULL DEFAULT 'unknown',
      themes text[] NOT NULL,
      actor_types text[] NOT NULL DEFAULT '{}',
      target_groups text[] NOT NULL DEFAULT '{}',
      lead_organization text,
      evidence_level smallint,
      record jsonb NOT NULL,
      content_hash text NOT NULL,
      quality real NOT NULL DEFAULT 0,
      rank_vec tsvector,
      full_vec tsvector,
      source_updated date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX practices_full_vec_idx ON practices USING gin (full_vec)`.execute(db);
  await sql`CREATE INDEX practices_themes_idx ON practices USING gin (themes)`.execute(db);
  await sql`CREATE INDEX practices_country_idx ON practices (country, city_slug)`.execute(db);
  await sql`CREATE INDEX practices_newest_idx ON practices (state, created_at DESC, id)`.execute(db);
  await sql`CREATE INDEX practices_title_idx ON practices (state, lower(title), id)`.execute(db);
}

/** Adaptation links between practices, and each practice's revisions. */
async function createLinksAndRevisions(db: Kysely<unknown>): Promise<void> {
  // adapted_from may name a practice that is not here yet: no foreign key on it, by design.
  await sql`
    CREATE TABLE practice_links (
      practice_id text NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
      adapted_from_id text NOT NULL,
      changes text,
      position integer NOT NULL DEFAULT 0,
      PRIMARY KEY (practice_id, adapted_from_id)
    )`.execute(db);
  await sql`CREATE INDEX practice_links_from_idx ON practice_links (adapted_from_id)`.execute(db);

  await sql`
    CREATE TABLE practice_revisions (
      id bigserial PRIMARY KEY,
      practice_id text NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
      record jsonb NOT NULL,
      author text NOT NULL,
      message text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX practice_revisions_practice_idx ON practice_revisions (practice_id, id)`.execute(db);
}

/** The cities practices are in, with their population figures. */
async function createCitiesTable(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE cities (
      country char(2) NOT NULL,
      slug text NOT NULL,
      name text NOT NULL,
      population integer,
      population_year integer,
      foreign_born_share real,
      foreign_born_year integer,
      source_url text,
      lat double precision,
      lon double precision,
      PRIMARY KEY (country, slug)
    )`.execute(db);
}

/** The search vocabulary and the app's own state. */
async function createSearchWordsAndState(db: Kysely<unknown>): Promise<void> {
  // Vocabulary of indexed words, for "did you mean" on misspelled queries.
  await sql`CREATE TABLE search_words (word text PRIMARY KEY, ndoc integer NOT NULL)`.execute(db);
  await sql`CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops)`.execute(db);

  await sql`CREATE TABLE app_state (key text PRIMARY KEY, value jsonb NOT NULL)`.execute(db);
}

/** The practice catalogue: practices, adaptation links, revisions, cities and the search vocabulary. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createExtensions(db);
  await createTextSearchConfigs(db);
  await createPracticesTable(db);
  await createLinksAndRevisions(db);
  await createCitiesTable(db);
  await createSearchWordsAndState(db);
}

/** Drops everything the migration made. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['app_state', 'search_words', 'cities', 'practice_revisions', 'practice_links', 'practices']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
}
