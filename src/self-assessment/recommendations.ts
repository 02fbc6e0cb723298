import { findCity } from '../cities/city.repo.ts';
import type { Database } from '../db/database.ts';
import { framework } from '../framework/framework.ts';
import type { AssessmentScore } from '../framework/scoring.ts';
import { regionsOf } from '../geo/countries.ts';
import { type RecommendationRow, recommendationRows } from './recommendation.repo.ts';
import { sizeBand } from './size-band.ts';

/** A practice recommended for a weak dimension, with the facts that say why. */
export interface RecommendedPractice {
  id: string;
  /** In the reader's language when the record has a translation, else the original. */
  title: string;
  /** Language of `title`. */
  lang: string;
  city: string | null;
  country: string | null;
  evidenceLevel: number | null;
  /** Editors judged it transferable. */
  transferable: boolean;
  /** Its city's score on the dimension in its latest public own snapshot, when at least 75; else null. */
  peerScore: number | null;
  similarSize: boolean;
  sameRegion: boolean;
  /** Shares born abroad within five points of each other. */
  closeShare: boolean;
}

/** One of the city's weakest dimensions and the practices recommended for it, best first. */
export interface DimensionRecommendations {
  dimension: string;
  /** 1 = the weakest. */
  rank: 1 | 2 | 3;
  /** The city's score on the dimension, unrounded. */
  score: number;
  practices: RecommendedPractice[];
}

/** A dimension picked as weak: its rank, code, score and the practice themes it covers. */
export interface WeakestDimension {
  rank: 1 | 2 | 3;
  code: string;
  score: number;
  themes: string[];
}

/**
 * The city's three weakest assessed dimensions, lowest score first; dimensions not assessed are
 * skipped and ties keep the framework's order.
 * @example weakestDimensions(score).map((d) => d.code) // ['housing-and-neighbourhoods', 'work-and-income', 'health-and-wellbeing']
 */
export function weakestDimensions(score: AssessmentScore): WeakestDimension[] {
  return framework.dimensions
    .map((d, order) => ({ code: d.code, themes: d.themes, order, score: score.dimensions[d.code]?.score ?? null }))
    .filter((d): d is typeof d & { score: number } => d.score !== null)
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, 3)
    .map((d, i) => ({ rank: (i + 1) as 1 | 2 | 3, code: d.code, score: d.score, themes: d.themes }));
}

/** Beyond any city's population: the upper search bound of the top size band. */
const noCityThisBig = 1e10;

/**
 * The population range [from, to) of the size band a population falls in (to null for the top
 * band), asked of `sizeBand` itself by bisection so its thresholds stay written in one place.
 */
function bandRange(population: number): { from: number; to: number | null } {
  const band = sizeBand(population);
  let [low, high] = [0, population];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (sizeBand(mid) === band) high = mid;
    else low = mid + 1;
  }
  const from = low;
  if (sizeBand(noCityThisBig) === band) return { from, to: null };
  [low, high] = [population, noCityThisBig];
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (sizeBand(mid) === band) low = mid;
    else high = mid;
  }
  return { from, to: high };
}

/** A row as the page shows it: the title in the reader's language where there is one. */
const recommended = (r: RecommendationRow, locale: string): RecommendedPractice => ({
  id: r.id,
  title: r.tr_title ?? r.title,
  lang: r.tr_title ? locale : r.language,
  city: r.city,
  country: r.country,
  evidenceLevel: r.evidence_level,
  transferable: r.transferable,
  peerScore: r.peer_score,
  similarSize: r.similar_size,
  sameRegion: r.same_region,
  closeShare: r.close_share,
});

/**
 * Practices to learn from for a city's three weakest assessed dimensions, up to five each (see
 * `recommendationRows` for the ranking): none when no dimension is assessed. The city's size,
 * share born abroad and region come from its row in `cities`.
 * @example const groups = await recommendPractices(db, { country: 'DE', slug: 'berlin', score, locale: 'fr' });
 */
export async function recommendPractices(
  db: Database,
  input: { country: string; slug: string; score: AssessmentScore; locale: string },
): Promise<DimensionRecommendations[]> {
  const weakest = weakestDimensions(input.score);
  if (weakest.length === 0) return [];
  const city = await findCity(db, input.country, input.slug);
  const range = city?.population === null || city?.population === undefined ? undefined : bandRange(city.population);
  const rows = await recommendationRows(
    db,
    weakest,
    {
      country: input.country,
      slug: input.slug,
      region: regionsOf(input.country).region,
      sizeFrom: range?.from ?? null,
      sizeTo: range?.to ?? null,
      foreignBornShare: city?.foreign_born_share ?? null,
    },
    framework.version,
    input.locale,
  );
  return weakest.map((d) => ({
    dimension: d.code,
    rank: d.rank,
    score: d.score,
    practices: rows.filter((r) => r.rank === d.rank).map((r) => recommended(r, input.locale)),
  }));
}
