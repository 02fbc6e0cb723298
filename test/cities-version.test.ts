import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityDirectory } from '../src/cities/city-directory.ts';
import type { Database } from '../src/db/database.ts';
import { readCitiesVersion, readSiteVersion } from '../src/db/site-version.repo.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { createDemoDatabase, testEngines } from './support/test-db.ts';

const publish = (db: Database, id: string, city: string, country: string) =>
  db
    .transaction()
    .execute((trx) =>
      upsertPractice(
        trx,
        { id, title: `Welcome desk ${id}`, summary: 'A desk for newcomers.', language: 'en', city, country, themes: ['housing'] },
        { author: 'test', message: 'test' },
      ),
    );

describe.each(testEngines())('the cities version on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
  });
  afterAll(async () => drop());

  it('stays put when a practice is published in a city already known, and the map keeps its city directory', async () => {
    await publish(db, 'cities-version-turin-1', 'Turin', 'IT');
    const directory = await cityDirectory(db);
    const cities = await readCitiesVersion(db);
    const site = (await readSiteVersion(db)).site;
    await publish(db, 'cities-version-turin-2', 'Turin', 'IT');
    expect(await readCitiesVersion(db)).toBe(cities);
    // The practice's revision still moves the site version: pages showing it are rendered again.
    expect((await readSiteVersion(db)).site).toBeGreaterThan(site);
    expect(await cityDirectory(db)).toBe(directory);
  });

  it('moves on when a new city is recorded, and the directory then holds it', async () => {
    const cities = await readCitiesVersion(db);
    expect((await cityDirectory(db)).has('pt-braga')).toBe(false);
    await publish(db, 'cities-version-braga', 'Braga', 'PT');
    expect(await readCitiesVersion(db)).toBeGreaterThan(cities);
    expect((await cityDirectory(db)).get('pt-braga')?.name).toBe('Braga');
  });
});
