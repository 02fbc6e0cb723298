import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import type { Database } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import { AccountClient, testPassword as password } from './support/account-client.ts';
import { spareReviewerEmail } from './support/call-review-fixtures.ts';
import { contributionFixtures, type Fixtures, fingerprint } from './support/contribution-fixtures.ts';
import { fieldsOf, formsOn } from './support/html-forms.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

/**
 * The authorisation matrix of the issue: every state-changing route × anonymous, member (own
 * submission), member (someone else's), editor, admin. Each cell runs on fresh fixtures; the
 * allowed cells must not be refused, the others get 403 or a sign-in redirect with the
 * database exactly as before.
 */
type Actor = 'anonymous' | 'owner' | 'other member' | 'editor' | 'admin';
const actors: Actor[] = ['anonymous', 'owner', 'other member', 'editor', 'admin'];
const signedIn: Actor[] = ['owner', 'other member', 'editor', 'admin'];
const editors: Actor[] = ['editor', 'admin'];

let counter = 0;

/** One state-changing route: where its form is shown (to whom), where it posts, what to change. */
interface RouteCase {
  name: string;
  allowed: Actor[];
  /** Page holding the form, and who can see it (to read the fields a browser would send). */
  formPage: (f: Fixtures) => string;
  formViewer: Actor;
  action: (f: Fixtures) => string;
  overrides?: Record<string, string | string[]> | ((f: Fixtures) => Record<string, string | string[]>);
}

