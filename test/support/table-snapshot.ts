import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { stableStringify } from '../../src/shared/text.ts';

/**
 * Every row of every table of the database, each as canonical JSON and sorted: two snapshots
 * are equal when the databases hold the same data, table by table.
 * @example expect(await tableSnapshot(restored)).toEqual(await tableSnapshot(original));
 */
export async function tableSnapshot(db: Database): Promise<Record<string, string[]>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const snapshot: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    snapshot[name] = rows.map((row) => stableStringify(row)).sort();
  }
  return snapshot;
}
