import { sql } from 'kysely';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import type { Database } from '../../src/db/database.ts';
import { insertSource } from '../../src/harvest/harvest.repo.ts';
import { upsertPractice } from '../../src/practices/practice.repo.ts';
import type { PracticeRecord } from '../../src/practices/practice.schema.ts';
import { findDraft, insertDraft } from '../../src/self-assessment/city-assessment.repo.ts';
import { insertRepresentative } from '../../src/self-assessment/representative.repo.ts';
import { createSubmission, setSubmissionState } from '../../src/submissions/submission.repo.ts';
import { testPassword as password } from './account-client.ts';
import { type CallFixtures, callFixtures, callsFingerprint } from './call-fixtures.ts';
import { type CallReviewFixtures, callReviewFingerprint, callReviewFixtures } from './call-review-fixtures.ts';
import { type EventFixtures, eventFixtures, eventsFingerprint } from './event-fixtures.ts';
import { type ExchangeFixtures, exchangeFixtures, exchangesFingerprint } from './exchange-fixtures.ts';
import { type GroupFixtures, groupFixtures, groupsFingerprint } from './group-fixtures.ts';
import { practiceDraft } from './practice-record.ts';
import { type ResourceFixtures, resourceFixtures, resourcesFingerprint } from './resource-fixtures.ts';

let counter = 0;

/** The city whose self-assessment the owner answers. */
const berlin = { country: 'DE', slug: 'berlin' };

/** What each cell starts from: a published practice with two revisions, a draft and a submitted submission of the owner. */
export interface Fixtures extends GroupFixtures, EventFixtures, ExchangeFixtures, CallReviewFixtures, CallFixtures, ResourceFixtures {
  practiceId: string;
  firstRevision: number;
  draftId: number;
  submittedId: number;
  victimId: number;
  /** The victim's public profile (`/people/{slug}`). */
  personSlug: string;
  /** An organisation (`memberOrg`) where the owner and the victim are approved members and `requesterId` asks to join. */
  memberOrg: string;
  requesterId: number;
  /** A harvest source admins may edit and run now (`/admin/harvest/{id}`). */
  harvestSourceId: string;
}

/** The organisation whose members the matrix manages; nobody belongs to International Metropolis, so anyone may ask to join it. */
const memberOrg = 'matrix-welcome-network';

/**
 * Fresh fixtures: a published practice with two revisions (and duplicate-looking target-group
 * tags), a draft and a submitted submission of `owner`, and a member account to act upon; the
 * owner represents Berlin (demo data), whose self-assessment has a draft open; an organisation
 * of the directory waits to be verified.
 */
export async function contributionFixtures(db: Database, owner: number): Promise<Fixtures> {
  const n = ++counter;
  // The victim's public profile, which the practice names as its contact.
  const personSlug = `victim-${n}-${Date.now()}`;
  const record: PracticeRecord = {
    id: `matrix-practice-${n}`,
    title: `Housing advice desk ${n}`,
    summary: 'The first summary of the advice desk.',
    language: 'en',
    city: 'Lyon',
    country: 'FR',
    themes: ['housing'],
    target_groups: ['Refugees', 'refugees'],
    contact: { person: personSlug },
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
  // The victim has a public profile; an organisation has the owner and the victim as members and a request waiting.
  await db
    .updateTable('users')
    .set({ profile_public: true, profile_slug: personSlug, profile_published_at: new Date(), job_title: 'Victim of the matrix' })
    .where('id', '=', victimId)
    .execute();
  const requesterId = await createUserWithRole(db, { email: `requester-${n}-${Date.now()}@example.org`, role: 'member', name: `Requester ${n}`, password });
  const orgIds = await db
    .insertInto('organizations')
    .values({
      slug: memberOrg,
      name: 'Matrix Welcome Network',
      acronym: null,
      type: 'civil-society',
      city: null,
      country: 'FR',
      region: '150',
      url: null,
      description: null,
      founded: null,
    })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ verified: false }))
    .returning('id')
    .execute();
  await db
    .deleteFrom('organization_members')
    .where('organization_id', 'in', db.selectFrom('organizations').select('id').where('slug', '=', 'international-metropolis'))
    .execute();
  await db
    .insertInto('organization_members')
    .values([
      { organization_id: orgIds[0].id, user_id: owner, state: 'approved' },
      { organization_id: orgIds[0].id, user_id: victimId, state: 'approved' },
      { organization_id: orgIds[0].id, user_id: requesterId, note: 'I work there.' },
    ])
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet({ state: 'approved', role: 'member' }))
    .execute();
  return {
    practiceId: record.id,
    firstRevision: Number(revs[0].id),
    draftId: draft.id,
    submittedId: submitted.id,
    victimId,
    personSlug,
    memberOrg,
    requesterId,
    // Groups the owner moderates, where the victim is a member (and waits in a moderated one).
    ...(await groupFixtures(db, owner, victimId, n)),
    // Upcoming events with places on the site, the owner registered for one.
    ...(await eventFixtures(db, owner, n)),
    // Exchange requests to and from Berlin, which the owner represents.
    ...(await exchangeFixtures(db, owner, victimId)),
    // A closed call whose applications (by the victim) the owner reviews; admins coordinate.
    ...(await callReviewFixtures(db, owner, victimId)),
    // A draft call, and an open one where the owner has a draft application for the matrix organisation.
    ...(await callFixtures(db, owner, victimId, memberOrg)),
    // A resource draft of the owner, and a published resource editors may edit.
    ...(await resourceFixtures(db, owner, n)),
    // A harvest source (disabled, at an address nothing answers) for the admin page's edit and "run now".
    harvestSourceId: (await insertSource(db, {
      url: `http://127.0.0.1:9/matrix-oai-${n}-${Date.now()}`,
      format: 'oai',
      set: '',
      schedule: 'weekly',
      enabled: false,
    })) as string,
  };
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
      (SELECT string_agg(slug || ':' || verified, ';' ORDER BY slug) FROM organizations),
      ${groupsFingerprint},
      ${eventsFingerprint},
      ${exchangesFingerprint},
      ${callReviewFingerprint},
      ${callsFingerprint},
      ${resourcesFingerprint},
      (SELECT string_agg(id || ':' || url || ':' || format || ':' || set_spec || ':' || schedule || ':' || enabled, ';' ORDER BY id) FROM harvest_sources),
      (SELECT count(*) FROM jobs WHERE kind = 'harvest'),
      (SELECT string_agg(organization_id || ':' || user_id || ':' || role || ':' || state, ';' ORDER BY organization_id, user_id) FROM organization_members),
      (SELECT string_agg(user_id || ':' || kind || ':' || target || ':' || frequency, ';' ORDER BY user_id, kind, target) FROM follows)
    ) AS t`.execute(db);
  return rows.rows[0].t;
}
