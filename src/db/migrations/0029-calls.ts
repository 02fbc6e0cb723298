import { type Kysely, sql } from 'kysely';

/**
 * Calls for interest and the applications to them.
 *
 * A call is opened by a coordinator (a new role): its description, who may apply, when it
 * opens and closes (instants in UTC, shown in the call's IANA zone), the application form's
 * custom questions and the rubric (both JSON, validated by the app: a published call's form and
 * rubric no longer change), how many reviewers read each application, the languages accepted.
 * `example` marks the demo's call.
 *
 * An application belongs to the person who started it; co-editors of the same organisation may
 * edit it (`application_editors`). Its answers are JSON by question key (identity fields and
 * custom questions), saved at each step with an optimistic `version`; it is submitted before the
 * deadline or withdrawn. Files (PDF up to 10 MB) are stored in the database and served only to
 * the applicant's side, its reviewers and coordinators. `consent_public` lets the call's page
 * name it once selected. The decision fields are filled by the review (migration 0030) and shown
 * to the applicant only once the call's decisions are released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users DROP CONSTRAINT users_role_check`.execute(db);
  await sql`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('member', 'editor', 'admin', 'coordinator'))`.execute(db);

  await sql`
    CREATE TABLE calls (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      title text NOT NULL CHECK (title <> ''),
      description text NOT NULL DEFAULT '',
      eligible text[] NOT NULL DEFAULT '{cities}',
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      time_zone text NOT NULL,
      questions jsonb NOT NULL DEFAULT '[]'::jsonb,
      rubric jsonb NOT NULL DEFAULT '[]'::jsonb,
      reviewers_per_application integer NOT NULL DEFAULT 2 CHECK (reviewers_per_application BETWEEN 1 AND 10),
      languages text[] NOT NULL DEFAULT '{en}',
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published')),
      decisions_released_at timestamptz,
      example boolean NOT NULL DEFAULT false,
      created_by bigint REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (closes_at > opens_at)
    )`.execute(db);
  await sql`CREATE INDEX calls_closes_at_idx ON calls (closes_at) WHERE state = 'published'`.execute(db);

  await sql`
    CREATE TABLE applications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      call_id bigint NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      applicant_id bigint REFERENCES users (id) ON DELETE SET NULL,
      organization_id bigint REFERENCES organizations (id) ON DELETE SET NULL,
      applicant_kind text NOT NULL DEFAULT 'city' CHECK (applicant_kind IN ('city', 'organization', 'person')),
      name text NOT NULL DEFAULT '',
      city text,
      country char(2),
      answers jsonb NOT NULL DEFAULT '{}'::jsonb,
      step integer NOT NULL DEFAULT 1,
      version integer NOT NULL DEFAULT 1,
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'withdrawn')),
      consent_public boolean NOT NULL DEFAULT false,
      decision text CHECK (decision IN ('selected', 'waiting_list', 'not_selected')),
      decision_message text,
      decided_by bigint REFERENCES users (id) ON DELETE SET NULL,
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX applications_call_idx ON applications (call_id, state)`.execute(db);
  await sql`CREATE INDEX applications_applicant_idx ON applications (applicant_id)`.execute(db);

  await sql`
    CREATE TABLE application_editors (
      application_id bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      added_by bigint REFERENCES users (id) ON DELETE SET NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (application_id, user_id)
    )`.execute(db);

  await sql`
    CREATE TABLE application_files (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      application_id bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
      question text NOT NULL,
      file_name text NOT NULL,
      media_type text NOT NULL CHECK (media_type = 'application/pdf'),
      size integer NOT NULL CHECK (size BETWEEN 1 AND 10485760),
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by bigint REFERENCES users (id) ON DELETE SET NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (application_id, question)
    )`.execute(db);

  for (const table of ['calls', 'applications']) {
    await sql`CREATE TRIGGER ${sql.id(`${table}_site_changed`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.id(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION site_changed()`.execute(db);
  }
}

/** Drops the calls and applications; coordinators become members. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS application_files, application_editors, applications, calls`.execute(db);
  await sql`UPDATE users SET role = 'member' WHERE role = 'coordinator'`.execute(db);
  await sql`ALTER TABLE users DROP CONSTRAINT users_role_check`.execute(db);
  await sql`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('member', 'editor', 'admin'))`.execute(db);
}
