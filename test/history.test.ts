import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import type { Database } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import type { PracticeRecord } from '../src/practices/practice.schema.ts';
import { AccountClient, testPassword as password, signedInClient } from './support/account-client.ts';
import { practiceRecord } from './support/practice-record.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

let counter = 0;

function practice(id: string, overrides: Partial<PracticeRecord> = {}): PracticeRecord {
  return practiceRecord({
    id,
    title: 'Neighbourhood language cafes',
    summary: 'Volunteers host weekly conversation tables in public libraries.',
    city: 'Ghent',
    country: 'BE',
    themes: ['language'],
    sources: [{ url: 'https://example.org/cafes' }],
    ...overrides,
  });
}

for (const engine of testEngines()) {
  describe(`history of a practice (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      app = createTestApp(db, { TRUST_PROXY: 'true' });
    });
    afterAll(() => drop());

    const browser = () => new AccountClient(app, { 'x-forwarded-for': `192.0.2.${++counter % 250}` });

    const signedIn = (role: Role, name: string) => signedInClient(app, db, role, name);

    const revisions = (id: string) =>
      db.selectFrom('practice_revisions').select(['id', 'author', 'kind', 'message', 'record']).where('practice_id', '=', id).orderBy('id').execute();
    const storedRecord = async (id: string) =>
      (await db.selectFrom('practices').select('record').where('id', '=', id).executeTakeFirstOrThrow()).record as PracticeRecord;

    /** An imported practice, then an editor's change to its summary and sources. */
    async function withTwoRevisions(id: string) {
      const editor = await createUserWithRole(db, { email: `ana${++counter}@example.org`, role: 'editor', name: 'Ana Editor', password });
      const original = practice(id);
      const edited = practice(id, {
        summary: 'Volunteers host daily conversation tables in public libraries.',
        sources: [{ url: 'https://example.org/cafes', title: 'Evaluation 2023' }],
      });
      await db.transaction().execute(async (trx) => {
        await upsertPractice(trx, original, { author: 'cli', message: 'import cafes.json' });
        await upsertPractice(trx, edited, { author: 'Ana Editor', authorId: editor, kind: 'edit', message: 'Cafes now open daily' });
      });
      const [first, second] = await revisions(id);
      return { original, edited, first, second };
    }

    it('lists revisions newest first with who, when, what kind and why, for anyone, unindexed', async () => {
      const { first, second } = await withTwoRevisions('history-cafes-list');
      const res = await app.request('/practices/history-cafes-list/history');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-robots-tag')).toBe('noindex');
      const html = await res.text();
      expect(html).toContain('<meta name="robots" content="noindex"/>');
      expect(html.indexOf('Ana Editor')).toBeLessThan(html.indexOf('<bdi>cli</bdi>'));
      expect(html).toContain('Cafes now open daily');
      expect(html).toContain('<td>Edit</td>');
      expect(html).toContain('<td>Import</td>');
      expect(html).toContain('Revision 2');
      // The comparison defaults to the latest against the one before.
      expect(html).toMatch(new RegExp(`name="from" value="${first.id}" checked`));
      expect(html).toMatch(new RegExp(`name="to" value="${second.id}" checked`));

      const french = await app.request('/fr/practices/history-cafes-list/history');
      expect(await french.text()).toContain('<td>Modification</td>');
      expect((await app.request('/practices/no-such-practice/history')).status).toBe(404);
    });

    it('compares two revisions field by field, marking the changed words', async () => {
      const { first, second } = await withTwoRevisions('history-cafes-compare');
      const res = await app.request(`/practices/history-cafes-compare/history/compare?from=${first.id}&to=${second.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-robots-tag')).toBe('noindex');
      const html = await res.text();
      expect(html).toContain('<meta name="robots" content="noindex"/>');
      expect(html).toContain('<del><span class="visually-hidden">removed: </span>weekly</del>');
      expect(html).toContain('<ins><span class="visually-hidden">added: </span>daily</ins>');
      expect(html).toMatch(/<ins><span class="visually-hidden">added: <\/span>Evaluation 2023/);
      expect(html).toContain('<dt>Summary</dt>');
      expect(html).toContain('<dt>Sources</dt>');
      expect(html).not.toContain('<dt>Title</dt>');
      // Anonymous readers get no restore button.
      expect(html).not.toContain('/restore');

      const byDefault = await (await app.request('/practices/history-cafes-compare/history/compare')).text();
      expect(byDefault).toContain('<ins><span class="visually-hidden">added: </span>daily</ins>');
      expect((await app.request(`/practices/history-cafes-list/history/compare?from=${first.id}`)).status).toBe(404);
    });

    it('lets an editor restore an old revision as a new one, once', async () => {
      const { original, first, second } = await withTwoRevisions('history-cafes-restore');
      const editor = await signedIn('editor', 'Rui Editor');
      const comparePath = `/practices/history-cafes-restore/history/compare?from=${second.id}&to=${first.id}`;
      const compare = await editor.b.page(comparePath);
      expect(compare.html).toContain(`action="/practices/history-cafes-restore/history/${first.id}/restore"`);
      expect(compare.html).toContain('Restore revision 1');
      expect(compare.res.headers.get('cache-control')).toContain('no-store');
      const base = /name="base" value="([0-9a-f]{64})"/.exec(compare.html)?.[1] as string;

      const res = await editor.b.submit(comparePath, `/practices/history-cafes-restore/history/${first.id}/restore`, {
        base,
        note: 'the daily claim is unconfirmed',
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/practices/history-cafes-restore/history?done=restored');

      const revs = await revisions('history-cafes-restore');
      expect(revs).toHaveLength(3);
      expect(revs[2]).toMatchObject({ author: 'Rui Editor', kind: 'restore', message: 'Restored revision 1: the daily claim is unconfirmed' });
      expect(revs[2].record).toEqual(first.record);
      expect(await storedRecord('history-cafes-restore')).toEqual(original);
      const page = await editor.b.page('/practices/history-cafes-restore');
      expect(page.html).toContain('weekly conversation tables');

      const audit = await db.selectFrom('audit_log').select(['target']).where('action', '=', 'restore').where('target', '=', 'history-cafes-restore').execute();
      expect(audit).toHaveLength(1);

      // Restoring the same revision again changes nothing, and says so.
      const again = await editor.b.page(`/practices/history-cafes-restore/history/compare?from=${revs[2].id}&to=${second.id}`);
      const newBase = /name="base" value="([0-9a-f]{64})"/.exec(again.html)?.[1] as string;
      const againPath = `/practices/history-cafes-restore/history/compare?from=${revs[2].id}&to=${first.id}`;
      const same = await editor.b.submit(againPath, `/practices/history-cafes-restore/history/${first.id}/restore`, { base: newBase, note: '' });
      expect(same.status).toBe(303);
      expect(same.headers.get('location')).toBe('/practices/history-cafes-restore/history?done=unchanged');
      expect((await editor.b.page(same.headers.get('location') as string)).html).toContain('identical to the current version');
      expect(await revisions('history-cafes-restore')).toHaveLength(3);
    });

    it('refuses a restore over a change made since the comparison was shown', async () => {
      const { first } = await withTwoRevisions('history-cafes-stale');
      const editor = await signedIn('editor', 'Sam Editor');
      const comparePath = `/practices/history-cafes-stale/history/compare?to=${first.id}`;
      const shown = (await editor.b.page(comparePath)).html;
      const base = /name="base" value="([0-9a-f]{64})"/.exec(shown)?.[1] as string;
      const token = /name="_csrf" value="([^"]+)"/.exec(shown)?.[1] as string;
      await db
        .transaction()
        .execute((trx) =>
          upsertPractice(trx, practice('history-cafes-stale', { title: 'Language cafes everywhere' }), { author: 'Other', kind: 'edit', message: 'Retitled' }),
        );
      const res = await editor.b.submit(comparePath, `/practices/history-cafes-stale/history/${first.id}/restore`, { base, note: '' }, { token });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('nothing was restored');
      expect((await storedRecord('history-cafes-stale')).title).toBe('Language cafes everywhere');
      expect(await revisions('history-cafes-stale')).toHaveLength(3);
    });

    it('refuses members (403) and anonymous visitors (sign in), writing nothing', async () => {
      const { first, edited } = await withTwoRevisions('history-cafes-member');
      const member = await signedIn('member', 'Mo Member');
      const comparePath = `/practices/history-cafes-member/history/compare?to=${first.id}`;
      expect((await member.b.page(comparePath)).html).not.toContain('/restore');
      const token = await member.b.tokenFrom('/account');
      const res = await member.b.submit('/account', `/practices/history-cafes-member/history/${first.id}/restore`, { base: '', note: '' }, { token });
      expect(res.status).toBe(403);

      const anonymous = browser();
      const anon = await anonymous.submit('/login', `/practices/history-cafes-member/history/${first.id}/restore`, { base: '', note: '' });
      expect(anon.status).toBe(303);
      expect(anon.headers.get('location')).toMatch(/^\/login\?next=/);

      expect(await revisions('history-cafes-member')).toHaveLength(2);
      expect(await storedRecord('history-cafes-member')).toEqual(edited);
      expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'restore').where('target', '=', 'history-cafes-member').execute()).toEqual([]);
    });
  });
}
