/**
 * Load test of the real search page. Starts the server (`node bin/start.js`, as `npm start` does) on a
 * database loaded by bench/import.ts, runs the query mix against /practices?{query} with
 * autocannon for a fixed time and a bounded number of connections, and reports the server time
 * of each request (its `server-timing: app;dur=…` header), client latency, requests/s, and the
 * compressed size of typical pages. In the same run, a bare node:http server returning one
 * constant page gives the ceiling of this machine and client.
 *
 *   npx tsx bench/search-load.ts --data-dir .bench/data-10k
 *   npx tsx bench/search-load.ts --database-url postgres://postgres@127.0.0.1:5432/bench_100k --duration 60
 *   npx tsx bench/search-load.ts --database-url … --rate 50            # searches arriving at random, 50/s on average
 *   npx tsx bench/search-load.ts --data-dir .bench/data-10k --cache-size 0 --mix distinct   # nothing from the answer cache
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { codeVersion } from './code-version.ts';
import { type BenchQuery, baseQueries, loadMix } from './queries.ts';
import { cpuSeconds, get, loadDefaults, serverTiming, startApp, stopApp as stop, waitReady } from './support/app-process.ts';
import { ms, summary } from './support/stats.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '8' },
    mix: { type: 'string', default: 'realistic' },
    'mix-size': { type: 'string', default: '3000' },
    'cache-size': { type: 'string' },
    path: { type: 'string', default: '/practices' },
    port: { type: 'string', default: '3917' },
    label: { type: 'string' },
    'no-ceiling': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    'trace-gc': { type: 'string' },
    rate: { type: 'string' },
    'ready-timeout': { type: 'string', default: '180' },
  },
});
if (!values['data-dir'] && !values['database-url']) {
  process.stderr.write(
    'usage: npx tsx bench/search-load.ts (--data-dir DIR | --database-url URL) [--duration S] [--connections N] [--mix realistic|distinct|base] [--cache-size N] [--rate R] [--cpu-prof DIR] [--trace-gc FILE]\n',
  );
  process.exit(2);
}
const duration = Math.min(120, Math.max(5, Number(values.duration)));
const connections = Math.min(64, Math.max(1, Number(values.connections)));
// --rate R: searches arriving at random, R per second on average (open loop), instead of each connection sending as fast as the server answers.
const rate = values.rate ? Math.max(1, Number(values.rate)) : undefined;
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const pagePath = values.path as string;
const label = values.label ?? (values['database-url'] ? 'postgresql' : 'pglite');
const out = (line = '') => process.stdout.write(`${line}\n`);

interface LoadResult {
  requests: number;
  rps: number;
  latency: { p50: number; p95: number; p99: number; max: number };
  server?: { p50: number; p95: number; p99: number; max: number };
  byKind?: Record<string, { n: number; p50: number; p95: number; max: number }>;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
}

/** Server times collected per kind of search, and their percentiles. */
class TimesByKind {
  private readonly lists = new Map<string, number[]>();
  add(kind: string, ms: number): void {
    const list = this.lists.get(kind);
    if (list) list.push(ms);
    else this.lists.set(kind, [ms]);
  }
  summaries(): NonNullable<LoadResult['byKind']> {
    const out: NonNullable<LoadResult['byKind']> = {};
    for (const [k, list] of [...this.lists.entries()].sort()) {
      const s = summary(list);
      out[k] = { n: list.length, p50: s.p50, p95: s.p95, max: s.max };
    }
    return out;
  }
}

async function load(url: string, mix: BenchQuery[] | undefined): Promise<LoadResult> {
  const server: number[] = [];
  const kinds = new TimesByKind();
  const latencies: number[] = [];
  let cursor = 0;
  const instance = autocannon({
    url,
    connections,
    duration,
    ...loadDefaults,
    requests: [
      mix
        ? {
            setupRequest: (req, context) => {
              const q = mix[cursor++ % mix.length] as BenchQuery;
              context.kind = q.kind;
              return { ...req, path: q.query ? `${pagePath}?${q.query}` : pagePath };
            },
            onResponse: (_status, _body, context, headers) => {
              const t = serverTiming(headers);
              if (Number.isNaN(t)) return;
              server.push(t);
              kinds.add(String(context.kind), t);
            },
          }
        : {},
    ],
  });
  instance.on('response', (_c, _s, _b, responseTime) => latencies.push(responseTime));
  const r = await instance;
  return {
    requests: r.requests.total,
    rps: r.requests.total / r.duration,
    latency: summary(latencies),
    ...(mix ? { server: summary(server), byKind: kinds.summaries() } : {}),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: r.throughput.total / Math.max(1, r.requests.total),
  };
}

/**
 * Open-loop load: searches arrive at random (a Poisson process of `perSecond` on average), as
 * independent people's searches do, whether or not earlier ones have been answered — unlike
 * autocannon's rate limit, which sends each second's quota back to back. Latency is counted from
 * the planned arrival, so time spent waiting for a free connection is included.
 */
