import { type Kysely, sql } from 'kysely';

/**
 * Credited authors and licensed contributions (issue 19): a submission keeps the licence its
 * submitter agreed to publish under and when; a revision published from a submission keeps who
 * submitted it (credited on the practice page when they have a public profile) and that consent;
 * the thread's "changes requested" event keeps the draft as the editor saw it, so a resubmission
 * can be compared with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE submissions ADD COLUMN license text, ADD COLUMN license_agreed_at timestamptz`.execute(db);
  await sql`
    ALTER TABLE practice_revisions
      ADD COLUMN submitter_id bigint REFERENCES users (id) ON DELETE SET NULL,
      ADD COLUMN license text,
      ADD COLUMN license_agreed_at timestamptz
  `.execute(db);
  await sql`ALTER TABLE submission_events ADD COLUMN data jsonb`.execute(db);
}

/** Drops the columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE submission_events DROP COLUMN IF EXISTS data`.execute(db);
  await sql`
    ALTER TABLE practice_revisions
      DROP COLUMN IF EXISTS license_agreed_at,
      DROP COLUMN IF EXISTS license,
      DROP COLUMN IF EXISTS submitter_id
  `.execute(db);
  await sql`ALTER TABLE submissions DROP COLUMN IF EXISTS license_agreed_at, DROP COLUMN IF EXISTS license`.execute(db);
}
