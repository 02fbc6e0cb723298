import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Framework, framework, frameworkCounts, outcomeIndicators } from './framework.ts';
import { type Answer, scoreAssessment, UnknownAnswerError } from './scoring.ts';

/** A framework of one dimension of five questions, as in the README's worked example. */
const example: Framework = {
  version: 1,
  dimensions: [
    {
      code: 'example',
      title: 'Example',
      description: 'The worked example.',
      themes: [],
      questions: [2, 1, 1, 1, 1].map((weight, i) => ({
        code: `example.${i + 1}`,
        text: `Question ${i + 1}`,
        kind: 'practice' as const,
        weight: weight as 1 | 2,
        evidence_hint: 'A document.',
        options: [
          { value: 'no', label: 'No', score: 0 as const },
          { value: 'partly', label: 'Partly', score: 50 as const },
          { value: 'yes', label: 'Yes', score: 100 as const },
        ],
      })),
    },
  ],
};

describe('the shipped framework', () => {
  it('holds the 12 dimensions, 69 questions (15 of weight 2) and 25 indicators of version 1', () => {
    expect(framework.version).toBe(1);
    expect(frameworkCounts(framework)).toEqual({ dimensions: 12, questions: 69, doubleWeight: 15, byKind: { policy: 17, practice: 41, outcome: 11 } });
    expect(outcomeIndicators).toHaveLength(25);
    expect(outcomeIndicators.filter((i) => i.dimension === 'context')).toHaveLength(7);
  });
});

describe('scoring', () => {
  it('gives the README’s worked example: 70 with 80 % coverage', () => {
    const answers: Record<string, Answer> = {
      'example.1': { option: 'yes' },
      'example.2': { option: 'partly' },
      'example.3': { option: 'no' },
      'example.4': { option: 'yes' },
      'example.5': { unanswered: 'dont-know' },
    };
    const scored = scoreAssessment(example, answers);
    expect(scored.dimensions.example).toEqual({ score: 70, coverage: 0.8, answered: 4, total: 5 });
    expect(scored.overall).toMatchObject({ score: 70, coverage: 0.8, provisional: false });
  });

  it('says "not assessed" (no score, not 0) for a dimension with no answer, and calls the result provisional', () => {
    const answers = { 'leadership-and-strategy.1': { option: 'current' } };
    const scored = scoreAssessment(framework, answers);
    expect(scored.dimensions['leadership-and-strategy'].score).toBe(100);
    expect(scored.dimensions['data-and-monitoring']).toEqual({ score: null, coverage: 0, answered: 0, total: 5 });
    // The overall index is the mean of the dimensions that have a score: 100, not 100/12.
    expect(scored.overall.score).toBe(100);
    expect(scored.overall.provisional).toBe(true);
    expect(scoreAssessment(framework, {}).overall).toMatchObject({ score: null, coverage: 0, provisional: true });
  });

  it('refuses an answer to a question or with an option the framework does not have', () => {
    expect(() => scoreAssessment(example, { 'example.9': { option: 'yes' } })).toThrow(UnknownAnswerError);
    expect(() => scoreAssessment(example, { 'example.1': { option: 'maybe' } })).toThrow(UnknownAnswerError);
  });

  const questions = framework.dimensions.flatMap((d) => d.questions);
  /** Any set of answers to the real framework: an option, "don't know", "not applicable", or nothing. */
  const anyAnswers = fc
    .tuple(
      ...questions.map((q) =>
        fc.option(
          fc.oneof(
            fc.constantFrom(...q.options.map((o) => ({ option: o.value }) as Answer)),
            fc.constantFrom<Answer>({ unanswered: 'dont-know' }, { unanswered: 'not-applicable' }),
          ),
          { nil: undefined },
        ),
      ),
    )
    .map((list) => Object.fromEntries(list.flatMap((a, i) => (a ? [[questions[i].code, a]] : []))) as Record<string, Answer>);

  it('keeps every score in [0, 100] and every coverage in [0, 1]', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const scored = scoreAssessment(framework, answers);
        for (const s of [...Object.values(scored.dimensions), scored.overall]) {
          expect(s.coverage).toBeGreaterThanOrEqual(0);
          expect(s.coverage).toBeLessThanOrEqual(1);
          if (s.score !== null) {
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });

  it('never lowers a score by leaving an answer out that scored 0', () => {
    fc.assert(
      fc.property(anyAnswers, fc.nat(), (answers, pick) => {
        const zeros = Object.entries(answers).filter(
          ([code, a]) => 'option' in a && questions.find((q) => q.code === code)?.options.find((o) => o.value === a.option)?.score === 0,
        );
        if (!zeros.length) return;
        const [code] = zeros[pick % zeros.length];
        const without = { ...answers, [code]: { unanswered: 'dont-know' } as Answer };
        const dimension = code.split('.')[0];
        const before = scoreAssessment(framework, answers).dimensions[dimension].score as number;
        const after = scoreAssessment(framework, without).dimensions[dimension].score;
        // Left out, it counts for nothing: the dimension scores at least as much (or is not assessed).
        if (after !== null) expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
