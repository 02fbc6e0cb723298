import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import type { PracticeRecord } from '../src/practices/practice.schema.ts';
import { practiceRecord } from './support/practice-record.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

/** A valid practice with every field filled in; overrides replace fields. */
function filledPractice(overrides: Partial<PracticeRecord> = {}): PracticeRecord {
  return practiceRecord({
    id: 'lyon-market-hall-welcome-desk',
    title: 'Welcome desk in the Lyon market hall',
    summary: 'A desk where newcomers get advice from volunteers who arrived earlier.',
    body: '# How the desk runs\n\nVolunteers staff it **twice a week**.\n\n## Funding\n\nSee https://example.org/report for details.',
    level: 'regional',
    started: 2010,
    ended: 2018,
    status: 'mainstreamed',
    themes: ['reception-and-welcoming', 'public-space-and-urban-planning'],
    actor_types: ['local-government', 'migrant-association'],
    lead_organization: 'Ville de Lyon',
    partners: [{ name: 'Fondation Rhône', support: 'financial' }, { name: 'Neighbours Network' }],
    target_groups: ['newcomers'],
    challenge: 'Newcomers did not know where to ask.',
    approach: 'A desk in the market hall, staffed by volunteers.',
    outcomes: 'About 2,000 visits a year.',
    evaluation: 'An external evaluation in 2016.',
    lessons: 'Opening hours mattered more than location.',
    transferability: 'Works wherever a busy public market exists.',
    evidence_level: 2,
    adapted_from: [{ id: 'turin-porta-palazzo-the-gate', changes: 'A desk instead of a whole regeneration programme.' }],
    sources: [{ url: 'https://example.org/lyon-desk', title: 'Lyon desk report' }, { url: 'https://example.org/untitled' }],
    translations: { fr: { title: 'Accueil aux halles de Lyon', machine: true } },
    updated: '2024-03-15',
    ...overrides,
  });
}

/** A record whose text fields try to smuggle in script, event handlers and javascript: links. */
const hostile = filledPractice({
  id: 'hostile-markdown-test',
  title: 'Hostile <b>markup</b> test',
  summary: 'Summary with <script>alert("summary")</script> in it.',
  body: 'Hello <script>alert("body")</script>\n\n<img src=x onerror=alert(1)>\n\n[click me](javascript:alert(2)) and [ok](https://example.org/ok)',
  challenge: '[sneaky](JaVaScRiPt:alert(3)) <a href="javascript:alert(4)">raw link</a>',
  adapted_from: undefined,
  translations: undefined,
});

async function save(db: Database, record: PracticeRecord): Promise<void> {
  await db.transaction().execute((trx) => upsertPractice(trx, record, { author: 'test', message: 'practice page test' }));
}

