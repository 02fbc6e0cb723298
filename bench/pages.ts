/**
 * Every public page type, one request at a time, as a visitor meets it: a first view (the URL
 * never requested before) right after a write, so that no cache of the site version helps.
 * Starts the app as `npm start` does on a loaded database, waits for /readyz, then for each
 * page type requests `--each` distinct URLs; with --database-url, a practice is published
 * through the database before every request (the notification empties every page kept). On an
 * embedded folder the server is the only writer, so there the views are first views without a
 * write. Reports the server time (`server-timing`) and the time to the last byte.
 *
 *   npx tsx bench/pages.ts --database-url postgres://postgres@127.0.0.1:5432/bench_100k
 *   npx tsx bench/pages.ts --data-dir .bench/data-10k
 *   npx tsx bench/pages.ts --database-url … --only map,practice --cpu-prof .bench/profiles   # some page types, the server profiled
 */
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../src/db/database.ts';
import { seedDemoEvents } from '../src/demo/demo-events.ts';
import { seedDemoOrganizations } from '../src/demo/demo-organizations.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { projectPath } from '../src/shared/project-root.ts';
import { codeVersion } from './code-version.ts';
import { baseQueries } from './queries.ts';
import { get, serverTiming, startApp, stopApp, waitReady } from './support/app-process.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    each: { type: 'string', default: '40' },
    port: { type: 'string', default: '3951' },
    only: { type: 'string' },
    slowest: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const each = Number(values.each);
const url = values['database-url'];
const dataDir = path.resolve(values['data-dir'] ?? '.bench/data-10k');

interface Sampled {
  id: string;
  country: string | null;
  city_slug: string | null;
}

