import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/db/database.ts';

/** The repository root: the server runs from here, as `npm start` does. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** How to start a server. */
export interface ServerOptions {
  /** postgres://… to run on PostgreSQL; by default the server uses a fresh embedded database. */
  databaseUrl?: string;
  /** Extra environment variables for the server. */
  env?: Record<string, string>;
  /**
   * Runs on the database before the server starts, after migrations and the demo data: for
   * fixtures the demo data lacks (the server then finds a non-empty catalogue and seeds nothing).
   */
  prepare?: (db: Database) => Promise<void>;
  /** How long to wait for /readyz, in ms. */
  startTimeoutMs?: number;
  /** 'ready' (the default): resolve once /readyz answers 200; 'spawned': at once, to watch the start. */
  wait?: 'ready' | 'spawned';
}

/** A server running in a child process. */
export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The embedded data folder (a fresh temporary folder). */
  dataDir: string;
  /** The last lines the server printed, for failure messages. */
  logs(): string;
  /** Stops the server with SIGTERM, waits for it to exit and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * A free TCP port on the loopback interface, chosen by the OS.
 * @example const port = await freePort();
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Loads the demo data (and a caller's fixtures) into the database the server will open. */
async function prepareDatabase(dataDir: string, options: ServerOptions): Promise<void> {
  const { openDatabase } = await import('../../src/db/database.ts');
  const { migrateToLatest } = await import('../../src/db/migrate.ts');
  const { seedDemo } = await import('../../src/demo/demo-seed.ts');
  const db = await openDatabase(
    options.databaseUrl ? { kind: 'postgres', url: options.databaseUrl, poolSize: 2 } : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
  );
  try {
    await migrateToLatest(db);
    await seedDemo(db);
    await options.prepare?.(db);
  } finally {
    await db.destroy();
  }
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts the real server as `npm start` does (`node bin/start.js`) on a free port with a fresh data
 * folder, and resolves once /readyz answers 200 (migrated, demo data loaded, search index warm).
 * @example const server = await startServer(); await fetch(`${server.url}/`); await server.stop();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearinghouse-e2e-'));
  if (options.prepare) await prepareDatabase(dataDir, options);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: url,
    LOG_LEVEL: 'info',
    ...options.env,
  };
  // The server must not pick up the test runner's own database settings.
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;

  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/start.js')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 128 : null));
    });
  });
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const logs = () => lines.join('\n');

  const stop = async () => {
    if (exitCode === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  while (options.wait !== 'spawned') {
    if (exitCode !== undefined) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`The server exited with code ${exitCode} before it was healthy. Its output:\n${logs()}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer ${url}/readyz in time. Its output:\n${logs()}`);
    }
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, dataDir, logs, stop };
}
