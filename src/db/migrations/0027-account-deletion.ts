import { type Kysely, sql } from 'kysely';

/**
 * Deleting one's account: the row stays, emptied of the person (name "former member", an
 * address nobody can have, no password, no profile) and disabled, so that what they wrote in
 * threads, revisions and submissions stays readable without naming them; `deleted_at` says it
 * was erased at their request, and an admin cannot enable it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN deleted_at timestamptz`.execute(db);
}

/** Drops the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users DROP COLUMN IF EXISTS deleted_at`.execute(db);
}
