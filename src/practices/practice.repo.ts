import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db/database.ts';
import { chunkByParams } from '../db/param-chunks.ts';
import { Statement } from '../db/statement.ts';
import type { RevisionKind } from '../db/schema.ts';
import { regionsOf } from '../geo/countries.ts';
import { locateCity } from '../geo/geocode.ts';
import { bumpCatalogueVersion } from '../search/catalogue-version.repo.ts';
import { hashOfCanonical, slugify, stableStringify } from '../shared/text.ts';
import { qualityScore, type SearchPart, searchParts } from './practice-search-doc.ts';
import type { PracticeRecord } from './practice.schema.ts';
import type { StagedVectors } from './import/import-vectors.repo.ts';
import { tsvectorSql } from './search-vector.sql.ts';

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
 * The stored row of a practice record: its columns (derived ones included, search vectors
 * excluded) and the city it must ensure. The one mapping from record to row.
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

type PracticeColumns = ReturnType<typeof practiceRow>['columns'];

/**
 * SQL types of the row columns, for multi-row statements whose values are not typed by their
 * target column. char(n) columns stay text so the assignment checks their length as before.
 */
const columnTypes: Record<keyof PracticeColumns, string> = {
  title: 'text',
  summary: 'text',
  language: 'text',
  city: 'text',
  city_slug: 'text',
  country: 'text',
  region: 'text',
  subregion: 'text',
  intermediate_region: 'text',
  lat: 'double precision',
  lon: 'double precision',
  level: 'text',
  started: 'integer',
  ended: 'integer',
  status: 'text',
  themes: 'text[]',
  actor_types: 'text[]',
  target_groups: 'text[]',
  lead_organization: 'text',
  evidence_level: 'smallint',
  record: 'jsonb',
  content_hash: 'text',
  quality: 'real',
  source_updated: 'date',
};
const columnNames = Object.keys(columnTypes) as (keyof PracticeColumns)[];

/**
 * Makes sure the cities exist in one statement per chunk, as single inserts would one by one in
 * this order: the first name wins, and each coordinate is the first known one.
 */
async function ensureCities(db: Database, cities: PracticeCity[], ensured: Map<string, PracticeCity>): Promise<void> {
  const byKey = new Map<string, PracticeCity>();
  for (const c of cities) {
    const key = `${c.country}\u0000${c.slug}`;
    const done = ensured.get(key);
    // Already written with its coordinates, or nothing new to fill in: writing it again changes nothing.
    if (done && (done.lat !== null || c.lat === null) && (done.lon !== null || c.lon === null)) continue;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...c });
    else {
      seen.lat ??= c.lat;
      seen.lon ??= c.lon;
    }
  }
  for (const [key, c] of byKey) {
    const done = ensured.get(key);
    if (done) {
      done.lat ??= c.lat;
      done.lon ??= c.lon;
    } else ensured.set(key, { ...c });
  }
  for (const chunk of chunkByParams([...byKey.values()], () => 5)) {
    await db
      .insertInto('cities')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['country', 'slug']).doUpdateSet({
          lat: sql`coalesce(cities.lat, excluded.lat)`,
          lon: sql`coalesce(cities.lon, excluded.lon)`,
        }),
      )
      .execute();
  }
}

/**
 * Inserts or replaces practices by id, with their derived columns, search vectors (computed
 * in the same statement as the row, or read from a bulk import's staging), adaptation links and
 * one revision each, in a few
 * multi-row statements (each city once). Identical records are left alone and add no revision. Ids must be
 * distinct. Returns the outcome of each record, in order; does not bump the catalogue version.
 * Run it inside a transaction: it writes several tables.
 * @example const outcomes = await upsertPractices(trx, records, { author: 'cli', message: 'import demo.json' });
 */
