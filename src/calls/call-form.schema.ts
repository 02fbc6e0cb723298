import { z } from 'zod';
import { isTimeZone, localDay, localTime, wallClockExists, zonedToUtc } from '../events/zoned-time.ts';
import { type FieldErrors, type FormValues, firstValue } from '../shared/form-values.ts';
import { storableString } from '../shared/storable-text.ts';
import { themes } from '../vocabulary/vocabularies.ts';
import type { CallRow } from './call.repo.ts';

/** The kinds of custom question an application form may ask. */
export const questionKinds = ['short_text', 'long_text', 'choice', 'multiple_choice', 'number', 'file'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Who may apply to a call (stored in `calls.eligible`). */
export const eligibleKinds = ['cities', 'organizations', 'people'] as const;
export type EligibleKind = (typeof eligibleKinds)[number];

/** The largest file a file question takes: 10 MB of PDF. */
export const maxFileBytes = 10 * 1024 * 1024;

/** Rows of questions and criteria the form offers (no script needed: empty rows are left out). */
export const questionRows = 8;
export const criterionRows = 6;

const key = z.string().regex(/^[a-z0-9]+(_[a-z0-9]+)*$/);
const plain = (max: number) => storableString().trim().max(max);

/** One custom question of a call's form, as stored in `calls.questions`. */
export const questionSchema = z.object({
  key,
  kind: z.enum(questionKinds),
  label: plain(500).min(1),
  help: plain(2000).default(''),
  required: z.boolean(),
  /** Long text: the most words an answer may have. */
  wordLimit: z.number().int().min(1).max(20_000).optional(),
  /** Choice and multiple choice: the options offered. */
  options: z.array(plain(300).min(1)).max(30).optional(),
});
export type Question = z.infer<typeof questionSchema>;
export const questionsSchema = z.array(questionSchema).max(questionRows);

/** One criterion of a call's rubric: how applications are scored, 1 to 5, each point with its anchor. */
export const criterionSchema = z.object({
  key,
  title: plain(300).min(1),
  description: plain(2000),
  weight: z.number().positive().max(100),
  anchors: z.object({ '1': plain(500), '2': plain(500), '3': plain(500), '4': plain(500), '5': plain(500) }),
});
export type Criterion = z.infer<typeof criterionSchema>;

/** A call's rubric, as stored in `calls.rubric` (the review reads it from here). */
export const rubricSchema = z.array(criterionSchema).max(criterionRows);
export type Rubric = z.infer<typeof rubricSchema>;

/** A call as the form gives it, checked: instants computed in the coordinator's zone. */
export interface CallInput {
  title: string;
  description: string;
  eligible: EligibleKind[];
  themes: string[];
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  questions: Question[];
  rubric: Rubric;
  reviewersPerApplication: number;
  languages: string[];
}

/** The message key of a field's problem (row fields share their column's key: `q3_label` → `q_label`). */
const problem = (field: string) => `calls.form.error.${field.replace(/^([qr])\d+_/, '$1_')}`;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** The call's own fields, each read on its own. */
const fieldsSchema = {
  title: plain(300).min(1),
  description: plain(20_000),
  eligible: z.array(z.enum(eligibleKinds)).min(1),
  themes: z.array(z.enum(themes)).max(6),
  opens_date: date,
  opens_time: time,
  closes_date: date,
  closes_time: time,
  time_zone: z.string().refine(isTimeZone),
  reviewers: z.coerce.number().int().min(1).max(10),
  languages: plain(200).transform((v, ctx) => {
    const codes = [...new Set(v.split(/[\s,;]+/).filter(Boolean))].map((c) => c.toLowerCase());
    if (!codes.length || codes.length > 20 || codes.some((c) => !/^[a-z]{2,3}$/.test(c) || !languageNames.of(c))) {
      ctx.addIssue({ code: 'custom', message: 'languages' });
      return z.NEVER;
    }
    return codes;
  }),
} satisfies Record<string, z.ZodType>;

/** Whether a YYYY-MM-DD names a day of the calendar (not 31 February). */
const realDay = (d: string) => {
  const at = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === d;
};

/** A key made of a title, unique among `taken`: "Community reach" → "community_reach". */
function keyOf(title: string, taken: Set<string>, fallback: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  let k = words || fallback;
  for (let n = 2; taken.has(k); n++) k = `${words || fallback}_${n}`;
  taken.add(k);
  return k;
}

type Reader = (name: string) => string;

/** The filled rows of custom questions, or problems by field (`q2_label`…). */
function readQuestions(one: Reader, errors: FieldErrors): Question[] {
  const questions: Question[] = [];
  for (let i = 1; i <= questionRows; i++) {
    const label = one(`q${i}_label`).trim();
    const options = one(`q${i}_options`)
      .split(/\r?\n/)
      .map((o) => o.trim())
      .filter(Boolean);
    const words = one(`q${i}_words`).trim();
    if (!label) {
      if (options.length || words || one(`q${i}_help`).trim()) errors[`q${i}_label`] = problem(`q${i}_label`);
      continue;
    }
    const kind = one(`q${i}_kind`);
    const parsed = questionSchema.safeParse({
      key: `q${i}`,
      kind,
      label,
      help: one(`q${i}_help`),
      required: one(`q${i}_required`) !== '',
      wordLimit: kind === 'long_text' && words ? Number(words) : undefined,
      options: kind === 'choice' || kind === 'multiple_choice' ? options : undefined,
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'label');
      const name = { wordLimit: 'words', kind: 'kind', options: 'options', help: 'help' }[field] ?? 'label';
      errors[`q${i}_${name}`] = problem(`q${i}_${name}`);
    } else if ((kind === 'choice' || kind === 'multiple_choice') && options.length < 2) errors[`q${i}_options`] = problem(`q${i}_options`);
    else questions.push(parsed.data);
  }
  return questions;
}

/** The filled rows of the rubric, or problems by field (`r2_weight`…). */
function readRubric(one: Reader, errors: FieldErrors): Rubric {
  const rubric: Rubric = [];
  const taken = new Set<string>();
  for (let i = 1; i <= criterionRows; i++) {
    const title = one(`r${i}_title`).trim();
    const anchors = { '1': one(`r${i}_a1`), '2': one(`r${i}_a2`), '3': one(`r${i}_a3`), '4': one(`r${i}_a4`), '5': one(`r${i}_a5`) };
    if (!title) {
      if (one(`r${i}_description`).trim() || Object.values(anchors).some((a) => a.trim())) errors[`r${i}_title`] = problem(`r${i}_title`);
      continue;
    }
    const parsed = criterionSchema.safeParse({
      key: keyOf(title, taken, `c${i}`),
      title,
      description: one(`r${i}_description`),
      weight: one(`r${i}_weight`).trim() === '' ? 1 : Number(one(`r${i}_weight`)),
      anchors,
    });
    if (!parsed.success) {
      const [field, sub] = parsed.error.issues[0]?.path ?? [];
      const name = field === 'anchors' ? `a${String(sub)}` : ['weight', 'description'].includes(String(field)) ? String(field) : 'title';
      errors[`r${i}_${name}`] = problem(`r${i}_${name}`);
    } else rubric.push(parsed.data);
  }
  return rubric;
}

/** The opening and closing instants on the coordinator's clock, or problems (a skipped time, a close before the open). */
function readWhen(f: Record<string, unknown>, errors: FieldErrors): { opensAt: Date; closesAt: Date } | undefined {
  const zone = f.time_zone as string | undefined;
  if (!zone) return undefined;
  const at = (which: 'opens' | 'closes') => {
    const d = f[`${which}_date`] as string | undefined;
    const t = f[`${which}_time`] as string | undefined;
    if (!d || !t) return undefined;
    if (!realDay(d)) {
      errors[`${which}_date`] = problem(`${which}_date`);
      return undefined;
    }
    const local = `${d}T${t}`;
    if (!wallClockExists(local, zone)) {
      errors[`${which}_time`] = 'calls.form.error.time_skipped';
      return undefined;
    }
    return zonedToUtc(local, zone);
  };
  const opensAt = at('opens');
  const closesAt = at('closes');
  if (!opensAt || !closesAt) return undefined;
  if (closesAt <= opensAt) {
    errors.closes_date = 'calls.form.error.closes_before_opens';
    return undefined;
  }
  return { opensAt, closesAt };
}

/**
 * Reads the posted call form: each field checked on its own, the filled question and criterion
 * rows, then the dates on the coordinator's clock (a time its clocks skip is refused next to the
 * field). Problems are message keys by field, for the form shown again.
 * @example const read = readCallForm(await postedForm(c)); if ('errors' in read) …
 */
export function readCallForm(values: FormValues): { input: CallInput } | { errors: FieldErrors } {
  const one: Reader = (name) => firstValue(values[name]) ?? '';
  const list = (name: string) => [values[name] ?? []].flat().filter((v): v is string => typeof v === 'string');
  const errors: FieldErrors = {};
  const read: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(fieldsSchema)) {
    const parsed = (schema as z.ZodType).safeParse(field === 'eligible' || field === 'themes' ? list(field) : one(field));
    if (parsed.success) read[field] = parsed.data;
    else errors[field] = problem(field);
  }
  const when = readWhen(read, errors);
  const questions = readQuestions(one, errors);
  const rubric = readRubric(one, errors);
  if (Object.keys(errors).length || !when) return { errors };
  return {
    input: {
      title: read.title as string,
      description: read.description as string,
      eligible: read.eligible as EligibleKind[],
      themes: read.themes as string[],
      opensAt: when.opensAt,
      closesAt: when.closesAt,
      timeZone: read.time_zone as string,
      questions,
      rubric,
      reviewersPerApplication: read.reviewers as number,
      languages: read.languages as string[],
    },
  };
}

