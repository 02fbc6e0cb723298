/**
 * Soak test: 200 concurrent clients for 60 s over a mix of anonymous pages, searches never
 * asked before, the API and signed-in pages, with a catalogue import committed half-way.
 * Reports status classes (0 errors and 0 5xx expected), latency per kind of page, and each
 * instance's memory before and after. On PostgreSQL it runs several instances on one
 * database behind a round-robin proxy and then checks what must hold across them: a session
 * made on one instance works on the others, a rate limit counts attempts made on all of them,
 * and a write on one empties the caches of all (the imported practice is found everywhere).
 *
 *   npx tsx bench/soak.ts                                    # PGlite, one instance (demo data)
 *   npx tsx bench/soak.ts --database-url postgres://postgres@127.0.0.1:5432/postgres --instances 2
 *   npx tsx bench/soak.ts --duration 20 --connections 50     # a shorter run
 *   npx tsx bench/soak.ts --rounds 3                         # memory after each of three loads
 *   npx tsx bench/soak.ts --loaded-database … --think-ms 5000 # 200 people reading: each waits ~5 s (exponential) between pages
 *
 * With --database-url, a fresh database is created on that server and dropped afterwards.
 * With --loaded-database, an existing catalogue is used as it is (a corpus loaded by
 * bench/import.ts: `--loaded-database postgres://postgres@127.0.0.1:5432/bench_100k`): only the
 * visitors' accounts are added, and the database is kept.
 * Exits 1 when any request failed, any answer was a 5xx, or a cross-instance check failed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { rateRules } from '../src/accounts/rate-rules.ts';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo/demo-seed.ts';
import { createPostgresDatabase } from '../test/support/test-db.ts';
import { codeVersion } from './code-version.ts';
import { loadMix } from './queries.ts';
import { type AppProcess, get, loadDefaults, residentMiB, startApp, stopApp, waitReady } from './support/app-process.ts';
import { startRoundRobinProxy } from './support/round-robin-proxy.ts';
import { ms, summary } from './support/stats.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'loaded-database': { type: 'string' },
    instances: { type: 'string' },
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '200' },
    port: { type: 'string', default: '3950' },
    users: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '1' },
    'think-ms': { type: 'string' },
  },
});
const adminUrl = values['database-url'];
const instances = adminUrl ? Math.max(1, Number(values.instances ?? 2)) : 1;
const duration = Math.max(5, Number(values.duration));
const connections = Math.max(1, Number(values.connections));
const userCount = Math.max(1, Number(values.users));
// --rounds N: the same load N times on the same instances; memory after each round shows whether it levels off at the caches' bounds.
const rounds = Math.max(1, Number(values.rounds));
// --think-ms: each connection is a person who reads a page before asking for the next (an exponential wait of this mean); without it, connections ask again at once (saturation).
const thinkMs = values['think-ms'] ? Math.max(0, Number(values['think-ms'])) : undefined;
const basePort = Number(values.port);
const out = (line = '') => process.stdout.write(`${line}\n`);
const password = 'soak-test-password-1';

/** A signed-in visitor: the cookie header of its session. */
interface Visitor {
  email: string;
  cookie: string;
}

/** Cookies of a response as name=value pairs. */
function cookiesOf(setCookie: string[] | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of setCookie ?? []) {
    const pair = line.split(';')[0] ?? '';
    const at = pair.indexOf('=');
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
  }
  return jar;
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Posts a form with the page's CSRF token and cookies; returns the status and the cookie jar after. */
async function postForm(base: string, formPath: string, action: string, fields: Record<string, string>, jar = new Map<string, string>()) {
  const page = await fetch(`${base}${formPath}`, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
  for (const [k, v] of cookiesOf(page.headers.getSetCookie())) jar.set(k, v);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${base}${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ _csrf: token, ...fields }),
    redirect: 'manual',
  });
  for (const [k, v] of cookiesOf(res.headers.getSetCookie())) jar.set(k, v);
  await res.arrayBuffer();
  return { status: res.status, jar };
}

async function signIn(base: string, email: string): Promise<Visitor> {
  const { status, jar } = await postForm(base, '/login', '/login', { email, password });
  if (status !== 303) throw new Error(`sign-in of ${email} answered ${status}`);
  return { email, cookie: cookieHeader(jar) };
}

/** One request of the mix: what to ask, as whom, and its kind for the report. */
interface Ask {
  kind: string;
  path: string;
  cookie?: string;
}

