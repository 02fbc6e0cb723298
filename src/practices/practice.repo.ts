import { type RawBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { ensureCity } from '../cities/city.repo.ts';
import type { Database } from '../db/database.ts';
import { regionsOf } from '../geo/countries.ts';
import { locateCity } from '../geo/geocode.ts';
import { bumpCatalogueVersion } from '../search/catalogue-version.repo.ts';
import { contentHash, slugify } from '../shared/text.ts';
import { qualityScore, type SearchPart, searchParts } from './practice-search-doc.ts';
import type { PracticeRecord } from './practice.schema.ts';

/** What an upsert did to the stored practice. */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** Who made a change, and why; every create or update becomes a revision. */
export interface ChangeAuthor {
  author: string;
  message: string;
}

function tsvector(parts: SearchPart[]): RawBuilder<unknown> {
  if (parts.length === 0) return sql`''::tsvector`;
  return sql.join(
    parts.map((p) => sql`setweight(to_tsvector(${p.config}::regconfig, ${p.text}), ${sql.lit(p.weight)})`),
    sql` || `,
  );
}

/**
 * Inserts or replaces a practice by id, with its derived columns, search vectors, adaptation
 * links and a revision. An identical record is left alone and adds no revision.
 * Run it inside a transaction: it writes several tables.
 * @example const outcome = await upsertPractice(trx, record, { author: 'cli', message: 'import demo.json' });
 */
export async function upsertPractice(
  db: Database,
  record: PracticeRecord,
  change: ChangeAuthor,
  options: { bumpVersion?: boolean } = {},
): Promise<UpsertOutcome> {
  const hash = contentHash(record);
  const existing = await db.selectFrom('practices').select(['content_hash']).where('id', '=', record.id).forUpdate().executeTakeFirst();
  if (existing?.content_hash === hash) return 'unchanged';

  // "New York City (Queens)" belongs on the New York City page; the record keeps its wording.
  const cityName = record.city ? record.city.replace(/\s*\([^)]*\)\s*/g, ' ').trim() || record.city : undefined;
  const citySlug = cityName ? slugify(cityName) : null;
  const location = record.location ?? (record.city ? locateCity(record.country, record.city) : undefined);
  if (cityName && citySlug) {
    await ensureCity(db, { country: record.country, slug: citySlug, name: cityName, lat: location?.lat ?? null, lon: location?.lon ?? null });
  }
  const regions = regionsOf(record.country);
  const columns = {
    title: record.title,
    summary: record.summary,
    language: record.language,
    city: record.city ?? null,
    city_slug: citySlug,
    country: record.country,
    region: regions.region,
    subregion: regions.subregion,
    intermediate_region: regions.intermediate,
    lat: location?.lat ?? null,
    lon: location?.lon ?? null,
    level: record.level ?? 'local',
    started: record.started ?? null,
    ended: record.ended ?? null,
    status: record.status ?? 'unknown',
    themes: record.themes,
    actor_types: record.actor_types ?? [],
    target_groups: record.target_groups ?? [],
    lead_organization: record.lead_organization ?? null,
    evidence_level: record.evidence_level ?? null,
    record: JSON.stringify(record),
    content_hash: hash,
    quality: qualityScore(record),
    source_updated: record.updated?.slice(0, 10) ?? null,
  };
  if (existing) {
    await db.updateTable('practices').set({ ...columns, updated_at: new Date() }).where('id', '=', record.id).execute();
  } else {
    await db.insertInto('practices').values({ id: record.id, ...columns }).execute();
  }

  await writeSearchVectors(db, record);

  await db.deleteFrom('practice_links').where('practice_id', '=', record.id).execute();
  const links = (record.adapted_from ?? []).map((l, position) => ({
    practice_id: record.id,
    adapted_from_id: l.id,
    changes: l.changes ?? null,
    position,
  }));
  if (links.length > 0) await db.insertInto('practice_links').values(links).execute();

  await db
    .insertInto('practice_revisions')
    .values({ practice_id: record.id, record: JSON.stringify(record), author: change.author, message: change.message })
    .execute();
  // Bulk writers (imports) bump once at the end instead of once per record.
  if (options.bumpVersion !== false) await bumpCatalogueVersion(db);
  return existing ? 'updated' : 'created';
}

/** (Re)computes a practice's search vectors from its record. */
export async function writeSearchVectors(db: Database, record: PracticeRecord): Promise<void> {
  const parts = searchParts(record);
  await sql`
    UPDATE practices SET rank_vec = v.rank_vec, full_vec = v.rank_vec || v.long_vec
    FROM (SELECT ${tsvector(parts.rank)} AS rank_vec, ${tsvector(parts.long)} AS long_vec) v
    WHERE id = ${record.id}`.execute(db);
}

