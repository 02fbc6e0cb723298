import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { PracticeRecord } from './practice.schema.ts';

/** A target-group tag as recorded (case and spelling kept), and how many published practices carry it. */
export interface TargetGroupCount {
  tag: string;
  count: number;
}

/**
 * Every target-group tag of published practices with its count, by name. Tags that differ
 * only in case ("Refugees", "refugees") are listed apart, so an admin can merge them.
 * @example const tags = await listTargetGroups(db); // [{ tag: 'asylum seekers', count: 4 }, …]
 */
export async function listTargetGroups(db: Database): Promise<TargetGroupCount[]> {
  const rows = await db
    .selectFrom(sql<{ id: string; tag: string }>`(SELECT id, unnest(target_groups) AS tag FROM practices)`.as('t'))
    .select(['t.tag', sql<number>`count(DISTINCT t.id)`.as('n')])
    .groupBy('t.tag')
    .orderBy(sql`lower(t.tag)`)
    .orderBy('t.tag')
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}

/**
 * The records of every practice carrying any of the tags, locked until the transaction ends
 * so a merge rewrites what it read.
 * @example const records = await lockPracticesWithTargetGroups(trx, ['Refugees', 'refugees']);
 */
export async function lockPracticesWithTargetGroups(db: Database, tags: string[]): Promise<PracticeRecord[]> {
  const rows = await db
    .selectFrom('practices')
    .select('record')
    .where(sql<boolean>`target_groups && ${sql.val(tags)}::text[]`)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.record as PracticeRecord);
}
