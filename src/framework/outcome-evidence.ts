import { type Dimension, outcomeIndicators } from './framework.ts';

/**
 * The outcome answers a city's recorded yearly figures point to, as pure functions of the figures
 * and the day of the assessment (never the clock): the framework README's outcome rules, read
 * from each question's option labels. Six questions ask whether a figure improved over 3 years,
 * three whether the latest figure reaches a threshold; the rest have no indicator to derive from.
 * A result is a suggestion with its reason and the figures behind it, in codes and numbers: the
 * page puts it into the reader's words.
 */

/** A recorded figure, as the rules read it. */
export interface YearlyFigure {
  indicator: string;
  year: number;
  value: number;
}

/** How much a trend must move the indicator's better way: more than nothing ("smaller"), or at least some points. */
type Improvement = { moreThan: 0 } | { atLeast: number };

/** "Has the figure improved in 3 years?": not measured, not improved (or nothing to compare), improved. */
interface TrendRule {
  kind: 'trend';
  indicator: string;
  improvement: Improvement;
  /** The "improved" label also counts foreign-born residents level with or ahead (gaps only). */
  levelCounts: boolean;
  options: { notMeasured: string; notImproved: string; improved: string };
}

/** "Does the latest figure reach the threshold?"; with `of`, the figure is the ratio of two indicators of the same year. */
interface ThresholdRule {
  kind: 'threshold';
  indicator: string;
  of?: string;
  threshold: number;
  options: { notMeasured: string; below: string; reached: string };
}

/** How the answer of an outcome question follows from figures. */
export type OutcomeRule = TrendRule | ThresholdRule;

const trendOptions = { notMeasured: 'not-measured', notImproved: 'no-improvement', improved: 'improved' };
const trend = (indicator: string, improvement: Improvement, levelCounts: boolean): TrendRule => ({
  kind: 'trend',
  indicator,
  improvement,
  levelCounts,
  options: trendOptions,
});

/** The rule of each outcome question that figures can answer, by question code (framework version 1). */
export const outcomeRules: Readonly<Record<string, OutcomeRule>> = {
  'education-and-youth.6': trend('early-leavers-gap', { moreThan: 0 }, true),
  'work-and-income.6': trend('employment-rate-gap', { atLeast: 2 }, true),
  'housing-and-neighbourhoods.6': trend('overcrowding-rate-gap', { moreThan: 0 }, true),
  'health-and-wellbeing.6': trend('self-rated-health-gap', { moreThan: 0 }, true),
  'equality-and-anti-discrimination.6': trend('perceived-discrimination-rate', { moreThan: 0 }, false),
  'intercultural-life-and-cohesion.6': trend('perceived-good-relations', { moreThan: 0 }, false),
  'welcoming-and-orientation.6': {
    kind: 'threshold',
    indicator: 'newcomer-orientation-reach',
    threshold: 50,
    options: { notMeasured: 'not-measured', below: 'under-50', reached: '50-plus' },
  },
  'participation-and-citizenship.6': {
    kind: 'threshold',
    indicator: 'council-representation-ratio',
    threshold: 0.5,
    options: { notMeasured: 'not-measured', below: 'below-0.5', reached: '0.5-plus' },
  },
  'inclusive-public-services.5': {
    kind: 'threshold',
    indicator: 'municipal-staff-migrant-background',
    of: 'foreign-born-share',
    threshold: 0.8,
    options: { notMeasured: 'not-measured', below: 'below-0.8', reached: '0.8-plus' },
  },
};

/** A figure older than this many years before the assessment's year does not count as measured; a trend compares with this many years before. */
export const yearsBack = 3;

/**
 * Why an option is suggested: no figure (or pair of figures) recent enough, or only older ones;
 * a trend improved, not improved, with nothing to compare, or foreign-born residents level or
 * ahead; a threshold reached or not.
 */
export type EvidenceReason = 'no-figure' | 'too-old' | 'improved' | 'level' | 'not-improved' | 'no-earlier' | 'reached' | 'below';

/** A figure used: its year and value (for a ratio, the ratio of the two figures of that year). */
export interface FigurePoint {
  year: number;
  value: number;
}

/** The option a city's figures point to for one question, and what they are. */
export interface OutcomeSuggestion {
  question: string;
  option: string;
  reason: EvidenceReason;
  kind: OutcomeRule['kind'];
  /** The indicator, then for a ratio the one it is divided by. */
  indicators: string[];
  /** The oldest year a figure may be from to count. */
  since: number;
  /** The latest figure (for 'too-old', the one that is too old); none for 'no-figure'. */
  latest?: FigurePoint;
  /** The figure of 3 years before the latest, for trends that have one. */
  earlier?: FigurePoint;
  /** For a ratio: the two figures of the latest year, in the order of `indicators`. */
  parts?: number[];
}

