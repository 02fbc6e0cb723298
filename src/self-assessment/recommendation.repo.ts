import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/** One weak dimension to recommend for: its rank (1 = weakest), code and the practice themes it covers. */
export interface WeakDimension {
  rank: number;
  code: string;
  themes: string[];
}

/** The city recommended to, as the ranking compares it; null where a figure is not known. */
export interface RecommendationTarget {
  country: string;
  slug: string;
  /** UN M49 region code of the city's country. */
  region: string | null;
  /** Population range [from, to) of the city's size band; to is null for the top band. */
  sizeFrom: number | null;
  sizeTo: number | null;
  foreignBornShare: number | null;
}

/** A recommended practice as stored, with the facts behind its ranking. */
export interface RecommendationRow {
  rank: number;
  id: string;
  title: string;
  language: string;
  /** The title in the reader's language, where the record has a translation. */
  tr_title: string | null;
  city: string | null;
  country: string;
  evidence_level: number | null;
  transferable: boolean;
  /** The practice's city's score on the dimension in its latest public own snapshot, when it is at least `peerThreshold`. */
  peer_score: number | null;
  similar_size: boolean;
  same_region: boolean;
  close_share: boolean;
  /** The ranking score the rows are ordered by. */
  points: number;
}

/** How many practices each dimension gets. */
export const practicesPerDimension = 5;
/** A city scoring at least this on a dimension is one to learn from there. */
export const peerThreshold = 75;
/** Shares born abroad at most this many points apart count as close. */
export const closeShareWithin = 5;

/**
 * The best practices to learn from for each weak dimension, up to five each, in one query: the
 * published practices sharing a theme with the dimension, the target city's own left out, ranked
 * by evidence level ×2, +2 judged transferable, +1 same UN region, +1 same size band, +1 share
 * born abroad close, +2 when the practice's city's latest public snapshot (never a private one,
 * never the demo's made-up examples; of `frameworkVersion`) scores at least 75 there; ties by
 * evidence level, then id. The snapshots are reduced once to the cities scoring 75 or more on
 * each dimension, not looked up per practice.
 * @example const rows = await recommendationRows(db, [{ rank: 1, code: 'housing-and-neighbourhoods', themes: ['housing'] }], target, 1, 'fr');
 */
export async function recommendationRows(
  db: Database,
  dimensions: WeakDimension[],
  target: RecommendationTarget,
  frameworkVersion: number,
  locale: string,
): Promise<RecommendationRow[]> {
  if (dimensions.length === 0) return [];
  const wanted = sql.join(dimensions.map((d) => sql`(${d.rank}::int, ${d.code}::text, ${d.themes}::text[])`));
  const { rows } = await sql<RecommendationRow>`
    WITH dims (rank, code, themes) AS (VALUES ${wanted}),
    -- Each city's latest public own snapshot's score on each dimension, kept where it is 75 or
    -- more: a few narrow rows, computed once (MATERIALIZED) rather than again for each dimension.
    peers AS MATERIALIZED (
      SELECT * FROM (
        SELECT DISTINCT ON (a.country, a.slug, d.rank) a.country, a.slug, d.rank, (a.scores->'dimensions'->d.code->>'score')::float8 AS score
          FROM city_assessments a CROSS JOIN dims d
         WHERE a.state = 'published' AND a.visibility = 'public' AND NOT a.example AND a.framework_version = ${frameworkVersion}
         ORDER BY a.country, a.slug, d.rank, a.published_at DESC, a.id DESC
      ) latest
       WHERE score >= ${peerThreshold}
    )
    SELECT d.rank, r.id, shown.title, shown.language, shown.record->'translations'->${locale}->>'title' AS tr_title, r.city, r.country,
           r.evidence_level, r.transferable, r.peer_score, r.similar_size, r.same_region, r.close_share, r.points
      FROM dims d
      CROSS JOIN LATERAL (
        SELECT f.*,
               coalesce(f.evidence_level, 0) * 2
               + CASE WHEN f.transferable THEN 2 ELSE 0 END
               + CASE WHEN f.same_region THEN 1 ELSE 0 END
               + CASE WHEN f.similar_size THEN 1 ELSE 0 END
               + CASE WHEN f.close_share THEN 1 ELSE 0 END
               + CASE WHEN f.peer_score IS NOT NULL THEN 2 ELSE 0 END AS points
          FROM (
            SELECT p.id, coalesce(c.name, p.city) AS city, p.country::text AS country, p.evidence_level::int AS evidence_level,
                   'transferable' = ANY (p.assessed) AS transferable,
                   s.score AS peer_score,
                   coalesce(c.population >= ${target.sizeFrom}::float8 AND (${target.sizeTo}::float8 IS NULL OR c.population < ${target.sizeTo}::float8), false) AS similar_size,
                   coalesce(p.region = ${target.region}::text, false) AS same_region,
                   coalesce(abs(c.foreign_born_share::float8 - ${target.foreignBornShare}::float8) <= ${closeShareWithin}, false) AS close_share
              FROM practices p
              LEFT JOIN cities c ON c.country = p.country AND c.slug = p.city_slug
              LEFT JOIN peers s ON s.country = p.country AND s.slug = p.city_slug AND s.rank = d.rank
             WHERE p.themes && d.themes
               AND NOT (p.country = ${target.country} AND p.city_slug IS NOT DISTINCT FROM ${target.slug}::text)
          ) f
         ORDER BY points DESC, coalesce(f.evidence_level, 0) DESC, f.id
         LIMIT ${practicesPerDimension}
      ) r
      -- The stored record (large) is read for the few rows shown only, for the title's translation.
      JOIN practices shown ON shown.id = r.id
     ORDER BY d.rank, r.points DESC, coalesce(r.evidence_level, 0) DESC, r.id`.execute(db);
  return rows;
}
