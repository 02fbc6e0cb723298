import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAccountState } from '../src/accounts/user.repo.ts';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import type { Database } from '../src/db/database.ts';
import { readOutbox } from '../src/mail/outbox.ts';
import { sha256 } from '../src/security/tokens.ts';
import { AccountClient, linkInMail, mailHeader, mailText, testPassword as password } from './support/account-client.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

let counter = 0;
/** A unique email per test, so tests share a database without depending on each other. */
const newEmail = () => `person${++counter}-${Date.now()}@example.org`;

/** The mails sent to one address. */
async function mailsTo(dir: string, email: string): Promise<string[]> {
  return (await readOutbox(dir)).filter((m) => mailHeader(m, 'To')?.includes(email));
}

/** Waits until `count` mails reached an address and returns the last (reset mails go out in the background). */
async function lastMailTo(dir: string, email: string, count = 1): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const mails = await mailsTo(dir, email);
    if (mails.length >= count) return mails[mails.length - 1];
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no mail ${count} to ${email}`);
}

/** The path and query of a mailed link, on the test app. */
const local = (link: string) => link.replace('http://localhost:3000', '');

for (const engine of testEngines()) {
  describe(`accounts (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let outbox: string;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'ch-outbox-'));
      app = createTestApp(db, { OUTBOX_DIR: outbox, TRUST_PROXY: 'true' });
    });
    afterAll(async () => {
      await drop();
      fs.rmSync(outbox, { recursive: true, force: true });
    });

    /** A browser from its own address, so per-address limits of one test do not hit another. */
    const browser = () => new AccountClient(app, { 'x-forwarded-for': `198.51.100.${++counter % 250}` });

    /** Signs up and confirms through the mailed link; returns the browser (signed out) and the email. */
    async function confirmedAccount(email = newEmail()) {
      const b = browser();
      await b.submit('/signup', '/signup', { name: 'Amina Diallo', email, password });
      const link = linkInMail(await lastMailTo(outbox, email), '/signup/confirm');
      const confirmPage = local(link);
      expect((await b.submit(confirmPage, '/signup/confirm', { token: new URL(link).searchParams.get('token') as string })).status).toBe(303);
      return { b, email };
    }

    async function signIn(b: AccountClient, email: string, pw = password) {
      return b.submit('/login', '/login', { email, password: pw });
    }

    it('signs up, confirms by the mailed link, signs in with a new session id, edits the profile and signs out', async () => {
      const b = browser();
      const email = newEmail();
      const signup = await b.submit('/signup', '/signup', { name: 'Amina Diallo', email, password });
      expect(signup.status).toBe(303);
      expect(signup.headers.get('location')).toBe('/signup/sent');

      const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      expect(user.role).toBe('member');
      expect(user.email_confirmed_at).toBeNull();

      // Not confirmed yet: sign-in is refused (and a fresh link goes out).
      const early = await signIn(b, email);
      expect(early.status).toBe(400);
      expect(await early.text()).toContain('not confirmed yet');

      const mail = await lastMailTo(outbox, email, 2);
      expect(mailHeader(mail, 'Subject')).toBe('Confirm your email address');
      const link = linkInMail(mail, '/signup/confirm');
      // Only the hash of the token is stored.
      const token = new URL(link).searchParams.get('token') as string;
      const stored = await db.selectFrom('user_tokens').select('token_hash').where('user_id', '=', user.id).execute();
      expect(stored.map((r) => r.token_hash)).toContain(sha256(token));
      expect(stored.map((r) => r.token_hash)).not.toContain(token);

      // Opening the link shows a button; it does not confirm by itself.
      const { html } = await b.page(local(link));
      expect(html).toContain('Confirm my email address');
      expect((await db.selectFrom('users').select('email_confirmed_at').where('id', '=', user.id).executeTakeFirstOrThrow()).email_confirmed_at).toBeNull();
      const confirmed = await b.submit(local(link), '/signup/confirm', { token });
      expect(confirmed.headers.get('location')).toBe('/login?done=confirmed');
      // Single use: the same link now says it no longer works.
      expect((await b.page(local(link))).res.status).toBe(400);

      const before = b.cookies.get('ch_session');
      const login = await signIn(b, email);
      expect(login.status).toBe(303);
      expect(login.headers.get('location')).toBe('/account');
      const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('ch_session='));
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).not.toMatch(/Secure/i);
      const session = b.cookies.get('ch_session');
      expect(session).toBeTruthy();
      expect(session).not.toBe(before);
      expect(
        await db
          .selectFrom('sessions')
          .select('id')
          .where('id', '=', sha256(session as string))
          .executeTakeFirst(),
      ).toBeTruthy();

      // Signing in again from the same browser (a form of the signed-in session) replaces the session id.
      await b.submit('/account', '/login', { email, password });
      expect(b.cookies.get('ch_session')).not.toBe(session);
      expect(
        await db
          .selectFrom('sessions')
          .select('id')
          .where('id', '=', sha256(session as string))
          .executeTakeFirst(),
      ).toBeUndefined();

      const account = await b.page('/account');
      expect(account.res.status).toBe(200);
      expect(account.res.headers.get('cache-control')).toContain('no-store');
      expect(account.html).toContain(email);

      const bad = await b.submit('/account', '/account', {
        name: '',
        organization: 'Ville de Lyon',
        city: 'Lyon',
        country: 'FR',
        languages: 'French',
        locale: 'fr',
      });
      expect(bad.status).toBe(400);
      const badHtml = await bad.text();
      expect(badHtml).toContain('Enter your name.');
      expect(badHtml).toContain('value="Ville de Lyon"');

      const saved = await b.submit('/account', '/account', {
        name: 'Amina Diallo-Sow',
        organization: 'Ville de Lyon',
        city: 'Lyon',
        country: 'FR',
        languages: 'French, Wolof, French',
        expertise: ['housing', 'employment'],
        profile_public: 'on',
        locale: 'fr',
      });
      expect(saved.status).toBe(303);
      const after = await db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(after).toMatchObject({
        name: 'Amina Diallo-Sow',
        organization: 'Ville de Lyon',
        city: 'Lyon',
        country: 'FR',
        languages: ['French', 'Wolof'],
        expertise: ['housing', 'employment'],
        profile_public: true,
        locale: 'fr',
      });
      expect((await b.page('/')).html).toContain('Amina Diallo-Sow');

      const current = b.cookies.get('ch_session') as string;
      const logout = await b.submit('/account', '/logout', {});
      expect(logout.headers.get('location')).toBe('/login?done=logged_out');
      expect(b.cookies.has('ch_session')).toBe(false);
      expect(await db.selectFrom('sessions').select('id').where('id', '=', sha256(current)).executeTakeFirst()).toBeUndefined();
      expect((await b.page('/account')).res.status).toBe(303);
    });

    it('refuses a weak password with a message and keeps the other values', async () => {
      const res = await browser().submit('/signup', '/signup', { name: 'Li Wei', email: 'li.wei@example.org', password: 'short' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('The password is too short');
      expect(html).toContain('value="li.wei@example.org"');
      expect(html).not.toContain('value="short"');
      expect(await db.selectFrom('users').select('id').where('email', '=', 'li.wei@example.org').executeTakeFirst()).toBeUndefined();
    });

    it('answers a wrong password and an unknown email with the same message', async () => {
      const { email } = await confirmedAccount();
      const wrong = await signIn(browser(), email, 'not the right password');
      const unknown = await signIn(browser(), newEmail(), password);
      expect(wrong.status).toBe(400);
      expect(unknown.status).toBe(400);
      const message = 'The email address or the password is not correct.';
      expect(await wrong.text()).toContain(message);
      expect(await unknown.text()).toContain(message);
    });

    it('resets a password with a single-use, expiring link, never revealing who has an account', async () => {
      const { email } = await confirmedAccount();
      const signedIn = browser();
      await signIn(signedIn, email);

      const b = browser();
      const known = await b.submit('/password/forgot', '/password/forgot', { email });
      const unknown = await b.submit('/password/forgot', '/password/forgot', { email: newEmail() });
      expect(known.status).toBe(303);
      expect(unknown.headers.get('location')).toBe(known.headers.get('location'));

      const link = linkInMail(await lastMailTo(outbox, email, 2), '/password/reset');
      const token = new URL(link).searchParams.get('token') as string;
      expect((await b.page(local(link))).res.status).toBe(200);
      const newPassword = 'another long river of words';
      const done = await b.submit(local(link), '/password/reset', { token, password: newPassword });
      expect(done.headers.get('location')).toBe('/login?done=reset');

      // The old password no longer works, the new one does; other sessions have ended.
      expect((await signIn(browser(), email)).status).toBe(400);
      expect((await signIn(browser(), email, newPassword)).status).toBe(303);
      expect((await signedIn.page('/account')).res.status).toBe(303);

      // Used once: the link is dead.
      expect((await b.page(local(link))).res.status).toBe(400);
      expect((await b.submit('/password/forgot', '/password/reset', { token, password: 'yet another river of words' })).status).toBe(400);

      // Expired: a fresh link whose time has passed does not work.
      await b.submit('/password/forgot', '/password/forgot', { email });
      const fresh = new URL(linkInMail(await lastMailTo(outbox, email, 3), '/password/reset')).searchParams.get('token') as string;
      await db.updateTable('user_tokens').set({ expires_at: sql<Date>`now() - interval '1 minute'` }).where('token_hash', '=', sha256(fresh)).execute();
      expect((await b.submit('/password/forgot', '/password/reset', { token: fresh, password: 'yet another river of words' })).status).toBe(400);
      expect((await signIn(browser(), email, newPassword)).status).toBe(303);
    });

    it('answers 429 after too many sign-ups from one address', async () => {
      const b = new AccountClient(app, { 'x-forwarded-for': '203.0.113.77' });
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await b.submit('/signup', '/signup', { name: 'Bot', email: newEmail(), password })).status);
      expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
      expect(statuses[20]).toBe(429);
    });

    it('refuses a POST without a token or from another site, and changes nothing', async () => {
      const { b, email } = await confirmedAccount();
      await signIn(b, email);
      const change = { name: 'Changed by a forger', locale: 'en' };
      const noToken = await b.submit('/account', '/account', change, { token: null });
      expect(noToken.status).toBe(403);
      expect(await noToken.text()).toContain('This form could not be sent');
      const foreign = await b.submit('/account', '/account', change, { origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      const wrongToken = await b.submit('/account', '/account', change, { token: 'guessed' });
      expect(wrongToken.status).toBe(403);
      const name = await db.selectFrom('users').select('name').where('email', '=', email).executeTakeFirstOrThrow();
      expect(name.name).toBe('Amina Diallo');

      // Signing out without a token leaves the session alive.
      expect((await b.submit('/account', '/logout', {}, { token: null })).status).toBe(403);
      expect((await b.page('/account')).res.status).toBe(200);

      // Anonymous forms too: a forged sign-up creates no account.
      const forged = newEmail();
      const res = await browser().submit('/signup', '/signup', { name: 'X', email: forged, password }, { origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(await db.selectFrom('users').select('id').where('email', '=', forged).executeTakeFirst()).toBeUndefined();
    });

    it('ends the sessions of a disabled account at once and refuses its sign-in', async () => {
      const { b, email } = await confirmedAccount();
      await signIn(b, email);
      expect((await b.page('/account')).res.status).toBe(200);
      const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      await setAccountState(db, user.id, 'disabled');
      expect((await b.page('/account')).res.status).toBe(303);
      expect(await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
      const again = await signIn(browser(), email);
      expect(await again.text()).toContain('This account has been disabled');
    });

    it('sends mails in the language of the page the person signed up on', async () => {
      const b = browser();
      const email = newEmail();
      const res = await b.submit('/fr/signup', '/fr/signup', { name: 'Chloé', email, password });
      expect(res.headers.get('location')).toBe('/fr/signup/sent');
      const mail = await lastMailTo(outbox, email);
      expect(mailHeader(mail, 'Content-Language')).toBe('fr');
      expect(mailText(mail)).toContain('Bonjour Chloé');
      expect(linkInMail(mail, '/fr/signup/confirm')).toContain('http://localhost:3000/fr/signup/confirm?token=');
    });

    it('does not reveal on sign-up that an address has an account: the owner is told by mail', async () => {
      const { email } = await confirmedAccount();
      const res = await browser().submit('/signup', '/signup', { name: 'Someone else', email: email.toUpperCase(), password });
      expect(res.headers.get('location')).toBe('/signup/sent');
      const mail = await lastMailTo(outbox, email, 2);
      expect(mailHeader(mail, 'Subject')).toBe('You already have an account');
      expect(await db.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).execute()).toHaveLength(1);
    });

    it('lets an account created by an operator sign in without confirming', async () => {
      const email = newEmail();
      await createUserWithRole(db, { email, role: 'admin', password: 'operator chose this one' });
      const b = browser();
      expect((await signIn(b, email, 'operator chose this one')).status).toBe(303);
      expect((await b.page('/account')).html).toContain('Administrator');
    });

    it('marks cookies Secure when the site is served over HTTPS', async () => {
      const secureApp = createTestApp(db, { OUTBOX_DIR: outbox, PUBLIC_URL: 'https://clearinghouse.example' });
      const b = new AccountClient(secureApp);
      const res = await b.request('/login');
      expect(res.headers.getSetCookie().find((c) => c.startsWith('ch_csrf='))).toMatch(/Secure/);
    });

    it('only ever returns to a local page after sign-in', async () => {
      const { b, email } = await confirmedAccount();
      const res = await b.submit('/login', '/login', { email, password, next: '//evil.example/x' });
      expect(res.headers.get('location')).toBe('/account');
    });
  });
}
