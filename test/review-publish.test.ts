import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import type { ContributionDeps, SessionAccount } from '../src/http/app-env.ts';
import type { Mail } from '../src/mail/mailer.ts';
import { practiceIdCandidates } from '../src/review/published-record.ts';
import { createLogger } from '../src/shared/logger.ts';
import { createSubmission, findSubmission, type NewSubmission, type Submission } from '../src/submissions/submission.repo.ts';
import { transitionSubmission } from '../src/submissions/submission-workflow.ts';
import { type AccountClient, signedInClient } from './support/account-client.ts';
import { practiceDraft } from './support/practice-record.ts';
import { createTestDatabase, testEngines } from './support/test-db.ts';

let counter = 0;
const unique = () => `${++counter}${Date.now().toString(36)}`;

/** A complete practice draft, as the submission form leaves it (with a private leftover). */
function practiceData(title: string, overrides: Record<string, unknown> = {}) {
  return practiceDraft(title, {
    summary: 'Volunteers from the neighbourhood cook with newly arrived families once a week.',
    city: 'Turin',
    country: 'IT',
    themes: ['social-cohesion'],
    body: 'Every **Thursday** evening.',
    _raw: { started: 'twenty-twenty' },
    ...overrides,
  });
}

describe('ids of published practices', () => {
  it('slugs the title, then adds the city, then numbers', () => {
    const ids = practiceIdCandidates('Welcome desk', 'Turin');
    expect([ids.next().value, ids.next().value, ids.next().value, ids.next().value]).toEqual([
      'welcome-desk',
      'welcome-desk-turin',
      'welcome-desk-2',
      'welcome-desk-3',
    ]);
    expect(practiceIdCandidates('São Paulo’s Café — für alle!').next().value).toBe('sao-paulo-s-cafe-fur-alle');
    expect(practiceIdCandidates('欢迎中心', 'Shanghai').next().value).toBe('practice-shanghai');
    const long = practiceIdCandidates(`${'integration '.repeat(10)}end`).next().value as string;
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(long.endsWith('-')).toBe(false);
  });
});

