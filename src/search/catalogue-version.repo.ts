import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * Marks the published catalogue as changed. Every write to practices calls it inside its
 * transaction, so caches on every app instance see the change on their next request.
 */
export async function bumpCatalogueVersion(db: Database): Promise<void> {
  await sql`
    INSERT INTO app_state (key, value) VALUES ('catalogue_version', '1'::jsonb)
    ON CONFLICT (key) DO UPDATE SET value = to_jsonb((app_state.value #>> '{}')::bigint + 1)`.execute(db);
}

/** The current catalogue version (0 before the first write); one primary-key read. */
export async function catalogueVersion(db: Database): Promise<number> {
  const row = await db.selectFrom('app_state').select(sql<string>`value #>> '{}'`.as('v')).where('key', '=', 'catalogue_version').executeTakeFirst();
  return row ? Number(row.v) : 0;
}
