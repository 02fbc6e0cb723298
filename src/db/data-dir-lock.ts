import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentProcess, liveness, type ProcessIdentity } from './process-identity.ts';

/** How a running server can be reached by the CLI on the same machine. */
export interface ServerInfo {
  pid: number;
  url: string;
  token: string;
}

/** Who holds a data folder, as written in DATA_DIR/lock.json. */
export interface LockHolder extends ProcessIdentity {
  /** A server, or a clearinghouse command (named in `command`). */
  role: 'server' | 'command';
  command?: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Random: tells this holder's lock file apart from a successor's. */
  token: string;
}

/** What a process that wants the folder learns about the live process that holds it. */
export interface HeldBy {
  holder?: LockHolder;
  /** The address the holder published, when it is a server that listens. */
  server?: ServerInfo;
  /** "a Clearinghouse server (process 4242, at http://127.0.0.1:3000, since …)". */
  description: string;
}

/** Another live process holds the data folder; the message names it. */
export class DataDirLockedError extends Error {
  readonly code = 'ELOCKED';
  constructor(
    readonly dataDir: string,
    readonly heldBy: HeldBy,
  ) {
    super(`The data folder ${dataDir} is in use by ${heldBy.description}.`);
  }
}

/** The lock says it is alive this often (for holders whose process cannot be checked). */
const heartbeatMs = 5_000;
/** A holder on another host or in another container counts as gone after this long without a heartbeat. */
const foreignStaleMs = 30_000;
/** The lock directory of versions before lock.json (proper-lockfile), stale 10 s after its last update. */
const legacyStaleMs = 10_000;

/** Data folders whose lock this process holds. */
const heldHere = new Set<string>();

const lockPath = (dataDir: string) => path.join(dataDir, 'lock.json');
const guardPath = (dataDir: string) => path.join(dataDir, 'lock.json.guard');
const legacyLockPath = (dataDir: string) => path.join(dataDir, 'server.lock');
const infoPath = (dataDir: string) => path.join(dataDir, 'server.json');

/** The lock file as found: its holder (undefined if unreadable) and when it last said it was alive. */
function readLock(dataDir: string): { holder?: LockHolder; mtimeMs: number } | undefined {
  try {
    const mtimeMs = fs.statSync(lockPath(dataDir)).mtimeMs;
    try {
      return { holder: JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockHolder, mtimeMs };
    } catch {
      return { mtimeMs };
    }
  } catch {
    return undefined;
  }
}

/**
 * Whether the process that wrote the lock still runs. On this machine the answer is certain at
 * once: a pid that no longer runs, or runs another program (its start time differs), has let go,
 * so a supervisor can restart a killed server immediately. A holder elsewhere (another host or
 * container sharing the folder) cannot be checked: it is alive while its heartbeat is fresh.
 */
function isLive(lock: { holder?: LockHolder; mtimeMs: number }): boolean {
  // The file is written whole before it gets its name, so an unreadable one is debris.
  if (!lock.holder) return false;
  const state = liveness(lock.holder);
  return state === 'alive' || (state === 'unknown' && Date.now() - lock.mtimeMs < foreignStaleMs);
}

/** What a refusal says about the holder: what it is, its pid, where it listens. */
function describeHolder(dataDir: string, holder: LockHolder | undefined): HeldBy {
  if (!holder) return { description: 'another process' };
  const server = holder.role === 'server' ? readServerInfo(dataDir) : undefined;
  const reachable = server?.pid === holder.pid ? server : undefined;
  const where = [
    `process ${holder.pid}`,
    holder.hostname !== os.hostname() ? `on host ${holder.hostname}` : '',
    reachable ? `at ${reachable.url}` : '',
    `since ${holder.since}`,
  ].filter(Boolean);
  const what = holder.role === 'server' ? 'a Clearinghouse server' : `the command "clearinghouse ${holder.command ?? ''}"`;
  return { holder, server: reachable, description: `${what} (${where.join(', ')})` };
}

/** A live holder of an older version's lock directory, which it renewed every 2 s. */
function legacyHolder(dataDir: string): HeldBy | undefined {
  try {
    if (Date.now() - fs.statSync(legacyLockPath(dataDir)).mtimeMs < legacyStaleMs) {
      const server = readServerInfo(dataDir);
      return { server, description: `a Clearinghouse process of an older version${server ? ` (process ${server.pid}, at ${server.url})` : ''}` };
    }
    fs.rmSync(legacyLockPath(dataDir), { recursive: true, force: true });
  } catch {
    // none
  }
  return undefined;
}

/**
 * The live process holding the data folder, if any: what the CLI asks to decide whether to work
 * through a server, and what a refusal names.
 * @example const held = dataDirHolder('./data'); if (held) console.log(held.description);
 */
