import { type Kysely, sql } from 'kysely';

/** The audit log: who did what, when and from where. Append-only; the app never updates or deletes a row. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // actor_user_id has no foreign key on purpose: the trail must outlive the account it names.
  await sql`
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user_id bigint,
      action text NOT NULL,
      target text,
      ip text,
      details jsonb NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_action_idx ON audit_log (action)`.execute(db);
}

/** Drops the audit log. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS audit_log`.execute(db);
}
