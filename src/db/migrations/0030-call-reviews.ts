import { type Kysely, sql } from 'kysely';

/**
 * The review of a call's applications.
 *
 * `call_reviewers` is a call's pool of reviewers (added by its coordinators by email); balanced
 * assignment and the replacement after a declared conflict draw from it. `review_assignments`
 * gives one application to one reviewer; the reviewer first answers whether they have a conflict
 * of interest (`conflict` null until answered). A declared conflict keeps the row (so the
 * reviewer is never assigned that application again and can reach nothing of it) and a new
 * assignment goes to another reviewer. `reviews` holds one reviewer's scores of one application:
 * per rubric criterion a score 1–5 and a comment (JSON by criterion key), a draft until
 * submitted. `score_values` repeats the scores alone (`{"reach": 4}`): the overview of a large
 * call reads thousands of reviews and needs none of their comments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE call_reviewers (
      call_id bigint NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      added_by bigint REFERENCES users (id) ON DELETE SET NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (call_id, user_id)
    )`.execute(db);

  await sql`
    CREATE TABLE review_assignments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      call_id bigint NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      application_id bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
      reviewer_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      assigned_by bigint REFERENCES users (id) ON DELETE SET NULL,
      assigned_at timestamptz NOT NULL DEFAULT now(),
      conflict boolean,
      conflict_note text,
      declared_at timestamptz,
      UNIQUE (application_id, reviewer_id)
    )`.execute(db);
  await sql`CREATE INDEX review_assignments_call_idx ON review_assignments (call_id, application_id)`.execute(db);
  await sql`CREATE INDEX review_assignments_reviewer_idx ON review_assignments (reviewer_id)`.execute(db);

  await sql`
    CREATE TABLE reviews (
      application_id bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
      reviewer_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      call_id bigint NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      scores jsonb NOT NULL DEFAULT '{}'::jsonb,
      score_values jsonb NOT NULL DEFAULT '{}'::jsonb,
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      PRIMARY KEY (application_id, reviewer_id)
    )`.execute(db);
  await sql`CREATE INDEX reviews_call_idx ON reviews (call_id) WHERE state = 'submitted'`.execute(db);
}

/** Drops the review tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS reviews, review_assignments, call_reviewers`.execute(db);
}
