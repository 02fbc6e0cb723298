import type { PlacedPractice } from './export.repo.ts';

/** Coordinates as GeoJSON writes them: 6 decimals (about 10 cm), enough for a city (RFC 7946 §11.2). */
const coordinate = (n: number) => Math.round(n * 1e6) / 1e6;

/** One practice as a GeoJSON Point feature: longitude first (RFC 7946), WGS84. */
export function practiceFeature(p: PlacedPractice, url: string) {
  return {
    type: 'Feature',
    id: p.id,
    geometry: { type: 'Point', coordinates: [coordinate(p.lon), coordinate(p.lat)] },
    properties: { id: p.id, title: p.title, url, themes: p.themes, city: p.city, country: p.country, year: p.started },
  };
}

/**
 * A GeoJSON FeatureCollection (RFC 7946: lon/lat, WGS84, no `crs` member) as text chunks, one
 * feature per line, valid JSON however many features follow; QGIS and web maps read it as it is.
 * @example for await (const chunk of geojsonChunks(batches, (id) => `${base}/practices/${id}`)) out.write(chunk);
 */
export async function* geojsonChunks(batches: AsyncIterable<PlacedPractice[]>, urlOf: (id: string) => string): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield `${first ? '\n' : ',\n'}${batch.map((p) => JSON.stringify(practiceFeature(p, urlOf(p.id)))).join(',\n')}`;
    first = false;
  }
  yield '\n]}\n';
}
