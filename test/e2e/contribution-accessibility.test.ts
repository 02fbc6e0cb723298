import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import { assessPractice } from '../../src/assessments/assess-practice.command.ts';
import { insertCall } from '../../src/calls/call.repo.ts';
import type { Database } from '../../src/db/database.ts';
import { follow } from '../../src/follows/follow.repo.ts';
import { findPublishedRecord } from '../../src/practices/export/export.repo.ts';
import { upsertPractice } from '../../src/practices/practice.repo.ts';
import { createSubmission, setSubmissionState } from '../../src/submissions/submission.repo.ts';
import { addSubmissionEvent } from '../../src/submissions/submission-events.repo.ts';
import { axe, browserAvailable, formatViolations, type ViewportName, watchPageProblems } from '../support/browser.ts';
import { repoRoot } from '../support/server-process.ts';
import { useE2E } from './e2e-context.ts';

/** Where screenshots go for a person to look at (git-ignored). */
const shotsDir = path.join(repoRoot, 'scratch', 'shots');

const people = {
  member: { email: 'ines.member@example.org', name: 'Inês Member', password: 'a kettle sings in the attic', role: 'member' },
  admin: { email: 'omar.admin@example.org', name: 'Omar Admin', password: 'five boats under the bridge', role: 'admin' },
} as const;
type Who = keyof typeof people;

/** The practice that gets an assessment (badges) and a second revision (history comparison). */
const practiceId = 'nyc-idnyc';

/** A complete draft, so every step shows filled fields and the review page offers "Send to review". */
const draftData = {
  title: 'Tandem language cafés in Turin libraries',
  summary: 'Volunteers and newcomers meet weekly in public libraries to practise Italian and other languages in pairs.',
  language: 'en',
  themes: ['language', 'social-cohesion'],
  status: 'ongoing',
  started: 2019,
  city: 'Turin',
  country: 'IT',
  actor_types: ['civil-society'],
  lead_organization: 'Biblioteche civiche torinesi',
  partners: [{ name: 'Università di Torino', support: 'technical' }],
  target_groups: ['asylum seekers', 'students'],
  challenge: 'Newcomers have few chances to **speak** Italian outside class.',
  approach: 'Weekly meetings in pairs:\n\n- one hour in Italian\n- one hour in the partner’s language',
  outcomes: 'About 400 pairs in 2023.',
  evidence_level: 1,
  sources: [{ url: 'https://example.org/tandem-turin', title: 'Tandem in biblioteca' }],
};

/** Ids of the submissions written in `prepare`. */
const ids = { draft: 0, errorsDraft: 0, inReview: 0, application: 0 };

/** An open call with one question, where the member has a draft application. */
const openCall = 'tandem-cafes-call';

