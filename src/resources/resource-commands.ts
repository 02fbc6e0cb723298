import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { ContributionDeps, SessionAccount } from '../http/app-env.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { slugify } from '../shared/text.ts';
import type { Submission } from '../submissions/submission.repo.ts';
import { lockSubmissionState, recordTransition } from '../submissions/submission-transition.repo.ts';
import { checkTransition, mailStateChange } from '../submissions/submission-workflow.ts';
import { insertResource, type ListedResource, linksOfResource, slugTaken, unknownTargets, updateResource } from './resource.repo.ts';
import { attachSubmissionFile, submissionFileInfo } from './resource-file.repo.ts';
import { formValuesOf, type ResourceDraft, readResourceForm } from './resource-form.ts';

/** Paths under /resources/ that are not resources: a title never takes them as its slug. */
const reservedSlugs = new Set(['submit', 'submissions', 'export', 'feed']);

/** A free slug for a title: ASCII words joined by hyphens, at most 60 characters, "-2", "-3"… when taken. */
export async function freeSlug(db: Database, title: string): Promise<string> {
  const base =
    slugify(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'resource';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!reservedSlugs.has(slug) && !(await slugTaken(db, slug))) return slug;
  }
}

/**
 * The problems of a draft that the form alone cannot see: links to practices, cities or
 * organisations that are not here, and neither a link nor a PDF. Message keys by field.
 * @example const errors = await draftProblems(db, draft, hasPdf);
 */
export async function draftProblems(db: Database, draft: ResourceDraft, hasPdf: boolean): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  for (const l of await unknownTargets(db, draft.links)) {
    const field = l.kind === 'practice' ? 'practices' : l.kind === 'city' ? 'cities' : 'organizations';
    errors[field] = `resources.form.error.unknown_${field}`;
  }
  if (!draft.url && !hasPdf) errors.url = 'resources.form.error.link_or_pdf';
  return errors;
}

/** The metadata of a draft as a resource's columns. */
function columnsOf(d: ResourceDraft) {
  return {
    type: d.type,
    title: d.title,
    publisher: d.publisher,
    authors: d.authors,
    year: d.year,
    languages: d.languages,
    themes: d.themes,
    regions: d.regions,
    abstract: d.abstract,
    url: d.url,
    archive_url: d.archive_url,
    licence: d.licence,
  };
}

/**
 * Publishes a resource submission: the draft is checked again as the form checks it, then in
 * one transaction (the submission locked, still in the state the editor saw) the resource, its
 * links and its PDF are written and the change of state recorded (state, thread, audit); then
 * the submitter is mailed, as for a practice. Refused with 403/409 as any publication, 400 with
 * one field per problem when the draft is not a valid resource.
 * @example const { slug } = await publishResourceSubmission(deps, { submission, actor: account, ip });
 */
export async function publishResourceSubmission(
  deps: ContributionDeps,
  p: { submission: Submission; actor: SessionAccount; ip?: string | null },
): Promise<{ slug: string }> {
  const s = p.submission;
  checkTransition(p.actor, 'editor', s, 'published');
  const form = readResourceForm(formValuesOf(s.data as Partial<ResourceDraft>));
  const problems = form.ok ? await draftProblems(deps.db, form.draft, (await submissionFileInfo(deps.db, s.id)) !== undefined) : form.errors;
  if (!form.ok || Object.keys(problems).length)
    throw badRequest(
      'the draft is not a valid resource',
      Object.entries(problems).map(([path, message]) => ({ path, message })),
    );
  const draft = form.draft;
  const slug = await deps.db.transaction().execute(async (trx) => {
    if ((await lockSubmissionState(trx, s.id)) !== s.state) throw conflict('this submission changed in the meantime; reload it to see its state');
    const slug = await freeSlug(trx, draft.title);
    const id = await insertResource(trx, { slug, ...columnsOf(draft), submission_id: s.id, created_by: s.submitterId }, draft.links);
    await attachSubmissionFile(trx, s.id, id);
    await recordTransition(trx, { submission: s, actorId: p.actor.userId, to: 'published', ip: p.ip });
    return slug;
  });
  await mailStateChange(deps, s, 'published');
  return { slug };
}

/**
 * An editor's change to a published resource: written only if nobody saved since the form was
 * loaded (else 409), with an audit entry holding each changed field before and after (the
 * resource's revision trail).
 * @example await editResource(db, resource, version, draft, { userId, ip });
 */
export async function editResource(
  db: Database,
  resource: ListedResource,
  version: number,
  draft: ResourceDraft,
  actor: { userId: number; ip?: string | null },
): Promise<void> {
  const next = columnsOf(draft);
  await db.transaction().execute(async (trx) => {
    const before = { ...pick(resource, Object.keys(next)), links: await linksOfResource(trx, resource.id) };
    const after: Record<string, unknown> = { ...next, links: draft.links };
    if (!(await updateResource(trx, resource.id, version, next, draft.links)))
      throw conflict('this resource was changed by someone else since you opened it; reload it to see their changes');
    const changed = Object.keys(after).filter((k) => JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(after[k]));
    await recordAudit(trx, {
      action: 'resource_edit',
      actorUserId: actor.userId,
      target: `resource:${resource.slug}`,
      ip: actor.ip ?? null,
      details: {
        version: version + 1,
        before: Object.fromEntries(changed.map((k) => [k, before[k as keyof typeof before]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      },
    });
  });
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
