import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { catalogues } from '../src/i18n/i18n.ts';
import { withUnstorableReplaced } from '../src/shared/storable-text.ts';
import { AccountClient, signedInClient, testPassword } from './support/account-client.ts';
import { runCli } from './support/cli-process.ts';
import { contributionFixtures, type Fixtures, fingerprint } from './support/contribution-fixtures.ts';
import { fieldsOf, formsOn } from './support/html-forms.ts';
import { storedUnstorableText } from './support/input-fuzz.ts';
import { exchangeDocument, exchangeRecord } from './support/route-table.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';

/**
 * Regression tests of issue #13's findings: a NUL character (and any text no field may hold)
 * in a search, a path, a form field or an import file answered 500. Each one now gets the
 * site's usual answer: a 400 page in the site's look, a problem document for the API, the form
 * shown again with the typed text and a message by the field, the import's error list with the
 * JSON path; and nothing is written.
 */

const characterMessage = catalogues.en['form.error.characters'];

/** The message shown by a form field (found through the field's aria-describedby), or undefined. */
function fieldMessage(html: string, name: string): string | undefined {
  const root = parse(html);
  const field = root.querySelector(`[name="${name}"]`);
  const ids = field?.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  const error = ids.map((id) => root.getElementById(id)).find((el) => el?.classNames.includes('error'));
  return error?.textContent.trim();
}

/** The problems an import report lists, one `path: message` line each. */
function importIssues(html: string): string[] {
  return parse(html)
    .querySelectorAll('.import-issues li')
    .map((li) => li.textContent.trim());
}

/** The value a form field shows (input value or textarea text). */
function fieldValue(html: string, name: string): string | undefined {
  const field = parse(html).querySelector(`[name="${name}"]`);
  return field?.tagName === 'TEXTAREA' ? field.textContent.replace(/^\n/, '') : field?.getAttribute('value');
}

