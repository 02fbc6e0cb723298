import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

describe.each(testEngines())('one search across the site on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  const text = async (url: string) => mainText(await (await app.request(url)).text());

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db);
  });
  afterAll(() => drop());

  it('finds practices, organisations, events and groups for one query, each with a link to its whole list', async () => {
    const html = await (await app.request('/search?q=housing')).text();
    const page = mainText(html);
    expect(page).toMatch(/Practices \((\d+)\)/);
    expect(Number(/Practices \((\d+)\)/.exec(page)?.[1])).toBeGreaterThan(5);
    expect(page).toMatch(/Groups \(1\)/);
    expect(html).toContain('href="/groups/housing"');
    expect(html).toContain('href="/practices?q=housing"');
    const un = mainText(await (await app.request('/search?q=united+nations')).text());
    expect(un).toContain('The Inter-ethnic City');
    const oxford = await text('/search?q=oxford');
    expect(oxford).toContain('International Migration Institute, University of Oxford');
  });

  it('drops a question’s stop words before looking in names, and reads the query in the interface’s language', async () => {
    // "how can … the" carry no topic: the directory is searched for "oxford" alone.
    expect(await text('/search?q=how+can+I+reach+the+people+in+oxford')).toContain('University of Oxford');
    expect(await text('/fr/search?q=logement')).toMatch(/Pratiques \(\d+\)/);
  });

  it('asks for a query when given none, refuses an unknown parameter, and is linked from the practices search', async () => {
    expect(await text('/search')).toContain('One search across the practices');
    expect((await app.request('/search?q=x&colour=blue')).status).toBe(400);
    expect(await (await app.request('/practices?q=housing')).text()).toContain('href="/search?q=housing"');
  });

  it('finds groups by the words of their name and description, in the groups list too', async () => {
    const html = await (await app.request('/groups?q=landlords')).text();
    expect(html).toContain('href="/groups/housing"');
    expect(html).not.toContain('href="/groups/language-learning"');
  });
});
