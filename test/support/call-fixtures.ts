import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';

/** What the cells of applying start from: a draft call to edit and publish, an open call where the owner has a draft. */
export interface CallFixtures {
  /** A draft call (admins coordinate it). */
  draftCallSlug: string;
  /** A published call open for ten more days: a short text and a file question. */
  openCallSlug: string;
  /** The owner's draft application to it, for the matrix organisation (where the victim is a member too), its first question answered. */
  ownApplicationId: number;
  /** Another open call where nobody has applied yet. */
  freshCallSlug: string;
  /** The victim's email: a co-editor the owner may add. */
  victimEmail: string;
}

let counter = 0;
const day = 86_400_000;
const questions = JSON.stringify([
  { key: 'q1', kind: 'short_text', label: 'Venue', help: '', required: true },
  { key: 'q2', kind: 'file', label: 'Budget', help: '', required: false },
]);
const rubric = JSON.stringify([
  { key: 'reach', title: 'Community reach', description: '', weight: 1, anchors: { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' } },
]);

/**
 * Fresh calls for one cell of the authorisation matrix or one case of the fuzzer.
 * @example const c = await callFixtures(db, ownerId, victimId, 'matrix-welcome-network');
 */
export async function callFixtures(db: Database, owner: number, victim: number, organizationSlug: string): Promise<CallFixtures> {
  const n = `${++counter}-${Date.now().toString(36)}`;
  const call = async (slug: string, state: 'draft' | 'published') =>
    Number(
      (
        await db
          .insertInto('calls')
          .values({
            slug,
            title: `Matrix call ${slug}`,
            eligible: ['cities', 'organizations'],
            opens_at: new Date(Date.now() - day),
            closes_at: new Date(Date.now() + 10 * day),
            time_zone: 'Europe/Berlin',
            questions,
            rubric,
            state,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const draftCallSlug = `matrix-draft-call-${n}`;
  const openCallSlug = `matrix-open-call-${n}`;
  const freshCallSlug = `matrix-fresh-call-${n}`;
  await call(draftCallSlug, 'draft');
  await call(freshCallSlug, 'published');
  const openId = await call(openCallSlug, 'published');
  const org = await db.selectFrom('organizations').select('id').where('slug', '=', organizationSlug).executeTakeFirstOrThrow();
  const application = await db
    .insertInto('applications')
    .values({
      call_id: openId,
      applicant_id: owner,
      applicant_kind: 'organization',
      organization_id: org.id,
      name: 'Matrix Welcome Network',
      country: 'FR',
      answers: JSON.stringify({ q1: 'Town hall' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const victimRow = await db.selectFrom('users').select('email').where('id', '=', victim).executeTakeFirstOrThrow();
  return { draftCallSlug, openCallSlug, freshCallSlug, ownApplicationId: Number(application.id), victimEmail: victimRow.email };
}

/** The calls and applications as their forms change them: what a refused request must leave alone. */
export const callsFingerprint = sql`
  (SELECT string_agg(slug || ':' || state || ':' || md5(concat_ws('/', title, description, questions::text, rubric::text, opens_at, closes_at)), ';' ORDER BY slug) FROM calls),
  (SELECT string_agg(id || ':' || state || ':' || version || ':' || md5(answers::text) || ':' || consent_public, ';' ORDER BY id) FROM applications),
  (SELECT string_agg(application_id || ':' || user_id, ';' ORDER BY application_id, user_id) FROM application_editors),
  (SELECT string_agg(application_id || ':' || question || ':' || sha256, ';' ORDER BY application_id, question) FROM application_files)`;
