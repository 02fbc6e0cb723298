import { type GeoProjection, geoBounds, geoEqualEarth, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { type CountryShape, countryShape, countryShapes, mainlandOf, worldLand } from './country-shapes.ts';
import { compactPath } from './svg-path.ts';

/**
 * A map ready to draw: its size in SVG units, the land as path data, an optional highlighted
 * country, and a function placing a longitude/latitude on it (undefined when off the map).
 */
export interface MapFrame {
  kind: 'world' | 'local';
  width: number;
  height: number;
  land: string;
  focus?: string;
  project: (lon: number, lat: number) => [number, number] | undefined;
}

const worldWidth = 1000;
// Antarctica is cut off: no city is there, and it would take a sixth of the height.
const southLimit = -58;
const localWidth = 480;
const earthRadiusKm = 6371;
// A city map shows about this many kilometres from edge to edge.
const cityViewKm = 1500;

/** Places points on a projection, rounded to a tenth of a unit, dropping those outside the frame. */
function projector(projection: GeoProjection, width: number, height: number) {
  return (lon: number, lat: number): [number, number] | undefined => {
    const p = projection([lon, lat]);
    if (!p || p[0] < 0 || p[1] < 0 || p[0] > width || p[1] > height) return undefined;
    return [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10];
  };
}

let world: MapFrame | undefined;

/**
 * The world in the Equal Earth projection (equal-area, so circles sized by count compare
 * fairly), computed once per process: projecting the land takes tens of milliseconds.
 * @example const { width, height, land } = worldFrame();
 */
export function worldFrame(): MapFrame {
  if (world) return world;
  const projection = geoEqualEarth().fitWidth(worldWidth, { type: 'Sphere' });
  const height = Math.ceil((projection([0, southLimit]) as [number, number])[1]);
  projection.clipExtent([
    [0, 0],
    [worldWidth, height],
  ]);
  world = { kind: 'world', width: worldWidth, height, land: compactPath(projection, worldLand(), 1), project: projector(projection, worldWidth, height) };
  return world;
}

/** A box's longitudes as plain intervals: a box across the antimeridian (west > east) is two. */
function spans([[west], [east]]: CountryShape['bounds']): [number, number][] {
  return west <= east
    ? [[west, east]]
    : [
        [west, 180],
        [-180, east],
      ];
}

/** Whether two longitude/latitude boxes overlap. */
function overlaps(a: CountryShape['bounds'], b: CountryShape['bounds']): boolean {
  if (a[0][1] > b[1][1] || b[0][1] > a[1][1]) return false;
  return spans(a).some(([w1, e1]) => spans(b).some(([w2, e2]) => w1 <= e2 && w2 <= e1));
}

/** A local map on a Mercator projection already scaled and centred: countries in view, one highlighted. */
function localFrame(projection: GeoProjection, width: number, height: number, focusCode?: string): MapFrame {
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const [west, north] = projection.invert?.([0, 0]) ?? [-180, 90];
  const [east, south] = projection.invert?.([width, height]) ?? [180, -90];
  const view: CountryShape['bounds'] = [
    [west, south],
    [east, north],
  ];
  // Past a few dozen degrees across, 1:50 million detail would only add bytes nobody can see.
  const across = west <= east ? east - west : east - west + 360;
  const inView = countryShapes(across > 30 ? '110m' : '50m').filter((s) => overlaps(s.bounds, view));
  const others: FeatureCollection = { type: 'FeatureCollection', features: inView.filter((s) => !focusCode || s.code !== focusCode).map((s) => s.feature) };
  const focus = focusCode ? inView.find((s) => s.code === focusCode) : undefined;
  return {
    kind: 'local',
    width,
    height,
    land: compactPath(projection, others, 2),
    focus: focus ? compactPath(projection, focus.feature, 2) : undefined,
    project: projector(projection, width, height),
  };
}

/** Mercator scale showing `km` across `width` units at a latitude. */
function scaleFor(km: number, width: number, lat: number): number {
  return (earthRadiusKm * Math.cos((Math.max(-80, Math.min(80, lat)) * Math.PI) / 180) * width) / km;
}

const cache = new Map<string, MapFrame>();

/** Keeps the most recent local maps; each is a few kilobytes of path data: every country's and the busiest cities' fit. */
function remember(key: string, make: () => MapFrame): MapFrame {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const frame = make();
  cache.set(key, frame);
  if (cache.size > 1000) cache.delete(cache.keys().next().value as string);
  return frame;
}

/**
 * A small map of the region around a city, its country highlighted.
 * @example const frame = cityFrame(6.77, 51.43, 'DE');
 */
export function cityFrame(lon: number, lat: number, country?: string): MapFrame {
  const width = localWidth;
  const height = Math.round(localWidth * 0.625);
  return remember(`city|${lon.toFixed(2)}|${lat.toFixed(2)}|${country ?? ''}`, () => {
    const projection = geoMercator()
      .center([lon, lat])
      .scale(scaleFor(cityViewKm, width, lat))
      .translate([width / 2, height / 2]);
    return localFrame(projection, width, height, country);
  });
}

/**
 * A small map framing a country's mainland and the given places (its cities), the country
 * highlighted; undefined when there is nothing to frame.
 * @example countryFrame('DE', [[6.77, 51.43], [13.4, 52.52]])
 */
export function countryFrame(code: string, places: [number, number][]): MapFrame | undefined {
  const shape = countryShape(code);
  if (!shape && places.length === 0) return undefined;
  const key = `country|${code}|${places.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(';')}`;
  return remember(key, () => {
    const parts: Feature<Geometry>[] = shape ? [mainlandOf(shape)] : [];
    if (places.length > 0) parts.push({ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: places } });
    const target: FeatureCollection = { type: 'FeatureCollection', features: parts };
    const projection = geoMercator().fitWidth(localWidth, target);
    const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(target);
    const aspect = (y1 - y0) / (x1 - x0);
    const width = localWidth;
    const height = Math.round(width * (Number.isFinite(aspect) ? Math.min(1.1, Math.max(0.55, aspect)) : 0.625));
    const pad = 24;
    projection.fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      target,
    );
    // A city state or a single town must not be blown up past a regional view (a lone point
    // would even get an infinite scale).
    const [[west, south], [east, north]] = geoBounds(target);
    const center: [number, number] = [(west + east) / 2, (south + north) / 2];
    const maxScale = scaleFor(cityViewKm / 2, width, center[1]);
    if (!(projection.scale() <= maxScale))
      projection
        .scale(maxScale)
        .translate([width / 2, height / 2])
        .center(center);
    return localFrame(projection, width, height, code);
  });
}
