import { z } from 'zod';
import { blankToUndefined, type FieldErrors, type FormValues } from '../shared/form-values.ts';
import { storableString } from '../shared/storable-text.ts';

/** Most tags merged at once: far more than any real set of spellings of one group. */
const maxTags = 200;
/** Checkbox lists arrive as one string or several; both become a list without repeats. */
const tagList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set(v === undefined ? [] : [v].flat())]);

/** Query of /admin/tags: the filter, the ticked tags to merge, and the count of a merge just done. */
export const tagsQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()).catch(undefined),
  tag: tagList.pipe(z.array(z.string().max(120)).max(maxTags)).catch([]),
  done: z.coerce.number().int().min(0).optional().catch(undefined),
});

/** POST /admin/tags/merge: the ticked tags and the tag to keep, a valid target group (1–120 characters). */
const mergeForm = z
  .object({
    tag: tagList.pipe(z.array(storableString().min(1).max(120)).max(maxTags)),
    keep: storableString().trim().min(1, 'admin.tags.error.keep').max(120, 'admin.tags.error.keep'),
  })
  // Merging one tag into itself would change nothing: two tags, or one and a new name.
  .refine((f) => f.tag.length >= 2 || (f.tag.length === 1 && f.tag[0] !== f.keep), { path: ['tag'], message: 'admin.tags.error.none' });

/**
 * Validates a posted merge: the tags and the kept tag, or a message key per field.
 * @example const form = readMergeForm(await postedForm(c));
 */
export function readMergeForm(body: FormValues): { ok: true; data: { tags: string[]; keep: string } } | { ok: false; errors: FieldErrors } {
  const parsed = mergeForm.safeParse(body);
  if (parsed.success) return { ok: true, data: { tags: parsed.data.tag, keep: parsed.data.keep } };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'tag');
    errors[field] ??= /^(admin|form)\./.test(issue.message) ? issue.message : field === 'keep' ? 'admin.tags.error.keep' : 'admin.tags.error.none';
  }
  return { ok: false, errors };
}
