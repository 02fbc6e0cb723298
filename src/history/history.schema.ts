import { z } from 'zod';
import { storableString } from '../shared/storable-text.ts';

/**
 * The version a change started from (an edit or a restore): a content hash, or empty when
 * tampered with (then it never matches).
 */
export const baseVersion = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .catch('');

/** A revision id in a query or path; anything else counts as not given. */
const revisionId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);

/** GET /practices/{id}/history */
export const historyQuery = z.object({
  page: z.coerce.number().int().positive().max(10_000).catch(1).default(1),
  done: z.enum(['restored', 'unchanged']).optional().catch(undefined),
});

/** GET /practices/{id}/history/compare — both default to the latest revision and the one before it. */
export const compareQuery = z.object({ from: revisionId, to: revisionId });

/** Longest note an editor may add to a restore. */
export const restoreNoteMax = 500;

/** POST /practices/{id}/history/{revisionId}/restore */
export const restoreForm = z.object({
  base: baseVersion,
  note: z.string().catch('').pipe(storableString().trim().max(restoreNoteMax, 'form.error.too_long')),
});
