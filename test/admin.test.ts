import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import type { Database } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { AccountClient, testPassword as password } from './support/account-client.ts';
import { practiceRecord } from './support/practice-record.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

let counter = 0;
const newEmail = (who: string) => `${who}${++counter}-${Date.now()}@example.org`;

for (const engine of testEngines()) {
  describe(`admin pages (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      app = createTestApp(db, { TRUST_PROXY: 'true' });
    });
    afterAll(() => drop());

    /** A browser from its own address, so sign-in limits of one test do not touch another. */
    const browser = () => new AccountClient(app, { 'x-forwarded-for': `203.0.113.${++counter % 250}` });

    /** Creates an account with a role (as the CLI does) and signs it in through /login. */
    async function signedIn(role: Role, name = `${role} person`) {
      const email = newEmail(role);
      const id = await createUserWithRole(db, { email, role, name, password });
      const b = browser();
      const res = await b.submit('/login', '/login', { email, password });
      expect(res.status).toBe(303);
      return { b, email, id };
    }

    const userRow = (id: number) => db.selectFrom('users').select(['role', 'state']).where('id', '=', id).executeTakeFirstOrThrow();

    it('lets an admin list users and search them by name, email, role and state', async () => {
      const admin = await signedIn('admin');
      const member = await signedIn('member', 'Zeynep Kaya');
      const editor = await signedIn('editor', 'Olu Adeyemi');

      const all = await admin.b.page('/admin/users');
      expect(all.res.status).toBe(200);
      expect(all.html).toContain(member.email);
      expect(all.html).toContain(editor.email);

      const byName = await admin.b.page('/admin/users?q=zeynep');
      expect(byName.html).toContain(member.email);
      expect(byName.html).not.toContain(editor.email);

      const byEmail = await admin.b.page(`/admin/users?q=${encodeURIComponent(editor.email.toUpperCase())}`);
      expect(byEmail.html).toContain(editor.email);
      expect(byEmail.html).not.toContain(member.email);

      const editors = await admin.b.page('/admin/users?role=editor');
      expect(editors.html).toContain(editor.email);
      expect(editors.html).not.toContain(member.email);

      await db.updateTable('users').set({ state: 'disabled' }).where('id', '=', member.id).execute();
      const disabled = await admin.b.page('/admin/users?state=disabled');
      expect(disabled.html).toContain(member.email);
      expect(disabled.html).not.toContain(editor.email);
    });

    it('pages through a long list of users', async () => {
      const admin = await signedIn('admin');
      for (let i = 0; i < 26; i++)
        await createUserWithRole(db, { email: `pager${i}-${Date.now()}@example.org`, role: 'member', name: `Pager Person ${i}`, password });
      const first = await admin.b.page('/admin/users?q=pager');
      expect(first.html).toContain('26 users');
      expect(first.html).toContain('rel="next"');
      const second = await admin.b.page('/admin/users?q=pager&page=2');
      expect((second.html.match(/<td>Pager Person/g) ?? []).length).toBe(1);
    });

    it('lets an admin change a member’s role, but not take away their own admin role', async () => {
      const admin = await signedIn('admin');
      const member = await signedIn('member');
      const res = await admin.b.submit('/admin/users', `/admin/users/${member.id}/role`, { role: 'editor' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin/users?done=role');
      expect((await userRow(member.id)).role).toBe('editor');

      const own = await admin.b.submit('/admin/users', `/admin/users/${admin.id}/role`, { role: 'member' });
      expect(own.status).toBe(400);
      expect(await own.text()).toContain('You cannot remove your own admin role');
      expect((await userRow(admin.id)).role).toBe('admin');

      const bad = await admin.b.submit('/admin/users', `/admin/users/${member.id}/role`, { role: 'owner' });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('Choose a valid role');
    });

    it('disables a member, whose session stops working at once, and enables them again', async () => {
      const admin = await signedIn('admin');
      const member = await signedIn('member');
      expect((await member.b.request('/account')).status).toBe(200);

      const res = await admin.b.submit('/admin/users', `/admin/users/${member.id}/disable`, {});
      expect(res.status).toBe(303);
      expect((await userRow(member.id)).state).toBe('disabled');
      const after = await member.b.request('/account');
      expect(after.status).toBe(303);
      expect(after.headers.get('location')).toMatch(/^\/login\?next=/);
      expect((await db.selectFrom('sessions').select('id').where('user_id', '=', member.id).execute()).length).toBe(0);

      const self = await admin.b.submit('/admin/users', `/admin/users/${admin.id}/disable`, {});
      expect(self.status).toBe(400);
      expect(await self.text()).toContain('You cannot disable your own account');
      expect((await userRow(admin.id)).state).toBe('active');

      expect((await admin.b.submit('/admin/users', `/admin/users/${member.id}/enable`, {})).status).toBe(303);
      expect((await userRow(member.id)).state).toBe('active');
      expect((await member.b.submit('/login', '/login', { email: member.email, password })).status).toBe(303);
    });

    it('refuses members and editors on every admin route with 403, changing nothing', async () => {
      const target = await signedIn('member');
      for (const role of ['member', 'editor'] as const) {
        const { b } = await signedIn(role);
        for (const path of ['/admin/users', '/admin/users?q=a', '/admin/audit']) {
          const res = await b.request(path);
          expect(res.status, `${role} GET ${path}`).toBe(403);
        }
        const usersBefore = await db.selectFrom('users').select(['id', 'role', 'state']).orderBy('id').execute();
        const sessionsBefore = await db.selectFrom('sessions').select('id').orderBy('id').execute();
        const auditBefore = await db.selectFrom('audit_log').select('id').execute();
        for (const [action, fields] of [
          [`/admin/users/${target.id}/role`, { role: 'admin' }],
          [`/admin/users/${target.id}/disable`, {}],
          [`/admin/users/${target.id}/enable`, {}],
        ] as const) {
          const res = await b.submit('/account', action, fields);
          expect(res.status, `${role} POST ${action}`).toBe(403);
        }
        expect(await db.selectFrom('users').select(['id', 'role', 'state']).orderBy('id').execute()).toEqual(usersBefore);
        expect(await db.selectFrom('sessions').select('id').orderBy('id').execute()).toEqual(sessionsBefore);
        expect((await db.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore.length);
      }
    });

    it('lets an admin make a member the representative of a city and end it; refuses unknown cities and non-admins', async () => {
      // Cities come with their practices.
      const duisburg = practiceRecord({ id: 'admin-duisburg', city: 'Duisburg', country: 'DE' });
      await db.transaction().execute((trx) => upsertPractice(trx, duisburg, { author: 'test', message: 'a city for representatives' }));
      const admin = await signedIn('admin');
      const member = await signedIn('member', 'Derya Aydın');
      const action = `/admin/users/${member.id}/cities`;
      const memberRow = (html: string) => html.slice(html.indexOf(member.email), html.indexOf(`/admin/users/${member.id}/role`));

      const granted = await admin.b.submit('/admin/users', action, { city: 'de/duisburg', intent: 'grant' });
      expect(granted.status).toBe(303);
      expect(granted.headers.get('location')).toBe('/admin/users?done=city_granted');
      const listed = await admin.b.page('/admin/users?done=city_granted');
      expect(listed.html).toContain('The person now represents the city.');
      expect(memberRow(listed.html)).toContain('<a href="/cities/de/duisburg">Duisburg</a>');

      const unknown = await admin.b.submit('/admin/users', action, { city: 'de/atlantis', intent: 'grant' });
      expect(unknown.status).toBe(400);
      const refusal = memberRow(await unknown.text());
      expect(refusal).toContain('No such city is recorded.');
      expect(refusal).toContain('value="de/atlantis"');
      const malformed = await admin.b.submit('/admin/users', action, { city: 'Berlin', intent: 'grant' });
      expect(malformed.status).toBe(400);
      expect(await malformed.text()).toContain('for example de/berlin');

      const editor = await signedIn('editor');
      const auditBefore = (await db.selectFrom('audit_log').select('id').execute()).length;
      expect((await editor.b.submit('/account', action, { city: 'de/duisburg', intent: 'revoke' })).status).toBe(403);
      expect((await db.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore);

      const revoked = await admin.b.submit('/admin/users', action, { city: 'de/duisburg', intent: 'revoke' });
      expect(revoked.headers.get('location')).toBe('/admin/users?done=city_revoked');
      expect(memberRow((await admin.b.page('/admin/users')).html)).not.toContain('/cities/de/duisburg');

      const audit = await db.selectFrom('audit_log').select(['action', 'actor_user_id', 'details']).where('target', '=', member.email).orderBy('id').execute();
      expect(audit.filter((a) => a.action.startsWith('representative_'))).toEqual([
        { action: 'representative_grant', actor_user_id: admin.id, details: { city: 'de/duisburg' } },
        { action: 'representative_revoke', actor_user_id: admin.id, details: { city: 'de/duisburg' } },
      ]);
    });

    it('sends anonymous visitors to sign in, and back', async () => {
      const b = browser();
      for (const path of ['/admin/users', '/admin/audit?action=login']) {
        const res = await b.request(path);
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
      }
      const target = await createUserWithRole(db, { email: newEmail('anon-target'), role: 'member', password });
      const post = await b.submit('/login', `/admin/users/${target}/disable`, {});
      expect(post.status).toBe(303);
      expect(post.headers.get('location')).toMatch(/^\/login\?next=/);
      expect((await userRow(target)).state).toBe('active');
    });

    it('shows sign-ins, failed sign-ins, role changes and disables in the audit log, filterable', async () => {
      const admin = await signedIn('admin');
      const member = await signedIn('member');
      const stranger = newEmail('nobody');
      expect((await browser().submit('/login', '/login', { email: stranger, password: 'not the password' })).status).toBe(400);
      await admin.b.submit('/admin/users', `/admin/users/${member.id}/role`, { role: 'editor' });
      await admin.b.submit('/admin/users', `/admin/users/${member.id}/disable`, {});

      const all = (await admin.b.page('/admin/audit')).html;
      for (const action of ['login', 'login_failed', 'role_change', 'account_disable']) expect(all).toContain(`data-action="${action}"`);

      const failed = await admin.b.page('/admin/audit?action=login_failed');
      expect(failed.res.status).toBe(200);
      expect(failed.html).toContain(stranger);
      expect(failed.html).not.toContain('data-action="login"');

      const byActor = (await admin.b.page(`/admin/audit?actor=${encodeURIComponent(admin.email)}&action=role_change`)).html;
      expect(byActor).toContain(member.email);
      expect(byActor).toContain('&quot;to&quot;:&quot;editor&quot;');

      const today = new Date().toISOString().slice(0, 10);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      expect((await admin.b.page(`/admin/audit?from=${today}&to=${today}&action=account_disable`)).html).toContain(member.email);
      expect((await admin.b.page(`/admin/audit?from=${tomorrow}`)).html).toContain('No entries match');
      const bad = await admin.b.page('/admin/audit?from=31.12.2026');
      expect(bad.res.status).toBe(400);
      expect(bad.html).toContain('year-month-day');

      const row = await db.selectFrom('audit_log').selectAll().where('action', '=', 'login_failed').where('target', '=', stranger).executeTakeFirstOrThrow();
      expect(row.details).toMatchObject({ email: stranger, reason: 'wrong' });
      expect(row.ip).toMatch(/^203\.0\.113\./);
    });

    it('has no route that edits or deletes audit entries', async () => {
      const admin = await signedIn('admin');
      const token = await admin.b.tokenFrom('/admin/users');
      const { id } = await db.selectFrom('audit_log').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
      const before = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        for (const path of ['/admin/audit', `/admin/audit/${id}`]) {
          const res = await admin.b.request(path, { method, headers: { 'x-csrf-token': token, origin: 'http://localhost:3000' } });
          expect(res.status, `${method} ${path}`).toBe(404);
        }
      }
      expect(await db.selectFrom('audit_log').selectAll().orderBy('id').execute()).toEqual(before);
    });
  });
}
