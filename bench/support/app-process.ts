import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';

/** A server started as `npm start` starts it (bin/start.js), for the benchmarks. */
export interface AppProcess {
  child: ChildProcess;
  base: string;
  /** What it printed, for failure messages. */
  log: string[];
}

/**
 * Starts the app on 127.0.0.1:port with `env` over the bench's own environment (DATABASE_URL
 * removed unless given), in production mode with warnings only.
 * @example const app = startApp(3917, { DATA_DIR: '/tmp/x' });
 */
export function startApp(port: number, env: Record<string, string>, nodeArgs: string[] = [], onStdout?: (d: Buffer) => void): AppProcess {
  const full: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  delete full.DATABASE_URL;
  Object.assign(full, env);
  const child = spawn(process.execPath, [...nodeArgs, 'bin/start.js'], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stdout?.on('data', (d: Buffer) => (onStdout ? onStdout(d) : log.push(d.toString())));
  child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  return { child, base: `http://127.0.0.1:${port}`, log };
}

/** GET with raw (still compressed) bytes, status and headers; loopback only. */
export function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout on ${url}`)));
    req.on('error', reject);
  });
}

/**
 * Waits until `path` answers 200 (readiness, or /healthz on servers without it); returns the ms waited.
 * @example await waitReady(app, '/readyz', 180);
 */
export async function waitReady(app: AppProcess, path: string, timeoutSeconds: number): Promise<number> {
  const t = performance.now();
  while (performance.now() - t < timeoutSeconds * 1000) {
    if (app.child.exitCode !== null) throw new Error(`server exited with ${app.child.exitCode}:\n${app.log.join('')}`);
    try {
      if ((await get(`${app.base}${path}`)).status === 200) return performance.now() - t;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become ready in ${timeoutSeconds} s:\n${app.log.join('')}`);
}

/** SIGTERM, then SIGKILL after 10 s. */
export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** CPU seconds a process has used (user + system), from /proc. */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Resident memory of a process in MiB, from /proc. */
export function residentMiB(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** The server time of an answer, from its `server-timing: app;dur=…` header. */
export function serverTiming(h: Record<string, string | string[] | undefined>): number {
  const m = /app;dur=([\d.]+)/.exec(String(h['server-timing'] ?? ''));
  return m ? Number(m[1]) : Number.NaN;
}

/** The autocannon settings every load test shares: one request at a time per connection, as browsers send, compressed HTML. */
export const loadDefaults = {
  pipelining: 1,
  timeout: 30,
  headers: { 'accept-encoding': 'br', accept: 'text/html' },
};
