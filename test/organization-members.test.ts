import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import { runQueuedJobs } from '../src/jobs/job-worker.ts';
import { AccountClient, signedInClient } from './support/account-client.ts';
import { type MailApp, startMailApp } from './support/mail-app.ts';
import { mainText } from './support/page-text.ts';
import { testEngines } from './support/test-db.ts';

describe.each(testEngines())('members of organisations on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let smtp: MailApp['smtp'];
  let deps: MailApp['deps'];
  let n = 0;
  const unique = () => `${Date.now().toString(36)}${++n}`;

  /** A fresh organisation of the directory, with no member yet. */
  async function organization(): Promise<{ slug: string; path: string; name: string }> {
    const tag = unique();
    const slug = `welcome-office-${tag}`;
    const name = `Welcome Office ${tag}`;
    await db
      .insertInto('organizations')
      .values({ slug, name, acronym: null, type: 'civil-society', city: 'Lyon', country: 'FR', region: '150', url: null, description: null, founded: null })
      .execute();
    return { slug, name, path: `/organizations/${slug}` };
  }

  async function member(name: string, locale = 'en', publicProfile = false) {
    const p = await signedInClient(app, db, 'member', `${name} ${unique()}`);
    const name2 = (await db.selectFrom('users').select('name').where('id', '=', p.id).executeTakeFirstOrThrow()).name;
    if (locale !== 'en' || publicProfile)
      await p.b.submit('/account', '/account', {
        name: name2,
        organization: '',
        job_title: 'Coordinator',
        city: '',
        country: '',
        languages: '',
        bio: '',
        locale,
        ...(publicProfile ? { profile_public: 'on' } : {}),
      });
    return { ...p, name: name2 };
  }

  const mailsTo = async (email: string) => {
    await runQueuedJobs(deps);
    return smtp.mails.filter((m) => m.to.includes(email));
  };
  const audits = (action: string, target: string) => db.selectFrom('audit_log').selectAll().where('action', '=', action).where('target', '=', target).execute();

  beforeAll(async () => {
    ({ db, app, smtp, deps, close: drop } = await startMailApp(engine));
  });
  afterAll(() => drop());

  it('a person asks to join; with no admin yet an editor hears of it and appoints them admin; they are told by mail', async () => {
    const org = await organization();
    const editor = await signedInClient(app, db, 'editor', `Edna Editor ${unique()}`);
    const ana = await member('Ana Applicant', 'es');
    const visitor = new AccountClient(app, { 'x-forwarded-for': '203.0.113.90' });
    expect(mainText((await visitor.page(org.path)).html)).toContain('Sign in to ask to join this organisation');

    const form = await ana.b.page(org.path);
    expect(mainText(form.html)).toContain('Do you work for this organisation?');
    const asked = await ana.b.submit(org.path, `${org.path}/join`, { note: 'I coordinate the language cafés.' });
    expect(asked.status).toBe(303);
    const after = mainText((await ana.b.page(asked.headers.get('location') as string)).html);
    expect(after).toContain('Your request has been sent to the organisation’s admins.');
    expect(after).toContain('You asked to join this organisation; its admins will decide.');
    expect((await ana.b.submit(org.path, `${org.path}/join`, { note: 'Again.' })).status).toBe(409);
    expect(await audits('organization_join_request', org.slug)).toHaveLength(1);

    const toEditor = (await mailsTo(editor.email)).find((m) => m.subject === `Request to join ${org.name}`);
    expect(toEditor?.text).toContain(`${ana.name} asks to join ${org.name} on the Clearinghouse.`);
    expect(toEditor?.text).toContain('I coordinate the language cafés.');
    expect(toEditor?.text).toContain(`http://localhost:3000${org.path}`);

    const manage = mainText((await editor.b.page(org.path)).html);
    expect(manage).toContain('This organisation has no admin yet.');
    expect(manage).toMatch(new RegExp(`1 request to join ${ana.name} · asked on .* I coordinate the language cafés\\.`));
    // Not shown to the applicant, nor to visitors.
    expect(mainText((await ana.b.page(org.path)).html)).not.toContain('Members and requests');
    expect(mainText((await visitor.page(org.path)).html)).not.toContain('language cafés');

    const approved = await editor.b.submit(org.path, `${org.path}/members/${ana.id}/approve`, { role: 'admin' });
    expect(approved.status).toBe(303);
    expect(mainText((await editor.b.page(approved.headers.get('location') as string)).html)).toContain('The request is approved');
    const toAna = (await mailsTo(ana.email)).at(-1);
    expect(toAna?.subject).toBe(`Ahora figura con ${org.name}`);
    expect(toAna?.text).toContain(`ahora es administrador de ${org.name}`);
    expect(await audits('organization_member_approve', org.slug)).toMatchObject([{ actor_user_id: editor.id, details: { user: ana.id, role: 'admin' } }]);
    const own = mainText((await ana.b.page(org.path)).html);
    expect(own).toContain('You are an admin of this organisation.');
    expect(own).toContain('Members and requests');
    expect(mainText((await ana.b.page('/account')).html)).toMatch(new RegExp(`Your organisations ${org.name} · admin`));
  });

  it("the organisation's admin decides on later requests; members with a public profile are listed, the others counted", async () => {
    const org = await organization();
    const admin = await member('Ada Admin');
    const editor = await signedInClient(app, db, 'editor', `Eve Editor ${unique()}`);
    await admin.b.submit(org.path, `${org.path}/join`, {});
    await editor.b.submit(org.path, `${org.path}/members/${admin.id}/approve`, { role: 'admin' });
    const editorMails = (await mailsTo(editor.email)).length;

    const pia = await member('Pia Public', 'en', true);
    const quiet = await member('Quinn Quiet');
    const nope = await member('Ned Declined');
    for (const p of [pia, quiet, nope]) expect((await p.b.submit(org.path, `${org.path}/join`, { note: '' })).status).toBe(303);
    // Now the admin hears of requests, the editors no longer do.
    expect((await mailsTo(admin.email)).filter((m) => m.subject === `Request to join ${org.name}`)).toHaveLength(3);
    expect(await mailsTo(editor.email)).toHaveLength(editorMails);
    // A plain member may not decide.
    expect((await quiet.b.submit('/account', `${org.path}/members/${pia.id}/approve`, { role: 'member' })).status).toBe(403);

    for (const p of [pia, quiet]) expect((await admin.b.submit(org.path, `${org.path}/members/${p.id}/approve`, { role: 'member' })).status).toBe(303);
    expect((await admin.b.submit(org.path, `${org.path}/members/${nope.id}/decline`, {})).status).toBe(303);
    expect((await mailsTo(nope.email)).at(-1)?.text).toContain(`Your request to join ${org.name} on the Clearinghouse was declined.`);
    expect(await db.selectFrom('organization_members').select('user_id').where('user_id', '=', nope.id).execute()).toEqual([]);
    expect(await audits('organization_member_decline', org.slug)).toMatchObject([{ actor_user_id: admin.id, details: { user: nope.id } }]);

    const visitorView = mainText(await (await app.request(org.path)).text());
    expect(visitorView).toContain('3 members on the site.');
    expect(visitorView).toContain(pia.name);
    expect(visitorView).not.toContain(quiet.name);
    expect(visitorView).not.toContain(admin.name);
    const piaSlug = (await db.selectFrom('users').select('profile_slug').where('id', '=', pia.id).executeTakeFirstOrThrow()).profile_slug;
    expect(await (await app.request(org.path)).text()).toContain(`href="/people/${piaSlug}"`);
    expect(mainText(await (await app.request(`/people/${piaSlug}`)).text())).toContain(`Organisation in the directory ${org.name}`);
    expect((await (await app.request(`/api/v1/people/${piaSlug}`)).json()).organizations).toEqual([
      { slug: org.slug, name: org.name, role: 'member', url: `http://localhost:3000${org.path}` },
    ]);
  });

  it('an admin makes a member admin and back, removes one; a member leaves; a requester withdraws; all audited', async () => {
    const org = await organization();
    const editor = await signedInClient(app, db, 'editor', `Ed Editor ${unique()}`);
    const admin = await member('Ari Admin');
    const [bo, cy, di] = [await member('Bo'), await member('Cy'), await member('Di')];
    for (const p of [admin, bo, cy, di]) await p.b.submit(org.path, `${org.path}/join`, {});
    await editor.b.submit(org.path, `${org.path}/members/${admin.id}/approve`, { role: 'admin' });
    for (const p of [bo, cy]) await admin.b.submit(org.path, `${org.path}/members/${p.id}/approve`, { role: 'member' });

    expect((await admin.b.submit(org.path, `${org.path}/members/${bo.id}/role`, { role: 'admin' })).status).toBe(303);
    expect(mainText((await bo.b.page(org.path)).html)).toContain('You are an admin of this organisation.');
    expect((await admin.b.submit(org.path, `${org.path}/members/${bo.id}/role`, { role: 'member' })).status).toBe(303);
    expect(mainText((await bo.b.page(org.path)).html)).toContain('You are a member of this organisation.');
    expect((await admin.b.submit(org.path, `${org.path}/members/${bo.id}/role`, { role: 'owner' })).status).toBe(400);
    // Someone who is not a member cannot be given a role or removed.
    expect((await admin.b.submit(org.path, `${org.path}/members/${di.id}/role`, { role: 'admin' })).status).toBe(404);

    expect((await admin.b.submit(org.path, `${org.path}/members/${bo.id}/remove`, {})).status).toBe(303);
    expect(mainText((await bo.b.page(org.path)).html)).toContain('Do you work for this organisation?');
    // Cy leaves; Di withdraws the request.
    expect((await cy.b.submit(org.path, `${org.path}/leave`, {})).status).toBe(303);
    expect((await di.b.submit(org.path, `${org.path}/leave`, {})).status).toBe(303);
    expect((await di.b.submit(org.path, `${org.path}/leave`, {})).status).toBe(403);
    expect(mainText((await cy.b.page('/account')).html)).toContain('You do not belong to any organisation of the directory yet.');
    const left = await db
      .selectFrom('organization_members')
      .select('user_id')
      .where('organization_id', '=', (await db.selectFrom('organizations').select('id').where('slug', '=', org.slug).executeTakeFirstOrThrow()).id)
      .execute();
    expect(left.map((r) => r.user_id)).toEqual([admin.id]);
    expect((await audits('organization_member_role', org.slug)).map((a) => a.details)).toEqual([
      { user: bo.id, role: 'admin' },
      { user: bo.id, role: 'member' },
    ]);
    expect(await audits('organization_member_remove', org.slug)).toHaveLength(1);
    expect((await audits('organization_leave', org.slug)).map((a) => a.details)).toEqual([{ state: 'approved' }, { state: 'requested' }]);
  });

  it('shows a refused note again with its text and a message next to it, writing nothing', async () => {
    const org = await organization();
    const p = await member('Long Note');
    const res = await p.b.submit(org.path, `${org.path}/join`, { note: `Too long ${'y'.repeat(1000)}` });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(mainText(html)).toContain('The note can be at most 1,000 characters long.');
    expect(html).toContain('Too long yyy');
    expect(await db.selectFrom('organization_members').select('user_id').where('user_id', '=', p.id).execute()).toEqual([]);
    expect((await p.b.submit(org.path, '/organizations/no-such-org/join', {})).status).toBe(404);
  });
});
