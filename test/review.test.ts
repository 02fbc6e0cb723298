import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import type { ContributionDeps, SessionAccount } from '../src/http/app-env.ts';
import { createMailer } from '../src/mail/mailer.ts';
import { createLogger } from '../src/shared/logger.ts';
import { createSubmission, findSubmission, type Submission } from '../src/submissions/submission.repo.ts';
import { transitionSubmission } from '../src/submissions/submission-workflow.ts';
import { AccountClient, linkInMail, mailHeader, mailText, signedInClient } from './support/account-client.ts';
import { startMailCatcher } from './support/mail-catcher.ts';
import { practiceDraft } from './support/practice-record.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

let counter = 0;
const unique = () => `${++counter}${Date.now().toString(36)}`;

/** A mail's subject with its MIME encoded words (=?UTF-8?Q?…?=) decoded. */
function subjectOf(raw: string): string {
  const header = mailHeader(raw, 'Subject') ?? '';
  return header.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=(?:\s+(?==\?))?/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** A complete practice draft, as the submission form leaves it (with a private leftover). */
function practiceData(title: string, overrides: Record<string, unknown> = {}) {
  return practiceDraft(title, {
    summary: 'A desk in the town hall where newcomers find every service in one place.',
    city: 'Turin',
    country: 'IT',
    themes: ['reception-and-welcoming'],
    _raw: { note: 'form leftovers' },
    ...overrides,
  });
}

for (const engine of testEngines()) {
  describe(`editors' review (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;
    let deps: ContributionDeps;
    let smtp: Awaited<ReturnType<typeof startMailCatcher>>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      smtp = await startMailCatcher();
      const env = { PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', SMTP_URL: smtp.url, TRUST_PROXY: 'true' };
      app = createTestApp(db, env);
      const config = loadConfig(env);
      const log = createLogger('silent');
      deps = { db, config, log, mailer: createMailer(config, log) };
    });
    afterAll(async () => {
      await smtp.close();
      await drop();
    });

    /** Creates an account with a role and signs it in through /login, from its own address. */
    async function signedIn(role: Role, name = `${role} ${unique()}`) {
      const { b, id, email } = await signedInClient(app, db, role, name);
      const account: SessionAccount = { userId: id, email, name, role, locale: 'en', sessionId: '', csrfToken: '' };
      return { b, id, email, name, account };
    }

    /** A submission sent to review by its submitter (as the submit form does), optionally sent `daysAgo`. */
    async function inReview(submitter: SessionAccount, data: Record<string, unknown>, daysAgo = 0) {
      const draft = await createSubmission(db, { kind: 'practice', submitterId: submitter.userId, data, step: 5 });
      await transitionSubmission(deps, { submission: draft, actor: submitter, as: 'submitter', to: 'submitted' });
      const sent = (await findSubmission(db, draft.id)) as Submission;
      if (daysAgo) {
        await db
          .updateTable('submissions')
          .set({ submitted_at: new Date(Date.now() - daysAgo * 86_400_000) })
          .where('id', '=', sent.id)
          .execute();
      }
      return sent;
    }

    const submissionRow = (id: number) =>
      db
        .selectFrom('submissions')
        .select(['state', 'assignee_id', 'decision_message', 'practice_id', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const eventCount = async (id: number) => (await db.selectFrom('submission_events').select('id').where('submission_id', '=', id).execute()).length;
    const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email));

    it('shows editors the queue oldest first, and refuses members and visitors', async () => {
      const editor = await signedIn('editor');
      const member = await signedIn('member');
      const tag = unique();
      const newer = await inReview(member.account, practiceData(`Newer desk ${tag}`), 2);
      const older = await inReview(member.account, practiceData(`Older desk ${tag}`), 45);

      const { res, html } = await editor.b.page('/review');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('no-store');
      expect(html).toContain('<caption');
      expect(html).toContain('scope="col"');
      expect(html).toMatch(/role="region" aria-labelledby="queue-caption"/);
      const at = (title: string) => html.indexOf(title);
      expect(at(`Older desk ${tag}`)).toBeGreaterThan(-1);
      expect(at(`Older desk ${tag}`)).toBeLessThan(at(`Newer desk ${tag}`));
      expect(html).toContain(`href="/submissions/${older.id}"`);
      expect(html).toContain('45 days');
      expect(html).toContain(member.name);

      expect((await member.b.request('/review')).status).toBe(403);
      const visitor = await new AccountClient(app).request('/review?theme=health');
      expect(visitor.status).toBe(303);
      expect(visitor.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/review?theme=health')}`);
      expect(newer.state).toBe('submitted');
    });

    it('filters the queue by state, theme, language, age and assignee, and says when nothing matches', async () => {
      const editor = await signedIn('editor');
      const member = await signedIn('member');
      const tag = unique();
      const health = await inReview(member.account, practiceData(`Clinic ${tag}`, { themes: ['health'] }), 10);
      const french = await inReview(member.account, practiceData(`Guichet ${tag}`, { language: 'fr' }), 40);
      const recent = await inReview(member.account, practiceData(`Recent ${tag}`), 1);
      const mine = await inReview(member.account, practiceData(`Mine ${tag}`), 100);
      await db.updateTable('submissions').set({ assignee_id: editor.id }).where('id', '=', mine.id).execute();
      const sentBack = await inReview(member.account, practiceData(`Sent back ${tag}`), 3);
      await transitionSubmission(deps, { submission: sentBack, actor: editor.account, as: 'editor', to: 'changes_requested', message: 'Add the budget.' });

      const titles = async (query: string) => {
        const { html } = await editor.b.page(`/review?${query}`);
        return ['Clinic', 'Guichet', 'Recent', 'Mine', 'Sent back'].filter((t) => html.includes(`${t} ${tag}`));
      };
      expect(await titles('')).toEqual(['Clinic', 'Guichet', 'Recent', 'Mine']);
      expect(await titles('state=changes_requested')).toEqual(['Sent back']);
      expect(await titles('theme=health')).toEqual(['Clinic']);
      expect(await titles('language=fr')).toEqual(['Guichet']);
      expect(await titles('age=7')).toEqual(['Clinic', 'Guichet', 'Mine']);
      expect(await titles('age=30')).toEqual(['Guichet', 'Mine']);
      expect(await titles('age=90')).toEqual(['Mine']);
      expect(await titles('assignee=me')).toEqual(['Mine']);
      expect(await titles('assignee=none')).toEqual(['Clinic', 'Guichet', 'Recent']);
      // An unknown value switches its filter off rather than failing.
      expect(await titles('theme=nonsense&age=12')).toEqual(['Clinic', 'Guichet', 'Recent', 'Mine']);

      const form = await editor.b.page('/review?theme=health&language=fr');
      expect(form.html).toContain('<option value="health" selected="">');
      expect(form.html).toContain('No submission matches these filters.');
      expect([health.id, french.id, recent.id].every(Number.isInteger)).toBe(true);
    });

    it('shows the submission to its submitter and to editors, and to nobody else', async () => {
      const editor = await signedIn('editor');
      const submitter = await signedIn('member');
      const other = await signedIn('member');
      await db.updateTable('users').set({ organization: 'Città di Torino' }).where('id', '=', submitter.id).execute();
      const title = `Private desk ${unique()}`;
      const s = await inReview(
        submitter.account,
        practiceData(title, { body: '**Bold** text', sources: [{ url: 'https://example.org/desk', title: 'Report' }] }),
      );

      const own = await submitter.b.page(`/submissions/${s.id}`);
      expect(own.res.status).toBe(200);
      expect(own.res.headers.get('cache-control')).toContain('no-store');
      expect(own.html).toContain(title);
      expect(own.html).toContain('In review');
      expect(own.html).toContain('<strong>Bold</strong>');
      expect(own.html).toContain('href="https://example.org/desk"');
      expect(own.html).toContain('Not filled in');
      expect(own.html).not.toContain('Città di Torino');
      expect(own.html).not.toContain('Publish');
      expect(own.html).not.toContain('form leftovers');

      const seen = await editor.b.page(`/submissions/${s.id}`);
      expect(seen.res.status).toBe(200);
      expect(seen.html).toContain('Città di Torino');
      expect(seen.html).toContain(`action="/submissions/${s.id}/publish"`);
      expect(seen.html).toContain(`action="/submissions/${s.id}/request-changes"`);
      expect(seen.html).toContain(`action="/submissions/${s.id}/reject"`);
      expect(seen.html).toContain('Assign to me');

      const refused = await other.b.page(`/submissions/${s.id}`);
      expect(refused.res.status).toBe(403);
      expect(refused.html).not.toContain(title);
      expect((await other.b.page('/submissions/999999999')).res.status).toBe(403);
      expect((await editor.b.page('/submissions/999999999')).res.status).toBe(404);

      const visitor = await new AccountClient(app).request(`/submissions/${s.id}`);
      expect(visitor.status).toBe(303);
      expect(visitor.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/submissions/${s.id}`)}`);
    });

    it('lets both sides write in the private thread, shown as text, each mailing the other side', async () => {
      const editor = await signedIn('editor');
      const submitter = await signedIn('member');
      const s = await inReview(submitter.account, practiceData(`Thread desk ${unique()}`));
      await db.updateTable('submissions').set({ assignee_id: editor.id }).where('id', '=', s.id).execute();
      const page = `/submissions/${s.id}`;

      const hostile = 'Is the <script>alert(1)</script> budget <b>final</b>?\nSecond line';
      const res = await submitter.b.submit(page, `${page}/comments`, { body: hostile });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`${page}?done=comment`);
      const toEditor = mailsTo(editor.email).at(-1);
      expect(toEditor && mailText(toEditor.raw)).toContain('budget <b>final</b>?');
      expect(toEditor && linkInMail(toEditor.raw, page)).toBe(`http://localhost:3000${page}`);

      const reply = await editor.b.submit(page, `${page}/comments`, { body: 'Yes, final since March.' });
      expect(reply.status).toBe(303);
      const toSubmitter = mailsTo(submitter.email).at(-1);
      expect(toSubmitter && subjectOf(toSubmitter.raw)).toContain('New message about');
      expect(toSubmitter && mailText(toSubmitter.raw)).toContain('Yes, final since March.');

      const { html } = await submitter.b.page(page);
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('Second line');
      expect(html.indexOf('budget &lt;b&gt;')).toBeLessThan(html.indexOf('Yes, final since March.'));
      expect(html).toContain(submitter.name);

      const before = await eventCount(s.id);
      const empty = await submitter.b.submit(page, `${page}/comments`, { body: '   ' });
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('Write a message before sending it.');
      const tooLong = await editor.b.submit(page, `${page}/comments`, { body: 'x'.repeat(5001) });
      expect(tooLong.status).toBe(400);
      const tooLongHtml = await tooLong.text();
      expect(tooLongHtml).toContain('at most 5,000 characters');
      expect(tooLongHtml).toContain('x'.repeat(5001));
      expect(await eventCount(s.id)).toBe(before);

      const other = await signedIn('member');
      expect((await other.b.submit('/account', `${page}/comments`, { body: 'Let me in' })).status).toBe(403);
      expect(await eventCount(s.id)).toBe(before);
    });

    it('assigns a submission to the editor and back, refusing a stale choice with 409', async () => {
      const editor = await signedIn('editor', 'Edda Editor');
      const second = await signedIn('editor');
      const member = await signedIn('member');
      const s = await inReview(member.account, practiceData(`Assigned desk ${unique()}`));
      const page = `/submissions/${s.id}`;

      const res = await editor.b.submit(page, `${page}/assign`, { assignee: 'me', expected: '' });
      expect(res.status).toBe(303);
      expect((await submissionRow(s.id)).assignee_id).toBe(editor.id);
      const { html } = await editor.b.page(`${page}?done=assigned`);
      expect(html).toContain('You are now the editor in charge of this submission.');
      expect(html).toContain('Edda Editor');
      expect((await editor.b.page('/review?assignee=me')).html).toContain(`href="${page}"`);

      // The second editor's page still said "nobody": taking it silently would override the first.
      const stale = await second.b.submit(page, `${page}/assign`, { assignee: 'me', expected: '' });
      expect(stale.status).toBe(409);
      expect(await stale.text()).toContain('Nothing was changed');
      expect((await submissionRow(s.id)).assignee_id).toBe(editor.id);
      expect((await second.b.submit(page, `${page}/assign`, { assignee: 'me', expected: String(editor.id) })).status).toBe(303);
      expect((await submissionRow(s.id)).assignee_id).toBe(second.id);

      expect((await second.b.submit(page, `${page}/assign`, { assignee: 'none', expected: String(second.id) })).status).toBe(303);
      expect((await submissionRow(s.id)).assignee_id).toBeNull();
    });

    it('asks for changes with a message the submitter reads on the page and by mail', async () => {
      const editor = await signedIn('editor');
      const submitter = await signedIn('member');
      const title = `Changes desk ${unique()}`;
      const s = await inReview(submitter.account, practiceData(title));
      const page = `/submissions/${s.id}`;

      const empty = await editor.b.submit(page, `${page}/request-changes`, { message: '' });
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('Say what should be changed.');
      expect((await submissionRow(s.id)).state).toBe('submitted');

      const message = 'Please add the yearly budget & the number of people served.';
      const res = await editor.b.submit(page, `${page}/request-changes`, { message });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`${page}?done=changes_requested`);
      const row = await submissionRow(s.id);
      expect(row.state).toBe('changes_requested');
      expect(row.decision_message).toBe(message);

      const { html } = await submitter.b.page(page);
      expect(html).toContain('Changes requested');
      expect(html).toContain('Changes asked for by the editor');
      expect(html).toContain('Please add the yearly budget &amp; the number of people served.');
      expect(html).toContain(`href="/submit/${s.id}/check"`);

      const mail = mailsTo(submitter.email).find((m) => subjectOf(m.raw).includes('Changes requested'));
      if (!mail) throw new Error('no mail asking for changes');
      expect(mailText(mail.raw)).toContain(message);
      expect(linkInMail(mail.raw, page)).toBe(`http://localhost:3000${page}`);

      // A second editor acting on the page they loaded earlier: the state no longer allows it.
      const again = await editor.b.submit(page, `${page}/request-changes`, { message: 'Also the dates.' });
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('it is now “Changes requested”');
      expect((await submissionRow(s.id)).decision_message).toBe(message);
    });

    it('rejects with a reason the submitter sees, mailed to them', async () => {
      const editor = await signedIn('editor');
      const submitter = await signedIn('member');
      const s = await inReview(submitter.account, practiceData(`Rejected desk ${unique()}`));
      const page = `/submissions/${s.id}`;
      const auditBefore = (await db.selectFrom('audit_log').select('id').where('action', '=', 'reject').execute()).length;

      expect((await editor.b.submit(page, `${page}/reject`, { reason: ' ' })).status).toBe(400);
      expect((await submissionRow(s.id)).state).toBe('submitted');

      const reason = 'This is a one-off event, not a practice others can adapt.';
      expect((await editor.b.submit(page, `${page}/reject`, { reason })).status).toBe(303);
      const row = await submissionRow(s.id);
      expect(row.state).toBe('rejected');
      expect(row.decision_message).toBe(reason);
      expect((await db.selectFrom('audit_log').select('id').where('action', '=', 'reject').execute()).length).toBe(auditBefore + 1);

      const { html } = await submitter.b.page(page);
      expect(html).toContain('Why it was not accepted');
      expect(html).toContain(reason);
      expect(html).not.toContain(`href="/submit/${s.id}/check"`);
      const mail = mailsTo(submitter.email).find((m) => subjectOf(m.raw).includes('was not accepted'));
      expect(mail && mailText(mail.raw)).toContain(reason);
      expect(mail && linkInMail(mail.raw, page)).toBe(`http://localhost:3000${page}`);

      const edited = await editor.b.page(page);
      expect(edited.html).toContain('No decision is left to take');
      expect((await editor.b.submit(page, `${page}/publish`, {})).status).toBe(409);
      expect((await submissionRow(s.id)).state).toBe('rejected');
    });

    it('refuses every editor action to members (the submitter included) with 403, changing nothing', async () => {
      const submitter = await signedIn('member');
      const other = await signedIn('member');
      const s = await inReview(submitter.account, practiceData(`Guarded desk ${unique()}`));
      const page = `/submissions/${s.id}`;
      const snapshot = async () => ({
        submission: await submissionRow(s.id),
        events: await eventCount(s.id),
        audit: (await db.selectFrom('audit_log').select('id').execute()).length,
        practices: (await db.selectFrom('practices').select('id').execute()).length,
        mails: smtp.mails.length,
      });
      const before = await snapshot();
      for (const who of [submitter, other]) {
        for (const [action, fields] of [
          ['assign', { assignee: 'me', expected: '' }],
          ['request-changes', { message: 'Change it' }],
          ['reject', { reason: 'No' }],
          ['publish', {}],
        ] as const) {
          const res = await who.b.submit('/account', `${page}/${action}`, fields);
          expect(res.status, `${who.name} POST ${action}`).toBe(403);
        }
      }
      expect(await snapshot()).toEqual(before);

      const visitor = new AccountClient(app);
      const anon = await visitor.submit('/login', `${page}/publish`, {});
      expect([303, 403]).toContain(anon.status);
      expect(await snapshot()).toEqual(before);
    });
  });
}
