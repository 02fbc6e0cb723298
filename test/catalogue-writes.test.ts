import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeTags } from '../src/admin/merge-tags.command.ts';
import { assessPractice } from '../src/assessments/assess-practice.command.ts';
import type { AssessmentInput } from '../src/assessments/assessment.schema.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import type { Role } from '../src/db/schema.ts';
import { restoreRevision } from '../src/history/restore-revision.command.ts';
import type { ContributionDeps, SessionAccount } from '../src/http/app-env.ts';
import { editPractice } from '../src/practice-edit/edit-practice.command.ts';
import { valuesFromRecord } from '../src/practice-form/practice-form.convert.ts';
import { importPractices } from '../src/practices/import/import-practices.command.ts';
import { publishSubmission } from '../src/review/publish-submission.command.ts';
import { catalogueVersion } from '../src/search/catalogue-version.repo.ts';
import { createLogger } from '../src/shared/logger.ts';
import { contentHash } from '../src/shared/text.ts';
import { createSubmission, findSubmission, type NewSubmission, type Submission } from '../src/submissions/submission.repo.ts';
import { transitionSubmission } from '../src/submissions/submission-workflow.ts';
import { practiceFields, type practiceRecord } from './support/practice-record.ts';
import { createTestDatabase, testEngines } from './support/test-db.ts';

/** Every command that writes practices moves the catalogue version on (the database does it: migration 0012). */
for (const engine of testEngines()) {
  describe(`catalogue writes raise the catalogue version (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let deps: ContributionDeps;
    let editor: SessionAccount;
    let admin: SessionAccount;
    let member: SessionAccount;

    async function account(role: Role, name: string): Promise<SessionAccount> {
      const row = await db
        .insertInto('users')
        .values({ email: `${name.toLowerCase()}@example.org`, name, password_hash: 'unused', role })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { userId: row.id, email: `${name.toLowerCase()}@example.org`, name, role, locale: 'en', sessionId: '', csrfToken: '' };
    }

    /** The version after `write`, less the one before: at least 1 when it changed the catalogue. */
    async function raised(write: () => Promise<unknown>): Promise<number> {
      const before = await catalogueVersion(db);
      await write();
      return (await catalogueVersion(db)) - before;
    }

    const importText = (practices: unknown[]) => JSON.stringify({ format: 'clearinghouse.practices', version: 1, practices });

    async function inReview(s: Omit<NewSubmission, 'submitterId' | 'step'>): Promise<Submission> {
      const draft = await createSubmission(db, { ...s, submitterId: member.userId, step: 5 });
      await transitionSubmission(deps, { submission: draft, actor: member, as: 'submitter', to: 'submitted' });
      return (await findSubmission(db, draft.id)) as Submission;
    }

    const stored = async (id: string) => {
      const row = await db.selectFrom('practices').select(['record', 'content_hash']).where('id', '=', id).executeTakeFirstOrThrow();
      return { record: row.record as ReturnType<typeof practiceRecord>, base: row.content_hash };
    };

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent' });
      deps = { db, config, log: createLogger('silent'), mailer: { send: async () => undefined } };
      editor = await account('editor', 'Edna');
      admin = await account('admin', 'Adam');
      member = await account('member', 'Mona');
    });
    afterAll(() => drop());

    it('import: raised by a write, not by an identical re-import', async () => {
      const file = importText([
        practiceFields({ id: 'writes-desk', target_groups: ['Refugees'] }),
        practiceFields({ id: 'writes-cafe', target_groups: ['refugees'] }),
      ]);
      expect(await raised(() => importPractices(db, file, { author: 'test', source: 'writes.json' }))).toBeGreaterThanOrEqual(1);
      expect(await raised(() => importPractices(db, file, { author: 'test', source: 'writes.json' }))).toBe(0);
    });

    it('publish: a practice submission and a translation', async () => {
      const s = await inReview({ kind: 'practice', data: { ...practiceFields({ title: 'Writes supper club' }), id: undefined } });
      expect(await raised(() => publishSubmission(deps, { submission: s, actor: editor }))).toBeGreaterThanOrEqual(1);
      const t = await inReview({
        kind: 'translation',
        practiceId: 'writes-desk',
        translationLanguage: 'fr',
        data: { title: 'Guichet', summary: 'Un guichet.', machine: false },
      });
      expect(await raised(() => publishSubmission(deps, { submission: t, actor: editor }))).toBeGreaterThanOrEqual(1);
    });

    it('publish refuses a member and an invalid draft, writing nothing', async () => {
      const s = await inReview({ kind: 'practice', data: { title: 'Writes without a summary' } });
      await expect(publishSubmission(deps, { submission: s, actor: member })).rejects.toMatchObject({ code: 'forbidden' });
      const refused = publishSubmission(deps, { submission: s, actor: editor });
      await expect(refused).rejects.toMatchObject({ code: 'bad_request' });
      expect((await findSubmission(db, s.id))?.state).toBe('submitted');
    });

    it('edit and restore', async () => {
      const { record, base } = await stored('writes-desk');
      const values = { ...valuesFromRecord(record), summary: 'A desk that the edit changed.' };
      await expect(editPractice(db, { id: 'writes-desk', values, base, message: 'Shorter' }, { ...member, ip: null })).rejects.toMatchObject({
        code: 'forbidden',
      });
      expect(await raised(() => editPractice(db, { id: 'writes-desk', values, base, message: 'Shorter' }, { ...editor, ip: null }))).toBeGreaterThanOrEqual(1);
      // Saving over a version that is no longer current is a conflict, and writes nothing.
      expect(
        await raised(() =>
          expect(
            editPractice(db, { id: 'writes-desk', values: { ...values, summary: 'Another.' }, base, message: 'Late' }, { ...editor, ip: null }),
          ).rejects.toMatchObject({ code: 'conflict' }),
        ),
      ).toBe(0);
      const first = await db.selectFrom('practice_revisions').select('id').where('practice_id', '=', 'writes-desk').orderBy('id').executeTakeFirstOrThrow();
      const now = await stored('writes-desk');
      expect(contentHash(now.record)).toBe(now.base);
      expect(
        await raised(() => restoreRevision(db, { practiceId: 'writes-desk', revisionId: first.id, base: now.base, note: '' }, { ...editor, ip: null })),
      ).toBeGreaterThanOrEqual(1);
    });

    it('assess', async () => {
      const rating = (r: 'yes' | 'no') => ({ rating: r, note: '' });
      const input: AssessmentInput = {
        ratings: { practical: rating('yes'), innovative: rating('no'), successful: rating('no'), transferable: rating('yes') },
        evidenceLevel: 3,
      };
      expect(await raised(() => assessPractice(db, 'writes-cafe', input, { ...editor, ip: null }))).toBeGreaterThanOrEqual(1);
      // The same assessment again still rewrites the practice's assessed criteria.
      expect(await raised(() => assessPractice(db, 'writes-cafe', input, { ...editor, ip: null }))).toBeGreaterThanOrEqual(1);
    });

    it('merge tags', async () => {
      await expect(mergeTags(db, ['Refugees', 'refugees'], 'refugees', { ...editor, ip: null })).rejects.toMatchObject({ code: 'forbidden' });
      expect(await raised(() => mergeTags(db, ['Refugees', 'refugees'], 'refugees', { ...admin, ip: null }))).toBeGreaterThanOrEqual(1);
      expect(await raised(() => mergeTags(db, ['Refugees', 'refugees'], 'refugees', { ...admin, ip: null }))).toBe(0);
    });
  });
}
