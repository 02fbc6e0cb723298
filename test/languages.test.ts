import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { catalogues } from '../src/i18n/i18n.ts';
import { createDemoDatabase, createTestApp } from './support/test-db.ts';

// Language routing does not depend on the engine; PGlite keeps this file quick.
describe('interface languages', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase('pglite'));
    app = createTestApp(db);
  });
  afterAll(async () => drop());

  it('serves a page in the language of its prefix, with every site link in that language', async () => {
    const html = await (await app.request('/fr/practices?theme=housing')).text();
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain(`<h1>${catalogues.fr['search.title']}</h1>`);
    expect(html).toContain('action="/fr/practices"');
    expect(html).toContain('href="/fr/map"');
    // Language-neutral addresses keep no prefix.
    expect(html).toMatch(/href="\/assets\/site\.[0-9a-f]+\.css"/);
    expect(html).not.toMatch(/href="\/(?!fr\/|fr"|assets\/|api\/|favicon|en\/|ar\/|zh\/|ru\/|es\/|en"|ar"|zh"|ru"|es")/);
  });

  it('offers every language for the same page and filters, and hreflang alternates', async () => {
    const html = await (await app.request('/fr/practices?theme=housing')).text();
    // The switcher's links mark the choice, which the server remembers before cleaning the address.
    for (const l of ['ar', 'zh', 'en', 'ru', 'es']) expect(html).toContain(`href="/${l}/practices?theme=housing&amp;choose-language=1" hreflang="${l}"`);
    expect(html).toContain('<link rel="alternate" hreflang="es" href="http://localhost:3000/es/practices?theme=housing"/>');
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="http://localhost:3000/practices?theme=housing"/>');
    expect(html).toContain('<link rel="canonical" href="http://localhost:3000/fr/practices?theme=housing"/>');
  });

  it('lays Arabic out right to left', async () => {
    const html = await (await app.request('/ar')).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
  });

  it('follows Accept-Language on a first visit, then remembers the choice', async () => {
    const first = await app.request('/practices?q=housing', { headers: { 'accept-language': 'es-EC,es;q=0.9,en;q=0.5' } });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/es/practices?q=housing');

    const chosen = await app.request('/en/practices?q=housing&choose-language=1');
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe('/en/practices?q=housing');
    expect(chosen.headers.get('set-cookie')).toContain('lang=en');
    expect(chosen.headers.get('cache-control')).toBe('private, no-store');
    const later = await app.request('/practices', { headers: { 'accept-language': 'es', cookie: 'lang=en' } });
    expect(later.status).toBe(200);
    const remembered = await app.request('/map', { headers: { cookie: 'lang=ru' } });
    expect(remembered.headers.get('location')).toBe('/ru/map');
  });

  it('does not take a visit to a page in a language for a choice: unprefixed addresses stay in English', async () => {
    const visit = await app.request('/zh/practices/nyc-idnyc');
    expect(visit.status).toBe(200);
    expect(visit.headers.get('set-cookie') ?? '').not.toContain('lang=');
    const map = await app.request('/map');
    expect(map.status).toBe(200);
    expect(await map.text()).toContain('<html lang="en" dir="ltr">');
  });

  it('never redirects data: the API and downloads are the same in every language', async () => {
    const api = await app.request('/api/v1/practices', { headers: { 'accept-language': 'fr' } });
    expect(api.status).toBe(200);
    const csv = await app.request('/practices/export.csv', { headers: { 'accept-language': 'fr' } });
    expect(csv.status).toBe(200);
  });

  it('shows a practice in the translation of the interface language, or says it has none', async () => {
    const es = await (await app.request('/es/practices/nyc-idnyc')).text();
    expect(es).toContain('<h1 lang="es" dir="auto">IDNYC: el carnet de identidad municipal gratuito de Nueva York</h1>');
    const ru = await (await app.request('/ru/practices/nyc-idnyc')).text();
    expect(ru).toContain('<h1 lang="en" dir="auto">');
    expect(ru).toContain('class="notice" role="note"');
  });

  it('localises vocabulary, country and region names', async () => {
    const html = await (await app.request('/zh/practices?theme=housing&region=150')).text();
    expect(html).toContain(catalogues.zh['theme.housing']);
    expect(html).toContain('欧洲');
  });
});
