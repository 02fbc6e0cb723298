import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../src/app.ts';
import { insertApplication } from '../src/calls/application.repo.ts';
import { insertCall } from '../src/calls/call.repo.ts';
import type { Database } from '../src/db/database.ts';
import { seedDemoCalls } from '../src/demo/demo-calls.ts';
import { runQueuedJobs } from '../src/jobs/job-worker.ts';
import { projectPath } from '../src/shared/project-root.ts';
import { xssPayloads } from './fixtures/xss-payloads.ts';
import { type AccountClient, signedInClient } from './support/account-client.ts';
import { type MailApp, startMailApp } from './support/mail-app.ts';
import { mainText } from './support/page-text.ts';
import { testEngines } from './support/test-db.ts';

const day = 86_400_000;

/** A small but real PDF. */
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe.each(testEngines())('calls for interest on %s', (engine) => {
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

  /** A published call open from a day ago until `closesAt`, with a short, a long, a choice and a file question. */
  async function openCall(closesAt = new Date(Date.now() + 10 * day), timeZone = 'Europe/Berlin', title = `Host a café ${unique()}`) {
    const slug = `call-${unique()}`;
    const id = await insertCall(
      db,
      slug,
      {
        title,
        description: 'Cities host a **café**.',
        eligible: ['cities', 'organizations'],
        themes: ['social-cohesion'],
        opens_at: new Date(Date.now() - day),
        closes_at: closesAt,
        time_zone: timeZone,
        questions: [
          { key: 'q1', kind: 'short_text', label: 'Venue', help: '', required: true },
          { key: 'q2', kind: 'long_text', label: 'Plan', help: '', required: true, wordLimit: 5 },
          { key: 'q3', kind: 'choice', label: 'Size', help: '', required: false, options: ['Small', 'Large'] },
          { key: 'q4', kind: 'file', label: 'Budget', help: '', required: false },
        ],
        rubric: [
          { key: 'reach', title: 'Community reach', description: 'How many', weight: 2, anchors: { '1': 'few', '2': '', '3': '', '4': '', '5': 'many' } },
        ],
        reviewers_per_application: 2,
        languages: ['en'],
      },
      null,
    );
    await db.updateTable('calls').set({ state: 'published' }).where('id', '=', id).execute();
    return { slug, id, title };
  }

  /** Starts an application as a city and returns its path. */
  async function start(b: AccountClient, slug: string, name = 'Lyon'): Promise<string> {
    const res = await b.submit(`/calls/${slug}/apply`, `/calls/${slug}/apply`, { kind: 'city', name, city: 'Lyon', country: 'FR' });
    expect(res.status).toBe(303);
    return (res.headers.get('location') ?? '').replace(/\/step\/1$/, '');
  }
  const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

  it('a coordinator opens a call; a refused form comes back with the values; publishing shows it at /calls', async () => {
    const { b } = await signedInClient(app, db, 'coordinator', 'Cora Coordinator');
    const title = `Host a Dialogue Café ${unique()}`;
    const fields = {
      title,
      description: 'Open a **café**.',
      eligible: ['cities'],
      opens_date: '2030-03-01',
      opens_time: '09:00',
      closes_date: '2030-03-31',
      closes_time: '02:30',
      time_zone: 'Europe/Berlin',
      reviewers: '2',
      languages: 'en, fr',
      q1_label: 'Where is the venue?',
      q1_kind: 'short_text',
      q2_label: 'Which partners?',
      q2_kind: 'choice',
      q2_options: 'Only one',
      r1_title: 'Community reach',
      r1_weight: '2',
      r1_a1: 'Hardly anyone',
      r1_a5: 'The whole district',
    };
    // 02:30 on 31 March 2030 does not exist in Berlin (clocks go forward), and a choice needs two options.
    const refused = await b.submit('/calls/new', '/calls/new', fields);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('The clocks skip this time in this zone');
    expect(html).toContain('Give at least two options, one per line.');
    expect(html).toContain(`value="${title}"`);
    expect(await db.selectFrom('calls').select('id').where('title', '=', title).execute()).toHaveLength(0);

    const saved = await b.submit('/calls/new', '/calls/new', { ...fields, closes_time: '17:00', q2_options: 'Only one\nSeveral' });
    expect(saved.status).toBe(303);
    const path = new URL(saved.headers.get('location') ?? '', 'http://x').pathname;
    const call = await db.selectFrom('calls').selectAll().where('title', '=', title).executeTakeFirstOrThrow();
    expect(call.state).toBe('draft');
    expect(call.closes_at.toISOString()).toBe('2030-03-31T15:00:00.000Z');
    expect(call.rubric).toEqual([
      {
        key: 'community_reach',
        title: 'Community reach',
        description: '',
        weight: 2,
        anchors: { '1': 'Hardly anyone', '2': '', '3': '', '4': '', '5': 'The whole district' },
      },
    ]);
    // A draft is not public.
    expect((await app.request(path)).status).toBe(404);
    expect(mainText(await (await app.request('/calls?tab=upcoming')).text())).not.toContain(title);

    const published = await b.submit(path, `${path}/publish`, {});
    expect(published.status).toBe(303);
    const page = mainText(await (await app.request(path)).text());
    expect(page).toContain(title);
    expect(page).toMatch(/Opens in \d+ years?/);
    expect(page).toContain('Score 5 The whole district');
    expect(mainText(await (await app.request('/calls?tab=upcoming')).text())).toContain(title);
    const audit = await db.selectFrom('audit_log').select('action').where('target', '=', path.slice('/calls/'.length)).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['call_create', 'call_publish']);
    const activity = await db.selectFrom('activities').select(['kind', 'path']).where('path', '=', path).execute();
    expect(activity).toEqual([{ kind: 'call_published', path }]);
    // Frozen: published once, its form no longer offered (the session's token, from the account page).
    expect((await b.submit('/account', `${path}/publish`, {})).status).toBe(409);
    expect((await b.request(`${path}/edit`)).status).toBe(303);
    // A member may not open a call.
    const { b: member } = await signedInClient(app, db, 'member', 'Mo Member');
    expect((await member.request('/calls/new')).status).toBe(403);
  });

  it('a member applies over the steps, resumes, submits, and gets the copy of the answers by mail', async () => {
    const call = await openCall();
    const { b, email } = await signedInClient(app, db, 'member', 'Ana Applicant');
    const base = await start(b, call.slug);
    const step1 = await b.page(`${base}/step/1`);
    expect(step1.html).toContain('Page 1 of 2');
    // Too many words is refused with the typed answers kept.
    const refused = await b.submit(`${base}/step/1`, `${base}/step/1`, {
      version: versionOf(step1.html),
      a_q1: 'Town hall',
      a_q2: 'one two three four five six',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('value="Town hall"');
    const saved = await b.submit(`${base}/step/1`, `${base}/step/1`, {
      version: versionOf(step1.html),
      a_q1: 'Town hall',
      a_q2: 'A café every month',
      a_q3: 'Large',
    });
    expect(saved.headers.get('location')).toContain(`${base}/step/2`);
    // Resumable from /my/applications.
    const mine = mainText((await b.page('/my/applications')).html);
    expect(mine).toContain(call.title);
    expect(mine).toContain('Draft, not submitted');
    // The read-back page shows the answers.
    const back = mainText((await b.page(base)).html);
    expect(back).toContain('Venue Town hall');
    expect(back).toContain('Size Large');
    // Submitted, with a confirmation holding the answers.
    const submitted = await b.submit(base, `${base}/submit`, { consent_public: 'on' });
    expect(submitted.status).toBe(303);
    expect(mainText((await b.page(base)).html)).toContain('Submitted');
    await runQueuedJobs(deps);
    const mail = smtp.mails.find((m) => m.to.includes(email));
    expect(mail?.subject).toBe(`Application submitted: ${call.title}`);
    expect(mail?.text).toContain('A café every month');
    expect(mail?.text).toContain('Town hall');
  });

  it('refuses a stale save with both versions shown, and lets a co-editor of the organisation edit', async () => {
    const call = await openCall();
    const { b, id: ownerId } = await signedInClient(app, db, 'member', 'Olga Owner');
    const { b: co, email: coEmail, id: coId } = await signedInClient(app, db, 'member', 'Carl Coeditor');
    const { email: outsiderEmail } = await signedInClient(app, db, 'member', 'Otto Outsider');
    const org = await db
      .insertInto('organizations')
      .values({
        slug: `welcome-${unique()}`,
        name: `Welcome ${unique()}`,
        acronym: null,
        type: 'civil-society',
        city: null,
        country: 'FR',
        region: '150',
        url: null,
        description: null,
        founded: null,
      })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow();
    await db
      .insertInto('organization_members')
      .values([
        { organization_id: org.id, user_id: ownerId, state: 'approved' },
        { organization_id: org.id, user_id: coId, state: 'approved' },
      ])
      .execute();
    const res = await b.submit(`/calls/${call.slug}/apply`, `/calls/${call.slug}/apply`, {
      kind: 'organization',
      name: 'Welcome',
      country: 'FR',
      organization: org.slug,
    });
    const base = (res.headers.get('location') ?? '').replace(/\/step\/1$/, '');
    // Someone outside the organisation cannot be added; a member can.
    const refused = await b.submit(base, `${base}/editors`, { email: outsiderEmail });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('not that of an approved member');
    expect((await b.submit(base, `${base}/editors`, { email: coEmail.toUpperCase() })).status).toBe(303);
    expect(mainText((await b.page(base)).html)).toContain('Carl Coeditor');
    // Both open page 1 at the same version; the co-editor saves first.
    const version = versionOf((await b.page(`${base}/step/1`)).html);
    expect((await co.submit(`${base}/step/1`, `${base}/step/1`, { version, a_q1: 'Library' })).status).toBe(303);
    const stale = await b.submit(`${base}/step/1`, `${base}/step/1`, { version, a_q1: 'Town hall' });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(mainText(staleHtml)).toContain('Someone saved this page meanwhile');
    expect(mainText(staleHtml)).toContain('Venue Library');
    expect(staleHtml).toContain('value="Town hall"');
    // Saving again from that page (its new version) wins.
    expect((await b.submit(`${base}/step/1`, `${base}/step/1`, { version: versionOf(staleHtml), a_q1: 'Town hall' })).status).toBe(303);
    expect(mainText((await co.page(base)).html)).toContain('Venue Town hall');
  });

  it('refuses a submission one second late, with the deadline in the call’s zone, and across a change to summer time', async () => {
    const call = await openCall(new Date(Date.now() + 60 * 60_000));
    const { b, id: userId } = await signedInClient(app, db, 'member', 'Lena Late');
    const base = await start(b, call.slug);
    await db
      .updateTable('applications')
      .set({ answers: JSON.stringify({ q1: 'Hall', q2: 'Plan' }) })
      .where('applicant_id', '=', userId)
      .execute();
    // The deadline passes: a second ago.
    await db
      .updateTable('calls')
      .set({ closes_at: new Date(Date.now() - 1000) })
      .where('id', '=', call.id)
      .execute();
    // The page no longer offers the button; a form kept open in another tab still posts.
    const late = await b.submit('/account', `${base}/submit`, {});
    expect(late.status).toBe(409);
    const text = mainText(await late.text());
    expect(text).toMatch(/The call closed on .* GMT\+\d: the application was not submitted\./);
    expect((await db.selectFrom('applications').select('state').where('applicant_id', '=', userId).executeTakeFirstOrThrow()).state).toBe('draft');

    // Across a DST change: 31 March 2030 09:00 in Berlin (summer time since 02:00) is 07:00 UTC.
    const { createCall } = await import('../src/calls/save-call.command.ts');
    const { readCallForm } = await import('../src/calls/call-form.schema.ts');
    const read = readCallForm({
      title: 'DST call',
      description: '',
      eligible: ['cities'],
      opens_date: '2030-03-30',
      opens_time: '09:00',
      closes_date: '2030-03-31',
      closes_time: '09:00',
      time_zone: 'Europe/Berlin',
      reviewers: '1',
      languages: 'en',
    });
    if (!('input' in read)) throw new Error('refused');
    expect(read.input.opensAt.toISOString()).toBe('2030-03-30T08:00:00.000Z');
    expect(read.input.closesAt.toISOString()).toBe('2030-03-31T07:00:00.000Z');
    const slug = await createCall(db, read.input, { userId, role: 'admin', ip: null });
    const dst = await db.selectFrom('calls').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const { submitApplication } = await import('../src/calls/application.command.ts');
    const { findCall } = await import('../src/calls/call.repo.ts');
    const row = await findCall(db, slug);
    if (!row) throw new Error('no call');
    const appId = await insertApplication(db, Number(dst.id), userId, { applicantKind: 'city', name: 'X', city: null, country: null, organizationId: null });
    const who = { userId, role: 'member' as const, email: 'x@example.org', name: 'X', locale: 'en', ip: null };
    // 06:59:59 UTC is 08:59:59 in Berlin: in time; 07:00:00 UTC is late.
    expect(await submitApplication(db, row, appId, false, who, 'http://x', new Date('2030-03-31T07:00:00.000Z'))).toEqual({ reason: 'late' });
    expect(await submitApplication(db, row, appId, false, who, 'http://x', new Date('2030-03-31T06:59:59.000Z'))).toBeUndefined();
  });

  it('withdraws an application before the deadline', async () => {
    const call = await openCall();
    const { b } = await signedInClient(app, db, 'member', 'Wanda Withdraw');
    const base = await start(b, call.slug);
    expect((await b.submit(base, `${base}/withdraw`, {})).status).toBe(303);
    expect(mainText((await b.page(base)).html)).toContain('Withdrawn');
  });

  it('takes a PDF checked by its content, refuses anything else, and serves it only to those allowed, as a download', async () => {
    const call = await openCall();
    const { b } = await signedInClient(app, db, 'member', 'Pia Pdf');
    const base = await start(b, call.slug);
    const upload = async (client: AccountClient, bytes: Buffer, name: string) => {
      const token = await client.tokenFrom(`${base}/step/2`);
      const form = new FormData();
      form.append('_csrf', token);
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
      return client.request(`${base}/files/q4`, { method: 'POST', body: form, headers: { origin: client.origin } });
    };
    const html = await upload(b, Buffer.from('<html><script>alert(1)</script></html>'), 'budget.pdf');
    expect(html.status).toBe(400);
    expect(await html.text()).toContain('This file is not a PDF.');
    expect((await upload(b, pdf, 'budget.pdf')).status).toBe(303);
    const file = await b.request(`${base}/files/q4`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    // Another member: 403; anonymous: sign in; a coordinator: the file; a question without a file: 404.
    const { b: other } = await signedInClient(app, db, 'member', 'Nosy Neighbour');
    expect((await other.request(`${base}/files/q4`)).status).toBe(403);
    expect((await other.request(base)).status).toBe(403);
    expect((await b.request(`${base}/files/q1`)).status).toBe(404);
    expect((await app.request(`${base}/files/q4`)).status).toBe(303);
    const { b: coordinator } = await signedInClient(app, db, 'coordinator', 'Cody Coordinator');
    expect((await coordinator.request(`${base}/files/q4`)).status).toBe(200);
  });

  it('shows hostile titles, descriptions, question labels and answers as text, never as markup', async () => {
    const payload = xssPayloads.slice(0, 12).join(' ');
    const call = await openCall(new Date(Date.now() + 10 * day), 'UTC', `Café ${payload}`.slice(0, 290));
    await db
      .updateTable('calls')
      .set({
        description: payload,
        questions: JSON.stringify([{ key: 'q1', kind: 'short_text', label: payload.slice(0, 400), help: payload.slice(0, 400), required: false }]),
      })
      .where('id', '=', call.id)
      .execute();
    const { b } = await signedInClient(app, db, 'member', 'Xena Xss');
    const base = await start(b, call.slug, payload.slice(0, 290));
    const step = await b.page(`${base}/step/1`);
    await b.submit(`${base}/step/1`, `${base}/step/1`, { version: versionOf(step.html), a_q1: payload.slice(0, 490) });
    for (const html of [
      await (await app.request(`/calls/${call.slug}`)).text(),
      (await b.page(`${base}/step/1`)).html,
      (await b.page(base)).html,
      (await b.page('/my/applications')).html,
    ]) {
      const body = html.slice(html.indexOf('<main'));
      expect(body).not.toMatch(/<script(?![^>]*src="\/assets\/)/i);
      expect(body).not.toMatch(/<(img|svg|iframe|object|embed)\b[^>]*\bon\w+=/i);
      expect(body).not.toMatch(/href="javascript:/i);
    }
  });

  it('lists the selected applicants who consented and the figures once decisions are released', async () => {
    const call = await openCall();
    const { id: userId } = await signedInClient(app, db, 'member', 'Sel Ected');
    const who = (name: string, country: string) => ({ applicantKind: 'city' as const, name, city: name, country, organizationId: null });
    for (const [name, country, decision, consent] of [
      ['Turin', 'IT', 'selected', true],
      ['Accra', 'GH', 'selected', false],
      ['Porto', 'PT', 'not_selected', true],
    ] as const) {
      const id = await insertApplication(db, call.id, userId, who(name, country));
      await db.updateTable('applications').set({ state: 'submitted', decision, consent_public: consent }).where('id', '=', id).execute();
    }
    expect(mainText(await (await app.request(`/calls/${call.slug}`)).text())).not.toContain('Outcome');
    await db.updateTable('calls').set({ decisions_released_at: new Date() }).where('id', '=', call.id).execute();
    const text = mainText(await (await app.request(`/calls/${call.slug}`)).text());
    expect(text).toContain('3 applications from 3 countries; 2 selected.');
    expect(text).toContain('Turin');
    expect(text).not.toContain('Accra (');
    expect(text).not.toContain('Porto (');
  });

  it('seeds the demo call, closed and marked as an example, with its rubric, applications and released decisions, once', async () => {
    expect(await seedDemoCalls(db, projectPath('demo'))).toBe(1);
    expect(await seedDemoCalls(db, projectPath('demo'))).toBe(0);
    const closed = mainText(await (await app.request('/calls?tab=closed')).text());
    expect(closed).toContain('Host a Dialogue Café in your city example');
    const page = mainText(await (await app.request('/calls/host-a-dialogue-cafe')).text());
    expect(page).toContain('An example call of the demo');
    expect(page).toMatch(/Closed (last year|\d+ (months?|years?) ago)/);
    expect(page).toMatch(/Outcome 5 applications from 5 countries; \d selected\./);
    expect(page).toContain('Diversity of the participants');
    expect(page).not.toContain('Apply');
  });
});
