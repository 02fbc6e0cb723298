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
export function readCitiesVersion(db: Database): Promise<number> {
  return readCounter(db, 'cities_version');
}

/** The reads of a counter under way, per database handle and key. */
const underWay = new WeakMap<Database, Map<string, Promise<number>>>();

/**
 * One of the counters of `app_state` (0 before the first change). Callers asking while a read of
 * the same counter is under way share it (a page asks for a counter several times at once), so
 * a write is seen at most one read later than a read of its own would have seen it.
 * @example const version = await readCounter(db, 'assessments_version');
 */
export function readCounter(db: Database, key: string): Promise<number> {
  let reads = underWay.get(db);
  if (!reads) {
    reads = new Map();
    underWay.set(db, reads);
  }
  const running = reads.get(key);
  if (running) return running;
  const read = db
    .selectFrom('app_state')
    .select(sql<string>`value #>> '{}'`.as('v'))
    .where('key', '=', key)
    .executeTakeFirst()
    .then((row) => Number(row?.v ?? 0))
    .finally(() => reads.delete(key));
  reads.set(key, read);
  return read;
}
