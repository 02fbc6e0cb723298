import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { createSubmission, findSubmission, saveDraft } from '../src/submissions/submission.repo.ts';
import { signedInClient } from './support/account-client.ts';
import { practiceDraft } from './support/practice-record.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

/** The draft version a page's form carries. */
const versionOf = (html: string) => parse(html).querySelector('form[action$="/send"] input[name="version"]')?.getAttribute('value') ?? '';

for (const engine of testEngines()) {
  describe(`licensed contributions (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      app = createTestApp(db);
    });
    afterAll(() => drop());

    it('sends a practice only with consent to CC BY 4.0, compares a resubmission with what was sent back, and credits it in the history', async () => {
      const member = await signedInClient(app, db, 'member', 'Mira Member');
      const editor = await signedInClient(app, db, 'editor', 'Edda Editor');
      const draft = practiceDraft('Open kitchens for newcomers', {
        summary: 'Neighbours cook with newly arrived families every week.',
        city: 'Lisbon',
        country: 'PT',
        themes: ['social-cohesion'],
      });
      const { id } = await createSubmission(db, { kind: 'practice', submitterId: member.id, data: draft, step: 5 });
      const check = `/submit/${id}/check`;

      // The read-back page asks for consent; sending without it is refused with the message by the box, nothing sent.
      const page = await member.b.page(check);
      expect(page.html).toContain('name="license_consent" value="CC-BY-4.0"');
      const refused = await member.b.submit(check, `/submit/${id}/send`, { version: versionOf(page.html) });
      expect(refused.status).toBe(400);
      const refusedDoc = parse(await refused.text());
      expect(refusedDoc.querySelector('#f-license_consent-error')?.text).toContain('Tick this box to send the practice');
      expect(refusedDoc.querySelector('#f-license_consent')?.getAttribute('aria-invalid')).toBe('true');
      expect(refusedDoc.querySelector('#f-license_consent')?.hasAttribute('checked')).toBe(false);
      expect((await findSubmission(db, id))?.state).toBe('draft');

      const sent = await member.b.submit(check, `/submit/${id}/send`, { version: versionOf(page.html), license_consent: 'CC-BY-4.0' });
      expect(sent.status).toBe(303);
      const first = await findSubmission(db, id);
      expect(first).toMatchObject({ state: 'submitted', license: 'CC-BY-4.0' });
      expect(first?.licenseAgreedAt).toBeInstanceOf(Date);

      // The editor sends it back; the submitter rewrites the summary and sends it again.
      const review = `/submissions/${id}`;
      expect((await editor.b.submit(review, `${review}/request-changes`, { message: 'Say how often.' })).status).toBe(303);
      const back = await findSubmission(db, id);
      const revised = { ...back?.data, summary: 'Neighbours cook with newly arrived families every Thursday evening.' };
      expect(await saveDraft(db, id, { data: revised, step: 5 }, back?.version ?? 0)).toBe(true);
      const again = await member.b.page(check);
      expect((await member.b.submit(check, `/submit/${id}/send`, { version: versionOf(again.html), license_consent: 'CC-BY-4.0' })).status).toBe(303);

      // The editor sees what changed, word by word; the submitter's own page does not carry the comparison.
      const editorView = parse((await editor.b.page(review)).html);
      const changes = editorView.querySelector('.review-resubmission');
      expect(changes?.querySelector('h2')?.text).toBe('What changed since changes were requested');
      expect(changes?.querySelector('del')?.text).toContain('week');
      expect(
        changes
          ?.querySelectorAll('ins')
          .map((n) => n.text)
          .join(' '),
      ).toContain('Thursday');
      expect(editorView.querySelector('.review-consent')?.text).toContain('agreed to publication under Creative Commons Attribution 4.0 (CC BY 4.0)');
      expect((await member.b.page(review)).html).not.toContain('review-resubmission');

      // Published: the history credits the submitter (unnamed: no public profile) and the consent, beside the editor.
      expect((await editor.b.submit(review, `${review}/publish`, {})).status).toBe(303);
      const practiceId = (await findSubmission(db, id))?.practiceId;
      const history = parse(await (await app.request(`/practices/${practiceId}/history`)).text());
      const credit = history.querySelector('.revision-credit')?.text ?? '';
      expect(credit).toContain('Submitted by a member without a public profile (not named)');
      expect(credit).toMatch(/Published under Creative Commons Attribution 4\.0 \(CC BY 4\.0\) with the submitter’s consent of \d{4}-\d{2}-\d{2}/);
      expect(history.querySelector('.history-table')?.text).toContain('Edda Editor');

      // With a public profile, the history and the practice's citation name the submitter.
      await db
        .updateTable('users')
        .set({ profile_public: true, profile_slug: 'mira-member', profile_published_at: new Date() })
        .where('id', '=', member.id)
        .execute();
      const named = parse(await (await app.request(`/practices/${practiceId}/history`)).text());
      expect(named.querySelector('.revision-credit a')?.getAttribute('href')).toBe('/people/mira-member');
      expect(named.querySelector('.revision-credit')?.text).toContain('Submitted by Mira Member');
      const practicePage = parse(await (await app.request(`/practices/${practiceId}`)).text());
      expect(practicePage.querySelectorAll('meta[name="citation_author"]').map((m) => m.getAttribute('content'))).toContain('Mira Member');
    });
  });
}
