import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import type { Mail } from '../src/mail/mailer.ts';
import { resourcesChangedAfter } from '../src/resources/resource.repo.ts';
import { resourceDublinCore } from '../src/resources/resource-dc.ts';
import { createLogger } from '../src/shared/logger.ts';
import { signedInClient } from './support/account-client.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, testEngines } from './support/test-db.ts';

/** The seeded OECD study: linked to Berlin, Athens, Vienna and Barcelona. */
const oecd = 'working-together-for-local-integration-of-migrants-and-refug';
/** The seeded TRIEC evaluation: linked to its practice and to Toronto. */
const triec = 'mentoring-more-than-doubles-a-newcomer-s-chances-of-securing';

/** The fields of a complete resource form. */
const resourceForm = (title: string, overrides: Record<string, string | string[]> = {}) => ({
  title,
  type: 'toolkit',
  publisher: 'City of Turin',
  authors: 'Anna Rossi\nLuca Bianchi',
  year: '2021',
  languages: 'it, en',
  themes: ['housing', 'reception-and-welcoming'],
  regions: ['150'],
  abstract: 'How the city opened flats to refugee families with a neighbourhood host each.',
  url: 'https://example.org/turin-housing-toolkit',
  archive_url: '',
  licence: 'CC BY 4.0',
  practices: 'turin-porta-palazzo-the-gate',
  cities: '',
  organizations: '',
  ...overrides,
});

