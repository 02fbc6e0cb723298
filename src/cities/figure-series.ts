import type { Database } from '../db/database.ts';
import type { OutcomeIndicator } from '../framework/framework.ts';
import { type CityFigureRow, type CountryFigureRow, figuresOfCity, figuresOfCountry } from './figure.repo.ts';
import { figureIndicators } from './figure-indicators.ts';

/** One indicator's figures for a city, year by year, with its country's figures of the same indicator. */
export interface FigureSeries {
  indicator: OutcomeIndicator;
  city: CityFigureRow[];
  country: CountryFigureRow[];
}

/**
 * A city's figures grouped by indicator in the framework's order (context first), each with
 * its country's figures where recorded; indicators the city has no figure of are left out.
 * @example const series = await cityFigureSeries(db, 'DE', 'berlin');
 */
export async function cityFigureSeries(db: Database, country: string, slug: string): Promise<FigureSeries[]> {
  const rows = await figuresOfCity(db, country, slug);
  if (rows.length === 0) return [];
  const codes = [...new Set(rows.map((r) => r.indicator))];
  const countryRows = await figuresOfCountry(db, country, codes);
  return figureIndicators.flatMap((indicator) => {
    const city = rows.filter((r) => r.indicator === indicator.code);
    return city.length ? [{ indicator, city, country: countryRows.filter((r) => r.indicator === indicator.code) }] : [];
  });
}
