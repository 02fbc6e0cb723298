import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { upsertPractices } from '../practices/practice.repo.ts';
import { lockPracticesWithTargetGroups } from '../practices/target-groups.repo.ts';
import { bumpCatalogueVersion } from '../search/catalogue-version.repo.ts';

/** The admin merging tags, and from where (for the revisions and the audit log). */
export interface TagMergeActor {
  userId: number;
  name: string;
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
 * changed record is written as a revision of kind "edit" by the admin, the merge is audited,
 * and the catalogue version moves on so searches see it. Returns how many practices changed.
 * @example const n = await mergeTargetGroups(db, ['Refugees', 'refugees'], 'refugees', admin);
 */
export async function mergeTargetGroups(db: Database, tags: string[], keep: string, actor: TagMergeActor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const records = await lockPracticesWithTargetGroups(trx, tags);
    const changed = records.map((r) => ({ ...r, target_groups: mergedTags(r.target_groups ?? [], tags, keep) }));
    const message = `Merged target-group tags: ${tags.join(', ')} → ${keep}`;
    const outcomes = await upsertPractices(trx, changed, { author: actor.name, authorId: actor.userId, kind: 'edit', message });
    const updated = outcomes.filter((o) => o !== 'unchanged').length;
    await recordAudit(trx, { action: 'tags_merge', actorUserId: actor.userId, target: keep, ip: actor.ip, details: { tags, keep, practices: updated } });
    if (updated > 0) await bumpCatalogueVersion(trx);
    return updated;
  });
}
