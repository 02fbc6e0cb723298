import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** How a running server can be reached by the CLI on the same machine. */
export interface ServerInfo {
  pid: number;
  url: string;
  token: string;
}

/** Data folders whose lock this process holds. */
const heldHere = new Set<string>();

const lockPath = (dataDir: string) => path.join(dataDir, 'server.lock');
const infoPath = (dataDir: string) => path.join(dataDir, 'server.json');

/**
 * Takes the single-writer lock on an embedded data folder. PGlite has no lock between
 * processes, and a second writer silently loses rows, so a second server refuses to start
 * and the CLI goes through the running server instead. The lock goes stale 10 s after its
 * holder dies, even by SIGKILL.
 * @example const release = await lockDataDir('./data');
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  const release = await lockfile.lock(dataDir, {
    lockfilePath: lockPath(dataDir),
    stale: 10_000,
    update: 2_000,
    realpath: false,
    onCompromised: (err) => {
      // Another process took the folder: writing on would lose data, so stop.
      process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'data folder lock lost', error: err.message })}\n`);
      process.exit(70);
    },
  });
  heldHere.add(path.resolve(dataDir));
  return async () => {
    heldHere.delete(path.resolve(dataDir));
    fs.rmSync(infoPath(dataDir), { force: true });
    await release();
  };
}

/** Whether a live process holds the data folder. */
export async function isDataDirLocked(dataDir: string): Promise<boolean> {
  if (!fs.existsSync(dataDir)) return false;
  return lockfile.check(dataDir, { lockfilePath: lockPath(dataDir), stale: 10_000, realpath: false });
}

/**
 * Refuses to go on when another live process holds the data folder: opening it a second
 * time would lose rows. Called by openDatabase for every embedded folder.
 */
export async function assertNotHeldElsewhere(dataDir: string): Promise<void> {
  if (heldHere.has(path.resolve(dataDir))) return;
  if (await isDataDirLocked(dataDir)) {
    const info = readServerInfo(dataDir);
    throw new Error(
      `The data folder ${dataDir} is in use by another process${info ? ` (a Clearinghouse server, pid ${info.pid}, at ${info.url})` : ''}. ` +
        'Stop it first, or use the clearinghouse command, which works through the running server.',
    );
  }
}

/** Writes how to reach this server (readable by the owner only), with a fresh admin token. */
export function publishServerInfo(dataDir: string, url: string, token: string): ServerInfo {
  const info: ServerInfo = { pid: process.pid, url, token };
  fs.writeFileSync(infoPath(dataDir), JSON.stringify(info), { mode: 0o600 });
  return info;
}

/** A fresh secret for the admin endpoints the local CLI uses. */
export function newAdminToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Reads how to reach the server that holds the folder, if it published that. */
export function readServerInfo(dataDir: string): ServerInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(infoPath(dataDir), 'utf8')) as ServerInfo;
  } catch {
    return undefined;
  }
}
