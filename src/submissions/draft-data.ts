import { draftFromValues, valuesFromRecord } from '../practice-form/practice-form.convert.ts';
import { type FormErrors, type FormStep, fieldsOfStep, formSteps, mergeDraft, type PracticeFormValues } from '../practice-form/practice-form.fields.ts';
import type { PracticeRecord } from '../practices/practice.schema.ts';
import { isStorableText, unstorableFieldMessage, withUnstorableReplaced } from '../shared/storable-text.ts';
import { adaptAnswerMax, adaptFields } from './submit.schema.ts';

/** The answers an adaptation gives on its first step. */
export interface AdaptAnswers {
  kept: string;
  changed: string;
  why: string;
}

/**
 * What a practice submission's `data` column holds: the record fields saved so far (valid ones
 * only), and two private parts (a leading `_`, dropped when an editor publishes):
 * - `_raw`: per step, the values exactly as typed when that step had problems, so nothing the
 *   person wrote is lost; the step is shown from them (with their errors) until it saves cleanly.
 * - `_adapt`: an adaptation's answers (what was kept, what changed, why); at send time they
 *   become the record's `adapted_from[0].changes`.
 */
export type DraftData = Partial<PracticeRecord> & {
  _raw?: Partial<Record<FormStep, PracticeFormValues>>;
  _adapt?: AdaptAnswers;
};

/** How much of one typed value is kept aside: a little over the longest field, so a too-long text can be shortened, not retyped. */
const rawValueMax = 60_000;
/** How many rows of a repeated field are kept aside. */
const rawRowsMax = 100;

/** The record part of a draft: private `_` fields dropped. */
export function recordOf(data: DraftData | Record<string, unknown>): Partial<PracticeRecord> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !k.startsWith('_'))) as Partial<PracticeRecord>;
}

/** The field names a step's form posts (the adaptation questions ride on the first step). */
export function postedNames(step: FormStep, adapting: boolean): string[] {
  return step === 'basics' && adapting ? [...fieldsOfStep(step), ...adaptFields] : fieldsOfStep(step);
}

/** The posted values of a step's fields, capped in size, to keep aside when the step has problems. */
export function rawOf(values: PracticeFormValues, names: readonly string[]): PracticeFormValues {
  const raw: PracticeFormValues = {};
  for (const name of names) {
    const v = values[name];
    if (v === undefined) continue;
    // Characters no text may hold cannot be stored even aside: they become U+FFFD, the rest is kept.
    const keep = (s: string) => withUnstorableReplaced(s.slice(0, rawValueMax));
    raw[name] = Array.isArray(v) ? v.slice(0, rawRowsMax).map(keep) : keep(v);
  }
  return raw;
}

/** The values a step's form shows: what was typed when the step had problems, else the saved record. */
export function stepValues(data: DraftData, step: FormStep): PracticeFormValues {
  const raw = data._raw?.[step];
  if (raw) return raw;
  const values = valuesFromRecord(recordOf(data));
  if (step === 'basics' && data._adapt) {
    values.adapt_kept = data._adapt.kept;
    values.adapt_changed = data._adapt.changed;
    values.adapt_why = data._adapt.why;
  }
  return values;
}

const one = (values: PracticeFormValues, name: string) => {
  const v = values[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).replace(/\r\n?/g, '\n').trim();
};

/** The adaptation answers of a posted first step, with a message for any that is too long. */
export function readAdaptAnswers(values: PracticeFormValues): { answers: AdaptAnswers; errors: FormErrors } {
  const errors: FormErrors = {};
  const answers = { kept: one(values, 'adapt_kept'), changed: one(values, 'adapt_changed'), why: one(values, 'adapt_why') };
  for (const [name, text] of [
    ['adapt_kept', answers.kept],
    ['adapt_changed', answers.changed],
    ['adapt_why', answers.why],
  ] as const) {
    if (text.length > adaptAnswerMax) errors[name] = 'submissions.adapt.error.too_long';
    else if (!isStorableText(text)) errors[name] = unstorableFieldMessage;
  }
  return { answers, errors };
}

/**
 * A posted step parsed and merged into the draft: the step's valid fields replace what it held
 * before; when the step has problems its typed values are also kept aside in `_raw`.
 * @example const { data, errors } = applyStep(submission.data, 'basics', values, true);
 */
export function applyStep(before: DraftData, step: FormStep, values: PracticeFormValues, adapting: boolean): { data: DraftData; errors: FormErrors } {
  const { draft, errors } = draftFromValues(values, [step]);
  const merged: DraftData = { ...mergeDraft(recordOf(before), draft, [step]) };
  const raw = { ...before._raw };
  let adapt = before._adapt;
  if (step === 'basics' && adapting) {
    const read = readAdaptAnswers(values);
    Object.assign(errors, read.errors);
    if (!Object.keys(read.errors).length) adapt = read.answers;
  }
  if (Object.keys(errors).length) raw[step] = rawOf(values, postedNames(step, adapting));
  else delete raw[step];
  if (Object.keys(raw).length) merged._raw = raw;
  if (adapt) merged._adapt = adapt;
  return { data: merged, errors };
}

/** The problems of the typed values kept aside, per step: what still has to be corrected. */
export function pendingErrors(data: DraftData): FormErrors {
  const errors: FormErrors = {};
  for (const step of formSteps) {
    const raw = data._raw?.[step];
    if (!raw) continue;
    Object.assign(errors, draftFromValues(raw, [step]).errors);
    if (step === 'basics') Object.assign(errors, readAdaptAnswers(raw).errors);
  }
  return errors;
}

/** The errors to show with a step's values: those of what was typed and kept aside, if anything was. */
export function stepErrors(data: DraftData, step: FormStep): FormErrors | undefined {
  const raw = data._raw?.[step];
  if (!raw) return undefined;
  const errors = { ...draftFromValues(raw, [step]).errors };
  if (step === 'basics') Object.assign(errors, readAdaptAnswers(raw).errors);
  return errors;
}
