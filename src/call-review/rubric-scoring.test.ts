import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, neededScore, type ReviewScores, rank, weightedMean } from './rubric-scoring.ts';

const criteria = fc.uniqueArray(fc.record({ key: fc.stringMatching(/^[a-z]{1,6}$/), weight: fc.integer({ min: 1, max: 10 }) }), {
  minLength: 1,
  maxLength: 6,
  selector: (c) => c.key,
});
const score = fc.integer({ min: 1, max: 5 });
const rubricWithReviews = criteria.chain((rubric) =>
  fc.tuple(
    fc.constant(rubric),
    fc
      .array(fc.tuple(...rubric.map(() => score)), { minLength: 1, maxLength: 5 })
      .map((rows) => rows.map((row): ReviewScores => Object.fromEntries(rubric.map((c, i) => [c.key, { score: row[i], comment: '' }])))),
  ),
);

describe('rubric scoring', () => {
  it('weights the criteria as the rubric says', () => {
    const rubric = [
      { key: 'reach', weight: 2 },
      { key: 'venue', weight: 1 },
    ];
    expect(weightedMean(rubric, { reach: 4, venue: 1 })).toBe(3);
    expect(weightedMean(rubric, { reach: null, venue: 5 })).toBe(5);
    expect(weightedMean(rubric, {})).toBeNull();
  });

  it('the weighted mean lies between the lowest and the highest criterion score', () => {
    fc.assert(
      fc.property(rubricWithReviews, ([rubric, reviews]) => {
        const agg = aggregate(rubric, 1, reviews);
        const means = agg.criteria.map((c) => c.mean as number);
        expect(agg.weightedMean).toBeGreaterThanOrEqual(Math.min(...means) - 1e-9);
        expect(agg.weightedMean).toBeLessThanOrEqual(Math.max(...means) + 1e-9);
      }),
    );
  });

  it('scaling every weight by the same factor changes no score', () => {
    fc.assert(
      fc.property(rubricWithReviews, fc.integer({ min: 2, max: 1000 }), ([rubric, reviews], factor) => {
        const scaled = rubric.map((c) => ({ ...c, weight: c.weight * factor }));
        expect(aggregate(scaled, 1, reviews).weightedMean).toBeCloseTo(aggregate(rubric, 1, reviews).weightedMean as number, 9);
      }),
    );
  });

  it('flags a criterion exactly when two reviewers are more than 2 points apart on it', () => {
    fc.assert(
      fc.property(rubricWithReviews, ([rubric, reviews]) => {
        const agg = aggregate(rubric, 1, reviews);
        for (const c of rubric) {
          const s = reviews.map((r) => r[c.key]?.score as number);
          expect(agg.flagged.includes(c.key)).toBe(Math.max(...s) - Math.min(...s) > 2);
        }
      }),
    );
    const agg = aggregate([{ key: 'reach', weight: 1 }], 1, [{ reach: { score: 1, comment: '' } }, { reach: { score: 4, comment: '' } }]);
    expect(agg.flagged).toEqual(['reach']);
    expect(agg.spread).toBe(3);
  });

  it('ranks are a permutation of 1…n, ordered by score, ties in the order given', () => {
    const items = fc.array(fc.record({ weightedMean: fc.option(fc.integer({ min: 4, max: 20 }).map((n) => n / 4)) }), { maxLength: 40 });
    fc.assert(
      fc.property(items, (raw) => {
        const list = raw.map((r, i) => ({ ...r, at: i }));
        const ranked = rank(list);
        expect(ranked.map((r) => r.rank).sort((a, b) => a - b)).toEqual(list.map((_, i) => i + 1));
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1], ranked[i]];
          const [va, vb] = [a.weightedMean ?? -1, b.weightedMean ?? -1];
          expect(va).toBeGreaterThanOrEqual(vb);
          if (va === vb) expect(a.at).toBeLessThan(b.at);
        }
      }),
    );
  });

  it('the score needed is the lowest score among the selected', () => {
    expect(
      neededScore([
        { decision: 'selected', weightedMean: 4.2 },
        { decision: 'selected', weightedMean: 3.4 },
        { decision: 'waiting_list', weightedMean: 3.3 },
        { decision: 'not_selected', weightedMean: 1 },
      ]),
    ).toBe(3.4);
    expect(neededScore([{ decision: 'not_selected', weightedMean: 2 }])).toBeNull();
  });
});
