import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../src/db/data-dir-lock.ts';
import { apiTotal, type Child, runCli, spawnCli, spawnServer, startServerOn, storedIds } from './support/cli-process.ts';
import { repoRoot } from './support/server-process.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearinghouse-lock-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const newDataDir = () => fs.mkdtempSync(path.join(tmp, 'data-'));

/** An exchange file of `copies` copies of the demo practices, under new ids: several MB to import. */
function demoCopiesFile(name: string, copies: number): { file: string; count: number } {
  const demo = JSON.parse(fs.readFileSync(path.join(repoRoot, 'demo/practices.json'), 'utf8')) as { practices: Record<string, unknown>[] };
  const practices = [];
  for (let k = 0; k < copies; k++) {
    for (const p of demo.practices) {
      const { adapted_from: _links, ...rest } = p;
      practices.push({ ...rest, id: `${p.id}-copy-${name}-${k}`, title: `${p.title} (${k})` });
    }
  }
  const file = path.join(tmp, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices }));
  return { file, count: practices.length };
}

/** Bytes in the database's table files: they grow as an import inserts rows, committed or not. */
function tableBytes(dataDir: string): number {
  let total = 0;
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else total += fs.statSync(full, { throwIfNoEntry: false })?.size ?? 0;
    }
  };
  visit(path.join(dataDir, 'db', 'base'));
  return total;
}

/** Waits until the import has written `bytes` of rows into its (still open) transaction; fails if it ends first. */
async function whenWriting(run: Child, dataDir: string, bytes: number): Promise<void> {
  const start = tableBytes(dataDir);
  let ended = false;
  void run.done.then(() => (ended = true));
  while (tableBytes(dataDir) - start < bytes) {
    if (ended) throw new Error(`The import ended before it was killed; use a larger file.\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const slow = 300_000;

describe('the data-folder lock after a crash', () => {
  it(
    'a server killed with SIGKILL is replaced at once on the same folder, which serves the same data; a live server is still refused by name',
    async () => {
      const dataDir = newDataDir();
      const first = await startServerOn(dataDir, { SEED_DEMO: 'true' });
      const small = demoCopiesFile('after-seed', 1);
      expect((await runCli(['import', small.file], { DATA_DIR: dataDir })).code).toBe(0);
      const before = await apiTotal(first.url);
      expect(before).toBe(61 + small.count);

      first.child.kill('SIGKILL');
      expect((await first.done).signal).toBe('SIGKILL');
      // The crash left its lock behind, naming a process that no longer runs.
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'lock.json'), 'utf8'))).toMatchObject({ pid: first.pid, role: 'server' });

      const second = await startServerOn(dataDir);
      try {
        expect(second.output()).not.toContain('data folder in use');
        expect(await apiTotal(second.url)).toBe(before);
        expect((await fetch(`${second.url}/api/v1/practices/${encodeURIComponent('accra-informal-waste-migrants-copy-after-seed-0')}`)).status).toBe(200);

        const third = await (await spawnServer(dataDir)).done;
        expect(third.code).toBe(75);
        expect(third.stderr).toContain('data folder in use');
        expect(third.stderr).toContain(`a Clearinghouse server (process ${second.pid}, at http://`);
        expect(third.stderr).toContain(`kill ${second.pid}`);
      } finally {
        await second.stop();
      }
      expect(fs.existsSync(path.join(dataDir, 'lock.json'))).toBe(false);
    },
    slow,
  );

  it(
    'an import killed mid-way writes nothing; the next import and a server start take the folder at once',
    async () => {
      const dataDir = newDataDir();
      const env = { DATA_DIR: dataDir };
      expect((await runCli(['seed-demo'], env)).code).toBe(0);
      const before = (await storedIds(dataDir)).length;
      // Large enough that the import is still writing when a server start is tried (about 10 s).
      const big = demoCopiesFile('big', 250);

      // While the import writes, it holds the folder: a server start is refused and names it.
      const killedFirst = spawnCli(['import', big.file], env);
      await whenWriting(killedFirst, dataDir, 4 * 1024 * 1024);
      const refused = await (await spawnServer(dataDir)).done;
      expect(refused.code).toBe(75);
      expect(refused.stderr).toContain(`the command \\"clearinghouse import\\" (process ${killedFirst.pid}, since `);
      killedFirst.child.kill('SIGKILL');
      expect((await killedFirst.done).signal).toBe('SIGKILL');

      const small = demoCopiesFile('small', 1);
      const next = await runCli(['import', small.file], env);
      expect(next.stderr).toBe(`Database: the embedded database in ${dataDir}.\n`);
      expect(next.stdout).toBe(`Summary: created ${small.count}, updated 0, unchanged 0, failed 0\n`);
      // All or nothing: none of the killed import's rows, all of the next one's.
      expect((await storedIds(dataDir)).length).toBe(before + small.count);

      const killedSecond = spawnCli(['import', big.file], env);
      await whenWriting(killedSecond, dataDir, 4 * 1024 * 1024);
      killedSecond.child.kill('SIGKILL');
      await killedSecond.done;
      const server = await startServerOn(dataDir);
      try {
        expect(await apiTotal(server.url)).toBe(before + small.count);
        // The whole file goes in through the server now, in one piece.
        const full = await runCli(['import', big.file], env);
        expect(full.stdout).toBe(`Summary: created ${big.count}, updated 0, unchanged 0, failed 0\n`);
        expect(await apiTotal(server.url)).toBe(before + small.count + big.count);
      } finally {
        await server.stop();
      }
    },
    slow,
  );
});

