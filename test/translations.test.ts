import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { readOutbox } from '../src/mail/outbox.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { practiceRecordSchema } from '../src/practices/practice.schema.ts';
import { AccountClient, mailHeader, signedInClient } from './support/account-client.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

const practice = practiceRecordSchema.parse({
  id: 'ghent-buddy-project',
  title: 'Buddy project for newcomers',
  summary: 'Residents are paired with newcomers for six months.',
  body: 'Pairs meet **every week**.',
  language: 'en',
  city: 'Ghent',
  country: 'BE',
  themes: ['social-cohesion'],
  translations: { fr: { title: 'Projet de parrainage', summary: 'Des habitants parrainent des nouveaux arrivants.', machine: true } },
});

for (const engine of testEngines()) {
  describe(`translating a practice (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let outbox: string;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'ch-outbox-'));
      app = createTestApp(db, { OUTBOX_DIR: outbox, TRUST_PROXY: 'true' });
      await db.transaction().execute((trx) => upsertPractice(trx, practice, { author: 'test', message: 'practice' }));
    });
    afterAll(async () => {
      await drop();
      fs.rmSync(outbox, { recursive: true, force: true });
    });

    const member = () => signedInClient(app, db, 'member', 'Noor Haddad');

    const formPage = (lang: string) => `/practices/${practice.id}/translate?lang=${lang}`;
    const action = `/practices/${practice.id}/translate`;
    const keyOf = (html: string) => /name="request_key" value="([^"]+)"/.exec(html)?.[1] as string;
    const translationsOf = (userId: number) => db.selectFrom('submissions').selectAll().where('submitter_id', '=', userId).execute();

    /** Posts the translation form as shown for a language, with fields replaced. */
    async function post(b: AccountClient, lang: string, fields: Record<string, string>) {
      const { html } = await b.page(formPage(lang));
      return b.submit(formPage(lang), action, { lang, request_key: keyOf(html), title: '', summary: '', body: '', license_consent: 'CC-BY-4.0', ...fields });
    }

    it('asks visitors to sign in and answers 404 for a practice that is not published', async () => {
      const anonymous = await new AccountClient(app).request(formPage('fr'));
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toContain('/login?next=');
      const { b } = await member();
      expect((await b.request('/practices/no-such-practice/translate')).status).toBe(404);
    });

    it('pre-fills the form from the translation there is, beside the original', async () => {
      const { b } = await member();
      const { res, html } = await b.page(formPage('fr'));
      expect(res.status).toBe(200);
      expect(html).toContain('value="Projet de parrainage"');
      expect(html).toContain('Des habitants parrainent des nouveaux arrivants.');
      expect(html).toMatch(/id="f-machine" name="machine" checked/);
      expect(html).toContain('Residents are paired with newcomers for six months.');
      expect(html).toContain('<strong>every week</strong>');
      // The language chooser offers any ISO 639-1 language but the original's.
      expect(html).toContain('<option value="sw"');
      expect(html).not.toContain('<option value="en"');
    });

    it('refuses the original language, an empty translation and oversized texts, keeping the input', async () => {
      const { b, id } = await member();
      const same = await post(b, 'fr', { lang: 'en', title: 'Buddy' });
      expect(same.status).toBe(400);
      expect(await same.text()).toContain('This is the language the practice is written in.');
      const empty = await post(b, 'de', {});
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('Translate at least one of the title, summary and description.');
      const long = await post(b, 'de', { title: 'Patenschaft', summary: 'S'.repeat(2001) });
      expect(long.status).toBe(400);
      const html = await long.text();
      expect(html).toContain('id="f-summary-error"');
      expect(html).toContain('value="Patenschaft"');
      expect(await translationsOf(id)).toHaveLength(0);
    });

    it('previews the description without sending anything', async () => {
      const { b, id } = await member();
      const res = await post(b, 'de', { body: 'Paare treffen sich **jede Woche**.', action: 'preview' });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<strong>jede Woche</strong>');
      expect(await translationsOf(id)).toHaveLength(0);
    });

    it('sends a translation straight to review, once however often the form is posted', async () => {
      const { b, id, email } = await member();
      const { html } = await b.page(formPage('fr'));
      const fields = {
        lang: 'fr',
        request_key: keyOf(html),
        title: 'Projet de parrainage pour nouveaux arrivants',
        summary: 'Des habitants accompagnent des nouveaux arrivants pendant six mois.',
        body: 'Les binômes se voient **chaque semaine**.',
        action: 'send',
      };
      // Without consent to the licence nothing is sent: the form comes back with the texts and the box asked for.
      const unconsented = await b.submit(formPage('fr'), action, fields);
      expect(unconsented.status).toBe(400);
      const refusedHtml = await unconsented.text();
      expect(refusedHtml).toContain('value="Projet de parrainage pour nouveaux arrivants"');
      expect(refusedHtml).toMatch(/name="license_consent"[^>]*aria-invalid="true"/);
      expect(await translationsOf(id)).toHaveLength(0);
      Object.assign(fields, { license_consent: 'CC-BY-4.0' });
      const [first, second] = await Promise.all([b.submit(formPage('fr'), action, fields), b.submit(formPage('fr'), action, fields)]);
      expect([first.status, second.status]).toEqual([303, 303]);
      expect(first.headers.get('location')).toBe('/my/submissions?done=sent');

      const rows = await translationsOf(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'translation', state: 'submitted', practice_id: practice.id, translation_language: 'fr', license: 'CC-BY-4.0' });
      expect(rows[0].license_agreed_at).toBeInstanceOf(Date);
      expect(rows[0].data).toEqual({ title: fields.title, summary: fields.summary, body: fields.body, machine: false });
      const audit = await db.selectFrom('audit_log').select('action').where('actor_user_id', '=', id).where('action', '=', 'submit').execute();
      expect(audit).toHaveLength(1);
      const mails = (await readOutbox(outbox)).filter((m) => mailHeader(m, 'To')?.includes(email));
      expect(mails).toHaveLength(1);

      const list = await b.page('/my/submissions');
      expect(list.html).toContain('Translation');
      expect(list.html).toContain('In review');
      expect(list.html).toContain('translated by a person');
    });

    it('marks a machine translation as such', async () => {
      const { b, id } = await member();
      expect((await post(b, 'es', { summary: 'Vecinos acompañan a recién llegados.', machine: 'on' })).status).toBe(303);
      const [row] = await translationsOf(id);
      expect(row.data).toEqual({ summary: 'Vecinos acompañan a recién llegados.', machine: true });
      expect((await b.page('/my/submissions')).html).toContain('machine translation');
    });

    it('lets the translator revise a translation an editor sent back, and sends it again', async () => {
      const { b, id } = await member();
      expect((await post(b, 'it', { title: 'Progetto di accompagnamento' })).status).toBe(303);
      const [row] = await translationsOf(id);
      await db
        .updateTable('submissions')
        .set({ state: 'changes_requested', decision_message: 'Please translate the summary too.' })
        .where('id', '=', row.id)
        .execute();

      const { html } = await b.page(formPage('it'));
      expect(html).toContain('Please translate the summary too.');
      expect(html).toContain('value="Progetto di accompagnamento"');
      expect(html).toContain(`name="submission" value="${row.id}"`);
      const revised = await b.submit(formPage('it'), action, {
        lang: 'it',
        request_key: keyOf(html),
        submission: String(row.id),
        version: /name="version" value="(\d+)"/.exec(html)?.[1] as string,
        title: 'Progetto di accompagnamento',
        summary: 'Residenti affiancano i nuovi arrivati per sei mesi.',
        body: '',
        license_consent: 'CC-BY-4.0',
      });
      expect(revised.status).toBe(303);
      const rows = await translationsOf(id);
      expect(rows).toHaveLength(1);
      expect(rows[0].state).toBe('submitted');
      expect(rows[0].data).toMatchObject({ summary: 'Residenti affiancano i nuovi arrivati per sei mesi.' });
    });
  });
}
