import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * Practice ids that are `base` or `base-<anything>`, to pick a free id for a new practice.
 * @example await takenPracticeIds(trx, 'welcome-desk') // ['welcome-desk', 'welcome-desk-2']
 */
export async function takenPracticeIds(db: Database, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('practices')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', base), eb('id', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Serialises publications until the end of the caller's transaction: two editors publishing
 * practices with the same title at once would otherwise pick the same free id, and the second
 * write would replace the first practice instead of adding one.
 */
export async function lockPublishing(trx: Database): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${publishLockKey})`.execute(trx);
}

/** An arbitrary constant naming the publishing lock among the database's advisory locks. */
const publishLockKey = 4_210_301;
