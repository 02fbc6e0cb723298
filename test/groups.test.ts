import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { seedDemoNetworkIfMissing } from '../src/demo/demo-seed.ts';
import { locales } from '../src/i18n/i18n.ts';
import { xssPayloads } from './fixtures/xss-payloads.ts';
import { type AccountClient, signedInClient } from './support/account-client.ts';
import { browserAvailable, launchBrowser } from './support/browser.ts';
import { mainText } from './support/page-text.ts';
import { createDemoDatabase, createTestApp, testEngines } from './support/test-db.ts';
import { openTrapPage } from './support/xss-trap.ts';

describe.each(testEngines())('thematic groups on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  const page = async (url: string) => (await app.request(url)).text();
  /** Posts a form as `who`, with the token of their session. */
  const send = (who: AccountClient, action: string, fields: Record<string, string | string[]> = {}) => who.submit('/account', action, fields);
  /** A new open group made by an editor, who is its moderator; returns its slug. */
  let groupCounter = 0;
  const newGroup = async (editor: AccountClient, membership: 'open' | 'moderated' = 'open') => {
    const name = `Test group ${++groupCounter} ${engine}`;
    const res = await send(editor, '/groups', { name, description: 'A group for the tests.', themes: ['housing'], membership });
    expect(res.status).toBe(303);
    return /\/groups\/([a-z0-9-]+)\?done=created$/.exec(res.headers.get('location') ?? '')?.[1] as string;
  };
  /** Starts a thread as `who` in a group; returns its path. */
  const newThread = async (who: AccountClient, slug: string, title: string, body: string) => {
    const res = await send(who, `/groups/${slug}/threads`, { title, body });
    expect(res.status, `thread "${title}"`).toBe(303);
    return res.headers.get('location') as string;
  };

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db, { TRUST_PROXY: 'true' });
  });
  afterAll(() => drop());

  it('lists the network’s groups with their member and discussion counts, in the reader’s language, filtered by theme', async () => {
    const text = mainText(await page('/groups'));
    expect(text).toContain('Thematic groups');
    expect(text).toContain('10 groups');
    for (const name of ['Housing', 'Language learning', 'Political participation', 'Employment', 'Education', 'Health', 'Anti-discrimination'])
      expect(text).toContain(name);
    expect(text).toMatch(/Housing Access to housing for newcomers.* Housing · open to all · no member yet · no discussion yet/);
    expect(text).toMatch(/Undocumented migrants .* moderated/);
    const housing = mainText(await page('/groups?theme=housing'));
    expect(housing).toContain('1 group');
    expect(housing).not.toContain('Learning the local language');
    expect((await app.request('/groups?theme=wizardry')).status).toBe(400);
    expect((await app.request('/groups?colour=blue')).status).toBe(400);
    expect(mainText(await page('/fr/groups'))).toContain('Logement L’accès au logement des nouveaux arrivants');
    expect(mainText(await page('/ar/groups/housing'))).toContain('حصول الوافدين الجدد على السكن');
    expect((await app.request('/groups/no-such-group')).status).toBe(404);
    // A site from before the groups gets them at start-up; one that has them is left alone.
    expect(await seedDemoNetworkIfMissing(db)).toBe(0);
  });

  it('an editor creates a group and moderates it; a member may not; a refused form comes back with what was typed', async () => {
    const editor = await signedInClient(app, db, 'editor', 'Edna Editor');
    const member = await signedInClient(app, db, 'member', 'Mo Member');
    expect((await editor.b.page('/groups')).html).toContain('href="/groups/new"');
    expect((await member.b.page('/groups')).html).not.toContain('href="/groups/new"');
    expect((await member.b.page('/groups/new')).res.status).toBe(403);
    expect((await send(member.b, '/groups', { name: 'Sneaky', membership: 'open' })).status).toBe(403);
    const before = await db.selectFrom('groups').select('slug').execute();
    const bad = await send(editor.b, '/groups', {
      name: '  ',
      description: 'Keep this text',
      themes: ['housing', 'wizardry'],
      membership: 'open',
      slug: 'Bad Slug',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(mainText(html)).toMatch(/Give the group a name\..*Use lower-case letters.*Choose themes from the list\./);
    expect(html).toContain('Keep this text');
    expect(html).toContain('value="Bad Slug"');
    expect(await db.selectFrom('groups').select('slug').execute()).toHaveLength(before.length);
    // The address is made from the name, and numbered when taken.
    const first = await send(editor.b, '/groups', { name: 'Café & Culture', membership: 'open', themes: 'culture-and-arts' });
    expect(first.headers.get('location')).toBe('/groups/cafe-culture?done=created');
    const second = await send(editor.b, '/groups', { name: 'Café Culture', membership: 'open' });
    expect(second.headers.get('location')).toBe('/groups/cafe-culture-2?done=created');
    const taken = await send(editor.b, '/groups', { name: 'Another', slug: 'cafe-culture', membership: 'open' });
    expect(taken.status).toBe(400);
    expect(mainText(await taken.text())).toContain('Another group already has this address.');
    const created = mainText((await editor.b.page('/groups/cafe-culture?done=created')).html);
    expect(created).toContain('The group is created. You are its moderator.');
    expect(created).toContain('You are a moderator of this group.');
    expect(created).toContain('Moderation (no open report)');
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'group_create').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ target: 'cafe-culture-2', actor_user_id: editor.id });
  });

  it('joining an open group makes a member at once, following it at the chosen frequency; leaving unfollows', async () => {
    const member = await signedInClient(app, db, 'member', 'Jo Joiner');
    const anonymous = mainText(await page('/groups/housing'));
    expect(anonymous).toContain('Sign in to join this group');
    const form = (await member.b.page('/groups/housing')).html;
    expect(form).toContain('action="/groups/housing/join"');
    expect(form).toMatch(/<option value="daily" selected="">once a day<\/option>/);
    const joined = await send(member.b, '/groups/housing/join', { frequency: 'weekly' });
    expect(joined.headers.get('location')).toBe('/groups/housing?done=joined');
    const now = mainText((await member.b.page('/groups/housing?done=joined')).html);
    expect(now).toContain('Welcome: you are a member of the group.');
    expect(now).toContain('You are a member. New posts reach you by email: once a week.');
    expect(now).toContain('Start a discussion');
    const follows = await db.selectFrom('follows').select(['kind', 'target', 'frequency']).where('user_id', '=', member.id).execute();
    expect(follows).toEqual([{ kind: 'group', target: 'housing', frequency: 'weekly' }]);
    expect(mainText(await page('/groups'))).toMatch(/Housing · open to all · 1 member/);
    // Joining twice changes nothing.
    expect((await send(member.b, '/groups/housing/join', { frequency: 'daily' })).headers.get('location')).toBe('/groups/housing?done=already');
    expect((await send(member.b, '/groups/housing/join', { frequency: 'hourly' })).status).toBe(400);
    const left = await send(member.b, '/groups/housing/leave');
    expect(left.headers.get('location')).toBe('/groups/housing?done=left');
    expect(await db.selectFrom('follows').select('target').where('user_id', '=', member.id).execute()).toEqual([]);
    // Someone not in the group cannot leave it.
    expect((await send(member.b, '/groups/housing/leave')).status).toBe(403);
    const actions = await db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_user_id', '=', member.id)
      .where('action', 'like', 'group_%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['group_join', 'group_leave']);
  });

  it('a moderated group: the request waits for a moderator, discussions are for members only, and a moderator approves or declines', async () => {
    const editor = await signedInClient(app, db, 'editor', 'Mod Erator');
    const slug = await newGroup(editor.b, 'moderated');
    await newThread(editor.b, slug, 'Data protection first', 'Never write a client’s name here.');
    const asker = await signedInClient(app, db, 'member', 'Ann Asker');
    const other = await signedInClient(app, db, 'member', 'Dee Declined');
    // The page is public; its discussions are not.
    const outside = mainText(await page(`/groups/${slug}`));
    expect(outside).toContain('The discussions of this group are visible to its members only.');
    expect(outside).not.toContain('Data protection first');
    const thread = await db.selectFrom('group_threads').select('id').where('title', '=', 'Data protection first').executeTakeFirstOrThrow();
    expect((await app.request(`/groups/${slug}/threads/${thread.id}`)).status).toBe(403);
    expect((await asker.b.page(`/groups/${slug}/threads/${thread.id}`)).res.status).toBe(403);
    expect((await asker.b.page(`/groups/${slug}`)).html).toContain('Ask to join');
    expect((await send(asker.b, `/groups/${slug}/join`, { frequency: 'immediate' })).headers.get('location')).toBe(`/groups/${slug}?done=requested`);
    await send(other.b, `/groups/${slug}/join`, { frequency: 'daily' });
    const waiting = mainText((await asker.b.page(`/groups/${slug}`)).html);
    expect(waiting).toContain('Your request to join is waiting for a moderator.');
    expect(waiting).toContain('The discussions of this group are visible to its members only.');
    expect((await send(asker.b, `/groups/${slug}/threads`, { title: 'Too early', body: 'Hello' })).status).toBe(403);
    expect(await db.selectFrom('follows').select('target').where('user_id', '=', asker.id).execute()).toEqual([]);
    // The asker cannot approve themselves; the moderator sees both requests.
    expect((await send(asker.b, `/groups/${slug}/requests/${asker.id}/approve`)).status).toBe(403);
    const queue = mainText((await editor.b.page(`/groups/${slug}/moderation`)).html);
    expect(queue).toMatch(/2 requests to join Ann Asker .* Approve Decline Dee Declined/);
    expect((await send(editor.b, `/groups/${slug}/requests/${asker.id}/approve`)).headers.get('location')).toBe(`/groups/${slug}/moderation?done=approved`);
    expect((await send(editor.b, `/groups/${slug}/requests/${other.id}/decline`)).headers.get('location')).toBe(`/groups/${slug}/moderation?done=declined`);
    expect((await send(editor.b, `/groups/${slug}/requests/${other.id}/approve`)).status).toBe(404);
    expect(await db.selectFrom('follows').select(['target', 'frequency']).where('user_id', '=', asker.id).execute()).toEqual([
      { target: slug, frequency: 'immediate' },
    ]);
    expect(mainText((await asker.b.page(`/groups/${slug}/threads/${thread.id}`)).html)).toContain('Never write a client’s name here.');
    expect(mainText((await other.b.page(`/groups/${slug}`)).html)).toContain('Ask to join');
  });

  it('members start threads and reply in sanitised Markdown whose links to practices and events stay links; others read an open group; a non-member may not post', async () => {
    const editor = await signedInClient(app, db, 'editor', 'Thread Starter');
    const slug = await newGroup(editor.b);
    const member = await signedInClient(app, db, 'member', 'Rae Replier');
    const outsider = await signedInClient(app, db, 'member', 'Out Sider');
    await send(member.b, `/groups/${slug}/join`, { frequency: 'daily' });
    expect((await member.b.page(`/groups/${slug}/threads/new`)).res.status).toBe(200);
    expect((await outsider.b.page(`/groups/${slug}/threads/new`)).res.status).toBe(403);
    expect((await send(outsider.b, `/groups/${slug}/threads`, { title: 'Not a member', body: 'Hi' })).status).toBe(403);
    const refused = await send(member.b, `/groups/${slug}/threads`, { title: '', body: 'My text stays' });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(mainText(refusedHtml)).toContain('Give the discussion a title.');
    expect(refusedHtml).toContain('My text stays');
    const path = await newThread(
      member.b,
      slug,
      'Rent guarantees that worked',
      'See [ID NYC](/practices/nyc-idnyc), the [roundtable](/events/inter-ethnic-city-un-roundtable-2009) and https://example.org/report.\n\n<script>alert(1)</script> [bad](javascript:alert(1)) [far](//evil.example/x)',
    );
    expect(path).toMatch(new RegExp(`^/groups/${slug}/threads/\\d+$`));
    const html = await page(path);
    expect(html).toContain('<a href="/practices/nyc-idnyc" rel="nofollow ugc noopener">ID NYC</a>');
    expect(html).toContain('<a href="/events/inter-ethnic-city-un-roundtable-2009" rel="nofollow ugc noopener">roundtable</a>');
    expect(html).toContain('<a href="https://example.org/report" rel="nofollow ugc noopener">https://example.org/report</a>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('href="//evil.example');
    expect(mainText(html)).toContain('Sign in to reply');
    // In French the links stay in French.
    expect(await page(`/fr${path}`)).toContain('<a href="/fr/practices/nyc-idnyc"');
    expect((await send(outsider.b, `${path}/replies`, { body: 'Join first' })).status).toBe(403);
    expect(mainText((await outsider.b.page(path)).html)).toContain('Only members of the group can reply. Join the group');
    const replied = await send(editor.b, `${path}/replies`, { body: 'We tried it in **Lyon**.' });
    expect(replied.headers.get('location')).toMatch(new RegExp(`^${path}#post-\\d+$`));
    const thread = mainText(await page(path));
    expect(thread).toMatch(/Rent guarantees that worked Rae Replier · .* See ID NYC.* 1 reply Thread Starter · .* We tried it in Lyon/);
    expect(mainText(await page(`/groups/${slug}`))).toMatch(/Rent guarantees that worked Started by Rae Replier · 1 reply · latest post/);
    const emptyReply = await send(member.b, `${path}/replies`, { body: '   ' });
    expect(emptyReply.status).toBe(400);
    expect(mainText(await emptyReply.text())).toContain('Write a message.');
    // Each post told the group's followers (and the theme's): the lead's activity feed.
    const activities = await db
      .selectFrom('activities')
      .select(['kind', 'title', 'path', 'group_slug', 'themes', 'actor_id'])
      .where('group_slug', '=', slug)
      .orderBy('id')
      .execute();
    expect(activities).toEqual([
      { kind: 'group_post', title: 'Rent guarantees that worked', path, group_slug: slug, themes: ['housing'], actor_id: member.id },
      {
        kind: 'group_post',
        title: 'Rent guarantees that worked',
        path: expect.stringMatching(new RegExp(`^${path}#post-\\d+$`)),
        group_slug: slug,
        themes: ['housing'],
        actor_id: editor.id,
      },
    ]);
  });

  it('a locked thread refuses replies (409, the text kept); a pinned thread lists first; moderators only', async () => {
    const editor = await signedInClient(app, db, 'editor', 'Lock Smith');
    const slug = await newGroup(editor.b);
    const member = await signedInClient(app, db, 'member', 'Mem Ber');
    await send(member.b, `/groups/${slug}/join`);
    const older = await newThread(member.b, slug, 'The older thread', 'First.');
    await newThread(member.b, slug, 'The newer thread', 'Second.');
    expect(mainText(await page(`/groups/${slug}`))).toMatch(/The newer thread.*The older thread/);
    expect((await send(member.b, `${older}/pin`, { value: 'yes' })).status).toBe(403);
    expect((await send(editor.b, `${older}/pin`, { value: 'yes' })).headers.get('location')).toBe(`${older}?done=pinned`);
    expect(mainText(await page(`/groups/${slug}`))).toMatch(/Pinned The older thread.*The newer thread/);
    expect((await send(member.b, `${older}/lock`, { value: 'yes' })).status).toBe(403);
    expect((await send(editor.b, `${older}/lock`, { value: 'yes' })).status).toBe(303);
    const refused = await send(member.b, `${older}/replies`, { body: 'My late reply' });
    expect(refused.status).toBe(409);
    const text = mainText(await refused.text());
    expect(text).toContain('This discussion is locked: no more replies can be posted.');
    expect(await db.selectFrom('group_posts').select('id').where('body', '=', 'My late reply').execute()).toEqual([]);
    expect((await send(editor.b, `${older}/lock`, { value: 'maybe' })).status).toBe(400);
    expect((await send(editor.b, `${older}/lock`, { value: 'no' })).headers.get('location')).toBe(`${older}?done=unlocked`);
    expect((await send(member.b, `${older}/replies`, { body: 'My late reply' })).status).toBe(303);
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('target', 'like', `${slug}/threads/%`).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'group_thread_pin', details: { pinned: true } },
      { action: 'group_thread_lock', details: { locked: true } },
      { action: 'group_thread_lock', details: { locked: false } },
    ]);
  });

  it('a moderator hides a post with a reason: readers see the reason, moderators also the text; it can be shown again', async () => {
    const editor = await signedInClient(app, db, 'editor', 'Hide Mod');
    const slug = await newGroup(editor.b);
    const member = await signedInClient(app, db, 'member', 'Loud Poster');
    await send(member.b, `/groups/${slug}/join`);
    const path = await newThread(member.b, slug, 'A fine question', 'Call Mrs X at 555-0100 about her case.');
    const post = await db.selectFrom('group_posts').select('id').where('body', 'like', 'Call Mrs X%').executeTakeFirstOrThrow();
    expect((await send(member.b, `/groups/${slug}/posts/${post.id}/hide`, { reason: 'mine' })).status).toBe(403);
    const noReason = await send(editor.b, `/groups/${slug}/posts/${post.id}/hide`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(mainText(await noReason.text())).toContain('Give a reason.');
    expect((await send(editor.b, `/groups/${slug}/posts/${post.id}/hide`, { reason: 'Personal details of a client.' })).headers.get('location')).toBe(
      `${path}?done=hidden#post-${post.id}`,
    );
    const anonymous = mainText(await page(path));
    expect(anonymous).toContain('Hidden by a moderator: Personal details of a client.');
    expect(anonymous).not.toContain('555-0100');
    // The thread's title goes with its opening post.
    expect(anonymous).toContain('A discussion hidden by a moderator');
    expect(anonymous).not.toContain('A fine question');
    expect(mainText(await page(`/groups/${slug}`))).not.toContain('A fine question');
    expect(mainText((await member.b.page(path)).html)).not.toContain('555-0100');
    const moderator = mainText((await editor.b.page(path)).html);
    expect(moderator).toContain('Hidden by a moderator: Personal details of a client.');
    expect(moderator).toContain('Call Mrs X at 555-0100');
    expect(
      await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'group_post_hide')
        .where('target', '=', `${slug}/posts/${post.id}`)
        .executeTakeFirstOrThrow(),
    ).toMatchObject({
      details: { reason: 'Personal details of a client.' },
    });
    await send(editor.b, `/groups/${slug}/posts/${post.id}/unhide`);
    expect(mainText(await page(path))).toContain('Call Mrs X at 555-0100');
    // A post is hidden through its own group only.
    expect((await send(editor.b, `/groups/housing/posts/${post.id}/hide`, { reason: 'Wrong group' })).status).toBe(404);
  });

  it('a member reports a post: it lands in the moderation queue, which a moderator resolves or settles by hiding it', async () => {
    const editor = await signedInClient(app, db, 'editor', 'Queue Mod');
    const slug = await newGroup(editor.b);
    const a = await signedInClient(app, db, 'member', 'Ada Author');
    const b = await signedInClient(app, db, 'member', 'Ben Reporter');
    for (const who of [a, b]) await send(who.b, `/groups/${slug}/join`);
    const path = await newThread(a.b, slug, 'Buy my course', 'Cheap language course, write to me!');
    await send(a.b, `${path}/replies`, { body: 'A second advert.' });
    const [opening, second] = await db.selectFrom('group_posts').select('id').where('author_id', '=', a.id).orderBy('id').execute();
    expect((await b.b.page(path)).html).toContain(`action="/groups/${slug}/posts/${opening.id}/report"`);
    // Nobody reports their own post; outsiders report nothing.
    expect((await a.b.page(path)).html).not.toContain(`/posts/${opening.id}/report`);
    expect((await send(a.b, `/groups/${slug}/posts/${opening.id}/report`, { reason: 'mine' })).status).toBe(403);
    const outsider = await signedInClient(app, db, 'member', 'Not In');
    expect((await send(outsider.b, `/groups/${slug}/posts/${opening.id}/report`, { reason: 'Spam' })).status).toBe(403);
    const empty = await send(b.b, `/groups/${slug}/posts/${opening.id}/report`, { reason: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/<details class="post__action" open="">/);
    expect((await send(b.b, `/groups/${slug}/posts/${opening.id}/report`, { reason: 'Advertising, not discussion.' })).headers.get('location')).toBe(
      `${path}?done=reported#post-${opening.id}`,
    );
    await send(b.b, `/groups/${slug}/posts/${second.id}/report`, { reason: 'Advertising again.' });
    expect(mainText((await b.b.page(`${path}?done=reported`)).html)).toContain('Thank you: the moderators will look at the post.');
    expect((await b.b.page(`/groups/${slug}/moderation`)).res.status).toBe(403);
    expect(mainText((await editor.b.page(`/groups/${slug}`)).html)).toContain('Moderation (2 open reports)');
    const queue = mainText((await editor.b.page(`/groups/${slug}/moderation`)).html);
    expect(queue).toMatch(
      /Open \(2\).*Buy my course Post by Ada Author Cheap language course, write to me! Reason given: Advertising, not discussion\. Reported by Ben Reporter/,
    );
    const reports = await db.selectFrom('group_reports').select(['id', 'post_id']).orderBy('id', 'desc').limit(2).execute();
    const onSecond = reports.find((r) => r.post_id === second.id);
    // Resolving one: the post was fine.
    expect((await send(editor.b, `/groups/${slug}/reports/${onSecond?.id}/resolve`)).headers.get('location')).toBe(`/groups/${slug}/moderation?done=resolved`);
    expect((await send(editor.b, `/groups/${slug}/reports/${onSecond?.id}/resolve`)).status).toBe(404);
    // Hiding the other post from the queue resolves its report.
    const hidden = await send(editor.b, `/groups/${slug}/posts/${opening.id}/hide`, { reason: 'Advertising.', from: 'moderation' });
    expect(hidden.headers.get('location')).toBe(`/groups/${slug}/moderation?done=hidden`);
    expect(mainText((await editor.b.page(`/groups/${slug}/moderation`)).html)).toContain('No report waits for a moderator.');
    const resolved = mainText((await editor.b.page(`/groups/${slug}/moderation?state=resolved`)).html);
    expect(resolved).toMatch(/resolved by Queue Mod.*resolved by Queue Mod/);
    const actions = await db
      .selectFrom('audit_log')
      .select('action')
      .where('target', 'like', `${slug}%`)
      .where('action', 'like', 'group_%')
      .orderBy('id')
      .execute();
    expect(actions.map((x) => x.action)).toEqual([
      'group_create',
      'group_join',
      'group_join',
      'group_post_report',
      'group_post_report',
      'group_report_resolve',
      'group_post_hide',
    ]);
  });

  it('a moderator removes a member with a reason (audited) and makes members moderators; only editors remove moderators', async () => {
    const editor = await signedInClient(app, db, 'editor', 'Boss Editor');
    const slug = await newGroup(editor.b);
    const mod = await signedInClient(app, db, 'member', 'New Moderator');
    const troll = await signedInClient(app, db, 'member', 'Tro Ll');
    for (const who of [mod, troll]) await send(who.b, `/groups/${slug}/join`);
    expect((await send(mod.b, `/groups/${slug}/members/${troll.id}/remove`, { reason: 'no' })).status).toBe(403);
    expect((await send(editor.b, `/groups/${slug}/members/${mod.id}/role`, { role: 'moderator' })).headers.get('location')).toBe(
      `/groups/${slug}/moderation?done=role`,
    );
    const queue = mainText((await mod.b.page(`/groups/${slug}/moderation`)).html);
    expect(queue).toMatch(/3 members/);
    const noReason = await send(mod.b, `/groups/${slug}/members/${troll.id}/remove`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(mainText(await noReason.text())).toContain('Give a reason.');
    expect((await send(mod.b, `/groups/${slug}/members/${troll.id}/remove`, { reason: 'Insults in every thread.' })).status).toBe(303);
    expect(await db.selectFrom('group_members').select('user_id').where('user_id', '=', troll.id).execute()).toEqual([]);
    expect(await db.selectFrom('follows').select('target').where('user_id', '=', troll.id).execute()).toEqual([]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'group_member_remove')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_user_id: mod.id, details: { userId: troll.id, reason: 'Insults in every thread.' } });
    // A moderator does not remove another moderator; an editor does.
    expect((await send(mod.b, `/groups/${slug}/members/${editor.id}/remove`, { reason: 'Coup' })).status).toBe(403);
    expect((await send(editor.b, `/groups/${slug}/members/${mod.id}/role`, { role: 'member' })).status).toBe(303);
    expect((await send(editor.b, `/groups/${slug}/members/${troll.id}/remove`, { reason: 'Again' })).status).toBe(404);
  });

  it('posting is limited to 10 posts in 10 minutes per person: the 11th is refused with 429 and the text kept', async () => {
    const member = await signedInClient(app, db, 'member', 'Fast Typer');
    await send(member.b, '/groups/health/join');
    const path = await newThread(member.b, 'health', 'Interpreters on call', 'Who pays for them?');
    for (let i = 2; i <= 10; i++) expect((await send(member.b, `${path}/replies`, { body: `Reply ${i}` })).status).toBe(303);
    const refused = await send(member.b, `${path}/replies`, { body: 'The eleventh post' });
    expect(refused.status).toBe(429);
    const html = await refused.text();
    expect(mainText(html)).toContain('You have posted a lot in a short time.');
    expect(html).toContain('The eleventh post');
    expect((await send(member.b, '/groups/health/threads', { title: 'Another', body: 'Text' })).status).toBe(429);
    expect(await db.selectFrom('group_posts').select('id').where('body', '=', 'The eleventh post').execute()).toEqual([]);
  });

  it('pages long lists of threads and replies', async () => {
    const editor = await signedInClient(app, db, 'editor', 'Pager');
    const slug = await newGroup(editor.b);
    const group = await db.selectFrom('groups').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (let i = 1; i <= 22; i++) {
      const t = await db
        .insertInto('group_threads')
        .values({ group_id: group.id, title: `Thread number ${i}`, author_id: editor.id, last_post_at: new Date(Date.UTC(2024, 0, i)) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('group_posts')
        .values({ thread_id: t.id, author_id: editor.id, body: `Opening ${i}`, opening: true })
        .execute();
      ids.push(t.id);
    }
    const first = mainText(await page(`/groups/${slug}`));
    expect(first).toContain('Thread number 22');
    expect(first).not.toContain('Thread number 2 ');
    expect(first).toContain('Page 1 of 2');
    const second = mainText(await page(`/groups/${slug}?page=2`));
    expect(second).toMatch(/Thread number 2 .*Thread number 1 /);
    const last = ids[ids.length - 1];
    for (let i = 1; i <= 25; i++)
      await db
        .insertInto('group_posts')
        .values({ thread_id: last, author_id: editor.id, body: `Reply number ${i}` })
        .execute();
    await db.updateTable('group_threads').set({ replies: 25 }).where('id', '=', last).execute();
    const p1 = mainText(await page(`/groups/${slug}/threads/${last}`));
    expect(p1).toMatch(/Opening 22 .*25 replies .*Reply number 20 .*Page 1 of 2/);
    expect(p1).not.toContain('Reply number 21');
    const p2 = mainText(await page(`/groups/${slug}/threads/${last}?page=2`));
    expect(p2).toMatch(/Reply number 21 .*Reply number 25/);
    expect(p2).not.toContain('Opening 22');
    expect((await app.request(`/groups/${slug}/threads/${last}?page=3`)).status).toBe(404);
    expect((await app.request(`/groups/${slug}/threads/99999999`)).status).toBe(404);
    expect((await app.request(`/groups/${slug}/threads/abc`)).status).toBe(404);
  });

  it('a deleted account leaves its posts readable, signed "Former member"', async () => {
    const member = await signedInClient(app, db, 'member', 'Gone Soon');
    await send(member.b, '/groups/employment/join');
    const path = await newThread(member.b, 'employment', 'Recognising diplomas', 'Our city pays for translations of diplomas.');
    await db.deleteFrom('users').where('id', '=', member.id).execute();
    const text = mainText(await page(path));
    expect(text).toContain('Former member');
    expect(text).toContain('Our city pays for translations of diplomas.');
    expect(text).not.toContain('Gone Soon');
    expect(mainText(await page('/groups/employment'))).toContain('Recognising diplomas Started by Former member');
  });

  it('speaks the six languages on every page, Arabic right to left, with no message key left untranslated', async () => {
    const editor = await signedInClient(app, db, 'editor', 'Poly Glot');
    await send(editor.b, '/groups/education/join');
    const path = await newThread(editor.b, 'education', 'Welcome classes', 'How long do children stay in them?');
    for (const locale of locales) {
      const prefix = locale === 'en' ? '' : `/${locale}`;
      for (const url of ['/groups', '/groups/education', path, '/groups/new', '/groups/education/moderation', '/groups/education/threads/new']) {
        const { res, html } = await editor.b.page(`${prefix}${url}`);
        expect(res.status, `${locale} ${url}`).toBe(200);
        expect(html, `${locale} ${url}`).not.toMatch(/groups\.[a-z_]+\.[a-z_.]+/);
        if (locale === 'ar') expect(html).toContain('dir="rtl"');
      }
    }
    expect(mainText(await page('/zh/groups/education'))).toContain('学校与学习');
    expect(mainText(await page('/ru/groups/education'))).toContain('Обсуждения');
  });
  it.skipIf(!browserAvailable())(
    'shows every payload of the XSS corpus as text through names, titles, posts and reasons, and runs none (Chromium, CSP off)',
    async () => {
      const editor = await signedInClient(app, db, 'editor', 'Payload 1 <img src=x onerror=xss(1)>');
      const payload = (i: number) => `Payload ${i + 1} ${xssPayloads[i % xssPayloads.length]}`;
      const all = xssPayloads.map((_, i) => payload(i));
      const created = await send(editor.b, '/groups', {
        name: payload(1).slice(0, 120),
        description: all.join('\n').slice(0, 2000),
        membership: 'open',
        themes: 'housing',
      });
      const slug = /\/groups\/([a-z0-9-]+)\?/.exec(created.headers.get('location') ?? '')?.[1] as string;
      expect(slug).toBeTruthy();
      const threads: string[] = [];
      // A few posts per person: posting is limited to 10 in 10 minutes.
      for (let i = 0; i < xssPayloads.length; i += 8) {
        const author = await signedInClient(app, db, 'member', payload(i + 2).slice(0, 100));
        await send(author.b, `/groups/${slug}/join`);
        const body = all.slice(i, i + 8).join('\n\n');
        const path = await newThread(author.b, slug, payload(i).slice(0, 200), body);
        expect(
          (
            await send(author.b, `${path}/replies`, {
              body: all
                .slice(i, i + 8)
                .reverse()
                .join('\n\n'),
            })
          ).status,
        ).toBe(303);
        const [opening, reply] = await db
          .selectFrom('group_posts')
          .select('id')
          .where('thread_id', '=', Number(path.split('/').pop()))
          .orderBy('id')
          .execute();
        expect((await send(editor.b, `/groups/${slug}/posts/${opening.id}/report`, { reason: payload(i + 3) })).status).toBe(303);
        expect((await send(editor.b, `/groups/${slug}/posts/${reply.id}/hide`, { reason: payload(i + 5) })).status).toBe(303);
        threads.push(path);
      }
      const pages: [AccountClient | undefined, string][] = [
        [undefined, '/groups'],
        [undefined, `/groups/${slug}`],
        [editor.b, `/groups/${slug}`],
        [editor.b, `/groups/${slug}/moderation`],
        ...threads.flatMap((t): [AccountClient | undefined, string][] => [
          [undefined, t],
          [editor.b, t],
        ]),
      ];
      // A refused form shows the payload back in its field.
      const refusedThread = await send(editor.b, `/groups/${slug}/threads`, { title: '', body: payload(20) });
      const refusedHide = await send(editor.b, `/groups/${slug}/posts/999999999/hide`, { reason: payload(21) });
      expect(refusedHide.status).toBe(404);
      const browser = await launchBrowser();
      try {
        const trap = await openTrapPage(browser.browser);
        let shown = 0;
        const check = async (what: string, html: string) => {
          await trap.page.setContent(html, { waitUntil: 'load' });
          expect(await trap.hits(), `scripts that ran on ${what}`).toEqual([]);
          expect(await trap.injected(), `markup injected into ${what}`).toEqual([]);
          if ((await trap.page.innerText('main')).includes('Payload ')) shown += 1;
        };
        for (const [who, url] of pages) {
          const { res, html } = who ? await who.page(url) : { res: await app.request(url), html: '' };
          expect(res.status, url).toBe(200);
          await check(`${who ? 'the moderator’s' : 'a visitor’s'} ${url}`, who ? html : await res.text());
        }
        await check('the refused new-thread form', await refusedThread.text());
        expect(shown).toBe(pages.length + 1);
      } finally {
        await browser.close();
      }
    },
  );
});