for (const engine of testEngines()) {
  describe(`publishing submissions (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createApp>;
    let deps: ContributionDeps;
    const sent: Mail[] = [];

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', TRUST_PROXY: 'true' });
      const log = createLogger('silent');
      deps = { db, config, log, mailer: { send: async (m) => void sent.push(m) } };
      app = createApp(deps);
    });
    afterAll(() => drop());

    /** Creates an account with a role and signs it in through /login, from its own address. */
    async function signedIn(role: Role, name = `${role} ${unique()}`) {
      const { b, id, email } = await signedInClient(app, db, role, name);
      const account: SessionAccount = { userId: id, email, name, role, locale: 'en', sessionId: '', csrfToken: '' };
      return { b, id, email, name, account };
    }

    /** A submission sent to review by its submitter, as the submit and translate forms do. */
    async function inReview(submitter: SessionAccount, s: Omit<NewSubmission, 'submitterId' | 'step'>) {
      const draft = await createSubmission(db, { ...s, submitterId: submitter.userId, step: 5 });
      await transitionSubmission(deps, { submission: draft, actor: submitter, as: 'submitter', to: 'submitted' });
      return (await findSubmission(db, draft.id)) as Submission;
    }

    /** Publishes through the page as the editor; returns the response and the new practice id. */
    async function publish(editor: { b: AccountClient }, id: number) {
      const res = await editor.b.submit(`/submissions/${id}`, `/submissions/${id}/publish`, {});
      const row = await db.selectFrom('submissions').select(['state', 'practice_id']).where('id', '=', id).executeTakeFirstOrThrow();
      return { res, row };
    }

    const counts = async () => ({
      practices: (await db.selectFrom('practices').select('id').execute()).length,
      revisions: (await db.selectFrom('practice_revisions').select('id').execute()).length,
      audit: (await db.selectFrom('audit_log').select('id').execute()).length,
      events: (await db.selectFrom('submission_events').select('id').execute()).length,
    });

    it('publishes a practice: public, searchable, with a revision by the editor and an audit entry', async () => {
      const editor = await signedIn('editor', 'Petra Publisher');
      const submitter = await signedIn('member', 'Sami Submitter');
      const word = `kitchenette${unique().replace(/\d/g, '')}`;
      const s = await inReview(submitter.account, { kind: 'practice', data: practiceData(`Neighbourhood ${word} suppers`) });

      const { res, row } = await publish(editor, s.id);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/submissions/${s.id}?done=published`);
      expect(row.state).toBe('published');
      const id = row.practice_id as string;
      expect(id).toBe(`neighbourhood-${word.toLowerCase()}-suppers`);

      const page = await app.request(`/practices/${id}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`Neighbourhood ${word} suppers`);
      expect(html).toContain('<strong>Thursday</strong>');

      const stored = await db.selectFrom('practices').select(['record']).where('id', '=', id).executeTakeFirstOrThrow();
      const record = stored.record as Record<string, unknown>;
      expect(record._raw).toBeUndefined();
      expect(record.updated).toBe(new Date().toISOString().slice(0, 10));

      const search = await app.request(`/practices?q=${word}`);
      expect(await search.text()).toContain(`href="/practices/${id}"`);

      const revisions = await db.selectFrom('practice_revisions').select(['author', 'author_id', 'kind', 'message']).where('practice_id', '=', id).execute();
      expect(revisions).toEqual([
        { author: 'Petra Publisher', author_id: editor.id, kind: 'publish', message: `Published from submission #${s.id} by Sami Submitter` },
      ]);
      const audit = await db.selectFrom('audit_log').select(['actor_user_id', 'target']).where('action', '=', 'publish').where('target', '=', id).execute();
      expect(audit).toEqual([{ actor_user_id: editor.id, target: id }]);
      expect(sent.some((m) => m.to === submitter.email && m.subject.includes('is published'))).toBe(true);

      const seen = await submitter.b.page(`/submissions/${s.id}`);
      expect(seen.html).toContain('Published');
      expect(seen.html).toContain(`href="/practices/${id}"`);

      // The same title again: the city tells the two apart.
      const twin = await inReview(submitter.account, { kind: 'practice', data: practiceData(`Neighbourhood ${word} suppers`) });
      expect((await publish(editor, twin.id)).row.practice_id).toBe(`${id}-turin`);
    });

    it('publishes an adaptation with its lineage shown on both practices', async () => {
      const editor = await signedIn('editor');
      const submitter = await signedIn('member');
      const tag = unique();
      const original = await inReview(submitter.account, { kind: 'practice', data: practiceData(`Original suppers ${tag}`) });
      const originalId = (await publish(editor, original.id)).row.practice_id as string;

      const adaptation = await inReview(submitter.account, {
        kind: 'practice',
        adaptedFromId: originalId,
        data: practiceData(`Lyon suppers ${tag}`, {
          city: 'Lyon',
          country: 'FR',
          language: 'fr',
          adapted_from: [{ id: originalId, changes: 'We cook in the library instead.' }],
        }),
      });
      const editorView = await editor.b.page(`/submissions/${adaptation.id}`);
      expect(editorView.html).toContain('Adaptation');
      expect(editorView.html).toContain(`href="/practices/${originalId}"`);
      expect(editorView.html).toContain('We cook in the library instead.');

      const { res, row } = await publish(editor, adaptation.id);
      expect(res.status).toBe(303);
      const adaptedId = row.practice_id as string;

      const originalPage = await (await app.request(`/practices/${originalId}`)).text();
      expect(originalPage).toContain('Adapted by');
      expect(originalPage).toContain(`href="/practices/${adaptedId}"`);
      const adaptedPage = await (await app.request(`/practices/${adaptedId}`)).text();
      expect(adaptedPage).toContain('Adapted from');
      expect(adaptedPage).toContain(`href="/practices/${originalId}"`);
      expect(adaptedPage).toContain('We cook in the library instead.');
    });

    it('publishes translations into the practice, marked human or machine, as revisions of kind translation', async () => {
      const editor = await signedIn('editor');
      const submitter = await signedIn('member');
      const tag = unique();
      const original = await inReview(submitter.account, { kind: 'practice', data: practiceData(`Translated suppers ${tag}`) });
      const practiceId = (await publish(editor, original.id)).row.practice_id as string;

      const fr = await inReview(submitter.account, {
        kind: 'translation',
        practiceId,
        translationLanguage: 'fr',
        data: { title: `Dîners de quartier ${tag}`, summary: 'Des bénévoles cuisinent avec des familles.', body: 'Chaque **jeudi** soir.', machine: false },
      });
      const review = await editor.b.page(`/submissions/${fr.id}`);
      expect(review.html).toContain(`Translated suppers ${tag}`);
      expect(review.html).toContain(`Dîners de quartier ${tag}`);
      expect(review.html).toContain('A person');

      const { res, row } = await publish(editor, fr.id);
      expect(res.status).toBe(303);
      expect(row.practice_id).toBe(practiceId);
      const page = await (await app.request(`/practices/${practiceId}?lang=fr`)).text();
      expect(page).toContain(`Dîners de quartier ${tag}`);
      expect(page).toContain('made by a person');
      const revision = await db
        .selectFrom('practice_revisions')
        .select(['kind', 'author_id', 'message'])
        .where('practice_id', '=', practiceId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(revision).toEqual({ kind: 'translation', author_id: editor.id, message: `Translation into fr from submission #${fr.id}` });

      // A machine translation of the summary only keeps the title a person translated before.
      const better = await inReview(submitter.account, {
        kind: 'translation',
        practiceId,
        translationLanguage: 'fr',
        data: { summary: 'Résumé revu par la machine.', machine: true },
      });
      expect((await publish(editor, better.id)).res.status).toBe(303);
      const stored = await db.selectFrom('practices').select('record').where('id', '=', practiceId).executeTakeFirstOrThrow();
      expect((stored.record as { translations: Record<string, unknown> }).translations.fr).toEqual({
        title: `Dîners de quartier ${tag}`,
        summary: 'Résumé revu par la machine.',
        body: 'Chaque **jeudi** soir.',
        machine: true,
      });
      expect(await (await app.request(`/practices/${practiceId}?lang=fr`)).text()).toContain('machine translation');
    });

    it('refuses to publish an invalid record with 400, listing the problems, and writes nothing', async () => {
      const editor = await signedIn('editor');
      const submitter = await signedIn('member');
      const s = await inReview(submitter.account, {
        kind: 'practice',
        data: practiceData(`Broken ${unique()}`, { themes: [], country: 'XX', sources: [{ url: 'javascript:alert(1)' }] }),
      });
      const before = await counts();
      const { res, row } = await publish(editor, s.id);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('problems prevent publishing');
      expect(html).toContain('Themes: not valid');
      expect(html).toContain('Country: not valid');
      expect(html).toContain('Sources (sources.0.url): not valid');
      expect(html).toContain(`action="/submissions/${s.id}/request-changes"`);
      expect(row).toEqual({ state: 'submitted', practice_id: null });
      expect(await counts()).toEqual(before);

      const missing = await inReview(submitter.account, { kind: 'practice', data: { title: `Half done ${unique()}`, language: 'en' } });
      const second = await publish(editor, missing.id);
      expect(second.res.status).toBe(400);
      expect(await second.res.text()).toContain('Summary: missing');
    });

    it('answers a second publish with 409 and keeps one practice', async () => {
      const editor = await signedIn('editor');
      const other = await signedIn('editor');
      const submitter = await signedIn('member');
      const title = `Published once ${unique()}`;
      const s = await inReview(submitter.account, { kind: 'practice', data: practiceData(title) });
      const token = await other.b.tokenFrom(`/submissions/${s.id}`);

      expect((await publish(editor, s.id)).res.status).toBe(303);
      const before = await counts();
      const late = await other.b.submit(`/submissions/${s.id}`, `/submissions/${s.id}/publish`, {}, { token });
      expect(late.status).toBe(409);
      expect(await late.text()).toContain('Someone acted on this submission first: it is now “Published”.');
      expect(await counts()).toEqual(before);
      expect((await db.selectFrom('practices').select('id').where('title', '=', title).execute()).length).toBe(1);
    });

    it('refuses members publishing, even their own submission, and writes nothing', async () => {
      const submitter = await signedIn('member');
      const s = await inReview(submitter.account, { kind: 'practice', data: practiceData(`Self-published ${unique()}`) });
      const before = await counts();
      const res = await submitter.b.submit(`/submissions/${s.id}`, `/submissions/${s.id}/publish`, {});
      expect(res.status).toBe(403);
      expect(await counts()).toEqual(before);
      expect((await db.selectFrom('submissions').select('state').where('id', '=', s.id).executeTakeFirstOrThrow()).state).toBe('submitted');
    });
  });
}
