import { describe, expect, it } from 'vitest';
import { type Dimension, framework, outcomeIndicators } from './framework.ts';
import { outcomeRules, suggestOutcomes, type YearlyFigure } from './outcome-evidence.ts';

const dimension = (code: string) => framework.dimensions.find((d) => d.code === code) as Dimension;
const questions = new Map(framework.dimensions.flatMap((d) => d.questions.map((q) => [q.code, q] as const)));
/** An assessment in 2026: figures from 2023 on count as measured. */
const today = new Date('2026-06-01T00:00:00Z');

const figures = (indicator: string, byYear: Record<number, number>): YearlyFigure[] =>
  Object.entries(byYear).map(([year, value]) => ({ indicator, year: Number(year), value }));
/** The suggestion for the one derivable question of a dimension. */
const suggest = (dimensionCode: string, list: YearlyFigure[], on = today) => {
  const [only, ...more] = suggestOutcomes(dimension(dimensionCode), list, on);
  expect(more).toEqual([]);
  return only;
};

describe('the rules follow the current framework', () => {
  it('name outcome questions, their options and indicators that exist, so a renamed code fails here', () => {
    const indicators = new Map(outcomeIndicators.map((i) => [i.code, i]));
    for (const [code, rule] of Object.entries(outcomeRules)) {
      const question = questions.get(code);
      expect(question?.kind, code).toBe('outcome');
      expect(Object.values(rule.options).sort(), code).toEqual(question?.options.map((o) => o.value).sort());
      for (const indicator of rule.kind === 'threshold' && rule.of ? [rule.indicator, rule.of] : [rule.indicator])
        expect(indicators.has(indicator), `${code}: ${indicator}`).toBe(true);
      if (rule.kind === 'trend') expect(indicators.get(rule.indicator)?.direction, code).not.toBe('neutral');
    }
  });

  it('follow each "improved" label: the level clause and the 2 points only where the label says so', () => {
    for (const [code, rule] of Object.entries(outcomeRules)) {
      if (rule.kind !== 'trend') continue;
      const label = questions.get(code)?.options.find((o) => o.value === rule.options.improved)?.label ?? '';
      expect(label.includes('level with or ahead'), code).toBe(rule.levelCounts);
      expect(label.includes('at least 2 percentage points'), code).toBe('atLeast' in rule.improvement && rule.improvement.atLeast === 2);
      expect(rule.levelCounts, code).toBe(rule.indicator.endsWith('-gap'));
    }
  });

  it('leave out only the outcome questions no indicator answers', () => {
    const outcome = [...questions.values()].filter((q) => q.kind === 'outcome').map((q) => q.code);
    expect(outcome.filter((code) => !(code in outcomeRules)).sort()).toEqual(['language-learning.6', 'leadership-and-strategy.5']);
    expect(suggestOutcomes(dimension('language-learning'), figures('language-course-start-within-90-days', { 2025: 80 }), today)).toEqual([]);
    expect(suggestOutcomes(dimension('leadership-and-strategy'), [], today)).toEqual([]);
  });
});

