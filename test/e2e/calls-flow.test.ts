import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import { insertCall } from '../../src/calls/call.repo.ts';
import type { Database } from '../../src/db/database.ts';
import { insertRepresentative } from '../../src/self-assessment/representative.repo.ts';
import { browserAvailable, watchPageProblems } from '../support/browser.ts';
import { go, signIn } from './browser-steps.ts';
import { useE2E } from './e2e-context.ts';

const password = 'a long river of words';
const person = (email: string, name: string) => ({ email, name, password });
const cora = person('cora.coordinator@example.org', 'Cora Coordinator');
const amal = person('amal.applicant@example.org', 'Amal Applicant');
const ben = person('ben.applicant@example.org', 'Ben Applicant');
const rita = person('rita.reviewer@example.org', 'Rita Reviewer');
const ravi = person('ravi.reviewer@example.org', 'Ravi Reviewer');
const bea = person('bea.berlin@example.org', 'Bea Berlin');
const gil = person('gil.ghent@example.org', 'Gil Ghent');

/** A word no demo record uses. */
const word = 'Marrowvale';
const callTitle = `${word} welcome kitchens`;
/** A second call, closing seconds after the server starts: Ben's late submission. */
const lateCall = { slug: 'marrowvale-late-call', title: `${word} late call` };
let lateClosesAt = 0;

/** The id at the end of the page's address (`…/applications/12`). */
const lastId = (page: Page) => Number(/\/(\d+)(?:\?.*)?$/.exec(page.url())?.[1]);

