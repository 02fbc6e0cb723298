import { type Kysely, sql } from 'kysely';

/**
 * Keys the server signs with (the known-device cookie of sign-in), one row per purpose. They
 * live in the database so that every app instance signs and checks with the same key; the first
 * instance that needs one creates it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE server_secrets (
      name text PRIMARY KEY,
      secret text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

/** Drops the keys: every known-device cookie stops being recognised. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS server_secrets`.execute(db);
}
