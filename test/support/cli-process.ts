import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/db/database.ts';
import { freePort, repoRoot } from './server-process.ts';

/** How a child process ended and what it printed. */
export interface ProcessOutput {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A child process and how it ends. */
export interface Child {
  child: ChildProcess;
  pid: number;
  /** What it printed so far (both streams). */
  output(): string;
  done: Promise<ProcessOutput>;
}

/** Environment of a child: this one's, minus database settings the test runner may carry. */
export function childEnv(env: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'warn', SEED_DEMO: 'false' };
  delete base.DATABASE_URL;
  return { ...base, ...env };
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function spawnNode(script: string, args: string[], env: Record<string, string>, input?: string): Child {
  const child = spawn(process.execPath, [path.join(repoRoot, script), ...args], {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  if (input !== undefined) child.stdin?.end(input);
  const done = new Promise<ProcessOutput>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, pid: child.pid as number, output: () => stdout + stderr, done };
}

/**
 * Starts the real `clearinghouse` command (bin/clearinghouse.js) without waiting for it.
 * @example const run = spawnCli(['import', file], { DATA_DIR: dir }); run.child.kill('SIGKILL');
 */
export function spawnCli(args: string[], env: Record<string, string>, input?: string): Child {
  return spawnNode('bin/clearinghouse.js', args, env, input);
}

/**
 * Runs the real `clearinghouse` command to its end.
 * @example const { code, stdout } = await runCli(['export'], { DATA_DIR: dir });
 */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<ProcessOutput> {
  return spawnCli(args, env, input).done;
}

/** A real server (`node bin/start.js`, as `npm start` runs it) on a data folder that outlives it. */
export interface ServerOnFolder extends Child {
  url: string;
  /** SIGTERM, and wait for it to exit. */
  stop(): Promise<ProcessOutput>;
}

/**
 * Starts a server on `dataDir` without waiting for it (a refused start exits at once).
 * @example const refused = await spawnServer(dir).done; // code 75
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerOnFolder> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawnNode('bin/start.js', [], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: url, ...env });
  return {
    ...proc,
    url,
    stop: async () => {
      proc.child.kill('SIGTERM');
      return proc.done;
    },
  };
}

/** Whether the server has said where the CLI reaches it: it does once migrations and demo data are done. */
function published(dataDir: string, pid: number): boolean {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, 'server.json'), 'utf8')).pid === pid;
  } catch {
    return false;
  }
}

/**
 * Starts a server on `dataDir` and resolves once /healthz answers 200 and the CLI can reach it.
 * @example const server = await startServerOn(dir); await fetch(`${server.url}/`); await server.stop();
 */
export async function startServerOn(dataDir: string, env: Record<string, string> = {}): Promise<ServerOnFolder> {
  const server = await spawnServer(dataDir, env);
  let exited: ProcessOutput | undefined;
  void server.done.then((o) => (exited = o));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`The server exited with code ${exited.code} before it was healthy:\n${server.output()}`);
    if (Date.now() > deadline) {
      server.child.kill('SIGKILL');
      throw new Error(`The server did not answer ${server.url}/healthz in time:\n${server.output()}`);
    }
    try {
      if ((await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok && published(dataDir, server.pid)) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Practice ids stored in an embedded data folder no process holds. */
export async function storedIds(dataDir: string): Promise<string[]> {
  const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
  try {
    return (await db.selectFrom('practices').select('id').orderBy('id').execute()).map((r) => r.id);
  } finally {
    await db.destroy();
  }
}

/** How many practices a running server publishes, as its API counts them. */
export async function apiTotal(url: string): Promise<number> {
  return ((await (await fetch(`${url}/api/v1/practices`)).json()) as { total: number }).total;
}