describe.each(testEngines())('the resource library on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const sent: Mail[] = [];
  const page = async (url: string) => mainText(await (await app.request(url)).text());
  const json = async (url: string) => (await app.request(url)).json();

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', TRUST_PROXY: 'true' });
    app = createApp({ db, config, log: createLogger('silent'), mailer: { send: async (m) => void sent.push(m) } });
  });
  afterAll(() => drop());

  it('lists the seeded publications, searched like practices and filtered by type, theme, region, language and year', async () => {
    expect(await page('/resources')).toMatch(/Resource library .* 18 resources/);
    // Best match first: the two intercultural-city publications lead a search for the word.
    const [first, second] = (await json('/api/v1/resources?q=intercultural')).items.map((r: { slug: string }) => r.slug);
    expect([first, second].sort()).toEqual(['intercultural-cities-index', 'the-intercultural-city-step-by-step']);
    // Read with the catalogue's rules: a French query finds the English study through its stems and glossary.
    expect((await json('/api/v1/resources?q=int%C3%A9gration%20locale')).items[0].slug).toBe(oecd);
    expect((await json('/api/v1/resources?q=%22migrants%20and%20cities%22')).items.map((r: { slug: string }) => r.slug)).toContain(
      'world-migration-report-2015-migrants-and-cities-new-partners',
    );
    const datasets = await json('/api/v1/resources?type=dataset&page_size=100');
    expect(datasets.total).toBeGreaterThanOrEqual(5);
    expect(datasets.items.every((r: { type: string }) => r.type === 'dataset')).toBe(true);
    const filtered = await json('/api/v1/resources?theme=housing&region=150&year=2018&language=en');
    expect(filtered.items.map((r: { slug: string }) => r.slug)).toEqual([oecd]);
    expect(await page('/resources?language=ar&type=video')).toContain('No resource matches');
    expect((await app.request('/resources?type=poster')).status).toBe(400);
    expect((await app.request('/api/v1/resources?year=soon')).status).toBe(400);
  });

  it('shows a resource with its metadata and links, and is linked both ways with practices, cities and organisations', async () => {
    const text = await page(`/resources/${oecd}`);
    expect(text).toContain('Working Together for Local Integration of Migrants and Refugees');
    expect(text).toMatch(/Publisher OECD Publishing .*Year 2018/);
    expect(text).toMatch(/Cities .*Berlin/);
    const detail = await json(`/api/v1/resources/${triec}`);
    expect(detail.links).toEqual(
      expect.arrayContaining([
        { kind: 'practice', target: 'toronto-triec-mentoring-partnership', url: 'http://localhost:3000/practices/toronto-triec-mentoring-partnership' },
        { kind: 'city', target: 'ca/toronto', url: 'http://localhost:3000/cities/ca/toronto' },
      ]),
    );
    for (const other of ['/practices/toronto-triec-mentoring-partnership', '/cities/ca/toronto']) {
      const html = await (await app.request(other)).text();
      expect(html).toContain(`href="/resources/${triec}"`);
    }
    const iom = await (await app.request('/organizations/international-organization-for-migration')).text();
    expect(iom).toContain('href="/resources/world-migration-report-2015-migrants-and-cities-new-partners"');
    expect((await app.request('/resources/no-such-thing')).status).toBe(404);
  });

  it('exports the library as CSV and JSON, gives an Atom feed and a Dublin Core record for harvesters', async () => {
    const csv = await (await app.request('/resources/export.csv?type=dataset')).text();
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header).toBe('slug,type,title,publisher,authors,year,languages,themes,regions,abstract,link,archived_link,pdf,licence,url,updated');
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const all = await json('/resources/export.json');
    expect(all).toHaveLength(18);
    expect(all.find((r: { slug: string }) => r.slug === oecd)).toMatchObject({ link: 'https://doi.org/10.1787/9789264085350-en', year: 2018 });
    const feed = await app.request('/resources/feed.atom?theme=employment');
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await feed.text();
    expect(xml).toContain('<id>http://localhost:3000/resources/feed.atom?theme=employment</id>');
    expect(xml).toContain(`<id>http://localhost:3000/resources/${triec}</id>`);
    const [first] = await resourcesChangedAfter(db, undefined, 1);
    const dc = resourceDublinCore(first, (slug) => `http://localhost:3000/resources/${slug}`);
    expect(dc.map((f) => f.name)).toEqual(
      expect.arrayContaining(['title', 'creator', 'publisher', 'type', 'language', 'subject', 'description', 'identifier']),
    );
    expect(await resourcesChangedAfter(db, { stamp: first.stamp, id: first.id }, 100)).toHaveLength(17);
  });

  it('goes through the practices’ review: submitted, sent back, corrected with a PDF, published, then edited by an editor', async () => {
    const member = await signedInClient(app, db, 'member', 'Resource Submitter');
    const editor = await signedInClient(app, db, 'editor', 'Resource Editor');
    // Bad input: the form again with its problems, nothing written.
    const bad = await member.b.submit('/resources/submit', '/resources/submit', {
      ...resourceForm(''),
      request_key: 'k'.repeat(20),
      url: 'ftp://x',
      action: 'send',
    });
    expect(bad.status).toBe(400);
    expect(mainText(await bad.text())).toMatch(/Give a title.*Give a web address/);
    const key = /name="request_key" value="([^"]+)"/.exec((await member.b.page('/resources/submit')).html)?.[1] as string;
    const sentRes = await member.b.submit('/resources/submit', '/resources/submit', {
      ...resourceForm('Opening flats in Turin'),
      request_key: key,
      action: 'send',
    });
    expect(sentRes.status).toBe(303);
    const submissionPath = sentRes.headers.get('location') as string;
    const id = Number(submissionPath.split('/').pop());

    // The editors' queue lists it with the practices' submissions; the editor asks for changes (the submitter is mailed).
    expect(mainText((await editor.b.page('/review')).html)).toMatch(/Opening flats in Turin.*Resource/);
    expect(mainText((await editor.b.page(submissionPath)).html)).toMatch(/Publisher City of Turin/);
    const asked = await editor.b.submit(submissionPath, `${submissionPath}/request-changes`, { message: 'Please attach the PDF.' });
    expect(asked.status).toBe(303);
    expect(sent.at(-1)?.subject).toMatch(/Opening flats in Turin/);

    // The submitter attaches a PDF (checked by content), then sends the draft again.
    const draftPath = `/resources/submissions/${id}`;
    const upload = (bytes: string, name: string) => {
      const form = new FormData();
      return member.b.tokenFrom(draftPath).then((token) => {
        form.append('_csrf', token);
        form.append('file', new File([bytes], name, { type: 'application/pdf' }));
        return member.b.request(`${draftPath}/file`, { method: 'POST', body: form, headers: { origin: 'http://localhost:3000' } });
      });
    };
    expect((await upload('<html>not a pdf</html>', 'fake.pdf')).status).toBe(400);
    expect((await upload('%PDF-1.4 flats', 'flats.pdf')).status).toBe(303);
    const { html: draftHtml } = await member.b.page(draftPath);
    expect(draftHtml).toContain('flats.pdf');
    const version = /name="version" value="(\d+)"/.exec(draftHtml)?.[1] as string;
    const again = await member.b.submit(draftPath, draftPath, { ...resourceForm('Opening flats in Turin'), version, action: 'send' });
    expect(again.headers.get('location')).toBe(submissionPath);
    // Someone else may not read the draft or its PDF.
    const stranger = await signedInClient(app, db, 'member', 'Stranger');
    expect((await stranger.b.request(`${draftPath}/file`)).status).toBe(403);

    const published = await editor.b.submit(submissionPath, `${submissionPath}/publish`, {});
    expect(published.status).toBe(303);
    expect(sent.at(-1)?.text).toMatch(/Opening flats in Turin/);
    const slug = 'opening-flats-in-turin';
    expect(await page(`/resources/${slug}`)).toMatch(/Opening flats in Turin .*Toolkit.*Anna Rossi/);
    const pdf = await app.request(`/resources/${slug}/file`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(await pdf.text()).toBe('%PDF-1.4 flats');
    expect(await (await app.request('/practices/turin-porta-palazzo-the-gate')).text()).toContain(`href="/resources/${slug}"`);

    // An editor changes it (audited with the fields before and after); a save over a newer one is refused.
    const editPath = `/resources/${slug}/edit`;
    expect((await member.b.request(editPath)).status).toBe(403);
    const edited = await editor.b.submit(editPath, editPath, { ...resourceForm('Opening flats in Turin', { year: '2022' }), version: '1' });
    expect(edited.status).toBe(303);
    const stale = await editor.b.submit(editPath, editPath, { ...resourceForm('Opening flats in Turin', { year: '2023' }), version: '1' });
    expect(stale.status).toBe(409);
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('target', '=', `resource:${slug}`).execute();
    expect(audit).toEqual([{ action: 'resource_edit', details: expect.objectContaining({ before: { year: 2021 }, after: { year: 2022 } }) }]);
    expect((await json(`/api/v1/resources/${slug}`)).year).toBe(2022);
  });
});
