import { sql } from 'kysely';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import type { Database } from '../../src/db/database.ts';
import { testPassword as password } from './account-client.ts';

/** What the review's cells start from: the owner reviews applications of a closed call (the victim applied). */
export interface CallReviewFixtures {
  /** The call under review; admins coordinate it. */
  reviewCallSlug: string;
  /** Assigned to the owner, the conflict question not answered yet. */
  conflictApplicationId: number;
  /** Assigned to the owner, who declared no conflict: they may score it. */
  scoringApplicationId: number;
  /** Nobody reviews it yet: balanced assignment gives it to the owner, a coordinator may assign it or decide it. */
  openApplicationId: number;
  /** A member with no part in the call, to add as a reviewer. */
  spareReviewerEmail: string;
  /** A call whose one application is decided: ready to release. */
  releaseCallSlug: string;
}

let counter = 0;

/** A member with no part in any call, the one the cells add as a reviewer (created once). */
export const spareReviewerEmail = 'matrix-spare-reviewer@example.org';
const anchors = { '1': 'None', '2': 'Little', '3': 'Some', '4': 'Good', '5': 'Excellent' };
const rubric = JSON.stringify([
  { key: 'reach', title: 'Community reach', description: 'Who will come', weight: 2, anchors },
  { key: 'venue', title: 'Venue', description: 'Where', weight: 1, anchors },
]);

/**
 * Fresh calls for one cell of the authorisation matrix or one case of the fuzzer.
 * @example const r = await callReviewFixtures(db, ownerId, victimId);
 */
export async function callReviewFixtures(db: Database, owner: number, applicant: number): Promise<CallReviewFixtures> {
  const n = `${++counter}-${Date.now().toString(36)}`;
  const call = async (slug: string) =>
    Number(
      (
        await db
          .insertInto('calls')
          .values({
            slug,
            title: `Matrix call ${slug}`,
            opens_at: new Date(Date.now() - 30 * 86400_000),
            closes_at: new Date(Date.now() - 86400_000),
            time_zone: 'Europe/Berlin',
            rubric,
            reviewers_per_application: 1,
            state: 'published',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const application = async (callId: number, name: string, decision: 'selected' | null = null) =>
    Number(
      (
        await db
          .insertInto('applications')
          .values({ call_id: callId, applicant_id: applicant, name, state: 'submitted', submitted_at: new Date(Date.now() - 2 * 86400_000), decision })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const reviewCallSlug = `matrix-review-${n}`;
  const callId = await call(reviewCallSlug);
  const conflictApplicationId = await application(callId, 'Conflict question');
  const scoringApplicationId = await application(callId, 'To score');
  const openApplicationId = await application(callId, 'Unassigned');
  await db.insertInto('call_reviewers').values({ call_id: callId, user_id: owner }).execute();
  await db
    .insertInto('review_assignments')
    .values([
      { call_id: callId, application_id: conflictApplicationId, reviewer_id: owner },
      { call_id: callId, application_id: scoringApplicationId, reviewer_id: owner, conflict: false, declared_at: new Date() },
    ])
    .execute();
  const existing = await db.selectFrom('users').select('id').where('email', '=', spareReviewerEmail).executeTakeFirst();
  if (!existing) await createUserWithRole(db, { email: spareReviewerEmail, role: 'member', name: 'Spare reviewer', password });
  const releaseCallSlug = `matrix-release-${n}`;
  await application(await call(releaseCallSlug), 'Decided', 'selected');
  return { reviewCallSlug, conflictApplicationId, scoringApplicationId, openApplicationId, spareReviewerEmail, releaseCallSlug };
}

/** The review's part of the matrix's fingerprint: pools, assignments, reviews, decisions, releases. */
export const callReviewFingerprint = sql`
  (SELECT count(*) FROM call_reviewers),
  (SELECT string_agg(application_id || ':' || reviewer_id || ':' || coalesce(conflict::text, '-'), ';' ORDER BY application_id, reviewer_id) FROM review_assignments),
  (SELECT string_agg(application_id || ':' || reviewer_id || ':' || state || ':' || md5(scores::text), ';' ORDER BY application_id, reviewer_id) FROM reviews),
  (SELECT string_agg(id || ':' || coalesce(decision, '-') || ':' || coalesce(decision_message, ''), ';' ORDER BY id) FROM applications),
  (SELECT string_agg(id || ':' || coalesce(decisions_released_at::text, '-'), ';' ORDER BY id) FROM calls)`;
