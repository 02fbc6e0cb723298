import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../src/app.ts';
import { createCall, publishCall } from '../src/calls/save-call.command.ts';
import type { Database } from '../src/db/database.ts';
import { runDigest } from '../src/follows/follow-jobs.ts';
import type { SessionAccount } from '../src/http/app-env.ts';
import { runQueuedJobs } from '../src/jobs/job-worker.ts';
import { createSubmission, findSubmission, type Submission } from '../src/submissions/submission.repo.ts';
import { transitionSubmission } from '../src/submissions/submission-workflow.ts';
import { type AccountClient, mailHeader, signedInClient } from './support/account-client.ts';
import { type MailApp, startMailApp } from './support/mail-app.ts';
import { mainText } from './support/page-text.ts';
import { practiceDraft } from './support/practice-record.ts';
import { testEngines } from './support/test-db.ts';

describe.each(testEngines())('following and hearing of it on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let smtp: MailApp['smtp'];
  let deps: MailApp['deps'];
  let n = 0;
  const unique = () => `${Date.now().toString(36)}${++n}`;

  beforeAll(async () => {
    ({ db, app, smtp, deps, close: drop } = await startMailApp(engine));
  });
  afterAll(() => drop());

  async function person(role: 'member' | 'editor', name: string) {
    const { b, id, email } = await signedInClient(app, db, role, `${name} ${unique()}`);
    const account: SessionAccount = { userId: id, email, name, role, locale: 'en', sessionId: '', csrfToken: '' };
    return { b, id, email, account };
  }
  const followVia = (b: AccountClient, fields: Record<string, string>) => b.submit('/account', '/follows', { back: '/account/follows', ...fields });
  const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email));

  async function submitted(by: SessionAccount, title: string, overrides: Record<string, unknown> = {}): Promise<Submission> {
    const draft = await createSubmission(db, { kind: 'practice', submitterId: by.userId, data: practiceDraft(title, overrides), step: 5 });
    await transitionSubmission({ ...deps, mailer: { send: async () => undefined } } as never, {
      submission: draft,
      actor: by,
      as: 'submitter',
      to: 'submitted',
    });
    return (await findSubmission(db, draft.id)) as Submission;
  }

  it('tells editors of a submission at once, followers of its theme at once and its city in the weekly digest, once each', async () => {
    const editor = await person('editor', 'Edna Editor');
    const quick = await person('member', 'Quentin Quick');
    const weekly = await person('member', 'Wanda Weekly');
    const submitter = await person('member', 'Sam Submitter');
    expect((await followVia(quick.b, { kind: 'theme', target: 'housing', frequency: 'immediate' })).status).toBe(303);
    expect((await followVia(weekly.b, { kind: 'city', target: 'fr/lyon', frequency: 'weekly', label: 'Lyon' })).status).toBe(303);
    // Following the theme too: one notification for one practice all the same, at the most frequent delivery.
    await followVia(weekly.b, { kind: 'theme', target: 'housing', frequency: 'weekly' });

    const word = `larder${unique().replace(/\d/g, '')}`;
    const s = await submitted(submitter.account, `Community ${word} for newcomers`, { city: 'Lyon', country: 'FR', themes: ['housing'] });
    await runQueuedJobs(deps);
    const toEditor = mailsTo(editor.email);
    expect(toEditor.map((m) => m.subject)).toContain(`To review: Community ${word} for newcomers`);
    expect(toEditor.find((m) => m.subject.includes(word))?.text).toContain(`http://localhost:3000/submissions/${s.id}`);
    // Theme followers do not hear of submissions, only editors.
    expect(mailsTo(quick.email)).toEqual([]);

    const published = await editor.b.submit(`/submissions/${s.id}`, `/submissions/${s.id}/publish`, {});
    expect(published.status).toBe(303);
    await runQueuedJobs(deps);
    const atOnce = mailsTo(quick.email).filter((m) => m.subject.includes(word));
    expect(atOnce).toHaveLength(1);
    expect(atOnce[0].subject).toBe(`New practice: Community ${word} for newcomers`);
    expect(atOnce[0].text).toContain('because you follow the theme “Housing”');
    expect(mailHeader(atOnce[0].raw, 'List-Unsubscribe')).toMatch(/^<http:\/\/localhost:3000\/unsubscribe\/[^>]+>$/);
    expect(mailHeader(atOnce[0].raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mailsTo(weekly.email)).toEqual([]);

    // The person's header counts it; their notifications page lists it, and opening it marks it read.
    const page = await quick.b.page('/notifications');
    expect(mainText(page.html)).toContain(`New practice Community ${word} for newcomers`);
    expect(page.html).toContain('Notifications (1 unread)');

    const people = await runDigest(deps, 'weekly', '2026-11-30');
    expect(people).toBeGreaterThanOrEqual(1);
    await runQueuedJobs(deps);
    const digests = mailsTo(weekly.email);
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('Your weekly digest: 1 new item');
    expect(digests[0].text).toContain(`Community ${word} for newcomers`);
    expect(digests[0].text).toMatch(/New practices \(1\)/);
    expect(digests[0].text).toContain('the city Lyon');
    // A second run of the same period (another instance, a restart) sends nothing again.
    await runDigest(deps, 'weekly', '2026-11-30');
    await runQueuedJobs(deps);
    expect(mailsTo(weekly.email)).toHaveLength(1);
  });

  it('tells the followers of a theme of a call for interest once it is published, not while it is a draft', async () => {
    const reader = await person('member', 'Carla Caller');
    await followVia(reader.b, { kind: 'theme', target: 'women-and-gender', frequency: 'immediate' });
    const coordinator = { userId: (await person('editor', 'Coco Coordinator')).id, role: 'admin' as const, ip: null };
    const now = Date.now();
    const slug = await createCall(
      db,
      {
        title: `Mentoring circles ${unique()}`,
        description: 'Cities pair newly arrived women with mentors.',
        eligible: ['cities'],
        themes: ['women-and-gender'],
        opensAt: new Date(now + 86_400_000),
        closesAt: new Date(now + 30 * 86_400_000),
        timeZone: 'UTC',
        questions: [],
        rubric: [],
        reviewersPerApplication: 2,
        languages: ['en'],
      },
      coordinator,
    );
    await runQueuedJobs(deps);
    expect(mailsTo(reader.email).filter((m) => m.subject.includes('Mentoring circles'))).toEqual([]);
    await publishCall(db, slug, coordinator);
    await runQueuedJobs(deps);
    const [mail] = mailsTo(reader.email).filter((m) => m.subject.includes('Mentoring circles'));
    expect(mail.subject).toMatch(/^New call for interest: Mentoring circles/);
    expect(mail.text).toContain(`http://localhost:3000/calls/${slug}`);
  });

  it('unsubscribes in one click from the mail, without a session, and refuses a forged link', async () => {
    const reader = await person('member', 'Una Unsubscriber');
    await followVia(reader.b, { kind: 'theme', target: 'health', frequency: 'immediate' });
    const editor = await person('editor', 'Eddie Editor');
    const s = await submitted(reader.account, `Clinic ${unique()} hours`, { themes: ['health'] });
    await editor.b.submit(`/submissions/${s.id}`, `/submissions/${s.id}/publish`, {});
    await runQueuedJobs(deps);
    // The submitter is the actor of the submission, not of the publication: they hear of it.
    const mail = mailsTo(reader.email).find((m) => m.subject.startsWith('New practice'));
    expect(mail).toBeDefined();
    const url = /<([^>]+)>/.exec(mailHeader(mail?.raw ?? '', 'List-Unsubscribe') ?? '')?.[1] as string;
    const path = new URL(url).pathname;
    const asked = await app.request(path);
    expect(mainText(await asked.text())).toContain('Stop receiving emails about the theme “Health”?');
    // Opening the link (a mail scanner) changes nothing.
    expect(await db.selectFrom('follows').select('kind').where('user_id', '=', reader.id).execute()).toHaveLength(1);
    const oneClick = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await db.selectFrom('follows').select('kind').where('user_id', '=', reader.id).execute()).toEqual([]);
    const forged = path.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    expect(
      (await app.request(forged, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }))
        .status,
    ).toBe(404);
  });

  it('follows only what exists in a known form, keeps one follow per search however it is written, and asks visitors to sign in', async () => {
    const reader = await person('member', 'Fiona Follower');
    const before = await db.selectFrom('follows').select('kind').where('user_id', '=', reader.id).execute();
    expect((await followVia(reader.b, { kind: 'theme', target: 'wizardry', frequency: 'daily' })).status).toBe(400);
    expect((await followVia(reader.b, { kind: 'city', target: '../etc', frequency: 'daily' })).status).toBe(400);
    expect((await followVia(reader.b, { kind: 'review', target: 'queue', frequency: 'daily' })).status).toBe(400);
    expect((await followVia(reader.b, { kind: 'search', target: 'page=3', frequency: 'daily' })).status).toBe(400);
    expect(await db.selectFrom('follows').select('kind').where('user_id', '=', reader.id).execute()).toEqual(before);

    await followVia(reader.b, { kind: 'search', target: 'theme=health&q=night+school&page=2', frequency: 'daily', label: 'night school' });
    await followVia(reader.b, { kind: 'search', target: '?q=night%20school&theme=health', frequency: 'weekly' });
    const searches = await db.selectFrom('follows').select(['target', 'frequency']).where('user_id', '=', reader.id).execute();
    expect(searches).toEqual([{ target: 'q=night+school&theme=health', frequency: 'weekly' }]);
    // The search page offers to follow it, in a form of its own (browsers drop a form nested in the search form).
    const search = (await reader.b.page('/practices?q=night+school&theme=health')).html;
    const searchForm = search.indexOf('class="search-page-form"');
    const followForm = search.indexOf('action="/follows"');
    expect(followForm).toBeGreaterThan(search.indexOf('</form>', searchForm));
    expect(search.slice(followForm, search.indexOf('</form>', followForm))).toContain('You follow night school · Health');
    const list = mainText((await reader.b.page('/account/follows')).html);
    expect(list).toContain('Search night school');
    expect((await app.request('/follows', { method: 'POST' })).status).toBe(403);
    expect((await app.request('/account/follows')).status).toBe(303);
  });
});
