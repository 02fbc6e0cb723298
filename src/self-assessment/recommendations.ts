import type { Database } from '../db/database.ts';
import { framework } from '../framework/framework.ts';
import type { AssessmentScore } from '../framework/scoring.ts';
import { currentSnapshot } from '../search/catalogue-snapshot.ts';
import { latestPublicIndexes } from './benchmark.repo.ts';
import { cityContexts, practiceTitles } from './recommendation.repo.ts';
import { cityFactsFor, peerScoresOf, type RankedPractice, rankForDimension } from './recommendation-ranking.ts';

/** A practice recommended for a weak dimension, with the facts that say why, titled in the reader's language where it can be. */
export type RecommendedPractice = Omit<RankedPractice, 'points'> & {
  title: string;
  /** Language of `title`. */
  lang: string;
};

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

/** A ranked practice as the page shows it: the title in the reader's language where there is one. */
const recommended = ({ points: _points, ...r }: RankedPractice, title: { title: string; lang: string } | undefined): RecommendedPractice => ({
  ...r,
  title: title?.title ?? r.id,
  lang: title?.lang ?? 'en',
});

/**
 * Practices to learn from for a city's three weakest assessed dimensions, up to five each (see
 * `rankForDimension` for the ranking, on the catalogue snapshot in memory): none when no
 * dimension is assessed. The city's size, share born abroad and region come from `cities`.
 * @example const groups = await recommendPractices(db, { country: 'DE', slug: 'berlin', score, locale: 'fr' });
 */
export async function recommendPractices(
  db: Database,
  input: {
    country: string;
    slug: string;
    score: AssessmentScore;
    locale: string /** Practices the city's representatives shortlisted or dismissed. */;
    exclude?: ReadonlySet<string>;
  },
): Promise<DimensionRecommendations[]> {
  const weakest = weakestDimensions(input.score);
  if (weakest.length === 0) return [];
  const [snap, contexts, indexes] = await Promise.all([currentSnapshot(db), cityContexts(db), latestPublicIndexes(db, { examples: false })]);
  const self = contexts.find((c) => c.country === input.country && c.slug === input.slug);
  const target = { country: input.country, slug: input.slug, population: self?.population ?? null, foreignBornShare: self?.foreignBornShare ?? null };
  const facts = cityFactsFor(snap, target, contexts);
  const ranked = weakest.map((d) => rankForDimension(snap, d.themes, target, facts, peerScoresOf(indexes, d.code, framework.version), input.exclude));
  const titles = await practiceTitles(db, [...new Set(ranked.flat().map((r) => r.id))], input.locale);
  return weakest.map((d, i) => ({
    dimension: d.code,
    rank: d.rank,
    score: d.score,
    practices: ranked[i].map((r) => recommended(r, titles.get(r.id))),
  }));
}
