import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import { setUserState } from '../src/admin/user-admin.service.ts';
import type { Database } from '../src/db/database.ts';
import { insertEvents } from '../src/events/event.repo.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { createSubmission, setSubmissionState } from '../src/submissions/submission.repo.ts';
import { AccountClient, signedInClient, testPassword } from './support/account-client.ts';
import { groupFixtures } from './support/group-fixtures.ts';
import { mainText } from './support/page-text.ts';
import { practiceDraft, practiceRecord } from './support/practice-record.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

describe.each(testEngines())('a person’s data: download and delete, on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  let n = 0;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(engine));
    app = createTestApp(db, { TRUST_PROXY: 'true' });
  });
  afterAll(() => drop());

  /** A member with a follow, a draft, a submission in review and a revision to a practice. */
  async function memberWithData() {
    const name = `Dana Deleter ${++n}`;
    const { b, id, email } = await signedInClient(app, db, 'member', name);
    await b.submit('/account', '/follows', { kind: 'city', target: 'fr/lyon', frequency: 'weekly', label: 'Lyon', back: '/account/follows' });
    const draft = await createSubmission(db, { kind: 'practice', submitterId: id, data: practiceDraft(`Unsent draft ${n}`), step: 1 });
    const sent = await createSubmission(db, { kind: 'practice', submitterId: id, data: practiceDraft(`Sent to review ${n}`), step: 5 });
    await setSubmissionState(db, sent.id, 'draft', { state: 'submitted' });
    await upsertPractice(db, practiceRecord({ id: `edited-by-dana-${n}` }), { author: name, authorId: id, kind: 'edit', message: 'a fix' });
    // A group where she posted, an event where she holds the only place and someone waits for it.
    const moderator = await createUserWithRole(db, {
      email: `moderator-${n}-${Date.now()}@example.org`,
      role: 'member',
      name: 'Mo Moderator',
      password: testPassword,
    });
    const group = await groupFixtures(db, moderator, id, n);
    const eventId = `privacy-webinar-${n}`;
    const starts = new Date(Date.now() + 20 * 86_400_000);
    await insertEvents(db, [
      {
        id: eventId,
        title: `Webinar ${n}`,
        type: 'webinar',
        starts_at: starts,
        ends_at: new Date(starts.getTime() + 3_600_000),
        time_zone: 'UTC',
        capacity: 1,
        online_url: 'https://example.org/live',
      },
    ]);
    await db.insertInto('event_registrations').values({ event_id: eventId, user_id: id, status: 'registered' }).execute();
    await db.insertInto('event_registrations').values({ event_id: eventId, user_id: moderator, status: 'waiting' }).execute();
    return { b, id, email, name, draftId: draft.id, sentId: sent.id, practiceId: `edited-by-dana-${n}`, group, eventId, waiting: moderator };
  }

  it('downloads everything kept about the person as JSON, and nothing about anyone else', async () => {
    const dana = await memberWithData();
    const other = await memberWithData();
    const res = await dana.b.request('/account/data.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const data = await res.json();
    expect(data.account).toMatchObject({ id: dana.id, email: dana.email, name: dana.name });
    expect(data.follows).toEqual([expect.objectContaining({ kind: 'city', target: 'fr/lyon', frequency: 'weekly' })]);
    expect(data.submissions.map((s: { title: string }) => s.title)).toEqual([`Unsent draft ${n - 1}`, `Sent to review ${n - 1}`]);
    expect(data.revisions).toEqual([expect.objectContaining({ practice_id: dana.practiceId, kind: 'edit' })]);
    expect(data.groups.map((g: { slug: string }) => g.slug)).toContain(dana.group.groupSlug);
    expect(data.posts.map((p: { body: string }) => p.body)).toContain('A reply to report.');
    expect(data.event_registrations).toEqual([expect.objectContaining({ event: dana.eventId, status: 'registered' })]);
    expect(data.audit_log.map((e: { action: string }) => e.action)).toContain('login');
    const text = JSON.stringify(data);
    expect(text).not.toContain('password_hash');
    expect(text).not.toContain(other.email);
    expect((await app.request('/account/data.json')).status).toBe(303);
  });

  it('deletes the account only with its password and a ticked box, then forgets the person and keeps their contributions anonymous', async () => {
    const dana = await memberWithData();
    const wrong = await dana.b.submit('/account/privacy', '/account/delete', { confirm: 'yes', password: 'not the password at all' });
    expect(wrong.status).toBe(400);
    expect(mainText(await wrong.text())).toContain('This is not your password.');
    const unticked = await dana.b.submit('/account/privacy', '/account/delete', { password: testPassword });
    expect(unticked.status).toBe(400);
    expect(mainText(await unticked.text())).toContain('Tick the box to confirm.');
    expect((await db.selectFrom('users').select('name').where('id', '=', dana.id).executeTakeFirstOrThrow()).name).toBe(dana.name);

    const done = await dana.b.submit('/account/privacy', '/account/delete', { confirm: 'yes', password: testPassword });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/account/deleted');
    // Signed out, and the address no longer signs in.
    expect((await dana.b.request('/account')).status).toBe(303);
    const again = new AccountClient(app, { 'x-forwarded-for': '203.0.113.9' });
    const login = await again.submit('/login', '/login', { email: dana.email, password: testPassword });
    expect(login.headers.get('location') ?? '').not.toBe('/account');

    const row = await db.selectFrom('users').selectAll().where('id', '=', dana.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: 'Former member',
      email: `deleted-${dana.id}@deleted.invalid`,
      state: 'disabled',
      profile_public: false,
      organization: null,
    });
    expect(row.deleted_at).toBeInstanceOf(Date);
    expect(await db.selectFrom('follows').select('kind').where('user_id', '=', dana.id).execute()).toEqual([]);
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', dana.id).execute()).toEqual([]);
    const left = await db.selectFrom('submissions').select(['id', 'state']).where('submitter_id', '=', dana.id).execute();
    expect(left).toEqual([{ id: dana.sentId, state: 'submitted' }]);
    expect(await db.selectFrom('group_members').select('group_id').where('user_id', '=', dana.id).execute()).toEqual([]);
    // Her posts stay, under the former member's name; her place goes to the person waiting.
    const thread = await app.request(`/groups/${dana.group.groupSlug}/threads/${dana.group.threadId}`);
    const threadText = mainText(await thread.text());
    expect(threadText).toContain('A reply to report.');
    expect(threadText).toContain('Former member');
    expect(threadText).not.toContain(dana.name);
    const places = await db.selectFrom('event_registrations').select(['user_id', 'status']).where('event_id', '=', dana.eventId).orderBy('user_id').execute();
    expect(places).toEqual(
      expect.arrayContaining([
        { user_id: dana.id, status: 'cancelled' },
        { user_id: dana.waiting, status: 'registered' },
      ]),
    );
    const revision = await db.selectFrom('practice_revisions').select('author').where('practice_id', '=', dana.practiceId).executeTakeFirstOrThrow();
    expect(revision.author).toBe('Former member');
    // The log no longer names the address (a sign-in tried with it afterwards is a new entry).
    expect(await db.selectFrom('audit_log').select('target').where('target', '=', dana.email).where('action', '<>', 'login_failed').execute()).toEqual([]);
    expect(
      await db.selectFrom('audit_log').select('action').where('action', '=', 'account_delete').where('actor_user_id', '=', dana.id).execute(),
    ).toHaveLength(1);

    // An admin cannot bring the emptied account back; the address can open a new one.
    expect(await setUserState(db, { userId: -1 }, dana.id, 'active')).toBe('admin.users.error.erased');
    const signup = await again.submit('/signup', '/signup', { name: 'Dana Again', email: dana.email, password: testPassword });
    expect(signup.status).toBe(303);
  });
});
