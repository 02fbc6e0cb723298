/**
 * Ranking metrics of the relevance benchmark (bench/relevance.ts): pure functions over a ranked
 * list of ids and graded judgements (id → 1 or 2; absent ids are 0).
 */

/** Graded judgements of one query: practice id → grade (2 answers it, 1 partly). */
export type Judgements = Readonly<Record<string, number>>;

/** Gain of a grade: 2^grade − 1, so a grade-2 answer is worth three grade-1 answers. */
export function gain(grade: number): number {
  return 2 ** grade - 1;
}

/** Discounted cumulative gain of grades in rank order, the first k: Σ gain(gᵢ) / log2(i + 1), i from 1. */
export function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) sum += gain(grades[i]) / Math.log2(i + 2);
  return sum;
}

/** Normalised DCG at k: the ranking's DCG over the DCG of the judgements in ideal order (0 when nothing is relevant). */
export function ndcgAt(ranking: readonly string[], judgements: Judgements, k = 10): number {
  const ideal = dcg(
    Object.values(judgements)
      .filter((g) => g > 0)
      .sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return 0;
  return (
    dcg(
      ranking.map((id) => judgements[id] ?? 0),
      k,
    ) / ideal
  );
}

/** 1 / rank of the first result with a grade of 1 or more in the top k, 0 when there is none. */
export function reciprocalRank(ranking: readonly string[], judgements: Judgements, k = 10): number {
  const at = ranking.slice(0, k).findIndex((id) => (judgements[id] ?? 0) >= 1);
  return at < 0 ? 0 : 1 / (at + 1);
}

/** The figures of one query run. */
export interface QueryScore {
  ndcg: number;
  rr: number;
  zero: boolean;
}

/** Figures of a group of queries: how many, mean nDCG, mean reciprocal rank and share of zero-result queries (NaN when empty). */
export interface ScoreSummary {
  count: number;
  ndcg: number;
  mrr: number;
  zeroRate: number;
}

/** Averages query scores into a summary. */
export function summarize(scores: readonly QueryScore[]): ScoreSummary {
  const mean = (values: number[]) => (values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length);
  return {
    count: scores.length,
    ndcg: mean(scores.map((s) => s.ndcg)),
    mrr: mean(scores.map((s) => s.rr)),
    zeroRate: mean(scores.map((s) => (s.zero ? 1 : 0))),
  };
}
