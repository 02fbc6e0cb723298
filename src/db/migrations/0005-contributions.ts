import { type Kysely, sql } from 'kysely';

/**
 * Contributions and editorial review: submissions (new practices, adaptations, translations)
 * with their private conversation, editors' assessments of published practices, and who wrote
 * each revision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A submission holds a draft record (any subset of the exchange-format fields) until an editor
  // publishes it into `practices`. `practice_id` names the practice a translation is for, and
  // the published practice once a new one is published.
  await sql`
    CREATE TABLE submissions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL DEFAULT 'practice' CHECK (kind IN ('practice', 'translation')),
      state text NOT NULL DEFAULT 'draft'
        CHECK (state IN ('draft', 'submitted', 'changes_requested', 'published', 'rejected', 'withdrawn')),
      submitter_id bigint NOT NULL REFERENCES users (id),
      assignee_id bigint REFERENCES users (id),
      practice_id text,
      adapted_from_id text,
      translation_language text,
      data jsonb NOT NULL DEFAULT '{}',
      title text NOT NULL DEFAULT '',
      language text,
      themes text[] NOT NULL DEFAULT '{}',
      step smallint NOT NULL DEFAULT 1,
      decision_message text,
      request_key text UNIQUE,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX submissions_submitter_idx ON submissions (submitter_id, updated_at DESC)`.execute(db);
  await sql`CREATE INDEX submissions_queue_idx ON submissions (state, submitted_at)`.execute(db);

  // The private thread between submitter and editors, and every change of state, in order.
  await sql`
    CREATE TABLE submission_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      submission_id bigint NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
      author_id bigint REFERENCES users (id),
      kind text NOT NULL CHECK (kind IN ('comment', 'state')),
      state text,
      body text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX submission_events_submission_idx ON submission_events (submission_id, id)`.execute(db);

  // An editor's judgement of a published practice; one current assessment per practice.
  await sql`
    CREATE TABLE practice_assessments (
      practice_id text PRIMARY KEY REFERENCES practices (id) ON DELETE CASCADE,
      practical text NOT NULL CHECK (practical IN ('yes', 'partly', 'no', 'unknown')),
      practical_note text NOT NULL DEFAULT '',
      innovative text NOT NULL CHECK (innovative IN ('yes', 'partly', 'no', 'unknown')),
      innovative_note text NOT NULL DEFAULT '',
      successful text NOT NULL CHECK (successful IN ('yes', 'partly', 'no', 'unknown')),
      successful_note text NOT NULL DEFAULT '',
      transferable text NOT NULL CHECK (transferable IN ('yes', 'partly', 'no', 'unknown')),
      transferable_note text NOT NULL DEFAULT '',
      evidence_level smallint NOT NULL CHECK (evidence_level BETWEEN 1 AND 5),
      assessed_by bigint REFERENCES users (id),
      assessed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // The criteria an editor judged "yes", copied onto the practice so search can filter on them.
  await sql`ALTER TABLE practices ADD COLUMN assessed text[] NOT NULL DEFAULT '{}'`.execute(db);
  await sql`CREATE INDEX practices_assessed_idx ON practices USING gin (assessed)`.execute(db);

  // Who wrote a revision (null for the command line and imports without an account).
  await sql`ALTER TABLE practice_revisions ADD COLUMN author_id bigint`.execute(db);
  await sql`ALTER TABLE practice_revisions ADD COLUMN kind text NOT NULL DEFAULT 'import'`.execute(db);
}

/** Drops what the migration made. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE practice_revisions DROP COLUMN IF EXISTS kind`.execute(db);
  await sql`ALTER TABLE practice_revisions DROP COLUMN IF EXISTS author_id`.execute(db);
  await sql`ALTER TABLE practices DROP COLUMN IF EXISTS assessed`.execute(db);
  for (const table of ['practice_assessments', 'submission_events', 'submissions']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
}
