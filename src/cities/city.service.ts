import type { Database } from '../db/database.ts';
import { acceptedExchangesOf, type Exchange } from '../exchanges/exchange.repo.ts';
import { type CountryRegions, regionsOf } from '../geo/countries.ts';
import type { PracticeCardData } from '../practices/views/practice-card.tsx';
import { type LinkedResource, resourcesLinkedTo } from '../resources/resource.repo.ts';
import { parseSearchParams, type SearchParams } from '../search/search.params.ts';
import { countsByValue, searchPractices } from '../search/search.service.ts';
import { type CityKey, type CityRow, citiesOfCountry, findCity, latestPublicAssessment, listCities } from './city.repo.ts';
import { cityFigureSeries, type FigureSeries } from './figure-series.ts';
import { countryMapFrame, mappedCities } from './place-frames.ts';
import { cityFilterValue, placeSearchParams } from './place-search.ts';

/** How many practices a place page lists before pointing to the search for the rest. */
export const placeListLimit = 50;

/** The practices of a place: the first ones by title, and how many there are in all. */
export interface PlacePractices {
  total: number;
  items: PracticeCardData[];
}

/** What a city page shows. */
export interface CityPageData {
  city: CityRow;
  regions: CountryRegions;
  practices: PlacePractices;
  /** The city's yearly figures by indicator, with its country's beside them. */
  figures: FigureSeries[];
  /** The city's latest public self-assessment; undefined when it has none. */
  assessment?: { at: Date; example: boolean };
  /** The city's accepted exchanges with other cities (the exchanges area records them). */
  exchanges: Exchange[];
  /** The resources of the library that document the city. */
  resources: LinkedResource[];
}

/** What a country page shows. */
export interface CountryPageData {
  code: string;
  regions: CountryRegions;
  cities: CountedCity[];
  practices: PlacePractices;
}

/** A place's practices by title, from the search snapshot (the first page of the search for the place, sorted by title). */
async function practicesForPlace(db: Database, params: SearchParams, locale: string): Promise<PlacePractices> {
  const result = await searchPractices(db, { ...params, sort: 'title' }, { locale, pageSize: placeListLimit });
  return { total: result.total, items: result.hits };
}

/**
 * A city with its figures and published practices; undefined when no such city is recorded.
 * @example const page = await loadCityPage(db, 'DE', 'duisburg', 'en');
 */
export async function loadCityPage(db: Database, country: string, slug: string, locale: string): Promise<CityPageData | undefined> {
  const city = await findCity(db, country, slug);
  if (!city) return undefined;
  const [practices, figures, assessment, exchanges, resources] = await Promise.all([
    practicesForPlace(db, placeSearchParams({ country, slug }), locale),
    cityFigureSeries(db, country, slug),
    latestPublicAssessment(db, country, slug),
    acceptedExchangesOf(db, { country, slug }),
    resourcesLinkedTo(db, 'city', `${country.toLowerCase()}/${slug}`),
  ]);
  return { city, regions: regionsOf(country), practices, figures, assessment, exchanges, resources };
}

/**
 * A country's regions, cities and published practices; the caller checks the code is a country.
 * @example const page = await loadCountryPage(db, 'DE', 'en');
 */
export async function loadCountryPage(db: Database, code: string, locale: string): Promise<CountryPageData> {
  const [cities, practices] = await Promise.all([countryCities(db, code, locale), practicesForPlace(db, placeSearchParams({ country: code }), locale)]);
  return { code, regions: regionsOf(code), cities, practices };
}

/** A recorded city with the number of its published practices. */
export type CountedCity = CityRow & { practices: number };

/** Cities with the practices a search finds in each, counted on the search snapshot (0 where it finds none). */
async function withPracticeCounts(db: Database, cities: CityRow[] | Promise<CityRow[]>, params: SearchParams, locale = 'en'): Promise<CountedCity[]> {
  const [rows, { counts }] = await Promise.all([cities, countsByValue(db, params, locale, 'city')]);
  return rows.map((c) => ({ ...c, practices: counts.get(cityFilterValue(c.country, c.slug)) ?? 0 }));
}

/** A country's recorded cities by name, each with its practices counted on the search snapshot. */
function countryCities(db: Database, code: string, locale: string): Promise<CountedCity[]> {
  return withPracticeCounts(db, citiesOfCountry(db, code), placeSearchParams({ country: code }), locale);
}

/**
 * Draws the map frame of every country with practices ahead of its first visitor (projecting
 * a country's shapes takes 5–80 ms, once per set of cities): called while warming up after
 * start-up (before /readyz says ready), one country at a time, yielding between them.
 * @example await warmCountryMaps(db, ['DE', 'IT']);
 */
export async function warmCountryMaps(db: Database, codes: string[]): Promise<void> {
  for (const code of codes) {
    countryMapFrame(code, mappedCities(await countryCities(db, code, 'en')));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * A page of the recorded cities (of one country, or all) by country and name, each with its
 * published practices counted on the search snapshot, and how many cities there are.
 * @example const { cities, total } = await listCountedCities(db, { country: 'DE', offset: 0, limit: 50 });
 */
export async function listCountedCities(
  db: Database,
  options: { country?: string; offset: number; limit: number; after?: CityKey },
): Promise<{ cities: CountedCity[]; total: number }> {
  const page = listCities(db, options);
  const params = options.country ? placeSearchParams({ country: options.country }) : parseSearchParams(new URLSearchParams()).params;
  const [cities, { total }] = await Promise.all([
    withPracticeCounts(
      db,
      page.then((p) => p.rows),
      params,
    ),
    page,
  ]);
  return { cities, total };
}

/**
 * One recorded city with the number of its published practices; undefined when not recorded.
 * @example const berlin = await countedCity(db, 'DE', 'berlin');
 */
export async function countedCity(db: Database, country: string, slug: string): Promise<CountedCity | undefined> {
  const city = await findCity(db, country, slug);
  if (!city) return undefined;
  const [counted] = await withPracticeCounts(db, [city], placeSearchParams({ country, slug }));
  return counted;
}
