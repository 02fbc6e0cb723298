import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { type KeysetRange, keysetConditions, stampOf } from './oai-keyset.repo.ts';

/** One practice or tombstone as the OAI-PMH endpoint lists it. */
export interface PracticeOaiRow {
  id: string;
  t: Date;
  stamp: string;
  themes: string[];
  region: string | null;
  subregion: string | null;
  deleted: boolean;
  record: unknown;
}

/** The filters of a list: changed in [from, until), in a set (a SQL condition on themes/region), after a cursor. */
export interface PracticeOaiFilter extends KeysetRange {
  /** A condition on the columns `themes`, `region`, `subregion`. */
  set?: (columns: { themes: RawBuilder<unknown>; region: RawBuilder<unknown>; subregion: RawBuilder<unknown> }) => RawBuilder<unknown>;
}

function conditions(time: string, id: string, table: string, filter: PracticeOaiFilter) {
  const set = filter.set?.({ themes: sql.ref(`${table}.themes`), region: sql.ref(`${table}.region`), subregion: sql.ref(`${table}.subregion`) });
  return keysetConditions(time, id, filter, set ? [set] : []);
}

/**
 * Published practices and tombstones of deleted ones in datestamp order (then id), at most
 * `limit`, each side read on its (time, id) index. The record is read only when asked for.
 * @example const rows = await practiceOaiPage(db, { from }, 101, true);
 */
export async function practiceOaiPage(db: Database, filter: PracticeOaiFilter, limit: number, withRecord: boolean): Promise<PracticeOaiRow[]> {
  const record = withRecord ? sql`p.record` : sql`NULL::jsonb`;
  const { rows } = await sql<PracticeOaiRow>`
    SELECT * FROM (
      (SELECT p.id, p.updated_at AS t, ${stampOf('p.updated_at')} AS stamp, p.themes, p.region, p.subregion, false AS deleted, ${record} AS record
         FROM practices p WHERE ${conditions('p.updated_at', 'p.id', 'p', filter)}
         ORDER BY p.updated_at, p.id LIMIT ${limit})
      UNION ALL
      (SELECT d.id, d.deleted_at, ${stampOf('d.deleted_at')}, d.themes, d.region, d.subregion, true, NULL::jsonb
         FROM practice_tombstones d WHERE ${conditions('d.deleted_at', 'd.id', 'd', filter)}
         ORDER BY d.deleted_at, d.id LIMIT ${limit})
    ) u ORDER BY u.t, u.id LIMIT ${limit}`.execute(db);
  return rows;
}

/**
 * One practice, live or deleted, with its record when live.
 * @example const row = await practiceOaiItem(db, 'barcelona-anti-rumour');
 */
export async function practiceOaiItem(db: Database, id: string): Promise<PracticeOaiRow | undefined> {
  const { rows } = await sql<PracticeOaiRow>`
    (SELECT p.id, p.updated_at AS t, ${stampOf('p.updated_at')} AS stamp, p.themes, p.region, p.subregion, false AS deleted, p.record
       FROM practices p WHERE p.id = ${id})
    UNION ALL
    (SELECT d.id, d.deleted_at, ${stampOf('d.deleted_at')}, d.themes, d.region, d.subregion, true, NULL::jsonb
       FROM practice_tombstones d WHERE d.id = ${id})
    LIMIT 1`.execute(db);
  return rows[0];
}

/** The oldest datestamp among practices and tombstones, if any. */
export async function earliestPracticeChange(db: Database): Promise<Date | undefined> {
  const { rows } = await sql<{ t: Date | null }>`
    SELECT least((SELECT min(updated_at) FROM practices), (SELECT min(deleted_at) FROM practice_tombstones)) AS t`.execute(db);
  return rows[0]?.t ? new Date(rows[0].t) : undefined;
}

/** The M49 region and sub-region codes that published practices are in. */
export async function practiceRegionCodes(db: Database): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    SELECT DISTINCT code FROM (SELECT region AS code FROM practices UNION SELECT subregion FROM practices) r
    WHERE code IS NOT NULL ORDER BY code`.execute(db);
  return rows.map((r) => r.code);
}
