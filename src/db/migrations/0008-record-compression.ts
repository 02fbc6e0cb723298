import { type Kysely, sql } from 'kysely';

/** The columns holding whole practice records (a few kilobytes of JSON each, always compressed). */
const recordColumns = [
  ['practices', 'record'],
  ['practice_revisions', 'record'],
] as const;

/**
 * Practice records are compressed with lz4 where the server has it (PostgreSQL builds usually
 * do; PGlite does not, and keeps pglz): pglz was a fifth of an import's writing time, and every
 * record is written twice, as the practice and as its revision. Measured on 10k practices on
 * PostgreSQL 15: 12.1 s → 11.45 s for the import, 165 → 168 MB on disk. Records already stored
 * keep their compression until rewritten; reading either kind needs nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ lz4: boolean }>`
    SELECT 'lz4' = ANY (enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`.execute(db);
  if (!rows[0]?.lz4) return;
  for (const [table, column] of recordColumns) await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN ${sql.ref(column)} SET COMPRESSION lz4`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of recordColumns) await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN ${sql.ref(column)} SET COMPRESSION default`.execute(db);
}
