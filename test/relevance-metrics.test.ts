import { describe, expect, it } from 'vitest';
import { dcg, gain, ndcgAt, reciprocalRank, summarize } from '../bench/relevance/metrics.ts';

// Judgements used below: b answers the query (2), a and c partly (1).
const judged = { a: 1, b: 2, c: 1 };
// Ideal DCG: grades 2, 1, 1 → 3/log2(2) + 1/log2(3) + 1/log2(4) = 3 + 0.630930 + 0.5 = 4.130930.
const ideal = 3 + 1 / Math.log2(3) + 0.5;

describe('relevance metrics', () => {
  it('gains 2^grade − 1', () => {
    expect([0, 1, 2].map(gain)).toEqual([0, 1, 3]);
  });

  it('discounts gains by log2 of the rank + 1 and stops at k', () => {
    // 3/1 + 0/log2(3) + 1/2 = 3.5; with k = 1 only the first counts.
    expect(dcg([2, 0, 1], 10)).toBeCloseTo(3.5, 10);
    expect(dcg([2, 0, 1], 1)).toBe(3);
    expect(dcg([], 10)).toBe(0);
  });

  it('computes nDCG@10 against the ideal order of the judgements', () => {
    // a, x, b: 1/1 + 0 + 3/log2(4) = 2.5 → 2.5 / 4.130930 = 0.605191.
    expect(ndcgAt(['a', 'x', 'b'], judged)).toBeCloseTo(0.605191, 6);
    expect(ndcgAt(['a', 'x', 'b'], judged)).toBeCloseTo(2.5 / ideal, 12);
    // x, y, b: 3/log2(4) = 1.5 → 1.5 / 4.130930 = 0.363114.
    expect(ndcgAt(['x', 'y', 'b'], judged)).toBeCloseTo(0.363114, 6);
    // The ideal ranking scores 1 whatever follows; nothing judged relevant scores 0.
    expect(ndcgAt(['b', 'a', 'c', 'x'], judged)).toBeCloseTo(1, 12);
    expect(ndcgAt(['b', 'c', 'a'], judged)).toBeCloseTo(1, 12);
    expect(ndcgAt([], judged)).toBe(0);
    expect(ndcgAt(['a'], {})).toBe(0);
  });

  it('counts only the top k', () => {
    const ranking = [...'0123456789'.split('').map((n) => `x${n}`), 'b'];
    expect(ndcgAt(ranking, judged, 10)).toBe(0);
    // At k = 11, b in 11th place: 3/log2(12) = 0.836829 over the same ideal = 0.202576.
    expect(ndcgAt(ranking, judged, 11)).toBeCloseTo(0.202576, 6);
  });

  it('takes the reciprocal rank of the first result graded 1 or more', () => {
    expect(reciprocalRank(['a', 'x', 'b'], judged)).toBe(1);
    expect(reciprocalRank(['x', 'y', 'c'], judged)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(['x', 'y'], judged)).toBe(0);
    expect(reciprocalRank(['x', 'y', 'b'], judged, 2)).toBe(0);
  });

  it('averages scores into count, nDCG, MRR and zero-result rate', () => {
    const s = summarize([
      { ndcg: 1, rr: 1, zero: false },
      { ndcg: 0.5, rr: 0.25, zero: false },
      { ndcg: 0, rr: 0, zero: true },
      { ndcg: 0.1, rr: 0.5, zero: false },
    ]);
    expect(s.count).toBe(4);
    expect(s.ndcg).toBeCloseTo(0.4, 12);
    expect(s.mrr).toBeCloseTo(0.4375, 12);
    expect(s.zeroRate).toBe(0.25);
    expect(summarize([]).count).toBe(0);
    expect(summarize([]).ndcg).toBeNaN();
  });
});