describe('trend questions', () => {
  it('employment: a gap at least 2 points smaller than 3 years earlier is improved, 1.9 points is not', () => {
    expect(suggest('work-and-income', figures('employment-rate-gap', { 2020: -12, 2023: -10 }))).toEqual({
      question: 'work-and-income.6',
      option: 'improved',
      reason: 'improved',
      kind: 'trend',
      indicators: ['employment-rate-gap'],
      since: 2023,
      latest: { year: 2023, value: -10 },
      earlier: { year: 2020, value: -12 },
    });
    expect(suggest('work-and-income', figures('employment-rate-gap', { 2020: -12, 2023: -10.1 }))).toMatchObject({
      option: 'no-improvement',
      reason: 'not-improved',
    });
    // −3.6 − (−5.6) is 1.9999999999999996 in binary: still 2 points.
    expect(suggest('work-and-income', figures('employment-rate-gap', { 2021: -5.6, 2024: -3.6 }))).toMatchObject({ option: 'improved', reason: 'improved' });
  });

  it('compares the latest figure with exactly 3 years before it; none there is no improvement', () => {
    const s = suggest('work-and-income', figures('employment-rate-gap', { 2019: -20, 2020: -20, 2024: -9 }));
    expect(s).toMatchObject({ option: 'no-improvement', reason: 'no-earlier', latest: { year: 2024, value: -9 } });
    expect(s.earlier).toBeUndefined();
  });

  it('a gap level or in favour of foreign-born residents is improved, with or without an earlier figure', () => {
    expect(suggest('work-and-income', figures('employment-rate-gap', { 2021: 1, 2024: 0 }))).toMatchObject({ option: 'improved', reason: 'level' });
    expect(suggest('work-and-income', figures('employment-rate-gap', { 2025: 0.5 }))).toMatchObject({ option: 'improved', reason: 'level' });
    // Lower is better for early leaving: level is 0 or below.
    expect(suggest('education-and-youth', figures('early-leavers-gap', { 2024: -0.5 }))).toMatchObject({ option: 'improved', reason: 'level' });
    expect(suggest('education-and-youth', figures('early-leavers-gap', { 2024: 0.1 }))).toMatchObject({ option: 'no-improvement', reason: 'no-earlier' });
  });

  it('reads the direction of the indicator: a smaller early-leaving gap is lower, any decrease counts', () => {
    expect(suggest('education-and-youth', figures('early-leavers-gap', { 2021: 8, 2024: 7.9 }))).toMatchObject({ option: 'improved', reason: 'improved' });
    expect(suggest('education-and-youth', figures('early-leavers-gap', { 2021: 8, 2024: 8 }))).toMatchObject({
      option: 'no-improvement',
      reason: 'not-improved',
    });
    expect(suggest('education-and-youth', figures('early-leavers-gap', { 2021: 8, 2024: 9 }))).toMatchObject({ option: 'no-improvement' });
  });

  it('discrimination and good relations have no level clause: only a move the better way counts', () => {
    expect(suggest('equality-and-anti-discrimination', figures('perceived-discrimination-rate', { 2020: 0, 2023: 0 }))).toMatchObject({
      option: 'no-improvement',
      reason: 'not-improved',
    });
    expect(suggest('equality-and-anti-discrimination', figures('perceived-discrimination-rate', { 2020: 20, 2023: 19 }))).toMatchObject({
      option: 'improved',
    });
    expect(suggest('intercultural-life-and-cohesion', figures('perceived-good-relations', { 2022: 70, 2025: 70 }))).toMatchObject({ option: 'no-improvement' });
    expect(suggest('intercultural-life-and-cohesion', figures('perceived-good-relations', { 2022: 70, 2025: 71 }))).toMatchObject({ option: 'improved' });
  });

  it('a latest figure 4 years old, or none, is not measured; the year counts from the assessment day, not the clock', () => {
    expect(suggest('work-and-income', figures('employment-rate-gap', { 2019: -14, 2022: -9 }))).toMatchObject({
      option: 'not-measured',
      reason: 'too-old',
      since: 2023,
      latest: { year: 2022, value: -9 },
    });
    expect(suggest('work-and-income', [])).toEqual({
      question: 'work-and-income.6',
      option: 'not-measured',
      reason: 'no-figure',
      kind: 'trend',
      indicators: ['employment-rate-gap'],
      since: 2023,
    });
    // Other indicators do not count.
    expect(suggest('work-and-income', figures('female-employment-rate-gap', { 2025: 0 }))).toMatchObject({ option: 'not-measured' });
    expect(suggest('work-and-income', figures('employment-rate-gap', { 2022: -9 }), new Date('2025-12-31T12:00:00Z'))).toMatchObject({
      option: 'no-improvement',
    });
  });
});

describe('threshold questions', () => {
  it('orientation reach: 50 % or more of the latest year, not older than 3 years', () => {
    expect(suggest('welcoming-and-orientation', figures('newcomer-orientation-reach', { 2022: 30, 2024: 50 }))).toEqual({
      question: 'welcoming-and-orientation.6',
      option: '50-plus',
      reason: 'reached',
      kind: 'threshold',
      indicators: ['newcomer-orientation-reach'],
      since: 2023,
      latest: { year: 2024, value: 50 },
    });
    expect(suggest('welcoming-and-orientation', figures('newcomer-orientation-reach', { 2024: 49.9 }))).toMatchObject({ option: 'under-50', reason: 'below' });
    expect(suggest('welcoming-and-orientation', figures('newcomer-orientation-reach', { 2022: 90 }))).toMatchObject({
      option: 'not-measured',
      reason: 'too-old',
    });
    expect(suggest('welcoming-and-orientation', [])).toMatchObject({ option: 'not-measured', reason: 'no-figure' });
  });

  it('council representation: a ratio of 0.5 or more', () => {
    expect(suggest('participation-and-citizenship', figures('council-representation-ratio', { 2024: 0.5 }))).toMatchObject({ option: '0.5-plus' });
    expect(suggest('participation-and-citizenship', figures('council-representation-ratio', { 2024: 0.49 }))).toMatchObject({ option: 'below-0.5' });
  });

  it('staff diversity: the staff share over the share born abroad of one same year, the latest that has both', () => {
    const staff = (byYear: Record<number, number>) => figures('municipal-staff-migrant-background', byYear);
    const born = (byYear: Record<number, number>) => figures('foreign-born-share', byYear);
    // Figures of different years are no ratio.
    expect(suggest('inclusive-public-services', [...staff({ 2025: 30 }), ...born({ 2024: 30 })])).toMatchObject({
      option: 'not-measured',
      reason: 'no-figure',
      indicators: ['municipal-staff-migrant-background', 'foreign-born-share'],
    });
    expect(suggest('inclusive-public-services', [...staff({ 2023: 24, 2025: 30 }), ...born({ 2023: 30, 2024: 31 })])).toMatchObject({
      option: '0.8-plus',
      reason: 'reached',
      latest: { year: 2023, value: 0.8 },
      parts: [24, 30],
    });
    expect(suggest('inclusive-public-services', [...staff({ 2023: 24, 2024: 20 }), ...born({ 2023: 30, 2024: 30 })])).toMatchObject({
      option: 'below-0.8',
      latest: { year: 2024 },
      parts: [20, 30],
    });
    expect(suggest('inclusive-public-services', [...staff({ 2021: 24 }), ...born({ 2021: 30 })])).toMatchObject({ option: 'not-measured', reason: 'too-old' });
  });
});
