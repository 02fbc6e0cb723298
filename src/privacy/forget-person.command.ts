import { eraseAccount, formerMemberName } from '../accounts/personal-data.repo.ts';
import { forgetAuditAddress, recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { forgetRegistrant } from '../events/forget-registrant.command.ts';
import { forgetFollower } from '../follows/personal-data.repo.ts';
import { forgetGroupMember } from '../groups/personal-data.repo.ts';
import { renameRevisionAuthor } from '../history/personal-data.repo.ts';
import { forgetMember } from '../organizations/personal-data.repo.ts';
import { forgetDrafts } from '../submissions/personal-data.repo.ts';

/**
 * Deletes a person's account at their request, in one transaction: the account is emptied of
 * them and closed (see eraseAccount), their drafts, follows, notifications, memberships of organisations and groups and places in
 * coming events go (each place to the first person waiting);
 * what they contributed for others (submissions in review or published, revisions, comments,
 * posts) stays readable under "Former member". The audit log keeps that it happened.
 * @example await forgetPerson(db, account.userId, ip, config.publicUrl);
 */
export async function forgetPerson(db: Database, userId: number, ip: string | null, publicUrl: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const email = await eraseAccount(trx, userId);
    if (email === undefined) return;
    await forgetDrafts(trx, userId);
    await forgetFollower(trx, userId);
    await forgetMember(trx, userId);
    await forgetGroupMember(trx, userId);
    await forgetRegistrant(trx, userId, publicUrl);
    await renameRevisionAuthor(trx, userId, formerMemberName);
    await forgetAuditAddress(trx, userId, email);
    await recordAudit(trx, { action: 'account_delete', actorUserId: userId, target: `user:${userId}`, ip });
  });
}
