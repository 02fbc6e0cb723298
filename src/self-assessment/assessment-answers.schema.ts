import { z } from 'zod';
import type { Dimension } from '../framework/framework.ts';
import { blankToUndefined, type FieldErrors, type FormValues, firstValue } from '../shared/form-values.ts';
import { storable } from '../shared/storable-text.ts';
import type { AnswerContent } from './city-assessment.repo.ts';

/** The choices besides the options: a reason a question is not answered. */
export const unansweredChoices = ['dont-know', 'not-applicable'] as const;

/** The form's field names for a question. */
export const answerField = (code: string) => `answer.${code}`;
export const evidenceField = (code: string) => `evidence.${code}`;
export const noteField = (code: string) => `note.${code}`;

const evidenceUrl = z.preprocess(
  (v) => blankToUndefined(firstValue(v)),
  z
    .string()
    .check(storable())
    .trim()
    .max(2000, 'form.error.too_long')
    .refine((s) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(s) && URL.canParse(s), 'form.error.url')
    .optional(),
);
const note = z.preprocess((v) => blankToUndefined(firstValue(v)), z.string().check(storable()).trim().max(1000, 'form.error.too_long').optional());

/** What a posted page of one dimension says: the draft version it was based on and each question's answer (undefined: not answered yet). */
export interface DimensionAnswers {
  version: number;
  answers: Map<string, AnswerContent | undefined>;
}

/**
 * Reads the posted answers of one dimension: for each question, an option of it, "don't know",
 * "not applicable" or nothing yet, with an optional evidence link (http or https) and note.
 * Returns the answers, or a message key per field that is wrong.
 * @example const read = readDimensionAnswers(dimension, values); if ('errors' in read) …
 */
export function readDimensionAnswers(dimension: Dimension, values: FormValues): DimensionAnswers | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const version = z.coerce.number().int().min(1).max(1_000_000).safeParse(firstValue(values.version));
  if (!version.success) errors.version = 'form.error.required';
  const answers = new Map<string, AnswerContent | undefined>();
  for (const q of dimension.questions) {
    const choices: string[] = [...q.options.map((o) => o.value), ...unansweredChoices];
    const chosen = z.preprocess((v) => blankToUndefined(firstValue(v)), z.string().optional()).safeParse(values[answerField(q.code)]);
    const evidence = evidenceUrl.safeParse(values[evidenceField(q.code)]);
    const noted = note.safeParse(values[noteField(q.code)]);
    if (!chosen.success || (chosen.data !== undefined && !choices.includes(chosen.data))) errors[answerField(q.code)] = 'form.error.choice';
    if (!evidence.success) errors[evidenceField(q.code)] = evidence.error.issues[0]?.message ?? 'form.error.url';
    if (!noted.success) errors[noteField(q.code)] = noted.error.issues[0]?.message ?? 'form.error.too_long';
    if (!chosen.success || !evidence.success || !noted.success) continue;
    const choice = chosen.data;
    if (choice === undefined && evidence.data === undefined && noted.data === undefined) {
      answers.set(q.code, undefined);
      continue;
    }
    if (choice === undefined) {
      // Evidence or a note without an answer: the answer is what is missing.
      errors[answerField(q.code)] = 'sa.edit.error.answer_with_evidence';
      continue;
    }
    const unanswered = (unansweredChoices as readonly string[]).includes(choice) ? (choice as AnswerContent['unanswered']) : null;
    answers.set(q.code, { option: unanswered ? null : choice, unanswered, evidence_url: evidence.data ?? null, note: noted.data ?? null });
  }
  if (Object.keys(errors).length > 0 || !version.success) return { errors };
  return { version: version.data, answers };
}
