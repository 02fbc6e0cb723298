import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AssessmentScore } from '../framework/scoring.ts';

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
  scores: AssessmentScore;
}

/**
 * Every city's latest PUBLIC snapshot (private ones never), either the cities' own or the
 * demo's examples (`examples`), with the scores kept when it was published.
 * @example const rows = await latestPublicIndexes(db, { examples: false });
 */
export async function latestPublicIndexes(db: Database, options: { examples: boolean }): Promise<PublishedIndex[]> {
  const rows = await sql<{
    id: string;
    country: string;
    slug: string;
    name: string;
    population: number | null;
    foreign_born_share: number | null;
    published_at: Date;
    example: boolean;
    scores: AssessmentScore | string;
  }>`
    SELECT s.id, s.country, s.slug, c.name, c.population, c.foreign_born_share, s.published_at, s.example, s.scores
      FROM (SELECT DISTINCT ON (country, slug) id, country, slug, published_at, example, scores
              FROM city_assessments
             WHERE state = 'published' AND visibility = 'public' AND example = ${options.examples}
             ORDER BY country, slug, published_at DESC, id DESC) s
      JOIN cities c ON c.country = s.country AND c.slug = s.slug
     ORDER BY s.country, c.name`.execute(db);
  return rows.rows.map((r) => ({
    id: String(r.id),
    country: r.country,
    slug: r.slug,
    name: r.name,
    population: r.population,
    foreignBornShare: r.foreign_born_share,
    publishedAt: new Date(r.published_at),
    example: r.example,
    scores: typeof r.scores === 'string' ? (JSON.parse(r.scores) as AssessmentScore) : r.scores,
  }));
}
