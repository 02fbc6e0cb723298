import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { randomToken } from '../security/tokens.ts';

/** Keys already read, per database handle: a key never changes once created. */
const cache = new WeakMap<Database, Map<string, Promise<string>>>();

/**
 * The server's secret named `name`, created at random by whichever instance first needs it and
 * read by every other from the database (the insert that loses the race returns the winner's).
 * @example const key = await serverSecret(db, 'known-device');
 */
export function serverSecret(db: Database, name: string): Promise<string> {
  const byName = cache.get(db) ?? new Map<string, Promise<string>>();
  cache.set(db, byName);
  const known = byName.get(name);
  if (known) return known;
  const secret = readOrCreate(db, name);
  // A failed read (database down) is tried again by the next request.
  secret.catch(() => byName.delete(name));
  byName.set(name, secret);
  return secret;
}

async function readOrCreate(db: Database, name: string): Promise<string> {
  const row = await db
    .insertInto('server_secrets')
    .values({ name, secret: randomToken() })
    // A no-op update, so that RETURNING gives the existing row when another instance won.
    .onConflict((oc) => oc.column('name').doUpdateSet({ name: sql`server_secrets.name` }))
    .returning('secret')
    .executeTakeFirstOrThrow();
  return row.secret;
}