/** Users, submissions (a draft, one in review with a conversation), and an assessed practice with two revisions. */
async function prepare(db: Database): Promise<void> {
  const memberId = await createUserWithRole(db, people.member);
  const adminId = await createUserWithRole(db, people.admin);
  await follow(db, memberId, { kind: 'city', target: 'de/berlin' }, 'weekly', 'Berlin');
  const callId = await insertCall(
    db,
    openCall,
    {
      title: 'Host tandem language cafés',
      description: 'Cities host **weekly** tandem cafés in their libraries.',
      eligible: ['cities'],
      themes: ['language'],
      opens_at: new Date(Date.now() - 86_400_000),
      closes_at: new Date(Date.now() + 30 * 86_400_000),
      time_zone: 'Europe/Rome',
      questions: [{ key: 'q1', kind: 'long_text', label: 'Who will take part?', help: 'Residents and newcomers.', required: true, wordLimit: 300 }],
      rubric: [
        {
          key: 'reach',
          title: 'Reach',
          description: 'Who the cafés reach.',
          weight: 1,
          anchors: { '1': 'Few', '2': 'Some', '3': 'Several groups', '4': 'Many', '5': 'Everyone' },
        },
      ],
      reviewers_per_application: 1,
      languages: ['en', 'it'],
    },
    adminId,
  );
  await db.updateTable('calls').set({ state: 'published' }).where('id', '=', callId).execute();
  const application = await db
    .insertInto('applications')
    .values({ call_id: callId, applicant_id: memberId, name: 'City of Turin', city: 'Turin', country: 'IT' })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.application = Number(application.id);
  await follow(db, memberId, { kind: 'theme', target: 'housing' }, 'immediate');
  ids.draft = (await createSubmission(db, { kind: 'practice', submitterId: memberId, data: draftData, step: 5 })).id;
  ids.errorsDraft = (await createSubmission(db, { kind: 'practice', submitterId: memberId, data: { title: 'A draft to get wrong' }, step: 1 })).id;
  const inReview = await createSubmission(db, {
    kind: 'practice',
    submitterId: memberId,
    data: { ...draftData, title: 'Welcome walks for new residents of Ghent', city: 'Ghent', country: 'BE' },
    step: 5,
  });
  ids.inReview = inReview.id;
  await setSubmissionState(db, inReview.id, 'draft', { state: 'submitted' });
  await addSubmissionEvent(db, { submissionId: inReview.id, authorId: memberId, kind: 'state', state: 'submitted' });
  await addSubmissionEvent(db, { submissionId: inReview.id, authorId: adminId, kind: 'comment', body: 'Thank you. Who leads the walks: staff or volunteers?' });
  await addSubmissionEvent(db, {
    submissionId: inReview.id,
    authorId: memberId,
    kind: 'comment',
    body: 'Volunteers, trained by the city.\nEach walk has two guides.',
  });

  // The assessment first (a revision of kind "assessment"), then an edit of the summary, so the
  // default comparison (latest against the one before) shows changed words.
  const note = (text: string) => ({ rating: 'yes' as const, note: text });
  await assessPractice(
    db,
    practiceId,
    {
      ratings: {
        practical: note('Runs on existing city offices.'),
        innovative: { rating: 'partly', note: 'Built on New Haven’s card.' },
        successful: note('Over a million cardholders in two years.'),
        transferable: note('Any city with a records office could issue one.'),
      },
      evidenceLevel: 3,
    },
    { userId: adminId, name: people.admin.name, role: 'admin', ip: null },
  );
  const record = await findPublishedRecord(db, practiceId);
  if (!record) throw new Error(`demo practice ${practiceId} is missing`);
  await db.transaction().execute(async (trx) => {
    const summary = record.summary.replace('free', 'free-of-charge');
    await upsertPractice(trx, { ...record, summary }, { author: people.admin.name, authorId: adminId, kind: 'edit', message: 'Clearer wording' });
  });
}

