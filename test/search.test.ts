import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { facetParams, facetValuesSql } from '../src/search/facets.ts';
import { parseSearchParams } from '../src/search/search.params.ts';
import { searchPractices } from '../src/search/search.service.ts';
import { matchingPractices } from '../src/search/search-filters.ts';
import { signedInClient } from './support/account-client.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

const search = (db: Database, qs: string) => searchPractices(db, parseSearchParams(new URLSearchParams(qs)).params, { locale: 'en', cacheSize: 500 });

describe.each(testEngines())('search on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db);
  });
  afterAll(async () => drop());

  it('finds practices matching some of the words, best matches first, and keeps exclusions', async () => {
    const both = await search(db, 'q=refugee+housing');
    const housing = await search(db, 'q=housing');
    const refugees = await search(db, 'q=refugees');
    // Best match: any meaningful word finds a practice; those holding both come first.
    expect(both.total).toBeGreaterThanOrEqual(Math.max(housing.total, refugees.total));
    expect(both.total).toBeLessThanOrEqual(housing.total + refugees.total);
    const ids = new Set(housing.hits.map((h) => h.id));
    const top = both.hits.slice(0, 3).map((h) => h.id);
    for (const id of top) expect(ids.has(id), `${id} holds "housing"`).toBe(true);
    // A word no practice holds does not empty the answer, and is named.
    const flat = await search(db, 'q=refugee+housing+zzzqx');
    expect(flat.hits.slice(0, 3).map((h) => h.id)).toEqual(top);
    expect(flat.explanation?.unmatched).toEqual(['zzzqx']);
    // -word leaves out every practice holding it.
    const welcome = await search(db, 'q=welcome+-housing');
    expect(welcome.total).toBeGreaterThan(0);
    const welcomeAll = (await searchPractices(db, parseSearchParams(new URLSearchParams('q=welcome -housing')).params, { locale: 'en', pageSize: 500 })).hits;
    const { rows } = await sql<{ id: string }>`SELECT id FROM practices WHERE record::text ILIKE '%housing%'`.execute(db);
    const withHousing = new Set(rows.map((r) => r.id));
    expect(withHousing.size).toBeGreaterThan(0);
    for (const h of welcomeAll) expect(withHousing.has(h.id), h.id).toBe(false);
  });

  it('counts every facet value as SQL does, for broad and narrow queries, with and without filters', async () => {
    // SQL's answer: each facet's values among the practices passing every filter but that facet's own.
    const queries = [
      '',
      'q=migrants',
      'q=refugees',
      'q=housing',
      'q=doulas+zzz',
      'q=migrants&theme=housing',
      'theme=housing&theme=health&region=150',
      'q=refugees&status=ongoing&from=2015',
      'country=DE&actor=local-government',
    ];
    const catalogueSize = (await search(db, '')).total;
    let broadest = 0;
    for (const qs of queries) {
      const params = parseSearchParams(new URLSearchParams(qs)).params;
      const r = await searchPractices(db, params, { locale: 'en' });
      if (params.q && !qs.includes('&')) broadest = Math.max(broadest, r.total / catalogueSize);
      for (const facet of facetParams) {
        const { rows } = await sql<{ v: string; n: number }>`
          SELECT v, count(*)::int AS n FROM (${(await matchingPractices(db, { ...params, [facet]: [] }, 'en')).select(facetValuesSql(facet).as('v'))}) AS m
          WHERE v IS NOT NULL GROUP BY v`.execute(db);
        const expected = new Map(rows.map((row) => [row.v, Number(row.n)]));
        const shown = r.facets[facet].filter((f) => f.count > 0);
        for (const f of shown) expect(f.count, `${qs}: ${facet}=${f.value}`).toBe(expected.get(f.value));
        if (expected.size <= 40) expect(shown.length, `${qs}: ${facet}`).toBe(expected.size);
      }
    }
    // A word most practices contain was among them: the engine counts what is missing then.
    expect(broadest).toBeGreaterThan(0.5);
  });

  it('folds accents and case: "sao paulo" finds the São Paulo practices', async () => {
    const r = await search(db, 'q=sao+paulo');
    expect(r.total).toBeGreaterThanOrEqual(3);
    expect(r.hits.slice(0, 3).every((h) => h.city === 'São Paulo')).toBe(true);
    // The accented word is what is marked, in the title or the excerpt.
    const marked = [...(r.hits[0].titleMarks ?? []), ...(r.hits[0].snippet ?? [])].filter((s) => s.mark).map((s) => s.text);
    expect(marked.join(' ')).toMatch(/São/);
  });

  it('tolerates typos word by word, and says which word it read otherwise', async () => {
    const r = await search(db, 'q=refugee+houseing');
    expect(r.hits.slice(0, 3).map((h) => h.id)).toContain('medellin-transitional-housing');
    const waste = await search(db, 'q=waiste+managment+accra');
    expect(waste.hits[0].id).toBe('accra-informal-waste-migrants');
    expect(waste.explanation?.corrected).toEqual(expect.arrayContaining([{ word: 'waiste', correctedTo: 'waste' }]));
    const html = await (await app.request('/practices?q=waiste+managment')).text();
    expect(html).toContain('Also searched for “waste” (you typed “waiste”)');
  });

  it('counts each facet without its own selection, and ORs values within a facet', async () => {
    const all = await search(db, '');
    const housing = await search(db, 'theme=housing');
    const health = await search(db, 'theme=health');
    const both = await search(db, 'theme=housing&theme=health');
    expect(housing.total).toBe(all.facets.theme.find((f) => f.value === 'housing')?.count);
    // Picking housing leaves the other themes' counts as they were.
    expect(housing.facets.theme.find((f) => f.value === 'health')?.count).toBe(health.total);
    expect(both.total).toBeGreaterThanOrEqual(Math.max(housing.total, health.total));
    expect(both.total).toBeLessThanOrEqual(housing.total + health.total);
    // Other facets do narrow: region counts under theme=housing add up to no more than its total per level.
    const europe = housing.facets.region.find((f) => f.value === '150');
    expect(europe?.count ?? 0).toBeLessThanOrEqual(housing.total);
  });

  it('filters by region code, derived from the country', async () => {
    const latam = await search(db, 'region=419');
    expect(latam.total).toBeGreaterThan(0);
    const countries = new Set(latam.hits.map((h) => h.country));
    for (const c of countries) expect(['BR', 'CO', 'EC', 'CL', 'MX', 'AR', 'PE', 'CR', 'UY', 'GT', 'SV', 'HN']).toContain(c);
  });

  it('filters by start year range', async () => {
    const r = await search(db, 'from=2015&to=2018');
    expect(r.total).toBeGreaterThan(0);
    for (const h of r.hits) expect(h.started).toBeGreaterThanOrEqual(2015);
    for (const h of r.hits) expect(h.started).toBeLessThanOrEqual(2018);
  });

  it('sorts by title', async () => {
    const r = await search(db, 'sort=title');
    const titles = r.hits.map((h) => h.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('shows the search page with results, chips and facet counts, without JavaScript', async () => {
    const res = await app.request('/practices?q=housing&theme=housing');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form action="/practices" method="get"');
    expect(html).toMatch(/class="chip"[^>]*aria-label="Remove filter: Housing"/);
    expect(html).toContain('name="theme" value="housing" checked');
    expect(html).toMatch(/class="card"/);
    expect(html).not.toContain('<script');
  });

  it('ignores unknown filter values and says so', async () => {
    const res = await app.request('/practices?theme=housng&region=999&evidence=9');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Ignored 3 values we do not recognise');
    expect(html).toContain('theme=housng');
  });

  it('cuts queries over 200 characters, with a notice', async () => {
    const res = await app.request(`/practices?q=${'migrant '.repeat(40)}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('shortened');
  });

  it('explains what to try when nothing matches', async () => {
    const html = await (await app.request('/practices?q=zzzxqy&theme=housing')).text();
    expect(html).toContain('No practices match this search');
    expect(html).toContain('remove some filters');
  });

  it('shows an empty page with a way back past the last page', async () => {
    const html = await (await app.request('/practices?page=99')).text();
    expect(html).toContain('past the end of the results');
    expect(html).toContain('Go to the first page');
  });

  it('sees a new practice at once, though answers are cached', async () => {
    const before = await search(db, 'q=beekeeping');
    expect(before.total).toBe(0);
    await db.transaction().execute((trx) =>
      upsertPractice(
        trx,
        {
          id: 'ljubljana-urban-beekeeping',
          title: 'Urban beekeeping with newcomers',
          summary: 'Rooftop beekeeping courses for refugees.',
          language: 'en',
          city: 'Ljubljana',
          country: 'SI',
          themes: ['employment'],
        },
        { author: 'test', message: 'test' },
      ),
    );
    const after = await search(db, 'q=beekeeping');
    expect(after.hits.map((h) => h.id)).toEqual(['ljubljana-urban-beekeeping']);
  });

  it('stops suggesting another spelling once the word itself is in the collection', async () => {
    const before = await search(db, 'q=housng');
    expect(before.explanation?.corrected).toEqual([{ word: 'housng', correctedTo: 'housing' }]);
    await db.transaction().execute(async (trx) => {
      await upsertPractice(
        trx,
        {
          id: 'celje-housng-newsletter',
          title: 'Housng, a newsletter by tenants',
          summary: 'Tenants who arrived as refugees write a newsletter.',
          language: 'en',
          city: 'Celje',
          country: 'SI',
          themes: ['housing'],
        },
        { author: 'test', message: 'test' },
      );
    });
    // Another page of the same words: a fresh answer, but the spelling was looked up before the write.
    const after = await search(db, 'q=housng&sort=newest');
    expect(after.explanation?.corrected).toEqual([]);
    expect(after.hits.map((h) => h.id)).toEqual(['celje-housng-newsletter']);
  });

  it('reuses a rendered page only for visitors who are not signed in, and not after a write', async () => {
    const path = '/practices?q=apiculture';
    const first = await (await app.request(path)).text();
    expect(first).not.toContain('maribor-rooftop-apiculture');
    expect(first).toContain('href="/login"');
    const { b } = await signedInClient(app, db, 'member', 'Mira Cachetest');
    const mine = await b.page(path);
    expect(mine.html).toContain('Mira Cachetest');
    expect(mine.res.headers.get('cache-control')).toBe('private, no-store');
    const again = await app.request(path);
    expect(await again.text()).not.toContain('Mira Cachetest');
    expect(again.headers.get('cache-control')).toBe('public, max-age=60');
    await db.transaction().execute((trx) =>
      upsertPractice(
        trx,
        {
          id: 'maribor-rooftop-apiculture',
          title: 'Rooftop apiculture for newcomers',
          summary: 'Beekeeping on city roofs with refugees.',
          language: 'en',
          city: 'Maribor',
          country: 'SI',
          themes: ['employment'],
        },
        { author: 'test', message: 'test' },
      ),
    );
    expect(await (await app.request(path)).text()).toContain('maribor-rooftop-apiculture');
  });

  it('never answers a strange request with a server error', async () => {
    for (const qs of ['page=abc', 'from=xyz&to=-1', 'q=%22%22%22', 'q=a%20%26%20%7C%20!%20%3A*', 'sort=random', 'q=%F0%9F%98%80', 'country=toolong']) {
      const res = await app.request(`/practices?${qs}`);
      expect(res.status, qs).toBe(200);
    }
    // A control character is no value at all: a 400 page naming it (test/input-hardening.test.ts).
    expect((await app.request('/practices?city=%00')).status).toBe(400);
  });
});
