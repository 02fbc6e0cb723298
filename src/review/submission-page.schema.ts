import { z } from 'zod';
import { blankToUndefined, type FieldErrors } from '../shared/form-values.ts';
import { storable } from '../shared/storable-text.ts';

/** A submission id in a path. */
export const submissionId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Longest comment, change request or rejection reason. */
export const maxMessageLength = 5000;

/** A required text of 1–5,000 characters; its messages are review.json keys. */
const message = (required: string) => z.string({ error: required }).check(storable()).trim().min(1, required).max(maxMessageLength, 'review.message.too_long');

/** POST /submissions/{id}/comments */
export const commentForm = z.object({ body: message('review.comment.required') });

/** POST /submissions/{id}/request-changes: the message the submitter reads. */
export const requestChangesForm = z.object({ message: message('review.request_changes.required') });

/** POST /submissions/{id}/reject: the reason the submitter reads. */
export const rejectForm = z.object({ reason: message('review.reject.required') });

/**
 * POST /submissions/{id}/assign. `expected` is the assignee the page showed (empty for nobody),
 * so that an editor does not silently take a submission another editor took a moment ago.
 */
export const assignForm = z.object({
  assignee: z.enum(['me', 'none']),
  expected: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
});

/**
 * Validates a posted form against one of the schemas above: the data, or one message key per field.
 * @example const r = readReviewForm(commentForm, await postedForm(c)); if (!r.ok) showErrors(r.errors);
 */
export function readReviewForm<T extends z.ZodType>(schema: T, body: unknown): { ok: true; data: z.infer<T> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    errors[String(issue.path[0] ?? 'form')] ??= /^(review|form)\./.test(issue.message) ? issue.message : 'review.message.invalid';
  }
  return { ok: false, errors };
}
