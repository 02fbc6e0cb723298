import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maxImportBytes, readImportForm } from '../src/admin/admin-import.schema.ts';
import { importCommand } from '../src/cli/commands/import.command.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import { AccountClient, signedInClient } from './support/account-client.ts';
import { practiceFields } from './support/practice-record.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

let counter = 0;

/** A valid practice in the exchange format; `id` makes it unique. */
function practice(id: string, overrides: Record<string, unknown> = {}) {
  return practiceFields({ id, summary: `Imported from the browser (${id}).`, city: 'Turin', country: 'IT', ...overrides });
}

/** An exchange document as text. */
const exchange = (practices: unknown[]) => JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices });

/** What the import form sends: a file and/or pasted JSON, and the two options. */
interface ImportPost {
  file?: { name: string; text: string };
  json?: string;
  partial?: boolean;
  checkOnly?: boolean;
}

/** The number shown for one count of the report (created, updated, unchanged, failed, valid). */
const countIn = (html: string, name: string) => Number(new RegExp(`data-count="${name}">([\\d,]+)<`).exec(html)?.[1].replace(/,/g, ''));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearinghouse-admin-import-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

for (const engine of testEngines()) {
  describe(`admin import from the browser (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      app = createTestApp(db, { TRUST_PROXY: 'true', ADMIN_TOKEN: 'secret-token' });
    });
    afterAll(() => drop());

    const browser = () => new AccountClient(app, { 'x-forwarded-for': `192.0.2.${++counter % 250}` });

    /** Creates an account with a role and signs it in through /login. */
    const signedIn = (role: Role, name = `${role} person`) => signedInClient(app, db, role, name);

    /** Posts the multipart import form as a browser does, with the token of `formPage`. */
    async function postImport(b: AccountClient, post: ImportPost, formPage = '/admin/import') {
      const form = new FormData();
      form.append('_csrf', await b.tokenFrom(formPage));
      // A file input left empty still sends a part with no name and no bytes.
      form.append('file', new Blob([post.file?.text ?? ''], { type: 'application/json' }), post.file?.name ?? '');
      form.append('json', post.json ?? '');
      if (post.partial) form.append('partial', 'on');
      if (post.checkOnly) form.append('check_only', 'on');
      const res = await b.request('/admin/import', { method: 'POST', headers: { origin: b.origin }, body: form });
      return { res, html: await res.text() };
    }

    const storedIds = async (prefix: string) =>
      (await db.selectFrom('practices').select('id').where('id', 'like', `${prefix}%`).orderBy('id').execute()).map((r) => r.id);
    const importAudits = () => db.selectFrom('audit_log').selectAll().where('action', '=', 'import').orderBy('id').execute();

    it('imports a valid file as published practices in the admin’s name, reports the counts, and audits it', async () => {
      const admin = await signedIn('admin', 'Ada Admin');
      const page = await admin.b.page('/admin/import');
      expect(page.res.status).toBe(200);
      expect(page.html).toContain('enctype="multipart/form-data"');
      expect(page.html).toContain('href="/admin/tags"');

      const text = exchange([practice('good-one'), practice('good-two'), practice('good-three')]);
      const first = await postImport(admin.b, { file: { name: 'good.json', text } });
      expect(first.res.status).toBe(200);
      expect(first.html).toContain('The file was imported.');
      expect([countIn(first.html, 'created'), countIn(first.html, 'updated'), countIn(first.html, 'unchanged'), countIn(first.html, 'failed')]).toEqual([
        3, 0, 0, 0,
      ]);
      expect(await storedIds('good-')).toEqual(['good-one', 'good-three', 'good-two']);
      const revisions = await db
        .selectFrom('practice_revisions')
        .select(['author', 'author_id', 'kind', 'message'])
        .where('practice_id', '=', 'good-one')
        .execute();
      expect(revisions).toHaveLength(1);
      expect({ ...revisions[0], author_id: Number(revisions[0].author_id) }).toEqual({
        author: 'Ada Admin',
        author_id: admin.id,
        kind: 'import',
        message: 'import good.json',
      });
      expect((await app.request('/practices/good-two')).status).toBe(200);

      const audits = await importAudits();
      expect(audits).toHaveLength(1);
      expect(Number(audits[0].actor_user_id)).toBe(admin.id);
      expect(audits[0].details).toEqual({ source: 'good.json', via: 'browser', partial: false, created: 3, updated: 0, unchanged: 0, failed: 0 });

      // The same file again changes nothing.
      const again = await postImport(admin.b, { file: { name: 'good.json', text } });
      expect([countIn(again.html, 'created'), countIn(again.html, 'unchanged')]).toEqual([0, 3]);
    });

    it('writes nothing from a file with errors and lists every error with its path; partial writes the valid ones', async () => {
      const admin = await signedIn('admin');
      const text = exchange([
        practice('mixed-ok'),
        practice('mixed-bad-theme', { themes: ['housng'] }),
        practice('mixed-no-title', { title: undefined, colour: 'red' }),
      ]);
      const auditsBefore = (await importAudits()).length;

      const refused = await postImport(admin.b, { file: { name: 'mixed.json', text } });
      expect(refused.res.status).toBe(400);
      expect(refused.html).toContain('3 errors; nothing was written.');
      expect(refused.html).toContain('<li><code>practices[1].themes[0]</code>: unknown theme &quot;housng&quot;</li>');
      expect(refused.html).toContain('<li><code>practices[2].title</code>: is required</li>');
      expect(refused.html).toContain('<li><code>practices[2].colour</code>: unknown field</li>');
      expect(countIn(refused.html, 'failed')).toBe(2);
      expect(await storedIds('mixed-')).toEqual([]);
      expect(await importAudits()).toHaveLength(auditsBefore);

      const partial = await postImport(admin.b, { file: { name: 'mixed.json', text }, partial: true });
      expect(partial.res.status).toBe(200);
      expect(partial.html).toContain('The valid records were imported; 2 failed records were not.');
      expect([countIn(partial.html, 'created'), countIn(partial.html, 'failed')]).toEqual([1, 2]);
      expect(partial.html).toContain('practices[1].themes[0]');
      expect(partial.html).toMatch(/id="f-partial" name="partial" checked/);
      expect(await storedIds('mixed-')).toEqual(['mixed-ok']);
      const audits = await importAudits();
      expect(audits).toHaveLength(auditsBefore + 1);
      expect(audits.at(-1)?.details).toMatchObject({ source: 'mixed.json', via: 'browser', partial: true, created: 1, failed: 2 });
    });

    it('checks only, writing nothing, and keeps pasted JSON with problems in the box', async () => {
      const admin = await signedIn('admin');
      const auditsBefore = (await importAudits()).length;
      const good = await postImport(admin.b, { file: { name: 'check.json', text: exchange([practice('check-one'), practice('check-two')]) }, checkOnly: true });
      expect(good.res.status).toBe(200);
      expect(good.html).toContain('The file is valid: 2 practices can be imported. Nothing was written.');
      expect(countIn(good.html, 'valid')).toBe(2);

      const pasted = exchange([practice('check-three', { country: 'XX' })]);
      const bad = await postImport(admin.b, { json: pasted, checkOnly: true });
      expect(bad.res.status).toBe(200);
      expect(bad.html).toContain('1 error found. Nothing was written.');
      expect(bad.html).toContain('<code>practices[0].country</code>');
      expect(bad.html).toContain('&quot;check-three&quot;');
      expect(await storedIds('check-')).toEqual([]);
      expect(await importAudits()).toHaveLength(auditsBefore);

      // Pasted JSON imports like a file.
      const imported = await postImport(admin.b, { json: exchange([practice('check-pasted')]) });
      expect(imported.res.status).toBe(200);
      expect(countIn(imported.html, 'created')).toBe(1);
      expect(await storedIds('check-')).toEqual(['check-pasted']);
      expect((await importAudits()).at(-1)?.details).toMatchObject({ source: 'pasted', created: 1 });
    });

    it('asks for exactly one file or pasted JSON', async () => {
      const admin = await signedIn('admin');
      const none = await postImport(admin.b, {});
      expect(none.res.status).toBe(400);
      expect(none.html).toContain('Choose a file, or paste the JSON.');
      expect(none.html).toContain('href="#f-file"');
      const both = await postImport(admin.b, { file: { name: 'a.json', text: exchange([]) }, json: exchange([]) });
      expect(both.res.status).toBe(400);
      expect(both.html).toContain('Choose a file or paste the JSON, not both.');
    });

    it('refuses members and editors with 403, writing nothing', async () => {
      const auditsBefore = (await importAudits()).length;
      for (const role of ['member', 'editor'] as const) {
        const { b } = await signedIn(role);
        expect((await b.request('/admin/import')).status).toBe(403);
        const { res } = await postImport(b, { file: { name: 'sneaky.json', text: exchange([practice(`sneaky-${role}`)]) } }, '/account');
        expect(res.status).toBe(403);
      }
      const visitor = browser();
      const res = await visitor.request('/admin/import');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/admin/import')}`);
      expect(await storedIds('sneaky-')).toEqual([]);
      expect(await importAudits()).toHaveLength(auditsBefore);
    });

    it('audits imports the command line sends through the local admin endpoint, with no actor', async () => {
      const res = await app.request('/internal/import?source=through-server.json', {
        method: 'POST',
        body: exchange([practice('cli-served')]),
        headers: { authorization: 'Bearer secret-token' },
      });
      expect(res.status).toBe(200);
      await res.text();
      const audit = (await importAudits()).at(-1);
      expect(audit?.actor_user_id).toBeNull();
      expect(audit?.details).toEqual({ source: 'through-server.json', via: 'cli', partial: false, created: 1, updated: 0, unchanged: 0, failed: 0 });
    });
  });
}

describe('admin import limits and the command line', () => {
  it('refuses an upload larger than the limit with a message', async () => {
    const big = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(big, 'size', { value: maxImportBytes + 1 });
    const form = await readImportForm({ file: big, json: '' });
    expect(form).toMatchObject({ ok: false, errors: { file: 'admin.import.error.too_large' } });
  });

  it('audits an import the command line writes to the embedded database itself', async () => {
    const dataDir = fs.mkdtempSync(path.join(tmp, 'data-'));
    const file = path.join(tmp, 'cli-direct.json');
    fs.writeFileSync(file, exchange([practice('cli-direct-one'), practice('cli-direct-two')]));
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await importCommand(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), file, { partial: false })).toBe(0);
    } finally {
      quiet.mockRestore();
    }
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
    try {
      const audits = await db.selectFrom('audit_log').selectAll().where('action', '=', 'import').execute();
      expect(audits).toHaveLength(1);
      expect(audits[0].actor_user_id).toBeNull();
      expect(audits[0].details).toEqual({ source: 'cli-direct.json', via: 'cli', partial: false, created: 2, updated: 0, unchanged: 0, failed: 0 });
    } finally {
      await db.destroy();
    }
  });
});
