import { sql } from 'kysely';
import type { Database } from './database.ts';

/** What public pages show, as two counters bumped by the database's triggers (migrations 0012, 0015). */
export interface SiteVersion {
  catalogue: number;
  site: number;
}

/**
 * Both counters in one read (0 before the first write).
 * @example const { catalogue, site } = await readSiteVersion(db);
 */
export async function readSiteVersion(db: Database): Promise<SiteVersion> {
  const rows = await db
    .selectFrom('app_state')
    .select(['key', sql<string>`value #>> '{}'`.as('v')])
    .where('key', 'in', ['catalogue_version', 'site_version'])
    .execute();
  const of = (key: string) => Number(rows.find((r) => r.key === key)?.v ?? 0);
  return { catalogue: of('catalogue_version'), site: of('site_version') };
}

/**
 * The cities' own counter (0 before the first change): moved only by statements that change rows
 * of `cities` (migration 0016), which also move the site version.
 * @example const version = await readCitiesVersion(db);
 */
export async function readCitiesVersion(db: Database): Promise<number> {
  const row = await db.selectFrom('app_state').select(sql<string>`value #>> '{}'`.as('v')).where('key', '=', 'cities_version').executeTakeFirst();
  return Number(row?.v ?? 0);
}
