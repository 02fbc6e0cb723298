import { type Kysely, sql } from 'kysely';

/**
 * A call's themes (the vocabulary's codes): the people following those themes hear of the call
 * when it is published, and the list of calls can be read by theme.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE calls ADD COLUMN themes text[] NOT NULL DEFAULT '{}'`.execute(db);
}

/** Drops the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE calls DROP COLUMN IF EXISTS themes`.execute(db);
}
