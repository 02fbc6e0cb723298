import { z } from 'zod';
import { countryExists } from '../geo/countries.ts';
import { type FieldErrors, type FormValues, firstValue } from '../shared/form-values.ts';
import { isStorableText } from '../shared/storable-text.ts';
import type { Answers, Identity } from './application.repo.ts';
import type { EligibleKind, Question } from './call-form.schema.ts';

/** Questions asked on one page of the application: a file question has its page (its form is an upload). */
const perPage = 3;

/**
 * The application's pages of questions: the other questions three by three, each file question
 * on a page of its own.
 * @example pagesOf(call.questions).length // 2
 */
export function pagesOf(questions: Question[]): Question[][] {
  const pages: Question[][] = [];
  let current: Question[] = [];
  for (const q of questions) {
    if (q.kind === 'file') {
      if (current.length) pages.push(current);
      pages.push([q]);
      current = [];
      continue;
    }
    current.push(q);
    if (current.length === perPage) {
      pages.push(current);
      current = [];
    }
  }
  if (current.length) pages.push(current);
  return pages;
}

/** The number of words of a text, as a word limit counts them. */
export const wordCount = (text: string) => text.split(/\s+/u).filter(Boolean).length;

/**
 * Reads the answers of one page's questions. Empty answers are kept empty (a draft may be
 * incomplete; submitting checks what is required); a wrong one is a message key at its field.
 */
export function readAnswers(questions: Question[], values: FormValues): { answers: Answers } | { errors: FieldErrors } {
  const answers: Answers = {};
  const errors: FieldErrors = {};
  for (const q of questions) {
    const name = `a_${q.key}`;
    const all = [values[name] ?? []].flat().filter((v): v is string => typeof v === 'string');
    const one = (firstValue(values[name]) ?? '').trim();
    if (all.some((v) => !isStorableText(v))) {
      errors[name] = 'form.error.characters';
      continue;
    }
    if (q.kind === 'short_text') {
      if (one.length > 500) errors[name] = 'calls.answer.error.too_long';
      else answers[q.key] = one;
    } else if (q.kind === 'long_text') {
      if (one.length > 50_000) errors[name] = 'calls.answer.error.too_long';
      else if (q.wordLimit && wordCount(one) > q.wordLimit) errors[name] = 'calls.answer.error.words';
      else answers[q.key] = one;
    } else if (q.kind === 'choice') {
      if (one && !q.options?.includes(one)) errors[name] = 'calls.answer.error.choice';
      else answers[q.key] = one;
    } else if (q.kind === 'multiple_choice') {
      const chosen = [...new Set(all)];
      if (chosen.some((c) => !q.options?.includes(c))) errors[name] = 'calls.answer.error.choice';
      else answers[q.key] = chosen;
    } else if (q.kind === 'number') {
      const n = one === '' ? undefined : Number(one.replace(',', '.'));
      if (n !== undefined && (!Number.isFinite(n) || Math.abs(n) > 1e12)) errors[name] = 'calls.answer.error.number';
      else answers[q.key] = n ?? '';
    }
  }
  return Object.keys(errors).length ? { errors } : { answers };
}

/** An answer as the form shows it again. */
export function answerValues(questions: Question[], answers: Answers): FormValues {
  const values: FormValues = {};
  for (const q of questions) {
    const a = answers[q.key];
    values[`a_${q.key}`] = Array.isArray(a) ? a : a === undefined ? '' : String(a);
  }
  return values;
}

/** Whether a question has an answer (a file question: a stored file). */
function answered(q: Question, answers: Answers, files: Set<string>): boolean {
  if (q.kind === 'file') return files.has(q.key);
  const a = answers[q.key];
  return Array.isArray(a) ? a.length > 0 : a !== undefined && String(a).trim() !== '';
}

/** The required questions still without an answer, in the form's order. */
export function missingAnswers(questions: Question[], answers: Answers, files: Set<string>): Question[] {
  return questions.filter((q) => q.required && !answered(q, answers, files));
}

/** The kind of applicant each kind of eligibility admits. */
export const applicantKindOf = { cities: 'city', organizations: 'organization', people: 'person' } as const satisfies Record<
  EligibleKind,
  Identity['applicantKind']
>;

const identitySchema = z.object({
  kind: z.enum(['city', 'organization', 'person']),
  name: z.string().trim().min(1).max(300).refine(isStorableText),
  city: z.string().trim().max(200).refine(isStorableText),
  country: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .refine((c) => c === '' || countryExists(c)),
  organization: z.string().trim().max(100),
});

/**
 * Reads who applies: the kind (among those the call admits), the applicant's name, city and
 * country (a city needs both), and for an organisation one of those the person is an approved
 * member of (`organizations`: slug → id).
 */
export function readIdentity(
  values: FormValues,
  eligible: EligibleKind[],
  organizations: Map<string, string>,
): { identity: Identity } | { errors: FieldErrors } {
  const one = (n: string) => firstValue(values[n]) ?? '';
  const errors: FieldErrors = {};
  const f: Record<string, string> = {};
  for (const [field, schema] of Object.entries(identitySchema.shape)) {
    const parsed = (schema as z.ZodType<string>).safeParse(one(field));
    if (parsed.success) f[field] = parsed.data;
    else errors[field] = `calls.identity.error.${field}`;
  }
  const kinds = eligible.map((e) => applicantKindOf[e]) as string[];
  if (f.kind && !kinds.includes(f.kind)) errors.kind = 'calls.identity.error.kind';
  if (f.kind === 'city' && !errors.city && !f.city) errors.city = 'calls.identity.error.city';
  if (f.kind === 'city' && !errors.country && !f.country) errors.country = 'calls.identity.error.country';
  const organizationId = f.kind === 'organization' ? organizations.get(f.organization ?? '') : undefined;
  if (f.kind === 'organization' && !organizationId) errors.organization = 'calls.identity.error.organization';
  if (Object.keys(errors).length) return { errors };
  return {
    identity: {
      applicantKind: f.kind as Identity['applicantKind'],
      name: f.name,
      city: f.city || null,
      country: f.country || null,
      organizationId: organizationId ?? null,
    },
  };
}
