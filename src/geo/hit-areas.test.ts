import { describe, expect, it } from 'vitest';
import { hitAreas, type Point } from './hit-areas.ts';

/** The corners of a hit area's path. */
function corners(area: ReturnType<typeof hitAreas>[number]): Point[] {
  if (!('path' in area)) throw new Error('expected a cut area');
  return [...area.path.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('hitAreas', () => {
  it('gives an isolated marker the whole circle', () => {
    expect(
      hitAreas(
        [
          [100, 100],
          [400, 100],
        ],
        20,
      ),
    ).toEqual([{ circle: { cx: 100, cy: 100, r: 20 } }, { circle: { cx: 400, cy: 100, r: 20 } }]);
  });

  it('cuts two near markers at the line halfway between them, so their targets never overlap', () => {
    const [left, right] = hitAreas(
      [
        [100, 100],
        [110, 100],
      ],
      20,
    );
    for (const [x] of corners(left)) expect(x).toBeLessThanOrEqual(105.05);
    for (const [x] of corners(right)) expect(x).toBeGreaterThanOrEqual(104.95);
    // Each still reaches as far as the circle on its free side.
    expect(Math.min(...corners(left).map(([x]) => x))).toBeLessThanOrEqual(80);
    expect(Math.max(...corners(right).map(([x]) => x))).toBeGreaterThanOrEqual(130);
  });

  it('leaves markers at the same spot whole (a finger cannot tell them apart)', () => {
    expect(
      hitAreas(
        [
          [50, 50],
          [50, 50],
        ],
        10,
      ).every((a) => 'circle' in a),
    ).toBe(true);
  });
});
