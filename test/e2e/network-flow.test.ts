import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import type { Database } from '../../src/db/database.ts';
import { createSubmission, setSubmissionState } from '../../src/submissions/submission.repo.ts';
import { linkInMail, mailHeader } from '../support/account-client.ts';
import { browserAvailable, watchPageProblems } from '../support/browser.ts';
import { runCli } from '../support/cli-process.ts';
import { practiceDraft } from '../support/practice-record.ts';
import { go, signIn } from './browser-steps.ts';
import { useE2E } from './e2e-context.ts';

const password = 'a long river of words';
const alice = { email: 'alice.amsterdam@example.org', name: 'Alice Amsterdam', password };
const bob = { email: 'bob.bogota@example.org', name: 'Bob Bogotá', password };
const edna = { email: 'edna.editor@example.org', name: 'Edna Editor', password };
const submitter = { email: 'sami.submitter@example.org', name: 'Sami Submitter', password };

/** A word no demo record uses, so mails and pages are found by it alone. */
const word = 'Quillmoor';
const practiceTitle = `${word} tenancy sponsors for refugee families`;
const thread = { title: `${word}: who guarantees the first rent?`, body: 'In our city a landlord asks for **three** months of deposit. How do you help?' };
const reply = 'Our housing office pays the deposit and is repaid over two years.';
const event = { title: `${word} study visit on shared flats`, date: '2027-03-29', start: '09:30', end: '17:00', zone: 'Europe/Lisbon' };

