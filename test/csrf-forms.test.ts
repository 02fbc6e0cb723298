import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import type { Database } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import { AccountClient, testPassword as password } from './support/account-client.ts';
import { contributionFixtures, type Fixtures, fingerprint } from './support/contribution-fixtures.ts';
import { fieldsOf, formsOn, type PageForm } from './support/html-forms.ts';
import { createTestApp, createTestDatabase } from './support/test-db.ts';

/**
 * CSRF on every form: every POST form the site shows — found by reading the pages, not from a
 * list that could fall behind — is refused without its token and from a foreign origin, and
 * the refusal changes nothing. The check does not depend on the engine: PGlite only.
 */
type Viewer = 'anonymous' | 'owner' | 'editor' | 'admin';

/** Pages with forms, and who sees them. */
const pages: [Viewer, (f: Fixtures) => string][] = [
  ['anonymous', () => '/login'],
  ['anonymous', () => '/signup'],
  ['anonymous', () => '/password/forgot'],
  ['owner', () => '/account'],
  ['owner', () => '/submit'],
  ...[1, 2, 3, 4, 5].map((n): [Viewer, (f: Fixtures) => string] => ['owner', (f) => `/submit/${f.draftId}/step/${n}`]),
  ['owner', (f) => `/submit/${f.draftId}/check`],
  ['owner', (f) => `/submit/${f.draftId}/withdraw`],
  ['owner', (f) => `/practices/${f.practiceId}/translate?lang=fr`],
  ['owner', (f) => `/submit?adapt=${f.practiceId}`],
  ['owner', (f) => `/submissions/${f.submittedId}`],
  ['editor', (f) => `/submissions/${f.submittedId}`],
  ['editor', (f) => `/practices/${f.practiceId}/edit`],
  ['editor', (f) => `/practices/${f.practiceId}/history/compare?from=${f.firstRevision}`],
  ['editor', (f) => `/practices/${f.practiceId}/assess`],
  ['admin', () => '/admin/users'],
  ['admin', () => '/admin/import'],
  ['admin', () => '/admin/tags?tag=Refugees&tag=refugees'],
  ['owner', (f) => `/groups/${f.joinGroupSlug}`],
  ['owner', (f) => `/groups/${f.groupSlug}/threads/${f.threadId}`],
  ['owner', (f) => `/groups/${f.groupSlug}/threads/new`],
  ['owner', (f) => `/groups/${f.groupSlug}/moderation`],
  ['editor', () => '/groups/new'],
  ['admin', (f) => `/calls/${f.reviewCallSlug}/review`],
  ['admin', (f) => `/calls/${f.reviewCallSlug}/review/applications/${f.openApplicationId}`],
  ['owner', (f) => `/reviews/${f.conflictApplicationId}`],
  ['owner', (f) => `/reviews/${f.scoringApplicationId}`],
];

describe('CSRF protection on every form', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  let f: Fixtures;
  const clients = new Map<Viewer, AccountClient>();
  const found = new Map<string, { viewer: Viewer; page: string; form: PageForm }>();

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase('pglite'));
    app = createTestApp(db, { TRUST_PROXY: 'true', OUTBOX_DIR: `/tmp/ch-csrf-outbox-${process.pid}` });
    let n = 0;
    for (const [viewer, role] of [
      ['owner', 'member'],
      ['editor', 'editor'],
      ['admin', 'admin'],
    ] as [Viewer, Role][]) {
      const email = `${viewer}-csrf-${Date.now()}@example.org`;
      const id = await createUserWithRole(db, { email, role, name: `The ${viewer}`, password });
      if (viewer === 'owner') f = await contributionFixtures(db, id);
      const client = new AccountClient(app, { 'x-forwarded-for': `192.0.2.${++n}` });
      expect((await client.submit('/login', '/login', { email, password })).status).toBe(303);
      clients.set(viewer, client);
    }
    clients.set('anonymous', new AccountClient(app, { 'x-forwarded-for': '192.0.2.99' }));
    for (const [viewer, pageOf] of pages) {
      const page = pageOf(f);
      const { res, html } = await (clients.get(viewer) as AccountClient).page(page);
      expect(res.status, `${viewer} opens ${page}`).toBe(200);
      for (const form of formsOn(html, page).filter((x) => x.method === 'post')) {
        const key = form.action.split('?')[0];
        if (!found.has(key)) found.set(key, { viewer, page, form });
      }
    }
  });
  afterAll(() => drop());

  it('finds the forms of every area (sign-in, submitting, reviewing, editing, history, assessing, admin)', () => {
    const actions = [...found.keys()].join(' ');
    for (const expected of [
      '/login',
      '/signup',
      '/logout',
      '/account',
      '/submit',
      '/send',
      '/translate',
      '/comments',
      '/request-changes',
      '/publish',
      '/reject',
      '/assign',
      '/edit',
      '/restore',
      '/assess',
      '/admin/import',
      '/admin/tags/merge',
      '/role',
      '/disable',
    ]) {
      expect(actions, `a form posting to …${expected}`).toContain(expected);
    }
  });

  it('refuses each form without its token, and from another site even with it, changing nothing', async () => {
    expect(found.size).toBeGreaterThan(15);
    for (const [action, { viewer, page, form }] of found) {
      const client = clients.get(viewer) as AccountClient;
      const fields = fieldsOf(form);
      const before = await fingerprint(db);
      const noToken = await client.submit(page, action, fields, { token: null });
      expect(noToken.status, `${action} (from ${page}) without a token`).toBe(403);
      const foreign = await client.submit(page, action, fields, { origin: 'https://attacker.example' });
      expect(foreign.status, `${action} (from ${page}) from a foreign origin`).toBe(403);
      const wrong = await client.submit(page, action, fields, { token: 'not-the-token' });
      expect(wrong.status, `${action} (from ${page}) with a wrong token`).toBe(403);
      expect(await fingerprint(db), `${action} refused, nothing changed`).toBe(before);
    }
  });
});
