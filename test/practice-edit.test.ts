import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import { valuesFromRecord } from '../src/practice-form/practice-form.convert.ts';
import type { PracticeFormValues } from '../src/practice-form/practice-form.fields.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import type { PracticeRecord } from '../src/practices/practice.schema.ts';
import { AccountClient, signedInClient } from './support/account-client.ts';
import { practiceRecord } from './support/practice-record.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

let counter = 0;

/** A published practice with the fields the form does not edit (translations, adaptation links) filled in too. */
function practice(id: string, overrides: Partial<PracticeRecord> = {}): PracticeRecord {
  return practiceRecord({
    id,
    title: 'Welcome desk in the market hall',
    summary: 'Volunteers who arrived earlier advise newcomers twice a week.',
    body: 'The desk opened in the market hall in 2012.',
    started: 2012,
    status: 'ongoing',
    themes: ['reception-and-welcoming'],
    partners: [{ name: 'Neighbours Network', support: 'technical' }],
    sources: [{ url: 'https://example.org/desk', title: 'Desk report' }],
    adapted_from: [{ id: 'turin-porta-palazzo-the-gate' }],
    translations: { fr: { title: 'Accueil aux halles', machine: true } },
    ...overrides,
  });
}

for (const engine of testEngines()) {
  describe(`editing a published practice (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      app = createTestApp(db, { TRUST_PROXY: 'true' });
    });
    afterAll(() => drop());

    const browser = () => new AccountClient(app, { 'x-forwarded-for': `198.51.100.${++counter % 250}` });

    const signedIn = (role: Role, name: string) => signedInClient(app, db, role, name);

    async function stored(id: string) {
      const row = await db.selectFrom('practices').select(['record', 'content_hash']).where('id', '=', id).executeTakeFirstOrThrow();
      return { record: row.record as PracticeRecord, hash: row.content_hash };
    }
    const revisions = (id: string) =>
      db.selectFrom('practice_revisions').select(['author', 'author_id', 'kind', 'message', 'record']).where('practice_id', '=', id).orderBy('id').execute();

    async function published(id: string, overrides: Partial<PracticeRecord> = {}) {
      const record = practice(id, overrides);
      await db.transaction().execute((trx) => upsertPractice(trx, record, { author: 'cli', message: 'import' }));
      return record;
    }

    /** The edit form's base, as the page hands it out. */
    async function baseFrom(b: AccountClient, id: string) {
      const { res, html } = await b.page(`/practices/${id}/edit`);
      expect(res.status).toBe(200);
      return /name="base" value="([0-9a-f]{64})"/.exec(html)?.[1] as string;
    }

    /** Posts the edit form as the browser would: the record's values with some changed. */
    const postEdit = (b: AccountClient, id: string, values: PracticeFormValues, extra: Record<string, string>) =>
      b.submit(`/practices/${id}/edit`, `/practices/${id}/edit`, { ...values, ...extra });

    it('lets an editor change a practice: the page, the history and search show it', async () => {
      const record = await published('edit-desk-saved');
      const editor = await signedIn('editor', 'Ana Editor');
      const form = await editor.b.page(`/practices/${record.id}/edit`);
      expect(form.html).toContain('value="Welcome desk in the market hall"');
      expect(form.html).toContain('<legend class="practice-step__legend">Sources</legend>');
      expect(form.html).toContain('<meta name="robots" content="noindex"');
      expect(form.res.headers.get('cache-control')).toContain('no-store');
      const base = /name="base" value="([0-9a-f]{64})"/.exec(form.html)?.[1] as string;

      const values = valuesFromRecord(record);
      values.title = 'Welcome desk with evening hours';
      values.lessons = 'Evening hours brought twice as many quokkaworkers.';
      const res = await postEdit(editor.b, record.id, values, { base, message: 'Added evening hours' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/practices/${record.id}`);

      const page = await editor.b.page(`/practices/${record.id}`);
      expect(page.html).toContain('Welcome desk with evening hours');
      expect(page.html).toContain('quokkaworkers');

      const revs = await revisions(record.id);
      expect(revs).toHaveLength(2);
      expect(revs[1]).toMatchObject({ author: 'Ana Editor', author_id: editor.id, kind: 'edit', message: 'Added evening hours' });
      // What the form does not edit is kept from the stored record.
      const now = (await stored(record.id)).record;
      expect(now.translations).toEqual(record.translations);
      expect(now.adapted_from).toEqual(record.adapted_from);

      const search = await editor.b.page('/practices?q=quokkaworkers');
      expect(search.html).toContain(`/practices/${record.id}`);

      const audit = await db.selectFrom('audit_log').select(['actor_user_id', 'target']).where('action', '=', 'edit').where('target', '=', record.id).execute();
      expect(audit).toEqual([{ actor_user_id: editor.id, target: record.id }]);
    });

    it('says nothing changed, and writes nothing, when the form is saved as it was', async () => {
      const record = await published('edit-desk-unchanged');
      const editor = await signedIn('editor', 'Olu Editor');
      const base = await baseFrom(editor.b, record.id);
      const res = await postEdit(editor.b, record.id, valuesFromRecord(record), { base, message: 'No real change' });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Nothing changed');
      expect(await revisions(record.id)).toHaveLength(1);
    });

    it('refuses members with 403 and sends anonymous visitors to sign in, writing nothing', async () => {
      const record = await published('edit-desk-refused');
      const before = await stored(record.id);
      const member = await signedIn('member', 'Mia Member');
      expect((await member.b.request(`/practices/${record.id}/edit`)).status).toBe(403);
      const token = await member.b.tokenFrom('/account');
      const values = { ...valuesFromRecord(record), title: 'Taken over by a member' };
      const posted = await member.b.submit('/account', `/practices/${record.id}/edit`, { ...values, base: before.hash, message: 'x' }, { token });
      expect(posted.status).toBe(403);

      const anonymous = browser();
      const get = await anonymous.request(`/practices/${record.id}/edit`);
      expect(get.status).toBe(303);
      expect(get.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/practices/${record.id}/edit`)}`);
      const anonPost = await anonymous.submit('/login', `/practices/${record.id}/edit`, { ...values, base: before.hash, message: 'x' });
      expect(anonPost.status).toBe(303);
      expect(anonPost.headers.get('location')).toMatch(/^\/login\?next=/);

      expect(await stored(record.id)).toEqual(before);
      expect(await revisions(record.id)).toHaveLength(1);
      expect((await member.b.request('/practices/no-such-practice/edit')).status).toBe(403);
    });

    it('refuses invalid input with messages next to the fields and the typed values kept', async () => {
      const record = await published('edit-desk-invalid');
      const before = await stored(record.id);
      const editor = await signedIn('editor', 'Ivo Editor');
      const base = await baseFrom(editor.b, record.id);
      const longTitle = 'T'.repeat(201);
      const values = {
        ...valuesFromRecord(record),
        title: longTitle,
        started: '2020',
        ended: '2015',
        source_url: ['https://example.org/desk', 'example.org/no-scheme'],
        source_title: ['Desk report', 'Second report'],
      };
      const res = await postEdit(editor.b, record.id, values, { base, message: '' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('id="f-title-error">The title must be 3 to 200 characters long.</p>');
      expect(html).toContain('id="f-ended-error">The year it ended cannot be before the year it started.</p>');
      expect(html).toContain('id="f-source_url-1-error">Enter a full web address starting with http:// or https://.</p>');
      expect(html).toContain('id="f-message-error">Say in a few words what you changed.</p>');
      expect(html).toContain('<a href="#f-title">');
      expect(html).toContain(`value="${longTitle}"`);
      expect(html).toContain('value="example.org/no-scheme"');
      expect(html).toContain('value="2015"');
      expect(await stored(record.id)).toEqual(before);
      expect(await revisions(record.id)).toHaveLength(1);
    });

    it('shows a Markdown preview without saving', async () => {
      const record = await published('edit-desk-preview');
      const editor = await signedIn('editor', 'Pia Editor');
      const base = await baseFrom(editor.b, record.id);
      const values = { ...valuesFromRecord(record), approach: 'A **bold** plan <script>alert(1)</script>' };
      const res = await postEdit(editor.b, record.id, values, { base, message: '', intent: 'preview' });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<strong>bold</strong>');
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(await revisions(record.id)).toHaveLength(1);
    });

    it('refuses the second of two concurrent edits with both versions shown, and keeps the first', async () => {
      const record = await published('edit-desk-concurrent');
      const first = await signedIn('editor', 'First Editor');
      const second = await signedIn('editor', 'Second Editor');
      const firstBase = await baseFrom(first.b, record.id);
      const secondBase = await baseFrom(second.b, record.id);

      const firstValues = { ...valuesFromRecord(record), summary: 'Volunteers advise newcomers every weekday morning.' };
      expect((await postEdit(first.b, record.id, firstValues, { base: firstBase, message: 'Weekday mornings' })).status).toBe(303);
      const afterFirst = await stored(record.id);

      const secondValues = { ...valuesFromRecord(record), summary: 'Volunteers advise newcomers on saturday afternoons.' };
      const res = await postEdit(second.b, record.id, secondValues, { base: secondBase, message: 'Saturdays' });
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(html).toContain('Someone else saved this practice while you were editing');
      // Both versions in the comparison: theirs struck through, this editor's underlined.
      expect(html).toMatch(/<del><span class="visually-hidden">removed: <\/span>[^<]*weekday[^<]*<\/del>/);
      expect(html).toMatch(/<ins><span class="visually-hidden">added: <\/span>[^<]*saturday[^<]*<\/ins>/);
      // The form keeps the second editor's text, now based on the stored version.
      expect(html).toContain('Volunteers advise newcomers on saturday afternoons.</textarea>');
      expect(html).toContain(`name="base" value="${afterFirst.hash}"`);
      expect(html).toContain('value="Saturdays"');
      expect(await stored(record.id)).toEqual(afterFirst);
      expect((await revisions(record.id)).map((r) => r.author)).toEqual(['cli', 'First Editor']);

      // Saving again from the new base is a deliberate merge and goes through.
      const merged = await postEdit(second.b, record.id, secondValues, { base: afterFirst.hash, message: 'Saturdays' });
      expect(merged.status).toBe(303);
      expect((await stored(record.id)).record.summary).toBe('Volunteers advise newcomers on saturday afternoons.');
    });
  });
}
