import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { framework } from '../src/framework/framework.ts';
import { type Answer, scoreAssessment } from '../src/framework/scoring.ts';
import { setRepresentative } from '../src/self-assessment/grant-representative.command.ts';
import { signedInClient } from './support/account-client.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

const [first, second] = framework.dimensions;

/** Every question of the first two dimensions answered with the option worth `points` (the others not answered). */
function answers(points: 0 | 50 | 100): Record<string, Answer> {
  return Object.fromEntries(
    [first, second].flatMap((d) => d.questions.map((q) => [q.code, { option: q.options.find((o) => o.score === points)?.value as string }])),
  );
}

describe.each(testEngines())('peers and the benchmark on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;

  /** A city with a published snapshot of its own (not an example). */
  const publish = async (
    country: string,
    slug: string,
    population: number,
    points: 0 | 50 | 100,
    visibility: 'public' | 'private' = 'public',
    at = '2026-01-01',
  ) => {
    await db
      .insertInto('cities')
      .values({ country, slug, name: slug[0].toUpperCase() + slug.slice(1), population })
      .onConflict((oc) => oc.columns(['country', 'slug']).doUpdateSet({ population }))
      .execute();
    const score = scoreAssessment(framework, answers(points));
    const { id } = await db
      .insertInto('city_assessments')
      .values({ country, slug, framework_version: 1, state: 'published', visibility, published_at: new Date(at), scores: JSON.stringify(score) })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [question, a] of Object.entries(answers(points)))
      await db
        .insertInto('city_assessment_answers')
        .values({ assessment_id: String(id), question, option: 'option' in a ? a.option : null, unanswered: null })
        .execute();
    return String(id);
  };

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db, { TRUST_PROXY: 'true' });
  });
  afterAll(() => drop());

  it('shows the demo’s examples, marked, while no city has published its own', async () => {
    const text = mainText(await (await app.request('/benchmark')).text());
    expect(text).toContain('No city has published its own self-assessment yet.');
    expect(text).toContain('example data');
  });

  it('lists every city’s latest public index, filtered and ordered; private ones and examples never', async () => {
    await publish('FR', 'lyon', 520_000, 100);
    await publish('FR', 'lyon', 520_000, 0, 'public', '2025-01-01'); // older: not the latest
    await publish('IT', 'turin', 850_000, 50);
    await publish('PT', 'porto', 230_000, 0);
    await publish('BR', 'recife', 1_500_000, 50);
    await publish('NL', 'leiden', 125_000, 100, 'private');
    const html = await (await app.request('/benchmark')).text();
    const text = mainText(html);
    expect(text).not.toContain('No city has published its own self-assessment yet.');
    expect(text).not.toContain('example data');
    expect(text).not.toContain('Leiden');
    // Highest first: Lyon (100), then Turin and Recife (50, by name), then Porto (0).
    const order = ['Lyon', 'Recife', 'Turin', 'Porto'].map((c) => text.indexOf(c));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    const europe = mainText(await (await app.request('/benchmark?region=150&band=500k-2m')).text());
    expect(europe).toContain('Lyon');
    expect(europe).toContain('Turin');
    expect(europe).not.toContain('Recife');
    expect(europe).not.toContain('Porto');
    const byName = mainText(await (await app.request(`/benchmark?dimension=${second.code}&sort=city`)).text());
    expect(byName.indexOf('Lyon')).toBeLessThan(byName.indexOf('Porto'));
    expect((await app.request('/benchmark?region=mars')).status).toBe(400);
    const csv = Buffer.from(await (await app.request('/benchmark.csv?region=150')).arrayBuffer()).toString('utf8');
    expect(csv).toContain('FR,Lyon,lyon,150,520000,500k-2m,2026-01-01,no,100,');
    expect(csv).not.toContain('leiden');
  });

  it('compares a city with its peers: medians and ranges over three cities or more, never over fewer', async () => {
    await publish('ES', 'bilbao', 345_000, 50);
    // Europe: Lyon 100, Turin 50, Porto 0, Bilbao 50 — Lyon's peers are Turin, Porto, Bilbao: median 50, range 0–50.
    const text = mainText(await (await app.request('/cities/fr/lyon/assessment')).text());
    expect(text).toContain('Compared with peer cities');
    expect(text).toMatch(/Cities in Europe: 3 cities Dimension This city Peers’ median Range Peer cities Overall index 100 50 0–50 3/);
    // The private Leiden snapshot is counted nowhere: all cities are Turin, Porto, Recife, Bilbao.
    expect(text).toMatch(/All cities with a published self-assessment: 4 cities/);
    // Size band 500,000 to 2 million: Turin and Recife only, too few to show.
    expect(text).toMatch(/Cities of 500,000 to 2 million people: 2 cities .* Fewer than 3 peer cities: not shown/);
  });

  it('a representative chooses peer cities: the page compares with them too, and a wrong city is refused with what was typed kept', async () => {
    const rep = await signedInClient(app, db, 'member', 'Lyon Representative');
    await setRepresentative(db, rep.email, 'fr/lyon', true, { operator: 'test' });
    const edit = '/cities/fr/lyon/assessment/edit';
    const refused = await rep.b.submit(edit, '/cities/fr/lyon/assessment/peers', { peers: 'it/turin atlantis' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('Write each city as in the address of its page');
    expect(html).toContain('value="it/turin atlantis"');
    const saved = await rep.b.submit(edit, '/cities/fr/lyon/assessment/peers', { peers: 'it/turin pt/porto, es/bilbao' });
    expect(saved.status).toBe(303);
    expect((await rep.b.page(edit)).html).toContain('value="es/bilbao it/turin pt/porto"');
    const text = mainText(await (await app.request('/cities/fr/lyon/assessment')).text());
    // Turin 50, Porto 0, Bilbao 50: median 50, range 0–50, over the three chosen.
    expect(text).toMatch(/The peer cities this city chose: 3 cities Dimension This city Peers’ median Range Peer cities Overall index 100 50 0–50 3/);
    const other = await signedInClient(app, db, 'member', 'Not Lyon');
    expect((await other.b.submit('/account', '/cities/fr/lyon/assessment/peers', { peers: '' })).status).toBe(403);
  });

  it('a snapshot of another framework version keeps its own scores and is compared with nothing of version 1', async () => {
    // Porto answers a later version of the framework (its scores kept as published, every dimension 100).
    const later = scoreAssessment(framework, answers(100));
    const { id } = await db
      .insertInto('city_assessments')
      .values({
        country: 'PT',
        slug: 'porto',
        framework_version: 2,
        state: 'published',
        visibility: 'public',
        published_at: new Date('2026-06-01'),
        scores: JSON.stringify(later),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const text = mainText(await (await app.request('/cities/pt/porto/assessment')).text());
    expect(text).toContain('Published on June 1, 2026 · Framework version 2');
    expect(text).toMatch(/Overall index 100/);
    // Not compared with Porto's version 1 snapshot, nor with any city of version 1, and no practices from version 1's themes.
    expect(text).not.toMatch(/since January 1, 2026/);
    expect(text).toMatch(/All cities with a published self-assessment: 0 cities/);
    expect(text).not.toContain('Practices to learn from');
    // The version 1 snapshot is still there, with its comparisons; the benchmark lists version 1 only, Porto at 0.
    const snapshots = await db.selectFrom('city_assessments').select('id').where('slug', '=', 'porto').where('framework_version', '=', 1).execute();
    const first = mainText(await (await app.request(`/cities/pt/porto/assessment?snapshot=${snapshots[0].id}`)).text());
    expect(first).toContain('Published on January 1, 2026 · Framework version 1');
    expect(first).toMatch(/All cities with a published self-assessment: 4 cities/);
    const csv = Buffer.from(await (await app.request('/benchmark.csv')).arrayBuffer()).toString('utf8');
    expect(csv).toMatch(/\nPT,Porto,porto,150,230000,100k-500k,2026-01-01,no,0,/);
    expect(csv).not.toContain(`snapshot=${id}`);
  });
});
