import { accountDataOf } from '../accounts/personal-data.repo.ts';
import { auditOfActor } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { registrationsOf } from '../events/forget-registrant.command.ts';
import { exchangesOf } from '../exchanges/personal-data.repo.ts';
import { followDataOf } from '../follows/personal-data.repo.ts';
import { groupDataOf } from '../groups/personal-data.repo.ts';
import { revisionsBy } from '../history/personal-data.repo.ts';
import { membershipsOf } from '../organizations/personal-data.repo.ts';
import { submissionDataOf } from '../submissions/personal-data.repo.ts';

/**
 * Everything the platform keeps about a person, as one JSON document ("download my data", GDPR
 * article 15 and 20): account and profile, sessions, follows and notifications, submissions and
 * comments, organisations, groups (memberships, posts, reports), event registrations, city-to-city
 * exchanges asked for or answered, revisions
 * made, and the audit log's entries of their own actions.
 * @example const doc = await personalData(db, userId, new Date());
 */
export async function personalData(db: Database, userId: number, at: Date) {
  const [account, follows, submissions, revisions, audit, organizations, groups, registrations, exchanges] = await Promise.all([
    accountDataOf(db, userId),
    followDataOf(db, userId),
    submissionDataOf(db, userId),
    revisionsBy(db, userId),
    auditOfActor(db, userId),
    membershipsOf(db, userId),
    groupDataOf(db, userId),
    registrationsOf(db, userId),
    exchangesOf(db, userId),
  ]);
  return {
    format: 'clearinghouse.personal-data',
    version: 1,
    exported_at: at.toISOString(),
    ...account,
    ...follows,
    ...submissions,
    organizations,
    ...groups,
    event_registrations: registrations,
    exchanges,
    revisions,
    audit_log: audit,
  };
}
