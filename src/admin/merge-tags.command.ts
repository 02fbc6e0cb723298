import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { upsertPractice } from '../practices/practice.repo.ts';
import { lockPracticesWithTargetGroups } from '../practices/target-groups.repo.ts';
import { authorize } from '../security/authorize.ts';
import { adminPolicy } from './admin.policy.ts';

/** The admin merging tags, and from where (for the revisions and the audit log). */
export interface TagMergeActor {
  userId: number;
  name: string;
  role: Role;
  ip: string | null;
}

/**
 * A practice's target groups with every merged tag replaced by the kept one, where the first
 * of them stood, and each tag once.
 * @example mergedTags(['Refugees', 'women', 'refugees'], ['Refugees', 'refugees'], 'refugees') // ['refugees', 'women']
 */
export function mergedTags(groups: string[], merged: string[], keep: string): string[] {
  const out: string[] = [];
  for (const g of groups) {
    const tag = merged.includes(g) ? keep : g;
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

/**
 * Gives every practice carrying one of `tags` the tag `keep` instead, in one transaction: each
 * changed record is written as a revision of kind "edit" by the admin (the database moves the
 * catalogue version on with it) and the merge is audited. Admins only (403 otherwise).
 * Returns how many practices changed.
 * @example const n = await mergeTags(db, ['Refugees', 'refugees'], 'refugees', { userId, name, role: 'admin', ip });
 */
export async function mergeTags(db: Database, tags: string[], keep: string, actor: TagMergeActor): Promise<number> {
  authorize(actor, adminPolicy.administer);
  return db.transaction().execute(async (trx) => {
    const records = await lockPracticesWithTargetGroups(trx, tags);
    const message = `Merged target-group tags: ${tags.join(', ')} → ${keep}`;
    let updated = 0;
    for (const r of records) {
      const outcome = await upsertPractice(
        trx,
        { ...r, target_groups: mergedTags(r.target_groups ?? [], tags, keep) },
        { author: actor.name, authorId: actor.userId, kind: 'edit', message },
      );
      if (outcome !== 'unchanged') updated += 1;
    }
    await recordAudit(trx, { action: 'tags_merge', actorUserId: actor.userId, target: keep, ip: actor.ip, details: { tags, keep, practices: updated } });
    return updated;
  });
}