describe('the data-folder lock file', () => {
  /** A process that certainly runs: pids of this machine are checked through /proc. */
  function sleeper() {
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    return { pid: child.pid as number, stop: () => child.kill('SIGKILL') };
  }
  const lockFile = (dataDir: string) => path.join(dataDir, 'lock.json');
  const startTimeOf = (pid: number) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[19];

  it.skipIf(process.platform !== 'linux')('takes over from a pid that now belongs to another process, and refuses the process that took it', async () => {
    const dataDir = newDataDir();
    const release = await lockDataDir(dataDir);
    const holder = JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8'));
    await release();
    const other = sleeper();
    try {
      // The holder's pid now runs another program, which started later.
      fs.writeFileSync(lockFile(dataDir), JSON.stringify({ ...holder, pid: other.pid, startTime: '1' }));
      const releaseAgain = await lockDataDir(dataDir, { role: 'command', command: 'import' });
      await releaseAgain();

      // The same pid with its real start time is that process, alive: refused, by name.
      fs.writeFileSync(lockFile(dataDir), JSON.stringify({ ...holder, pid: other.pid, startTime: startTimeOf(other.pid), role: 'command', command: 'import' }));
      const refusal = await lockDataDir(dataDir).catch((e: Error) => e);
      expect(refusal).toBeInstanceOf(DataDirLockedError);
      expect((refusal as Error).message).toBe(
        `The data folder ${dataDir} is in use by the command "clearinghouse import" (process ${other.pid}, since ${holder.since}).`,
      );
    } finally {
      other.stop();
    }
  });

  it('trusts a holder on another host while its heartbeat is fresh, and takes over once it is stale', async () => {
    const dataDir = newDataDir();
    const release = await lockDataDir(dataDir);
    const holder = JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8'));
    await release();
    fs.writeFileSync(lockFile(dataDir), JSON.stringify({ ...holder, hostname: 'web-2.example', pid: 4242 }));
    const refusal = await lockDataDir(dataDir).catch((e: Error) => e);
    expect((refusal as Error).message).toContain('a Clearinghouse server (process 4242, on host web-2.example, since ');

    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile(dataDir), old, old);
    const taken = await lockDataDir(dataDir);
    expect(JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')).pid).toBe(process.pid);
    await taken();
  });

  it("lets one of several processes racing for a dead holder's folder in, and no other", async () => {
    const dataDir = newDataDir();
    fs.writeFileSync(
      lockFile(dataDir),
      JSON.stringify({ pid: 999_999_999, startTime: '1', hostname: os.hostname(), role: 'server', since: 'then', token: 'dead', ...machineOf() }),
    );
    // Every racer loads first, then all ask within the same millisecond.
    const startAt = Date.now() + 8_000;
    const racers = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--import', 'tsx', 'test/support/take-lock.ts', dataDir, String(startAt)], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    const results = await Promise.all(
      racers.map(
        (child) =>
          new Promise<string>((resolve) => {
            let out = '';
            child.stdout.on('data', (d) => (out += d));
            child.on('close', () => resolve(out));
          }),
      ),
    );
    expect(results.filter((r) => r === 'got')).toHaveLength(1);
    expect(results.filter((r) => r === 'ELOCKED')).toHaveLength(5);
  }, 120_000);

  it.skipIf(process.platform !== 'linux')(
    'a holder puts back a lock file removed by hand, and stops when another process has taken the folder',
    async () => {
      const dataDir = newDataDir();
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/take-lock.ts', dataDir, '0', '60000'], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await new Promise((resolve) => child.stdout.once('data', resolve));
      try {
        fs.rmSync(lockFile(dataDir));
        const deadline = Date.now() + 15_000;
        while (!fs.existsSync(lockFile(dataDir)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        expect(JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')).pid).toBe(child.pid);

        // Someone else's live lock in its place: writing on would lose rows, so the holder stops.
        const mine = {
          pid: process.pid,
          hostname: os.hostname(),
          startTime: startTimeOf(process.pid),
          role: 'server',
          since: 'now',
          token: 'another',
          ...machineOf(),
        };
        fs.writeFileSync(lockFile(dataDir), JSON.stringify(mine));
        expect(await exited).toBe(70);
        expect(stderr).toContain('"msg":"data folder lock lost"');
        expect(stderr).toContain(`a Clearinghouse server (process ${process.pid}, since now)`);
      } finally {
        child.kill('SIGKILL');
      }
    },
    60_000,
  );
});

/** This machine's boot id and pid namespace, as a lock holder on it records them. */
function machineOf(): { bootId?: string; pidNamespace?: string } {
  try {
    return { bootId: fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(), pidNamespace: fs.readlinkSync('/proc/self/ns/pid') };
  } catch {
    return {};
  }
}
