/**
 * How close anonymous pages come to the machine's ceiling: the app (started as `npm start`
 * starts it) against a bare `node:http` server that sends the very same bytes and headers, each
 * in a process of its own, measured alternately in one run (app, bare, app, bare…) so that both
 * see the same machine. Pages: the home page, a practice, a search and the map, as a browser
 * asks for them (Brotli accepted, no cookie), after one request has rendered each.
 *
 *   npx tsx bench/ceiling.ts                      # the demo data on a new embedded data folder
 *   npx tsx bench/ceiling.ts --database-url postgres://postgres@127.0.0.1:5432/bench_100k
 *   npx tsx bench/ceiling.ts --rounds 3 --duration 5 --connections 10
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { codeVersion } from './code-version.ts';
import { get, startApp, stopApp, waitReady } from './support/app-process.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    port: { type: 'string', default: '3941' },
  },
});
const rounds = Number(values.rounds);
const duration = Number(values.duration);
const connections = Number(values.connections);
const appPort = Number(values.port);
const barePort = appPort + 1;
const browser = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ch-ceiling-'));
const app = startApp(appPort, values['database-url'] ? { DATABASE_URL: values['database-url'] } : { DATA_DIR: dataDir });
await waitReady(app, '/readyz', 600);

const homeHtml = (await get(`${app.base}/`)).bytes.toString('utf8');
const practice = /href="(\/practices\/[a-z0-9-]+)"/.exec(homeHtml)?.[1];
if (!practice) throw new Error('no practice linked from the home page');
const pages = { home: '/', practice, search: '/practices?q=housing', map: '/map' };

/** Each page's answer as the app sends it (rendered once before), to be sent again by the bare server. */
const answers: Record<string, { headers: Record<string, string>; body: string }> = {};
for (const [name, p] of Object.entries(pages)) {
  await get(`${app.base}${p}`, browser);
  const res = await get(`${app.base}${p}`, browser);
  if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && k !== 'date' && k !== 'connection' && k !== 'keep-alive') headers[k] = v;
  answers[p] = { headers, body: res.bytes.toString('base64') };
  console.log(
    `${name.padEnd(9)} ${p.padEnd(40)} ${res.bytes.length} bytes (${res.headers['content-encoding'] ?? 'identity'}), ${res.headers['server-timing']}`,
  );
}

const answersFile = path.join(dataDir, 'answers.json');
fs.writeFileSync(answersFile, JSON.stringify(answers));
const bareSource = `
const http = require('node:http');
const fs = require('node:fs');
const answers = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
for (const a of Object.values(answers)) a.body = Buffer.from(a.body, 'base64');
http.createServer((req, res) => {
  const a = answers[req.url];
  if (!a) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, a.headers);
  res.end(a.body);
}).listen(${barePort}, '127.0.0.1', () => console.log('bare listening'));
`;
const bare = spawn(process.execPath, ['-e', bareSource, answersFile], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => bare.stdout?.once('data', resolve));

async function rate(base: string, p: string): Promise<{ rps: number; p99: number; errors: number }> {
  const r = await autocannon({ url: `${base}${p}`, connections, duration, headers: browser });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

console.log(
  `\nCeiling, code ${codeVersion()}, ${os.cpus().length} cores, ${values['database-url'] ? 'PostgreSQL' : 'PGlite demo data'}, ${connections} connections, ${rounds} × ${duration} s each, alternating`,
);
console.log('page       app req/s   bare req/s   app/bare   app p99 ms   errors');
for (const [name, p] of Object.entries(pages)) {
  const appRates: number[] = [];
  const bareRates: number[] = [];
  let p99 = 0;
  let errors = 0;
  for (let i = 0; i < rounds; i++) {
    const a = await rate(app.base, p);
    const b = await rate(`http://127.0.0.1:${barePort}`, p);
    appRates.push(a.rps);
    bareRates.push(b.rps);
    p99 = Math.max(p99, a.p99);
    errors += a.errors + b.errors;
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(
    `${name.padEnd(9)} ${mean(appRates).toFixed(0).padStart(10)} ${mean(bareRates).toFixed(0).padStart(12)} ${`${((100 * mean(appRates)) / mean(bareRates)).toFixed(0)} %`.padStart(10)} ${String(p99).padStart(12)} ${String(errors).padStart(8)}`,
  );
}

bare.kill();
await stopApp(app.child);
fs.rmSync(dataDir, { recursive: true, force: true });
