import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import type { Database } from '../src/db/database.ts';
import { AccountClient, testPassword as password } from './support/account-client.ts';
import { unescapeHtml } from './support/html-forms.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

let counter = 0;
const newEmail = () => `expiry${++counter}-${Date.now()}@example.org`;

/** The action and every hidden field (repeated names kept) of the POST form on a page that posts to `action`. */
function formOn(html: string, action: RegExp): { action: string; fields: [string, string][] } {
  const form = [...html.matchAll(/<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)].find((m) => action.test(m[1]));
  if (!form) throw new Error(`no form posting to ${action} in:\n${html}`);
  const fields = [...form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)].map(
    (m) => [unescapeHtml(m[1]), unescapeHtml(m[2])] as [string, string],
  );
  return { action: form[1], fields };
}

/** Posts fields as a browser on our site would. */
function postForm(b: AccountClient, action: string, fields: [string, string][], origin = b.origin) {
  return b.request(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body: new URLSearchParams(fields) });
}

for (const engine of testEngines()) {
  describe(`a session that ends during a long form (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      app = createTestApp(db, { TRUST_PROXY: 'true' });
    });
    afterAll(() => drop());

    /** A member with a draft, looking at step 2 of it: the page's token and version. */
    async function memberOnStep2() {
      const email = newEmail();
      const userId = await createUserWithRole(db, { email, role: 'member', name: 'Kofi Mensah', password });
      const b = new AccountClient(app, { 'x-forwarded-for': `203.0.113.${++counter % 250}` });
      expect((await b.submit('/login', '/login', { email, password })).status).toBe(303);
      const start = await b.page('/submit');
      const key = /name="request_key" value="([^"]+)"/.exec(start.html)?.[1] as string;
      const created = await b.submit('/submit', '/submit', { request_key: key, title: 'Night school for parents', language: 'en', action: 'next' });
      const id = Number(/\/submit\/(\d+)\//.exec(created.headers.get('location') ?? '')?.[1]);
      const step = await b.page(`/submit/${id}/step/2`);
      const token = /name="_csrf" value="([^"]+)"/.exec(step.html)?.[1] as string;
      const version = /name="version" value="(\d+)"/.exec(step.html)?.[1] as string;
      return { b, email, userId, id, token, version };
    }

    const step2 = (token: string, version: string): [string, string][] => [
      ['_csrf', token],
      ['version', version],
      ['city', 'Accra & "Tema"'],
      ['country', 'GH'],
      ['actor_types', 'civil-society'],
      ['actor_types', 'local-government'],
      ['action', 'next'],
    ];
    const endSessions = (userId: number) => db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    const draft = (id: number) => db.selectFrom('submissions').select(['data', 'version']).where('id', '=', id).executeTakeFirstOrThrow();

    it('keeps what was typed through signing in again, and saves it with one button', async () => {
      const { b, email, userId, id, token, version } = await memberOnStep2();
      await endSessions(userId);
      const before = await draft(id);

      const refused = await postForm(b, `/submit/${id}/step/2`, step2(token, version));
      expect(refused.status).toBe(403);
      const ended = await refused.text();
      expect(ended).toContain('Your session has ended');
      expect(await draft(id)).toEqual(before);
      const signIn = formOn(ended, /^\/login$/);
      expect(signIn.fields).toContainEqual(['next', `/submit/${id}/step/2`]);
      expect(signIn.fields).toContainEqual(['carry.city', 'Accra & "Tema"']);
      expect(signIn.fields.filter(([n]) => n === 'carry.actor_types')).toHaveLength(2);
      expect(signIn.fields.some(([n]) => n === 'carry._csrf')).toBe(false);

      // A wrong password shows the same page again, still carrying the input.
      const wrong = await postForm(b, '/login', [...signIn.fields, ['email', email], ['password', 'not the password']]);
      expect(wrong.status).toBe(400);
      const retry = formOn(await wrong.text(), /^\/login$/);
      expect(retry.fields).toContainEqual(['carry.city', 'Accra & "Tema"']);

      const signedIn = await postForm(b, '/login', [...retry.fields, ['email', email], ['password', password]]);
      expect(signedIn.status).toBe(200);
      const again = await signedIn.text();
      expect(again).toContain('You are signed in again');
      expect(await draft(id)).toEqual(before);
      const resume = formOn(again, /^\/submit\//);
      expect(resume.action).toBe(`/submit/${id}/step/2`);
      expect(resume.fields.find(([n]) => n === '_csrf')?.[1]).not.toBe(token);

      const saved = await postForm(b, resume.action, resume.fields);
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toBe(`/submit/${id}/step/3`);
      expect((await draft(id)).data).toMatchObject({ city: 'Accra & "Tema"', country: 'GH', actor_types: ['civil-society', 'local-government'] });
    });

    it('carries a brand-new submission too, which is created once signed in', async () => {
      const { b, email, userId } = await memberOnStep2();
      const { html } = await b.page('/submit');
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] as string;
      const key = /name="request_key" value="([^"]+)"/.exec(html)?.[1] as string;
      await endSessions(userId);
      const refused = await postForm(b, '/submit', [
        ['_csrf', token],
        ['request_key', key],
        ['title', 'Homework club'],
        ['action', 'next'],
      ]);
      expect(refused.status).toBe(403);
      const signIn = formOn(await refused.text(), /^\/login$/);
      const again = await postForm(b, '/login', [...signIn.fields, ['email', email], ['password', password]]);
      const resume = formOn(await again.text(), /^\/submit$/);
      expect((await postForm(b, resume.action, resume.fields)).status).toBe(303);
      expect(await db.selectFrom('submissions').select('title').where('request_key', '=', key).execute()).toEqual([{ title: 'Homework club' }]);
    });

    it('offers one button when the person already signed in again in another tab', async () => {
      const { b, email, id, token, version } = await memberOnStep2();
      // Signing in again gives a new session and a new token; the open page still has the old one.
      expect((await b.submit('/login', '/login', { email, password }, { token: await b.tokenFrom('/account') })).status).toBe(303);
      const stale = await postForm(b, `/submit/${id}/step/2`, step2(token, version));
      expect(stale.status).toBe(403);
      const page = await stale.text();
      expect(page).toContain('Save your work');
      const resume = formOn(page, /^\/submit\//);
      expect((await postForm(b, resume.action, resume.fields)).status).toBe(303);
      expect((await draft(id)).data).toMatchObject({ country: 'GH' });
    });

    it('carries nothing from another site, nor more than a form of ours can hold', async () => {
      const { b, userId, id, token, version } = await memberOnStep2();
      await endSessions(userId);
      const before = await draft(id);
      const foreign = await postForm(b, `/submit/${id}/step/2`, step2(token, version), 'https://evil.example');
      expect(foreign.status).toBe(403);
      const foreignPage = await foreign.text();
      expect(foreignPage).toContain('This form could not be sent');
      expect(foreignPage).not.toContain('carry.');
      expect(foreignPage).not.toContain('Accra');

      const huge = await postForm(b, `/submit/${id}/step/2`, [...step2(token, version), ['challenge', 'x'.repeat(500_000)]]);
      expect(huge.status).toBe(403);
      expect(await huge.text()).not.toContain('carry.');

      const notAForm = await postForm(b, '/account', [
        ['_csrf', token],
        ['name', 'Someone'],
      ]);
      expect(notAForm.status).toBe(403);
      expect(await notAForm.text()).not.toContain('carry.');
      expect(await draft(id)).toEqual(before);
    });
  });
}
