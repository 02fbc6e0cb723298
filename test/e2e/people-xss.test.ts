import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { updateProfile } from '../../src/accounts/user.repo.ts';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import type { Database } from '../../src/db/database.ts';
import { xssPayloads } from '../fixtures/xss-payloads.ts';
import { testPassword as password } from '../support/account-client.ts';
import { browserAvailable } from '../support/browser.ts';
import { openTrapPage } from '../support/xss-trap.ts';
import { useE2E } from './e2e-context.ts';

/** As many public people as it takes for every payload to sit in a name, a job title or a bio. */
const perPerson = 3;
const peopleCount = Math.ceil(xssPayloads.length / perPerson);
const payload = (n: number) => `Payload ${(n % xssPayloads.length) + 1} ${xssPayloads[n % xssPayloads.length]}`;
const admin = { email: 'xss-org-admin@example.org', name: 'Org Admin' };

/** People whose profile text is the corpus, members of one organisation whose admin reads their notes. */
async function addPeople(db: Database): Promise<void> {
  const org = await db
    .insertInto('organizations')
    .values({
      slug: 'xss-org',
      name: 'XSS Org',
      acronym: null,
      type: 'civil-society',
      city: null,
      country: 'FR',
      region: '150',
      url: null,
      description: null,
      founded: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const adminId = await createUserWithRole(db, { ...admin, role: 'member', password });
  await db.insertInto('organization_members').values({ organization_id: org.id, user_id: adminId, role: 'admin', state: 'approved' }).execute();
  for (let i = 0; i < peopleCount; i++) {
    const id = await createUserWithRole(db, { email: `xss-person-${i}@example.org`, role: 'member', name: `Person ${i}`, password });
    const [name, title, bio] = [0, 1, 2].map((k) => payload(i * perPerson + k));
    await updateProfile(db, id, {
      name: name.slice(0, 100),
      organization: title.slice(0, 200),
      job_title: title.slice(0, 150),
      bio,
      city: null,
      country: 'FR',
      languages: [bio.slice(0, 40).replaceAll(',', ' ')],
      expertise: ['housing'],
      profile_public: true,
      locale: 'en',
    });
    const approved = i % 2 === 0;
    await db
      .insertInto('organization_members')
      .values({ organization_id: org.id, user_id: id, state: approved ? 'approved' : 'requested', note: approved ? null : bio })
      .execute();
  }
}

async function signIn(page: Page, url: (path: string) => string, email: string): Promise<void> {
  await page.goto(url('/en/login'));
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')), page.locator('main form button[type="submit"]').first().click()]);
}

describe.skipIf(!browserAvailable())('profile, membership and contact text is shown as text, never run (Chromium, CSP off)', () => {
  const e2e = useE2E({ prepare: addPeople });

  it(`runs none of the ${xssPayloads.length} payloads on the people pages, the organisation's page and the contact form`, async () => {
    const trap = await openTrapPage(e2e.browser());
    const checked: string[] = [];
    const check = async (what: string) => {
      expect(await trap.hits(), `scripts that ran on ${what}`).toEqual([]);
      expect(await trap.injected(), `markup injected into ${what}`).toEqual([]);
      checked.push(what);
    };
    await signIn(trap.page, e2e.url, admin.email);
    const list = await trap.page.goto(e2e.url('/en/people?page_size=100'));
    expect(list?.status()).toBe(200);
    expect(await trap.page.content()).toContain('Payload 1 ');
    await check('the list of people');
    const slugs = await trap.page.locator('main .org-list a[href*="/people/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(slugs).toHaveLength(peopleCount);
    for (const path of [...slugs, '/ar/people', '/en/organizations/xss-org', '/api/v1/people?page_size=100']) {
      await trap.page.goto(e2e.url(path));
      await check(path);
    }
    // The organisation's page shows the admin the notes of the requests.
    await trap.page.goto(e2e.url('/en/organizations/xss-org'));
    expect(await trap.page.locator('.member-row__note').count()).toBeGreaterThan(0);
    // A refused message comes back in the form, payloads and all.
    await trap.page.goto(e2e.url(slugs[0]));
    await trap.page.locator('textarea[name="message"]').fill(`${payload(7)}\n${payload(25)}`);
    await trap.page.locator('input[name="subject"]').fill('');
    await trap.page.evaluate(() => {
      for (const f of Array.from(document.querySelectorAll('input, textarea'))) f.removeAttribute('required');
    });
    await Promise.all([trap.page.waitForLoadState('load'), trap.page.locator('form.contact-form button[type="submit"]').click()]);
    expect(await trap.page.locator('textarea[name="message"]').inputValue()).toContain(xssPayloads[7]);
    await check('the contact form shown again');
    expect(checked.length).toBe(peopleCount + 5);
  });
});
