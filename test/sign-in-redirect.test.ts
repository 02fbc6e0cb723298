import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import type { Database } from '../src/db/database.ts';
import { AccountClient, testPassword } from './support/account-client.ts';
import { unescapeHtml } from './support/html-forms.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

const site = 'http://localhost:3000';
let counter = 0;

/** The action and hidden fields of the sign-in form on a page. */
function signInForm(html: string): { action: string; fields: [string, string][] } {
  const form = /<form method="post" action="([^"]*\/login)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error(`no sign-in form in:\n${html}`);
  const fields = [...form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)].map(
    (m) => [unescapeHtml(m[1]), unescapeHtml(m[2])] as [string, string],
  );
  return { action: form[1], fields };
}

/**
 * `next` values that must never take a person off the site (as the value arrives, decoded once).
 * Each is how a browser, a proxy or a header parser could be led to another host or a script.
 */
const offSite: [label: string, next: string][] = [
  ['a tab, which browsers drop (/\\t/ reads as //)', '/\t/evil.example'],
  ['a line feed', '/\n/evil.example'],
  ['CR LF with a header after it', '/x\r\nSet-Cookie: a=b'],
  ['a backslash, read as a slash', '/\\evil.example'],
  ['slash, backslash, slash', '/\\/evil.example'],
  ['two backslashes', '\\\\evil.example'],
  ['a protocol-relative address', '//evil.example'],
  ['three slashes', '///evil.example'],
  ['encoded slashes', '/%2F%2Fevil.example'],
  ['lower-case encoded slash after a slash', '/%2f/evil.example'],
  ['doubly encoded slashes', '/%252F%252Fevil.example'],
  ['encoded backslashes', '/%5C%5Cevil.example'],
  ['an encoded tab', '/%09/evil.example'],
  ['a dot segment that leaves //', '/a/..//evil.example'],
  ['an encoded dot segment', '/%2e%2e//evil.example'],
  ['an absolute URL', 'https://evil.example/'],
  ['an upper-case absolute URL', 'HTTPS://evil.example/'],
  ['a scheme without slashes', 'http:evil.example'],
  ['a user-info trick', '//evil.example@localhost:3000/account'],
  ['javascript:', 'javascript:alert(document.cookie)'],
  ['mixed-case javascript:', 'JaVaScRiPt:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['a leading space', ' /account'],
  ['a no-break space', '/\u00a0/evil.example'],
  ['a line separator', '/\u2028/evil.example'],
];

for (const engine of testEngines()) {
  describe(`where sign-in leads (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;
    let email: string;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      app = createTestApp(db, { TRUST_PROXY: 'true' });
      email = `redirect-${Date.now()}@example.org`;
      await createUserWithRole(db, { email, role: 'member', name: 'Nadia Haddad', password: testPassword });
    });
    afterAll(() => drop());

    const browser = () => new AccountClient(app, { 'x-forwarded-for': `192.0.2.${(++counter % 250) + 1}` });

    /** Opens a sign-in link and signs in with its form as a browser would: every hidden field, the right password. */
    async function signInThrough(b: AccountClient, link: string): Promise<Response> {
      const page = await b.page(link);
      expect(page.res.status).toBe(200);
      const form = signInForm(page.html);
      const body = new URLSearchParams([...form.fields, ['email', email], ['password', testPassword]]);
      return b.request(form.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site }, body });
    }

    it.each(offSite)('goes to the account page, not off the site, for %s', async (_label, next) => {
      const throughLink = await signInThrough(browser(), `/login?next=${encodeURIComponent(next)}`);
      expect(throughLink.status).toBe(303);
      expect(throughLink.headers.get('location')).toBe('/account');

      // The same value posted straight in the form's field.
      const posted = await browser().submit('/login', '/login', { email, password: testPassword, next });
      expect(posted.status).toBe(303);
      expect(posted.headers.get('location')).toBe('/account');
    });

    it('goes to the account page for the reported links, written as they were reported', async () => {
      for (const link of ['/login?next=/%09/evil.example', '/login?next=/%0A/x', '/login?next=/x%0D%0ASet-Cookie:%20a=b', '/login?next=%2F%2Fevil.example']) {
        const page = await browser().page(link);
        // The form does not even carry the value.
        expect(signInForm(page.html).fields.map(([name]) => name)).not.toContain('next');
        const res = await signInThrough(browser(), link);
        expect(res.headers.get('location'), link).toBe('/account');
      }
    });

    it('comes back to the page that asked for sign-in, with its query, in its language', async () => {
      const b = browser();
      const asked = await b.request('/submit');
      expect(asked.status).toBe(303);
      const link = asked.headers.get('location') as string;
      expect(link).toBe('/login?next=%2Fsubmit');
      expect((await signInThrough(b, link)).headers.get('location')).toBe('/submit');

      const search = '/practices?q=night%20school&theme=housing';
      expect((await signInThrough(browser(), `/login?next=${encodeURIComponent(search)}`)).headers.get('location')).toBe(search);

      // In French, the page keeps its language, and a bad target still ends on the account page.
      expect((await signInThrough(browser(), '/fr/login?next=%2Fpractices')).headers.get('location')).toBe('/fr/practices');
      expect((await signInThrough(browser(), '/fr/login?next=/%09/evil.example')).headers.get('location')).toBe('/fr/account');
    });

    it('does not let the sign-in form of an ended session post carried input off the site', async () => {
      for (const next of ['//evil.example/submit', '/submit\t', 'https://evil.example/submit']) {
        const b = browser();
        const res = await b.submit('/login', '/login', { email, password: testPassword, next, 'carry.title': 'Homework club' });
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe('/account');
      }
    });

    it('ignores a next on the forms that go to fixed pages (sign-up, reset, sign-out)', async () => {
      const evil = '//evil.example';
      const signup = await browser().submit('/signup', '/signup', {
        name: 'Someone',
        email: `other-${Date.now()}@example.org`,
        password: testPassword,
        next: evil,
      });
      expect(signup.headers.get('location')).toBe('/signup/sent');
      const forgot = await browser().submit('/password/forgot', '/password/forgot', { email, next: evil });
      expect(forgot.headers.get('location')).toBe('/password/forgot/sent');
      const b = browser();
      await b.submit('/login', '/login', { email, password: testPassword });
      const logout = await b.submit('/account', '/logout', { next: evil });
      expect(logout.headers.get('location')).toBe('/login?done=logged_out');
    });

    it('keeps the language redirect and the language switcher on the site for odd paths', async () => {
      for (const path of ['//evil.example/', '/\\evil.example', '/%2F%2Fevil.example/', '/%5Cevil.example', '/%09/evil.example']) {
        // A remembered language sends an unprefixed page to its prefixed address.
        const redirected = await app.request(`${site}${path}`, { headers: { cookie: 'lang=fr' } });
        expect(redirected.status, path).toBe(302);
        expect(new URL(redirected.headers.get('location') as string, site).origin, path).toBe(site);

        const page = await app.request(`${site}${path}`);
        const switcher = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(await page.text())?.[0] ?? '';
        const links = [...switcher.matchAll(/href="([^"]+)"/g)].map((m) => unescapeHtml(m[1]));
        expect(links.length, path).toBeGreaterThan(1);
        for (const link of links) expect(new URL(link, site).origin, `${path} → ${link}`).toBe(site);
      }
    });
  });
}
