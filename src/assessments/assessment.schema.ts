import { z } from 'zod';
import type { AssessmentRating } from '../db/schema.ts';
import type { FieldErrors, FormValues } from '../shared/form-values.ts';
import { storableString } from '../shared/storable-text.ts';
import { type AssessmentCriterion, assessmentCriteria, assessmentRatings, maxRationaleLength } from './assessment-criteria.ts';

/** An editor's judgement, validated: a rating and a rationale per criterion, and the evidence level. */
export interface AssessmentInput {
  ratings: Record<AssessmentCriterion, { rating: AssessmentRating; note: string }>;
  evidenceLevel: number;
}

/** The form as typed or as stored: `practical`, `practical_note`, … and `evidence_level`, all strings. */
export type AssessmentFormValues = Record<string, string>;

// Every message is a catalogue key (assessments.json), translated when the form is shown again.
const rating = z.enum(assessmentRatings, 'assessments.error.rating');
const note = storableString().trim().max(maxRationaleLength, 'assessments.error.note_too_long');
const evidenceLevel = z.enum(['1', '2', '3', '4', '5'], 'assessments.error.evidence').transform(Number);

/** A posted field as one string (a repeated field keeps its first value). */
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Validates POST /practices/{id}/assess field by field, so every problem is reported at once:
 * each criterion needs an answer, and a rationale unless the answer is "unknown".
 * @example const form = readAssessmentForm(await postedForm(c)); if (!form.ok) showErrors(form.errors);
 */
export function readAssessmentForm(body: FormValues): { ok: true; data: AssessmentInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const ratings = {} as AssessmentInput['ratings'];
  for (const criterion of assessmentCriteria) {
    const r = rating.safeParse(one(body[criterion]));
    const n = note.safeParse(one(body[`${criterion}_note`]) ?? '');
    if (!r.success) errors[criterion] = r.error.issues[0].message;
    if (!n.success) errors[`${criterion}_note`] = n.error.issues[0].message;
    else if (r.success && r.data !== 'unknown' && n.data === '') errors[`${criterion}_note`] = 'assessments.error.note_required';
    if (r.success && n.success) ratings[criterion] = { rating: r.data, note: n.data };
  }
  const level = evidenceLevel.safeParse(one(body.evidence_level));
  if (!level.success) errors.evidence_level = level.error.issues[0].message;
  if (Object.keys(errors).length > 0 || !level.success) return { ok: false, errors };
  return { ok: true, data: { ratings, evidenceLevel: level.data } };
}

/** What was posted, in the form's shape, to show it again after an error. */
export function typedAssessmentValues(body: FormValues): AssessmentFormValues {
  const values: AssessmentFormValues = { evidence_level: one(body.evidence_level) ?? '' };
  for (const criterion of assessmentCriteria) {
    values[criterion] = one(body[criterion]) ?? '';
    values[`${criterion}_note`] = one(body[`${criterion}_note`]) ?? '';
  }
  return values;
}
