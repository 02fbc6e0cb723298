import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CityKey } from './exchange.schema.ts';

/** A practice as a reason names it. */
export interface NamedPractice {
  id: string;
  title: string;
}

/** An adaptation between a practice of the city and one of another city: `practice` adapts `adaptedFrom`. */
export interface CityAdaptation {
  partner: CityKey;
  practice: NamedPractice;
  adaptedFrom: NamedPractice;
  /** Whether the city's own practice is the adaptation (else the partner adapted the city's). */
  ours: boolean;
}

/**
 * The adaptations (`practice_links`) linking a practice of the city and a practice of another
 * city, either way, in one statement.
 * @example const links = await adaptationsOf(db, { country: 'DE', slug: 'berlin' });
 */
export async function adaptationsOf(db: Database, city: CityKey): Promise<CityAdaptation[]> {
  const { rows } = await sql<{
    a_id: string;
    a_title: string;
    a_country: string;
    a_slug: string | null;
    b_id: string;
    b_title: string;
    b_country: string;
    b_slug: string | null;
  }>`
    SELECT a.id AS a_id, a.title AS a_title, a.country AS a_country, a.city_slug AS a_slug,
           b.id AS b_id, b.title AS b_title, b.country AS b_country, b.city_slug AS b_slug
      FROM practice_links l
      JOIN practices a ON a.id = l.practice_id
      JOIN practices b ON b.id = l.adapted_from_id
     WHERE (a.country = ${city.country} AND a.city_slug = ${city.slug}) OR (b.country = ${city.country} AND b.city_slug = ${city.slug})
     ORDER BY a.id, b.id`.execute(db);
  const out: CityAdaptation[] = [];
  for (const r of rows) {
    const ours = r.a_country === city.country && r.a_slug === city.slug;
    const partner = ours ? { country: r.b_country, slug: r.b_slug } : { country: r.a_country, slug: r.a_slug };
    if (!partner.slug || (partner.country === city.country && partner.slug === city.slug)) continue;
    out.push({
      partner: { country: partner.country, slug: partner.slug },
      practice: { id: r.a_id, title: r.a_title },
      adaptedFrom: { id: r.b_id, title: r.b_title },
      ours,
    });
  }
  return out;
}

/** A group where representatives of the city and of another city are both active members. */
export interface SharedGroup {
  partner: CityKey;
  slug: string;
  name: string;
}

/**
 * The groups the city's representatives share with other cities' representatives (active
 * members on both sides), named in the reader's language where the group has a translation.
 * @example const groups = await sharedGroupsOf(db, { country: 'DE', slug: 'berlin' }, 'fr');
 */
export async function sharedGroupsOf(db: Database, city: CityKey, locale: string): Promise<SharedGroup[]> {
  const { rows } = await sql<{ country: string; slug: string; group_slug: string; name: string }>`
    SELECT DISTINCT r2.country, r2.slug, g.slug AS group_slug, coalesce(g.translations->${locale}->>'name', g.name) AS name
      FROM city_representatives r1
      JOIN group_members m1 ON m1.user_id = r1.user_id AND m1.state = 'active'
      JOIN group_members m2 ON m2.group_id = m1.group_id AND m2.state = 'active'
      JOIN city_representatives r2 ON r2.user_id = m2.user_id
      JOIN groups g ON g.id = m1.group_id
     WHERE r1.country = ${city.country} AND r1.slug = ${city.slug}
       AND NOT (r2.country = ${city.country} AND r2.slug = ${city.slug})
     ORDER BY r2.country, r2.slug, g.slug`.execute(db);
  return rows.map((r) => ({ partner: { country: r.country, slug: r.slug }, slug: r.group_slug, name: r.name }));
}

/** The city (country and slug) of some published practices, by id. */
export async function practiceCities(db: Database, ids: string[]): Promise<Map<string, CityKey>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('practices').select(['id', 'country', 'city_slug']).where('id', 'in', ids).where('city_slug', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, { country: r.country, slug: r.city_slug as string }]));
}
