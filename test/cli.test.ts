import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../src/db/data-dir-lock.ts';
import { runCli, type ServerOnFolder, startServerOn, storedIds } from './support/cli-process.ts';
import { practiceFields } from './support/practice-record.ts';
import { freePort } from './support/server-process.ts';
import { createPostgresDatabase } from './support/test-db.ts';

/** A practice in the exchange format; `n` makes it unique. */
function practice(n: number, overrides: Record<string, unknown> = {}) {
  return practiceFields({
    id: `cli-practice-${n}`,
    title: `Practice number ${n}`,
    summary: `A practice written for the command-line tests, number ${n}.`,
    city: n % 2 ? 'Turin' : 'Lisbon',
    country: n % 2 ? 'IT' : 'PT',
    themes: n % 3 ? ['housing'] : ['health', 'education'],
    ...overrides,
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearinghouse-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes an exchange file into the test's temporary folder and returns its path. */
function exchangeFile(name: string, practices: unknown[]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices }));
  return file;
}

const newDataDir = () => fs.mkdtempSync(path.join(tmp, 'data-'));

/** The line a command prints when it works through the server that holds the folder. */
const throughServer = (dataDir: string, pid: number) =>
  new RegExp(
    `^Database: the embedded database in ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, through the Clearinghouse server that holds it \\(process ${pid}, http://127\\.0\\.0\\.1:\\d+\\)\\.\n`,
  );

// Each run starts a process and opens an embedded database: allow for a slow machine.
const slow = 180_000;

