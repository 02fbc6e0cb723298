import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/** A value and how many published practices carry it. */
export interface ValueCount {
  value: string;
  count: number;
}

/**
 * How many published practices carry each value of an array column (themes, actor types).
 * @example await countByArrayValue(db, 'themes') // [{ value: 'housing', count: 12 }, …]
 */
export async function countByArrayValue(db: Database, column: 'themes' | 'actor_types'): Promise<ValueCount[]> {
  const rows = await db
    .selectFrom(sql<{ v: string }>`(SELECT unnest(${sql.ref(column)}) AS v FROM practices)`.as('t'))
    .select(['t.v', sql<number>`count(*)`.as('n')])
    .groupBy('t.v')
    .execute();
  return rows.map((r) => ({ value: r.v, count: Number(r.n) }));
}

/**
 * One page of target-group tags with their counts, by tag, after a tag (keyset paging: a tag
 * added meanwhile never shifts the pages already read).
 * @example await targetGroupPage(db, { after: 'refugees', limit: 20 })
 */
export async function targetGroupPage(db: Database, options: { after?: string; limit: number }): Promise<ValueCount[]> {
  let query = db
    .selectFrom(sql<{ id: string; tag: string }>`(SELECT id, unnest(target_groups) AS tag FROM practices)`.as('t'))
    .select(['t.tag', sql<number>`count(DISTINCT t.id)`.as('n')])
    .groupBy('t.tag');
  if (options.after !== undefined) query = query.having(sql`t.tag COLLATE "C"`, '>', options.after);
  const rows = await query.orderBy(sql`t.tag COLLATE "C"`).limit(options.limit).execute();
  return rows.map((r) => ({ value: r.tag, count: Number(r.n) }));
}

/** How many distinct target-group tags published practices carry. */
export async function countTargetGroups(db: Database): Promise<number> {
  const row = await db
    .selectFrom(sql<{ tag: string }>`(SELECT DISTINCT unnest(target_groups) AS tag FROM practices)`.as('t'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A country of the catalogue with its published practices and recorded cities. */
export interface CountryCount {
  country: string;
  practices: number;
  cities: number;
}

/**
 * Every country that has a published practice or a recorded city, with both counts, by code.
 * @example await countryCounts(db) // [{ country: 'DE', practices: 4, cities: 2 }, …]
 */
export async function countryCounts(db: Database, only?: string): Promise<CountryCount[]> {
  const practices = db
    .selectFrom('practices')
    .select(['country', sql<number>`count(*)`.as('n')])
    .groupBy('country');
  const cities = db
    .selectFrom('cities')
    .select(['country', sql<number>`count(*)`.as('n')])
    .groupBy('country');
  const [p, c] = await Promise.all([
    (only ? practices.where('country', '=', only) : practices).execute(),
    (only ? cities.where('country', '=', only) : cities).execute(),
  ]);
  const byCountry = new Map<string, CountryCount>();
  const entry = (country: string) => {
    const found = byCountry.get(country) ?? { country, practices: 0, cities: 0 };
    byCountry.set(country, found);
    return found;
  };
  for (const r of p) entry(r.country).practices = Number(r.n);
  for (const r of c) entry(r.country).cities = Number(r.n);
  return [...byCountry.values()].sort((a, b) => (a.country < b.country ? -1 : 1));
}

/**
 * How many published practices there are by a single-valued column (region, start year), for
 * one country or all; NULLs are left out.
 * @example await countByColumn(db, 'started') // [{ value: '2015', count: 3 }, …]
 */
export async function countByColumn(db: Database, column: 'region' | 'started', country?: string): Promise<ValueCount[]> {
  let query = db
    .selectFrom('practices')
    .select([sql<string>`${sql.ref(column)}::text`.as('v'), sql<number>`count(*)`.as('n')])
    .where(column, 'is not', null)
    .groupBy(column)
    .orderBy(column);
  if (country) query = query.where('country', '=', country);
  const rows = await query.execute();
  return rows.map((r) => ({ value: r.v, count: Number(r.n) }));
}

/**
 * How many published practices a country has by theme.
 * @example await countryThemeCounts(db, 'DE') // [{ value: 'housing', count: 2 }, …]
 */
export async function countryThemeCounts(db: Database, country: string): Promise<ValueCount[]> {
  const rows = await db
    .selectFrom(sql<{ v: string; country: string }>`(SELECT unnest(themes) AS v, country FROM practices)`.as('t'))
    .select(['t.v', sql<number>`count(*)`.as('n')])
    .where('t.country', '=', country)
    .groupBy('t.v')
    .execute();
  return rows.map((r) => ({ value: r.v, count: Number(r.n) }));
}

/** How many practices the catalogue publishes. */
export async function countPractices(db: Database): Promise<number> {
  const row = await db.selectFrom('practices').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
