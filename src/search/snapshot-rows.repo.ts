import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { type FacetParam, facets } from './facets.ts';

/** What the in-memory snapshot holds of a published practice. */
export interface SnapshotRow {
  seq: number;
  id: string;
  title: string;
  content_hash: string;
  quality: number;
  started: number | null;
  /** When it was first published, in microseconds since 1970 (the database's precision). */
  created_us: number;
  /** Each facet's values (`f_<param>`) and stored label (`l_<param>`). */
  [facetColumn: `${'f' | 'l'}_${string}`]: unknown;
}

/** The snapshot's columns of each facet: its values and stored label, as defined in facets.ts. */
const facetSelects = sql.join(
  facets.flatMap((f) => [sql`${f.values} AS ${sql.ref(`f_${f.param}`)}`, ...(f.storedLabel ? [sql`${f.storedLabel} AS ${sql.ref(`l_${f.param}`)}`] : [])]),
);

/** A row's values of a facet as a list (a single value or an array; NULLs are no value). */
export function rowValues(r: SnapshotRow, param: FacetParam): (string | null)[] {
  const v = r[`f_${param}`] as string | null | (string | null)[];
  return Array.isArray(v) ? v : [v];
}

/** A row's stored label of a facet (a city's name), or null. */
export function rowLabel(r: SnapshotRow, param: FacetParam): string | null {
  return (r[`l_${param}`] as string | null | undefined) ?? null;
}

/**
 * Published practices as the snapshot holds them, in `seq` order: all of them, or those of the
 * given keys (the ones no longer published are simply absent).
 * @example const rows = await snapshotRows(db, [12, 40]);
 */
export async function snapshotRows(db: Database, seqs?: number[]): Promise<SnapshotRow[]> {
  const only = seqs ? sql`WHERE p.seq = ANY(${sql.val(seqs)}::int[])` : sql``;
  const { rows } = await sql<SnapshotRow>`
    SELECT p.seq, p.id, p.title, p.content_hash, p.quality, p.started,
      (extract(epoch FROM p.created_at) * 1000000)::float8 AS created_us, ${facetSelects}
    FROM practices p ${only} ORDER BY p.seq`.execute(db);
  return rows;
}

/**
 * The practices changed after catalogue version `from` up to `to`, from the change log the
 * database keeps (migration 0012); null when the log does not cover every version in between
 * (too old, or written before the log existed): then only a full read is exact.
 * @example const seqs = await changedSince(db, 41, 43);
 */
export async function changedSince(db: Database, from: number, to: number): Promise<number[] | null> {
  if (to <= from) return [];
  const row = await db
    .selectFrom('catalogue_changes')
    .select([sql<number>`count(DISTINCT version)`.as('versions'), sql<number[] | null>`array_agg(DISTINCT seq)`.as('seqs')])
    .where('version', '>', String(from))
    .where('version', '<=', String(to))
    .executeTakeFirstOrThrow();
  if (Number(row.versions) !== to - from) return null;
  return row.seqs ?? [];
}
