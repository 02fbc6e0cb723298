import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import { recordAudit } from '../src/audit/audit.repo.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo/demo-seed.ts';
import { testPassword } from './support/account-client.ts';
import { apiTotal, runCli, startServerOn } from './support/cli-process.ts';
import { contributionFixtures } from './support/contribution-fixtures.ts';
import { tableSnapshot } from './support/table-snapshot.ts';
import { createPostgresDatabase } from './support/test-db.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearinghouse-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const newDataDir = () => fs.mkdtempSync(path.join(tmp, 'data-'));

/** A practice file of `n` practices whose ids start with `prefix`. */
function exchangeFile(prefix: string, n: number): string {
  const practices = Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    title: `Practice ${prefix} ${i}`,
    summary: `A practice written for the backup tests, ${prefix} number ${i}.`,
    language: 'en',
    city: 'Turin',
    country: 'IT',
    themes: ['housing'],
  }));
  const file = path.join(tmp, `${prefix}.json`);
  fs.writeFileSync(file, JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices }));
  return file;
}

/** Data in every table people care about: practices with revisions, accounts, submissions with their thread, the audit log. */
async function fill(db: Database): Promise<void> {
  await migrateToLatest(db);
  await seedDemo(db);
  const owner = await createUserWithRole(db, { email: 'owner@example.org', role: 'member', name: 'Owner', password: testPassword });
  await contributionFixtures(db, owner);
  await recordAudit(db, { action: 'login', actorUserId: owner, ip: '192.0.2.1' });
}