export function dataDirHolder(dataDir: string): HeldBy | undefined {
  if (!fs.existsSync(dataDir)) return undefined;
  const lock = readLock(dataDir);
  if (lock && isLive(lock)) return describeHolder(dataDir, lock.holder);
  return legacyHolder(dataDir);
}

/** Gives the lock file its name only once its content is complete, and only if no lock file exists. */
function createLockFile(dataDir: string, holder: LockHolder): boolean {
  const staged = `${lockPath(dataDir)}.${process.pid}.${holder.token.slice(0, 8)}.tmp`;
  fs.writeFileSync(staged, JSON.stringify(holder), { mode: 0o644 });
  try {
    fs.linkSync(staged, lockPath(dataDir));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(staged, { force: true });
  }
}

/**
 * Removes the lock file of a holder found dead, unless someone replaced it meanwhile. Two
 * processes may find the same dead holder at once; a short-lived guard directory makes the
 * check and the removal one step, so one of them never removes the other's fresh lock.
 */
async function removeDeadLock(dataDir: string, seen: LockHolder | undefined): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      fs.mkdirSync(guardPath(dataDir));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A guard is held for a millisecond; an old one was left by a process killed inside it.
      const age = Date.now() - (fs.statSync(guardPath(dataDir), { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 2_000) fs.rmSync(guardPath(dataDir), { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Could not take the data folder lock: ${guardPath(dataDir)} stays in place.`);
      else await sleep(20);
    }
  }
  try {
    const now = readLock(dataDir);
    if (now && now.holder?.token === seen?.token) fs.rmSync(lockPath(dataDir), { force: true });
  } finally {
    fs.rmdirSync(guardPath(dataDir));
  }
}

/** Renews the lock's heartbeat, and stops the process if another one has taken the folder: writing on would lose data. */
function keepAlive(dataDir: string, holder: LockHolder): NodeJS.Timeout {
  const timer = setInterval(() => {
    let now = readLock(dataDir);
    if (!now && createLockFile(dataDir, holder)) return; // removed by hand while held: put it back
    now ??= readLock(dataDir);
    if (now?.holder?.token === holder.token) {
      const t = new Date();
      fs.utimesSync(lockPath(dataDir), t, t);
      return;
    }
    process.stderr.write(
      `${JSON.stringify({ level: 'error', msg: 'data folder lock lost', dataDir, heldBy: describeHolder(dataDir, now?.holder).description })}\n`,
    );
    process.exit(70);
  }, heartbeatMs);
  timer.unref();
  return timer;
}

/**
 * Takes the single-writer lock on an embedded data folder. PGlite has no lock between
 * processes, and a second writer silently loses rows, so a second server refuses to start
 * and the CLI goes through the running server instead. The lock (DATA_DIR/lock.json) names its
 * holder: a holder that died, even by SIGKILL, is known as gone at once and the lock is taken
 * over. Throws DataDirLockedError, naming the holder, when a live process holds the folder.
 * @example const release = await lockDataDir('./data', { role: 'command', command: 'import' });
 */
export async function lockDataDir(
  dataDir: string,
  as: { role: 'server' } | { role: 'command'; command: string } = { role: 'server' },
): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  const holder: LockHolder = { ...currentProcess(), ...as, since: new Date().toISOString(), token: randomBytes(12).toString('base64url') };
  for (let attempt = 0; ; attempt++) {
    const legacy = legacyHolder(dataDir);
    if (legacy) throw new DataDirLockedError(dataDir, legacy);
    if (createLockFile(dataDir, holder)) break;
    const found = readLock(dataDir);
    if (found && isLive(found)) throw new DataDirLockedError(dataDir, describeHolder(dataDir, found.holder));
    if (attempt >= 20) throw new Error(`Could not take the data folder lock ${lockPath(dataDir)}: it keeps changing.`);
    if (found) await removeDeadLock(dataDir, found.holder);
  }
  // A server.json left here belongs to a server that died: no CLI should try to reach it.
  fs.rmSync(infoPath(dataDir), { force: true });
  const key = path.resolve(dataDir);
  heldHere.add(key);
  const timer = keepAlive(dataDir, holder);
  return async () => {
    clearInterval(timer);
    heldHere.delete(key);
    fs.rmSync(infoPath(dataDir), { force: true });
    if (readLock(dataDir)?.holder?.token === holder.token) fs.rmSync(lockPath(dataDir), { force: true });
  };
}

/**
 * Refuses to go on when another live process holds the data folder: opening it a second time
 * would lose rows. Called by openDatabase for every embedded folder.
 */
export async function assertNotHeldElsewhere(dataDir: string): Promise<void> {
  if (heldHere.has(path.resolve(dataDir))) return;
  const held = dataDirHolder(dataDir);
  if (held) {
    throw new Error(
      `The data folder ${dataDir} is in use by ${held.description}. ` +
        'Stop it first, or use the clearinghouse command, which works through a running server.',
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
