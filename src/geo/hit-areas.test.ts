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

describe('hitAreas in a crowd', () => {
  it('gives every marker of a dense cluster an area holding its own point and no other marker', () => {
    // 200 markers packed as the map's European cities are: every area is cut by its neighbours.
    const points: Point[] = Array.from({ length: 200 }, (_, i) => [500 + ((i * 37) % 97) * 1.3, 300 + ((i * 53) % 89) * 0.9]);
    const areas = hitAreas(points, 67);
    const inside = (poly: Point[], [x, y]: Point) => {
      let hit = false;
      for (let a = 0, b = poly.length - 1; a < poly.length; b = a++) {
        const [xa, ya] = poly[a];
        const [xb, yb] = poly[b];
        if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) hit = !hit;
      }
      return hit;
    };
    areas.forEach((area, i) => {
      const poly = corners(area);
      // Whole units round the corners by half a unit: test points a unit away from the edges.
      expect(inside(poly, points[i])).toBe(true);
      for (let j = 0; j < points.length; j++) {
        if (j === i || Math.hypot(points[j][0] - points[i][0], points[j][1] - points[i][1]) < 3) continue;
        expect(inside(poly, points[j]), `marker ${j} inside the area of ${i}`).toBe(false);
      }
    });
  });
});
