import { createRequire } from 'node:module';
import { geoArea, geoBounds } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import countries from 'i18n-iso-countries/index.js';
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/** A country outline from Natural Earth, with its bounds [[west, south], [east, north]] in degrees. */
export interface CountryShape {
  code: string | null;
  feature: Feature<Polygon | MultiPolygon>;
  bounds: [[number, number], [number, number]];
}

const require = createRequire(import.meta.url);

/** Natural Earth data from the world-atlas package (public domain), read once when first needed. */
function loadTopology(file: 'countries-110m' | 'countries-50m'): Topology<{ land: GeometryObject; countries: GeometryCollection }> {
  return require(`world-atlas/${file}.json`);
}

/** Natural Earth scales: 1:110 million for whole continents, 1:50 million for a region. */
export type Resolution = '110m' | '50m';

let land110: Feature<MultiPolygon> | undefined;
const shapes = new Map<Resolution, CountryShape[]>();

/** All land at 1:110 million, one multipolygon: the world map's base layer. */
export function worldLand(): Feature<MultiPolygon> {
  if (!land110) {
    const topo = loadTopology('countries-110m');
    land110 = feature(topo, topo.objects.land) as unknown as Feature<MultiPolygon>;
  }
  return land110;
}

/** Every country with its ISO alpha-2 code at a scale: the base layer of local maps. */
export function countryShapes(resolution: Resolution): CountryShape[] {
  let list = shapes.get(resolution);
  if (!list) {
    const topo = loadTopology(`countries-${resolution}`);
    const collection = feature(topo, topo.objects.countries) as unknown as { features: Feature<Polygon | MultiPolygon>[] };
    list = collection.features.map((f) => ({
      code: f.id !== undefined ? (countries.numericToAlpha2(String(f.id)) ?? null) : null,
      feature: f,
      bounds: geoBounds(f),
    }));
    shapes.set(resolution, list);
  }
  return list;
}

/** The outline of one country (alpha-2) at 1:50 million, undefined when Natural Earth has none. */
export function countryShape(code: string): CountryShape | undefined {
  return countryShapes('50m').find((s) => s.code === code);
}

/**
 * The largest single polygon of a country: framing a map on it keeps overseas territories
 * (French Guiana, Alaska, the Canaries) from shrinking the mainland to a dot.
 */
export function mainlandOf(shape: CountryShape): Feature<Polygon> {
  const g = shape.feature.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = polygons[0];
  let bestArea = -1;
  for (const coordinates of polygons) {
    const area = geoArea({ type: 'Polygon', coordinates });
    if (area > bestArea) {
      best = coordinates;
      bestArea = area;
    }
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: best } };
}
