import { type Kysely, sql } from 'kysely';

/**
 * The resource library (0035): reports, toolkits, guidelines, videos, webinar recordings and
 * datasets with their metadata; links both ways to practices, cities and organisations; their
 * PDF files in the database; and resource submissions, which go through the same workflow as
 * practices (a `kind` of submission).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE resources (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE,
      type text NOT NULL CHECK (type IN ('report', 'toolkit', 'guideline', 'video', 'webinar', 'dataset')),
      title text NOT NULL,
      publisher text NOT NULL DEFAULT '',
      authors text[] NOT NULL DEFAULT '{}',
      year smallint CHECK (year BETWEEN 1900 AND 2100),
      languages text[] NOT NULL DEFAULT '{}',
      themes text[] NOT NULL DEFAULT '{}',
      regions text[] NOT NULL DEFAULT '{}',
      abstract text NOT NULL DEFAULT '',
      url text,
      archive_url text,
      licence text NOT NULL DEFAULT '',
      submission_id bigint REFERENCES submissions (id) ON DELETE SET NULL,
      created_by bigint REFERENCES users (id) ON DELETE SET NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // Harvesters page through the library by (updated_at, id); the feed reads the newest.
  await sql`CREATE INDEX resources_updated_idx ON resources (updated_at, id)`.execute(db);

  // What a resource documents: a practice (its id), a city ("de/berlin") or an organisation (its slug).
  await sql`
    CREATE TABLE resource_links (
      resource_id bigint NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('practice', 'city', 'organization')),
      target text NOT NULL,
      PRIMARY KEY (resource_id, kind, target)
    )`.execute(db);
  // The other way: a practice, city or organisation page lists its resources on this index.
  await sql`CREATE INDEX resource_links_target_idx ON resource_links (kind, target)`.execute(db);

  // A resource's PDF: uploaded with its submission, carried to the resource when it is published.
  await sql`
    CREATE TABLE resource_files (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      submission_id bigint UNIQUE REFERENCES submissions (id) ON DELETE CASCADE,
      resource_id bigint UNIQUE REFERENCES resources (id) ON DELETE CASCADE,
      file_name text NOT NULL,
      media_type text NOT NULL CHECK (media_type = 'application/pdf'),
      size integer NOT NULL CHECK (size BETWEEN 1 AND 20971520),
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by bigint REFERENCES users (id) ON DELETE SET NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`ALTER TABLE submissions DROP CONSTRAINT IF EXISTS submissions_kind_check`.execute(db);
  await sql`ALTER TABLE submissions ADD CONSTRAINT submissions_kind_check CHECK (kind IN ('practice', 'translation', 'resource'))`.execute(db);

  for (const table of ['resources', 'resource_links']) {
    await sql`CREATE TRIGGER ${sql.id(`${table}_site_changed`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.id(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
  }
}

/** Drops the library; resource submissions go with it. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS resource_files`.execute(db);
  await sql`DROP TABLE IF EXISTS resource_links`.execute(db);
  await sql`DROP TABLE IF EXISTS resources`.execute(db);
  await sql`DELETE FROM submissions WHERE kind = 'resource'`.execute(db);
  await sql`ALTER TABLE submissions DROP CONSTRAINT IF EXISTS submissions_kind_check`.execute(db);
  await sql`ALTER TABLE submissions ADD CONSTRAINT submissions_kind_check CHECK (kind IN ('practice', 'translation'))`.execute(db);
}
