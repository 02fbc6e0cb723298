import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { chunkByParams } from '../../db/param-chunks.ts';
import { Statement } from '../../db/statement.ts';
import { type ChangeAuthor, type PracticeCity, practiceRow, type UpsertOutcome } from '../practice.repo.ts';
import type { PracticeRecord } from '../practice.schema.ts';

type PracticeColumns = ReturnType<typeof practiceRow>['columns'];

/**
 * SQL types of the row columns: the values of a multi-row VALUES list are not typed by their
 * target column, so each is cast. char(n) columns stay text so the assignment checks their
 * length as a single insert does. (A single write goes through Kysely and needs none of this.)
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

/** A record that differs from what is stored, with its row. */
interface ChangedRow {
  record: PracticeRecord;
  columns: PracticeColumns;
}

/** The stored content hash of each of these practices that exists, the rows locked until the transaction ends. */
async function lockStoredHashes(db: Database, records: PracticeRecord[]): Promise<Map<string, string>> {
  const existing = new Map<string, string>();
  for (const chunk of chunkByParams(records, () => 1)) {
    const rows = await db
      .selectFrom('practices')
      .select(['id', 'content_hash'])
      .where('id', '=', sql<string>`ANY(${sql.val(chunk.map((r) => r.id))}::text[])`)
      .forUpdate()
      .execute();
    for (const r of rows) existing.set(r.id, r.content_hash);
  }
  return existing;
}

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
        oc
          .columns(['country', 'slug'])
          .doUpdateSet({
            lat: sql`coalesce(cities.lat, excluded.lat)`,
            lon: sql`coalesce(cities.lon, excluded.lon)`,
          })
          // A known city is left alone unless it gains coordinates: no row written, no new version of the cities.
          .where(sql<boolean>`(cities.lat IS NULL AND excluded.lat IS NOT NULL) OR (cities.lon IS NULL AND excluded.lon IS NOT NULL)`),
      )
      .execute();
  }
}

/**
 * Writes the rows and their revisions, a chunk per statement. Written as text: a batch holds
 * thousands of values (see Statement). The record's JSON is sent and parsed once for the row and
 * its revision.
 */
async function writeRowsAndRevisions(db: Database, changed: ChangedRow[], change: ChangeAuthor): Promise<void> {
  const updatedAt = new Date();
  const names = columnNames.map((n) => `"${n}"`).join(', ');
  for (const chunk of chunkByParams(changed, () => columnNames.length + 1)) {
    const st = new Statement();
    const rows = chunk.map(
      ({ record, columns }) =>
        `(${[`${st.param(record.id)}::text`, ...columnNames.map((name) => `${st.param(columns[name])}::${columnTypes[name]}`)].join(', ')})`,
    );
    await st.execute(
      db,
      `WITH v (id, ${names}) AS (VALUES ${rows.join(', ')}),
      written AS (
        INSERT INTO practices (id, ${names})
        SELECT v.id, ${columnNames.map((n) => `v."${n}"`).join(', ')} FROM v
        ON CONFLICT (id) DO UPDATE SET
          ${columnNames.map((n) => `"${n}" = excluded."${n}"`).join(', ')}, updated_at = ${st.param(updatedAt)})
      INSERT INTO practice_revisions (practice_id, record, author, author_id, kind, message)
      SELECT v.id, v.record, ${st.param(change.author)}, ${st.param(change.authorId ?? null)}::bigint, ${st.param(change.kind ?? 'import')}, ${st.param(change.message)} FROM v`,
    );
  }
}

/** Replaces the adaptation links of the changed practices. */
async function replaceLinks(db: Database, changed: ChangedRow[]): Promise<void> {
  for (const chunk of chunkByParams(changed, () => 1)) {
    await db
      .deleteFrom('practice_links')
      .where('practice_id', '=', sql<string>`ANY(${sql.val(chunk.map((c) => c.record.id))}::text[])`)
      .execute();
  }
  const links = changed.flatMap(({ record }) =>
    (record.adapted_from ?? []).map((l, position) => ({ practice_id: record.id, adapted_from_id: l.id, changes: l.changes ?? null, position })),
  );
  for (const chunk of chunkByParams(links, () => 4)) await db.insertInto('practice_links').values(chunk).execute();
}

/**
 * Inserts or replaces a batch of an import's practices by id, with what a single write
 * (upsertPractice) writes — derived columns, city, adaptation links and one revision each — in a
 * few multi-row statements (each city once per import). Identical records are left alone and
 * add no revision. Ids must be distinct. Returns the outcome of each record, in order. Run it
 * inside the import's transaction: it writes several tables (and the database moves the
 * catalogue version on).
 * @example const outcomes = await upsertPracticeBatch(trx, records, { author: 'cli', message: 'import demo.json' }, citiesEnsured);
 */
export async function upsertPracticeBatch(
  db: Database,
  records: PracticeRecord[],
  change: ChangeAuthor,
  /** Cities already ensured by earlier batches of the same import, so each is written once. */
  citiesEnsured: Map<string, PracticeCity> = new Map(),
): Promise<UpsertOutcome[]> {
  if (records.length === 0) return [];
  const existing = await lockStoredHashes(db, records);
  const outcomes: UpsertOutcome[] = [];
  const changed: ChangedRow[] = [];
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
    changed.push({ record, columns: row.columns });
  }
  if (changed.length === 0) return outcomes;
  await ensureCities(db, cities, citiesEnsured);
  await writeRowsAndRevisions(db, changed, change);
  await replaceLinks(db, changed);
  return outcomes;
}
