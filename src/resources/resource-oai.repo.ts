import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { type KeysetRange, keysetConditions, stampOf } from '../oai/oai-keyset.repo.ts';
import type { ResourceRow } from './resource.repo.ts';

/** A resource as the OAI-PMH endpoint lists it: with the exact instant of its last change as the cursor. */
export type ResourceOaiRow = ResourceRow & { stamp: string };

/** The filters of a list: changed in [from, until), after a cursor (by slug), in a set (a condition on `r.themes`, `r.regions`). */
export interface ResourceOaiFilter extends KeysetRange {
  set?: RawBuilder<unknown>;
}

/**
 * The SQL condition of resources about a theme (any theme without a code).
 * @example resourceThemeCondition('housing')
 */
export const resourceThemeCondition = (theme?: string) => (theme === undefined ? sql`cardinality(r.themes) > 0` : sql`r.themes @> ARRAY[${theme}]::text[]`);

/**
 * The SQL condition of resources about one of these regions (any region when none is given).
 * @example resourceRegionCondition(['150', '155'])
 */
export const resourceRegionCondition = (codes?: string[]) =>
  codes === undefined ? sql`cardinality(r.regions) > 0` : sql`r.regions && ${sql.val(codes)}::text[]`;

/**
 * Resources in datestamp order, then slug (the OAI identifier's id), at most `limit`.
 * @example const rows = await resourceOaiPage(db, { from }, 101);
 */
export async function resourceOaiPage(db: Database, filter: ResourceOaiFilter, limit: number): Promise<ResourceOaiRow[]> {
  const where = keysetConditions('r.updated_at', 'r.slug', filter, filter.set ? [filter.set] : []);
  const { rows } = await sql<ResourceOaiRow>`
    SELECT r.*, ${stampOf('r.updated_at')} AS stamp FROM resources r WHERE ${where}
    ORDER BY r.updated_at, r.slug LIMIT ${limit}`.execute(db);
  return rows;
}

/**
 * One resource by its slug, with its cursor stamp.
 * @example const row = await resourceOaiItem(db, 'world-migration-report-2015');
 */
export async function resourceOaiItem(db: Database, slug: string): Promise<ResourceOaiRow | undefined> {
  const { rows } = await sql<ResourceOaiRow>`SELECT r.*, ${stampOf('r.updated_at')} AS stamp FROM resources r WHERE r.slug = ${slug}`.execute(db);
  return rows[0];
}

/** The oldest change among resources, if there are any. */
export async function earliestResourceChange(db: Database): Promise<Date | undefined> {
  const row = await db
    .selectFrom('resources')
    .select((eb) => eb.fn.min('updated_at').as('t'))
    .executeTakeFirst();
  return row?.t ? new Date(row.t as Date) : undefined;
}

/** The M49 codes resources are about. */
export async function resourceRegionCodes(db: Database): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`SELECT DISTINCT unnest(regions) AS code FROM resources ORDER BY 1`.execute(db);
  return rows.map((r) => r.code);
}
