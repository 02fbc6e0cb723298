import { type RawBuilder, sql } from 'kysely';
import type { OaiCursor } from './oai-source.ts';

/** Where a source's page starts: after (stamp, id); without an id, after `stamp`, or from it on when `inclusive`. */
export interface KeysetAfter {
  stamp: string;
  id?: string;
  inclusive?: boolean;
}

/** A list's bounds on one source: changed in [from, until), after a cursor. */
export interface KeysetRange {
  from?: Date;
  /** Exclusive upper bound. */
  until?: Date;
  after?: KeysetAfter;
}

/**
 * The exact instant of a column as text, to the microsecond, in UTC: a cursor that compares exactly in SQL.
 * @example sql`SELECT ${stampOf('r.updated_at')} AS stamp FROM resources r`
 */
export const stampOf = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Where a kind's next page starts after the previous page's last item: after its (stamp, id)
 * when it was of this kind, else after its stamp (from it on when its kind sorts before this one).
 * @example keysetAfter({ stamp, kind: 'practice', id: 'x' }, 'resource') // { stamp, inclusive: true }
 */
export function keysetAfter(cursor: OaiCursor | undefined, kind: string): KeysetAfter | undefined {
  if (cursor === undefined) return undefined;
  return cursor.kind === kind ? { stamp: cursor.stamp, id: cursor.id } : { stamp: cursor.stamp, inclusive: cursor.kind < kind };
}

/**
 * A list's bounds as SQL conditions on a time and an id column, joined with AND.
 * @example sql`SELECT … FROM resources r WHERE ${keysetConditions('r.updated_at', 'r.slug', range)}`
 */
export function keysetConditions(time: string, id: string, range: KeysetRange, extra: RawBuilder<unknown>[] = []): RawBuilder<unknown> {
  const t = sql.ref(time);
  const parts: RawBuilder<unknown>[] = [sql`true`, ...extra];
  if (range.from) parts.push(sql`${t} >= ${range.from.toISOString()}::timestamptz`);
  if (range.until) parts.push(sql`${t} < ${range.until.toISOString()}::timestamptz`);
  const after = range.after;
  if (after?.id !== undefined) {
    // A row comparison, which PostgreSQL answers from the (time, id) index however many rows share a time.
    parts.push(sql`(${t}, ${sql.ref(id)}) > (${after.stamp}::timestamptz, ${after.id}::text)`);
  } else if (after?.inclusive) {
    parts.push(sql`${t} >= ${after.stamp}::timestamptz`);
  } else if (after) {
    parts.push(sql`${t} > ${after.stamp}::timestamptz`);
  }
  return sql.join(parts, sql` AND `);
}
