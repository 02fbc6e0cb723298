import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { upsertCityFigures } from '../cities/city.repo.ts';
import type { PlacedFigure } from '../cities/figure.schema.ts';
import { recordFigures } from '../cities/record-figures.command.ts';
import type { Database } from '../db/database.ts';
import { noEvents } from '../events/event.repo.ts';
import { locateCity } from '../geo/geocode.ts';
import { noGroups } from '../groups/group.repo.ts';
import { isDirectoryEmpty } from '../organizations/organization.repo.ts';
import { type ImportSummary, importPractices } from '../practices/import/import-practices.command.ts';
import { seedDemoResources } from '../resources/resource-seed.ts';
import { seedExampleAssessments } from '../self-assessment/example-assessments.ts';
import { projectPath } from '../shared/project-root.ts';
import { slugify } from '../shared/text.ts';
import { seedDemoCalls } from './demo-calls.ts';
import { seedDemoEvents } from './demo-events.ts';
import { seedDemoGroups } from './demo-groups.ts';
import { seedDemoOrganizations } from './demo-organizations.ts';

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

/** The name of a source: its site, without "www.". */
function sourceName(url: string | null): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A demo city's figures whose year is known, as yearly figures of the framework's indicators. */
function yearlyFigures(c: z.infer<typeof cityFiguresSchema>[number]): PlacedFigure[] {
  const base = {
    country: c.country,
    slug: slugify(c.city),
    source_name: sourceName(c.source_url),
    source_url: c.source_url,
    basis: null,
    note: null,
    parts: null,
  };
  const out: PlacedFigure[] = [];
  if (c.population !== null && c.population_year !== null) out.push({ ...base, indicator: 'population-total', year: c.population_year, value: c.population });
  if (c.foreign_born_share !== null && c.foreign_born_year !== null)
    out.push({ ...base, indicator: 'foreign-born-share', year: c.foreign_born_year, value: c.foreign_born_share });
  return out;
}

/**
 * Loads the demo practices, city figures and example self-assessments shipped in ./demo. It sits above the areas it fills
 * (practices and cities), so neither has to import the other to seed.
 * @example await seedDemo(db);
 */
export async function seedDemo(db: Database): Promise<ImportSummary> {
  const practices = await fs.readFile(path.join(demoDir, 'practices.json'), 'utf8');
  const summary = await importPractices(db, practices, { author: 'demo', source: 'demo/practices.json' });
  const cities = cityFiguresSchema.parse(JSON.parse(await fs.readFile(path.join(demoDir, 'cities.json'), 'utf8')));
  const figures: PlacedFigure[] = [];
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
    figures.push(...yearlyFigures(c));
  }
  await recordFigures(db, figures, { name: 'demo', userId: null }, { message: 'Demo city figures (demo/cities.json)' });
  // Example self-assessments, marked as such on every page: never presented as a city's own answers.
  await seedExampleAssessments(db, JSON.parse(await fs.readFile(path.join(demoDir, 'example-assessments.json'), 'utf8')));
  // The directory: the organisations of the source documents and those the practices name.
  await seedDemoOrganizations(db, demoDir);
  // Real past events of the field, and an invented upcoming one marked as an example.
  await seedDemoEvents(db, demoDir);
  // The network's thematic groups, one per theme group.
  await seedDemoGroups(db, demoDir);
  // The example call "Host a Dialogue Café in your city", closed, with applications from demo cities and their reviews.
  await seedDemoCalls(db, demoDir);
  // The resource library: real publications of the field, linked to the practices, cities and organisations above.
  await seedDemoResources(db, demoDir);
  return summary;
}

/**
 * A demo database from before the directory and the events existed gets the demo's organisations
 * and events: each when its table is empty and the demo practices are there (it never fills a
 * catalogue of other practices with them).
 * @example await seedDemoNetworkIfMissing(db);
 */
export async function seedDemoNetworkIfMissing(db: Database): Promise<number> {
  // The thematic groups are the network's, not the demo catalogue's: any site without a group gets them.
  const groups = (await noGroups(db)) ? await seedDemoGroups(db, demoDir) : 0;
  const demo = await db.selectFrom('practices').select('id').where('id', '=', 'nyc-idnyc').executeTakeFirst();
  if (!demo) return groups;
  const events = (await noEvents(db)) ? await seedDemoEvents(db, demoDir) : 0;
  // The example call is added once to a demo site from before calls existed (left alone when it is there).
  const calls = await seedDemoCalls(db, demoDir);
  const organizations = (await isDirectoryEmpty(db)) ? await seedDemoOrganizations(db, demoDir) : 0;
  // The resource library, once, on a demo site from before it existed (after the directory its links point to).
  const resources = await seedDemoResources(db, demoDir);
  return organizations + events + groups + calls + resources;
}
