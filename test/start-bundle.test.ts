import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/server-process.ts';

// bin/bundle.js finds the project from its own location, so a copy of it in a small project of
// its own runs that project's sources: what `npm start` does with ours, on files we may edit.
let project: string;

function run(): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(project, 'bin/start.js')], { cwd: project, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

/** Writes a source file, with the given modification time if any. */
function writeSource(file: string, text: string, mtime?: Date) {
  const full = path.join(project, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  if (mtime) fs.utimesSync(full, mtime, mtime);
}

/** The bundles built so far. */
function bundles(): string[] {
  return fs.readdirSync(path.join(project, '.build')).filter((f) => f.endsWith('.js'));
}

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'clearinghouse-bundle-'));
  fs.mkdirSync(path.join(project, 'bin'));
  fs.copyFileSync(path.join(repoRoot, 'bin/bundle.js'), path.join(project, 'bin/bundle.js'));
  fs.copyFileSync(path.join(repoRoot, 'bin/start.js'), path.join(project, 'bin/start.js'));
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ type: 'module' }));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'));
  writeSource('src/greeting.ts', "export const greeting: string = 'first';\n");
  writeSource('src/main.ts', "import { greeting } from './greeting.ts';\nconsole.log(greeting);\n");
});

afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

describe('npm start runs the sources from a bundle', () => {
  it('builds the bundle on the first start and runs it', () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('first');
    expect(bundles()).toHaveLength(1);
  });

  it('reuses the bundle while no source has changed', () => {
    const [bundle] = bundles();
    const before = fs.statSync(path.join(project, '.build', bundle)).ino;
    expect(run().stdout).toBe('first');
    // A rebuild renames a new file into place, which gives it a new inode.
    expect(bundles()).toEqual([bundle]);
    expect(fs.statSync(path.join(project, '.build', bundle)).ino).toBe(before);
  });

  it('rebuilds when a module the entry imports changes', () => {
    writeSource('src/greeting.ts', "export const greeting: string = 'second';\n");
    expect(run().stdout).toBe('second');
  });

  it('rebuilds when a source is replaced by one with an older modification time, as unpacking a release does', () => {
    writeSource('src/greeting.ts', "export const greeting: string = 'older';\n", new Date('2025-06-01T12:00:00Z'));
    expect(run().stdout).toBe('older');
  });

  it('stops with the compiler message, not a stale bundle, when a source does not compile', () => {
    writeSource('src/greeting.ts', "export const greeting: string = 'third'\nexport const = ;\n");
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('src/greeting.ts');
  });

  it('runs the sources through tsx where .build cannot be written', () => {
    writeSource('src/greeting.ts', "export const greeting: string = 'without a bundle';\n");
    fs.rmSync(path.join(project, '.build'), { recursive: true });
    // A file in the folder's place: nothing can be created in it, whoever runs the test.
    fs.writeFileSync(path.join(project, '.build'), '');
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('without a bundle');
    expect(fs.statSync(path.join(project, '.build')).isFile()).toBe(true);
  });
});
