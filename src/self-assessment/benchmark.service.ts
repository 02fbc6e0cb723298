import type { Database } from '../db/database.ts';
import { framework } from '../framework/framework.ts';
import { regionsOf } from '../geo/countries.ts';
import type { BenchmarkQuery } from './benchmark.query.ts';
import { latestPublicIndexes, type PublishedIndex } from './benchmark.repo.ts';
import { sizeBand } from './size-band.ts';

/** A row of the benchmark: a city's latest public index, with the score the table is ordered by. */
export interface BenchmarkRow extends PublishedIndex {
  region: string | null;
  band: string | undefined;
  /** The overall index, or the chosen dimension's score; null when not assessed. */
  score: number | null;
  coverage: number;
}

/** City names in one order for every reader (one collator: `localeCompare` builds one per comparison). */
const names = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * The published indexes the benchmark lists: every city's latest public self-assessment (the
 * cities' own; the demo's examples only while no city has published one, and then said so),
 * filtered by region and size band, scored on the overall index or one dimension, ordered.
 * @example const { rows, examples } = await benchmarkRows(db, { dimension: 'language-learning', sort: 'score' });
 */
export async function benchmarkRows(db: Database, query: BenchmarkQuery): Promise<{ rows: BenchmarkRow[]; examples: boolean }> {
  let indexes = await latestPublicIndexes(db, { examples: false });
  const examples = indexes.length === 0;
  if (examples) indexes = await latestPublicIndexes(db, { examples: true });
  // Scores of different framework versions are never compared: the list holds the current one's.
  const rows = indexes
    .filter((i) => i.frameworkVersion === framework.version)
    .map((i) => {
      const part = query.dimension ? i.scores.dimensions[query.dimension] : i.scores.overall;
      return { ...i, region: regionsOf(i.country).region, band: sizeBand(i.population), score: part?.score ?? null, coverage: part?.coverage ?? 0 };
    })
    .filter((r) => (!query.region || r.region === query.region) && (!query.band || r.band === query.band));
  const byName = (a: BenchmarkRow, b: BenchmarkRow) => names.compare(a.name, b.name) || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0);
  const sort = query.sort ?? 'score';
  rows.sort((a, b) => {
    if (sort === 'city') return byName(a, b);
    const key = (r: BenchmarkRow) => (sort === 'coverage' ? r.coverage : (r.score ?? -1));
    return key(b) - key(a) || byName(a, b);
  });
  return { rows, examples };
}
