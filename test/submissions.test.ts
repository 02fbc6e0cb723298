import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { readOutbox } from '../src/mail/outbox.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { practiceRecordSchema } from '../src/practices/practice.schema.ts';
import { AccountClient, mailHeader, mailText, testPassword as password, signedInClient } from './support/account-client.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

/** The five steps of a complete practice, as a browser posts them. */
const steps: Record<number, Record<string, string | string[]>> = {
  1: {
    title: 'Welcome desks in public libraries',
    summary: 'Libraries host weekly desks where newcomers get help with forms.',
    language: 'en',
    themes: ['reception-and-welcoming', 'education'],
    status: 'ongoing',
    started: '2018',
    ended: '',
  },
  2: {
    level: 'local',
    city: 'Lyon',
    country: 'FR',
    location_lat: '',
    location_lon: '',
    actor_types: ['local-government'],
    lead_organization: 'City library',
    partner_name: ['Red Cross', ''],
    partner_support: ['financial', ''],
    target_groups: 'newcomers, families',
  },
  3: { challenge: 'Forms are hard to fill in alone.', approach: 'Trained **volunteers** sit with people.', body: '' },
  4: { outcomes: '1,200 visits a year.', evaluation: '', lessons: 'What did not work: evening hours.', transferability: '', evidence_level: '2' },
  5: { source_url: ['https://example.org/report', ''], source_title: ['Annual report', ''] },
};

const original = practiceRecordSchema.parse({
  id: 'turin-welcome-desk',
  title: 'Welcome desk at the registry office',
  summary: 'A desk for newcomers at the registry office.',
  language: 'en',
  city: 'Turin',
  country: 'IT',
  themes: ['reception-and-welcoming'],
});

