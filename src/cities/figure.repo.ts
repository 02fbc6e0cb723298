import { type Selectable, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CityFiguresTable, CountryFiguresTable } from '../db/schema.ts';
import type { PlacedFigure } from './figure.schema.ts';
import { type FigurePart, storedParts } from './figure-parts.ts';

/** A recorded figure of a city. */
export type CityFigureRow = Selectable<CityFiguresTable>;
/** A recorded figure of a country. */
export type CountryFigureRow = Selectable<CountryFiguresTable>;

/** What a figure says, without who recorded it when: what a revision keeps and a change compares. */
export type FigureContent = Pick<PlacedFigure, 'value' | 'parts' | 'source_name' | 'source_url' | 'basis' | 'note'>;

const contentColumns = ['value', 'parts', 'source_name', 'source_url', 'basis', 'note'] as const;

/** A stored figure's content, its pairs parsed. */
const content = (row: Omit<FigureContent, 'parts'> & { parts: FigurePart[] | string | null }): FigureContent => ({
  ...row,
  parts: row.parts === null ? null : storedParts(row.parts),
});

/** A city's figures, by indicator and year. */
export async function figuresOfCity(db: Database, country: string, slug: string): Promise<CityFigureRow[]> {
  return db.selectFrom('city_figures').selectAll().where('country', '=', country).where('slug', '=', slug).orderBy('indicator').orderBy('year').execute();
}

/** A country's own figures of some indicators, by indicator and year. */
export async function figuresOfCountry(db: Database, country: string, indicators: string[]): Promise<CountryFigureRow[]> {
  if (indicators.length === 0) return [];
  return db
    .selectFrom('country_figures')
    .selectAll()
    .where('country', '=', country)
    .where('indicator', 'in', indicators)
    .orderBy('indicator')
    .orderBy('year')
    .execute();
}

/** The content of a figure as recorded, undefined when there is none for that place, indicator and year. */
export async function findFigure(db: Database, f: Pick<PlacedFigure, 'country' | 'slug' | 'indicator' | 'year'>): Promise<FigureContent | undefined> {
  const row =
    f.slug === null
      ? await db
          .selectFrom('country_figures')
          .select(contentColumns)
          .where('country', '=', f.country)
          .where('indicator', '=', f.indicator)
          .where('year', '=', f.year)
          .executeTakeFirst()
      : await db
          .selectFrom('city_figures')
          .select(contentColumns)
          .where('country', '=', f.country)
          .where('slug', '=', f.slug)
          .where('indicator', '=', f.indicator)
          .where('year', '=', f.year)
          .executeTakeFirst();
  return row ? content(row) : undefined;
}

/** Records a figure, replacing the one of the same place, indicator and year. */
export async function upsertFigure(db: Database, f: PlacedFigure, recordedBy: number | null, example = false): Promise<void> {
  const content = {
    value: f.value,
    parts: f.parts ? JSON.stringify(f.parts) : null,
    source_name: f.source_name,
    source_url: f.source_url,
    basis: f.basis,
    note: f.note,
  };
  const recorded = { ...content, recorded_by: recordedBy, recorded_at: sql<Date>`now()` };
  if (f.slug === null) {
    await db
      .insertInto('country_figures')
      .values({ country: f.country, indicator: f.indicator, year: f.year, ...content, recorded_by: recordedBy })
      .onConflict((oc) => oc.columns(['country', 'indicator', 'year']).doUpdateSet(recorded))
      .execute();
    return;
  }
  await db
    .insertInto('city_figures')
    .values({ country: f.country, slug: f.slug, indicator: f.indicator, year: f.year, ...content, recorded_by: recordedBy, example })
    .onConflict((oc) => oc.columns(['country', 'slug', 'indicator', 'year']).doUpdateSet({ ...recorded, example }))
    .execute();
}