const directions = new Map(outcomeIndicators.map((i) => [i.code, i.direction]));

/** Whether figures can suggest an answer to a question. */
export const isDerivable = (question: string): boolean => question in outcomeRules;

/** Rounds away binary noise, so that 2 points are 2 points (−3.6 − −5.6 is 1.9999999999999996). */
const clean = (n: number) => Math.round(n * 1e9) / 1e9;

function suggestTrend(question: string, rule: TrendRule, values: Map<number, number>, since: number): OutcomeSuggestion {
  const base = { question, kind: rule.kind, indicators: [rule.indicator], since };
  const years = [...values.keys()].sort((a, b) => b - a);
  if (!years.length) return { ...base, option: rule.options.notMeasured, reason: 'no-figure' };
  const latest = { year: years[0], value: values.get(years[0]) as number };
  if (latest.year < since) return { ...base, option: rule.options.notMeasured, reason: 'too-old', latest };
  const sign = directions.get(rule.indicator) === 'lower-is-better' ? -1 : 1;
  const earlierValue = values.get(latest.year - yearsBack);
  const earlier = earlierValue === undefined ? undefined : { year: latest.year - yearsBack, value: earlierValue };
  const withFigures = { ...base, latest, ...(earlier ? { earlier } : {}) };
  if (earlier) {
    const better = clean((latest.value - earlier.value) * sign);
    const improved = 'atLeast' in rule.improvement ? better >= rule.improvement.atLeast : better > 0;
    if (improved) return { ...withFigures, option: rule.options.improved, reason: 'improved' };
  }
  // Gaps are foreign-born minus native-born: level or ahead is 0 or more on the better side.
  if (rule.levelCounts && latest.value * sign >= 0) return { ...withFigures, option: rule.options.improved, reason: 'level' };
  return { ...withFigures, option: rule.options.notImproved, reason: earlier ? 'not-improved' : 'no-earlier' };
}

function suggestThreshold(question: string, rule: ThresholdRule, byIndicator: Map<string, Map<number, number>>, since: number): OutcomeSuggestion {
  const indicators = rule.of ? [rule.indicator, rule.of] : [rule.indicator];
  const base = { question, kind: rule.kind, indicators, since };
  const own = byIndicator.get(rule.indicator) ?? new Map<number, number>();
  const of = rule.of ? (byIndicator.get(rule.of) ?? new Map<number, number>()) : undefined;
  // A ratio needs both figures of one year (and a share to divide by).
  const years = [...own.keys()].filter((y) => !of || (of.get(y) ?? 0) > 0).sort((a, b) => b - a);
  if (!years.length) return { ...base, option: rule.options.notMeasured, reason: 'no-figure' };
  const year = years[0];
  const parts = of ? [own.get(year) as number, of.get(year) as number] : undefined;
  const latest = { year, value: parts ? parts[0] / parts[1] : (own.get(year) as number) };
  const shown = { ...base, latest, ...(parts ? { parts } : {}) };
  if (year < since) return { ...shown, option: rule.options.notMeasured, reason: 'too-old' };
  return clean(latest.value) >= rule.threshold
    ? { ...shown, option: rule.options.reached, reason: 'reached' }
    : { ...shown, option: rule.options.below, reason: 'below' };
}

/**
 * The options a city's figures suggest for the derivable questions of a dimension, in the
 * dimension's order; `today` is the day of the assessment, whose year figures are counted back from.
 * @example suggestOutcomes(dimension, [{ indicator: 'employment-rate-gap', year: 2023, value: -9.5 }], new Date('2026-03-01'))
 */
export function suggestOutcomes(dimension: Pick<Dimension, 'questions'>, figures: readonly YearlyFigure[], today: Date): OutcomeSuggestion[] {
  const since = today.getUTCFullYear() - yearsBack;
  const byIndicator = new Map<string, Map<number, number>>();
  for (const f of figures) {
    const years = byIndicator.get(f.indicator) ?? new Map<number, number>();
    years.set(f.year, f.value);
    byIndicator.set(f.indicator, years);
  }
  return dimension.questions.flatMap((q) => {
    const rule = outcomeRules[q.code];
    if (!rule) return [];
    if (rule.kind === 'trend') return [suggestTrend(q.code, rule, byIndicator.get(rule.indicator) ?? new Map(), since)];
    return [suggestThreshold(q.code, rule, byIndicator, since)];
  });
}