for (const engine of testEngines()) {
  describe(`text no field may hold (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;
    let member: AccountClient;
    let editor: AccountClient;
    let admin: AccountClient;
    let memberId: number;
    let f: Fixtures;

    beforeAll(async () => {
      ({ db, drop } = await createDemoDatabase(engine));
      app = createTestApp(db, { TRUST_PROXY: 'true', ADMIN_TOKEN: 'hardening-token', OUTBOX_DIR: `/tmp/ch-hardening-outbox-${process.pid}` });
      ({ b: member, id: memberId } = await signedInClient(app, db, 'member', 'Hardening Member'));
      ({ b: editor } = await signedInClient(app, db, 'editor', 'Hardening Editor'));
      ({ b: admin } = await signedInClient(app, db, 'admin', 'Hardening Admin'));
      f = await contributionFixtures(db, memberId);
    });
    afterAll(() => drop());

    const get = (url: string) => app.request(`http://localhost:3000${url}`);

    describe('addresses: a 400 page in the site’s look, or a problem document', () => {
      const pages = [
        '/practices?q=%00',
        '/practices/export.csv?q=%00',
        '/practices/export.json?q=%00',
        '/practices/feed.atom?q=%00',
        '/map?q=%00',
        '/map?target=%00',
        '/practices/export.csv?target=%00',
        '/practices/export.json?target=%00',
        '/practices?q=a%01b',
        '/practices?theme=housing&%00=1',
      ];
      for (const url of pages) {
        it(`GET ${url}`, async () => {
          const res = await get(url);
          const html = await res.text();
          expect(res.status).toBe(400);
          expect(res.headers.get('content-type')).toMatch(/^text\/html/);
          expect(html).toContain('<h1>That request could not be understood</h1>');
          expect(html).toMatch(/contains U\+00(00|01) \(a control character\)/);
          expect(html).not.toContain('\u0000');
        });
      }

      it('GET /fr/practices?q=%00 answers in French', async () => {
        const res = await get('/fr/practices?q=%00');
        expect(res.status).toBe(400);
        expect(await res.text()).toContain('Cette requête n’a pas pu être comprise');
      });

      it('GET /cities/de/%00 names the address', async () => {
        const res = await get('/cities/de/%00');
        expect(res.status).toBe(400);
        expect(await res.text()).toContain('path contains U+0000 (a control character) at character 12, which cannot be stored');
      });

      // `%00%%00-1`: not valid as a whole, so the router decodes each run of escapes (found by the fuzz test).
      for (const url of ['/api/v1/practices?q=a%00b', '/api/v1/practices/%00', '/api/v1/practices/%00%%00-1', '/api/v1/practices?target=%1B']) {
        it(`GET ${url} answers a problem document`, async () => {
          const res = await get(url);
          expect(res.status).toBe(400);
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          const problem = (await res.json()) as { code: string; errors: { path: string; message: string }[] };
          expect(problem.code).toBe('bad_request');
          expect(problem.errors[0].path).toBe(url.includes('?') ? url.split('?')[1].split('=')[0] : 'path');
          expect(problem.errors[0].message).toMatch(/^contains U\+00(00|1B) \(a control character\) at character \d+, which cannot be stored$/);
        });
      }

      it('GET /admin/users?q=%00 and /admin/audit?actor=%00 (as an admin)', async () => {
        for (const url of ['/admin/users?q=%00', '/admin/audit?actor=%00']) {
          const res = await admin.request(url);
          expect(res.status, url).toBe(400);
          expect(await res.text(), url).toContain('That request could not be understood');
        }
      });

      it('keeps what worked: invalid UTF-8, 100 KB values, repeated parameters and huge numbers', async () => {
        const invalid = await get('/practices?q=%ED%A0%80housing%FF');
        expect(invalid.status).toBe(200);
        const long = await get(`/practices?q=${'housing%20'.repeat(12_000)}`);
        expect(long.status).toBe(200);
        expect(await long.text()).toContain('Your search was longer than 200 characters, so it was shortened.');
        expect((await get('/practices?q=housing&q=health&theme=housing&theme=housing')).status).toBe(200);
        expect((await get('/practices?page=1e309&from=99999999999999999999')).status).toBe(200);
        const api = await get('/api/v1/practices?page=1e309');
        expect(api.status).toBe(400);
        expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        // Tabs and line breaks are text: a search with them is a search.
        expect((await get('/practices?q=night%09school%0A')).status).toBe(200);
      });
    });

    describe('forms: shown again with what was typed and a message by the field, nothing written', () => {
      /** The fields the form posting to `action` on `page` sends, with changes. */
      async function formFields(client: AccountClient, page: string, action: string, overrides: Record<string, string | string[]>) {
        const { html } = await client.page(page);
        const form = formsOn(html).find((x) => x.method === 'post' && x.action.replace(/^\/(ar|zh|fr|ru|es|en)(?=\/)/, '') === action);
        if (!form) throw new Error(`no form posting to ${action} on ${page}`);
        return fieldsOf(form, overrides);
      }

      /** Posts the form with one field holding `text`; checks the 400, the message by the field, the typed text kept, and the database unchanged. */
      async function refusesField(client: AccountClient, page: string, action: string, valid: Record<string, string>, field: string, text = `Typed a\u0000b`) {
        const fields = await formFields(client, page, action, { ...valid, [field]: text });
        const before = await fingerprint(db);
        const res = await client.submit(page, action, fields);
        const html = await res.text();
        expect(res.status, `${action} ${field}`).toBe(400);
        expect(fieldMessage(html, field), `message by ${field}`).toBe(characterMessage);
        // What was typed is kept, with U+FFFD where the character was (as a browser shows it).
        expect(fieldValue(html, field)).toBe(withUnstorableReplaced(text));
        expect(html).not.toContain('\u0000');
        expect(await fingerprint(db), `${action} wrote nothing`).toBe(before);
      }

      it("a thread comment's body", async () => {
        await refusesField(member, `/submissions/${f.submittedId}`, `/submissions/${f.submittedId}/comments`, {}, 'body');
      });

      it('an editor’s request for changes and a rejection', async () => {
        const fresh = await contributionFixtures(db, memberId);
        await refusesField(editor, `/submissions/${fresh.submittedId}`, `/submissions/${fresh.submittedId}/request-changes`, {}, 'message');
        await refusesField(editor, `/submissions/${fresh.submittedId}`, `/submissions/${fresh.submittedId}/reject`, {}, 'reason');
      });

      it('/account name (and the other profile texts)', async () => {
        await refusesField(member, '/account', '/account', {}, 'name');
        await refusesField(member, '/account', '/account', {}, 'organization', 'City\u000Bhall');
      });

      it('/submit title and summary: the draft keeps the rest, not the refused text', async () => {
        for (const field of ['title', 'summary']) {
          const valid = { title: 'A title that is fine', summary: 'A summary that is fine.', language: 'en', themes: 'housing' };
          const fields = await formFields(member, '/submit', '/submit', { ...valid, [field]: 'Bad\u0000text' });
          const res = await member.submit('/submit', '/submit', fields);
          const html = await res.text();
          expect(res.status).toBe(400);
          expect(fieldMessage(html, field)).toBe(characterMessage);
          expect(fieldValue(html, field)).toBe('Bad\uFFFDtext');
          expect(await storedUnstorableText(db)).toEqual([]);
          const draft = await db.selectFrom('submissions').select('data').orderBy('id', 'desc').executeTakeFirstOrThrow();
          const data = draft.data as Record<string, unknown>;
          expect(data[field], `the draft holds no ${field}`).toBeUndefined();
          expect(data[field === 'title' ? 'summary' : 'title']).toBe(valid[field === 'title' ? 'summary' : 'title']);
        }
      });

      it('a later step of the draft: a partner row', async () => {
        const page = `/submit/${f.draftId}/step/2`;
        const fields = await formFields(member, page, page, { city: 'Lyon', country: 'FR', partner_name: ['Fine partner', 'Bad\u0007partner'] });
        const res = await member.submit(page, page, fields);
        expect(res.status).toBe(400);
        expect(await res.text()).toContain(characterMessage);
        expect(await storedUnstorableText(db)).toEqual([]);
      });

      it('translate, assess and tag merge', async () => {
        const translate = `/practices/${f.practiceId}/translate`;
        await refusesField(
          member,
          `${translate}?lang=fr`,
          translate,
          { lang: 'fr', title: 'Un titre', summary: 'Un résumé.', license_consent: 'CC-BY-4.0' },
          'summary',
        );
        const assess = `/practices/${f.practiceId}/assess`;
        const ratings = {
          practical: 'yes',
          practical_note: 'Runs on existing staff.',
          innovative: 'unknown',
          successful: 'unknown',
          transferable: 'unknown',
          evidence_level: '2',
        };
        await refusesField(editor, assess, assess, ratings, 'practical_note');
        await refusesField(admin, '/admin/tags?tag=Refugees&tag=refugees', '/admin/tags/merge', {}, 'keep', 'refu\u0000gees');
      });

      it("an editor's edit of a published practice, its message, and a restore note", async () => {
        const edit = `/practices/${f.practiceId}/edit`;
        await refusesField(editor, edit, edit, { message: 'Fix', intent: 'save' }, 'summary');
        await refusesField(editor, edit, edit, { summary: 'An edited summary.', intent: 'save' }, 'message');
        const compare = `/practices/${f.practiceId}/history/compare?from=${f.firstRevision}`;
        await refusesField(editor, compare, `/practices/${f.practiceId}/history/${f.firstRevision}/restore`, {}, 'note');
      });

      it('sign-up, sign-in and reset refuse it too, writing nothing', async () => {
        const visitor = new AccountClient(app, { 'x-forwarded-for': '198.51.100.77' });
        await refusesField(visitor, '/signup', '/signup', { email: 'nul-signup@example.org', password: testPassword }, 'name');
        const before = await fingerprint(db);
        const login = await visitor.submit('/login', '/login', { email: 'a\u0000@example.org', password: testPassword });
        expect(login.status).toBe(400);
        const reset = await visitor.submit('/password/forgot', '/password/reset', { token: 'x\u0000', password: 'another long river' });
        expect(reset.status).toBe(400);
        expect(await fingerprint(db)).toBe(before);
      });
    });

    describe('imports: the error list with the JSON path, nothing written', () => {
      const withNul = (field: 'title' | 'body') => exchangeDocument({ ...exchangeRecord, id: 'nul-import', [field]: `Housing\u0000 desk` });

      for (const field of ['title', 'body'] as const) {
        it(`/admin/import with \\u0000 in a ${field}`, async () => {
          const before = await fingerprint(db);
          const form = new FormData();
          form.append('_csrf', await admin.tokenFrom('/admin/import'));
          form.append('file', new File([withNul(field)], 'nul.json', { type: 'application/json' }));
          const res = await admin.request('/admin/import', { method: 'POST', headers: { origin: admin.origin }, body: form });
          const html = await res.text();
          expect(res.status).toBe(400);
          expect(importIssues(html)).toEqual([`practices[0].${field}: contains U+0000 (a control character) at character 8, which cannot be stored`]);
          expect(await fingerprint(db)).toBe(before);
          expect(await db.selectFrom('practices').select('id').where('id', '=', 'nul-import').executeTakeFirst()).toBeUndefined();
        });
      }

      it('/internal/import (the CLI through a running server) reports the path and writes nothing', async () => {
        const before = await fingerprint(db);
        const res = await app.request('http://localhost:3000/internal/import?source=nul.json', {
          method: 'POST',
          headers: { authorization: 'Bearer hardening-token', 'content-type': 'application/json' },
          body: exchangeDocument({ ...exchangeRecord, id: 'nul-internal', summary: 'A\u0000', partners: [{ name: 'P\uD800' }] }),
        });
        const events = (await res.text())
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { type: string; summary?: { written: boolean; issues: { path: string; message: string }[] } });
        const summary = events.find((e) => e.type === 'summary')?.summary;
        expect(summary?.written).toBe(false);
        expect(summary?.issues).toEqual([
          { path: 'practices[0].summary', message: 'contains U+0000 (a control character) at character 2, which cannot be stored' },
          { path: 'practices[0].partners[0].name', message: 'contains U+D800 (half of a surrogate pair) at character 2, which cannot be stored' },
        ]);
        expect(await fingerprint(db)).toBe(before);
      });

      it('quotes a noncharacter back as an escape, in the import report and in a problem document (found by the fuzz test)', async () => {
        const internal = (path: string, body: string) =>
          app.request(`http://localhost:3000${path}`, {
            method: 'POST',
            headers: { authorization: 'Bearer hardening-token', 'content-type': 'application/json' },
            body,
          });
        const imported = await (await internal('/internal/import', exchangeDocument({ ...exchangeRecord, themes: ['\uFFFF'] }))).text();
        expect(imported).toContain('"message":"unknown theme \\"\\\\uFFFF\\""');
        const role = await internal('/internal/users/role', JSON.stringify({ email: 'x\uFFFF@example.org', role: 'editor' }));
        const text = await role.text();
        expect(role.status).toBe(400);
        expect(text).not.toContain('\uFFFF');
        expect((JSON.parse(text) as { detail: string }).detail).toBe('No account has the email "x\uFFFF@example.org".');
      });
    });
  });
}

describe('clearinghouse import on a file with a NUL character', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearinghouse-nul-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints the error list with the JSON path, no stack trace, exits 65 and writes nothing', async () => {
    const file = path.join(tmp, 'nul.json');
    fs.writeFileSync(file, exchangeDocument({ ...exchangeRecord, summary: 'Night\u0000school' }));
    const dataDir = path.join(tmp, 'data');
    const run = await runCli(['import', file], { DATA_DIR: dataDir });
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('practices[0].summary: contains U+0000 (a control character) at character 6, which cannot be stored\n');
    expect(run.stderr).toContain('nothing was written');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dataDir, 'db'))).toBe(false);
  }, 180_000);
});
