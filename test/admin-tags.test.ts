import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergedTags } from '../src/admin/merge-tags.command.ts';
import type { Database } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import type { PracticeRecord } from '../src/practices/practice.schema.ts';
import { AccountClient, signedInClient } from './support/account-client.ts';
import { practiceRecord } from './support/practice-record.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

let counter = 0;

/** A published practice with target groups. */
function practice(id: string, targetGroups: string[]): PracticeRecord {
  return practiceRecord({
    id,
    summary: `A practice for the tag tests (${id}).`,
    city: 'Ghent',
    country: 'BE',
    themes: ['social-cohesion'],
    target_groups: targetGroups,
  });
}

describe('mergedTags', () => {
  it('puts the kept tag where the first merged one stood, once', () => {
    expect(mergedTags(['Refugees', 'women', 'refugees'], ['Refugees', 'refugees'], 'refugees')).toEqual(['refugees', 'women']);
    expect(mergedTags(['youth', 'refugee'], ['refugee'], 'refugees')).toEqual(['youth', 'refugees']);
    expect(mergedTags(['refugees', 'Refugees'], ['Refugees'], 'refugees')).toEqual(['refugees']);
  });
});

for (const engine of testEngines()) {
  describe(`merging target-group tags (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      const practices = [
        practice('tags-a', ['Refugees', 'women']),
        practice('tags-b', ['refugees']),
        practice('tags-c', ['refugees', 'youth']),
        practice('tags-d', ['refugee', 'Refugees']),
        practice('tags-e', ['youth']),
      ];
      for (const p of practices) await db.transaction().execute((trx) => upsertPractice(trx, p, { author: 'test', message: 'tags test' }));
      app = createTestApp(db, { TRUST_PROXY: 'true' });
    });
    afterAll(() => drop());

    const browser = () => new AccountClient(app, { 'x-forwarded-for': `203.0.113.${++counter % 250}` });

    /** Creates an account with a role and signs it in through /login. */
    const signedIn = (role: Role, name = `${role} person`) => signedInClient(app, db, role, name);

    const tagsOf = async () =>
      Object.fromEntries((await db.selectFrom('practices').select(['id', 'target_groups']).orderBy('id').execute()).map((r) => [r.id, r.target_groups]));

    it('refuses members and editors with 403, changing nothing', async () => {
      const before = await tagsOf();
      const revisions = await db.selectFrom('practice_revisions').select('id').execute();
      for (const role of ['member', 'editor'] as const) {
        const { b } = await signedIn(role);
        expect((await b.request('/admin/tags')).status).toBe(403);
        const res = await b.submit('/account', '/admin/tags/merge', { tag: ['Refugees', 'refugees'], keep: 'refugees' });
        expect(res.status).toBe(403);
      }
      const visitor = await browser().request('/admin/tags');
      expect(visitor.status).toBe(303);
      expect(await tagsOf()).toEqual(before);
      expect(await db.selectFrom('practice_revisions').select('id').execute()).toEqual(revisions);
      expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'tags_merge').execute()).toEqual([]);
    });

    it('lists every tag with its count by name, filters, and prefills the most used ticked tag to keep', async () => {
      const admin = await signedIn('admin');
      const { res, html } = await admin.b.page('/admin/tags');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('no-store');
      const rows = [...html.matchAll(/<bdi>([^<]+)<\/bdi><\/label><\/span><\/td><td class="num">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2])]);
      expect(rows).toEqual([
        ['refugee', 1],
        ['Refugees', 2],
        ['refugees', 2],
        ['women', 1],
        ['youth', 2],
      ]);
      expect(html).toContain('href="/admin/import"');

      const filtered = await admin.b.page('/admin/tags?q=YOU');
      expect(filtered.html).toContain('<bdi>youth</bdi>');
      expect(filtered.html).not.toContain('<bdi>women</bdi>');

      // Ticking refugee (1) and refugees (2) offers the more used one to keep.
      const ticked = await admin.b.page('/admin/tags?tag=refugee&tag=refugees');
      expect(ticked.html).toContain('Merge 2 tags');
      expect(ticked.html).toMatch(/id="f-keep" name="keep" type="text" value="refugees"/);
    });

    it('merges the ticked tags into the kept one in every practice, with revisions, an audit entry and a notice', async () => {
      const admin = await signedIn('admin', 'Ada Admin');
      const versionBefore = await db.selectFrom('app_state').select('value').where('key', '=', 'catalogue_version').executeTakeFirst();
      const res = await admin.b.submit('/admin/tags?tag=Refugees&tag=refugees&tag=refugee', '/admin/tags/merge', {
        tag: ['Refugees', 'refugee', 'refugees'],
        keep: 'refugees',
      });
      expect(res.status).toBe(303);
      // tags-b and tags-c already carry only the kept spelling: they need no revision.
      expect(res.headers.get('location')).toBe('/admin/tags?done=2');
      expect(await tagsOf()).toEqual({
        'tags-a': ['refugees', 'women'],
        'tags-b': ['refugees'],
        'tags-c': ['refugees', 'youth'],
        'tags-d': ['refugees'],
        'tags-e': ['youth'],
      });
      // The record itself (pages, exports) carries the merged tags, written as a revision of the admin.
      const record = await (await app.request('/api/v1/practices/tags-d')).json();
      expect(record.target_groups).toEqual(['refugees']);
      const revisions = await db
        .selectFrom('practice_revisions')
        .select(['practice_id', 'author', 'author_id', 'kind', 'message'])
        .where('kind', '=', 'edit')
        .orderBy('practice_id')
        .execute();
      expect(revisions.map((r) => r.practice_id)).toEqual(['tags-a', 'tags-d']);
      expect(revisions[0]).toMatchObject({ author: 'Ada Admin', kind: 'edit', message: 'Merged target-group tags: Refugees, refugee, refugees → refugees' });
      expect(Number(revisions[0].author_id)).toBe(admin.id);
      const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'tags_merge').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0].details).toEqual({ tags: ['Refugees', 'refugee', 'refugees'], keep: 'refugees', practices: 2 });
      const versionAfter = await db.selectFrom('app_state').select('value').where('key', '=', 'catalogue_version').executeTakeFirst();
      expect(Number(versionAfter?.value)).toBeGreaterThan(Number(versionBefore?.value ?? 0));

      const { html } = await admin.b.page('/admin/tags?done=2');
      expect(html).toContain('2 practices updated.');
      const rows = [...html.matchAll(/<bdi>([^<]+)<\/bdi><\/label><\/span><\/td><td class="num">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2])]);
      expect(rows).toEqual([
        ['refugees', 4],
        ['women', 1],
        ['youth', 2],
      ]);
      // Search sees the merge at once.
      const search = await (await app.request('/api/v1/practices?target=refugees')).json();
      expect(search.total).toBe(4);
    });

    it('asks for two tags, or one and a new name, and a tag to keep', async () => {
      const admin = await signedIn('admin');
      const before = await tagsOf();
      const one = await admin.b.submit('/admin/tags?tag=youth', '/admin/tags/merge', { tag: 'youth', keep: 'youth' });
      expect(one.status).toBe(400);
      expect(await one.text()).toContain('Tick at least two tags, or one tag and a new name for it.');
      const blank = await admin.b.submit('/admin/tags?tag=youth&tag=women', '/admin/tags/merge', { tag: ['youth', 'women'], keep: '  ' });
      expect(blank.status).toBe(400);
      const html = await blank.text();
      expect(html).toContain('Give the tag to keep, in 1 to 120 characters.');
      expect(html).toContain('Merge 2 tags');
      expect(await tagsOf()).toEqual(before);
    });
  });
}
