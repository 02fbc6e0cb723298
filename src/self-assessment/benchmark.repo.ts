import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { chunkByParams } from '../db/param-chunks.ts';
import { readCounter } from '../db/site-version.repo.ts';
import type { AssessmentScore } from '../framework/scoring.ts';
import { type CityContext, cityContexts } from './recommendation.repo.ts';

/** A city's latest public snapshot with the city's figures: one row of the comparisons. */
export interface PublishedIndex {
  id: string;
  country: string;
  slug: string;
  name: string;
  population: number | null;
  foreignBornShare: number | null;
  publishedAt: Date;
  example: boolean;
  frameworkVersion: number;
  scores: AssessmentScore;
}

/** The version of the cities' assessments: moved by every statement that changes `city_assessments` (migration 0018). */
export function readAssessmentsVersion(db: Database): Promise<number> {
  return readCounter(db, 'assessments_version');
}

/** A city's latest public snapshot as read, before its city's name and figures are added. */
type SnapshotRow = Omit<PublishedIndex, 'name' | 'population' | 'foreignBornShare'>;

/** The scores of snapshots already read, by id: published scores never change. */
type KnownScores = Map<string, AssessmentScore>;

/**
 * Every city's latest PUBLIC snapshot of each framework version (private ones never; versions
 * are never compared, so each reader keeps one), either the cities' own or the demo's examples
 * (`examples`), with the scores kept when it was published. The latest of each city is picked on
 * an index alone; scores are fetched only for snapshots not in `known` (a publication adds one),
 * and the cities' names and figures come from their contexts, kept per cities version.
 * @example const rows = await readLatestPublicSnapshots(db, { examples: false }, new Map());
 */
export async function readLatestPublicSnapshots(
  db: Database,
  options: { examples: boolean },
  known: ReadonlyMap<string, AssessmentScore>,
): Promise<SnapshotRow[]> {
  const latest = await sql<{ id: string; country: string; slug: string; published_at: Date; example: boolean; framework_version: number }>`
    SELECT DISTINCT ON (country, slug, framework_version) id, country, slug, published_at, example, framework_version
      FROM city_assessments
     WHERE state = 'published' AND visibility = 'public' AND example = ${options.examples}
     ORDER BY country, slug, framework_version, published_at DESC, id DESC`.execute(db);
  const found: KnownScores = new Map();
  for (const r of latest.rows) {
    const scores = known.get(String(r.id));
    if (scores) found.set(String(r.id), scores);
  }
  const missing = latest.rows.map((r) => String(r.id)).filter((id) => !found.has(id));
  for (const ids of chunkByParams(missing, () => 1)) {
    const { rows } = await sql<{ id: string; scores: AssessmentScore | string }>`
      SELECT id, scores FROM city_assessments WHERE id IN (${sql.join(ids)})`.execute(db);
    for (const r of rows) found.set(String(r.id), typeof r.scores === 'string' ? (JSON.parse(r.scores) as AssessmentScore) : r.scores);
  }
  const out: SnapshotRow[] = [];
  for (const r of latest.rows) {
    const scores = found.get(String(r.id));
    if (scores)
      out.push({
        id: String(r.id),
        country: r.country,
        slug: r.slug,
        publishedAt: new Date(r.published_at),
        example: r.example,
        frameworkVersion: r.framework_version,
        scores,
      });
  }
  return out;
}

/** The contexts by `COUNTRY/slug`, made once per list of contexts. */
const contextsByKey = new WeakMap<CityContext[], Map<string, CityContext>>();

/** The snapshots with their cities' names and figures, in order of country and name. */
function withCities(rows: SnapshotRow[], contexts: CityContext[]): PublishedIndex[] {
  let byKey = contextsByKey.get(contexts);
  if (!byKey) {
    byKey = new Map(contexts.map((c) => [`${c.country}/${c.slug}`, c]));
    contextsByKey.set(contexts, byKey);
  }
  const out: PublishedIndex[] = [];
  for (const r of rows) {
    const city = byKey.get(`${r.country}/${r.slug}`);
    if (city)
      out.push({
        id: r.id,
        country: r.country,
        slug: r.slug,
        name: city.name,
        population: city.population,
        foreignBornShare: city.foreignBornShare,
        publishedAt: r.publishedAt,
        example: r.example,
        frameworkVersion: r.frameworkVersion,
        scores: r.scores,
      });
  }
  const byPlace = (a: PublishedIndex, b: PublishedIndex) =>
    a.country < b.country ? -1 : a.country > b.country ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
  return out.sort(byPlace);
}

/** The snapshots kept per database handle, with the assessments version they were read at. */
const kept = new WeakMap<Database, { version: number; own?: Promise<SnapshotRow[]>; examples?: Promise<SnapshotRow[]> }>();
/** The scores read so far, per database handle, of the cities' own snapshots and of the examples. */
const scoresRead = new WeakMap<Database, { own: KnownScores; examples: KnownScores }>();
/** The snapshots joined with the cities' contexts, per list of snapshots: joined again when the contexts are new. */
const joined = new WeakMap<SnapshotRow[], { contexts: CityContext[]; indexes: PublishedIndex[] }>();

/**
 * Every city's latest public snapshot (see `readLatestPublicSnapshots`) with its city's name and
 * figures, read once per version of the assessments (one primary-key read a call) and joined
 * once per version of the cities: every comparison page until the next change shares them.
 * @example const rows = await latestPublicIndexes(db, { examples: false });
 */
export async function latestPublicIndexes(db: Database, options: { examples: boolean }): Promise<PublishedIndex[]> {
  const [rows, contexts] = await Promise.all([latestSnapshots(db, options), cityContexts(db)]);
  const known = joined.get(rows);
  if (known?.contexts === contexts) return known.indexes;
  const indexes = withCities(rows, contexts);
  joined.set(rows, { contexts, indexes });
  return indexes;
}

async function latestSnapshots(db: Database, options: { examples: boolean }): Promise<SnapshotRow[]> {
  const version = await readAssessmentsVersion(db);
  let entry = kept.get(db);
  if (!entry || entry.version !== version) {
    entry = { version };
    kept.set(db, entry);
  }
  const which = options.examples ? 'examples' : 'own';
  const current = entry;
  if (!current[which]) {
    const known = scoresRead.get(db)?.[which] ?? new Map();
    const read = readLatestPublicSnapshots(db, options, known).then((rows) => {
      // The latest snapshots' scores are kept for the next read, no others.
      const kept = scoresRead.get(db) ?? { own: new Map(), examples: new Map() };
      kept[which] = new Map(rows.map((r) => [r.id, r.scores]));
      scoresRead.set(db, kept);
      return rows;
    });
    current[which] = read;
    read.catch(() => {
      if (current[which] === read) current[which] = undefined;
    });
  }
  return current[which];
}
