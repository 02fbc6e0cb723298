/**
 * How a call's applications are scored, ranked and compared: pure functions of the rubric and
 * the submitted reviews, shared by the coordinator's overview, the exports and the feedback.
 *
 * A criterion's score is the mean of the reviewers' 1–5 scores on it; an application's score is
 * the mean of its criteria's scores weighted by the rubric's weights (so scaling every weight
 * changes nothing). Reviewers disagree on a criterion when their scores are more than 2 points
 * apart. The rank orders by score, highest first; equal scores keep the order given.
 */

/** One criterion of a call's rubric (the calls area validates it; the same shape as its `Rubric`). */
export interface RubricCriterion {
  key: string;
  title: string;
  description: string;
  weight: number;
  anchors: { '1': string; '2': string; '3': string; '4': string; '5': string };
}

/** A call's rubric: its criteria in order. */
export type Rubric = RubricCriterion[];

/** A reviewer's score of one criterion (1–5) and their comment. */
export interface CriterionScore {
  score: number;
  comment: string;
}

/** One review: the score of each criterion by key. */
export type ReviewScores = Record<string, CriterionScore | undefined>;

/** Reviewers disagree on a criterion when their scores lie more than this apart. */
export const disagreementGap = 2;

/** What the reviewers made of one criterion of one application. */
export interface CriterionAggregate {
  key: string;
  mean: number | null;
  min: number | null;
  max: number | null;
  disagreement: boolean;
}

/** An application's aggregate: per criterion, its weighted mean, the spread of the reviewers' totals, the flagged criteria. */
export interface ApplicationAggregate {
  applicationId: number;
  reviews: number;
  criteria: CriterionAggregate[];
  weightedMean: number | null;
  spread: number | null;
  flagged: string[];
}

/**
 * The mean of values weighted by the rubric's weights, over the criteria that have a value;
 * null when none has (or their weights add up to nothing).
 * @example weightedMean([{ key: 'a', weight: 2, … }, { key: 'b', weight: 1, … }], { a: 4, b: 1 }) // 3
 */
export function weightedMean(rubric: Pick<RubricCriterion, 'key' | 'weight'>[], values: Record<string, number | null | undefined>): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of rubric) {
    const v = values[c.key];
    if (v === null || v === undefined || !(c.weight > 0)) continue;
    sum += c.weight * v;
    weights += c.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * One reviewer's weighted total of one review (null when it scores no criterion).
 * @example reviewTotal(rubric, { reach: { score: 4, comment: '' } })
 */
export function reviewTotal(rubric: Pick<RubricCriterion, 'key' | 'weight'>[], review: ReviewScores): number | null {
  return weightedMean(rubric, Object.fromEntries(rubric.map((c) => [c.key, review[c.key]?.score])));
}

/**
 * The aggregate of one application from its submitted reviews.
 * @example aggregate(rubric, 12, [reviewA, reviewB]).weightedMean
 */
export function aggregate(rubric: Pick<RubricCriterion, 'key' | 'weight'>[], applicationId: number, reviews: ReviewScores[]): ApplicationAggregate {
  const criteria = rubric.map((c): CriterionAggregate => {
    const scores = reviews.map((r) => r[c.key]?.score).filter((s): s is number => typeof s === 'number');
    if (scores.length === 0) return { key: c.key, mean: null, min: null, max: null, disagreement: false };
    const min = Math.min(...scores);
    const max = Math.max(...scores);
    return { key: c.key, mean: scores.reduce((a, b) => a + b, 0) / scores.length, min, max, disagreement: max - min > disagreementGap };
  });
  const totals = reviews.map((r) => reviewTotal(rubric, r)).filter((t): t is number => t !== null);
  return {
    applicationId,
    reviews: reviews.length,
    criteria,
    weightedMean: weightedMean(rubric, Object.fromEntries(criteria.map((c) => [c.key, c.mean]))),
    spread: totals.length ? Math.max(...totals) - Math.min(...totals) : null,
    flagged: criteria.filter((c) => c.disagreement).map((c) => c.key),
  };
}

/**
 * Ranks 1…n: by weighted mean, highest first; applications without a score come last; equal
 * scores keep the order given (a stable sort), so a tie never reshuffles between two views.
 * @example rank([{ weightedMean: 3 }, { weightedMean: 4 }]) // [{ weightedMean: 4, rank: 1 }, { weightedMean: 3, rank: 2 }]
 */
export function rank<T extends { weightedMean: number | null }>(items: readonly T[]): (T & { rank: number })[] {
  const key = (v: number | null) => (v === null ? Number.NEGATIVE_INFINITY : v);
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => key(b.item.weightedMean) - key(a.item.weightedMean) || a.i - b.i)
    .map(({ item }, i) => ({ ...item, rank: i + 1 }));
}

/**
 * The score that was needed: the lowest weighted mean among the selected applications (null
 * when none was selected or none selected was scored).
 * @example neededScore([{ decision: 'selected', weightedMean: 3.4 }, { decision: 'not_selected', weightedMean: 2 }]) // 3.4
 */
export function neededScore(items: readonly { decision: string | null; weightedMean: number | null }[]): number | null {
  const selected = items.filter((i) => i.decision === 'selected' && i.weightedMean !== null).map((i) => i.weightedMean as number);
  return selected.length ? Math.min(...selected) : null;
}
