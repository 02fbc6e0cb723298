import { type Kysely, sql } from 'kysely';

/**
 * Cities assess themselves: representatives (people an admin made able to act for a city),
 * assessments (a city's draft, being answered, and its published snapshots, each of one
 * framework version, public or private, marked when they are example data), their answers
 * (an option, or "don't know" / "not applicable", with an evidence link and a note) and every
 * change of an answer or of an assessment's state as a revision. A published snapshot keeps its
 * scores as computed when published (it never changes after), so comparisons between cities read
 * them without rescoring every answer. Published snapshots show on
 * pages, so their table moves the site version (0015's function).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE city_representatives (
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      country char(2) NOT NULL,
      slug text NOT NULL,
      granted_by bigint REFERENCES users (id) ON DELETE SET NULL,
      granted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, country, slug),
      FOREIGN KEY (country, slug) REFERENCES cities (country, slug) ON DELETE CASCADE ON UPDATE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX city_representatives_city_idx ON city_representatives (country, slug)`.execute(db);
  await sql`
    CREATE TABLE city_assessments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      country char(2) NOT NULL,
      slug text NOT NULL,
      framework_version integer NOT NULL,
      state text NOT NULL CHECK (state IN ('draft', 'published')),
      visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private')),
      example boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      published_by bigint REFERENCES users (id) ON DELETE SET NULL,
      scores jsonb,
      FOREIGN KEY (country, slug) REFERENCES cities (country, slug) ON DELETE CASCADE ON UPDATE CASCADE,
      CHECK ((state = 'published') = (published_at IS NOT NULL)),
      CHECK ((state = 'published') = (scores IS NOT NULL))
    )`.execute(db);
  // One draft per city at a time; snapshots by city and date.
  await sql`CREATE UNIQUE INDEX city_assessments_one_draft_idx ON city_assessments (country, slug) WHERE state = 'draft'`.execute(db);
  await sql`CREATE INDEX city_assessments_published_idx ON city_assessments (country, slug, published_at) WHERE state = 'published'`.execute(db);
  await sql`
    CREATE TABLE city_assessment_answers (
      assessment_id bigint NOT NULL REFERENCES city_assessments (id) ON DELETE CASCADE,
      question text NOT NULL,
      option text,
      unanswered text CHECK (unanswered IN ('dont-know', 'not-applicable')),
      evidence_url text,
      note text,
      updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (assessment_id, question),
      CHECK ((option IS NULL) <> (unanswered IS NULL))
    )`.execute(db);
  await sql`
    CREATE TABLE city_assessment_revisions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      assessment_id bigint NOT NULL REFERENCES city_assessments (id) ON DELETE CASCADE,
      question text,
      before jsonb,
      after jsonb,
      author text NOT NULL,
      author_id bigint REFERENCES users (id) ON DELETE SET NULL,
      message text NOT NULL DEFAULT '',
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX city_assessment_revisions_idx ON city_assessment_revisions (assessment_id, id)`.execute(db);
  // The peer cities a city's representatives chose to compare with, beside region and size.
  await sql`
    CREATE TABLE city_peer_choices (
      country char(2) NOT NULL,
      slug text NOT NULL,
      peer_country char(2) NOT NULL,
      peer_slug text NOT NULL,
      chosen_by bigint REFERENCES users (id) ON DELETE SET NULL,
      chosen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (country, slug, peer_country, peer_slug),
      FOREIGN KEY (country, slug) REFERENCES cities (country, slug) ON DELETE CASCADE ON UPDATE CASCADE,
      FOREIGN KEY (peer_country, peer_slug) REFERENCES cities (country, slug) ON DELETE CASCADE ON UPDATE CASCADE,
      CHECK ((country, slug) <> (peer_country, peer_slug))
    )`.execute(db);
  // What a city's representatives did with a recommended practice: saved it to their shortlist, or dismissed it.
  await sql`
    CREATE TABLE recommendation_choices (
      country char(2) NOT NULL,
      slug text NOT NULL,
      practice_id text NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
      choice text NOT NULL CHECK (choice IN ('shortlisted', 'dismissed')),
      chosen_by bigint REFERENCES users (id) ON DELETE SET NULL,
      chosen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (country, slug, practice_id),
      FOREIGN KEY (country, slug) REFERENCES cities (country, slug) ON DELETE CASCADE ON UPDATE CASCADE
    )`.execute(db);
  await sql`CREATE TRIGGER recommendation_choices_site_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON recommendation_choices
    FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
  await sql`CREATE TRIGGER city_peer_choices_site_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON city_peer_choices
    FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
  await sql`CREATE TRIGGER city_assessments_site_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON city_assessments
    FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
  // A version of the assessments alone: comparisons between cities are kept per this version,
  // so a practice published elsewhere does not make them read every city's snapshot again.
  await sql`
    CREATE FUNCTION city_assessments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO app_state (key, value) VALUES ('assessments_version', '1'::jsonb)
        ON CONFLICT (key) DO UPDATE SET value = to_jsonb((app_state.value #>> '{}')::bigint + 1);
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER city_assessments_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON city_assessments
    FOR EACH STATEMENT EXECUTE FUNCTION city_assessments_changed()`.execute(db);
}

/** Drops the assessments and the representatives. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'recommendation_choices',
    'city_peer_choices',
    'city_assessment_revisions',
    'city_assessment_answers',
    'city_assessments',
    'city_representatives',
  ])
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  await sql`DROP FUNCTION IF EXISTS city_assessments_changed()`.execute(db);
  await sql`DELETE FROM app_state WHERE key = 'assessments_version'`.execute(db);
}