async function withFolder<T>(dataDir: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

const snapshotOf = (dataDir: string) => withFolder(dataDir, tableSnapshot);

const slow = 300_000;

describe('clearinghouse backup and restore on the embedded database', () => {
  it(
    'a backup taken through the running server restores every table as it was, and keeps the replaced database aside',
    async () => {
      const dataDir = newDataDir();
      const env = { DATA_DIR: dataDir };
      await withFolder(dataDir, fill);
      // The demo's practices and the fixtures' (the contribution fixtures add some of their own).
      const filled = (await snapshotOf(dataDir)).practices.length;

      let server = await startServerOn(dataDir);
      // Written by the server while it runs: an import (revisions, audit), an account and a role change (audit).
      expect((await runCli(['import', exchangeFile('before-backup', 4)], env)).code).toBe(0);
      expect((await runCli(['user', 'create', '--email', 'ed@example.org', '--role', 'member', '--password-stdin'], env, 'another long password')).code).toBe(
        0,
      );
      expect((await runCli(['user', 'role', '--email', 'ed@example.org', '--role', 'editor'], env)).code).toBe(0);

      const file = path.join(tmp, 'through-server.tar.gz');
      const backup = await runCli(['backup', file], env);
      expect(backup.stderr).toContain(`Database: the embedded database in ${dataDir}, through the Clearinghouse server that holds it (process ${server.pid}, `);
      expect(backup.stdout).toMatch(new RegExp(`^Backed up the embedded database in ${dataDir} to ${file} \\(\\d+\\.\\d MB, \\d+\\.\\d s\\)\\.\\n$`));
      expect(backup.code).toBe(0);
      // It holds password hashes: for its owner's eyes only.
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      await server.stop();
      const atBackup = await snapshotOf(dataDir);
      expect(atBackup.practices.length).toBe(filled + 4);
      expect(atBackup.users.length).toBeGreaterThanOrEqual(3);
      expect(atBackup.submissions.length).toBeGreaterThanOrEqual(2);
      expect(atBackup.audit_log.length).toBeGreaterThanOrEqual(3);

      // Later changes, which the restore must undo; meanwhile a restore is refused and names the server.
      server = await startServerOn(dataDir);
      const refused = await runCli(['restore', file], env);
      expect(refused.code).toBe(75);
      expect(refused.stderr).toContain(`The data folder ${dataDir} is in use by a Clearinghouse server (process ${server.pid}, at http://`);
      expect(refused.stderr).toContain(`stop it first (kill ${server.pid})`);
      expect((await runCli(['import', exchangeFile('after-backup', 3)], env)).code).toBe(0);
      expect(
        (await runCli(['user', 'create', '--email', 'late@example.org', '--role', 'member', '--password-stdin'], env, 'yet another long password')).code,
      ).toBe(0);
      await server.stop();

      const restored = await runCli(['restore', file], env);
      expect(restored.stderr).toBe(`Database: the embedded database in ${dataDir}.\n`);
      expect(restored.stdout).toContain(
        `Restored ${file} into ${dataDir}: ${filled + 4} practices, ${atBackup.users.length} accounts, ${atBackup.submissions.length} submissions.\n`,
      );
      expect(restored.code).toBe(0);
      const aside = /kept in (\S+); delete that folder/.exec(restored.stdout)?.[1] as string;
      expect(path.dirname(aside)).toBe(dataDir);

      expect(await snapshotOf(dataDir)).toEqual(atBackup);
      // The replaced database is intact beside it.
      const asideDb = await openDatabase({ kind: 'pglite', dataDir: aside });
      const replaced = await tableSnapshot(asideDb).finally(() => asideDb.destroy());
      expect(replaced.practices.length).toBe(filled + 4 + 3);
      expect(replaced.users.some((u) => u.includes('late@example.org'))).toBe(true);

      // And a server serves the restored data.
      server = await startServerOn(dataDir);
      try {
        expect(await apiTotal(server.url)).toBe(filled + 4);
        expect((await fetch(`${server.url}/api/v1/practices/after-backup-0`)).status).toBe(404);
        expect((await fetch(`${server.url}/api/v1/practices/before-backup-0`)).status).toBe(200);
      } finally {
        await server.stop();
      }
    },
    slow,
  );

  it(
    'without a server the command opens the folder itself; the backup restores into an empty folder; a file that is no backup changes nothing',
    async () => {
      const source = newDataDir();
      await withFolder(source, fill);
      const file = path.join(tmp, 'direct.tar.gz');
      const backup = await runCli(['backup', file], { DATA_DIR: source });
      expect(backup.stderr).toBe(`Database: the embedded database in ${source}.\n`);
      expect(backup.code).toBe(0);

      const target = path.join(tmp, 'restored-here');
      const restored = await runCli(['restore', file], { DATA_DIR: target });
      expect(restored.code).toBe(0);
      expect(restored.stdout).not.toContain('kept in');
      expect(await snapshotOf(target)).toEqual(await snapshotOf(source));

      const notABackup = exchangeFile('not-a-backup', 1);
      const refused = await runCli(['restore', notABackup], { DATA_DIR: target });
      expect(refused.code).toBe(65);
      expect(refused.stderr).toContain('is not a backup made by "clearinghouse backup"');
      const truncated = path.join(tmp, 'truncated.tar.gz');
      fs.writeFileSync(truncated, fs.readFileSync(file).subarray(0, 200_000));
      const broken = await runCli(['restore', truncated], { DATA_DIR: target });
      expect(broken.code).toBe(65);
      expect(broken.stderr).toContain('does not restore');
      expect(fs.readdirSync(target).sort()).toEqual(['db']);
      expect(await snapshotOf(target)).toEqual(await snapshotOf(source));

      // An empty folder has nothing to back up, and is left as it was.
      const empty = path.join(tmp, 'nothing-here');
      const nothing = await runCli(['backup', path.join(tmp, 'nothing.tar.gz')], { DATA_DIR: empty });
      expect(nothing.code).toBe(66);
      expect(nothing.stderr).toContain('There is nothing to back up here.');
      expect(fs.existsSync(empty)).toBe(false);
      expect(fs.existsSync(path.join(tmp, 'nothing.tar.gz'))).toBe(false);
    },
    slow,
  );
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('backups on PostgreSQL', () => {
  it(
    'the command points to pg_dump without showing the password, and the documented pg_dump / pg_restore round trip gives the same tables',
    async () => {
      const original = await createPostgresDatabase(process.env.TEST_DATABASE_URL as string, 'ch_backup');
      const copy = await createPostgresDatabase(process.env.TEST_DATABASE_URL as string, 'ch_restore');
      try {
        const withPassword = new URL(original.url);
        withPassword.password = 'not-to-be-shown';
        const advice = await runCli(['backup', 'ch.dump'], { DATABASE_URL: withPassword.href, DATA_DIR: newDataDir() });
        expect(advice.code).toBe(64);
        expect(advice.stderr).toContain(`pg_dump --format=custom --no-owner --file='ch.dump' "$DATABASE_URL"`);
        expect(advice.stderr).not.toContain('not-to-be-shown');
        const restoreAdvice = await runCli(['restore', 'ch.dump'], { DATABASE_URL: original.url, DATA_DIR: newDataDir() });
        expect(restoreAdvice.stderr).toContain(`pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" 'ch.dump'`);

        const db = await openDatabase({ kind: 'postgres', url: original.url, poolSize: 2 });
        const restoredDb = await openDatabase({ kind: 'postgres', url: copy.url, poolSize: 2 });
        try {
          await fill(db);
          // The commands of docs/operations.md, as an operator runs them.
          const dump = path.join(tmp, 'pg.dump');
          execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, original.url]);
          execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${copy.url}`, dump]);
          expect(await tableSnapshot(restoredDb)).toEqual(await tableSnapshot(db));
          // The restored database is current: nothing to migrate.
          expect(await migrateToLatest(restoredDb)).toEqual([]);
        } finally {
          await db.destroy();
          await restoredDb.destroy();
        }
      } finally {
        await original.drop();
        await copy.drop();
      }
    },
    slow,
  );
});
