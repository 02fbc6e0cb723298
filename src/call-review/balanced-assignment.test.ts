import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBalanced } from './balanced-assignment.ts';

describe('balanced assignment', () => {
  it('gives each application its reviewers, never an excluded one, loads at most one apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 3, max: 8 }), fc.integer({ min: 1, max: 2 }), (apps, poolSize, per) => {
        const pool = Array.from({ length: poolSize }, (_, i) => i + 100);
        const applications = Array.from({ length: apps }, (_, i) => ({ id: i + 1, assigned: [], excluded: new Set([pool[i % poolSize]]) }));
        const plan = planBalanced(applications, pool, new Map(), per);
        for (const a of applications) {
          const got = plan.filter((p) => p.applicationId === a.id).map((p) => p.reviewerId);
          expect(new Set(got).size).toBe(per);
          for (const r of got) expect(a.excluded.has(r)).toBe(false);
        }
        const loads = pool.map((r) => plan.filter((p) => p.reviewerId === r).length);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('tops up only what is missing and counts the loads a reviewer already has', () => {
    const plan = planBalanced([{ id: 1, assigned: [7], excluded: new Set() }], [7, 8, 9], new Map([[8, 5]]), 2);
    expect(plan).toEqual([{ applicationId: 1, reviewerId: 9 }]);
  });
});
