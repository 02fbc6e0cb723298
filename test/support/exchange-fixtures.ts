import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { upsertPractice } from '../../src/practices/practice.repo.ts';

/** What the exchanges' cells start from: the owner represents Berlin (see contribution-fixtures.ts). */
export interface ExchangeFixtures {
  /** Vienna asks Berlin (asked by the other member): the owner may decide. */
  incomingExchangeId: number;
  /** Berlin asks Vienna (asked by the owner): the owner may withdraw. */
  outgoingExchangeId: number;
  /** Berlin and Lyon, accepted (asked by the owner): the owner may name the practice that came out of it. */
  acceptedExchangeId: number;
  /** A published practice of Berlin, to name as the outcome. */
  outcomePracticeId: string;
}

/** The practice of Berlin the cells name as an exchange's outcome. */
const outcomePracticeId = 'matrix-exchange-outcome';

/**
 * Fresh exchanges for one cell of the authorisation matrix or one case of the fuzzer (earlier
 * ones are deleted: one request may wait between two cities in each direction).
 * @example const x = await exchangeFixtures(db, 3, 4);
 */
export async function exchangeFixtures(db: Database, owner: number, member: number): Promise<ExchangeFixtures> {
  await db.deleteFrom('exchanges').execute();
  await db
    .insertInto('cities')
    .values([
      { country: 'DE', slug: 'berlin', name: 'Berlin' },
      { country: 'AT', slug: 'vienna', name: 'Vienna' },
      { country: 'FR', slug: 'lyon', name: 'Lyon' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  await upsertPractice(
    db,
    {
      id: outcomePracticeId,
      title: 'Exchange outcome of the matrix',
      summary: 'What came out of it.',
      language: 'en',
      city: 'Berlin',
      country: 'DE',
      themes: ['housing'],
    },
    { author: 'matrix', message: 'outcome', kind: 'import' },
  );
  const add = async (from: [string, string], to: [string, string], by: number, state: 'requested' | 'accepted') => {
    const row = await db
      .insertInto('exchanges')
      .values({
        from_country: from[0],
        from_slug: from[1],
        to_country: to[0],
        to_slug: to[1],
        kind: 'study-visit',
        theme: 'housing',
        message: 'A request of the matrix.',
        requested_by: by,
        on_behalf: true,
        state,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };
  return {
    incomingExchangeId: await add(['AT', 'vienna'], ['DE', 'berlin'], member, 'requested'),
    outgoingExchangeId: await add(['DE', 'berlin'], ['AT', 'vienna'], owner, 'requested'),
    acceptedExchangeId: await add(['DE', 'berlin'], ['FR', 'lyon'], owner, 'accepted'),
    outcomePracticeId,
  };
}

/** The exchanges' part of the database fingerprint: every request's state and outcome. */
export const exchangesFingerprint = sql`
  (SELECT string_agg(id || ':' || state || ':' || coalesce(outcome_practice_id, '') || ':' || coalesce(decision_message, ''), ';' ORDER BY id) FROM exchanges)`;