/** Deletes the figure of a place, indicator and year; false when there was none. */
export async function deleteFigure(db: Database, f: Pick<PlacedFigure, 'country' | 'slug' | 'indicator' | 'year'>): Promise<boolean> {
  const result =
    f.slug === null
      ? await db
          .deleteFrom('country_figures')
          .where('country', '=', f.country)
          .where('indicator', '=', f.indicator)
          .where('year', '=', f.year)
          .executeTakeFirst()
      : await db
          .deleteFrom('city_figures')
          .where('country', '=', f.country)
          .where('slug', '=', f.slug)
          .where('indicator', '=', f.indicator)
          .where('year', '=', f.year)
          .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Keeps one change of a figure: its content before and after (null when absent), by whom. */
export async function insertFigureRevision(
  db: Database,
  f: Pick<PlacedFigure, 'country' | 'slug' | 'indicator' | 'year'>,
  change: { before: FigureContent | undefined; after: FigureContent | undefined; author: string; authorId: number | null; message: string },
): Promise<void> {
  await db
    .insertInto('figure_revisions')
    .values({
      country: f.country,
      slug: f.slug,
      indicator: f.indicator,
      year: f.year,
      before: change.before ? JSON.stringify(change.before) : null,
      after: change.after ? JSON.stringify(change.after) : null,
      author: change.author,
      author_id: change.authorId,
      message: change.message,
    })
    .execute();
}

/** The changes of a place's figures, oldest first. */
export async function figureRevisions(db: Database, country: string, slug: string | null) {
  return db
    .selectFrom('figure_revisions')
    .selectAll()
    .where('country', '=', country)
    .where((eb) => (slug === null ? eb('slug', 'is', null) : eb('slug', '=', slug)))
    .orderBy('id')
    .execute();
}

/**
 * Brings a city's own population and share born abroad (its summary, used by the map, the
 * country page and the size bands) to its latest yearly figures, touching the row only when
 * they differ.
 */
export async function syncCitySummary(db: Database, country: string, slug: string): Promise<void> {
  const latest = (indicator: string) =>
    sql`(SELECT f.value FROM city_figures f WHERE f.country = c.country AND f.slug = c.slug AND f.indicator = ${indicator} ORDER BY f.year DESC LIMIT 1)`;
  const latestYear = (indicator: string) =>
    sql`(SELECT f.year FROM city_figures f WHERE f.country = c.country AND f.slug = c.slug AND f.indicator = ${indicator} ORDER BY f.year DESC LIMIT 1)`;
  await sql`
    UPDATE cities c SET
      population = coalesce(round(${latest('population-total')})::integer, c.population),
      population_year = coalesce(${latestYear('population-total')}, c.population_year),
      foreign_born_share = coalesce(${latest('foreign-born-share')}, c.foreign_born_share),
      foreign_born_year = coalesce(${latestYear('foreign-born-share')}, c.foreign_born_year)
    WHERE c.country = ${country} AND c.slug = ${slug}
      AND (c.population_year IS DISTINCT FROM coalesce(${latestYear('population-total')}, c.population_year)
        OR c.population IS DISTINCT FROM coalesce(round(${latest('population-total')})::integer, c.population)
        OR c.foreign_born_year IS DISTINCT FROM coalesce(${latestYear('foreign-born-share')}, c.foreign_born_year)
        OR c.foreign_born_share IS DISTINCT FROM coalesce(${latest('foreign-born-share')}::real, c.foreign_born_share))`.execute(db);
}

/**
 * After the last figure of the population or of the share born abroad is removed, the city's own
 * summary of it is cleared too (a figure typed wrongly must not stay on the map and the country
 * page); other indicators leave the summary alone.
 */
export async function clearCitySummaryWithout(db: Database, country: string, slug: string, indicator: string): Promise<void> {
  const columns =
    indicator === 'population-total'
      ? { population: null, population_year: null }
      : indicator === 'foreign-born-share'
        ? { foreign_born_share: null, foreign_born_year: null }
        : undefined;
  if (!columns) return;
  await db
    .updateTable('cities')
    .set(columns)
    .where('country', '=', country)
    .where('slug', '=', slug)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('city_figures')
            .select('indicator')
            .where('city_figures.country', '=', country)
            .where('city_figures.slug', '=', slug)
            .where('city_figures.indicator', '=', indicator),
        ),
      ),
    )
    .execute();
}

/** Every city figure, by country, city, indicator and year: the figures download. */
export async function allCityFigures(db: Database): Promise<(CityFigureRow & { city_name: string })[]> {
  return db
    .selectFrom('city_figures')
    .innerJoin('cities', (j) => j.onRef('cities.country', '=', 'city_figures.country').onRef('cities.slug', '=', 'city_figures.slug'))
    .selectAll('city_figures')
    .select('cities.name as city_name')
    .orderBy('city_figures.country')
    .orderBy('city_figures.slug')
    .orderBy('city_figures.indicator')
    .orderBy('city_figures.year')
    .execute();
}
