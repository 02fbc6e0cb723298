import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import type { PracticeRecord } from '../src/practices/practice.schema.ts';
import { AccountClient, signedInClient } from './support/account-client.ts';
import { practiceRecord } from './support/practice-record.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

let counter = 0;

/** A published practice; overrides replace fields. */
function practice(id: string, overrides: Partial<PracticeRecord> = {}): PracticeRecord {
  return practiceRecord({ id, summary: `A practice used by the assessment tests (${id}).`, evidence_level: 2, ...overrides });
}

/** A complete assessment form; overrides replace fields. */
function assessment(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    practical: 'yes',
    practical_note: 'Runs on two part-time staff and a rented room.',
    innovative: 'partly',
    innovative_note: 'The desk is common; staffing it with earlier arrivals is not.',
    successful: 'unknown',
    successful_note: '',
    transferable: 'yes',
    transferable_note: 'Any city with a covered market can copy it within a season.',
    evidence_level: '2',
    ...overrides,
  };
}

for (const engine of testEngines()) {
  describe(`editors' assessments (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      for (const p of [practice('assessed-desk'), practice('unassessed-desk'), practice('member-desk'), practice('invalid-desk'), practice('evidence-desk')]) {
        await db.transaction().execute((trx) => upsertPractice(trx, p, { author: 'test', message: 'assessment test' }));
      }
      app = createTestApp(db, { TRUST_PROXY: 'true' });
    });
    afterAll(() => drop());

    const browser = () => new AccountClient(app, { 'x-forwarded-for': `198.51.100.${++counter % 250}` });

    /** Creates an account with a role and signs it in through /login. */
    const signedIn = (role: Role, name = `${role} person`) => signedInClient(app, db, role, name);

    const assessmentRow = (id: string) => db.selectFrom('practice_assessments').selectAll().where('practice_id', '=', id).executeTakeFirst();
    const assessedOf = async (id: string) => (await db.selectFrom('practices').select('assessed').where('id', '=', id).executeTakeFirstOrThrow()).assessed;
    const revisions = (id: string) => db.selectFrom('practice_revisions').selectAll().where('practice_id', '=', id).orderBy('id').execute();

    it('shows an editor’s assessment as badges with rationales, and finds it by the assessed filter in pages and the API', async () => {
      const editor = await signedIn('editor', 'Olu Adeyemi');
      const form = await editor.b.page('/practices/assessed-desk/assess');
      expect(form.res.status).toBe(200);
      expect(form.res.headers.get('cache-control')).toContain('no-store');
      expect(form.html).toContain('<legend id="f-transferable">');

      const res = await editor.b.submit('/practices/assessed-desk/assess', '/practices/assessed-desk/assess', assessment());
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/practices/assessed-desk');
      expect(await assessedOf('assessed-desk')).toEqual(['practical', 'transferable']);
      expect((await assessmentRow('assessed-desk'))?.assessed_by).toBeDefined();

      // Anyone reading the page sees the badges, each opening onto its rationale, and who assessed it (no email).
      const page = await (await app.request('/practices/assessed-desk')).text();
      expect(page).toContain('Editors’ assessment');
      expect(page).toMatch(
        /<summary>.*Transferable: yes<\/span><\/summary><p class="assessment-note" dir="auto">Any city with a covered market can copy it within a season\.<\/p>/,
      );
      expect(page).toContain('Innovative: partly');
      expect(page).toContain('Successful: unknown');
      expect(page).toContain('Evidence level: 2 · Correlation');
      expect(page).toContain('<bdi>Olu Adeyemi</bdi>');
      expect(page).not.toContain(editor.email);
      // The form comes back pre-filled with the assessment on record.
      const again = await editor.b.page('/practices/assessed-desk/assess');
      expect(again.html).toMatch(/id="f-transferable-yes" name="transferable" value="yes" checked/);
      expect(again.html).toContain('Any city with a covered market can copy it within a season.</textarea>');

      const unassessedPage = await (await app.request('/practices/unassessed-desk')).text();
      expect(unassessedPage).not.toContain('Editors’ assessment');

      const found = await (await app.request('/practices?assessed=transferable')).text();
      expect(found).toContain('href="/practices/assessed-desk"');
      expect(found).not.toContain('href="/practices/unassessed-desk"');
      expect(found).toContain('Judged transferable (1)');
      expect(found).toMatch(/aria-label="Remove filter: Judged transferable"/);
      // The facet counts ignore their own selection, like every facet.
      expect(found).toContain('Judged practical (1)');

      const api = await (await app.request('/api/v1/practices?assessed=transferable,practical')).json();
      expect(api.total).toBe(1);
      expect(api.items.map((i: { id: string }) => i.id)).toEqual(['assessed-desk']);
      expect(api.facets.assessed).toEqual(
        expect.arrayContaining([
          { value: 'practical', count: 1, selected: true },
          { value: 'transferable', count: 1, selected: true },
        ]),
      );
      const all = await (await app.request('/api/v1/practices')).json();
      expect(all.total).toBe(5);
      expect(all.facets.assessed.find((f: { value: string }) => f.value === 'transferable')?.count).toBe(1);
      const none = await (await app.request('/api/v1/practices?assessed=innovative')).json();
      expect(none.total).toBe(0);

      const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'assess').where('target', '=', 'assessed-desk').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0].details).toMatchObject({ transferable: 'yes', evidence_level: 2 });
    });

    it('writes a changed evidence level into the record as a revision of kind assessment, and exports carry it', async () => {
      const editor = await signedIn('editor', 'Ana Lima');
      const before = await revisions('evidence-desk');
      const res = await editor.b.submit('/practices/evidence-desk/assess', '/practices/evidence-desk/assess', assessment({ evidence_level: '4' }));
      expect(res.status).toBe(303);
      const after = await revisions('evidence-desk');
      expect(after).toHaveLength(before.length + 1);
      const last = after[after.length - 1];
      expect(last.kind).toBe('assessment');
      expect(last.author).toBe('Ana Lima');
      expect(Number(last.author_id)).toBe(editor.id);
      expect((last.record as PracticeRecord).evidence_level).toBe(4);
      const row = await db.selectFrom('practices').select(['evidence_level', 'assessed']).where('id', '=', 'evidence-desk').executeTakeFirstOrThrow();
      expect(row.evidence_level).toBe(4);
      const exported = await (await app.request('/api/v1/practices/evidence-desk')).json();
      expect(exported.evidence_level).toBe(4);
      expect(await (await app.request('/api/v1/practices?evidence=4&assessed=transferable')).json()).toMatchObject({ total: 1 });

      // Assessing again with the same level adds no revision.
      expect(
        (await editor.b.submit('/practices/evidence-desk/assess', '/practices/evidence-desk/assess', assessment({ evidence_level: '4', transferable: 'no' })))
          .status,
      ).toBe(303);
      expect(await revisions('evidence-desk')).toHaveLength(after.length);
      expect(await assessedOf('evidence-desk')).toEqual(['practical']);
    });

    it('refuses members with 403 and sends visitors to sign in, writing nothing', async () => {
      const member = await signedIn('member');
      expect((await member.b.request('/practices/member-desk/assess')).status).toBe(403);
      const auditBefore = await db.selectFrom('audit_log').select('id').where('action', '=', 'assess').execute();
      const revisionsBefore = await revisions('member-desk');
      const res = await member.b.submit('/account', '/practices/member-desk/assess', assessment({ evidence_level: '5' }));
      expect(res.status).toBe(403);

      const visitor = browser();
      const get = await visitor.request('/practices/member-desk/assess');
      expect(get.status).toBe(303);
      expect(get.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/practices/member-desk/assess')}`);
      const post = await visitor.submit('/login', '/practices/member-desk/assess', assessment({ evidence_level: '5' }));
      expect(post.status).toBe(303);
      expect(post.headers.get('location')).toMatch(/^\/login\?next=/);

      expect(await assessmentRow('member-desk')).toBeUndefined();
      expect(await assessedOf('member-desk')).toEqual([]);
      expect(await revisions('member-desk')).toEqual(revisionsBefore);
      expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'assess').execute()).toEqual(auditBefore);
    });

    it('refuses a "yes" without a rationale with 400, a message and the typed values kept', async () => {
      const admin = await signedIn('admin');
      const res = await admin.b.submit(
        '/practices/invalid-desk/assess',
        '/practices/invalid-desk/assess',
        assessment({ transferable_note: '   ', evidence_level: '5', practical_note: 'Kept as typed.' }),
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('Write a rationale, or answer “Unknown”.');
      expect(html).toContain('href="#f-transferable_note"');
      expect(html).toMatch(/<textarea id="f-transferable_note"[^>]*aria-invalid="true"/);
      expect(html).toContain('Kept as typed.</textarea>');
      expect(html).toMatch(/id="f-innovative-partly" name="innovative" value="partly" checked/);
      expect(html).toMatch(/<option value="5" selected="">5 · Scaled<\/option>/);

      const missing = await admin.b.submit(
        '/practices/invalid-desk/assess',
        '/practices/invalid-desk/assess',
        assessment({ practical: '', evidence_level: '9' }),
      );
      expect(missing.status).toBe(400);
      const text = await missing.text();
      expect(text).toContain('Choose an answer.');
      expect(text).toContain('Choose an evidence level from 1 to 5.');

      expect(await assessmentRow('invalid-desk')).toBeUndefined();
      expect(await assessedOf('invalid-desk')).toEqual([]);
      expect((await db.selectFrom('practices').select('evidence_level').where('id', '=', 'invalid-desk').executeTakeFirstOrThrow()).evidence_level).toBe(2);
    });

    it('answers 404 for a practice that does not exist', async () => {
      const editor = await signedIn('editor');
      expect((await editor.b.request('/practices/no-such-practice/assess')).status).toBe(404);
    });
  });
}