/** The events of an iCalendar text, as a parser of RFC 5545 (ical.js) reads them. */
function calendarEvents(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  return root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe.skipIf(!browserAvailable())('the network: a group discussion, a moderator, an event and a digest', () => {
  const e2e = useE2E({
    smtp: true,
    prepare: async (db: Database) => {
      for (const who of [alice, bob, submitter]) await createUserWithRole(db, { ...who, role: 'member' });
      await createUserWithRole(db, { ...edna, role: 'editor' });
      // A practice of the housing theme waiting for review: the first submission of this database.
      const author = await db.selectFrom('users').select('id').where('email', '=', submitter.email).executeTakeFirstOrThrow();
      const draft = await createSubmission(db, {
        kind: 'practice',
        submitterId: author.id,
        data: practiceDraft(practiceTitle, { themes: ['housing'], city: 'Porto', country: 'PT' }),
        step: 5,
      });
      await setSubmissionState(db, draft.id, 'draft', { state: 'submitted' });
    },
  });

  it('two people join a group, one posts, the other is mailed at once and replies; a report, a hidden post; an event in the calendar; a weekly digest', async () => {
    const a = await e2e.newPage('desktop');
    const b = await e2e.newPage('phone');
    const e = await e2e.newPage('desktop');
    const problems = [a, b, e].map((p) => watchPageProblems(p));
    const noProblems = () => problems.flat();
    await signIn(a, e2e.url('/login'), alice);
    await signIn(b, e2e.url('/login'), bob);
    await signIn(e, e2e.url('/login'), edna);

    // Both join the housing group; Bob wants every post at once.
    await b.goto(e2e.url('/groups/housing'));
    await b.locator('#join-frequency').selectOption('immediate');
    await go(b, b.getByRole('button', { name: 'Join the group' }), /\/groups\/housing/);
    await a.goto(e2e.url('/groups/housing'));
    await go(a, a.getByRole('button', { name: 'Join the group' }), /\/groups\/housing/);

    // Alice starts a discussion; Bob's mail arrives through the real SMTP server, with its one-click unsubscribe.
    await go(a, a.getByRole('link', { name: 'Start a discussion' }), /\/threads\/new$/);
    await a.getByLabel('Title').fill(thread.title);
    await a.getByLabel('Your message').fill(thread.body);
    await go(a, a.locator('main form button[type=submit]').last(), /\/groups\/housing\/threads\/\d+$/);
    const threadUrl = a.url();
    expect(await a.locator('main').innerText()).toContain('three months of deposit');

    const mail = await e2e.waitForMail((m) => m.to.includes(bob.email) && m.subject.includes(word), 20_000);
    expect(mail.subject).toBe(`New post: ${thread.title}`);
    expect(mail.text).toContain('because you follow the group');
    expect(mailHeader(mail.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(e2e.mails().filter((m) => m.to.includes(alice.email) && m.subject.includes(word))).toEqual([]);

    // Bob follows the mail's link and replies.
    const link = linkInMail(mail.raw, '/groups/housing/threads/');
    await b.goto(link.replace(/^https?:\/\/[^/]+/, e2e.url('')));
    await b.getByLabel('Your reply').fill(reply);
    await go(b, b.getByRole('button', { name: 'Post the reply' }), /\/groups\/housing\/threads\/\d+/);
    expect(await b.locator('main').innerText()).toContain(reply);

    // Alice reports Bob's reply; the editor, a moderator of every group, hides it with a reason.
    await a.goto(threadUrl);
    const bobsPost = a.locator('article.post', { hasText: reply });
    await bobsPost.getByText('Report to the moderators').click();
    await bobsPost.getByLabel('What is wrong with this post?').fill('Names a landlord by name.');
    await go(a, bobsPost.getByRole('button', { name: 'Send the report' }), /\/groups\/housing\/threads\/\d+/);

    await e.goto(e2e.url('/groups/housing/moderation'));
    expect(await e.locator('main').innerText()).toContain('Names a landlord by name.');
    await e.goto(threadUrl);
    const toHide = e.locator('article.post', { hasText: reply });
    await toHide.getByText('Hide this post').click();
    await toHide.getByLabel('Why is it hidden?').fill('Personal details of a third person.');
    await go(e, toHide.getByRole('button', { name: 'Hide the post' }), /\/groups\/housing\/threads\/\d+/);

    const visitor = await e2e.newPage('desktop');
    await visitor.goto(threadUrl);
    const seen = await visitor.locator('main').innerText();
    expect(seen).toContain('Personal details of a third person.');
    expect(seen).not.toContain(reply);
    expect(seen).toContain('three months of deposit');

    // The editor announces an event; it is in the site's calendar, and its own file parses, at the right instant.
    await e.goto(e2e.url('/events/new'));
    await e.locator('[name=title]').fill(event.title);
    await e.locator('[name=type]').selectOption('study-visit');
    await e.locator('[name=start_date]').fill(event.date);
    await e.locator('[name=start_time]').fill(event.start);
    await e.locator('[name=end_date]').fill(event.date);
    await e.locator('[name=end_time]').fill(event.end);
    await e.locator('[name=time_zone]').selectOption(event.zone);
    await e.locator('[name=city]').fill('Lisbon');
    await e.locator('select[name=country]').selectOption('PT');
    await e.locator('[name=themes][value=housing]').check();
    await go(e, e.locator('form.event-form button[type=submit]'), /\/events\/[a-z0-9-]+(\?.*)?$/);
    const eventPath = new URL(e.url()).pathname;
    expect(await e.locator('main').innerText()).toContain(event.title);

    const feed = await e.request.get(e2e.url('/events.ics'));
    const inFeed = calendarEvents(await feed.text()).find((x) => x.summary === event.title);
    // 09:30 in Lisbon on 29 March 2027 is summer time (UTC+1): 08:30 UTC.
    expect(inFeed?.startDate.toJSDate().toISOString()).toBe('2027-03-29T08:30:00.000Z');
    const own = await e.request.get(e2e.url(`${eventPath}/event.ics`));
    expect(own.headers()['content-type']).toContain('text/calendar');
    const [single] = calendarEvents(await own.text());
    expect(single.summary).toBe(event.title);
    expect(single.endDate.toJSDate().toISOString()).toBe('2027-03-29T16:00:00.000Z');

    // Alice follows the housing theme weekly; the editor publishes a housing practice; the weekly digest lists it.
    await a.goto(e2e.url('/practices?theme=housing'));
    await a.locator('#follow-theme-frequency').selectOption('weekly');
    await go(a, a.locator('.follow-form__follow button'), /\/practices\?theme=housing/);
    expect(await a.locator('.follow-form').innerText()).toContain('You follow Housing');
    await e.goto(e2e.url('/submissions/1'));
    await go(e, e.getByRole('button', { name: 'Publish', exact: true }), /\/submissions\/1\?done=published/);

    const digest = await runCli(['digest', 'weekly'], { DATA_DIR: e2e.dataDir() });
    expect(digest.code, digest.stderr).toBe(0);
    const weekly = await e2e.waitForMail((m) => m.to.includes(alice.email) && m.subject.startsWith('Your weekly digest'), 20_000);
    expect(weekly.text).toContain(practiceTitle);
    expect(weekly.text).toContain('New practices (1)');

    // Alice's notifications page lists what reached her, with the unread count in the header.
    await a.goto(e2e.url('/notifications'));
    expect(await a.locator('main').innerText()).toContain(practiceTitle);
    expect(await a.locator('header').innerText()).toMatch(/Notifications \(\d+ unread\)/);

    expect(noProblems()).toEqual([]);
  }, 180_000);
});