for (const engine of testEngines()) {
  describe(`submitting a practice (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let outbox: string;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'ch-outbox-'));
      app = createTestApp(db, { OUTBOX_DIR: outbox, TRUST_PROXY: 'true' });
      await db.transaction().execute((trx) => upsertPractice(trx, original, { author: 'test', message: 'original' }));
    });
    afterAll(async () => {
      await drop();
      fs.rmSync(outbox, { recursive: true, force: true });
    });

    /** A member signed in through /login, in a browser of their own address. */
    const member = (name = 'Léa Martin') => signedInClient(app, db, 'member', name);

    const row = (id: number) => db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const keyOf = (html: string) => /name="request_key" value="([^"]+)"/.exec(html)?.[1] as string;
    const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] as string;
    const idFrom = (location: string | null) => Number(/\/submit\/(\d+)\//.exec(location ?? '')?.[1]);

    /** Starts a practice (or an adaptation) from step 1 and returns its id. */
    async function start(b: AccountClient, fields: Record<string, string | string[]> = steps[1], adapt?: string) {
      const form = adapt ? `/submit?adapt=${adapt}` : '/submit';
      const { html } = await b.page(form);
      const res = await b.submit(form, '/submit', { request_key: keyOf(html), ...(adapt ? { adapt } : {}), ...fields, action: 'next' });
      expect(res.status).toBe(303);
      return idFrom(res.headers.get('location'));
    }

    /** Posts one step of a draft with the version its page shows. */
    async function postStep(b: AccountClient, id: number, n: number, fields: Record<string, string | string[]>, action = 'next') {
      const page = `/submit/${id}/step/${n}`;
      const { html } = await b.page(page);
      return b.submit(page, page, { version: versionOf(html), ...fields, action });
    }

    it('saves every step, and the draft is there to continue after signing out and in again', async () => {
      const { b, email } = await member();
      const first = await b.page('/submit');
      expect(first.res.status).toBe(200);
      expect(first.html).toContain('aria-current="step"');
      expect(await db.selectFrom('submissions').select('id').execute()).toHaveLength(0);

      const id = await start(b);
      expect((await row(id)).title).toBe('Welcome desks in public libraries');
      const toStep3 = await postStep(b, id, 2, steps[2]);
      expect(toStep3.headers.get('location')).toBe(`/submit/${id}/step/3`);
      const saved = await row(id);
      expect(saved.data).toMatchObject({
        city: 'Lyon',
        country: 'FR',
        partners: [{ name: 'Red Cross', support: 'financial' }],
        target_groups: ['newcomers', 'families'],
      });
      expect(saved.step).toBe(3);

      await b.submit('/account', '/logout', {});
      const again = new AccountClient(app, { 'x-forwarded-for': '192.0.2.251' });
      expect((await again.submit('/login', '/login', { email, password })).status).toBe(303);
      const mine = await again.page('/my/submissions');
      expect(mine.html).toContain('Welcome desks in public libraries');
      expect(mine.html).toContain('Draft');
      expect(mine.html).toContain(`href="/submit/${id}/step/3"`);
      const resumed = await again.page(`/submit/${id}/step/2`);
      expect(resumed.html).toContain('value="Lyon"');
      expect(resumed.html).toContain('value="Red Cross"');
      expect(resumed.html).toMatch(/<option value="FR" selected/);
    });

    it('shows problems next to the fields with what was typed, and keeps it in the draft', async () => {
      const { b } = await member();
      const long = 'A'.repeat(250);
      const { html: form } = await b.page('/submit');
      const res = await b.submit('/submit', '/submit', { request_key: keyOf(form), ...steps[1], title: long, started: '2020', ended: '2010', action: 'next' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('id="f-title-error"');
      expect(html).toContain('The title must be 3 to 200 characters long.');
      expect(html).toContain(`value="${long}"`);
      expect(html).toContain('The year it ended cannot be before the year it started.');
      expect(html).toContain('value="2010"');

      const [draft] = await db.selectFrom('submissions').selectAll().where('request_key', '=', keyOf(form)).execute();
      expect(draft.data).toMatchObject({ summary: steps[1].summary, started: 2020, _raw: { basics: { title: long, ended: '2010' } } });
      expect(draft.data).not.toHaveProperty('title');
      // Resuming shows what was typed, with its problems, until it is corrected.
      const resumed = await b.page(`/submit/${draft.id}/step/1`);
      expect(resumed.html).toContain(`value="${long}"`);
      expect(resumed.html).toContain('The title must be 3 to 200 characters long.');

      const bad = await postStep(b, draft.id, 5, { source_url: ['notaurl', ''], source_title: ['Report', ''] });
      expect(bad.status).toBe(400);
      const badHtml = await bad.text();
      expect(badHtml).toContain('id="f-source_url-0-error"');
      expect(badHtml).toContain('Enter a full web address starting with http:// or https://.');
      expect(badHtml).toContain('value="notaurl"');
      expect((await row(draft.id)).data).not.toHaveProperty('sources');

      const tooLong = await postStep(b, draft.id, 3, { challenge: 'x'.repeat(50_001), approach: '', body: '' });
      expect(tooLong.status).toBe(400);
      expect(await tooLong.text()).toContain('This is longer than allowed. Shorten it.');

      const fixed = await postStep(b, draft.id, 1, steps[1]);
      expect(fixed.status).toBe(303);
      expect((await row(draft.id)).data).toMatchObject({ title: steps[1].title, started: 2018 });
      expect(((await row(draft.id)).data as { _raw: object })._raw).not.toHaveProperty('basics');
    });

    it('creates one draft when the first step is posted twice with the same key', async () => {
      const { b, id: userId } = await member();
      const { html } = await b.page('/submit');
      const fields = { request_key: keyOf(html), ...steps[1], action: 'next' };
      const [a, c] = await Promise.all([b.submit('/submit', '/submit', fields), b.submit('/submit', '/submit', fields)]);
      const again = await b.submit('/submit', '/submit', fields);
      expect([a.status, c.status, again.status]).toEqual([303, 303, 303]);
      expect(new Set([a, c, again].map((r) => r.headers.get('location'))).size).toBe(1);
      expect(await db.selectFrom('submissions').select('id').where('submitter_id', '=', userId).execute()).toHaveLength(1);
    });

    it('keeps another member out of a draft: nothing shown, nothing changed', async () => {
      const owner = await member();
      const id = await start(owner.b);
      const before = await row(id);
      const other = await member('Someone Else');
      for (const path of [`/submit/${id}/step/1`, `/submit/${id}/step/2`, `/submit/${id}/check`, `/submit/${id}/withdraw`]) {
        const res = await other.b.request(path);
        expect(res.status, path).toBe(403);
        expect(await res.text()).not.toContain(steps[1].title as string);
      }
      const token = await other.b.tokenFrom('/submit');
      for (const [path, fields] of [
        [`/submit/${id}/step/1`, { version: String(before.version), ...steps[1], title: 'Taken over', action: 'next' }],
        [`/submit/${id}/send`, { version: String(before.version) }],
        [`/submit/${id}/withdraw`, {}],
      ] as const) {
        expect((await other.b.submit('/submit', path, fields, { token })).status, path).toBe(403);
      }
      expect(await row(id)).toEqual(before);

      const anonymous = await new AccountClient(app).request(`/submit/${id}/step/1`);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/submit/${id}/step/1`)}`);
    });

    it('sends to review only a complete draft: state, thread, audit and a mail to the submitter', async () => {
      const { b, email, id: userId } = await member();
      const id = await start(b);
      const incomplete = await b.page(`/submit/${id}/check`);
      expect(incomplete.html).toMatch(/things? to complete before sending/);
      expect(incomplete.html).toContain(`href="/submit/${id}/step/2#f-country"`);
      expect(incomplete.html).not.toContain(`action="/submit/${id}/send"`);
      const refused = await b.submit('/submit', `/submit/${id}/send`, { version: String((await row(id)).version) });
      expect(refused.status).toBe(400);
      expect((await row(id)).state).toBe('draft');

      for (const n of [2, 3, 4, 5]) expect((await postStep(b, id, n, steps[n])).status).toBe(303);
      const review = await b.page(`/submit/${id}/check`);
      expect(review.html).toContain('Lyon');
      expect(review.html).toContain('<strong>volunteers</strong>');
      expect(review.html).toContain(`href="/submit/${id}/step/4"`);
      // The read-back page's former address still leads there, for old bookmarks, in the page's language.
      const moved = await b.request(`/submit/${id}/review`);
      expect(moved.status).toBe(308);
      expect(moved.headers.get('location')).toBe(`/submit/${id}/check`);
      expect((await b.request(`/fr/submit/${id}/review`)).headers.get('location')).toBe(`/fr/submit/${id}/check`);
      const sent = await b.submit(`/submit/${id}/check`, `/submit/${id}/send`, { version: versionOf(review.html), license_consent: 'CC-BY-4.0' });
      expect(sent.status).toBe(303);
      expect(sent.headers.get('location')).toBe('/my/submissions?done=sent');

      const after = await row(id);
      expect(after.state).toBe('submitted');
      expect(after.submitted_at).not.toBeNull();
      expect(after.data).not.toHaveProperty('_raw');
      const events = await db.selectFrom('submission_events').selectAll().where('submission_id', '=', id).execute();
      expect(events.map((e) => e.state)).toEqual(['submitted']);
      const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'submit').where('actor_user_id', '=', userId).execute();
      expect(audit).toHaveLength(1);
      const mails = (await readOutbox(outbox)).filter((m) => mailHeader(m, 'To')?.includes(email));
      expect(mails).toHaveLength(1);
      expect(mailText(mails[0])).toContain(`/submissions/${id}`);

      const list = await b.page('/my/submissions?done=sent');
      expect(list.html).toContain('has been sent to the editors');
      expect(list.html).toContain('In review');
      expect(list.html).not.toContain(`href="/submit/${id}/step/`);
      // A submission in review is no longer the submitter's to change.
      const closed = await b.request(`/submit/${id}/step/1`);
      expect(closed.status).toBe(303);
      expect(closed.headers.get('location')).toBe(`/submissions/${id}`);
      const late = await b.submit('/submit', `/submit/${id}/step/1`, { version: String(after.version), ...steps[1], title: 'Changed late' });
      expect(late.status).toBe(409);
      expect((await row(id)).data).toEqual(after.data);
    });

    it('refuses a save from a page opened before another save (two tabs), keeping what was typed', async () => {
      const { b } = await member();
      const id = await start(b);
      const page = `/submit/${id}/step/2`;
      const { html } = await b.page(page);
      const version = versionOf(html);
      expect((await b.submit(page, page, { version, ...steps[2], action: 'save' })).status).toBe(303);
      const second = await b.submit(page, page, { version, ...steps[2], city: 'Villeurbanne', action: 'save' });
      expect(second.status).toBe(409);
      const body = await second.text();
      expect(body).toContain('value="Villeurbanne"');
      expect(body).toContain('changed in another window or tab');
      expect((await row(id)).data).toMatchObject({ city: 'Lyon' });
      // Saving again from the conflict page replaces the other version.
      const retry = await b.submit(page, page, { version: versionOf(body), ...steps[2], city: 'Villeurbanne', action: 'save' });
      expect(retry.status).toBe(303);
      expect((await row(id)).data).toMatchObject({ city: 'Villeurbanne' });
    });

    it('takes a double click on "Save and continue" as one save, not a conflict', async () => {
      const { b } = await member();
      const id = await start(b);
      const page = `/submit/${id}/step/2`;
      const { html } = await b.page(page);
      const fields = { version: versionOf(html), ...steps[2], action: 'next' };
      const first = await b.submit(page, page, fields);
      const second = await b.submit(page, page, fields);
      expect([first.status, second.status]).toEqual([303, 303]);
      expect(second.headers.get('location')).toBe(`/submit/${id}/step/3`);
      expect((await row(id)).data).toMatchObject({ city: 'Lyon' });
    });

    it('previews Markdown under its field and saves the step', async () => {
      const { b } = await member();
      const id = await start(b);
      const res = await postStep(b, id, 3, { ...steps[3], approach: 'Step one: **listen**.\n\n<script>alert(1)</script>' }, 'preview');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<strong>listen</strong>');
      expect(html).not.toContain('<script>alert(1)</script>');
      expect((await row(id)).data).toMatchObject({ approach: expect.stringContaining('**listen**') });
    });

    it('withdraws a draft after asking once', async () => {
      const { b } = await member();
      const id = await start(b);
      const ask = await b.page(`/submit/${id}/withdraw`);
      expect(ask.html).toContain('Do you want to withdraw');
      const res = await b.submit(`/submit/${id}/withdraw`, `/submit/${id}/withdraw`, {});
      expect(res.headers.get('location')).toBe('/my/submissions?done=withdrawn');
      expect((await row(id)).state).toBe('withdrawn');
      expect((await b.page('/my/submissions')).html).toContain('Withdrawn');
    });

    it('adapts a published practice: the draft is linked to it and carries what changed', async () => {
      const { b } = await member();
      expect((await b.request('/submit?adapt=no-such-practice')).status).toBe(404);
      const form = await b.page(`/submit?adapt=${original.id}`);
      expect(form.html).toContain('You are adapting:');
      expect(form.html).toContain(original.title);
      expect(form.html).toContain('(Turin, Italy)');
      expect(form.html).toContain('name="adapt_changed"');

      const id = await start(b, { ...steps[1], adapt_kept: 'The desk itself.', adapt_changed: '', adapt_why: '' }, original.id);
      expect((await row(id)).adapted_from_id).toBe(original.id);
      for (const n of [2, 3, 4, 5]) expect((await postStep(b, id, n, steps[n])).status).toBe(303);
      const missing = await b.page(`/submit/${id}/check`);
      expect(missing.html).toContain('Say what you changed compared with the original.');
      expect(missing.html).not.toContain(`action="/submit/${id}/send"`);

      expect(
        (
          await postStep(b, id, 1, {
            ...steps[1],
            adapt_kept: 'The desk itself.',
            adapt_changed: 'It is in libraries, not the registry.',
            adapt_why: 'Libraries are open longer.',
          })
        ).status,
      ).toBe(303);
      const review = await b.page(`/submit/${id}/check`);
      expect((await b.submit(`/submit/${id}/check`, `/submit/${id}/send`, { version: versionOf(review.html), license_consent: 'CC-BY-4.0' })).status).toBe(303);
      const sent = await row(id);
      expect(sent.state).toBe('submitted');
      expect(sent.data).toMatchObject({
        adapted_from: [
          {
            id: original.id,
            changes: 'What we kept:\nThe desk itself.\n\nWhat we changed:\nIt is in libraries, not the registry.\n\nWhy:\nLibraries are open longer.',
          },
        ],
      });
      expect((await b.page('/my/submissions')).html).toContain('Adaptation');
    });

    it('offers submitting and the person’s submissions in the header once signed in', async () => {
      const { b } = await member();
      const { html } = await b.page('/');
      expect(html).toContain('href="/submit"');
      expect(html).toContain('href="/my/submissions"');
      const empty = await b.page('/my/submissions');
      expect(empty.html).toContain('You have not submitted anything yet.');
      const anonymous = await new AccountClient(app).page('/');
      expect(anonymous.html).not.toContain('href="/my/submissions"');
    });
  });
}