/** A published practice with its lineage: what it adapts (resolved when present) and what adapts it. */
export interface PracticeWithLineage {
  id: string;
  record: PracticeRecord;
  city_slug: string | null;
  region: string | null;
  subregion: string | null;
  lat: number | null;
  lon: number | null;
  created_at: Date;
  updated_at: Date;
  adapted_from: { id: string; changes: string | null; title: string | null; city: string | null; country: string | null }[];
  adapted_by: { id: string; changes: string | null; title: string; city: string | null; country: string }[];
}

/**
 * One published practice with both directions of its lineage, in a single query.
 * @example const p = await findPublishedPractice(db, 'barcelona-anti-rumour');
 */
export async function findPublishedPractice(db: Database, id: string): Promise<PracticeWithLineage | undefined> {
  const row = await db
    .selectFrom('practices as p')
    .select(['p.id', 'p.record', 'p.city_slug', 'p.region', 'p.subregion', 'p.lat', 'p.lon', 'p.created_at', 'p.updated_at'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('practice_links as l')
          .leftJoin('practices as src', (j) => j.onRef('src.id', '=', 'l.adapted_from_id').on('src.state', '=', 'published'))
          .select(['l.adapted_from_id as id', 'l.changes', 'src.title', 'src.city', 'src.country'])
          .whereRef('l.practice_id', '=', 'p.id')
          .orderBy('l.position'),
      ).as('adapted_from'),
      jsonArrayFrom(
        eb
          .selectFrom('practice_links as l')
          .innerJoin('practices as a', 'a.id', 'l.practice_id')
          .select(['a.id', 'l.changes', 'a.title', 'a.city', 'a.country'])
          .whereRef('l.adapted_from_id', '=', 'p.id')
          .where('a.state', '=', 'published')
          .orderBy('a.title'),
      ).as('adapted_by'),
    ])
    .where('p.id', '=', id)
    .where('p.state', '=', 'published')
    .executeTakeFirst();
  return row as PracticeWithLineage | undefined;
}

/** Practices most similar to one: shared themes and target groups, same region, then quality. */
export async function findSimilarPractices(db: Database, id: string, limit = 5) {
  return db
    .selectFrom('practices as p')
    .innerJoin('practices as me', (j) => j.on('me.id', '=', id))
    .select(['p.id', 'p.title', 'p.city', 'p.country', 'p.themes'])
    .where('p.id', '!=', id)
    .where('p.state', '=', 'published')
    .where(sql<boolean>`p.themes && me.themes`)
    .orderBy(
      sql`cardinality(array(SELECT unnest(p.themes) INTERSECT SELECT unnest(me.themes)))
        + 0.5 * cardinality(array(SELECT unnest(p.target_groups) INTERSECT SELECT unnest(me.target_groups)))
        + CASE WHEN p.subregion = me.subregion THEN 0.5 ELSE 0 END
        + p.quality`,
      'desc',
    )
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/** Newest published practices, for the home page and feeds. */
export async function latestPractices(db: Database, limit: number) {
  return db
    .selectFrom('practices')
    .select(['id', 'title', 'summary', 'city', 'country', 'themes', 'status', 'created_at'])
    .where('state', '=', 'published')
    .orderBy('created_at', 'desc')
    .orderBy(sql`started DESC NULLS LAST`)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Figures for the home page: published practices, distinct cities and countries, and practices per theme. */
export async function catalogueFigures(db: Database) {
  const totals = await db
    .selectFrom('practices')
    .select((eb) => [
      eb.fn.countAll<number>().as('practices'),
      sql<number>`count(DISTINCT (country, city_slug)) FILTER (WHERE city_slug IS NOT NULL)`.as('cities'),
      sql<number>`count(DISTINCT country)`.as('countries'),
    ])
    .where('state', '=', 'published')
    .executeTakeFirstOrThrow();
  const byTheme = await db
    .selectFrom(sql<{ theme: string }>`(SELECT unnest(themes) AS theme FROM practices WHERE state = 'published')`.as('t'))
    .select(['t.theme', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('t.theme')
    .execute();
  return { ...totals, byTheme: Object.fromEntries(byTheme.map((r) => [r.theme, Number(r.n)])) as Record<string, number> };
}

/** Whether any practice is stored; the demo data is loaded only into an empty catalogue. */
export async function isCatalogueEmpty(db: Database): Promise<boolean> {
  const row = await db.selectFrom('practices').select('id').limit(1).executeTakeFirst();
  return !row;
}
