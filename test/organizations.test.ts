import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { seedDemoNetworkIfMissing } from '../src/demo/demo-seed.ts';
import { signedInClient } from './support/account-client.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

describe.each(testEngines())('the directory of organisations on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  const page = async (url: string) => (await app.request(url)).text();

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db, { TRUST_PROXY: 'true' });
  });
  afterAll(() => drop());

  it('is seeded with the organisations of the source documents and those the demo practices name', async () => {
    const all = await (await app.request('/api/v1/organizations?page_size=100')).json();
    // 28 from the source documents, and the practices' lead organisations and partners.
    expect(all.total).toBeGreaterThan(150);
    const [metropolis] = (await (await app.request('/api/v1/organizations?q=metropolis')).json()).items;
    expect(metropolis).toMatchObject({
      name: 'International Metropolis',
      type: 'academia',
      verified: false,
      url: expect.stringMatching(/\/organizations\/international-metropolis$/),
    });
    const text = mainText(await page('/organizations'));
    expect(text).toMatch(/Organisations Who works on migrant inclusion in cities/);
    expect(text).toMatch(/\d+ organisations/);
  });

  it('is searched by name, place or description and filtered by type, region and country; a wrong filter is a 400', async () => {
    const oxford = mainText(await page('/organizations?q=oxford'));
    expect(oxford).toContain('2 organisations');
    expect(oxford).toContain('International Migration Institute, University of Oxford');
    expect(oxford).toContain('Centre on Migration, Policy and Society, University of Oxford');
    // Accents folded: "societes" finds "Sociétés".
    expect(mainText(await page('/organizations?q=societes'))).toContain('Migrations Internationales, Espaces et Sociétés');
    const academiaInEurope = await (await app.request('/api/v1/organizations?type=academia&region=150&page_size=100')).json();
    expect(academiaInEurope.total).toBeGreaterThan(5);
    for (const o of academiaInEurope.items) expect(o).toMatchObject({ type: 'academia', region: '150' });
    const uganda = await (await app.request('/api/v1/organizations?country=ug')).json();
    expect(uganda.items.map((o: { name: string }) => o.name)).toContain('Arua Municipal Council (now Arua City)');
    expect((await app.request('/organizations?type=wizards')).status).toBe(400);
    const problem = await app.request('/api/v1/organizations?colour=blue');
    expect(problem.status).toBe(400);
    expect(JSON.stringify(await problem.json())).toContain('colour is not a parameter of this endpoint');
    expect((await app.request('/api/v1/organizations?page_size=101')).status).toBe(400);
  });

  it('pages the list, with a next link in the API until the last page', async () => {
    const first = await (await app.request('/api/v1/organizations?page_size=50')).json();
    expect(first.items).toHaveLength(50);
    // The next page starts after the last organisation read (a cursor): it follows on, none twice.
    expect(first.next).toMatch(/\/api\/v1\/organizations\?page_size=50&cursor=[\w-]+$/);
    const second = await (await app.request(first.next.replace('http://localhost:3000', ''))).json();
    expect(second.items[0]?.slug).toBe((await (await app.request('/api/v1/organizations?page_size=50&page=2')).json()).items[0]?.slug);
    const last = Math.ceil(first.total / 50);
    const end = await (await app.request(`/api/v1/organizations?page_size=50&page=${last}`)).json();
    expect(end.next).toBeNull();
    const names = new Set([...first.items, ...end.items].map((o: { slug: string }) => o.slug));
    expect(names.size).toBe(first.items.length + end.items.length);
    expect(mainText(await page('/organizations?page=2'))).toContain('Page 2 of');
  });

  it('shows an organisation with the practices that name it as lead organisation or as partner', async () => {
    const lead = mainText(await page('/organizations/arua-municipal-council-now-arua-city'));
    expect(lead).toContain('Practice it leads Strengthening reception, management and integration of involuntary migrants in Arua');
    const c40 = mainText(await page('/organizations/c40-cities'));
    expect(c40).toMatch(/Practices it supports as a partner .*Access to services for migrants working in Accra/);
    // The practice page links each organisation it names to the directory.
    const practice = await page('/practices/accra-informal-waste-migrants');
    expect(practice).toContain('<a href="/organizations/c40-cities"><bdi>C40 Cities</bdi></a>');
    expect(practice).toContain('<a href="/organizations/accra-metropolitan-assembly"><bdi>Accra Metropolitan Assembly</bdi></a>');
    const record = await (await app.request('/api/v1/organizations/c40-cities')).json();
    expect(record.practices).toBeGreaterThan(1);
    expect(record.practice_list).toContainEqual(expect.objectContaining({ id: 'accra-informal-waste-migrants', role: 'partner' }));
    // The link is read from the practice records as they are now: a practice that stops naming it is gone from the page.
    await db.updateTable('practices').set({ lead_organization: 'Arua City Council' }).where('id', '=', 'arua-involuntary-migrants-integration').execute();
    expect(mainText(await page('/organizations/arua-municipal-council-now-arua-city'))).toContain('No practice of the collection names this organisation yet.');
    expect((await app.request('/organizations/no-such-organisation')).status).toBe(404);
    expect((await app.request('/api/v1/organizations/no-such-organisation')).status).toBe(404);
    // In French, the page's words are French.
    expect(mainText(await page('/fr/organizations/c40-cities'))).toContain('Pratiques qu’elle soutient comme partenaire');
  });

  it('an editor verifies an organisation: a badge on its page, in the list and the API, audited; a member may not', async () => {
    const editor = await signedInClient(app, db, 'editor', 'Edna Editor');
    const form = await editor.b.page('/organizations/international-metropolis');
    expect(form.html).toContain('Mark as verified');
    expect(await page('/organizations/international-metropolis')).not.toContain('Mark as verified');
    const member = await signedInClient(app, db, 'member', 'Mo Member');
    expect((await member.b.submit('/account', '/organizations/international-metropolis/verify', { verified: 'yes' })).status).toBe(403);
    const done = await editor.b.submit('/organizations/international-metropolis', '/organizations/international-metropolis/verify', { verified: 'yes' });
    expect(done.status).toBe(303);
    expect(mainText(await page('/organizations/international-metropolis'))).toContain('Verified by the editors');
    expect(mainText(await page('/organizations?q=metropolis'))).toContain('Verified by the editors');
    expect((await (await app.request('/api/v1/organizations/international-metropolis')).json()).verified).toBe(true);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'organization_verify').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ target: 'international-metropolis', details: { verified: true } });
    expect((await editor.b.submit('/organizations/international-metropolis', '/organizations/no-such/verify', { verified: 'yes' })).status).toBe(404);
    expect(
      (await editor.b.submit('/organizations/international-metropolis', '/organizations/international-metropolis/verify', { verified: 'maybe' })).status,
    ).toBe(400);
  });

  it('exports the filtered directory as CSV that spreadsheets open', async () => {
    const bytes = Buffer.from(await (await app.request('/organizations/export.csv?type=un-agency')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.startsWith('slug,name,acronym,type,city,country,region,website,languages,themes,founded,verified,practices,url')).toBe(true);
    // UN-Habitat is named by its acronym in the practices' partners.
    expect(csv).toMatch(
      /\nunited-nations-human-settlements-programme,United Nations Human Settlements Programme,UN-Habitat,un-agency,Nairobi,KE,002,http:\/\/www\.unhabitat\.org,,,,no,[1-9]\d*,/,
    );
    expect(csv).not.toContain('academia');
  });

  it('a demo database from before the directory gets it at start-up; a directory already filled is left alone', async () => {
    const before = Number(
      (
        await db
          .selectFrom('organizations')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(await seedDemoNetworkIfMissing(db)).toBe(0);
    await db.deleteFrom('organizations').execute();
    expect(await seedDemoNetworkIfMissing(db)).toBe(before);
    expect(mainText(await page('/organizations?q=metropolis'))).toContain('International Metropolis');
  });
});