/** The mix: mostly anonymous pages and new searches, some API calls, some signed-in pages. */
function buildMix(ids: string[], places: string[], visitors: Visitor[]): Ask[] {
  const searches = loadMix(4000, 3, { distinct: true });
  const asks: Ask[] = [];
  for (let i = 0; i < 4000; i++) {
    const r = i % 20;
    const id = ids[(i * 7) % ids.length] as string;
    const visitor = visitors[i % visitors.length] as Visitor;
    const search = searches[i % searches.length]?.query ?? 'q=housing';
    if (r < 7) asks.push({ kind: 'search', path: `/practices?${search}` });
    else if (r < 10) asks.push({ kind: 'practice', path: `/practices/${id}` });
    else if (r < 11) asks.push({ kind: 'home', path: i % 40 < 20 ? '/' : '/fr/' });
    else if (r < 12) asks.push({ kind: 'map', path: '/map' });
    else if (r < 13) asks.push({ kind: 'place', path: places[i % places.length] as string });
    else if (r < 15) asks.push({ kind: 'api', path: i % 2 ? `/api/v1/practices?${search}` : `/api/v1/practices/${id}` });
    else if (r < 16) asks.push({ kind: 'feed', path: '/practices/feed.atom' });
    else asks.push({ kind: 'signed-in', path: ['/account', '/my/submissions', '/submit', `/practices/${id}`][i % 4] as string, cookie: visitor.cookie });
  }
  return asks;
}

interface KindStats {
  times: number[];
  status: Record<string, number>;
}

/** Runs the mix with autocannon; latency per kind measured from each request's start to its answer. */
/** Records one answer under its kind. */
function record(byKind: Map<string, KindStats>, kind: string, ms: number, status: number): void {
  const stats = byKind.get(kind) ?? { times: [], status: {} };
  byKind.set(kind, stats);
  stats.times.push(ms);
  const cls = `${Math.floor(status / 100)}xx`;
  stats.status[cls] = (stats.status[cls] ?? 0) + 1;
}

/**
 * The mix asked by `connections` people, each waiting a random time (exponential, mean
 * `think` ms) after each answer before the next request: traffic as readers make it.
 */
async function soakWithReaders(url: string, mix: Ask[], halfway: () => void, think: number) {
  const byKind = new Map<string, KindStats>();
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const result = { errors: 0, timeouts: 0, requests: { total: 0 }, duration };
  let cursor = 0;
  const end = performance.now() + duration * 1000;
  const timer = setTimeout(halfway, (duration * 1000) / 2);
  const reader = async () => {
    // Readers arrive spread over the first think time, not all in the first millisecond.
    await new Promise((r) => setTimeout(r, Math.random() * think));
    while (performance.now() < end) {
      const ask = mix[cursor++ % mix.length] as Ask;
      const started = performance.now();
      const status = await new Promise<number>((resolve) => {
        const req = http.get(
          `${url}${ask.path}`,
          { agent, timeout: 30_000, headers: { 'accept-encoding': 'br', ...(ask.cookie ? { cookie: ask.cookie } : {}) } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
            res.on('error', () => resolve(0));
          },
        );
        req.on('timeout', () => {
          result.timeouts++;
          req.destroy();
        });
        req.on('error', () => resolve(0));
      });
      if (status === 0) result.errors++;
      else record(byKind, ask.kind, performance.now() - started, status);
      result.requests.total++;
      await new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * think));
    }
  };
  await Promise.all(Array.from({ length: connections }, reader));
  clearTimeout(timer);
  agent.destroy();
  return { result, byKind };
}

async function soak(url: string, mix: Ask[], halfway: () => void) {
  if (thinkMs !== undefined) return soakWithReaders(url, mix, halfway, thinkMs);
  const byKind = new Map<string, KindStats>();
  let cursor = 0;
  const instance = autocannon({
    url,
    connections,
    duration,
    ...loadDefaults,
    requests: [
      {
        setupRequest: (req, context) => {
          const ask = mix[cursor++ % mix.length] as Ask;
          context.kind = ask.kind;
          context.started = performance.now();
          return { ...req, path: ask.path, headers: { ...req.headers, ...(ask.cookie ? { cookie: ask.cookie } : {}) } };
        },
        onResponse: (status, _body, context) => record(byKind, String(context.kind), performance.now() - Number(context.started), status),
      },
    ],
  });
  const timer = setTimeout(halfway, (duration * 1000) / 2);
  const result = await instance;
  clearTimeout(timer);
  return { result, byKind };
}

