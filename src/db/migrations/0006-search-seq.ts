import { type Kysely, sql } from 'kysely';

/**
 * A small integer key per practice, so the search can carry sets of tens of thousands of
 * matches between the database and its in-memory facet snapshot as int arrays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE practices ADD COLUMN seq integer GENERATED ALWAYS AS IDENTITY`.execute(db);
  await sql`CREATE UNIQUE INDEX practices_seq_idx ON practices (seq)`.execute(db);
}

/** Drops the key. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE practices DROP COLUMN IF EXISTS seq`.execute(db);
}