/** A sample of practices spread over the catalogue: from the database, or from the server's own API on an embedded folder it holds. */
async function samplePractices(db: Database | undefined): Promise<Sampled[]> {
  if (db) return (await sql<Sampled>`SELECT id, country, city_slug FROM practices ORDER BY md5(id) LIMIT ${each * 3}`.execute(db)).rows;
  const out: Sampled[] = [];
  for (let page = 1; out.length < each * 3 && page <= 20; page++) {
    const res = await get(`${app.base}/api/v1/practices?sort=title&page=${page * 7}`);
    const body = JSON.parse(res.bytes.toString('utf8')) as { items?: { id: string; country: string | null; city?: string | null }[] };
    for (const p of body.items ?? [])
      out.push({ id: p.id, country: p.country, city_slug: p.city ? p.city.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-') : null });
  }
  return out;
}

/** Words people look for in the directory of organisations. */
const directoryWords = ['migration', 'city', 'refugee', 'university', 'council', 'network', 'integration', 'foundation', 'oxford', 'unesco'];

/** Slugs of organisations of the directory, as its API lists them. */
async function organizationSlugs(base: string): Promise<string[]> {
  const res = await get(`${base}/api/v1/organizations?page_size=100`);
  const body = JSON.parse(res.bytes.toString('utf8')) as { items: { slug: string }[] };
  return body.items.map((o) => o.slug);
}

/** Themes the events list is filtered by, and the demo's events (demo/events.json), for the event pages. */
const eventThemes = ['social-cohesion', 'political-participation', 'reception-and-welcoming', 'culture-and-arts', 'housing'];
const demoEventIds = [
  'inter-ethnic-city-un-roundtable-2009',
  'alliance-of-civilizations-forum-istanbul-2009',
  'alliance-of-civilizations-forum-rio-2010',
  'example-webinar-welcoming-newcomers',
];

/** The thematic groups seeded at start-up (demo/groups.json), and the languages their pages are read in. */
const groupSlugs = [
  'housing',
  'language-learning',
  'political-participation',
  'employment',
  'education',
  'health',
  'anti-discrimination',
  'reception-and-welcoming',
  'data-and-research',
  'undocumented-migrants',
];
const localePrefixes = ['', '/fr', '/es', '/ar', '/ru', '/zh'];

/**
 * Pages of discussions of the housing group to read: with a database, five discussions with 45
 * replies each are written once (three pages each); on an embedded folder, the first page of those
 * its page lists.
 */
async function groupThreads(db: Database | undefined): Promise<string[]> {
  if (!db) {
    const res = await get(`${app.base}/groups/housing`);
    return [...new Set(res.bytes.toString('utf8').match(/\/groups\/housing\/threads\/\d+/g) ?? [])].map((t) => `${t}?page=1`);
  }
  const group = await db.selectFrom('groups').select('id').where('slug', '=', 'housing').executeTakeFirst();
  if (!group) return [];
  const existing = await db.selectFrom('group_threads').select('id').where('group_id', '=', group.id).limit(5).execute();
  if (existing.length === 0)
    await sql`
      WITH t AS (INSERT INTO group_threads (group_id, title, replies) SELECT ${group.id}, 'Bench discussion ' || n, 45 FROM generate_series(1, 5) n RETURNING id),
           o AS (INSERT INTO group_posts (thread_id, opening, body) SELECT id, true, 'Who has tried [ID NYC](/practices/nyc-idnyc)? **Rent guarantees** worked for us.' FROM t)
      INSERT INTO group_posts (thread_id, body) SELECT t.id, 'Reply ' || r || E': in our city\n\n- one desk\n- two languages' FROM t, generate_series(1, 45) r`.execute(
      db,
    );
  const threads = await db.selectFrom('group_threads').select('id').where('group_id', '=', group.id).orderBy('id').limit(5).execute();
  return threads.flatMap((t) => [1, 2, 3].map((page) => `/groups/housing/threads/${t.id}?page=${page}`));
}

/** The URLs of each page type, from the catalogue itself: practices, their countries and cities; and the groups' discussions. */
function pageUrls(practices: Sampled[], threads: string[], organizations: string[]): Record<string, string[]> {
  const ids = practices.map((r) => r.id);
  const countries = [...new Set(practices.flatMap((r) => (r.country ? [r.country.toLowerCase()] : [])))];
  const cities = [...new Set(practices.flatMap((r) => (r.country && r.city_slug ? [`${r.country.toLowerCase()}/${r.city_slug}`] : [])))];
  const themes = ['housing', 'health', 'education', 'employment', 'language', 'political-participation', 'culture-and-arts', 'anti-discrimination'];
  const searches = baseQueries.map((b) => `/practices?${b.query}`);
  const pick = (xs: string[]) => xs.slice(0, each);
  return {
    home: pick(Array.from({ length: each }, (_, i) => (i % 2 ? `/?v=${i}` : `/fr?v=${i}`))),
    practice: pick(ids.map((id) => `/practices/${id}`)),
    search: pick(searches),
    map: pick(Array.from({ length: each }, (_, i) => (i === 0 ? '/map' : `/map?theme=${themes[i % themes.length]}${i >= themes.length ? `&page=${i}` : ''}`))),
    country: pick(countries.map((c) => `/countries/${c}`)),
    city: pick(cities.map((c) => `/cities/${c}`)),
    api: pick(ids.map((id) => `/api/v1/practices/${id}`)),
    'api search': pick(searches.map((u) => u.replace('/practices?', '/api/v1/practices?'))),
    feed: pick(countries.map((c) => `/practices/feed.atom?country=${c.toUpperCase()}`)),
    'export (1st byte)': pick(countries.flatMap((c, i) => [`/practices/export.${i % 2 ? 'csv' : 'json'}?country=${c.toUpperCase()}`])),
    // The events list with its filters, and each event of the demo (a loaded database has the demo's events).
    events: pick(
      Array.from({ length: each }, (_, i) =>
        i === 0
          ? '/events'
          : `/events?when=${i % 2 ? 'past' : 'upcoming'}&theme=${eventThemes[i % eventThemes.length]}${i >= eventThemes.length ? `&page=${i}` : ''}`,
      ),
    ),
    // Each demo event in each language: as many first views as there are pairs.
    event: pick(
      Array.from(
        { length: Math.min(each, demoEventIds.length * 6) },
        (_, i) => `${localePrefixes[Math.floor(i / demoEventIds.length) % 6]}/events/${demoEventIds[i % demoEventIds.length]}`,
      ),
    ),
    // The directory searched and filtered, and its organisations' pages (each with the practices naming it).
    organizations: pick(
      Array.from({ length: each }, (_, i) =>
        i === 0
          ? '/organizations'
          : `/organizations?${i % 3 === 0 ? `q=${directoryWords[i % directoryWords.length]}` : i % 3 === 1 ? `theme=${themes[i % themes.length]}` : `region=${['150', '019', '002', '142', '009'][i % 5]}`}${i >= 15 ? `&page=${1 + (i % 2)}` : ''}`,
      ),
    ),
    organization: pick(organizations.map((slug) => `/organizations/${slug}`)),
    // A group's page in each language (a query of its own once the pairs repeat), and discussions with their pages of replies.
    group: pick(Array.from({ length: each }, (_, i) => `${localePrefixes[i % 6]}/groups/${groupSlugs[i % groupSlugs.length]}${i >= 30 ? `?page=1` : ''}`)),
    ...(threads.length
      ? { thread: pick(Array.from({ length: each }, (_, i) => `${localePrefixes[i % 6]}${threads[Math.floor(i / 6) % threads.length]}`)) }
      : {}),
  };
}

const app = startApp(
  Number(values.port),
  url ? { DATABASE_URL: url } : { DATA_DIR: dataDir },
  values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [],
);
let writer: Database | undefined;
try {
  const ready = await waitReady(app, '/readyz', 900);
  console.log(
    `Pages, first view${url ? ' after a write' : ''}, code ${codeVersion()}, ${os.cpus().length} cores, ${url ? 'PostgreSQL' : `PGlite ${dataDir}`}; ready after ${(ready / 1000).toFixed(0)} s`,
  );
  writer = url ? await openDatabase({ kind: 'postgres', url, poolSize: 2 }) : undefined;
  // A corpus database has no demo practices, so the server seeds no demo events or directory: add them, as on a real site.
  if (writer) {
    await seedDemoEvents(writer, projectPath('demo'));
    if (!(await writer.selectFrom('organizations').select('id').limit(1).executeTakeFirst())) await seedDemoOrganizations(writer, projectPath('demo'));
  }
  const urls = pageUrls(await samplePractices(writer), await groupThreads(writer), await organizationSlugs(app.base));
  let writes = 0;
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  console.log('page       n   server p50   server p95   last byte p50   p95    max');
  for (const [kind, list] of Object.entries(urls)) {
    if (values.only && !values.only.split(',').includes(kind)) continue;
    const server: number[] = [];
    const slowest: { ms: number; url: string }[] = [];
    const wall: number[] = [];
    for (const u of list) {
      if (writer) {
        const w = writer;
        await w.transaction().execute((trx) =>
          upsertPractice(
            trx,
            {
              id: `bench-pages-write-${writes++ % 20}`,
              title: `Bench write ${Date.now()}`,
              summary: 'A write before a page view.',
              language: 'en',
              city: 'Turin',
              country: 'IT',
              themes: ['housing'],
            },
            { author: 'bench', message: 'bench' },
          ),
        );
        // The notification's trip (a few ms): the page after it is the first of the new version.
        await new Promise((r) => setTimeout(r, 20));
      }
      const t = performance.now();
      // A download is timed to its first byte and then dropped (a country's export is megabytes).
      const res = kind.startsWith('export') ? await firstByte(`${app.base}${u}`) : await get(`${app.base}${u}`, { 'accept-encoding': 'br' });
      wall.push(performance.now() - t);
      if (res.status !== 200) {
        console.log(`  ${u} answered ${res.status}`);
        continue;
      }
      server.push(serverTiming(res.headers as Record<string, string>));
      slowest.push({ ms: server[server.length - 1], url: u });
    }
    if (server.length === 0) {
      console.log(`${kind.padEnd(9)} every page failed`);
      continue;
    }
    const f = (x: number) => x.toFixed(1).padStart(8);
    if (values.slowest) for (const x of slowest.sort((a, b) => b.ms - a.ms).slice(0, 6)) console.log(`    ${x.ms.toFixed(1).padStart(7)} ms  ${x.url}`);
    console.log(
      `${kind.padEnd(9)} ${String(list.length).padStart(3)} ${f(pct(server, 50))} ms ${f(pct(server, 95))} ms ${f(pct(wall, 50))} ms ${f(pct(wall, 95))} ${f(Math.max(...server))}`,
    );
  }
} finally {
  await writer?.destroy();
  await stopApp(app.child);
}

/** Status and headers of a GET once its first body byte arrives; the rest is not read. */
function firstByte(address: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get(address, (res) => {
      res.once('data', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
        req.destroy();
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
  });
}