describe('clearinghouse CLI on the embedded database', () => {
  it(
    'prints usage, and refuses wrong usage with status 64',
    async () => {
      const help = await runCli(['--help'], { DATA_DIR: newDataDir() });
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: clearinghouse <command>');
      for (const command of ['migrate', 'import FILE [--partial]', 'export [options]', 'seed-demo', 'backup FILE', 'restore FILE'])
        expect(help.stdout).toContain(command);

      const unknown = await runCli(['frobnicate'], { DATA_DIR: newDataDir() });
      expect(unknown.code).toBe(64);
      expect(unknown.stderr).toContain('Unknown command "frobnicate"');

      const format = await runCli(['export', '--format', 'xml'], { DATA_DIR: newDataDir() });
      expect(format.code).toBe(64);
      expect(format.stderr).toContain('--format must be one of json, csv');

      const filter = await runCli(['export', '--theme', 'housng'], { DATA_DIR: newDataDir() });
      expect(filter.code).toBe(64);
      expect(filter.stderr).toContain('Unknown filter value: --theme "housng"');
    },
    slow,
  );

  it(
    'on an invalid file, prints every error with its JSON path, exits non-zero and writes nothing',
    async () => {
      const dataDir = newDataDir();
      const file = exchangeFile('bad.json', [practice(1), practice(2, { themes: ['housng'] }), practice(3, { country: 'XX', titel: 'typo' })]);
      const run = await runCli(['import', file], { DATA_DIR: dataDir });
      expect(run.code).toBe(65);
      expect(run.stderr).toContain('practices[1].themes[0]: unknown theme "housng"\n');
      expect(run.stderr).toContain('practices[2].country: unknown ISO 3166-1 alpha-2 country code "XX"\n');
      expect(run.stderr).toContain('practices[2].titel: unknown field\n');
      expect(run.stderr).toContain('nothing was written');
      expect(run.stdout).toBe('Summary: created 0, updated 0, unchanged 0, failed 2\n');
      // The file was refused before the database was even opened.
      expect(fs.existsSync(path.join(dataDir, 'db'))).toBe(false);
    },
    slow,
  );

  it(
    'imports a good file with a summary line, --partial imports the valid records, and a re-import changes nothing',
    async () => {
      const dataDir = newDataDir();
      const good = exchangeFile('good.json', [practice(1), practice(2), practice(3)]);
      const first = await runCli(['import', good], { DATA_DIR: dataDir });
      // It says which database it writes, and that it is a new one.
      expect(first.stderr).toBe(
        `Database: the embedded database in ${dataDir}.\n` +
          `Warning: the data folder ${dataDir} holds no Clearinghouse database yet; creating a new, empty one. ` +
          'If your server uses another database, set DATA_DIR to its data folder (the server logs it at start: "database":"pglite:…").\n',
      );
      expect(first.code).toBe(0);
      // Not a terminal: no progress bar, just the summary.
      expect(first.stdout).toBe('Summary: created 3, updated 0, unchanged 0, failed 0\n');

      const again = await runCli(['import', good], { DATA_DIR: dataDir });
      expect(again.stderr).toBe(`Database: the embedded database in ${dataDir}.\n`);
      expect(again.stdout).toBe('Summary: created 0, updated 0, unchanged 3, failed 0\n');

      const mixed = exchangeFile('mixed.json', [practice(1, { title: 'Practice number one' }), practice(4, { themes: [] }), practice(5)]);
      const partial = await runCli(['import', mixed, '--partial'], { DATA_DIR: dataDir });
      expect(partial.code).toBe(65);
      expect(partial.stderr).toContain('practices[1].themes: needs at least one theme');
      expect(partial.stdout).toBe('Summary: created 1, updated 1, unchanged 0, failed 1\n');
      expect(await storedIds(dataDir)).toEqual(['cli-practice-1', 'cli-practice-2', 'cli-practice-3', 'cli-practice-5']);
    },
    slow,
  );

  it(
    'exports JSON that imports into an empty folder as the same records, and CSV with filters',
    async () => {
      const source = newDataDir();
      const practices = Array.from({ length: 12 }, (_, i) => practice(i + 1, { adapted_from: i ? [{ id: `cli-practice-${i}` }] : [{ id: 'elsewhere' }] }));
      expect((await runCli(['import', exchangeFile('all.json', practices)], { DATA_DIR: source })).code).toBe(0);

      const out = path.join(tmp, 'export.json');
      const exported = await runCli(['export', '--out', out], { DATA_DIR: source });
      expect(exported.code).toBe(0);
      expect(exported.stderr).toBe(`Database: the embedded database in ${source}.\nExported 12 practices (json) to ${out}.\n`);
      const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
      expect(doc.practices.map((p: { id: string }) => p.id).sort()).toEqual(practices.map((p) => p.id).sort());
      for (const p of practices) expect(doc.practices.find((x: { id: string }) => x.id === p.id)).toEqual(p);

      const target = newDataDir();
      const imported = await runCli(['import', out], { DATA_DIR: target });
      expect(imported.stdout).toBe('Summary: created 12, updated 0, unchanged 0, failed 0\n');
      const again = await runCli(['export'], { DATA_DIR: target });
      expect(again.stdout).toBe(fs.readFileSync(out, 'utf8'));

      const csv = await runCli(['export', '--format', 'csv', '--theme', 'housing', '--country', 'IT'], { DATA_DIR: target });
      expect(csv.code).toBe(0);
      const lines = csv.stdout.trimEnd().split('\n'); // trim() would drop the BOM
      expect(lines[0].startsWith('\uFEFFid,title,summary')).toBe(true);
      const expected = practices.filter((p) => p.themes.includes('housing') && p.country === 'IT');
      expect(
        lines
          .slice(1)
          .map((l) => l.split(',')[0])
          .sort(),
      ).toEqual(expected.map((p) => p.id).sort());
    },
    slow,
  );

  it(
    'refuses, saying what to do, when a server holds the folder but does not answer',
    async () => {
      const dataDir = newDataDir();
      const release = await lockDataDir(dataDir);
      try {
        const port = await freePort();
        // This test process plays a server that hung: alive, holding the lock, not listening.
        fs.writeFileSync(path.join(dataDir, 'server.json'), JSON.stringify({ pid: process.pid, url: `http://127.0.0.1:${port}`, token: 't' }));
        const run = await runCli(['import', exchangeFile('one.json', [practice(1)])], { DATA_DIR: dataDir });
        expect(run.code).toBe(75);
        expect(run.stderr).toContain(`does not answer at http://127.0.0.1:${port}`);
        expect(run.stderr).toContain(`stop it (kill ${process.pid}), then run this command again`);
        expect(fs.existsSync(path.join(dataDir, 'db'))).toBe(false);
      } finally {
        await release();
      }
    },
    slow,
  );

  it(
    'makes an account the representative of a city and ends it; an unknown city is a data error',
    async () => {
      const dataDir = newDataDir();
      // Cities come with their practices: one in Duisburg first.
      const duisburg = practice(800, { id: 'cli-city-duisburg', city: 'Duisburg', country: 'DE' });
      expect((await runCli(['import', exchangeFile('city-duisburg.json', [duisburg])], { DATA_DIR: dataDir })).code).toBe(0);
      const email = 'ana@example.org';
      const created = await runCli(
        ['user', 'create', '--email', email, '--role', 'member', '--password-stdin'],
        { DATA_DIR: dataDir },
        'a long enough password for ana',
      );
      expect(created.code).toBe(0);
      const city = (sub: string, ref: string) => runCli(['city', sub, '--email', email, '--city', ref], { DATA_DIR: dataDir });

      const granted = await city('grant', 'de/duisburg');
      expect(granted.stdout).toBe(`${email} now represents de/duisburg.\n`);
      expect(granted.code).toBe(0);
      expect((await city('grant', 'DE/Duisburg')).stdout).toBe(`${email} already represents de/duisburg.\n`);

      const unknown = await city('grant', 'de/atlantis');
      expect(unknown.code).toBe(65);
      expect(unknown.stderr).toContain('no city de/atlantis is recorded');
      expect(unknown.stdout).toBe('');

      expect((await city('revoke', 'de/duisburg')).stdout).toBe(`${email} no longer represents de/duisburg.\n`);
      expect((await city('revoke', 'de/duisburg')).stdout).toBe(`${email} did not represent de/duisburg.\n`);
    },
    slow,
  );
});