/** A new practice in the exchange format, imported half-way through the load. */
function importFile(marker: string): string {
  const demo = JSON.parse(fs.readFileSync('demo/practices.json', 'utf8')) as { practices: Record<string, unknown>[] };
  const practice = { ...demo.practices[0], id: `soak-${marker}`, title: `Soak marker ${marker} practice` };
  const file = path.join(os.tmpdir(), `soak-${marker}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...demo, practices: [practice] }));
  return file;
}

// ---------------------------------------------------------------------------------------------
out(
  `# soak: ${adminUrl || values['loaded-database'] ? `PostgreSQL, ${instances} instance(s)${instances > 1 ? ' behind a round-robin proxy' : ''}` : 'PGlite, one instance'}, ${connections} ${thinkMs === undefined ? 'connections asking again at once' : `readers waiting ${thinkMs} ms on average between pages`}, ${duration} s`,
);
out(`code: ${codeVersion()}`);
out(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average before ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

// The database: demo data and signed-in visitors' accounts, prepared before any server starts.
const dataDir = path.resolve('.bench/soak-pglite');
const loaded = values['loaded-database'];
const pgDatabase = loaded ? { url: loaded, drop: async () => {} } : adminUrl ? await createPostgresDatabase(adminUrl, 'soak') : undefined;
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
const prepared = await openDatabase(pgDatabase ? { kind: 'postgres', url: pgDatabase.url } : { kind: 'pglite', dataDir: path.join(dataDir, 'db') });
await migrateToLatest(prepared);
if (!loaded) await seedDemo(prepared);
const emails = Array.from({ length: userCount }, (_, i) => `soak${i}@example.org`);
const existing = new Set((await prepared.selectFrom('users').select('email').where('email', 'in', emails).execute()).map((u) => u.email));
for (const email of emails) if (!existing.has(email)) await createUserWithRole(prepared, { email, role: 'member', name: email.split('@')[0], password });
await prepared.destroy();

const dbEnv: Record<string, string> = pgDatabase ? { DATABASE_URL: pgDatabase.url } : { DATA_DIR: dataDir };
const ports = Array.from({ length: instances }, (_, i) => basePort + 1 + i);
const proxy = instances > 1 ? await startRoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`)) : undefined;
const publicUrl = proxy?.url ?? `http://127.0.0.1:${ports[0]}`;
const apps: AppProcess[] = [];
let failed = false;
const check = (ok: boolean, what: string) => {
  out(`- ${ok ? 'ok' : 'FAILED'}: ${what}`);
  if (!ok) failed = true;
};
try {
  for (const port of ports) {
    const app = startApp(port, { ...dbEnv, SEED_DEMO: 'false', PUBLIC_URL: publicUrl, OUTBOX_DIR: path.join(os.tmpdir(), 'soak-outbox') });
    apps.push(app);
    // Listening first (/healthz), then ready (/readyz: migrations, data and search index warm).
    const waited = (await waitReady(app, '/healthz', 180)) + (await waitReady(app, '/readyz', 180));
    out(`instance ${app.base} ready in ${(waited / 1000).toFixed(1)} s`);
  }
  const front = publicUrl;
  const list = JSON.parse((await get(`${front}/api/v1/practices?sort=title`)).bytes.toString()) as {
    items?: { id: string; city?: string; country?: string }[];
    results?: { id: string }[];
  };
  const ids = (list.items ?? list.results ?? []).map((p) => p.id);
  if (ids.length === 0) throw new Error('no practice ids from /api/v1/practices');
  const places = ['/countries/gb', '/countries/de', '/cities/gb/cardiff', '/cities/de/berlin', '/countries/gr'];
  const visitors: Visitor[] = [];
  for (const email of emails) visitors.push(await signIn(front, email));
  const mix = buildMix(ids, places, visitors);

  // One pass over every kind first, so "before" memory includes what a warm instance holds.
  for (const ask of mix.slice(0, 200)) await get(`${front}${ask.path}`, ask.cookie ? { cookie: ask.cookie } : {});
  const rssBefore = apps.map((a) => residentMiB(a.child.pid));

  const marker = Date.now().toString(36);
  let imported: Promise<string> | undefined;
  const cli = (args: string[]) =>
    new Promise<string>((resolve) => {
      try {
        resolve(
          execFileSync(process.execPath, ['bin/clearinghouse.js', ...args], {
            env: { ...process.env, ...dbEnv },
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          }),
        );
      } catch (e) {
        resolve(`import failed: ${(e as Error).message}`);
      }
    });
  out(
    `\n## Load: ${mix.length} requests in the mix, ${connections} connections, ${duration} s${rounds > 1 ? ` × ${rounds} rounds` : ''}, one import committed half-way through the first\n`,
  );
  const memory: number[][] = [rssBefore];
  const { result, byKind } = await soak(front, mix, () => {
    imported = cli(['import', importFile(marker)]);
  });
  memory.push(apps.map((a) => residentMiB(a.child.pid)));
  for (let round = 2; round <= rounds; round++) {
    const again = await soak(front, mix, () => undefined);
    result.errors += again.result.errors;
    result.timeouts += again.result.timeouts;
    for (const [kind, s] of again.byKind) {
      const into = byKind.get(kind) ?? { times: [], status: {} };
      byKind.set(kind, into);
      into.times.push(...s.times);
      for (const [cls, n] of Object.entries(s.status)) into.status[cls] = (into.status[cls] ?? 0) + n;
    }
    result.requests.total += again.result.requests.total;
    result.duration += again.result.duration;
    memory.push(apps.map((a) => residentMiB(a.child.pid)));
  }
  const importOutput = imported ? await imported : 'import did not run';

  out('| kind | requests | 2xx | 3xx | 4xx | 5xx | p50 ms | p95 ms | p99 ms | max ms |');
  out('|---|---|---|---|---|---|---|---|---|---|');
  const all: number[] = [];
  let fiveHundreds = 0;
  for (const [kind, s] of [...byKind].sort()) {
    all.push(...s.times);
    fiveHundreds += s.status['5xx'] ?? 0;
    const t = summary(s.times);
    out(
      `| ${kind} | ${s.times.length} | ${s.status['2xx'] ?? 0} | ${s.status['3xx'] ?? 0} | ${s.status['4xx'] ?? 0} | ${s.status['5xx'] ?? 0} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.p99)} | ${ms(t.max)} |`,
    );
  }
  const t = summary(all);
  out(`| **all** | ${all.length} | | | | ${fiveHundreds} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.p99)} | ${ms(t.max)} |`);
  out(`\n${(result.requests.total / result.duration).toFixed(0)} requests/s; errors ${result.errors}, timeouts ${result.timeouts}`);
  out(
    `memory (RSS, MiB) before → after each round: ${apps.map((a, i) => `${a.base.split(':')[2]}: ${memory.map((m) => m[i]?.toFixed(0)).join(' → ')}`).join(', ')}`,
  );
  out(`import half-way: ${importOutput.trim().split('\n').pop()}`);

  out('\n## Checks\n');
  check(result.errors === 0 && result.timeouts === 0, `no failed or timed-out request (errors ${result.errors}, timeouts ${result.timeouts})`);
  check(fiveHundreds === 0, `no 5xx answer (${fiveHundreds})`);
  const signedIn = byKind.get('signed-in');
  check((signedIn?.status['3xx'] ?? 0) === 0 && (signedIn?.status['4xx'] ?? 0) === 0, 'every signed-in request was served as signed in, on every instance');
  for (const app of apps) {
    const found = await get(`${app.base}/api/v1/practices?q=${encodeURIComponent(`soak marker ${marker}`)}`);
    const hit = found.status === 200 && found.bytes.toString().includes(`soak-${marker}`);
    check(hit, `the practice imported half-way is found by a search on ${app.base}`);
    const [visitor] = visitors;
    const page = await get(`${app.base}/account`, { cookie: visitor.cookie });
    check(page.status === 200 && page.bytes.toString().includes(visitor.email), `a session made through the proxy is signed in on ${app.base}`);
  }
  if (apps.length > 1) {
    // Password-reset requests for one address, alternating instances: the account limit holds across them.
    const limit = rateRules.reset.account.limit;
    let accepted = 0;
    let refusedAt = 0;
    for (let i = 0; i < limit + 2 && !refusedAt; i++) {
      const app = apps[i % apps.length] as AppProcess;
      const { status } = await postForm(app.base, '/password/forgot', '/password/forgot', { email: emails[1] as string });
      if (status === 429) refusedAt = i + 1;
      else accepted++;
    }
    check(
      accepted === limit && refusedAt === limit + 1,
      `password-reset requests for one address spread over ${apps.length} instances: ${accepted} accepted, refused from attempt ${refusedAt || 'never'} (limit ${limit})`,
    );
  }
  for (const [i, app] of apps.entries()) check(app.child.exitCode === null, `instance ${i + 1} still running`);
} finally {
  for (const app of apps) await stopApp(app.child);
  await proxy?.close();
  await pgDatabase?.drop();
}
if (failed) {
  for (const app of apps) process.stderr.write(app.log.slice(-20).join(''));
  process.exit(1);
}
