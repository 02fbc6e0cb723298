import { z } from 'zod';
import type { SubmissionState } from '../db/schema.ts';
import { blankToUndefined } from '../shared/form-values.ts';
import { queueStates } from '../submissions/submission-state.ts';
import { themes } from '../vocabulary/vocabularies.ts';

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
  language: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[a-z]{2}$/)
        .optional(),
    )
    .catch(undefined),
  age: z
    .preprocess(
      blankToUndefined,
      z.coerce
        .number()
        .refine((v): v is QueueAge => (queueAges as readonly number[]).includes(v))
        .optional(),
    )
    .catch(undefined),
  assignee: z.preprocess(blankToUndefined, z.enum(['me', 'none']).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type QueueQuery = z.infer<typeof queueQuery>;
