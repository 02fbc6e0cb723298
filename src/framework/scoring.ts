import type { Framework } from './framework.ts';

/**
 * The scoring rules of the self-assessment framework (its README), as pure functions: nothing
 * here reads a database or rounds. A dimension scores Σ(weight·score) / Σweight over its
 * answered questions; the overall index is the plain mean of the dimensions that have a score;
 * a question left unanswered ("don't know", "not applicable", skipped) is left out and never
 * counts as 0; coverage (answered ÷ total) goes with every score; a result is provisional below
 * 75 % overall coverage or when a dimension has no score. Pages show the scores as whole
 * numbers; the API gives them unrounded, so anyone can recompute them.
 */

/** An answer to one question: an option chosen, or a reason it was not. */
export type Answer = { option: string } | { unanswered: 'dont-know' | 'not-applicable' };

export interface DimensionScore {
  /** 0–100, unrounded; null when no question of the dimension is answered ("not assessed"). */
  score: number | null;
  /** answered ÷ total, in [0, 1]. */
  coverage: number;
  answered: number;
  total: number;
}

export interface AssessmentScore {
  dimensions: Record<string, DimensionScore>;
  overall: DimensionScore & { provisional: boolean };
}

/** Below this overall coverage a result is provisional. */
export const provisionalBelow = 0.75;

/** Thrown for an answer to a question or with an option the framework does not have: input is validated before scoring. */
export class UnknownAnswerError extends Error {}

/**
 * Scores a set of answers against a framework.
 * @example scoreAssessment(framework, { 'leadership-and-strategy.1': { option: 'current' } }).dimensions['leadership-and-strategy'].score // 100
 */
export function scoreAssessment(f: Framework, answers: Readonly<Record<string, Answer>>): AssessmentScore {
  const known = new Map(f.dimensions.flatMap((d) => d.questions.map((q) => [q.code, q] as const)));
  for (const [code, answer] of Object.entries(answers)) {
    const question = known.get(code);
    if (!question) throw new UnknownAnswerError(`no question ${code} in framework version ${f.version}`);
    if ('option' in answer && !question.options.some((o) => o.value === answer.option))
      throw new UnknownAnswerError(`question ${code} has no option ${answer.option}`);
  }
  const dimensions: Record<string, DimensionScore> = {};
  let answeredAll = 0;
  let totalAll = 0;
  const scores: number[] = [];
  for (const d of f.dimensions) {
    let weighted = 0;
    let weights = 0;
    let answered = 0;
    for (const q of d.questions) {
      const answer = answers[q.code];
      if (!answer || !('option' in answer)) continue;
      const option = q.options.find((o) => o.value === answer.option);
      if (!option) continue;
      weighted += q.weight * option.score;
      weights += q.weight;
      answered++;
    }
    const score = answered ? weighted / weights : null;
    dimensions[d.code] = { score, coverage: answered / d.questions.length, answered, total: d.questions.length };
    if (score !== null) scores.push(score);
    answeredAll += answered;
    totalAll += d.questions.length;
  }
  const coverage = totalAll ? answeredAll / totalAll : 0;
  return {
    dimensions,
    overall: {
      score: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      coverage,
      answered: answeredAll,
      total: totalAll,
      provisional: coverage < provisionalBelow || scores.length < f.dimensions.length,
    },
  };
}
