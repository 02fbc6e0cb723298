import { sql } from 'kysely';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import type { Database } from '../../src/db/database.ts';
import { upsertPractice } from '../../src/practices/practice.repo.ts';
import type { PracticeRecord } from '../../src/practices/practice.schema.ts';
import { findDraft, insertDraft } from '../../src/self-assessment/city-assessment.repo.ts';
import { insertRepresentative } from '../../src/self-assessment/representative.repo.ts';
import { createSubmission, setSubmissionState } from '../../src/submissions/submission.repo.ts';
import { testPassword as password } from './account-client.ts';
import { practiceDraft } from './practice-record.ts';

let counter = 0;

/** The city whose self-assessment the owner answers. */
const berlin = { country: 'DE', slug: 'berlin' };

/** What each cell starts from: a published practice with two revisions, a draft and a submitted submission of the owner. */
export interface Fixtures {
  practiceId: string;
  firstRevision: number;
  draftId: number;
  submittedId: number;
  victimId: number;
}

/**
 * Fresh fixtures: a published practice with two revisions (and duplicate-looking target-group
 * tags), a draft and a submitted submission of `owner`, and a member account to act upon; the
 * owner represents Berlin (demo data), whose self-assessment has a draft open; an organisation
 * of the directory waits to be verified.
 */
export async function contributionFixtures(db: Database, owner: number): Promise<Fixtures> {
  const n = ++counter;
  const record: PracticeRecord = {
    id: `matrix-practice-${n}`,
    title: `Housing advice desk ${n}`,
    summary: 'The first summary of the advice desk.',
    language: 'en',
    city: 'Lyon',
    country: 'FR',
    themes: ['housing'],
    target_groups: ['Refugees', 'refugees'],
  };
  await upsertPractice(db, record, { author: 'matrix', message: 'first', kind: 'import' });
  await upsertPractice(db, { ...record, summary: 'The second summary of the advice desk.' }, { author: 'matrix', message: 'second', kind: 'import' });
  const revs = await db.selectFrom('practice_revisions').select('id').where('practice_id', '=', record.id).orderBy('id').execute();
  const draft = await createSubmission(db, { kind: 'practice', submitterId: owner, data: practiceDraft(`Draft ${n}`), step: 1 });
  const submitted = await createSubmission(db, { kind: 'practice', submitterId: owner, data: practiceDraft(`Submitted ${n}`), step: 5 });
  await setSubmissionState(db, submitted.id, 'draft', { state: 'submitted' });
  const victimId = await createUserWithRole(db, { email: `victim-${n}-${Date.now()}@example.org`, role: 'member', name: `Victim ${n}`, password });
  await db
    .insertInto('cities')
    .values({ ...berlin, name: 'Berlin' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await insertRepresentative(db, owner, berlin, null);
  // An organisation of the directory, not yet verified.
  await db
    .insertInto('organizations')
    .values({
      slug: 'international-metropolis',
      name: 'International Metropolis',
      acronym: null,
      type: 'academia',
      city: null,
      country: 'CA',
      region: '019',
      url: null,
      description: null,
      founded: null,
    })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ verified: false }))
    .execute();
  if (!(await findDraft(db, berlin.country, berlin.slug))) await insertDraft(db, berlin.country, berlin.slug, 1);
  return { practiceId: record.id, firstRevision: Number(revs[0].id), draftId: draft.id, submittedId: submitted.id, victimId };
}

/** Everything a refused request must leave alone (sessions and rate-limit counters aside). */
export async function fingerprint(db: Database): Promise<string> {
  const rows = await sql<{ t: string }>`
    SELECT concat_ws('|',
      (SELECT string_agg(id || ':' || content_hash || ':' || array_to_string(assessed, ','), ';' ORDER BY id) FROM practices),
      (SELECT count(*) FROM practice_revisions), (SELECT count(*) FROM practice_links),
      (SELECT string_agg(id || ':' || state || ':' || version || ':' || coalesce(assignee_id, 0) || ':' || md5(data::text), ';' ORDER BY id) FROM submissions),
      (SELECT count(*) FROM submission_events),
      (SELECT string_agg(practice_id || ':' || practical || evidence_level, ';' ORDER BY practice_id) FROM practice_assessments),
      (SELECT string_agg(id || ':' || role || ':' || state || ':' || name, ';' ORDER BY id) FROM users),
      (SELECT count(*) FROM audit_log WHERE action NOT IN ('login', 'login_failed', 'logout')),
      (SELECT count(*) FROM figure_revisions),
      (SELECT string_agg(id || ':' || state || ':' || version || ':' || visibility, ';' ORDER BY id) FROM city_assessments),
      (SELECT count(*) FROM city_assessment_answers), (SELECT count(*) FROM city_assessment_revisions), (SELECT count(*) FROM city_representatives),
      (SELECT string_agg(slug || ':' || verified, ';' ORDER BY slug) FROM organizations)
    ) AS t`.execute(db);
  return rows.rows[0].t;
}
