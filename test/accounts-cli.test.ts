import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { verifyPassword } from '../src/security/password-hash.ts';
import { repoRoot } from './support/server-process.ts';

/** Runs the real `clearinghouse` command with `input` on its standard input. */
function runCli(args: string[], dataDir: string, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'false' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/clearinghouse.js'), ...args], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearinghouse-user-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('clearinghouse user', () => {
  it('creates an admin with a password from standard input, then changes the role', async () => {
    const dataDir = fs.mkdtempSync(path.join(tmp, 'data-'));
    // A folder with no database yet: the first admin of a new install is created with --new-database.
    const created = await runCli(
      ['user', 'create', '--email', 'Admin@Example.org', '--role', 'admin', '--name', 'Ada Admin', '--password-stdin', '--new-database'],
      dataDir,
      'a secret sentence for the operator\n',
    );
    expect(created.stderr).toContain(
      `Database: the embedded database in ${dataDir}.\nWarning: the data folder ${dataDir} holds no Clearinghouse database yet; creating a new, empty one.`,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created Admin@Example.org with the role admin');

    const weak = await runCli(['user', 'create', '--email', 'b@example.org', '--role', 'member', '--password-stdin'], dataDir, 'short\n');
    expect(weak.code).toBe(65);
    expect(weak.stderr).toContain('password is not accepted');

    const role = await runCli(['user', 'role', '--email', 'admin@example.org', '--role', 'editor'], dataDir, '');
    expect(role.code).toBe(0);

    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
    try {
      const users = await db.selectFrom('users').selectAll().execute();
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ email: 'Admin@Example.org', name: 'Ada Admin', role: 'editor', state: 'active' });
      expect(users[0].email_confirmed_at).not.toBeNull();
      // The trailing newline from the pipe is not part of the password.
      expect(await verifyPassword(users[0].password_hash, 'a secret sentence for the operator')).toBe(true);
    } finally {
      await db.destroy();
    }
  }, 180_000);

  it('refuses an unknown role and a missing email with usage errors', async () => {
    const dataDir = fs.mkdtempSync(path.join(tmp, 'data-'));
    expect((await runCli(['user', 'create', '--email', 'x@example.org', '--role', 'king', '--password-stdin'], dataDir, 'whatever long enough')).code).toBe(64);
    expect((await runCli(['user', 'role', '--role', 'admin'], dataDir, '')).code).toBe(64);
  }, 60_000);
});
