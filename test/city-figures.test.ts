import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFigures } from '../src/cities/figures-import.ts';
import { removeFigure } from '../src/cities/remove-figure.command.ts';
import type { Database } from '../src/db/database.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

const header = 'country,city,indicator,year,value,source_name,source_url,basis,note';
const csv = (...lines: string[]) => [header, ...lines].join('\n');
const author = { name: 'test:editor', userId: null };
const run = (db: Database, text: string, partial = false) => importFigures(db, text, { partial, author, source: 'test.csv' });

describe.each(testEngines())('city figures over time on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  const page = async (url: string) => (await app.request(url)).text();
  const count = async () =>
    Number(
      (
        await db
          .selectFrom('city_figures')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db);
  });
  afterAll(async () => drop());

  it('the demo cities carry their dated figures as yearly figures with their source', async () => {
    const rows = await db.selectFrom('city_figures').selectAll().where('country', '=', 'DE').where('slug', '=', 'duisburg').orderBy('indicator').execute();
    expect(rows.map((r) => [r.indicator, r.year, r.value, r.source_name])).toEqual([
      ['foreign-born-share', 2019, 15, 'hopenothate.org.uk'],
      ['population-total', 2019, 500000, 'hopenothate.org.uk'],
    ]);
    const text = mainText(await page('/cities/de/duisburg'));
    expect(text).toContain('Figures over time');
    expect(text).toMatch(/Total population Unit: .* Year Duisburg Source 2019 500,000 hopenothate\.org\.uk/);
    // One year draws no line: the table says it all.
    expect(await page('/cities/de/duisburg')).not.toContain('class="figure-chart"');
  });

  it('reports every error of a file with its line and column, and writes nothing', async () => {
    const before = await count();
    const summary = await run(
      db,
      csv(
        'DE,Berlin,employment-rate-gap,2019,-10.5,Statistik Berlin,https://example.org/b,,',
        'XX1,Berlin,employment-rate-gap,2019,1,S,,,',
        'DE,Atlantis,employment-rate-gap,2019,1,S,,,',
        'DE,Berlin,no-such-indicator,2019,1,S,,,',
        'DE,Berlin,foreign-born-share,2019,150,S,,,',
        'DE,Berlin,population-total,2019,12.5,S,,,',
        `DE,Berlin,employment-rate-gap,${new Date().getUTCFullYear() + 1},1,S,,,`,
        'DE,Berlin,employment-rate-gap,2018,abc,S,,,',
        'DE,Berlin,employment-rate-gap,2017,1,,,,',
        'DE,Berlin,employment-rate-gap,2016,1,S,javascript:alert(1),,',
        'DE,berlin,employment-rate-gap,2019,-9,Other,,,',
        'DE,Berlin,employment-rate-gap,2015,1,S,,,a\u0000b',
      ),
    );
    expect(summary.written).toBe(false);
    expect(summary.failed).toBe(11);
    const at = (line: number) => summary.issues.filter((i) => i.line === line).map((i) => `${i.column}: ${i.message}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['country: a two-letter country code (ISO 3166-1), e.g. DE']);
    expect(at(4)[0]).toMatch(/^city: no recorded city "Atlantis" in DE/);
    expect(at(5)[0]).toMatch(/^indicator: an indicator code of the framework/);
    expect(at(6)).toEqual(['value: between 0 and 100 for foreign-born-share (unit: %)']);
    expect(at(7)).toEqual(['value: a whole number for population-total']);
    expect(at(8)).toEqual(['year: a year that has begun']);
    expect(at(9)[0]).toMatch(/^value: a number/);
    expect(at(10)[0]).toMatch(/^source_name: /);
    expect(at(11)).toEqual(['source_url: a web address starting with http:// or https://']);
    expect(summary.issues.find((i) => i.line === 12)?.message).toBe('the same place, indicator and year as line 2');
    expect(at(13)).toEqual(['note: contains U+0000 (a control character) at character 2, which cannot be stored']);
    expect(await count()).toBe(before);
  });

  it('refuses a file with missing or unknown columns, or that is not CSV, before reading a line', async () => {
    const missing = await run(db, 'country,city,year,value\nDE,Berlin,2019,1');
    expect(missing.issues.map((i) => `${i.line} ${i.column}`)).toEqual(['1 indicator', '1 source_name']);
    const unknown = await run(db, `${header},colour\nDE,Berlin,employment-rate-gap,2019,1,S,,,,red`);
    expect(unknown.issues).toEqual([{ line: 1, column: 'colour', message: expect.stringContaining('unknown column "colour"') }]);
    const broken = await run(db, `${header}\nDE,"Berlin,employment-rate-gap,2019,1,S,,,`);
    expect(broken.written).toBe(false);
    expect(broken.issues[0].message).toMatch(/^not a valid CSV file/);
    expect((await run(db, '')).issues[0].message).toMatch(/^no figures/);
  });

  it('records figures over years, with the country beside them, drawn as a chart with a table', async () => {
    const summary = await run(
      db,
      csv(
        'DE,Berlin,employment-rate-gap,2019,-10.5,Statistik Berlin-Brandenburg,https://example.org/b,"Labour force survey, ages 20-64",',
        'DE,Berlin,employment-rate-gap,2021,-9.25,Statistik Berlin-Brandenburg,https://example.org/b,,',
        'DE,Berlin,employment-rate-gap,2023,-7,Statistik Berlin-Brandenburg,https://example.org/b,,provisional',
        'DE,,employment-rate-gap,2019,-12,Destatis,https://example.org/de,,',
        'DE,,employment-rate-gap,2023,-11,Destatis,https://example.org/de,,',
        'DE,Berlin,population-total,2023,3755251,Amt für Statistik,,register,',
      ),
    );
    expect(summary).toMatchObject({ created: 6, updated: 0, unchanged: 0, failed: 0, written: true });
    const html = await page('/cities/de/berlin');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
    expect(html).toContain('Employment rate gap, ages 20-64 in Berlin, 2019–2023');
    const text = mainText(html);
    expect(text).toContain('Unit: percentage points (residents born abroad minus those born in the country)');
    expect(text).toContain('Year Berlin Germany Source');
    expect(text).toContain('2019 -10.5 -12 Statistik Berlin-Brandenburg · Labour force survey, ages 20-64');
    expect(text).toContain('2021 -9.3 — Statistik Berlin-Brandenburg');
    expect(text).toContain('2023 -7 -11 Statistik Berlin-Brandenburg · provisional');
    // The chart says the figures in words for screen readers, units included.
    expect(html).toContain('Line chart of 3 yearly figures, from -10.5 percentage points in 2019 to -7 percentage points in 2023.');
    // Each figure's source is in its table; the summary points there.
    expect(text).toContain('Source with each year, under Figures over time');
    // The latest population becomes the city's own figure, as on the map and the country page.
    expect(text).toContain('Population 3,755,251 (2023)');
    // Context figures first, then outcomes, in the framework's order.
    expect(text.indexOf('Total population')).toBeLessThan(text.indexOf('Employment rate gap'));

    const record = await (await app.request('/api/v1/cities/de/berlin')).json();
    const gap = record.figures_by_year.find((s: { indicator: string }) => s.indicator === 'employment-rate-gap');
    expect(gap).toMatchObject({ unit: '%', unit_note: 'percentage points, foreign-born minus native-born', direction: 'higher-is-better' });
    expect(gap.city.map((f: { year: number; value: number }) => [f.year, f.value])).toEqual([
      [2019, -10.5],
      [2021, -9.25],
      [2023, -7],
    ]);
    expect(gap.city[0]).toMatchObject({
      source: { name: 'Statistik Berlin-Brandenburg', url: 'https://example.org/b' },
      basis: 'Labour force survey, ages 20-64',
      example: false,
    });
    expect(gap.country.map((f: { year: number }) => f.year)).toEqual([2019, 2023]);
  });

  it('records the top countries of birth as up to five pairs, named in the reader’s language, exported as they import', async () => {
    const refused = await run(
      db,
      csv(
        'AT,Vienna,top-countries-of-birth,2023,DEU 50000; XYZ 10,Statistik Austria,,,',
        'AT,Vienna,top-countries-of-birth,2022,DEU 50000; DEU 10,Statistik Austria,,,',
        'AT,Vienna,top-countries-of-birth,2021,DEU 1; SRB 2; TUR 3; POL 4; ROU 5; BIH 6,Statistik Austria,,,',
        'AT,Vienna,top-countries-of-birth,2020,Germany,Statistik Austria,,,',
      ),
    );
    expect(refused.written).toBe(false);
    expect(refused.issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 'value', 'XYZ is not an ISO 3166-1 alpha-3 country code (e.g. TUR, SYR, POL)'],
      [3, 'value', 'DEU is listed twice'],
      [4, 'value', 'at most 5 pairs of a country code and a count, separated by semicolons, e.g. TUR 97000; SYR 45000'],
      [5, 'value', '“Germany” is not a country code and a count: pairs of a country code and a count, separated by semicolons, e.g. TUR 97000; SYR 45000'],
    ]);
    const summary = await run(
      db,
      csv(
        'AT,Vienna,top-countries-of-birth,2023,"SRB 80,000; DEU 105000; tur 52000; POL 48000; ROU 38000",Statistik Austria,https://example.org/at,population register,',
      ),
    );
    expect(summary).toMatchObject({ created: 1, written: true });
    const text = mainText(await page('/cities/at/vienna'));
    expect(text).toContain('2023 Germany 105,000 Serbia 80,000 Türkiye 52,000 Poland 48,000 Romania 38,000 Statistik Austria · population register');
    expect(mainText(await page('/fr/cities/at/vienna'))).toContain('Allemagne 105 000');
    const record = await (await app.request('/api/v1/cities/at/vienna')).json();
    const top = record.figures_by_year.find((f: { indicator: string }) => f.indicator === 'top-countries-of-birth');
    expect(top.city[0]).toMatchObject({
      year: 2023,
      value: 323000,
      parts: [
        { country: 'DEU', count: 105000 },
        { country: 'SRB', count: 80000 },
        { country: 'TUR', count: 52000 },
        { country: 'POL', count: 48000 },
        { country: 'ROU', count: 38000 },
      ],
    });
    // The export holds the pairs as the import reads them: importing it again changes nothing.
    const exported = await (await app.request('/cities/figures.csv')).text();
    const line = exported.split('\n').find((l) => l.includes('top-countries-of-birth'));
    expect(line).toBe(
      'AT,Vienna,vienna,top-countries-of-birth,2023,DEU 105000; SRB 80000; TUR 52000; POL 48000; ROU 38000,Statistik Austria,https://example.org/at,population register,,no',
    );
    const again = await run(
      db,
      csv(
        'AT,Vienna,top-countries-of-birth,2023,DEU 105000; SRB 80000; TUR 52000; POL 48000; ROU 38000,Statistik Austria,https://example.org/at,population register,',
      ),
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('leaves identical figures alone, keeps every change as a revision, and audits the import', async () => {
    const again = await run(
      db,
      csv('DE,Berlin,employment-rate-gap,2019,-10.5,Statistik Berlin-Brandenburg,https://example.org/b,"Labour force survey, ages 20-64",'),
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const changed = await run(
      db,
      csv('DE,Berlin,employment-rate-gap,2019,-10.25,Statistik Berlin-Brandenburg,https://example.org/b,"Labour force survey, ages 20-64",corrected'),
    );
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const revisions = await db
      .selectFrom('figure_revisions')
      .selectAll()
      .where('slug', '=', 'berlin')
      .where('indicator', '=', 'employment-rate-gap')
      .where('year', '=', 2019)
      .orderBy('id')
      .execute();
    expect(revisions).toHaveLength(2);
    expect(revisions[0].before).toBeNull();
    expect(revisions[1]).toMatchObject({ author: 'test:editor', message: 'Import of test.csv' });
    expect((revisions[1].before as { value: number }).value).toBe(-10.5);
    expect((revisions[1].after as { value: number; note: string }).note).toBe('corrected');
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'figures').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.target).toBe('de/berlin');
    expect(audit.details).toMatchObject({ created: 0, updated: 1, unchanged: 0, author: 'test:editor' });
  });

  it('with partial, records the valid lines and reports the others', async () => {
    const summary = await run(
      db,
      csv('DE,Hamburg,naturalisation-rate,2022,1.4,Statistikamt Nord,,,', 'DE,Hamburg,naturalisation-rate,2023,250,Statistikamt Nord,,,'),
      true,
    );
    expect(summary).toMatchObject({ created: 1, failed: 1, written: true });
    expect(summary.issues).toEqual([{ line: 3, column: 'value', message: 'between 0 and 100 for naturalisation-rate (unit: %)' }]);
  });

  it('draws the chart right to left in Arabic, with the table in the same order of years', async () => {
    const html = await page('/ar/cities/de/berlin');
    const chart = html.match(/<svg[^>]*class="figure-chart"[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(chart).not.toBe('');
    const xs = [...chart.matchAll(/<circle[^>]*cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs.length).toBeGreaterThan(1);
    expect(xs[0]).toBeGreaterThan(xs[xs.length - 1]);
    expect(mainText(html)).toContain('الأرقام عبر الزمن');
  });

  it('says how figures are recorded where a city has none', async () => {
    await db.insertInto('cities').values({ country: 'PT', slug: 'no-figures-town', name: 'No Figures Town' }).execute();
    const text = mainText(await page('/cities/pt/no-figures-town'));
    expect(text).toContain('No yearly figures are recorded for this city yet. The indicators cities record');
  });

  it('removing the only population figure clears the city’s population everywhere; the share born abroad stays', async () => {
    expect(mainText(await page('/cities/de/duisburg'))).toContain('Population 500,000 (2019)');
    await removeFigure(db, { country: 'DE', slug: 'duisburg', indicator: 'population-total', year: 2019 }, author);
    const city = await db.selectFrom('cities').selectAll().where('slug', '=', 'duisburg').executeTakeFirstOrThrow();
    expect(city).toMatchObject({ population: null, population_year: null, foreign_born_share: 15, foreign_born_year: 2019 });
    const text = mainText(await page('/cities/de/duisburg'));
    expect(text).not.toContain('500,000');
    expect(text).toContain('Residents born abroad');
    await expect(removeFigure(db, { country: 'DE', slug: 'duisburg', indicator: 'population-total', year: 2019 }, author)).rejects.toThrow(/no figure/);
  });
});