describe.skipIf(!browserAvailable())('a call for interest from opening to feedback, and an exchange between two cities', () => {
  const e2e = useE2E({
    smtp: true,
    prepare: async (db: Database) => {
      await createUserWithRole(db, { ...cora, role: 'coordinator' });
      for (const who of [amal, ben, rita, ravi]) await createUserWithRole(db, { ...who, role: 'member' });
      const beaId = await createUserWithRole(db, { ...bea, role: 'member' });
      const gilId = await createUserWithRole(db, { ...gil, role: 'member' });
      await insertRepresentative(db, beaId, { country: 'DE', slug: 'berlin' }, null);
      await insertRepresentative(db, gilId, { country: 'BE', slug: 'mechelen' }, null);
      // Closes a minute after it is written: long before then the server is up; Ben submits after it.
      lateClosesAt = Date.now() + 60_000;
      const benId = (await db.selectFrom('users').select('id').where('email', '=', ben.email).executeTakeFirstOrThrow()).id;
      const callId = await insertCall(
        db,
        lateCall.slug,
        {
          title: lateCall.title,
          description: 'Closes soon.',
          eligible: ['cities'],
          themes: [],
          opens_at: new Date(Date.now() - 86_400_000),
          closes_at: new Date(lateClosesAt),
          time_zone: 'Europe/Lisbon',
          questions: [],
          rubric: [{ key: 'reach', title: 'Reach', description: 'Who it reaches.', weight: 1, anchors: { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' } }],
          reviewers_per_application: 1,
          languages: ['en'],
        },
        null,
      );
      await db.updateTable('calls').set({ state: 'published' }).where('id', '=', callId).execute();
      await db.insertInto('applications').values({ call_id: callId, applicant_id: benId, name: 'Ghent', city: 'Ghent', country: 'BE' }).execute();
    },
  });

  it('opens a call, takes two applications and refuses a late one, reviews with a conflict, releases decisions, gives feedback; an exchange is accepted', async () => {
    const [c, a, b, r1, r2] = await Promise.all([
      e2e.newPage('desktop'),
      e2e.newPage('desktop'),
      e2e.newPage('phone'),
      e2e.newPage('desktop'),
      e2e.newPage('desktop'),
    ]);
    const problems = [c, a, b, r1, r2].map((p) => watchPageProblems(p));
    for (const [page, who] of [
      [c, cora],
      [a, amal],
      [b, ben],
      [r1, rita],
      [r2, ravi],
    ] as const)
      await signIn(page, e2e.url('/login'), who);

    // The coordinator opens a call that is open now, with one question and one criterion, one reviewer each.
    await c.goto(e2e.url('/calls/new'));
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await c.locator('[name=title]').fill(callTitle);
    await c.locator('[name=description]').fill('Cities open a **kitchen** where newcomers and neighbours cook.');
    await c.locator('[name=opens_date]').fill(yesterday);
    await c.locator('[name=closes_date]').fill(inAMonth);
    await c.locator('[name=reviewers]').fill('1');
    await c.locator('[name=q1_label]').fill('Who will cook together?');
    await c.locator('[name=q1_kind]').selectOption('long_text');
    await c.locator('[name=r1_title]').fill('Community reach');
    await c.locator('[name=r1_description]').fill('How many people the kitchen brings together.');
    await c.locator('[name=r1_weight]').fill('1');
    for (const n of [1, 2, 3, 4, 5]) await c.locator(`[name=r1_a${n}]`).fill(`Level ${n}`);
    await go(c, c.locator('main form button[type=submit]').last(), /\/calls\/[a-z0-9-]+\?done=created/);
    const callPath = new URL(c.url()).pathname;
    await go(c, c.locator(`form[action$="${callPath}/publish"] button`), /\?done=published/);

    // Two applicants apply and submit; each is mailed a copy.
    for (const [page, city, country] of [
      [a, 'Porto', 'PT'],
      [b, 'Ghent', 'BE'],
    ] as const) {
      await page.goto(e2e.url(`${callPath}/apply`));
      await page.locator('[name=name]').fill(`City of ${city}`);
      await page.locator('[name=city]').fill(city);
      await page.locator('select[name=country]').selectOption(country);
      await go(page, page.locator('main form button[type=submit]'), /\/applications\/\d+\/step\/1$/);
      await page.locator('[name=a_q1]').fill(`Neighbours and newcomers of ${city}, twice a week.`);
      await go(page, page.locator('main form button[type=submit]'), /\/applications\/\d+(\?.*)?$/);
      await go(page, page.locator('form[action$="/submit"] button'), /\?done=submitted/);
    }
    await e2e.waitForMail((m) => m.to.includes(amal.email) && m.text.includes('Neighbours and newcomers of Porto'));

    // Ben's other application, submitted a second after its call closed, is refused with the deadline shown.
    await b.goto(e2e.url('/my/applications'));
    await go(b, b.getByRole('link', { name: lateCall.title }), /\/applications\/\d+/);
    await b.waitForTimeout(Math.max(0, lateClosesAt - Date.now() + 1000));
    const [late] = await Promise.all([b.waitForResponse((res) => res.request().method() === 'POST'), b.locator('form[action$="/submit"] button').click()]);
    expect(late.status()).toBe(409);
    expect(await b.locator('main').innerText()).toMatch(/closed|deadline/i);

    // The coordinator adds two reviewers and assigns them, balanced: one application each.
    await c.goto(e2e.url(`${callPath}/review`));
    for (const who of [rita, ravi]) {
      await c.locator('form[action$="/review/pool"] [name=email]').fill(who.email);
      await go(c, c.locator('form[action$="/review/pool"] button'), /\/review/);
    }
    await go(c, c.locator('form[action$="/review/assign-balanced"] button'), /\/review/);

    // Rita declares a conflict on hers: it leaves her list, goes to Ravi, and she can no longer open it.
    await r1.goto(e2e.url('/reviews'));
    await go(r1, r1.locator('main a[href^="/reviews/"]').first(), /\/reviews\/\d+(\?.*)?$/);
    const conflicted = r1.url();
    await r1.locator('form[action$="/conflict"] [name=conflict][value=yes]').check();
    await r1.locator('form[action$="/conflict"] [name=note]').fill('I advise this city.');
    await go(r1, r1.locator('form[action$="/conflict"] button'), /\/reviews/);
    expect((await r1.goto(conflicted))?.status()).toBe(403);

    // Ravi now reviews both, scoring the criterion with a comment.
    await r2.goto(e2e.url('/reviews'));
    const reviews = await r2.locator('main a[href^="/reviews/"]').evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).pathname));
    expect(reviews).toHaveLength(2);
    for (const [i, path] of reviews.entries()) {
      await r2.goto(e2e.url(path));
      await r2.locator('form[action$="/conflict"] [name=conflict][value=no]').check();
      await go(r2, r2.locator('form[action$="/conflict"] button'), /\/reviews\/\d+/);
      await r2.locator(`[name=score_community_reach][value="${i === 0 ? 5 : 2}"]`).check();
      await r2.locator('[name=comment_community_reach]').fill(i === 0 ? 'A wide reach.' : 'Few groups named.');
      await go(r2, r2.locator('button[name=intent][value=submit]'), /\/reviews\/\d+/);
    }

    // The coordinator decides both and releases the decisions at once; the applicants are mailed.
    await c.goto(e2e.url(`${callPath}/review`));
    const apps = await c.locator('main a[href*="/review/applications/"]').evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).pathname));
    expect(apps).toHaveLength(2);
    for (const path of apps) {
      await c.goto(e2e.url(path));
      const text = await c.locator('main').innerText();
      await c.locator(`[name=decision][value=${text.includes('A wide reach.') ? 'selected' : 'not_selected'}]`).check();
      await c.locator('form[action$="/decision"] [name=message]').fill('Thank you for applying.');
      await go(c, c.locator('form[action$="/decision"] button'), /\/review/);
    }
    await c.goto(e2e.url(`${callPath}/review`));
    await go(c, c.locator('form[action$="/review/release"] button'), /\/review/);
    await e2e.waitForMail((m) => m.to.includes(amal.email) && /decision|selected/i.test(m.subject));
    await e2e.waitForMail((m) => m.to.includes(ben.email) && /decision|selected/i.test(m.subject));

    // Both read their feedback: their own scores and the comments, anonymised; never the other's.
    const feedback: string[] = [];
    for (const page of [a, b]) {
      await page.goto(e2e.url('/my/applications'));
      await go(page, page.getByRole('link', { name: callTitle }), /\/applications\/\d+/);
      const id = lastId(page);
      await page.goto(e2e.url(`${callPath}/applications/${id}/feedback`));
      const text = await page.locator('main').innerText();
      expect(text).not.toContain(rita.name);
      expect(text).not.toContain(ravi.name);
      feedback.push(text);
    }
    expect(feedback.some((t) => t.includes('A wide reach.') && !t.includes('Few groups named.'))).toBe(true);
    expect(feedback.some((t) => t.includes('Few groups named.') && !t.includes('A wide reach.'))).toBe(true);

    // An exchange: Mechelen's representative asks Berlin for a study visit; Berlin's accepts; both city pages show it.
    const gilPage = await e2e.newPage('desktop');
    const beaPage = await e2e.newPage('desktop');
    await signIn(gilPage, e2e.url('/login'), gil);
    await signIn(beaPage, e2e.url('/login'), bea);
    await gilPage.goto(e2e.url('/exchanges/new?to=de/berlin'));
    await gilPage.locator('[name=kind]').selectOption('study-visit');
    await gilPage.locator('[name=theme]').selectOption('housing');
    await gilPage.locator('[name=message]').fill('We would like to see how your welcome desks work.');
    await go(gilPage, gilPage.locator('main form button[type=submit]').last(), /\/exchanges/);
    await beaPage.goto(e2e.url('/exchanges'));
    const decide = beaPage.locator('form[action$="/decide"]').first();
    await decide.locator('[name=outcome][value=accepted]').check();
    await go(beaPage, decide.locator('button[type=submit]'), /\/exchanges/);
    for (const city of ['/cities/de/berlin', '/cities/be/mechelen']) {
      await beaPage.goto(e2e.url(city));
      expect(await beaPage.locator('main').innerText(), city).toMatch(/study visit/i);
    }

    expect(problems.flat()).toEqual([]);
  }, 240_000);
});