const cases: RouteCase[] = [
  {
    name: 'start a submission',
    allowed: signedIn,
    formPage: () => '/submit',
    formViewer: 'owner',
    action: () => '/submit',
    overrides: { title: 'A new practice from the matrix', summary: 'Summary.', language: 'en', themes: 'housing' },
  },
  {
    name: 'save a draft step',
    allowed: ['owner'],
    formPage: (f) => `/submit/${f.draftId}/step/1`,
    formViewer: 'owner',
    action: (f) => `/submit/${f.draftId}/step/1`,
    overrides: { title: 'Changed title of the draft' },
  },
  {
    name: 'send a draft to review',
    allowed: ['owner'],
    formPage: (f) => `/submit/${f.draftId}/check`,
    formViewer: 'owner',
    action: (f) => `/submit/${f.draftId}/send`,
    overrides: { license_consent: 'CC-BY-4.0' },
  },
  {
    name: 'withdraw a draft',
    allowed: ['owner'],
    formPage: (f) => `/submit/${f.draftId}/withdraw`,
    formViewer: 'owner',
    action: (f) => `/submit/${f.draftId}/withdraw`,
  },
  {
    name: 'propose a translation',
    allowed: signedIn,
    formPage: (f) => `/practices/${f.practiceId}/translate?lang=fr`,
    formViewer: 'owner',
    action: (f) => `/practices/${f.practiceId}/translate`,
    overrides: { title: 'Un guichet du logement', summary: 'Un résumé.', license_consent: 'CC-BY-4.0' },
  },
  {
    name: 'comment on a submission',
    allowed: ['owner', 'editor', 'admin'],
    formPage: (f) => `/submissions/${f.submittedId}`,
    formViewer: 'owner',
    action: (f) => `/submissions/${f.submittedId}/comments`,
    overrides: { body: 'A private comment.' },
  },
  {
    name: 'assign a submission',
    allowed: editors,
    formPage: (f) => `/submissions/${f.submittedId}`,
    formViewer: 'editor',
    action: (f) => `/submissions/${f.submittedId}/assign`,
  },
  {
    name: 'request changes',
    allowed: editors,
    formPage: (f) => `/submissions/${f.submittedId}`,
    formViewer: 'editor',
    action: (f) => `/submissions/${f.submittedId}/request-changes`,
    overrides: { message: 'Please add the year it started.' },
  },
  {
    name: 'reject a submission',
    allowed: editors,
    formPage: (f) => `/submissions/${f.submittedId}`,
    formViewer: 'editor',
    action: (f) => `/submissions/${f.submittedId}/reject`,
    overrides: { reason: 'Out of scope for the collection.', message: 'Out of scope for the collection.' },
  },
  {
    name: 'publish a submission',
    allowed: editors,
    formPage: (f) => `/submissions/${f.submittedId}`,
    formViewer: 'editor',
    action: (f) => `/submissions/${f.submittedId}/publish`,
  },
  {
    name: 'edit a published practice',
    allowed: editors,
    formPage: (f) => `/practices/${f.practiceId}/edit`,
    formViewer: 'editor',
    action: (f) => `/practices/${f.practiceId}/edit`,
    overrides: { summary: 'An edited summary of the advice desk.', message: 'Shorter summary', intent: 'save' },
  },
  {
    name: 'restore a revision',
    allowed: editors,
    formPage: (f) => `/practices/${f.practiceId}/history/compare?from=${f.firstRevision}`,
    formViewer: 'editor',
    action: (f) => `/practices/${f.practiceId}/history/${f.firstRevision}/restore`,
  },
  {
    name: 'assess a practice',
    allowed: editors,
    formPage: (f) => `/practices/${f.practiceId}/assess`,
    formViewer: 'editor',
    action: (f) => `/practices/${f.practiceId}/assess`,
    overrides: {
      practical: 'yes',
      practical_note: 'Runs on existing staff.',
      innovative: 'unknown',
      successful: 'unknown',
      transferable: 'unknown',
      evidence_level: '2',
    },
  },
  {
    name: 'import from the browser',
    allowed: ['admin'],
    formPage: () => '/admin/import',
    formViewer: 'admin',
    action: () => '/admin/import',
    overrides: {
      json: JSON.stringify({
        format: 'clearinghouse.practices',
        version: 1,
        practices: [
          { id: 'matrix-import', title: 'Imported by the matrix', summary: 'S.', language: 'en', country: 'FR', city: 'Nantes', themes: ['housing'] },
        ],
      }),
    },
  },
  {
    name: 'add a harvest source',
    allowed: ['admin'],
    formPage: () => '/admin/harvest',
    formViewer: 'admin',
    action: () => '/admin/harvest',
    overrides: () => ({ url: `http://127.0.0.1:9/oai-${++counter}`, format: 'oai', schedule: 'weekly' }),
  },
  {
    name: 'edit a harvest source',
    allowed: ['admin'],
    formPage: () => '/admin/harvest',
    formViewer: 'admin',
    action: (f) => `/admin/harvest/${f.harvestSourceId}`,
    overrides: (f) => ({ url: `http://127.0.0.1:9/oai-edited-${f.harvestSourceId}`, schedule: 'daily' }),
  },
  {
    name: 'run a harvest source now',
    allowed: ['admin'],
    formPage: () => '/admin/harvest',
    formViewer: 'admin',
    action: (f) => `/admin/harvest/${f.harvestSourceId}/run`,
  },
  {
    name: 'merge target-group tags',
    allowed: ['admin'],
    formPage: () => '/admin/tags?tag=Refugees&tag=refugees',
    formViewer: 'admin',
    action: () => '/admin/tags/merge',
    overrides: { keep: 'refugees' },
  },
  {
    name: "change a user's role",
    allowed: ['admin'],
    formPage: () => '/admin/users',
    formViewer: 'admin',
    action: (f) => `/admin/users/${f.victimId}/role`,
    overrides: { role: 'editor' },
  },
  { name: 'disable an account', allowed: ['admin'], formPage: () => '/admin/users', formViewer: 'admin', action: (f) => `/admin/users/${f.victimId}/disable` },
  {
    name: 'edit the own profile',
    allowed: signedIn,
    formPage: () => '/account',
    formViewer: 'owner',
    action: () => '/account',
    overrides: { name: 'A new name' },
  },
  {
    name: 'verify an organisation',
    allowed: editors,
    formPage: () => '/organizations/international-metropolis',
    formViewer: 'editor',
    action: () => '/organizations/international-metropolis/verify',
  },
  {
    name: 'write to a person through their profile',
    allowed: signedIn,
    formPage: (f) => `/people/${f.personSlug}`,
    formViewer: 'owner',
    action: (f) => `/people/${f.personSlug}/contact`,
    overrides: { subject: 'Your advice desk', message: 'Could we visit it in May?' },
  },
  {
    name: "write to a practice's contact",
    allowed: signedIn,
    formPage: (f) => `/practices/${f.practiceId}`,
    formViewer: 'owner',
    action: (f) => `/practices/${f.practiceId}/contact`,
    overrides: { subject: 'Your advice desk', message: 'Could we visit it in May?' },
  },
  {
    name: 'ask to join an organisation',
    allowed: signedIn,
    formPage: () => '/organizations/international-metropolis',
    formViewer: 'owner',
    action: () => '/organizations/international-metropolis/join',
    overrides: { note: 'I work there.' },
  },
  {
    // The owner is a plain member of the fixtures' organisation, which has no admin: only the site's editors decide.
    name: 'approve a request to join an organisation',
    allowed: editors,
    formPage: (f) => `/organizations/${f.memberOrg}`,
    formViewer: 'editor',
    action: (f) => `/organizations/${f.memberOrg}/members/${f.requesterId}/approve`,
  },
  {
    name: 'decline a request to join an organisation',
    allowed: editors,
    formPage: (f) => `/organizations/${f.memberOrg}`,
    formViewer: 'editor',
    action: (f) => `/organizations/${f.memberOrg}/members/${f.requesterId}/decline`,
  },
  {
    name: "change an organisation member's role",
    allowed: editors,
    formPage: (f) => `/organizations/${f.memberOrg}`,
    formViewer: 'editor',
    action: (f) => `/organizations/${f.memberOrg}/members/${f.victimId}/role`,
  },
  {
    name: 'remove a member from an organisation',
    allowed: editors,
    formPage: (f) => `/organizations/${f.memberOrg}`,
    formViewer: 'editor',
    action: (f) => `/organizations/${f.memberOrg}/members/${f.victimId}/remove`,
  },
  {
    name: 'leave an organisation',
    allowed: ['owner'],
    formPage: (f) => `/organizations/${f.memberOrg}`,
    formViewer: 'owner',
    action: (f) => `/organizations/${f.memberOrg}/leave`,
  },
  {
    // Stopping and marking read act on the poster's own rows only (test/follows.test.ts).
    name: 'follow a city',
    allowed: signedIn,
    formPage: () => '/cities/de/berlin',
    formViewer: 'owner',
    action: () => '/follows',
  },
  {
    name: 'create a group',
    allowed: editors,
    formPage: () => '/groups/new',
    formViewer: 'editor',
    action: () => '/groups',
    overrides: { name: 'A group of the matrix', membership: 'open' },
  },
  {
    name: 'join a group',
    allowed: signedIn,
    formPage: (f) => `/groups/${f.joinGroupSlug}`,
    formViewer: 'owner',
    action: (f) => `/groups/${f.joinGroupSlug}/join`,
  },
  { name: 'leave a group', allowed: ['owner'], formPage: (f) => `/groups/${f.groupSlug}`, formViewer: 'owner', action: (f) => `/groups/${f.groupSlug}/leave` },
  {
    name: 'start a discussion in a group',
    allowed: ['owner'],
    formPage: (f) => `/groups/${f.groupSlug}/threads/new`,
    formViewer: 'owner',
    action: (f) => `/groups/${f.groupSlug}/threads`,
    overrides: { title: 'A discussion of the matrix', body: 'Its opening post.' },
  },
  {
    name: 'reply in a discussion',
    allowed: ['owner'],
    formPage: (f) => `/groups/${f.groupSlug}/threads/${f.threadId}`,
    formViewer: 'owner',
    action: (f) => `/groups/${f.groupSlug}/threads/${f.threadId}/replies`,
    overrides: { body: 'A reply of the matrix.' },
  },
  {
    name: 'report a post',
    allowed: ['owner'],
    formPage: (f) => `/groups/${f.groupSlug}/threads/${f.threadId}`,
    formViewer: 'owner',
    action: (f) => `/groups/${f.groupSlug}/posts/${f.openingPostId}/report`,
    overrides: { reason: 'Off topic.' },
  },
  ...(['pin', 'lock'] as const).map(
    (flag): RouteCase => ({
      name: `${flag} a discussion`,
      allowed: ['owner', 'editor', 'admin'],
      formPage: (f) => `/groups/${f.groupSlug}/threads/${f.threadId}`,
      formViewer: 'owner',
      action: (f) => `/groups/${f.groupSlug}/threads/${f.threadId}/${flag}`,
    }),
  ),
  {
    name: 'hide a post',
    allowed: ['owner', 'editor', 'admin'],
    formPage: (f) => `/groups/${f.groupSlug}/threads/${f.threadId}`,
    formViewer: 'owner',
    action: (f) => `/groups/${f.groupSlug}/posts/${f.postId}/hide`,
    overrides: { reason: 'Personal details.' },
  },
  {
    name: 'show a hidden post again',
    allowed: ['owner', 'editor', 'admin'],
    formPage: (f) => `/groups/${f.groupSlug}/threads/${f.threadId}`,
    formViewer: 'owner',
    action: (f) => `/groups/${f.groupSlug}/posts/${f.hiddenPostId}/unhide`,
  },
  {
    name: 'resolve a report',
    allowed: ['owner', 'editor', 'admin'],
    formPage: (f) => `/groups/${f.groupSlug}/moderation`,
    formViewer: 'owner',
    action: (f) => `/groups/${f.groupSlug}/reports/${f.reportId}/resolve`,
  },
  ...(['approve', 'decline'] as const).map(
    (decision): RouteCase => ({
      name: `${decision} a request to join a group`,
      allowed: ['owner', 'editor', 'admin'],
      formPage: (f) => `/groups/${f.moderatedGroupSlug}/moderation`,
      formViewer: 'owner',
      action: (f) => `/groups/${f.moderatedGroupSlug}/requests/${f.victimId}/${decision}`,
    }),
  ),
  {
    name: "change a group member's role",
    allowed: ['owner', 'editor', 'admin'],
    formPage: (f) => `/groups/${f.groupSlug}/moderation`,
    formViewer: 'owner',
    action: (f) => `/groups/${f.groupSlug}/members/${f.victimId}/role`,
  },
  {
    name: 'remove a member from a group',
    allowed: ['owner', 'editor', 'admin'],
    formPage: (f) => `/groups/${f.groupSlug}/moderation`,
    formViewer: 'owner',
    action: (f) => `/groups/${f.groupSlug}/members/${f.victimId}/remove`,
    overrides: { reason: 'Insults.' },
  },
  {
    name: 'announce an event',
    allowed: editors,
    formPage: () => '/events/new',
    formViewer: 'editor',
    action: () => '/events/new',
    overrides: { title: 'Matrix forum', start_date: '2031-06-02', start_time: '10:00', end_time: '12:00', time_zone: 'Europe/Paris', country: 'FR' },
  },
  {
    name: 'change an event',
    allowed: editors,
    formPage: (f) => `/events/${f.eventId}/edit`,
    formViewer: 'editor',
    action: (f) => `/events/${f.eventId}/edit`,
    overrides: { title: 'Matrix webinar, changed' },
  },
  {
    name: 'register for an event',
    allowed: signedIn,
    formPage: (f) => `/events/${f.eventId}`,
    formViewer: 'owner',
    action: (f) => `/events/${f.eventId}/register`,
  },
  {
    name: 'cancel a registration',
    allowed: ['owner'],
    formPage: (f) => `/events/${f.registeredEventId}`,
    formViewer: 'owner',
    action: (f) => `/events/${f.registeredEventId}/cancel`,
  },
  {
    name: 'ask a city for an exchange',
    allowed: signedIn,
    formPage: () => '/exchanges/new?to=fr/lyon',
    formViewer: 'owner',
    action: () => '/exchanges',
    overrides: { kind: 'mentoring', theme: 'housing', message: 'A mentoring of the matrix?' },
  },
  {
    name: 'answer an exchange request',
    allowed: ['owner'],
    formPage: () => '/exchanges',
    formViewer: 'owner',
    action: (f) => `/exchanges/${f.incomingExchangeId}/decide`,
    overrides: { outcome: 'accepted', message: 'Welcome.' },
  },
  {
    name: 'withdraw an exchange request',
    allowed: ['owner'],
    formPage: () => '/exchanges',
    formViewer: 'owner',
    action: (f) => `/exchanges/${f.outgoingExchangeId}/withdraw`,
  },
  {
    name: 'name the practice that came out of an exchange',
    allowed: ['owner'],
    formPage: () => '/exchanges',
    formViewer: 'owner',
    action: (f) => `/exchanges/${f.acceptedExchangeId}/practice`,
    overrides: { practice: 'matrix-exchange-outcome' },
  },
  {
    name: "add a reviewer to a call's pool",
    allowed: ['admin'],
    formPage: (f) => `/calls/${f.reviewCallSlug}/review`,
    formViewer: 'admin',
    action: (f) => `/calls/${f.reviewCallSlug}/review/pool`,
    overrides: { email: spareReviewerEmail },
  },
  {
    name: "assign a call's reviewers automatically",
    allowed: ['admin'],
    formPage: (f) => `/calls/${f.reviewCallSlug}/review`,
    formViewer: 'admin',
    action: (f) => `/calls/${f.reviewCallSlug}/review/assign-balanced`,
  },
  {
    name: 'assign a reviewer by hand',
    allowed: ['admin'],
    formPage: (f) => `/calls/${f.reviewCallSlug}/review/applications/${f.openApplicationId}`,
    formViewer: 'admin',
    action: (f) => `/calls/${f.reviewCallSlug}/review/applications/${f.openApplicationId}/assign`,
    overrides: { email: spareReviewerEmail },
  },
  {
    name: 'decide on an application',
    allowed: ['admin'],
    formPage: (f) => `/calls/${f.reviewCallSlug}/review/applications/${f.openApplicationId}`,
    formViewer: 'admin',
    action: (f) => `/calls/${f.reviewCallSlug}/review/applications/${f.openApplicationId}/decision`,
    overrides: { decision: 'waiting_list', message: 'On the list.' },
  },
  {
    name: "release a call's decisions",
    allowed: ['admin'],
    formPage: (f) => `/calls/${f.releaseCallSlug}/review`,
    formViewer: 'admin',
    action: (f) => `/calls/${f.releaseCallSlug}/review/release`,
  },
  {
    name: 'declare a conflict of interest',
    allowed: ['owner'],
    formPage: (f) => `/reviews/${f.conflictApplicationId}`,
    formViewer: 'owner',
    action: (f) => `/reviews/${f.conflictApplicationId}/conflict`,
    overrides: { conflict: 'no' },
  },
  {
    name: 'score an application',
    allowed: ['owner'],
    formPage: (f) => `/reviews/${f.scoringApplicationId}`,
    formViewer: 'owner',
    action: (f) => `/reviews/${f.scoringApplicationId}`,
    overrides: { score_reach: '4', comment_reach: 'Wide reach.', score_venue: '3', comment_venue: 'Fine.', intent: 'submit' },
  },
  {
    name: 'open a call',
    allowed: ['admin'],
    formPage: () => '/calls/new',
    formViewer: 'admin',
    action: () => '/calls/new',
    overrides: { title: 'A call from the matrix' },
  },
  {
    name: 'edit a draft call',
    allowed: ['admin'],
    formPage: (f) => `/calls/${f.draftCallSlug}/edit`,
    formViewer: 'admin',
    action: (f) => `/calls/${f.draftCallSlug}/edit`,
    overrides: { title: 'An edited call from the matrix' },
  },
  {
    name: 'publish a call',
    allowed: ['admin'],
    formPage: (f) => `/calls/${f.draftCallSlug}`,
    formViewer: 'admin',
    action: (f) => `/calls/${f.draftCallSlug}/publish`,
  },
  {
    name: 'start an application',
    allowed: signedIn,
    formPage: (f) => `/calls/${f.freshCallSlug}/apply`,
    formViewer: 'owner',
    action: (f) => `/calls/${f.freshCallSlug}/apply`,
    overrides: { kind: 'city', name: 'Lyon', city: 'Lyon', country: 'FR' },
  },
  {
    name: 'save a page of an application',
    allowed: ['owner'],
    formPage: (f) => `/calls/${f.openCallSlug}/applications/${f.ownApplicationId}/step/1`,
    formViewer: 'owner',
    action: (f) => `/calls/${f.openCallSlug}/applications/${f.ownApplicationId}/step/1`,
    overrides: { a_q1: 'The library' },
  },
  {
    name: 'submit an application',
    allowed: ['owner'],
    formPage: (f) => `/calls/${f.openCallSlug}/applications/${f.ownApplicationId}`,
    formViewer: 'owner',
    action: (f) => `/calls/${f.openCallSlug}/applications/${f.ownApplicationId}/submit`,
  },
  {
    name: 'withdraw an application',
    allowed: ['owner'],
    formPage: (f) => `/calls/${f.openCallSlug}/applications/${f.ownApplicationId}`,
    formViewer: 'owner',
    action: (f) => `/calls/${f.openCallSlug}/applications/${f.ownApplicationId}/withdraw`,
  },
  {
    name: 'add a co-editor to an application',
    allowed: ['owner'],
    formPage: (f) => `/calls/${f.openCallSlug}/applications/${f.ownApplicationId}`,
    formViewer: 'owner',
    action: (f) => `/calls/${f.openCallSlug}/applications/${f.ownApplicationId}/editors`,
    overrides: (f) => ({ email: f.victimEmail }),
  },
  {
    name: 'propose a resource for the library',
    allowed: signedIn,
    formPage: () => '/resources/submit',
    formViewer: 'owner',
    action: () => '/resources/submit',
    overrides: {
      title: 'A toolkit from the matrix',
      type: 'toolkit',
      languages: 'en',
      themes: 'housing',
      abstract: 'What the matrix learnt.',
      url: 'https://example.org/matrix',
      action: 'save',
    },
  },
  {
    name: 'save a resource draft',
    allowed: ['owner'],
    formPage: (f) => `/resources/submissions/${f.resourceDraftId}`,
    formViewer: 'owner',
    action: (f) => `/resources/submissions/${f.resourceDraftId}`,
    overrides: { title: 'Changed title of the resource draft', action: 'save' },
  },
  {
    name: 'edit a published resource',
    allowed: editors,
    formPage: (f) => `/resources/${f.resourceSlug}/edit`,
    formViewer: 'editor',
    action: (f) => `/resources/${f.resourceSlug}/edit`,
    overrides: { title: 'An edited resource of the matrix' },
  },
];

