import { z } from 'zod';
import type { SubmissionState } from '../db/schema.ts';
import { storable } from '../shared/storable-text.ts';
import { queueStates } from '../submissions/submission-state.ts';
import { themes } from '../vocabulary/vocabularies.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The waiting times the queue can filter on, in days. */
export const queueAges = [7, 30, 90] as const;
export type QueueAge = (typeof queueAges)[number];

/** Queue states as the filter offers them; the default is "in review". */
export const queueStateOptions: readonly SubmissionState[] = queueStates;

/**
 * Query of GET /review. It is a filter form: an unknown value is dropped (the filter is then
 * off), never an error, so a stale bookmark still opens the queue.
 */
export const queueQuery = z.object({
  state: z.preprocess(blankToUndefined, z.enum(queueStates).default('submitted')).catch('submitted'),
  theme: z.preprocess(blankToUndefined, z.enum(themes).optional()).catch(undefined),
  language: z.preprocess(blankToUndefined, z.string().regex(/^[a-z]{2}$/).optional()).catch(undefined),
  age: z.preprocess(blankToUndefined, z.coerce.number().refine((v): v is QueueAge => (queueAges as readonly number[]).includes(v)).optional()).catch(undefined),
  assignee: z.preprocess(blankToUndefined, z.enum(['me', 'none']).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type QueueQuery = z.infer<typeof queueQuery>;

/** A submission id in a path. */
export const submissionId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Longest comment, change request or rejection reason. */
export const maxMessageLength = 5000;

/** A required text of 1–5,000 characters; its messages are review.json keys. */
const message = (required: string) =>
  z
    .string({ error: required })
    .check(storable())
    .trim()
    .min(1, required)
    .max(maxMessageLength, 'review.message.too_long');

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

/** Per-field message keys of a refused form. */
export type FieldErrors = Record<string, string>;

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