/** A call's stored questions, checked (a stored value the app no longer reads gives none rather than a broken page). */
export function questionsOf(stored: unknown): Question[] {
  const parsed = questionsSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** A call's stored rubric, checked. */
export function rubricOf(stored: unknown): Rubric {
  const parsed = rubricSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** The values of an empty form: a call open from tomorrow for four weeks, in UTC. */
export function newCallValues(now: Date): FormValues {
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  return {
    eligible: ['cities'],
    opens_date: day(1),
    opens_time: '09:00',
    closes_date: day(29),
    closes_time: '17:00',
    time_zone: 'UTC',
    reviewers: '2',
    languages: 'en',
  };
}

/** A recorded call as the form's values: its times on the coordinator's clock, its rows filled. */
export function callFormValues(c: CallRow): FormValues {
  const values: FormValues = {
    title: c.title,
    description: c.description,
    eligible: c.eligible,
    themes: c.themes,
    opens_date: localDay(c.opens_at, c.time_zone),
    opens_time: localTime(c.opens_at, c.time_zone),
    closes_date: localDay(c.closes_at, c.time_zone),
    closes_time: localTime(c.closes_at, c.time_zone),
    time_zone: c.time_zone,
    reviewers: String(c.reviewers_per_application),
    languages: c.languages.join(', '),
  };
  questionsOf(c.questions).forEach((q, n) => {
    const i = n + 1;
    Object.assign(values, {
      [`q${i}_label`]: q.label,
      [`q${i}_kind`]: q.kind,
      [`q${i}_help`]: q.help,
      [`q${i}_required`]: q.required ? 'on' : undefined,
      [`q${i}_words`]: q.wordLimit ? String(q.wordLimit) : '',
      [`q${i}_options`]: (q.options ?? []).join('\n'),
    });
  });
  rubricOf(c.rubric).forEach((r, n) => {
    const i = n + 1;
    Object.assign(values, { [`r${i}_title`]: r.title, [`r${i}_description`]: r.description, [`r${i}_weight`]: String(r.weight) });
    for (const a of ['1', '2', '3', '4', '5'] as const) values[`r${i}_a${a}`] = r.anchors[a];
  });
  return values;
}
