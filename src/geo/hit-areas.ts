/** A point in SVG units. */
export type Point = [number, number];

/** Corners of the polygon that stands for a hit circle: enough to look round to a finger. */
const corners = 10;

/** A polygon around `center` that contains the circle of `radius`. */
function circlePolygon([x, y]: Point, radius: number): Point[] {
  const outer = radius / Math.cos(Math.PI / corners);
  return Array.from({ length: corners }, (_, i) => {
    const a = (2 * Math.PI * i) / corners;
    return [x + outer * Math.cos(a), y + outer * Math.sin(a)];
  });
}

/** The part of a polygon nearer to `own` than to `other` (one Sutherland–Hodgman step). */
function clipToNearer(polygon: Point[], own: Point, other: Point): Point[] {
  const nx = other[0] - own[0];
  const ny = other[1] - own[1];
  const c = (nx * (own[0] + other[0])) / 2 + (ny * (own[1] + other[1])) / 2;
  // Most neighbours of a crowded marker cut nothing off an area already cut by nearer ones:
  // then the polygon stays as it is, and nothing is allocated.
  let cuts = false;
  for (const p of polygon) if (nx * p[0] + ny * p[1] - c > 0) cuts = true;
  if (!cuts) return polygon;
  const out: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const p = polygon[i];
    const q = polygon[(i + 1) % polygon.length];
    // The side of the bisector each corner is on: ≤ 0 is own's side.
    const sp = nx * p[0] + ny * p[1] - c;
    const sq = nx * q[0] + ny * q[1] - c;
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

// Whole units: a third of a CSS px on a phone, about one on a desktop, plenty for a finger.
const round = (n: number) => Math.round(n);

/** A hit area: a full circle, or the polygon left of it where neighbours are near. */
export type HitArea = { circle: { cx: number; cy: number; r: number } } | { path: string };

/**
 * Tap targets for map markers: around each point the circle of `radius`, cut where it comes
 * nearer to another point than to its own (as in a Voronoi diagram), so targets never overlap
 * and a tap always goes to the nearest marker. Isolated markers get the whole circle; markers
 * in a crowd share the space between them fairly. Points are grouped in a grid, so a map of
 * thousands of cities compares each only with its neighbours.
 * @example hitAreas([[0, 0], [10, 0]], 20)[0] // { path: 'M…Z' }, cut at x = 5
 */
export function hitAreas(points: Point[], radius: number): HitArea[] {
  // Two polygons can touch only when their points are closer than their outer diameters.
  const cell = (2 * radius) / Math.cos(Math.PI / corners);
  const cell2 = cell * cell;
  const grid = new Map<string, number[]>();
  const keyOf = (gx: number, gy: number) => `${gx}|${gy}`;
  points.forEach(([x, y], i) => {
    const key = keyOf(Math.floor(x / cell), Math.floor(y / cell));
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
  });
  return points.map((own, i) => {
    const gx = Math.floor(own[0] / cell);
    const gy = Math.floor(own[1] / cell);
    let polygon: Point[] | undefined;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(keyOf(gx + dx, gy + dy)) ?? []) {
          const other = points[j];
          const ex = other[0] - own[0];
          const ey = other[1] - own[1];
          const d2 = ex * ex + ey * ey;
          // Markers at the same spot cannot be told apart by a finger; the one drawn on top takes the tap.
          if (j === i || d2 === 0 || d2 >= cell2) continue;
          polygon = clipToNearer(polygon ?? circlePolygon(own, radius), own, other);
        }
      }
    }
    if (!polygon) return { circle: { cx: own[0], cy: own[1], r: radius } };
    return { path: `M${polygon.map((p) => `${round(p[0])} ${round(p[1])}`).join('L')}Z` };
  });
}

/** Hit areas of recent marker sets: they depend only on where the markers are, which most views of a map share (a write rarely moves the cities with the most practices). */
const recent = new Map<string, HitArea[]>();
const recentLimit = 32;

/**
 * `hitAreas`, remembered for the last few sets of points and radius.
 * @example sharedHitAreas(points, 22) // the same array for the same points and radius
 */
export function sharedHitAreas(points: Point[], radius: number): HitArea[] {
  const key = `${radius}|${points.join(';')}`;
  let areas = recent.get(key);
  if (areas) recent.delete(key);
  else areas = hitAreas(points, radius);
  recent.set(key, areas);
  if (recent.size > recentLimit) recent.delete(recent.keys().next().value as string);
  return areas;
}
