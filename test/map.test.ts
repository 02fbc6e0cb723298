import { brotliDecompressSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { regionsOf } from '../src/geo/countries.ts';
import { worldFrame } from '../src/geo/world-map.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { practiceRecordSchema } from '../src/practices/practice.schema.ts';
import { unescapeHtml } from './support/html-forms.ts';
import { practiceRecord } from './support/practice-record.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

/** The markers of the world map: where each links, its accessible name and its radius. */
function markersOf(html: string) {
  const svg = html.match(/<svg id="world-map"[\s\S]*?<\/svg>/)?.[0] ?? '';
  return [
    ...svg.matchAll(
      /<a href="([^"]+)" aria-label="([^"]+)"><title>[^<]*<\/title>(?:<(?:circle|path) class="marker-hit[^>]*>(?:<\/(?:circle|path)>)?)*<circle class="marker" cx="[^"]+" cy="[^"]+" r="([^"]+)"/g,
    ),
  ].map((m) => ({
    href: unescapeHtml(m[1]),
    label: unescapeHtml(m[2]),
    r: Number(m[3]),
  }));
}

/** The rows of the map's table: city, country code (from its link), count, and every link. */
function tableRowsOf(html: string) {
  const body = html.match(/<table[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => {
    const cells = [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => unescapeHtml(c[1].replace(/<[^>]+>/g, '')).trim());
    const links = [...m[1].matchAll(/href="([^"]+)"/g)].map((l) => unescapeHtml(l[1]));
    return {
      city: cells[0],
      country:
        links
          .find((l) => l.startsWith('/countries/'))
          ?.slice(11)
          .toUpperCase() ?? '',
      count: Number(cells[2].replace(/\D/g, '')),
      links,
    };
  });
}

/** Published practices per city, straight from the database: what the map should show. */
async function expectedCounts(db: Database, where = sql`TRUE`) {
  const { rows } = await sql<{ name: string; practices: number; located: boolean }>`
    SELECT c.name, count(*)::int AS practices, (c.lat IS NOT NULL AND c.lon IS NOT NULL) AS located
    FROM practices p JOIN cities c ON c.country = p.country AND c.slug = p.city_slug
    WHERE ${where}
    GROUP BY c.country, c.slug, c.name, c.lat, c.lon`.execute(db);
  return rows;
}

describe.each(testEngines())('the world map on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  const get = async (url: string) => {
    const res = await app.request(url);
    return { status: res.status, html: await res.text() };
  };

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    // A city no gazetteer knows (no coordinates) and a national practice with no city at all.
    const base = { language: 'en', summary: 'A test record.', themes: ['housing'] };
    await upsertPractice(
      db,
      practiceRecordSchema.parse({ ...base, id: 'nowhere-test-practice', title: 'Housing in Zzyzxville', city: 'Zzyzxville', country: 'FR' }),
      { author: 'test', message: 'test' },
    );
    await upsertPractice(
      db,
      practiceRecordSchema.parse({ ...base, id: 'national-test-practice', title: 'A national housing scheme', country: 'FR', level: 'national' }),
      { author: 'test', message: 'test' },
    );
    app = createTestApp(db);
  });
  afterAll(async () => drop());

  it('draws a marker for every located city with practices, and lists every such city in the table with its count', async () => {
    const { status, html } = await get('/map');
    expect(status).toBe(200);
    const expected = await expectedCounts(db);
    const markers = markersOf(html);
    const rows = tableRowsOf(html);
    expect(markers).toHaveLength(expected.filter((c) => c.located).length);
    expect(rows).toHaveLength(expected.length);
    for (const c of expected) expect(rows.find((r) => r.city.startsWith(c.name))?.count, c.name).toBe(c.practices);
  });

  it('links each marker to its city’s practices and names it with the count', async () => {
    const markers = markersOf((await get('/map')).html);
    const saoPaulo = markers.find((m) => m.href === '/practices?city=br-sao-paulo');
    expect(saoPaulo?.label).toBe('São Paulo, Brazil: 3 practices');
    const accra = markers.find((m) => m.href === '/practices?city=gh-accra');
    expect(accra?.label).toBe('Accra, Ghana: 1 practice');
    // Area, not radius, grows with the count.
    expect(((saoPaulo?.r ?? 0) / (accra?.r ?? 1)) ** 2).toBeCloseTo(3, 1);
  });

  it('lists a city without coordinates in the table only, and says so', async () => {
    const { html } = await get('/map');
    const row = tableRowsOf(html).find((r) => r.city.startsWith('Zzyzxville'));
    expect(row?.city).toContain('not on the map');
    expect(row?.links).toContain('/practices?city=fr-zzyzxville');
    expect(markersOf(html).some((m) => m.href.includes('zzyzxville'))).toBe(false);
  });

  it('counts the practices that have no city instead of dropping them silently', async () => {
    const { html } = await get('/map');
    expect(html).toContain('1 matching practice is national or transnational');
  });

  it('applies a theme filter to both the markers and the table, shows it, and links back to the search', async () => {
    const all = await get('/map');
    const { html } = await get('/map?theme=housing');
    const expected = await expectedCounts(db, sql`'housing' = ANY(p.themes)`);
    const rows = tableRowsOf(html);
    expect(rows).toHaveLength(expected.length);
    expect(rows.length).toBeLessThan(tableRowsOf(all.html).length);
    expect(markersOf(html).length).toBeLessThan(markersOf(all.html).length);
    expect(markersOf(html)).toHaveLength(expected.filter((c) => c.located).length);
    expect(html).toMatch(/class="chip" href="\/map" aria-label="Remove filter: Housing"/);
    expect(html).toContain('href="/practices?theme=housing"');
    // A marker keeps the filter, so it opens the city's housing practices.
    expect(markersOf(html).every((m) => m.href.includes('theme=housing') && m.href.includes('city='))).toBe(true);
  });

  it('applies a region filter (419, Latin America and the Caribbean): only cities there remain', async () => {
    const { html } = await get('/map?region=419');
    const rows = tableRowsOf(html);
    expect(rows.map((r) => r.city)).toEqual(expect.arrayContaining(['São Paulo', 'Bogotá', 'Tijuana']));
    expect(rows.length).toBeLessThan(tableRowsOf((await get('/map')).html).length);
    for (const r of rows) expect(Object.values(regionsOf(r.country)), `${r.city}, ${r.country}`).toContain('419');
    expect(html).toContain('Remove filter: Latin America');
  });

  it('shows an empty map with a way back when nothing matches, and reports values it ignored', async () => {
    const { status, html } = await get('/map?q=qqqzzzxxx&theme=no-such-theme');
    expect(status).toBe(200);
    expect(markersOf(html)).toHaveLength(0);
    expect(html).toContain('No practices match this search');
    expect(html).toContain('href="/map"');
    expect(html).toContain('theme=no-such-theme');
  });

  it('stays light: the land is computed once, and the page is small once compressed', async () => {
    expect(worldFrame()).toBe(worldFrame());
    const res = await app.request('/map', { headers: { 'accept-encoding': 'br' } });
    const compressed = new Uint8Array(await res.arrayBuffer());
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(compressed.length).toBeLessThan(15_000);
    expect(brotliDecompressSync(compressed).toString()).toContain('<svg id="world-map"');
  });

  it('draws and tables only the 200 cities with the most practices, and says where the others are', async () => {
    // Written last: it adds 205 one-practice cities to the catalogue the tests above read.
    await db.transaction().execute(async (trx) => {
      for (let i = 1; i <= 205; i++) {
        await upsertPractice(trx, practiceRecord({ id: `map-cap-${i}`, city: `Capville ${i}`, country: 'PT', themes: ['housing'] }), {
          author: 'test',
          message: 'test',
        });
      }
    });
    const all = await expectedCounts(db);
    expect(all.length).toBeGreaterThan(250);
    const { html } = await get('/map');
    const rows = tableRowsOf(html);
    expect(rows).toHaveLength(200);
    expect(html).toContain(
      `The 200 cities with the most practices are on the map and in this table; the other ${all.length - 200} cities are listed on their countries’ pages.`,
    );
    // The busiest city is there; the ones left out have no more practices than any listed.
    const busiest = all.reduce((a, b) => (b.practices > a.practices ? b : a));
    expect(rows.map((r) => r.city)).toContain(busiest.name);
    const least = Math.min(...rows.map((r) => r.count));
    const listed = new Set(rows.map((r) => r.city));
    for (const c of all) if (!listed.has(c.name)) expect(c.practices).toBeLessThanOrEqual(least);
    // Every marker is a listed city; the summary still counts them all.
    const markers = markersOf(html);
    expect(markers.length).toBeLessThanOrEqual(200);
    for (const m of markers) expect(listed.has(m.label.split(',')[0])).toBe(true);
    expect(html).toContain(`in ${all.length} cities`);
  });
});