describe('clearinghouse CLI while a server runs on the same folder', () => {
  const dataDir = newDataDir();
  let server: ServerOnFolder;
  let stopped = false;

  beforeAll(async () => {
    server = await startServerOn(dataDir);
  }, slow);
  afterAll(async () => {
    if (!stopped) await server?.stop();
  });

  it(
    "refuses to create an account in a folder with no database, naming it; in the server's folder it goes through the server",
    async () => {
      // The mistake of the issue: the server runs on one folder, the command is run without its DATA_DIR.
      const elsewhere = path.join(tmp, 'not-the-servers-data');
      const create = ['user', 'create', '--email', 'ana@example.org', '--role', 'admin', '--password-stdin'];
      const refused = await runCli(create, { DATA_DIR: elsewhere }, 'a long enough password for ana');
      expect(refused.code).toBe(66);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`Database: the embedded database in ${elsewhere}.\n`);
      expect(refused.stderr).toContain(
        `The data folder ${elsewhere} holds no Clearinghouse database yet, so "clearinghouse user create" would act on a new, empty database that no server uses.`,
      );
      expect(refused.stderr).toContain('set DATA_DIR to its data folder');
      expect(refused.stderr).toContain('run the command again with --new-database');
      expect(fs.existsSync(elsewhere)).toBe(false);

      const created = await runCli(create, { DATA_DIR: dataDir }, 'a long enough password for ana');
      expect(created.stderr).toMatch(throughServer(dataDir, server.pid));
      expect(created.stdout).toBe('Created ana@example.org with the role admin.\n');
      expect(created.code).toBe(0);
      // The server's database has the account: it can change its role.
      const role = await runCli(['user', 'role', '--email', 'ana@example.org', '--role', 'editor'], { DATA_DIR: dataDir });
      expect(role.stdout).toBe('ana@example.org now has the role editor.\n');
    },
    slow,
  );

  it(
    'records city figures from a CSV file through the server: every error by line and column and nothing written, then the figures on the city page',
    async () => {
      // Cities come with their practices: one in Duisburg first.
      const duisburg = practice(900, { id: 'cli-figures-duisburg', city: 'Duisburg', country: 'DE' });
      expect((await runCli(['import', exchangeFile('duisburg.json', [duisburg])], { DATA_DIR: dataDir })).code).toBe(0);
      const header = 'country,city,indicator,year,value,source_name,source_url\n';
      const bad = path.join(tmp, 'figures-bad.csv');
      fs.writeFileSync(
        bad,
        `${header}DE,Duisburg,employment-rate-gap,2020,-9.5,Statistik,https://example.org\nDE,Atlantis,employment-rate-gap,2020,1,S,\nDE,Duisburg,foreign-born-share,2020,150,S,\n`,
      );
      const refused = await runCli(['figures', bad], { DATA_DIR: dataDir });
      expect(refused.code).toBe(65);
      expect(refused.stderr).toMatch(throughServer(dataDir, server.pid));
      expect(refused.stderr).toContain('line 3, column city: no recorded city "Atlantis" in DE');
      expect(refused.stderr).toContain('line 4, column value: between 0 and 100 for foreign-born-share');
      expect(refused.stderr).toContain('nothing was written');
      expect(refused.stdout).toBe('Summary: created 0, updated 0, unchanged 0, failed 2\n');
      const before = await (await fetch(`${server.url}/api/v1/cities/de/duisburg`)).json();
      expect(before.figures_by_year.map((s: { indicator: string }) => s.indicator)).not.toContain('employment-rate-gap');

      const good = path.join(tmp, 'figures-good.csv');
      fs.writeFileSync(
        good,
        `${header}DE,Duisburg,employment-rate-gap,2020,-9.5,Statistik,https://example.org\nDE,duisburg,employment-rate-gap,2021,-8,Statistik,https://example.org\n`,
      );
      const recorded = await runCli(['figures', good], { DATA_DIR: dataDir });
      expect(recorded.stdout).toBe('Summary: created 2, updated 0, unchanged 0, failed 0\n');
      expect(recorded.code).toBe(0);
      const page = await (await fetch(`${server.url}/cities/de/duisburg`)).text();
      expect(page).toContain('-9.5 percentage points');
      expect(page).toMatch(/<svg[^>]*role="img"/);
    },
    slow,
  );

  it(
    'imports through the server, which shows the practices at once, and nothing is lost after it stops',
    async () => {
      const practices = Array.from({ length: 40 }, (_, i) => practice(i + 1));
      const file = exchangeFile('through-server.json', practices);

      // The site keeps answering while the import runs in parallel.
      let importing = true;
      const browsing = (async () => {
        let answered = 0;
        while (importing) {
          const res = await fetch(`${server.url}/api/v1/practices`);
          expect(res.status).toBe(200);
          answered++;
        }
        return answered;
      })();
      const run = await runCli(['import', file], { DATA_DIR: dataDir });
      importing = false;
      expect(await browsing).toBeGreaterThan(0);

      // It says which database it used: the folder, through the server that holds it.
      expect(run.stderr).toMatch(throughServer(dataDir, server.pid));
      expect(run.stdout).toBe('Summary: created 40, updated 0, unchanged 0, failed 0\n');
      expect(run.code).toBe(0);

      const listed = await (await fetch(`${server.url}/api/v1/practices?theme=housing`)).json();
      expect(listed.total).toBe(practices.filter((p) => p.themes.includes('housing')).length);
      expect((await fetch(`${server.url}/api/v1/practices/cli-practice-40`)).status).toBe(200);

      // Exports go through the server too, and migrate refuses with the way forward.
      const exported = await runCli(['export', '--format', 'csv'], { DATA_DIR: dataDir });
      expect(exported.code).toBe(0);
      // The header, the 40 imported here and the Duisburg practice of the figures test.
      expect(exported.stdout.trim().split('\n')).toHaveLength(42);
      const migrate = await runCli(['migrate'], { DATA_DIR: dataDir });
      expect(migrate.code).toBe(75);
      expect(migrate.stderr).toContain('restart the server');

      await server.stop();
      stopped = true;
      expect(fs.existsSync(path.join(dataDir, 'server.json'))).toBe(false);
      expect(await storedIds(dataDir)).toEqual([...practices.map((p) => p.id), 'cli-figures-duisburg'].sort());
    },
    slow,
  );
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('clearinghouse CLI on PostgreSQL', () => {
  it(
    'simply connects: migrate, import, export',
    async () => {
      const database = await createPostgresDatabase(process.env.TEST_DATABASE_URL as string, 'ch_cli');
      try {
        const env = { DATABASE_URL: database.url, DATA_DIR: newDataDir() };
        const url = new URL(database.url);
        const named = `Database: the PostgreSQL database "${url.pathname.slice(1)}" on ${url.hostname}:${url.port || '5432'}${url.username ? ` as ${url.username}` : ''}.\n`;
        // An account is not created in a database without the Clearinghouse tables.
        const refused = await runCli(['user', 'create', '--email', 'x@example.org', '--role', 'admin', '--password-stdin'], env, 'a long enough password');
        expect(refused.code).toBe(66);
        expect(refused.stderr).toContain(`${named}The PostgreSQL database "${url.pathname.slice(1)}"`);
        expect(refused.stderr).toContain('holds no Clearinghouse database yet');
        expect(refused.stderr).toContain('set DATABASE_URL as it is set for the server');
        const migrated = await runCli(['migrate'], env);
        expect(migrated.stdout).toMatch(/^Applied \d+ migration\(s\): 0001-catalogue, /);
        expect(migrated.stderr).toContain(named);
        expect(migrated.stderr).toContain('Warning: the PostgreSQL database');
        expect((await runCli(['migrate'], env)).stdout).toBe('The schema is up to date.\n');
        // A bad file reports every error and writes nothing on PostgreSQL too.
        const bad = await runCli(['import', exchangeFile('pg-bad.json', [practice(1), practice(2, { themes: ['housng'] })])], env);
        expect(bad.code).toBe(65);
        expect(bad.stderr).toContain('practices[1].themes[0]: unknown theme "housng"\n');
        expect(JSON.parse((await runCli(['export'], env)).stdout).practices).toEqual([]);
        // A password in DATABASE_URL is never printed.
        const withPassword = new URL(database.url);
        withPassword.password = 'not-to-be-shown';
        const run = await runCli(['import', exchangeFile('pg.json', [practice(1), practice(2)])], { ...env, DATABASE_URL: withPassword.href });
        expect(run.stderr).toBe(named);
        expect(run.stdout).toBe('Summary: created 2, updated 0, unchanged 0, failed 0\n');
        const exported = JSON.parse((await runCli(['export'], env)).stdout);
        expect(exported.practices.map((p: { id: string }) => p.id)).toEqual(['cli-practice-1', 'cli-practice-2']);
        // No embedded folder was touched.
        expect(fs.readdirSync(env.DATA_DIR)).toEqual([]);
      } finally {
        await database.drop();
      }
    },
    slow,
  );
});
