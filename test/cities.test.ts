import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { practiceRecordSchema } from '../src/practices/practice.schema.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

describe.each(testEngines())('city and country pages on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  const get = async (url: string) => {
    const res = await app.request(url);
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  };
  const practiceIdsIn = async (country: string, citySlug?: string) =>
    (
      await db
        .selectFrom('practices')
        .select('id')
        .where('country', '=', country)
        .$if(citySlug !== undefined, (qb) => qb.where('city_slug', '=', citySlug as string))
        .execute()
    ).map((r) => r.id);

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    // A city whose slug is not Latin script, to check addresses in any alphabet work.
    const record = {
      id: 'kyoto-test-practice',
      title: 'A welcome desk in Kyoto',
      summary: 'A test record.',
      language: 'ja',
      city: '京都',
      country: 'JP',
      themes: ['reception-and-welcoming'],
    };
    await upsertPractice(db, practiceRecordSchema.parse(record), { author: 'test', message: 'test' });
    // Réunion has no outline of its own in Natural Earth (it is drawn as part of France).
    const reunion = { ...record, id: 'reunion-test-practice', title: 'A welcome desk in Saint-Denis', language: 'fr', city: 'Saint-Denis', country: 'RE' };
    await upsertPractice(db, practiceRecordSchema.parse(reunion), { author: 'test', message: 'test' });
    app = createTestApp(db);
  });
  afterAll(async () => drop());

  it('a city page shows its figures with year and source, its country, its practices and a small map', async () => {
    const { status, html } = await get('/cities/de/duisburg');
    expect(status).toBe(200);
    const text = mainText(html);
    expect(html).toMatch(/<h1>Duisburg<\/h1>/);
    expect(text).toContain('Population 500,000 (2019)');
    expect(text).toContain('Residents born abroad 15% (2019)');
    expect(html).toContain('<a href="https://hopenothate.org.uk/2019/08/09/marxloh-miracle/">hopenothate.org.uk</a>');
    expect(html).toContain('href="/countries/de">Germany</a>');
    const ids = await practiceIdsIn('DE', 'duisburg');
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(html).toContain(`href="/practices/${id}"`);
    expect(html).toContain('href="/practices?city=de-duisburg"');
    expect(html).toMatch(/<svg id="city-map"[\s\S]*<circle class="marker"[\s\S]*<\/svg>/);
    // The same figures as open data, and how a city can assess itself.
    expect(html).toContain('<a href="/api/v1/cities/de/duisburg">These figures as open data (JSON)</a>');
    expect((await app.request('/api/v1/cities/de/duisburg')).status).toBe(200);
    expect(html).toContain('<a href="/self-assessment">How a city can assess its own policies</a>');
  });

  it('shows a population without a share born abroad, and a city with figures but no practices yet', async () => {
    expect(mainText((await get('/cities/de/hamburg')).html)).toContain('Population 1,800,000 (2011)');
    const barcelona = await get('/cities/es/barcelona');
    expect(barcelona.status).toBe(200);
    expect(mainText(barcelona.html)).toContain('No practices from Barcelona have been published yet.');
  });

  it('redirects an address in upper or mixed case to the lower-case one, keeping the query', async () => {
    expect(await get('/cities/DE/Duisburg')).toMatchObject({ status: 301, location: '/cities/de/duisburg' });
    expect(await get('/cities/de/DUISBURG?x=1')).toMatchObject({ status: 301, location: '/cities/de/duisburg?x=1' });
    expect(await get('/countries/DE')).toMatchObject({ status: 301, location: '/countries/de' });
  });

  it('serves a city whose name is not in Latin script', async () => {
    const { status, html } = await get(`/cities/jp/${encodeURIComponent('京都')}`);
    expect(status).toBe(200);
    expect(html).toContain('<h1>京都</h1>');
    expect(html).toContain('href="/practices/kyoto-test-practice"');
  });

  it('answers 404 for unknown cities and countries', async () => {
    for (const url of ['/cities/de/atlantis', '/cities/xx/duisburg', '/cities/deu/duisburg', '/countries/xx', '/countries/deu', '/countries/12']) {
      const { status, html } = await get(url);
      expect(status, url).toBe(404);
      expect(html, url).toContain('Page not found');
    }
  });

  it('a country page shows its UN regions, its cities with counts and figures, its practices and a map', async () => {
    const { status, html } = await get('/countries/de');
    expect(status).toBe(200);
    const text = mainText(html);
    expect(html).toMatch(/<h1>Germany<\/h1>/);
    expect(text).toContain('Region Europe');
    expect(text).toContain('Sub-region Western Europe');
    expect(html).toContain('href="/practices?region=155"');
    const rows = [...(html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
      m[1]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(rows).toEqual(['Berlin 2 3,670,000 (2016) — not known', 'Duisburg 1 500,000 (2019) 15% (2019)', 'Hamburg 1 1,800,000 (2011) — not known']);
    expect(html).toContain('href="/cities/de/berlin"');
    const ids = await practiceIdsIn('DE');
    expect(text).toContain(`${ids.length} published practices.`);
    for (const id of ids) expect(html).toContain(`href="/practices/${id}"`);
    expect(html).toContain('href="/practices?country=DE"');
    expect(html).toMatch(/<svg id="country-map"[\s\S]*class="land land--focus"[\s\S]*<\/svg>/);
  });

  it('a country with no outline of its own still gets a map, framed on its city', async () => {
    const { status, html } = await get('/countries/re');
    expect(status).toBe(200);
    const map = html.match(/<svg id="country-map"[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(map).toContain('aria-label="Saint-Denis, Réunion: 1 practice"');
    expect(map).not.toContain('NaN');
  });

  it('a country without practices shows an empty state, not an error', async () => {
    const { status, html } = await get('/countries/fj');
    expect(status).toBe(200);
    expect(html).toMatch(/<h1>Fiji<\/h1>/);
    expect(mainText(html)).toContain('No practices from Fiji have been published yet.');
    expect(html).not.toContain('class="card"');
  });
});