for (const engine of testEngines()) {
  describe(`authorisation matrix (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;
    const clients = new Map<Actor, AccountClient>();
    const ids = new Map<Actor, number>();

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      app = createTestApp(db, { TRUST_PROXY: 'true', OUTBOX_DIR: `/tmp/ch-matrix-outbox-${process.pid}` });
      const roles: [Actor, Role][] = [
        ['owner', 'member'],
        ['other member', 'member'],
        ['editor', 'editor'],
        ['admin', 'admin'],
      ];
      for (const [actor, role] of roles) {
        const email = `${actor.replace(' ', '-')}-${Date.now()}@example.org`;
        ids.set(actor, await createUserWithRole(db, { email, role, name: `The ${actor}`, password }));
        const client = new AccountClient(app, { 'x-forwarded-for': `198.51.100.${++counter}` });
        const res = await client.submit('/login', '/login', { email, password });
        expect(res.status, `${actor} signs in`).toBe(303);
        clients.set(actor, client);
      }
      clients.set('anonymous', new AccountClient(app, { 'x-forwarded-for': '198.51.100.200' }));
    });
    afterAll(() => drop());

    const fixtures = () => contributionFixtures(db, ids.get('owner') as number);

    /** The fields the form on the case's page sends (as its viewer sees it), with the case's changes. */
    async function formFields(c: RouteCase, f: Fixtures): Promise<Record<string, string | string[]>> {
      const viewer = clients.get(c.formViewer) as AccountClient;
      const { res, html } = await viewer.page(c.formPage(f));
      expect(res.status, `${c.formViewer} sees the form of "${c.name}" at ${c.formPage(f)}`).toBe(200);
      const action = c.action(f);
      const form = formsOn(html).find((x) => x.method === 'post' && x.action.replace(/^\/(ar|zh|fr|ru|es|en)(?=\/)/, '') === action);
      expect(form, `a form posting to ${action} on ${c.formPage(f)}`).toBeDefined();
      return fieldsOf(form as NonNullable<typeof form>, typeof c.overrides === 'function' ? c.overrides(f) : c.overrides);
    }

    for (const c of cases) {
      it(`${c.name}: allowed for ${c.allowed.join(', ')} only`, async () => {
        for (const actor of actors) {
          const f = await fixtures();
          const fields = await formFields(c, f);
          const client = clients.get(actor) as AccountClient;
          const before = await fingerprint(db);
          const res = await client.submit(actor === 'anonymous' ? '/login' : '/account', c.action(f), fields);
          const where = `${actor} → POST ${c.action(f)}`;
          const toLogin = res.status === 303 && /\/login\?next=/.test(res.headers.get('location') ?? '');
          if (c.allowed.includes(actor)) {
            expect(res.status === 403 || toLogin, `${where} must not be refused (got ${res.status})`).toBe(false);
            expect(res.status, `${where} succeeds`).toBeLessThan(400);
            expect(await fingerprint(db), `${where} changes something`).not.toBe(before);
          } else {
            expect(
              actor === 'anonymous' ? toLogin || res.status === 403 : res.status === 403,
              `${where} is refused (got ${res.status} ${res.headers.get('location') ?? ''})`,
            ).toBe(true);
            expect(await fingerprint(db), `${where} changes nothing`).toBe(before);
          }
        }
      });
    }
  });
}