/** The JSON-LD blocks of a page, parsed. */
function jsonLdOf(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

describe.each(testEngines())('practice page on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    await save(db, filledPractice());
    await save(db, hostile);
    app = createTestApp(db);
  });
  afterAll(() => drop());

  async function page(path: string): Promise<string> {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    return res.text();
  }

  it('shows the fields of a demo practice with links to its city, country, themes and sources', async () => {
    const html = await page('/practices/turin-porta-palazzo-the-gate');
    expect(html).toContain('<h1 lang="en" dir="auto">The Gate – Living not Leaving: regeneration of the Porta Palazzo market district</h1>');
    expect(html).toContain('<a href="/cities/it/turin">Turin</a>');
    expect(html).toContain('<a href="/countries/it">Italy</a>');
    expect(html).toContain('<a href="/practices?region=039">Southern Europe</a>');
    expect(html).toContain('<a href="/practices?theme=employment">Employment</a>');
    expect(html).toContain('City of Turin / Comitato Progetto Porta Palazzo');
    expect(html).toContain('Compagnia di San Paolo');
    expect(html).toContain('immigrant communities');
    expect(html).toContain('Since 1996');
    expect(html).toContain('>Outcomes</h2>');
    expect(html).toContain('18 actions completed');
    expect(html).toMatch(/<a href="http:\/\/comune\.torino\.it\/portapalazzo\/progetto"[^>]*>Il progetto Porta Palazzo – Progetto The Gate<\/a>/);
    expect(html).toContain('<link rel="canonical" href="http://localhost:3000/practices/turin-porta-palazzo-the-gate"/>');
    expect(html).toContain('href="/api/v1/practices/turin-porta-palazzo-the-gate"');
  });

  it('shows five similar practices and a citation with the permanent address', async () => {
    const html = await page('/practices/turin-porta-palazzo-the-gate');
    const similar = html.split('id="similar-heading"')[1]?.split('</section>')[0] ?? '';
    expect(similar.match(/<a href="\/practices\/[a-z0-9-]+" dir="auto">/g)).toHaveLength(5);
    expect(similar).not.toContain('/practices/turin-porta-palazzo-the-gate"');
    expect(html).toMatch(
      /class="cite" dir="auto">[^<]*\(\d{4}\)\. The Gate – Living not Leaving: [^<]*\. In: Clearinghouse\. http:\/\/localhost:3000\/practices\/turin-porta-palazzo-the-gate \(accessed \d{4}-\d{2}-\d{2}\)</,
    );
  });

  it('shows every field of a complete record, partners with their kind of support', async () => {
    const html = await page('/practices/lyon-market-hall-welcome-desk');
    for (const text of [
      'Regional',
      '2010–2018',
      'Mainstreamed into a regular service',
      '<a href="/practices?actor=migrant-association">Migrant association</a>',
      'Ville de Lyon',
      // Names are isolated, so one in another script than the page keeps its place beside its bullet.
      '<li><bdi>Fondation Rhône</bdi> (Financial support)</li>',
      '<li><bdi>Neighbours Network</bdi></li>',
      '<a href="/practices?target=newcomers"><bdi>newcomers</bdi></a>',
      '2 · Correlation',
      'March 15, 2024',
      'Newcomers did not know where to ask.',
      'A desk in the market hall, staffed by volunteers.',
      'About 2,000 visits a year.',
      'An external evaluation in 2016.',
      'Opening hours mattered more than location.',
      'Works wherever a busy public market exists.',
      'Ville de Lyon; Fondation Rhône; Neighbours Network (2024). Welcome desk in the Lyon market hall. In: Clearinghouse.',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(/<a href="https:\/\/example\.org\/lyon-desk"[^>]*>Lyon desk report<\/a>/);
    expect(html).toMatch(/<a href="https:\/\/example\.org\/untitled"[^>]*>https:\/\/example\.org\/untitled<\/a>/);
  });

  it('renders the description as Markdown with headings below the page headings', async () => {
    const html = await page('/practices/lyon-market-hall-welcome-desk');
    expect(html).toContain('<h3>How the desk runs</h3>');
    expect(html).toContain('<h4>Funding</h4>');
    expect(html).toContain('<strong>twice a week</strong>');
    expect(html).toMatch(/<a href="https:\/\/example\.org\/report"[^>]*>https:\/\/example\.org\/report<\/a>/);
    expect(html).not.toMatch(/<h1>How the desk runs/);
  });

  it('renders script, event handlers and javascript: links in records as text, never as markup', async () => {
    const html = await page('/practices/hostile-markdown-test');
    const withoutJsonLd = html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '');
    expect(withoutJsonLd).not.toMatch(/<script/i);
    expect(withoutJsonLd).not.toMatch(/<img/i);
    expect(withoutJsonLd).not.toMatch(/<[^>]*\sonerror=/i);
    expect(withoutJsonLd).not.toMatch(/href="\s*javascript:/i);
    expect(withoutJsonLd).not.toMatch(/<b>markup<\/b>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;');
    expect(html).toMatch(/<a href="https:\/\/example\.org\/ok"[^>]*>ok<\/a>/);
  });

  it('shows a lineage link to a practice that is not in the collection yet, with what changed', async () => {
    const html = await page('/practices/nyc-idnyc');
    expect(html).toContain('Adapted from');
    expect(html).toContain('<code>new-haven-elm-city-resident-card</code>');
    expect(html).toContain('Not in the collection yet');
    expect(html).toContain('Scaled from a city of about 130,000 to all five boroughs');
    expect(html).not.toContain('href="/practices/new-haven-elm-city-resident-card"');
  });

  it('links an adaptation and its source both ways', async () => {
    const adaptation = await page('/practices/lyon-market-hall-welcome-desk');
    const fromBox = adaptation.split('Adapted from</h3>')[1]?.split('</ul>')[0] ?? '';
    expect(fromBox).toContain('<a href="/practices/turin-porta-palazzo-the-gate" dir="auto">The Gate – Living not Leaving');
    expect(fromBox).toContain('A desk instead of a whole regeneration programme.');

    const source = await page('/practices/turin-porta-palazzo-the-gate');
    const byBox = source.split('Adapted by</h3>')[1]?.split('</ul>')[0] ?? '';
    expect(byBox).toContain('<a href="/practices/lyon-market-hall-welcome-desk" dir="auto">Welcome desk in the Lyon market hall</a>');
    expect(byBox).toContain('<bdi>Lyon</bdi>, France');
    expect(byBox).toContain('A desk instead of a whole regeneration programme.');
  });

  it('offers translations as language links and shows one on request, naming its language', async () => {
    const original = await page('/practices/nyc-idnyc');
    expect(original).toContain('href="/practices/nyc-idnyc?lang=es" hreflang="es"');
    expect(original).toContain('<span lang="es" dir="auto">Español</span>');

    const spanish = await page('/practices/nyc-idnyc?lang=es');
    expect(spanish).toContain('<h1 lang="es" dir="auto">IDNYC: el carnet de identidad municipal gratuito de Nueva York</h1>');
    expect(spanish).toContain('lang="es" dir="auto">IDNYC es un carnet de identidad');
    expect(spanish).toContain('You are reading a translation into Spanish.');
    expect(spanish).toMatch(/<a href="\/practices\/nyc-idnyc\?lang=en" hreflang="en">Read the original in English<\/a>/);
    // Fields without a translation stay in the original language.
    expect(spanish).toContain('<div class="prose" lang="en" dir="auto"><p>Launched in January 2015');
    expect(spanish).toContain('<link rel="canonical" href="http://localhost:3000/practices/nyc-idnyc"/>');
  });

  it('says when a translation was made by a machine', async () => {
    const html = await page('/practices/lyon-market-hall-welcome-desk?lang=fr');
    expect(html).toContain('<h1 lang="fr" dir="auto">Accueil aux halles de Lyon</h1>');
    expect(html).toContain('You are reading a machine translation into French.');
    expect(html).toContain('<p class="lead" lang="en" dir="auto">A desk where newcomers');
  });

  it('ignores a language the record is not translated into, or that is not a language code', async () => {
    for (const lang of ['de', 'en', 'xx-evil', '%3Cscript%3E']) {
      const html = await page(`/practices/nyc-idnyc?lang=${lang}`);
      expect(html).toContain('<h1 lang="en" dir="auto">IDNYC: New York City&#39;s free municipal identity card</h1>');
      expect(html).not.toContain('You are reading');
    }
  });

  it('describes the practice as schema.org JSON-LD', async () => {
    const [ld] = jsonLdOf(await page('/practices/lyon-market-hall-welcome-desk'));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'CreativeWork',
      url: 'http://localhost:3000/practices/lyon-market-hall-welcome-desk',
      name: 'Welcome desk in the Lyon market hall',
      inLanguage: 'en',
      dateModified: '2024-03-15',
      temporalCoverage: '2010/2018',
      spatialCoverage: { '@type': 'Place', address: { addressLocality: 'Lyon', addressCountry: 'FR' } },
      isBasedOn: ['http://localhost:3000/practices/turin-porta-palazzo-the-gate'],
    });
    const [hostileLd] = jsonLdOf(await page('/practices/hostile-markdown-test'));
    expect(hostileLd.description).toBe('Summary with <script>alert("summary")</script> in it.');
  });

  it('answers 404 with the error page for an unknown practice', async () => {
    for (const path of ['/practices/no-such-practice', '/practices/NOT-AN-ID']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Page not found');
    }
  });
});