describe.skipIf(!browserAvailable())('accessibility of the contribution pages (axe-core, WCAG 2.x A and AA)', () => {
  const e2e = useE2E({ prepare });

  /** One signed-in browser context per person and viewport, signed in through /login once and reused. */
  const sessions = new Map<string, BrowserContext>();
  async function pageAs(who: Who, viewport: ViewportName): Promise<Page> {
    const key = `${who}-${viewport}`;
    const known = sessions.get(key);
    if (known) return known.newPage();
    const page = await e2e.newPage(viewport);
    await page.goto(e2e.url('/login'));
    await page.getByLabel('Email address').fill(people[who].email);
    await page.getByLabel('Password', { exact: true }).fill(people[who].password);
    await Promise.all([page.waitForURL(/\/account$/), page.getByRole('button', { name: 'Sign in' }).click()]);
    sessions.set(key, page.context());
    return page;
  }

  /** No axe violations, no browser errors, no sideways scrolling. */
  async function expectAccessible(page: Page, problems: string[]): Promise<void> {
    expect(formatViolations(await axe(page)), `axe on ${page.url()}`).toBe('');
    expect(problems, 'CSP refusals, script errors or failed requests').toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
  }

  /** Opens a page as someone, checks it and, when named, saves a full-page screenshot. */
  async function check(who: Who | 'visitor', viewport: ViewportName, url: string, shot?: string): Promise<Page> {
    const page = who === 'visitor' ? await e2e.newPage(viewport) : await pageAs(who, viewport);
    const problems = watchPageProblems(page);
    const res = await page.goto(e2e.url(url));
    expect(res?.status(), `status of ${url}`).toBe(200);
    expect(new URL(page.url()).pathname, 'not sent elsewhere (to sign in)').toBe(new URL(e2e.url(url)).pathname);
    await expectAccessible(page, problems);
    if (shot) {
      fs.mkdirSync(shotsDir, { recursive: true });
      await page.screenshot({ path: path.join(shotsDir, `${shot}-${viewport}.png`), fullPage: true });
    }
    return page;
  }

  /** Every page of the contribution workflow, who sees it, and the name of its screenshot if one is taken. */
  const pages: { name: string; who: Who | 'visitor'; url: () => string; shot?: string }[] = [
    ...[1, 2, 3, 4, 5].map((n) => ({
      name: `submission step ${n}`,
      who: 'member' as const,
      url: () => `/submit/${ids.draft}/step/${n}`,
      shot: n === 1 ? 'step1' : undefined,
    })),
    { name: 'a new submission (step 1)', who: 'member', url: () => '/submit' },
    { name: 'the review page of a draft', who: 'member', url: () => `/submit/${ids.draft}/check` },
    { name: 'My submissions', who: 'member', url: () => '/my/submissions' },
    { name: 'the translation form', who: 'member', url: () => `/practices/${practiceId}/translate?lang=fr` },
    { name: 'a submission followed by its submitter', who: 'member', url: () => `/submissions/${ids.inReview}` },
    { name: 'the review queue', who: 'admin', url: () => '/review', shot: 'review' },
    { name: 'a submission with a conversation (editor)', who: 'admin', url: () => `/submissions/${ids.inReview}` },
    { name: 'the edit page', who: 'admin', url: () => `/practices/${practiceId}/edit` },
    { name: 'the history page', who: 'admin', url: () => `/practices/${practiceId}/history`, shot: 'history' },
    { name: 'a history comparison', who: 'admin', url: () => `/practices/${practiceId}/history/compare`, shot: 'compare' },
    { name: 'the assessment form', who: 'admin', url: () => `/practices/${practiceId}/assess` },
    { name: 'a practice with assessment badges', who: 'visitor', url: () => `/practices/${practiceId}`, shot: 'badges' },
    { name: 'admin import', who: 'admin', url: () => '/admin/import' },
    { name: 'admin tags', who: 'admin', url: () => '/admin/tags' },
    { name: 'what I follow', who: 'member', url: () => '/account/follows', shot: 'follows' },
    { name: 'what I follow, in Arabic', who: 'member', url: () => '/ar/account/follows' },
    { name: 'notifications', who: 'member', url: () => '/notifications' },
    { name: 'a city with its Follow form', who: 'member', url: () => '/cities/de/berlin' },
    { name: 'a search with its Follow form', who: 'member', url: () => '/practices?q=housing&theme=health' },
    { name: 'your data (download, delete)', who: 'member', url: () => '/account/privacy', shot: 'privacy' },
    { name: 'your data, in Arabic', who: 'member', url: () => '/ar/account/privacy' },
    { name: 'an account deleted', who: 'visitor', url: () => '/account/deleted' },
    { name: 'calls for interest', who: 'visitor', url: () => '/calls' },
    { name: 'a call, with its rubric', who: 'visitor', url: () => `/calls/${openCall}`, shot: 'call' },
    { name: 'a call, in Arabic', who: 'visitor', url: () => `/ar/calls/${openCall}` },
    { name: 'the form of a new call', who: 'admin', url: () => '/calls/new', shot: 'call-form' },
    { name: 'a step of an application', who: 'member', url: () => `/calls/${openCall}/applications/${ids.application}/step/1`, shot: 'apply-step' },
    { name: 'an application read back', who: 'member', url: () => `/calls/${openCall}/applications/${ids.application}` },
    { name: 'my applications', who: 'member', url: () => '/my/applications' },
    { name: 'the review of a call (coordinator)', who: 'admin', url: () => `/calls/${openCall}/review` },
    { name: 'my reviews', who: 'member', url: () => '/reviews' },
    { name: 'city-to-city exchanges', who: 'member', url: () => '/exchanges' },
    { name: 'a request for an exchange', who: 'member', url: () => '/exchanges/new?to=de/berlin' },
  ];

  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    for (const p of pages) {
      it(`${p.name} at ${viewport} width has no violations`, async () => {
        const page = await check(p.who, viewport, p.url(), p.shot);
        if (p.shot === 'badges') {
          const badges = page.getByRole('region', { name: 'Editors’ assessment' });
          expect(await badges.innerText(), 'the badges are on the page').toContain('Transferable: yes');
          await badges.screenshot({ path: path.join(shotsDir, `badges-close-${viewport}.png`) });
        }
        if (p.shot === 'compare') expect(await page.locator('.record-diff ins').count(), 'the comparison marks inserted words').toBeGreaterThan(0);
        await page.close();
      });
    }

    it(`a step re-rendered with errors (summary and field errors) at ${viewport} width has no violations`, async () => {
      const page = await pageAs('member', viewport);
      const problems = watchPageProblems(page);
      await page.goto(e2e.url(`/submit/${ids.errorsDraft}/step/1`));
      await page.getByLabel('Title (required)').fill('ab');
      await page.getByLabel('Year it started').fill('19');
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document'),
        page.getByRole('button', { name: 'Save and continue' }).click(),
      ]);
      await page.waitForLoadState();
      expect(res.status(), 'refused with 400').toBe(400);
      const summary = page.getByRole('alert');
      expect(await summary.getByRole('link').count(), 'the error summary links to each problem').toBeGreaterThanOrEqual(2);
      expect(await page.locator('#f-title-error').innerText(), 'the message next to the title').toContain('3 to 200 characters');
      expect(await page.getByLabel('Title (required)').getAttribute('aria-invalid'), 'the title is marked invalid').toBe('true');
      expect(await page.getByLabel('Title (required)').inputValue(), 'what was typed is kept').toBe('ab');
      await expectAccessible(page, problems);
      fs.mkdirSync(shotsDir, { recursive: true });
      await page.screenshot({ path: path.join(shotsDir, `step1-errors-${viewport}.png`), fullPage: true });
      await page.close();
    });
  }

  /** The Arabic pages: right-to-left, and as accessible as the others. */
  const arabic: { name: string; who: Who | 'visitor'; url: () => string; shot: string }[] = [
    { name: 'submission step 1', who: 'member', url: () => `/ar/submit/${ids.draft}/step/1`, shot: 'ar-step1' },
    { name: 'the review queue', who: 'admin', url: () => '/ar/review', shot: 'ar-review' },
    { name: 'the history page', who: 'admin', url: () => `/ar/practices/${practiceId}/history`, shot: 'ar-history' },
    { name: 'a history comparison', who: 'admin', url: () => `/ar/practices/${practiceId}/history/compare`, shot: 'ar-compare' },
    { name: 'a practice with assessment badges', who: 'visitor', url: () => `/ar/practices/${practiceId}`, shot: 'ar-badges' },
  ];
  for (const p of arabic) {
    it(`in Arabic, ${p.name} is right-to-left with no violations at phone width`, async () => {
      const page = await check(p.who, 'phone', p.url(), p.shot);
      expect(await page.locator('html').getAttribute('dir'), 'the page is right-to-left').toBe('rtl');
      expect(await page.locator('html').getAttribute('lang'), 'the page says it is Arabic').toBe('ar');
      await page.close();
    });
  }
});
