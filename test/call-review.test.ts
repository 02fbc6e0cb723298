import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../src/app.ts';
import { seedDemoReviews } from '../src/call-review/demo-reviews.ts';
import type { Database } from '../src/db/database.ts';
import { runQueuedJobs } from '../src/jobs/job-worker.ts';
import { signedInClient } from './support/account-client.ts';
import { type MailApp, startMailApp } from './support/mail-app.ts';
import { mainText } from './support/page-text.ts';
import { createTestDatabase, testEngines } from './support/test-db.ts';

const anchors = { '1': 'None', '2': 'Little', '3': 'Some', '4': 'Good', '5': 'Excellent' };
const rubric = [
  { key: 'reach', title: 'Community reach', description: 'Who will come', weight: 2, anchors },
  { key: 'venue', title: 'Venue and connectivity', description: 'Where it happens', weight: 1, anchors },
];

describe.each(testEngines())('review of calls on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let smtp: MailApp['smtp'];
  let deps: MailApp['deps'];
  let n = 0;
  const unique = () => `${Date.now().toString(36)}${++n}`;
  const person = (name: string, role: 'member' | 'coordinator' = 'member') => signedInClient(app, db, role, `${name} ${unique()}`);

  /** A closed, published call with a submitted application per applicant (plus one draft), inserted directly. */
  async function callWith(applicants: number[], reviewersPerApplication = 2) {
    const slug = `dialogue-cafe-${unique()}`;
    const call = await db
      .insertInto('calls')
      .values({
        slug,
        title: `Host a Dialogue Café ${slug}`,
        opens_at: new Date(Date.now() - 20 * 86400_000),
        closes_at: new Date(Date.now() - 86400_000),
        time_zone: 'Europe/Paris',
        rubric: JSON.stringify(rubric),
        questions: JSON.stringify([
          { key: 'plan', kind: 'long_text', label: 'Your plan', help: '', required: true },
          { key: 'budget', kind: 'file', label: 'Budget', help: '', required: false },
        ]),
        reviewers_per_application: reviewersPerApplication,
        state: 'published',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (const [i, applicant] of applicants.entries()) {
      const row = await db
        .insertInto('applications')
        .values({
          call_id: call.id,
          applicant_id: applicant,
          name: `City ${i + 1} ${slug}`,
          city: 'Lyon',
          country: 'FR',
          answers: JSON.stringify({ plan: `Plan number ${i + 1}` }),
          state: 'submitted',
          submitted_at: new Date(Date.now() - 2 * 86400_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(Number(row.id));
    }
    await db.insertInto('applications').values({ call_id: call.id, applicant_id: applicants[0], name: 'A draft', state: 'draft' }).execute();
    return { slug, id: Number(call.id), ids, base: `/calls/${slug}/review` };
  }

  const assignmentsOf = (applicationId: number) =>
    db.selectFrom('review_assignments').select(['reviewer_id', 'conflict']).where('application_id', '=', applicationId).orderBy('id').execute();
  const score = (reach: number, venue: number, comment = 'Fine') => ({
    score_reach: String(reach),
    comment_reach: comment,
    score_venue: String(venue),
    comment_venue: `${comment} venue`,
  });

  beforeAll(async () => {
    ({ db, app, smtp, deps, close: drop } = await startMailApp(engine));
  });
  afterAll(() => drop());

  it('balanced assignment gives each application its reviewers, evenly, never to its applicant or co-editors', async () => {
    const coord = await person('Cora Coordinator', 'coordinator');
    const [a1, a2, a3] = await Promise.all([person('Ana'), person('Ben'), person('Chloe')]);
    const coEditor = await person('Carl Coeditor');
    const call = await callWith([a1.id, a2.id, a3.id]);
    await db.insertInto('application_editors').values({ application_id: call.ids[1], user_id: coEditor.id }).execute();
    const reviewers = await Promise.all([person('Rita'), person('Raj'), person('Rosa')]);
    for (const p of [a1, coEditor, ...reviewers]) {
      const res = await coord.b.submit(call.base, `${call.base}/pool`, { email: p.email });
      expect(res.status).toBe(303);
    }
    expect((await coord.b.submit(call.base, `${call.base}/assign-balanced`, {})).status).toBe(303);
    const loads = new Map<number, number>();
    for (const [i, id] of call.ids.entries()) {
      const got = (await assignmentsOf(id)).map((a) => Number(a.reviewer_id));
      expect(got).toHaveLength(2);
      expect(got).not.toContain([a1.id, a2.id, a3.id][i]);
      if (i === 1) expect(got).not.toContain(coEditor.id);
      for (const r of got) loads.set(r, (loads.get(r) ?? 0) + 1);
    }
    const counts = [a1, coEditor, ...reviewers].map((p) => loads.get(p.id) ?? 0);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const page = mainText((await coord.b.page(call.base)).html);
    expect(page).toContain('0 of 2 submitted');
    expect(page).not.toContain('A draft');

    const member = await person('Max Member');
    expect((await member.b.page(call.base)).res.status).toBe(403);
    expect((await coord.b.submit(call.base, `${call.base}/pool`, { email: 'nobody@example.org' })).status).toBe(400);
    const again = await coord.b.submit(call.base, `${call.base}/pool`, { email: 'not an email' });
    expect(again.status).toBe(400);
    const html = await again.text();
    expect(html).toContain('value="not an email"');
    expect(mainText(html)).toContain('Enter an email address');
  });

  it('a declared conflict hands the application to the next reviewer and shuts the first out of page, file and form', async () => {
    const coord = await person('Cora', 'coordinator');
    const applicant = await person('Ana');
    const call = await callWith([applicant.id], 1);
    const pdf = Buffer.from('%PDF-1.4 tiny');
    await db
      .insertInto('application_files')
      .values({
        application_id: call.ids[0],
        question: 'budget',
        file_name: 'budget.pdf',
        media_type: 'application/pdf',
        size: pdf.length,
        sha256: 'x',
        content: pdf,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [rita, raj] = await Promise.all([person('Rita'), person('Raj')]);
    const [appId] = call.ids;
    await coord.b.submit(call.base, `${call.base}/applications/${appId}/assign`, { email: rita.email });
    await coord.b.submit(call.base, `${call.base}/pool`, { email: raj.email });

    const listed = mainText((await rita.b.page('/reviews')).html);
    expect(listed).toContain(`City 1 ${call.slug}`);
    expect(listed).toContain('declare conflicts first');
    const review = `/reviews/${appId}`;
    expect(mainText((await rita.b.page(review)).html)).toContain('Plan number 1');
    const filePath = `/calls/${call.slug}/applications/${appId}/files/budget`;
    const served = await rita.b.request(filePath);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).toString()).toBe('%PDF-1.4 tiny');
    expect(mainText((await rita.b.page(review)).html)).toContain('budget.pdf');
    const api = await rita.b.request(`/api/v1/reviews/${appId}`);
    expect(api.status).toBe(200);
    expect((await api.json()).application.answers).toEqual([{ key: 'plan', label: 'Your plan', text: 'Plan number 1' }]);
    const scoredEarly = await rita.b.submit(review, review, { ...score(3, 3), intent: 'draft' });
    expect(scoredEarly.status).toBe(409);

    const declared = await rita.b.submit(review, `${review}/conflict`, { conflict: 'yes', note: 'My employer applied.' });
    expect(declared.status).toBe(303);
    expect(mainText((await rita.b.page('/reviews')).html)).not.toContain(`City 1 ${call.slug}`);
    expect((await rita.b.page(review)).res.status).toBe(403);
    expect((await rita.b.request(filePath)).status).toBe(403);
    const refused = await rita.b.request(`/api/v1/reviews/${appId}`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.text()).not.toContain('Plan number 1');
    const token = await rita.b.tokenFrom('/account');
    expect((await rita.b.submit(review, review, { ...score(5, 5), intent: 'submit' }, { token })).status).toBe(403);
    expect((await rita.b.submit(review, `${review}/conflict`, { conflict: 'no' }, { token })).status).toBe(403);
    expect((await applicant.b.page(review)).res.status).toBe(403);

    expect(await assignmentsOf(appId)).toEqual([
      { reviewer_id: rita.id, conflict: true },
      { reviewer_id: raj.id, conflict: null },
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'review_reassign')
      .where('target', '=', String(appId))
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ replacedReviewer: rita.id, newReviewers: [raj.id] });
    // Balanced assignment never brings the conflicted reviewer back, and the coordinator cannot either.
    await coord.b.submit(call.base, `${call.base}/assign-balanced`, {});
    expect((await assignmentsOf(appId)).filter((a) => Number(a.reviewer_id) === rita.id)).toHaveLength(1);
    expect((await coord.b.submit(call.base, `${call.base}/applications/${appId}/assign`, { email: rita.email })).status).toBe(409);
  });

  it('scores stay hidden from a reviewer until they submit their own; the coordinator sees the weighted mean and the disagreement', async () => {
    const coord = await person('Cora', 'coordinator');
    const applicant = await person('Ana');
    const call = await callWith([applicant.id]);
    const [rita, raj] = await Promise.all([person('Rita'), person('Raj')]);
    const [appId] = call.ids;
    const review = `/reviews/${appId}`;
    for (const r of [rita, raj]) {
      await coord.b.submit(call.base, `${call.base}/applications/${appId}/assign`, { email: r.email });
      await r.b.submit(review, `${review}/conflict`, { conflict: 'no' });
    }
    expect((await rita.b.submit(review, review, { ...score(5, 4, 'Rita thinks the reach is wide'), intent: 'submit' })).status).toBe(303);

    const before = mainText((await raj.b.page(review)).html);
    expect(before).toContain('once you have submitted yours');
    expect(before).not.toContain('Rita thinks');
    const incomplete = await raj.b.submit(review, review, { score_reach: '2', comment_reach: 'Small <b>reach</b>', intent: 'submit' });
    expect(incomplete.status).toBe(400);
    const incompleteHtml = await incomplete.text();
    expect(mainText(incompleteHtml)).toContain('Score this criterion before you submit');
    expect(incompleteHtml).toContain('Small &lt;b&gt;reach&lt;/b&gt;');
    expect((await raj.b.submit(review, review, { ...score(2, 4, 'Raj is unsure'), intent: 'draft' })).status).toBe(303);
    expect(mainText((await rita.b.page(review)).html)).not.toContain('Raj is unsure');
    expect((await raj.b.submit(review, review, { ...score(2, 4, 'Raj is unsure'), intent: 'submit' })).status).toBe(303);
    expect(mainText((await raj.b.page(review)).html)).toContain('Rita thinks the reach is wide');
    expect((await raj.b.submit(review, review, { ...score(5, 5), intent: 'submit' })).status).toBe(409);

    // reach: (5 + 2) / 2 = 3.5, venue 4; weighted (2 × 3.5 + 4) / 3 = 3.67; reach 3 points apart.
    const overview = mainText((await coord.b.page(call.base)).html);
    expect(overview).toContain('3.67');
    expect(overview).toContain('1 criterion more than 2 points apart: Community reach');
    expect(overview).toContain('2 of 2 submitted');
    const csv = await (await coord.b.request(`${call.base}/export.csv`)).text();
    expect(csv).toContain('weighted_mean');
    expect(csv).toContain('3.67');
  });

  it('decisions are released once to every applicant, who reads their own feedback and nobody else’s', async () => {
    const coord = await person('Cora', 'coordinator');
    const [ana, ben] = await Promise.all([person('Ana'), person('Ben')]);
    const coEditor = await person('Carl');
    const call = await callWith([ana.id, ben.id], 1);
    const [anaApp, benApp] = call.ids;
    await db.insertInto('application_editors').values({ application_id: anaApp, user_id: coEditor.id }).execute();
    await db.updateTable('applications').set({ name: '=HYPERLINK("http://evil")' }).where('id', '=', benApp).execute();
    const rita = await person('Rita');
    const xss = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    for (const [id, s] of [
      [anaApp, score(5, 5, `Great ${xss}`)],
      [benApp, score(2, 1, 'Ben secret comment')],
    ] as const) {
      await coord.b.submit(call.base, `${call.base}/applications/${id}/assign`, { email: rita.email });
      await rita.b.submit(`/reviews/${id}`, `/reviews/${id}/conflict`, { conflict: 'no' });
      expect((await rita.b.submit(`/reviews/${id}`, `/reviews/${id}`, { ...s, intent: 'submit' })).status).toBe(303);
    }
    const anaPage = `${call.base}/applications/${anaApp}`;
    expect((await coord.b.submit(anaPage, `${anaPage}/decision`, { decision: 'selected', message: `Welcome ${xss}` })).status).toBe(303);
    expect((await coord.b.submit(call.base, `${call.base}/release`, {})).status).toBe(409);
    const feedback = (id: number) => `/calls/${call.slug}/applications/${id}/feedback`;
    expect((await ana.b.page(feedback(anaApp))).res.status).toBe(404);
    const benPage = `${call.base}/applications/${benApp}`;
    const bad = await coord.b.submit(benPage, `${benPage}/decision`, { decision: 'maybe', message: 'Keep me' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Keep me');
    await coord.b.submit(benPage, `${benPage}/decision`, { decision: 'not_selected', message: 'Not this year.' });

    expect((await coord.b.submit(call.base, `${call.base}/release`, {})).status).toBe(303);
    expect((await coord.b.submit(call.base, `${call.base}/release`, {})).status).toBe(409);
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'decisions_release').where('target', '=', call.slug).execute()).toHaveLength(1);
    await runQueuedJobs(deps);
    for (const p of [ana, ben, coEditor]) expect(smtp.mails.some((m) => m.to.includes(p.email))).toBe(true);

    const anaHtml = (await ana.b.page(feedback(anaApp))).html;
    const anaText = mainText(anaHtml);
    expect(anaText).toContain('Selected');
    expect(anaText).toContain('Reviewer 1');
    expect(anaText).toContain('Score needed to be selected: 5.00');
    expect(anaText).not.toContain('Ben secret comment');
    expect(anaText).not.toContain(rita.email);
    expect(anaHtml).not.toContain('Rita');
    expect(anaHtml).not.toContain('<script>alert');
    expect(anaHtml).not.toContain('<img src=x');
    expect(anaHtml).toContain('&lt;script&gt;');
    expect((await coEditor.b.page(feedback(anaApp))).res.status).toBe(200);
    expect((await ben.b.page(feedback(anaApp))).res.status).toBe(403);
    expect((await rita.b.page(feedback(anaApp))).res.status).toBe(403);
    const benText = mainText((await ben.b.page(feedback(benApp))).html);
    expect(benText).toContain('Not selected');
    expect(benText).toContain('Not this year.');
    expect(benText).not.toContain('Great');

    const csv = await (await coord.b.request(`${call.base}/export.csv`)).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const zipRes = await coord.b.request(`${call.base}/export.zip`);
    expect(zipRes.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await zipRes.arrayBuffer()));
    expect(JSON.parse(strFromU8(files[`application-${anaApp}/answers.json`])).answers).toEqual({ plan: 'Plan number 1' });
    expect((await ana.b.request(`${call.base}/export.csv`)).status).toBe(403);
  });
});

describe.each(testEngines())('the demo call’s reviews on %s', (engine) => {
  it('example reviewers without a password score every application; decisions are released; a second seed adds nothing', async () => {
    const { db, drop } = await createTestDatabase(engine);
    try {
      expect(await seedDemoReviews(db)).toBe(0);
      const call = await db
        .insertInto('calls')
        .values({
          slug: 'host-a-dialogue-cafe',
          title: 'Host a Dialogue Café in your city',
          opens_at: new Date('2025-01-01T00:00:00Z'),
          closes_at: new Date('2025-03-01T00:00:00Z'),
          time_zone: 'Europe/Lisbon',
          rubric: JSON.stringify(rubric),
          state: 'published',
          example: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const name of ['Accra', 'Lisbon', 'Medellín'])
        await db
          .insertInto('applications')
          .values({ call_id: call.id, name, state: 'submitted', submitted_at: new Date('2025-02-01T00:00:00Z') })
          .execute();
      expect(await seedDemoReviews(db)).toBe(6);
      expect(await seedDemoReviews(db)).toBe(0);
      const reviewers = await db.selectFrom('users').select(['name', 'password_hash']).where('name', 'like', 'Example reviewer %').orderBy('name').execute();
      expect(reviewers).toEqual([
        { name: 'Example reviewer 1', password_hash: '!' },
        { name: 'Example reviewer 2', password_hash: '!' },
      ]);
      const decisions = await db.selectFrom('applications').select('decision').where('call_id', '=', call.id).execute();
      expect(decisions.map((d) => d.decision).sort()).toEqual(['not_selected', 'selected', 'waiting_list']);
      expect(
        (await db.selectFrom('calls').select('decisions_released_at').where('id', '=', call.id).executeTakeFirstOrThrow()).decisions_released_at,
      ).not.toBeNull();
    } finally {
      await drop();
    }
  });
});
