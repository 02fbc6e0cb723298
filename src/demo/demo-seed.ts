import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { upsertCityFigures } from '../cities/city.repo.ts';
import type { Database } from '../db/database.ts';
import { locateCity } from '../geo/geocode.ts';
import { type ImportSummary, importPractices } from '../practices/import/import-practices.command.ts';
import { projectPath } from '../shared/project-root.ts';
import { slugify } from '../shared/text.ts';

const demoDir = projectPath('demo');

const cityFiguresSchema = z.array(
  z.object({
    city: z.string(),
    country: z.string().length(2),
    population: z.number().int().nullable(),
    population_year: z.number().int().nullable(),
    foreign_born_share: z.number().nullable(),
    foreign_born_year: z.number().int().nullable(),
    source_url: z.string().nullable(),
  }),
);

/**
 * Loads the demo practices and city figures shipped in ./demo. It sits above both areas it fills
 * (practices and cities), so neither has to import the other to seed.
 * @example await seedDemo(db);
 */
export async function seedDemo(db: Database): Promise<ImportSummary> {
  const practices = await fs.readFile(path.join(demoDir, 'practices.json'), 'utf8');
  const summary = await importPractices(db, practices, { author: 'demo', source: 'demo/practices.json' });
  const cities = cityFiguresSchema.parse(JSON.parse(await fs.readFile(path.join(demoDir, 'cities.json'), 'utf8')));
  for (const c of cities) {
    const at = locateCity(c.country, c.city);
    await upsertCityFigures(db, {
      country: c.country,
      slug: slugify(c.city),
      name: c.city,
      population: c.population,
      population_year: c.population_year,
      foreign_born_share: c.foreign_born_share,
      foreign_born_year: c.foreign_born_year,
      source_url: c.source_url,
      lat: at?.lat ?? null,
      lon: at?.lon ?? null,
    });
  }
  return summary;
}
