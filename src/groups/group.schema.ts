import { z } from 'zod';
import { optionalParam } from '../http/query-params.ts';
import { blankToUndefined, type FieldErrors } from '../shared/form-values.ts';
import { storable, storableString } from '../shared/storable-text.ts';
import { themes } from '../vocabulary/vocabularies.ts';
import { followFrequencies } from './group.repo.ts';

/** Lengths a group's fields and posts may reach. */
export const groupLimits = { name: 120, slug: 80, description: 2000, title: 200, body: 20_000, reason: 1000 } as const;

/** Groups in a page of the list, threads in a page of a group, replies in a page of a thread, reports in a page of the queue. */
export const groupsPerPage = 20;
export const threadsPerPage = 20;
export const repliesPerPage = 20;
export const reportsPerPage = 30;

/** A page number in a query: 1 when left out. */
const page = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1));

/** A text a person types: storable, trimmed, required, at most `max` characters; its messages are groups.json keys. */
const text = (required: string, max: number) => z.string({ error: required }).check(storable()).trim().min(1, required).max(max, 'groups.error.too_long');

/** GET /groups */
export const groupListQuery = z.object({ theme: optionalParam(z.enum(themes)), q: optionalParam(storableString().trim().max(200)), page }).strict();
export type GroupListQuery = z.infer<typeof groupListQuery>;

/** Confirmations after a post, by the `done` query value (groups.json keys). */
export const groupNotices = {
  created: 'groups.done.created',
  joined: 'groups.done.joined',
  requested: 'groups.done.requested',
  left: 'groups.done.left',
  already: 'groups.done.already',
  reported: 'groups.done.reported',
  pinned: 'groups.done.pinned',
  unpinned: 'groups.done.unpinned',
  locked: 'groups.done.locked',
  unlocked: 'groups.done.unlocked',
  hidden: 'groups.done.hidden',
  shown: 'groups.done.shown',
  approved: 'groups.done.approved',
  declined: 'groups.done.declined',
  removed: 'groups.done.removed',
  role: 'groups.done.role',
  resolved: 'groups.done.resolved',
} as const;
export type GroupNotice = keyof typeof groupNotices;
const done = optionalParam(z.enum(Object.keys(groupNotices) as [GroupNotice, ...GroupNotice[]]));

/** GET /groups/{slug} and GET /groups/{slug}/threads/{id} */
export const groupPageQuery = z.object({ page, done }).strict();

/** GET /groups/{slug}/moderation */
export const moderationQuery = z.object({ state: z.preprocess(blankToUndefined, z.enum(['open', 'resolved']).default('open')), page, done }).strict();
export type ModerationQuery = z.infer<typeof moderationQuery>;

/** An id in a path. */
export const pathId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A slug in a path or a form: lower-case letters and digits in words joined by hyphens. */
export const groupSlug = z
  .string()
  .max(groupLimits.slug, 'groups.error.slug')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'groups.error.slug');

/** POST /groups: a new group. The slug may be left empty: it is made from the name. */
export const groupForm = z.object({
  name: text('groups.error.name_required', groupLimits.name),
  slug: z.preprocess(blankToUndefined, groupSlug.optional()),
  description: z.preprocess(
    (v) => v ?? '',
    z.string({ error: 'groups.error.invalid' }).check(storable()).trim().max(groupLimits.description, 'groups.error.too_long'),
  ),
  themes: z.preprocess(
    (v) => (v === undefined ? [] : [v].flat()),
    z.array(z.enum(themes, { error: 'groups.error.themes' })).max(themes.length, 'groups.error.themes'),
  ),
  membership: z.enum(['open', 'moderated'], { error: 'groups.error.membership' }),
});
export type GroupForm = z.infer<typeof groupForm>;

/** POST /groups/{slug}/join: how often the person wants to hear of new posts. */
export const joinForm = z.object({ frequency: z.preprocess(blankToUndefined, z.enum(followFrequencies, { error: 'groups.error.invalid' }).default('daily')) });

/** POST /groups/{slug}/threads */
export const threadForm = z.object({
  title: text('groups.error.title_required', groupLimits.title),
  body: text('groups.error.body_required', groupLimits.body),
});

/** POST /groups/{slug}/threads/{id}/replies */
export const replyForm = z.object({ body: text('groups.error.body_required', groupLimits.body) });

/** A moderator's or a member's reason: hiding or reporting a post, removing a member. */
export const reasonForm = z.object({ reason: text('groups.error.reason_required', groupLimits.reason) });

/** POST …/pin and …/lock: on or off. */
export const flagForm = z.object({ value: z.enum(['yes', 'no'], { error: 'groups.error.invalid' }) });

/** POST /groups/{slug}/members/{userId}/role */
export const roleForm = z.object({ role: z.enum(['member', 'moderator'], { error: 'groups.error.invalid' }) });

/** The outcome of reading a form: its data, or one message key per field. */
export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Validates a posted form: the data, or one message key per field.
 * @example const r = readGroupForm(replyForm, await postedForm(c)); if (!r.ok) return show(r.errors);
 */
export function readGroupForm<T extends z.ZodType>(schema: T, body: unknown): FormResult<z.infer<T>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues)
    errors[String(issue.path[0] ?? 'form')] ??= /^(groups|form)\./.test(issue.message) ? issue.message : 'groups.error.invalid';
  return { ok: false, errors };
}
