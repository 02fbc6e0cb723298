import type { CountedCity } from '../cities/city.service.ts';
import { isGap } from '../cities/figure-indicators.ts';
import { type FigurePart, storedParts } from '../cities/figure-parts.ts';
import type { FigureSeries } from '../cities/figure-series.ts';
import { cityFilterValue } from '../cities/place-search.ts';
import { cityApiUrl, cityPageUrl } from './open-data.urls.ts';

/** A figure of a city with where it comes from, named by the framework's indicator code. */
export interface ApiCityFigure {
  indicator: 'population-total' | 'foreign-born-share';
  value: number;
  unit: 'count' | '%';
  year: number | null;
  source_url: string | null;
}

/** A city as the open-data API gives it. */
export interface ApiCity {
  country: string;
  slug: string;
  name: string;
  url: string;
  api_url: string;
  location: { lat: number; lon: number } | null;
  practices: number;
  practices_url: string;
  figures: ApiCityFigure[];
}

/**
 * A city in the API's shape: its page and record addresses, place, practice count with the
 * search that lists them, and its figures with year and source, indicators named as in the
 * self-assessment framework (`population-total`, `foreign-born-share`).
 * @example toApiCity(city, 'https://example.org').figures[0].indicator // 'population-total'
 */
export function toApiCity(city: CountedCity, publicUrl: string): ApiCity {
  const figures: ApiCityFigure[] = [];
  if (city.population !== null)
    figures.push({ indicator: 'population-total', value: city.population, unit: 'count', year: city.population_year, source_url: city.source_url });
  if (city.foreign_born_share !== null)
    figures.push({ indicator: 'foreign-born-share', value: city.foreign_born_share, unit: '%', year: city.foreign_born_year, source_url: city.source_url });
  return {
    country: city.country,
    slug: city.slug,
    name: city.name,
    url: cityPageUrl(publicUrl, city.country, city.slug),
    api_url: cityApiUrl(publicUrl, city.country, city.slug),
    location: city.lat !== null && city.lon !== null ? { lat: city.lat, lon: city.lon } : null,
    practices: city.practices,
    practices_url: `${publicUrl}/api/v1/practices?city=${encodeURIComponent(cityFilterValue(city.country, city.slug))}`,
    figures,
  };
}

/** One yearly figure with its source, as the API gives it. */
export interface ApiYearlyFigure {
  year: number;
  /** For the top countries of birth, the sum of the counts in `parts`. */
  value: number;
  /** The pairs of a list figure (top countries of birth), largest first: ISO 3166-1 alpha-3 code and count. */
  parts?: FigurePart[];
  source: { name: string; url: string | null };
  basis: string | null;
  note: string | null;
}

/** One indicator's yearly figures for a city, and its country's. */
export interface ApiFigureSeries {
  indicator: string;
  title: string;
  /** The framework's unit; for gap indicators "%" is percentage points (unit_note says so). */
  unit: string;
  unit_note?: 'percentage points, foreign-born minus native-born';
  direction: string;
  city: (ApiYearlyFigure & { example: boolean })[];
  country: ApiYearlyFigure[];
}

const yearly = (r: {
  year: number;
  value: number;
  parts: FigurePart[] | string | null;
  source_name: string;
  source_url: string | null;
  basis: string | null;
  note: string | null;
}): ApiYearlyFigure => ({
  year: r.year,
  value: r.value,
  ...(r.parts !== null ? { parts: storedParts(r.parts) } : {}),
  source: { name: r.source_name, url: r.source_url },
  basis: r.basis,
  note: r.note,
});

/**
 * A city's yearly figures by indicator in the API's shape, indicators named by their codes in
 * the framework, with the country's figures of the same indicators.
 * @example toApiFigureSeries(series)[0].city[0] // { year: 2019, value: 500000, source: { name: 'hopenothate.org.uk', url: '…' }, … }
 */
export function toApiFigureSeries(series: FigureSeries[]): ApiFigureSeries[] {
  return series.map(({ indicator, city, country }) => ({
    indicator: indicator.code,
    title: indicator.title,
    unit: indicator.unit,
    ...(isGap(indicator) ? { unit_note: 'percentage points, foreign-born minus native-born' as const } : {}),
    direction: indicator.direction,
    city: city.map((r) => ({ ...yearly(r), example: r.example })),
    country: country.map(yearly),
  }));
}