async function paced(url: string, mix: BenchQuery[], perSecond: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const server: number[] = [];
  const latencies: number[] = [];
  const kinds = new TimesByKind();
  let non2xx = 0;
  let errors = 0;
  let bytes = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  let next = start;
  let sent = 0;
  const send = (q: BenchQuery, planned: number) =>
    new Promise<void>((resolve) => {
      const req = http.get(`${url}${q.query ? `?${q.query}` : ''}`, { agent, headers: { 'accept-encoding': 'br', accept: 'text/html' } }, (res) => {
        res.on('data', (c: Buffer) => {
          bytes += c.length;
        });
        res.on('end', () => {
          latencies.push(performance.now() - planned);
          if ((res.statusCode ?? 0) >= 300) non2xx++;
          const t = serverTiming(res.headers);
          if (!Number.isNaN(t)) {
            server.push(t);
            kinds.add(q.kind, t);
          }
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
  // A seeded sequence of gaps, so two runs send the same searches at the same moments.
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return (seed + 0.5) / 2147483648;
  };
  while (next - start < duration * 1000) {
    const wait = next - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(mix[sent % mix.length] as BenchQuery, next));
    sent++;
    next += (-Math.log(random()) / perSecond) * 1000;
  }
  await Promise.all(pending);
  agent.destroy();
  return {
    requests: sent,
    rps: sent / duration,
    latency: summary(latencies),
    server: summary(server),
    byKind: kinds.summaries(),
    non2xx,
    errors,
    timeouts: 0,
    bytesPerResponse: bytes / Math.max(1, sent),
  };
}

/** A bare node:http server in its own process answering every request with the same bytes. */
async function startCeiling(body: Buffer, contentType: string): Promise<ChildProcess> {
  const file = path.join(os.tmpdir(), `bench-ceiling-${process.pid}.bin`);
  fs.writeFileSync(file, body);
  const code = `
    const http = require('node:http');
    const body = require('node:fs').readFileSync(${JSON.stringify(file)});
    http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': ${JSON.stringify(contentType)}, 'content-encoding': 'br', 'content-length': body.length });
      res.end(body);
    }).listen(${port + 1}, '127.0.0.1', () => process.stdout.write('ready\\n'));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (c) => reject(new Error(`ceiling server exited with ${c}`)));
  });
  return child;
}

// ---------------------------------------------------------------------------------------------
const loadBefore = os.loadavg();
out(
  `# search-load ${label}: ${values['data-dir'] ?? new URL(values['database-url'] as string).pathname.slice(1)}, ${connections} connections, ${duration} s, mix ${values.mix}, cache ${values['cache-size'] ?? 'default'}`,
);
out(`code: ${codeVersion()}`);
out(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average before ${loadBefore.map((l) => l.toFixed(1)).join(' ')}`,
);

const serverEnv: Record<string, string> = { SEED_DEMO: 'false' };
if (values['database-url']) serverEnv.DATABASE_URL = values['database-url'];
else serverEnv.DATA_DIR = path.resolve(values['data-dir'] as string);
if (values['cache-size'] !== undefined) serverEnv.SEARCH_CACHE_SIZE = values['cache-size'];
// --cpu-prof DIR: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
// --trace-gc FILE: the server's collections, one line each, written there (pauses show as latency, not server time).
const gcLog = values['trace-gc'] ? fs.createWriteStream(path.resolve(values['trace-gc'])) : undefined;
const app = startApp(
  port,
  serverEnv,
  [...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values['cpu-prof'])] : []), ...(gcLog ? ['--trace-gc'] : [])],
  gcLog ? (d) => gcLog.write(d) : undefined,
);
const child = app.child;
let ceiling: ChildProcess | undefined;
try {
  const readyMs = await waitReady(app, '/healthz', Number(values['ready-timeout']));
  out(`server ready in ${(readyMs / 1000).toFixed(1)} s`);

  // First request of each curated query, before anything else (the API shares the answer
  // cache): the server time before any answer cache holds it.
  out('\n## Curated queries, first request each (sequential, one connection)\n');
  out('| kind | query | status | server ms |');
  out('|---|---|---|---|');
  for (const q of baseQueries) {
    const r = await get(`${base}${pagePath}${q.query ? `?${q.query}` : ''}`, { 'accept-encoding': 'br' });
    out(`| ${q.kind} | \`${decodeURIComponent(q.query.replace(/\+/g, ' ')) || '(none)'}\` | ${r.status} | ${ms(serverTiming(r.headers))} |`);
  }

  const probe = await get(`${base}${pagePath}?q=refugees`, { 'accept-encoding': 'br' });
  const realPage = probe.status === 200 && /class="card/.test((await get(`${base}${pagePath}?q=refugees`)).bytes.toString());
  if (!realPage) out(`WARNING: ${pagePath}?q=refugees returned ${probe.status} without result cards; numbers below are not of a search page`);

  const api = await get(`${base}/api/v1/practices?q=refugees`).catch(() => undefined);
  const apiAll = await get(`${base}/api/v1/practices`).catch(() => undefined);
  const totalOf = (r?: { status: number; bytes: Buffer }) => {
    try {
      return r?.status === 200 ? (JSON.parse(r.bytes.toString()) as { total?: number }).total : undefined;
    } catch {
      return undefined;
    }
  };
  out(`practices: ${totalOf(apiAll) ?? '?'} published; "refugees" matches ${totalOf(api) ?? '?'}`);

  // Page weight: the compressed (Brotli) and raw size of typical search pages.
  out('\n## Page weight (Accept-Encoding: br)\n');
  out('| page | status | compressed | uncompressed |');
  out('|---|---|---|---|');
  const weightPages = ['q=refugees', '', 'q=refugee+housing', 'theme=housing&region=150', 'q=logement'];
  let typical: Buffer = Buffer.alloc(0);
  let typicalType = 'text/html; charset=UTF-8';
  for (const q of weightPages) {
    const url = `${base}${pagePath}${q ? `?${q}` : ''}`;
    const br = await get(url, { 'accept-encoding': 'br' });
    const raw = await get(url);
    if (q === 'q=refugees') {
      typical = br.bytes;
      typicalType = String(br.headers['content-type'] ?? typicalType);
    }
    out(
      `| \`${pagePath}${q ? `?${q}` : ''}\` | ${br.status} | ${(br.bytes.length / 1024).toFixed(1)} KB (${br.headers['content-encoding'] ?? 'identity'}) | ${(raw.bytes.length / 1024).toFixed(1)} KB |`,
    );
  }

  const mix = values.mix === 'base' ? baseQueries : loadMix(Number(values['mix-size']), 1, { distinct: values.mix === 'distinct' });
  const distinct = new Set(mix.map((q) => q.query)).size;
  out(
    `\n## Load: ${mix.length} searches in the mix (${distinct} distinct), ${connections} connections, ${rate ? `searches arriving at random, ${rate}/s on average, ` : ''}${duration} s\n`,
  );
  const cpu0 = cpuSeconds(child.pid);
  const res = rate ? await paced(`${base}${pagePath}`, mix, rate) : await load(`${base}${pagePath}`, mix);
  const cpu1 = cpuSeconds(child.pid);
  out('| | p50 | p95 | p99 | max |');
  out('|---|---|---|---|---|');
  out(
    `| server time (ms) | ${ms(res.server?.p50 ?? Number.NaN)} | ${ms(res.server?.p95 ?? Number.NaN)} | ${ms(res.server?.p99 ?? Number.NaN)} | ${ms(res.server?.max ?? Number.NaN)} |`,
  );
  out(`| latency (ms) | ${ms(res.latency.p50)} | ${ms(res.latency.p95)} | ${ms(res.latency.p99)} | ${ms(res.latency.max)} |`);
  out(
    `\nrequests: ${res.requests} in ${duration} s = **${res.rps.toFixed(0)} requests/s**; non-2xx ${res.non2xx}, errors ${res.errors}, timeouts ${res.timeouts}; ` +
      `${(res.bytesPerResponse / 1024).toFixed(1)} KB per response; app process CPU ${(((cpu1 - cpu0) / duration) * 100).toFixed(0)}% of one core`,
  );
  out('\n| kind | requests | server p50 | server p95 | max |');
  out('|---|---|---|---|---|');
  for (const [k, v] of Object.entries(res.byKind ?? {})) out(`| ${k} | ${v.n} | ${ms(v.p50)} | ${ms(v.p95)} | ${ms(v.max)} |`);

  await stop(child);

  let ceilingRes: LoadResult | undefined;
  if (!values['no-ceiling']) {
    ceiling = await startCeiling(typical, typicalType);
    ceilingRes = await load(`http://127.0.0.1:${port + 1}/`, undefined);
    out(`\n## Ceiling: bare node:http returning the same ${(typical.length / 1024).toFixed(1)} KB compressed page\n`);
    out(
      `**${ceilingRes.rps.toFixed(0)} requests/s**, latency p50 ${ms(ceilingRes.latency.p50)} ms, p95 ${ms(ceilingRes.latency.p95)} ms (same client, connections and duration)`,
    );
  }
  const loadAfter = os.loadavg();
  out(`\nload average after: ${loadAfter.map((l) => l.toFixed(1)).join(' ')}`);

  const resultsDir = path.resolve('.bench/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `search-${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        label,
        code: codeVersion(),
        options: values,
        realPage,
        loadBefore,
        loadAfter,
        search: res,
        ceiling: ceilingRes,
        typicalCompressedBytes: typical.length,
      },
      null,
      2,
    ),
  );
  out(`results: ${path.relative(process.cwd(), file)}`);
} finally {
  await stop(child);
  if (ceiling) await stop(ceiling);
}
