import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db/database.ts';
import type { RevisionKind } from '../db/schema.ts';
import { regionsOf } from '../geo/countries.ts';
import { locateCity } from '../geo/geocode.ts';
import { hashOfCanonical, slugify, stableStringify } from '../shared/text.ts';
import type { PracticeRecord } from './practice.schema.ts';
import { qualityScore } from './quality-score.ts';

/** What an upsert did to the stored practice. */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** Who made a change, and why; every create or update becomes a revision. */
export interface ChangeAuthor {
  /** Shown in the history: the person's name, or "cli" for the command line. */
  author: string;
  message: string;
  /** The account that made the change, when there is one. */
  authorId?: number | null;
  /** What made the revision; imports when not said. */
  kind?: RevisionKind;
  /** Who submitted what a publication publishes, credited as an author (0034). */
  submitterId?: number | null;
  /** The licence the submitter agreed to publish under, and when. */
  license?: { id: string; agreedAt: Date } | null;
}

/** A city a practice is placed in: created if new, coordinates filled in if missing. */
export interface PracticeCity {
  country: string;
  slug: string;
  name: string;
  lat: number | null;
  lon: number | null;
}

/**
 * The stored row of a practice record: its columns (derived ones included) and the city it must
 * ensure. The one mapping from record to row, for the single write and the import's batches.
 * @example const { columns, city } = practiceRow(record);
 */
export function practiceRow(record: PracticeRecord) {
  // "New York City (Queens)" belongs on the New York City page; the record keeps its wording.
  const cityName = record.city ? record.city.replace(/\s*\([^)]*\)\s*/g, ' ').trim() || record.city : undefined;
  const citySlug = cityName ? slugify(cityName) : null;
  const location = record.location ?? (record.city ? locateCity(record.country, record.city) : undefined);
  const city: PracticeCity | undefined =
    cityName && citySlug ? { country: record.country, slug: citySlug, name: cityName, lat: location?.lat ?? null, lon: location?.lon ?? null } : undefined;
  const regions = regionsOf(record.country);
  const canonical = stableStringify(record);
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
    // Stored as jsonb, whose key order is its own: the canonical text serves both columns.
    record: canonical,
    content_hash: hashOfCanonical(canonical),
    quality: qualityScore(record),
    source_updated: record.updated?.slice(0, 10) ?? null,
  };
  return { columns, city };
}

/**
 * Inserts or replaces one practice by id: the row with its derived columns (practiceRow), its
 * city, its adaptation links and a revision. An identical record (same content hash) is left
 * alone and adds no revision. The database moves the catalogue version on with the row (a
 * trigger, migration 0012). Run it inside the caller's transaction: it writes several tables.
 * Imports write many at once with upsertPracticeBatch (practices/import/).
 * @example const outcome = await upsertPractice(trx, record, { author: 'Ana', authorId: 7, kind: 'edit', message: 'Typo' });
 */
export async function upsertPractice(db: Database, record: PracticeRecord, change: ChangeAuthor): Promise<UpsertOutcome> {
  const { columns, city } = practiceRow(record);
  const stored = await db.selectFrom('practices').select('content_hash').where('id', '=', record.id).forUpdate().executeTakeFirst();
  if (stored?.content_hash === columns.content_hash) return 'unchanged';
  if (city) {
    await db
      .insertInto('cities')
      .values(city)
      .onConflict((oc) =>
        oc
          .columns(['country', 'slug'])
          .doUpdateSet({ lat: sql`coalesce(cities.lat, excluded.lat)`, lon: sql`coalesce(cities.lon, excluded.lon)` })
          // A known city is left alone unless it gains coordinates: no row written, no new version of the cities.
          .where(sql<boolean>`(cities.lat IS NULL AND excluded.lat IS NOT NULL) OR (cities.lon IS NULL AND excluded.lon IS NOT NULL)`),
      )
      .execute();
  }
  await db
    .insertInto('practices')
    .values({ id: record.id, ...columns })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...columns, updated_at: new Date() }))
    .execute();
  await db
    .insertInto('practice_revisions')
    .values({
      practice_id: record.id,
      record: columns.record,
      author: change.author,
      author_id: change.authorId ?? null,
      kind: change.kind ?? 'import',
      message: change.message,
      submitter_id: change.submitterId ?? null,
      license: change.license?.id ?? null,
      license_agreed_at: change.license?.agreedAt ?? null,
    })
    .execute();
  await db.deleteFrom('practice_links').where('practice_id', '=', record.id).execute();
  const links = (record.adapted_from ?? []).map((l, position) => ({ practice_id: record.id, adapted_from_id: l.id, changes: l.changes ?? null, position }));
  if (links.length > 0) await db.insertInto('practice_links').values(links).execute();
  return stored ? 'updated' : 'created';
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
  /**
   * Who submitted its published revisions, oldest first: the public profile's name and slug, or
   * nulls for someone without one (credited by their organisation only).
   */
  submitters: { id: number; name: string | null; slug: string | null }[];
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
          .leftJoin('practices as src', (j) => j.onRef('src.id', '=', 'l.adapted_from_id'))
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
          .orderBy('a.title'),
      ).as('adapted_by'),
      // Read through public_profiles: a withdrawn profile or a deleted account is named nowhere at once.
      jsonArrayFrom(
        eb
          .selectFrom('practice_revisions as r')
          .leftJoin('public_profiles as pp', 'pp.id', 'r.submitter_id')
          .select(['r.submitter_id as id', 'pp.name', 'pp.slug'])
          .whereRef('r.practice_id', '=', 'p.id')
          .where('r.submitter_id', 'is not', null)
          .orderBy('r.id'),
      ).as('submitters'),
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  return row as PracticeWithLineage | undefined;
}

/** Newest published practices, for the home page and feeds. */
export async function latestPractices(db: Database, limit: number) {
  return db
    .selectFrom('practices')
    .select(['id', 'title', 'summary', 'city', 'country', 'themes', 'status', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy(sql`started DESC NULLS LAST`)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Whether any practice is stored; the demo data is loaded only into an empty catalogue. */
export async function isCatalogueEmpty(db: Database): Promise<boolean> {
  const row = await db.selectFrom('practices').select('id').limit(1).executeTakeFirst();
  return !row;
}
