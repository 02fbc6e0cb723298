/**
 * The first requests after a start: starts the server (`node bin/start.js`, as `npm start` does)
 * on a new embedded data folder (migrations and demo data), and the moment /healthz answers sends
 * `--connections` concurrent clients for `--duration` seconds over a mix of pages, searches and
 * the API. Reports latency overall and per moment of sending, so requests of the first instant
 * that wait behind start-up work show up as the slow tail they are.
 *
 *   npx tsx bench/first-requests.ts [--connections 200] [--duration 20] [--after healthz|readyz|/]
 *
 * `--after readyz` starts the load when /readyz answers 200 instead, as a load balancer that
 * checks readiness would; `--after /` when the home page answers (the server serves requests,
 * its search index may still be warming up: what /healthz meant before /readyz existed).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '20' },
    port: { type: 'string', default: '3931' },
    after: { type: 'string', default: 'healthz' },
  },
});
const connections = Number(values.connections);
const durationMs = Number(values.duration) * 1000;
const port = Number(values.port);
const after = `/${String(values.after).replace(/^\//, '')}`;
/** A request still unanswered after this is counted as a timeout (autocannon's default). */
const timeoutMs = 30_000;
const out = (line = '') => process.stdout.write(`${line}\n`);

/** What visitors ask for right after a start: pages, searches and the API. */
const mix = [
  '/',
  '/practices',
  '/practices?q=housing',
  '/practices?q=language+courses&theme=education',
  '/api/v1/practices?q=employment',
  '/map',
  '/practices?theme=health',
  '/practices?q=refugee+mentoring',
];

interface Sample {
  sentAt: number;
  ms: number;
  status: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

/** One GET on the pooled connections: its status, 0 on an error or timeout. */
function get(p: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: p, agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
  });
}

async function waitFor(p: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    if ((await get(p)) === 200) return;
    await sleep(5);
  }
}

const pct = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : Number.NaN);
const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearinghouse-first-'));
const child = spawn(process.execPath, ['bin/start.js'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
try {
  const spawned = performance.now();
  await waitFor(after, child);
  const t0 = performance.now();
  out(`${after} answered 200 after ${fmt(t0 - spawned)}; ${connections} clients for ${durationMs / 1000} s`);
  const samples: Sample[] = [];
  let n = 0;
  const client = async () => {
    while (performance.now() - t0 < durationMs) {
      const p = mix[n++ % mix.length];
      const sentAt = performance.now() - t0;
      const status = await get(p);
      samples.push({ sentAt, ms: performance.now() - t0 - sentAt, status });
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = performance.now() - t0;

  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  const failed = samples.filter((s) => s.status !== 200).length;
  out(`requests ${samples.length}, ${Math.round(samples.length / (elapsed / 1000))}/s, not 200: ${failed}`);
  out(`latency p50 ${fmt(pct(all, 0.5))}, p99 ${fmt(pct(all, 0.99))}, max ${fmt(all.at(-1))}; over 3 s: ${all.filter((x) => x > 3000).length}`);
  out('sent at        n    p50     p99     max');
  for (const [from, to] of [
    [0, 100],
    [100, 500],
    [500, 1000],
    [1000, 2000],
    [2000, 5000],
    [5000, durationMs],
  ]) {
    const slice = samples
      .filter((s) => s.sentAt >= from && s.sentAt < to)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    out(
      `${`${from}–${to} ms`.padEnd(14)} ${String(slice.length).padStart(4)}  ${fmt(pct(slice, 0.5)).padStart(7)} ${fmt(pct(slice, 0.99)).padStart(7)} ${fmt(slice.at(-1)).padStart(7)}`,
    );
  }
} finally {
  agent.destroy();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