export async function upsertPractices(
  db: Database,
  records: PracticeRecord[],
  change: ChangeAuthor,
  /** Cities already ensured by earlier calls of the same bulk write, so each is written once. */
  citiesEnsured: Map<string, PracticeCity> = new Map(),
  /** Search vectors a bulk import staged beforehand on other connections (see stageSearchVectors). */
  staged?: StagedVectors,
): Promise<UpsertOutcome[]> {
  if (records.length === 0) return [];
  const existing = new Map<string, string>();
  for (const chunk of chunkByParams(records, () => 1)) {
    const rows = await db
      .selectFrom('practices')
      .select(['id', 'content_hash'])
      .where(
        'id',
        '=',
        sql<string>`ANY(${sql.val(chunk.map((r) => r.id))}::text[])`,
      )
      .forUpdate()
      .execute();
    for (const r of rows) existing.set(r.id, r.content_hash);
  }

  const outcomes: UpsertOutcome[] = [];
  // Records whose vectors were not staged (none, outside an import) have them computed here.
  const changed: { record: PracticeRecord; columns: PracticeColumns; parts?: { rank: SearchPart[]; long: SearchPart[] } }[] = [];
  const cities: PracticeCity[] = [];
  for (const record of records) {
    const row = practiceRow(record);
    const stored = existing.get(record.id);
    if (stored === row.columns.content_hash) {
      outcomes.push('unchanged');
      continue;
    }
    outcomes.push(stored === undefined ? 'created' : 'updated');
    if (row.city) cities.push(row.city);
    changed.push({ record, columns: row.columns, parts: staged?.ids.has(record.id) ? undefined : searchParts(record) });
  }
  if (changed.length === 0) return outcomes;

  await ensureCities(db, cities, citiesEnsured);

  const updatedAt = new Date();
  const vectorCost = (c: (typeof changed)[number]) => (c.parts ? 2 * (c.parts.rank.length + c.parts.long.length) : 0);
  const names = columnNames.map((n) => `"${n}"`).join(', ');
  const perRow = columnNames.length + 1;
  for (const chunk of chunkByParams(changed, (c) => perRow + vectorCost(c))) {
    // Written as text: a batch holds thousands of values (see Statement).
    const st = new Statement();
    const rows = chunk.map(
      ({ record, columns, parts }) =>
        `(${[
          `${st.param(record.id)}::text`,
          ...columnNames.map((name) => `${st.param(columns[name])}::${columnTypes[name]}`),
          parts ? tsvectorSql(parts.rank, st) : 'NULL::tsvector',
          parts ? tsvectorSql(parts.long, st) : 'NULL::tsvector',
        ].join(', ')})`,
    );
    // Staged vectors are read where the import's spare connections left them; the others are
    // computed in the statement (a NULL own vector marks a staged one: computed ones never are).
    const vectors = staged
      ? {
          join: `LEFT JOIN import_vectors iv ON iv.ticket = ${st.param(staged.ticket)}::bigint AND iv.id = v.id`,
          rank: 'coalesce(v.own_rank, iv.rank_vec)',
          full: 'coalesce(v.own_rank || v.own_long, iv.full_vec)',
        }
      : { join: '', rank: 'v.own_rank', full: 'v.own_rank || v.own_long' };
    // The row, its whole-text vector in practice_match under the row's key, and its revision,
    // in one statement: the record's JSON is sent and parsed once for the row and the revision.
    await st.execute(
      db,
      `WITH v AS (
        SELECT v.*, ${vectors.rank} AS rank_vec, ${vectors.full} AS full_vec
        FROM (VALUES ${rows.join(', ')}) AS v (id, ${names}, own_rank, own_long) ${vectors.join}),
      written AS (
        INSERT INTO practices (id, ${names}, rank_vec)
        SELECT v.id, ${columnNames.map((n) => `v."${n}"`).join(', ')}, v.rank_vec FROM v
        ON CONFLICT (id) DO UPDATE SET
          ${columnNames.map((n) => `"${n}" = excluded."${n}"`).join(', ')},
          rank_vec = excluded.rank_vec, updated_at = ${st.param(updatedAt)}
        RETURNING id, seq),
      matched AS (
        INSERT INTO practice_match (seq, full_vec)
        SELECT written.seq, v.full_vec FROM written JOIN v ON v.id = written.id
        ON CONFLICT (seq) DO UPDATE SET full_vec = excluded.full_vec)
      INSERT INTO practice_revisions (practice_id, record, author, author_id, kind, message)
      SELECT v.id, v.record, ${st.param(change.author)}, ${st.param(change.authorId ?? null)}::bigint, ${st.param(change.kind ?? 'import')}, ${st.param(change.message)} FROM v`,
    );
  }

  for (const chunk of chunkByParams(changed, () => 1)) {
    await db
      .deleteFrom('practice_links')
      .where('practice_id', '=', sql<string>`ANY(${sql.val(chunk.map((c) => c.record.id))}::text[])`)
      .execute();
  }
  const links = changed.flatMap(({ record }) =>
    (record.adapted_from ?? []).map((l, position) => ({
      practice_id: record.id,
      adapted_from_id: l.id,
      changes: l.changes ?? null,
      position,
    })),
  );
  for (const chunk of chunkByParams(links, () => 4)) await db.insertInto('practice_links').values(chunk).execute();

  return outcomes;
}

/** The stored content hash of each of these practices that exists. */
export async function storedContentHashes(db: Database, ids: string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('practices')
    .select(['id', 'content_hash'])
    .where('id', '=', sql<string>`ANY(${sql.val(ids)}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, r.content_hash]));
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
  const [outcome] = await upsertPractices(db, [record], change);
  if (outcome === 'unchanged') return outcome;
  // Bulk writers (imports) bump once at the end instead of once per record.
  if (options.bumpVersion !== false) await bumpCatalogueVersion(db);
  return outcome;
}

/** (Re)computes a practice's search vectors from its record. */
export async function writeSearchVectors(db: Database, record: PracticeRecord): Promise<void> {
  const parts = searchParts(record);
  const st = new Statement();
  await st.execute(
    db,
    `WITH v AS (SELECT ${tsvectorSql(parts.rank, st)} AS rank_vec, ${tsvectorSql(parts.long, st)} AS long_vec),
    written AS (UPDATE practices SET rank_vec = v.rank_vec FROM v WHERE id = ${st.param(record.id)} RETURNING seq)
    INSERT INTO practice_match (seq, full_vec)
    SELECT written.seq, v.rank_vec || v.long_vec FROM written, v
    ON CONFLICT (seq) DO UPDATE SET full_vec = excluded.full_vec`,
  );
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
