import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { localDay } from '../events/zoned-time.ts';
import { recordActivity } from '../follows/activity.repo.ts';
import { conflict, notFound } from '../http/errors.ts';
import { type Actor, authorize } from '../security/authorize.ts';
import { slugify } from '../shared/text.ts';
import { callPolicy } from './call.policy.ts';
import { type CallColumns, freeCallSlug, insertCall, lockCall, markCallPublished, updateCall } from './call.repo.ts';
import type { CallInput } from './call-form.schema.ts';

/** Who saves a call: a coordinator or admin, and where they are (for the audit log). */
export type CallCoordinator = NonNullable<Actor> & { ip: string | null };

const columns = (input: CallInput): CallColumns => ({
  title: input.title,
  description: input.description,
  eligible: input.eligible,
  themes: input.themes,
  opens_at: input.opensAt,
  closes_at: input.closesAt,
  time_zone: input.timeZone,
  questions: input.questions,
  rubric: input.rubric,
  reviewers_per_application: input.reviewersPerApplication,
  languages: input.languages,
});

/**
 * A coordinator opens a call as a draft, under a slug made of its title and the year it closes;
 * audited (`call_create`). Returns the slug.
 * @example const slug = await createCall(db, input, { userId: 3, role: 'coordinator', ip: null });
 */
export async function createCall(db: Database, input: CallInput, actor: CallCoordinator): Promise<string> {
  authorize(actor, callPolicy.create);
  return db.transaction().execute(async (trx) => {
    const words = slugify(input.title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '');
    const slug = await freeCallSlug(trx, `${words || 'call'}-${localDay(input.closesAt, input.timeZone).slice(0, 4)}`);
    await insertCall(trx, slug, columns(input), actor.userId);
    await recordAudit(trx, { action: 'call_create', actorUserId: actor.userId, target: slug, ip: actor.ip, details: { title: input.title } });
    return slug;
  });
}

/**
 * A coordinator changes a draft call, audited (`call_update`). A published call's form and rubric
 * are frozen: a 409. A 404 for an unknown call.
 * @example await editCall(db, 'host-a-dialogue-cafe-2027', input, actor);
 */
export async function editCall(db: Database, slug: string, input: CallInput, actor: CallCoordinator): Promise<void> {
  authorize(actor, callPolicy.manage);
  await db.transaction().execute(async (trx) => {
    const call = await lockCall(trx, slug);
    if (!call) throw notFound(`no call "${slug}"`);
    if (call.state !== 'draft') throw conflict('a published call no longer changes');
    await updateCall(trx, call.id, columns(input));
    await recordAudit(trx, { action: 'call_update', actorUserId: actor.userId, target: slug, ip: actor.ip, details: { title: input.title } });
  });
}

/**
 * Publishes a draft call: its form and rubric freeze, it appears at /calls, and the followers of
 * its themes hear of it (`call_published`); audited (`call_publish`). Publishing twice is a 409.
 * @example await publishCall(db, 'host-a-dialogue-cafe-2027', actor);
 */
export async function publishCall(db: Database, slug: string, actor: CallCoordinator): Promise<void> {
  authorize(actor, callPolicy.manage);
  await db.transaction().execute(async (trx) => {
    const call = await lockCall(trx, slug);
    if (!call) throw notFound(`no call "${slug}"`);
    if (call.state !== 'draft') throw conflict('the call is already published');
    await markCallPublished(trx, call.id);
    await recordAudit(trx, { action: 'call_publish', actorUserId: actor.userId, target: slug, ip: actor.ip, details: { title: call.title } });
    await recordActivity(trx, {
      kind: 'call_published',
      title: call.title,
      path: `/calls/${slug}`,
      summary: call.description.slice(0, 500),
      themes: call.themes,
      actorId: actor.userId,
    });
  });
}
