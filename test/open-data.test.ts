import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { importPractices } from '../src/practices/import/import-practices.command.ts';
import { createDemoDatabase, createTestApp, createTestDatabase, type Engine, testEngines } from './support/test-db.ts';

const publicUrl = 'http://localhost:3000';
const demo = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../demo/practices.json'), 'utf8')) as {
  practices: { id: string; themes: string[]; country: string }[];
};

/** A practice added after the demo data, so it is the newest, with characters XML and CSV must escape. */
const newest = {
  id: 'lyon-rent-repairs',
  title: 'Rent & repairs <now>',
  summary: '=HYPERLINK("x") — tenants "first"; repairs, fast',
  language: 'fr',
  city: 'Lyon',
  country: 'FR',
  themes: ['housing', 'social-cohesion'],
  partners: [{ name: 'Tenants union', support: 'technical' }, { name: 'City of Lyon' }],
};

/** Parses RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

const expectProblem = async (res: Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as { status: number; code: string; detail?: string; errors?: { path: string; message: string }[] };
};

describe.each(testEngines())('open data on %s', (engine: Engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    const file = JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices: [newest] });
    await importPractices(db, file, { author: 'test', source: 'fixture' });
    app = createTestApp(db, { ADMIN_TOKEN: 'secret-token' });
  });
  afterAll(async () => drop());

  describe('GET /api/v1/practices', () => {
    it('answers { total, items, facets, next } for a search, with absolute URLs', async () => {
      const res = await app.request('/api/v1/practices?theme=housing');
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const body = await res.json();
      const housing = demo.practices.filter((p) => p.themes.includes('housing')).length + 1;
      expect(body).toMatchObject({ total: housing, page: 1, lang: 'en', ignored: [] });
      expect(body.next).toBe(housing > body.page_size ? `${publicUrl}/api/v1/practices?theme=housing&page=2` : null);
      for (const item of body.items) {
        expect(Object.keys(item).sort()).toEqual(['city', 'country', 'id', 'summary', 'themes', 'title', 'url']);
        expect(item.themes).toContain('housing');
        expect(item.url).toBe(`${publicUrl}/practices/${item.id}`);
      }
      expect(body.facets.theme).toContainEqual(expect.objectContaining({ value: 'housing', count: housing, selected: true }));
      expect(body.facets.country.length).toBeGreaterThan(0);
    });

    it('links to the next page until the last, which has next: null', async () => {
      const first = await (await app.request('/api/v1/practices')).json();
      expect(first.total).toBe(demo.practices.length + 1);
      const seen = new Set<string>(first.items.map((i: { id: string }) => i.id));
      let next: string | null = first.next;
      let pages = 1;
      while (next) {
        expect(next.startsWith(`${publicUrl}/api/v1/practices?`)).toBe(true);
        const page = await (await app.request(next.slice(publicUrl.length))).json();
        for (const i of page.items) seen.add(i.id);
        next = page.next;
        pages++;
      }
      expect(pages).toBe(Math.ceil(first.total / first.page_size));
      expect(seen.size).toBe(first.total);
    });

    it('gives as many practices a page as page_size asks, and keeps it in the next link', async () => {
      const body = await (await app.request('/api/v1/practices?page_size=5')).json();
      expect(body.items).toHaveLength(5);
      // The newest order (no query) pages on by a cursor; the size stays.
      expect(body.next).toMatch(new RegExp(`^${publicUrl}/api/v1/practices\\?cursor=[\\w-]+&page_size=5$`));
      const next = await (await app.request(body.next.slice(publicUrl.length))).json();
      expect(next.items).toHaveLength(5);
      expect(next.items.map((i: { id: string }) => i.id)).not.toContain(body.items[4].id);
      expect((await app.request('/api/v1/practices?page_size=101')).status).toBe(400);
    });

    it('names the language of the query, and keeps it in the next link', async () => {
      const body = await (await app.request('/api/v1/practices?lang=fr')).json();
      expect(body.lang).toBe('fr');
      expect(body.next).toMatch(new RegExp(`^${publicUrl}/api/v1/practices\\?cursor=[\\w-]+&lang=fr$`));
      // A search ranked by relevance pages by number.
      const ranked = await (await app.request('/api/v1/practices?q=housing&lang=fr&page_size=2')).json();
      expect(ranked.next).toBe(`${publicUrl}/api/v1/practices?q=housing&page=2&lang=fr&page_size=2`);
    });

    it('reports the filter values it ignored', async () => {
      const body = await (await app.request('/api/v1/practices?theme=housng&theme=health&country=Italy')).json();
      expect(body.ignored).toEqual([
        { param: 'theme', value: 'housng' },
        { param: 'country', value: 'Italy' },
      ]);
      expect(body.items.every((i: { themes: string[] }) => i.themes.includes('health'))).toBe(true);
    });

    it('answers malformed parameters with a 400 problem document listing each of them', async () => {
      const problem = await expectProblem(await app.request('/api/v1/practices?page=abc'), 400);
      expect(problem).toMatchObject({ status: 400, code: 'bad_request' });
      expect(problem.errors).toEqual([{ path: 'page', message: 'must be a whole number from 1' }]);

      const several = await expectProblem(await app.request('/api/v1/practices?sort=best&from=1492&lang=english'), 400);
      expect(several.errors?.map((e) => e.path).sort()).toEqual(['from', 'lang', 'sort']);
    });
  });

  describe('GET /api/v1/practices/{id}', () => {
    it('returns the record in the exchange format', async () => {
      const res = await app.request('/api/v1/practices/lyon-rent-repairs');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const { url, assessment, lineage, effective_license, ...record } = await res.json();
      expect(record).toEqual(newest);
      expect(effective_license).toBe('CC-BY-4.0');
      expect(Object.keys(record)[0]).toBe('id');
      expect(url).toBe(`${publicUrl}/practices/lyon-rent-repairs`);
      expect(assessment).toBeNull();
      expect(lineage).toEqual({ adapted_from: [], adapted_by: [] });
    });

    it('returns each demo record as it was imported', async () => {
      const original = demo.practices[0];
      const {
        url: _url,
        assessment: _assessment,
        lineage: _lineage,
        effective_license: _license,
        ...record
      } = await (await app.request(`/api/v1/practices/${original.id}`)).json();
      expect(record).toEqual(original);
    });

    it('answers an unknown id with a 404 problem document', async () => {
      const problem = await expectProblem(await app.request('/api/v1/practices/no-such-practice'), 404);
      expect(problem).toMatchObject({ status: 404, code: 'not_found', detail: 'practice "no-such-practice" does not exist' });
    });
  });

  describe('GET /api/v1/cities', () => {
    it('lists the recorded cities page by page, each with its figures, sources, place and practices', async () => {
      const first = await (await app.request('/api/v1/cities?country=de&page_size=2')).json();
      const all = (await db.selectFrom('cities').select(['slug', 'name']).where('country', '=', 'DE').orderBy('name').execute()).map((c) => c.name);
      expect(first.total).toBe(all.length);
      expect(first.items.map((c: { name: string }) => c.name)).toEqual(all.slice(0, 2));
      // The next page starts after the last city read (a cursor), so a city added meanwhile shifts nothing.
      expect(first.next).toMatch(/^http:\/\/localhost:3000\/api\/v1\/cities\?country=de&page_size=2&cursor=[\w-]+$/);
      const pages = [first];
      while (pages[pages.length - 1].next) pages.push(await (await app.request(pages[pages.length - 1].next.slice(publicUrl.length))).json());
      expect(pages.flatMap((p) => p.items.map((c: { name: string }) => c.name))).toEqual(all);

      const duisburg = await (await app.request('/api/v1/cities/DE/duisburg')).json();
      expect(duisburg).toMatchObject({
        country: 'DE',
        slug: 'duisburg',
        name: 'Duisburg',
        url: `${publicUrl}/cities/de/duisburg`,
        api_url: `${publicUrl}/api/v1/cities/de/duisburg`,
        practices_url: `${publicUrl}/api/v1/practices?city=de-duisburg`,
        figures: [
          { indicator: 'population-total', value: 500000, unit: 'count', year: 2019, source_url: 'https://hopenothate.org.uk/2019/08/09/marxloh-miracle/' },
          { indicator: 'foreign-born-share', value: 15, unit: '%', year: 2019, source_url: 'https://hopenothate.org.uk/2019/08/09/marxloh-miracle/' },
        ],
      });
      // The count is the number of practices the search lists for the city.
      const listed = await (await app.request(duisburg.practices_url.slice(publicUrl.length))).json();
      expect(duisburg.practices).toBe(listed.total);
      expect(duisburg.practices).toBeGreaterThan(0);
    });

    it('downloads the cities as CSV for spreadsheets: BOM, header, one row per city with its figures, formulas escaped', async () => {
      await db.insertInto('cities').values({ country: 'DE', slug: 'formula-town', name: '=HYPERLINK("x")', population: 1000, population_year: 2020 }).execute();
      const res = await app.request('/cities/export.csv?country=de');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="cities-de.csv"');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes.slice(3)).trim());
      expect(header).toEqual([
        'country',
        'slug',
        'name',
        'lat',
        'lon',
        'practices',
        'population',
        'population_year',
        'foreign_born_share',
        'foreign_born_year',
        'source_url',
        'url',
      ]);
      const listed = await (await app.request('/api/v1/cities?country=DE&page_size=100')).json();
      expect(rows.map((r) => r[2])).toEqual(listed.items.map((c: { name: string }) => (c.name.startsWith('=') ? `'${c.name}` : c.name)));
      const duisburg = rows.find((r) => r[1] === 'duisburg');
      expect(duisburg).toEqual([
        'DE',
        'duisburg',
        'Duisburg',
        expect.any(String),
        expect.any(String),
        String(listed.items.find((c: { slug: string }) => c.slug === 'duisburg').practices),
        '500000',
        '2019',
        '15',
        '2019',
        'https://hopenothate.org.uk/2019/08/09/marxloh-miracle/',
        `${publicUrl}/cities/de/duisburg`,
      ]);
      // Linked from pages, a download answers a bad parameter with the site's error page, saying which.
      const refused = await app.request('/cities/export.csv?country=Germany');
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('country must be an ISO 3166-1 alpha-2 code');
      await db.deleteFrom('cities').where('slug', '=', 'formula-town').execute();
    });

    it('answers an unknown city with a 404 and odd parameters with a 400 problem naming each', async () => {
      expect((await expectProblem(await app.request('/api/v1/cities/de/atlantis'), 404)).code).toBe('not_found');
      expect((await expectProblem(await app.request('/api/v1/cities/deu/duisburg'), 404)).code).toBe('not_found');
      const problem = await expectProblem(await app.request('/api/v1/cities?page_size=500&country=Germany&colour=red'), 400);
      expect(problem.errors?.map((e) => e.path).sort()).toEqual(['colour', 'country', 'page_size']);
    });
  });

  it('documents the API, downloads and feeds at /api', async () => {
    const res = await app.request('/api');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Open data: API, downloads and feeds</h1>');
    for (const link of ['/api/v1/practices?', '/api/v1/cities?country=DE', '/practices/export.json', '/practices/export.csv', '/practices/feed.atom'])
      expect(html).toContain(link);
    expect(html).toContain('/api/v1/cities/{country}/{slug}');
    expect(await (await app.request('/fr/api')).text()).toContain('l&#39;adresse de sa page et de sa fiche');
    expect(html).toContain(`${publicUrl}/api/v1/practices/lyon-rent-repairs`);
  });

  describe('downloads', () => {
    it('exports a search as an exchange-format attachment that holds every match', async () => {
      const res = await app.request('/practices/export.json?theme=housing&country=FR');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="clearinghouse-practices.json"');
      const doc = await res.json();
      expect(doc).toMatchObject({ format: 'clearinghouse.practices', version: 1, license: 'CC-BY-4.0' });
      const expected = [...demo.practices, newest]
        .filter((p) => p.themes.includes('housing') && p.country === 'FR')
        .map((p) => p.id)
        .sort();
      expect(doc.practices.map((p: { id: string }) => p.id)).toEqual(expected);
      expect(res.headers.get('x-total-count')).toBe(String(expected.length));
      expect(doc.practices.find((p: { id: string }) => p.id === newest.id)).toEqual(newest);
    });

    it('exports every practice when there is no filter', async () => {
      const doc = await (await app.request('/practices/export.json')).json();
      expect(doc.practices).toHaveLength(demo.practices.length + 1);
    });

    it('exports CSV for spreadsheets: BOM, header, one row per practice, "; " between values, formulas escaped', async () => {
      const res = await app.request('/practices/export.csv?country=FR');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="clearinghouse-practices.csv"');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes.slice(3)));
      expect(header.slice(0, 6)).toEqual(['id', 'title', 'summary', 'language', 'city', 'country']);
      expect(rows).toHaveLength(demo.practices.filter((p) => p.country === 'FR').length + 1);
      const row = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === newest.id)?.[i]]));
      expect(row).toMatchObject({
        title: 'Rent & repairs <now>',
        summary: `'${newest.summary}`,
        themes: 'housing; social-cohesion',
        partners: 'Tenants union (technical); City of Lyon',
        region: '150',
        url: `${publicUrl}/practices/${newest.id}`,
      });
    });

    it('follows a search as an Atom feed, newest first, escaped', async () => {
      const res = await app.request('/practices/feed.atom?theme=housing');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const xml = await res.text();
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
      expect(xml).toContain(`<id>${publicUrl}/practices/feed.atom?theme=housing</id>`);
      expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${publicUrl}/practices/feed.atom?theme=housing"/>`);
      expect(xml).toContain(`<link rel="alternate" type="text/html" href="${publicUrl}/practices?theme=housing&amp;sort=newest"/>`);
      const entries = xml.split('<entry ').slice(1);
      expect(entries.length).toBe(demo.practices.filter((p) => p.themes.includes('housing')).length + 1);
      // The practice added last comes first.
      expect(entries[0]).toContain(`<id>${publicUrl}/practices/lyon-rent-repairs</id>`);
      expect(entries[0]).toContain('<title type="text">Rent &amp; repairs &lt;now&gt;</title>');
      expect(entries[0]).toContain('xml:lang="fr"');
      expect(entries[0]).toContain('<category term="housing" label="');
      expect(entries[0]).toMatch(/<updated>\d{4}-\d\d-\d\dT[\d:.]+Z<\/updated>/);
      const published = entries.map((e) => /<published>([^<]+)<\/published>/.exec(e)?.[1] as string);
      expect([...published].sort().reverse()).toEqual(published);
      expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    });

    it('exports a search as GeoJSON for QGIS and web maps: points at lon, lat, no crs', async () => {
      const res = await app.request('/practices/export.geojson?country=FR');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/geo+json');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="clearinghouse-practices.geojson"');
      const doc = await res.json();
      expect(Object.keys(doc)).toEqual(['type', 'features']);
      expect(doc.type).toBe('FeatureCollection');
      expect(doc.features).toHaveLength(demo.practices.filter((p) => p.country === 'FR').length + 1);
      expect(res.headers.get('x-total-count')).toBe(String(doc.features.length));
      const lyon = doc.features.find((f: { id: string }) => f.id === newest.id);
      expect(lyon.properties).toEqual({
        id: newest.id,
        title: newest.title,
        url: `${publicUrl}/practices/${newest.id}`,
        themes: newest.themes,
        city: 'Lyon',
        country: 'FR',
        year: null,
      });
      // Lyon is at about 45.76° N, 4.84° E: longitude first.
      const [lon, lat] = lyon.geometry.coordinates;
      expect(lyon.geometry.type).toBe('Point');
      expect(lon).toBeCloseTo(4.84, 0);
      expect(lat).toBeCloseTo(45.76, 0);
      expect(await (await app.request('/practices?country=FR')).text()).toContain('href="/practices/export.geojson?country=FR"');
    });

    it('keeps the feed to the 50 newest practices', async () => {
      const xml = await (await app.request('/practices/feed.atom')).text();
      expect(xml.split('<entry ').length - 1).toBe(50);
    });
  });

  describe('admin endpoints for the local CLI', () => {
    const auth = { authorization: 'Bearer secret-token' };

    it('refuse requests without the token, or with a wrong one, with a 403 problem document', async () => {
      await expectProblem(await app.request('/internal/export'), 403);
      await expectProblem(await app.request('/internal/import', { method: 'POST', body: '{}', headers: { authorization: 'Bearer wrong' } }), 403);
      const noToken = createTestApp(db);
      await expectProblem(await noToken.request('/internal/export', { headers: auth }), 403);
    });

    it('import a file and stream progress, then the summary', async () => {
      // A database of its own, so the shared fixture stays as the other tests expect it.
      const empty = await createTestDatabase(engine);
      try {
        const adminApp = createTestApp(empty.db, { ADMIN_TOKEN: 'secret-token' });
        const file = JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices: [newest, { ...newest, id: 'x' }] });
        const res = await adminApp.request('/internal/import?partial=1&source=fix.json', { method: 'POST', body: file, headers: auth });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
        const events = (await res.text())
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
        expect(events.at(-2)).toEqual({ type: 'progress', done: 1, total: 1 });
        expect(events.at(-1)).toMatchObject({ type: 'summary', summary: { created: 1, updated: 0, unchanged: 0, failed: 1, written: true } });
        expect(events.at(-1).summary.issues).toEqual([{ path: 'practices[1].id', message: 'must be 3 to 80 characters' }]);
        const revision = await empty.db.selectFrom('practice_revisions').select(['author', 'message']).executeTakeFirst();
        expect(revision).toEqual({ author: 'cli', message: 'import fix.json' });
        expect((await adminApp.request(`/api/v1/practices/${newest.id}`)).status).toBe(200);
      } finally {
        await empty.drop();
      }
    });

    it('export with the same filters as the downloads', async () => {
      const res = await app.request('/internal/export?format=csv&country=FR', { headers: auth });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const rows = parseCsv((await res.text()).slice(1));
      expect(rows.length - 1).toBe(Number(res.headers.get('x-total-count')));
    });
  });
});
