import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import type { AppDeps } from '../src/http/app-env.ts';
import { createLogger } from '../src/shared/logger.ts';
import { AccountClient, testPassword } from './support/account-client.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

let counter = 0;
const newEmail = () => `limits${++counter}-${Date.now()}@example.org`;
/** An address of its own for each caller, so one test's address count never touches another's. */
const newAddress = () => `203.0.${Math.floor(++counter / 250) % 250}.${(counter % 250) + 1}`;

/** What the slowed-down answers wait, in order: free for three failures, then 0.5, 1, 2 and at most 4 s. */
const schedule = [0, 0, 0, 500, 1000, 2000, 4000, 4000, 4000, 4000];

/** The app with sign-in waits noted instead of slept (the database is shared with other apps of the test). */
function appNotingWaits(db: Database, env: Record<string, string> = {}) {
  const waits: number[] = [];
  const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', TRUST_PROXY: 'true', ...env });
  const deps: AppDeps = { db, config, log: createLogger('silent'), pause: async (ms) => waits.push(ms) };
  return { app: createApp(deps), waits };
}

for (const engine of testEngines()) {
  describe(`sign-in limits (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createApp>;
    let waits: number[];

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      ({ app, waits } = appNotingWaits(db));
    });
    afterAll(() => drop());

    /** A browser of its own (cookies), from `address`. */
    const browser = (address = newAddress()) => new AccountClient(app, { 'x-forwarded-for': address });

    /** An account that can sign in. */
    async function account() {
      const email = newEmail();
      await createUserWithRole(db, { email, role: 'member', name: 'Tomás Ruiz', password: testPassword });
      return email;
    }

    /** One sign-in (from the account page's form when already signed in), and how long its answer was held. */
    async function signIn(b: AccountClient, email: string, password = testPassword) {
      waits.length = 0;
      const res = await b.submit(b.cookies.has('ch_session') ? '/account' : '/login', '/login', { email, password });
      return { status: res.status, res, waited: waits.reduce((a, b) => a + b, 0) };
    }

    /** `n` wrong passwords from one browser: statuses and waits. */
    async function guess(b: AccountClient, email: string, n: number) {
      const out = { statuses: [] as number[], waited: [] as number[] };
      for (let i = 0; i < n; i++) {
        const r = await signIn(b, email, `wrong guess ${i}`);
        out.statuses.push(r.status);
        out.waited.push(r.waited);
      }
      return out;
    }

    it("slows an attacker's guesses, stops them at ten, and still lets the owner in from a known browser", async () => {
      const email = await account();
      const owner = browser();
      expect((await signIn(owner, email)).status).toBe(303);
      expect((await owner.submit('/account', '/logout', {})).status).toBe(303);

      const attack = await guess(browser(), email, 15);
      expect(attack.statuses).toEqual([...Array(10).fill(400), ...Array(5).fill(429)]);
      // Slower and slower before the limit; refused at once after it.
      expect(attack.waited).toEqual([...schedule, 0, 0, 0, 0, 0]);

      // The owner's browser signed in before: the right password goes through at once.
      const back = await signIn(owner, email);
      expect(back.status).toBe(303);
      expect(back.res.headers.get('location')).toBe('/account');
      expect(back.waited).toBe(0);
      expect((await owner.page('/account')).res.status).toBe(200);

      // From a browser the account never used, even the right password waits out the limit, and is told how long.
      const elsewhere = await signIn(browser(), email);
      expect(elsewhere.status).toBe(429);
      const retryAfter = Number(elsewhere.res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      const page = await elsewhere.res.text();
      expect(page).toContain('Too many attempts');
      expect(page).toContain('try again in 15 minutes');
    });

    it('remembers a browser with a signed, HttpOnly, SameSite=Lax cookie kept for a year, Secure over HTTPS', async () => {
      const email = await account();
      const plain = await signIn(browser(), email);
      const cookie = plain.res.headers.getSetCookie().find((c) => c.startsWith('ch_device_'));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Max-Age=31536000/);
      expect(cookie).not.toMatch(/Secure/);
      // The cookie's name and value do not show the email.
      expect(cookie).not.toContain(email.split('@')[0]);

      const secure = appNotingWaits(db, { PUBLIC_URL: 'https://clearinghouse.example' });
      const res = await new AccountClient(secure.app, { 'x-forwarded-for': newAddress() }).submit('/login', '/login', { email, password: testPassword });
      expect(res.status).toBe(303);
      expect(res.headers.getSetCookie().find((c) => c.startsWith('ch_device_'))).toMatch(/Secure/);
    });

    it('opens only its own account with a known-browser cookie, and not once it is altered', async () => {
      const victim = await account();
      const attackerEmail = await account();
      const owner = browser();
      expect((await signIn(owner, victim)).status).toBe(303);
      await guess(browser(), victim, 10);

      // The attacker's browser is a known device of the attacker's own account, not of the victim's.
      const attacker = browser();
      expect((await signIn(attacker, attackerEmail)).status).toBe(303);
      expect((await signIn(attacker, victim)).status).toBe(429);

      // The owner's cookie with one character of its signature changed is no cookie at all.
      const [name, value] = [...owner.cookies].find(([n]) => n.startsWith('ch_device_')) as [string, string];
      const forged = browser();
      const last = value.at(-1) === 'A' ? 'B' : 'A';
      forged.cookies.set(name, value.slice(0, -1) + last);
      expect((await signIn(forged, victim)).status).toBe(429);

      // Its holder does get in.
      expect((await signIn(owner, victim)).status).toBe(303);
    });

    it('limits a known browser that guesses on its own count, leaving the account open to its other browsers', async () => {
      const email = await account();
      const laptop = browser();
      expect((await signIn(laptop, email)).status).toBe(303);
      const phone = browser();
      expect((await signIn(phone, email)).status).toBe(303);

      const guesses = await guess(laptop, email, 11);
      expect(guesses.statuses).toEqual([...Array(10).fill(400), 429]);
      expect(guesses.waited).toEqual([...schedule, 0]);
      expect((await signIn(laptop, email)).status).toBe(429);

      expect((await signIn(phone, email)).status).toBe(303);
      expect((await signIn(browser(), email)).status).toBe(303);
    });

    it('never limits someone who signs in correctly twenty times, from new browsers on one address', async () => {
      const email = await account();
      const address = newAddress();
      const results = [];
      for (let i = 0; i < 20; i++) results.push(await signIn(browser(address), email));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(303));
      expect(results.map((r) => r.waited)).toEqual(Array(20).fill(0));
    });

    it('starts the count afresh after the right password', async () => {
      const email = await account();
      const typos = await guess(browser(), email, 9);
      expect(typos.statuses).toEqual(Array(9).fill(400));
      expect(typos.waited).toEqual(schedule.slice(0, 9));

      const right = await signIn(browser(), email);
      expect(right.status).toBe(303);
      expect(right.waited).toBe(4000);

      // Ten more failures are answered (and the first few at once), as for an account never guessed at.
      const again = await guess(browser(), email, 11);
      expect(again.statuses).toEqual([...Array(10).fill(400), 429]);
      expect(again.waited).toEqual([...schedule, 0]);
    });

    it('answers guesses at an unknown email exactly as at a known one', async () => {
      const known = await guess(browser(), await account(), 12);
      const unknown = await guess(browser(), newEmail(), 12);
      expect(unknown).toEqual(known);
      expect(known.statuses).toEqual([...Array(10).fill(400), 429, 429]);
      const [a, b] = [await signIn(browser(), await account(), 'nope'), await signIn(browser(), newEmail(), 'nope')];
      const message = 'The email address or the password is not correct.';
      expect(await a.res.text()).toContain(message);
      expect(await b.res.text()).toContain(message);
    });

    it('counts guesses sent all at once: no more than ten are checked', async () => {
      const email = await account();
      const attacker = browser();
      const token = await attacker.tokenFrom('/login');
      const statuses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => attacker.submit('/login', '/login', { email, password: `parallel guess ${i}` }, { token }).then((r) => r.status)),
      );
      expect(statuses.filter((s) => s === 400)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
      expect((await signIn(browser(), email)).status).toBe(429);
    });

    it('limits one address guessing at many accounts, but not the known browsers behind it', async () => {
      const address = newAddress();
      const email = await account();
      const colleague = browser(address);
      expect((await signIn(colleague, email)).status).toBe(303);

      const statuses: number[] = [];
      for (let i = 0; i < 101; i++) statuses.push((await signIn(browser(address), newEmail(), 'spray')).status);
      expect(statuses.slice(0, 100).every((s) => s === 400)).toBe(true);
      expect(statuses[100]).toBe(429);
      // Anyone else behind that address waits, from a browser the account does not know…
      expect((await signIn(browser(address), email)).status).toBe(429);
      // …but a known browser there still gets in, and other addresses are untouched.
      expect((await signIn(colleague, email)).status).toBe(303);
      expect((await signIn(browser(), email)).status).toBe(303);
    });

    it('waits for real, without holding a database connection', async () => {
      const email = await account();
      await guess(browser(), email, 4);
      // The same database through an app that really sleeps (a second, after four failures); meanwhile another query runs.
      const sleeping = createTestApp(db, { TRUST_PROXY: 'true' });
      const b = new AccountClient(sleeping, { 'x-forwarded-for': newAddress() });
      const token = await b.tokenFrom('/login');
      const started = performance.now();
      const slow = b.submit('/login', '/login', { email, password: 'fifth guess' }, { token });
      await new Promise((r) => setTimeout(r, 100));
      const during = await Promise.race([
        db
          .selectFrom('users')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirst()
          .then(() => 'answered'),
        new Promise((r) => setTimeout(() => r('blocked'), 500)),
      ]);
      expect(during).toBe('answered');
      expect((await slow).status).toBe(400);
      expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    });
  });
}
