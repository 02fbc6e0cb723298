import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { follow } from '../follows/follow.repo.ts';
import { badRequest } from '../http/errors.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { slugify } from '../shared/text.ts';
import { groupPolicy } from './group.policy.ts';
import { insertGroup, insertMembership, slugTaken } from './group.repo.ts';
import type { GroupForm } from './group.schema.ts';

/** A slug from a name: letters and digits of the Latin alphabet only (a name in another script gives "group"). */
function slugOf(name: string): string {
  const slug = slugify(name)
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'group';
}

/**
 * An editor creates a group and becomes its first moderator (following it daily); audited. A slug
 * given and taken is a 400 next to the field; one made from the name gets a number until free.
 * @example const slug = await createGroup(db, { name: 'Housing', themes: ['housing'], membership: 'open', description: '' }, { userId: 3, role: 'editor', ip: null });
 */
export async function createGroup(db: Database, form: GroupForm, actor: NonNullable<Actor> & { ip: string | null }): Promise<string> {
  authorize(actor, groupPolicy.create);
  return db.transaction().execute(async (trx) => {
    let slug = form.slug ?? slugOf(form.name);
    if (form.slug && (await slugTaken(trx, slug))) throw badRequest('the slug is taken', [{ path: 'slug', message: 'groups.error.slug_taken' }]);
    for (let n = 2; !form.slug && (await slugTaken(trx, slug)); n++) slug = `${slugOf(form.name)}-${n}`;
    const id = await insertGroup(trx, { ...form, slug, createdBy: actor.userId });
    if (id === undefined) throw badRequest('the slug is taken', [{ path: 'slug', message: 'groups.error.slug_taken' }]);
    await insertMembership(trx, { groupId: id, userId: actor.userId, role: 'moderator', state: 'active', frequency: 'daily', decidedBy: actor.userId });
    await follow(trx, actor.userId, { kind: 'group', target: slug }, 'daily', form.name);
    await recordAudit(trx, {
      action: 'group_create',
      actorUserId: actor.userId,
      target: slug,
      ip: actor.ip,
      details: { name: form.name, membership: form.membership },
    });
    return slug;
  });
}
