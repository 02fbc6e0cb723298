import { z } from 'zod';
import type { FieldErrors, FormValues } from '../shared/form-values.ts';
import { firstValue } from '../shared/form-values.ts';
import { storableString } from '../shared/storable-text.ts';
import type { ReviewScores, Rubric } from './rubric-scoring.ts';

/** The longest comment per criterion, and the longest decision message or conflict note. */
export const maxComment = 4000;

/** Free text: line ends normalised, trimmed, at most `max` characters (catalogue key on error). */
const text = (max: number) =>
  z.preprocess(
    (v) => (v === undefined ? '' : v),
    storableString()
      .transform((v) => v.replace(/\r\n?/g, '\n').trim())
      .pipe(z.string().max(max, 'call_review.text.too_long')),
  );

/** POST …/review/pool and …/applications/{id}/assign: the reviewer's email. */
export const emailForm = z.object({ email: z.string().trim().email('call_review.assign.email.invalid').max(320, 'call_review.assign.email.invalid') });

/** POST /reviews/{id}/conflict: yes or no, with a note. */
export const conflictForm = z.object({
  conflict: z.enum(['yes', 'no'], { message: 'call_review.conflict.choose' }),
  note: text(maxComment).transform((v) => v || null),
});

/** POST …/applications/{id}/decision: the decision and the message to the applicant. */
export const decisionForm = z.object({
  decision: z.enum(['selected', 'waiting_list', 'not_selected'], { message: 'call_review.decision.choose' }),
  message: text(maxComment).transform((v) => v || null),
});

/** An application id in a path: a positive integer, else undefined (the route answers 404). */
export function idParam(raw: string | undefined): number | undefined {
  return raw && /^[1-9]\d{0,15}$/.test(raw) && Number(raw) <= Number.MAX_SAFE_INTEGER ? Number(raw) : undefined;
}

/** The review form as typed: score and comment per criterion, for showing it again. */
export type ReviewFormValues = Record<string, string>;

/**
 * Reads the review form against the rubric: `score_<key>` (1–5 or empty) and `comment_<key>`;
 * `intent` is "submit" or a draft. Errors by field, as catalogue keys.
 */
export function readReviewForm(
  rubric: Rubric,
  body: FormValues,
): { scores: ReviewScores; intent: 'draft' | 'submit'; values: ReviewFormValues; errors: FieldErrors } {
  const scores: ReviewScores = {};
  const values: ReviewFormValues = {};
  const errors: FieldErrors = {};
  const intent = firstValue(body.intent) === 'submit' ? 'submit' : 'draft';
  for (const c of rubric) {
    const rawScore = (firstValue(body[`score_${c.key}`]) ?? '').trim();
    const comment = text(maxComment).safeParse(firstValue(body[`comment_${c.key}`]) ?? '');
    values[`score_${c.key}`] = rawScore;
    values[`comment_${c.key}`] = String(firstValue(body[`comment_${c.key}`]) ?? '');
    if (!comment.success) errors[`comment_${c.key}`] = 'call_review.text.too_long';
    if (rawScore === '') {
      if (intent === 'submit') errors[`score_${c.key}`] = 'call_review.score.missing';
      continue;
    }
    if (!/^[1-5]$/.test(rawScore)) {
      errors[`score_${c.key}`] = 'call_review.score.invalid';
      continue;
    }
    scores[c.key] = { score: Number(rawScore), comment: comment.success ? comment.data : '' };
  }
  return { scores, intent, values, errors };
}
