import type { PracticeRecord } from '../practices/practice.schema.ts';

/** The parts of the practice form, in the order the step-by-step submission walks through them. */
export const formSteps = ['basics', 'place', 'how', 'results', 'sources'] as const;
export type FormStep = (typeof formSteps)[number];

/** Raw posted values: strings, and string lists for repeated names. */
export type PracticeFormValues = Record<string, string | string[] | undefined>;

/** Field name → message key (translated when shown). Same shape as accounts' FieldErrors. */
export type FormErrors = Record<string, string>;

/** Record fields the form edits; id, translations, adapted_from and updated are handled elsewhere. */
export type FormRecordField = Exclude<keyof PracticeRecord, 'id' | 'translations' | 'adapted_from' | 'updated'>;

/** Form field names per step. Repeated rows post the same name once per row (partner_name, source_url, …). */
const stepFields: Record<FormStep, readonly string[]> = {
  basics: ['title', 'summary', 'language', 'themes', 'status', 'started', 'ended'],
  place: [
    'level',
    'city',
    'country',
    'location_lat',
    'location_lon',
    'actor_types',
    'lead_organization',
    'partner_name',
    'partner_support',
    'contact_organization',
    'contact_person',
    'target_groups',
  ],
  how: ['challenge', 'approach', 'body'],
  results: ['outcomes', 'evaluation', 'lessons', 'transferability', 'evidence_level'],
  sources: ['source_url', 'source_title'],
};

/** Record fields per step: a step's draft replaces exactly these. */
const stepRecordFields: Record<FormStep, readonly FormRecordField[]> = {
  basics: ['title', 'summary', 'language', 'themes', 'status', 'started', 'ended'],
  place: ['level', 'city', 'country', 'location', 'actor_types', 'lead_organization', 'partners', 'contact', 'target_groups'],
  how: ['challenge', 'approach', 'body'],
  results: ['outcomes', 'evaluation', 'lessons', 'transferability', 'evidence_level'],
  sources: ['sources'],
};

/**
 * Longest accepted input per form field, matching practiceRecordSchema; views use them as
 * maxlength so browsers stop at the same limit the server enforces.
 */
export const maxLengths = {
  title: 200,
  summary: 2000,
  city: 120,
  lead_organization: 300,
  partner_name: 300,
  /** The comma-separated input; each group within it is at most `target_group`. */
  target_groups: 2000,
  target_group: 120,
  markdown: 50_000,
  source_url: 2000,
  source_title: 300,
  /** A slug of the directory or of a public profile (the record's `contact`). */
  contact_slug: 120,
  year: 4,
  coordinate: 24,
} as const;

/** Shortest title the schema accepts. */
export const minTitleLength = 3;

/** Markdown fields: their hint says Markdown is accepted and they may show a preview. */
export const markdownFields = ['challenge', 'approach', 'body', 'outcomes', 'evaluation', 'lessons', 'transferability'] as const;

/** Form field names of a step, in the order they are shown. */
export function fieldsOfStep(step: FormStep): string[] {
  return [...stepFields[step]];
}

/** Record fields a step edits; callers merging a step's draft into a stored one clear these first. */
export function recordFieldsOfStep(step: FormStep): FormRecordField[] {
  return [...stepRecordFields[step]];
}

const stepByName = new Map<string, FormStep>();
for (const step of formSteps) {
  for (const name of stepFields[step]) stepByName.set(name, step);
  for (const name of stepRecordFields[step]) stepByName.set(name, step);
}

/**
 * Which step holds a form field, a row field (`source_url-2`) or a record path (`sources.2.url`,
 * `location`). Anything else (a form-wide error) belongs to the first step.
 * @example stepOfField('partner_name-1') // 'place'
 */
export function stepOfField(field: string): FormStep {
  const name = field.split('.')[0].replace(/-\d+$/, '');
  return stepByName.get(name) ?? formSteps[0];
}

/**
 * A step's draft merged into an earlier draft: the step's record fields are replaced, so a field
 * the person emptied is removed rather than kept from before.
 * @example mergeDraft(saved, draftFromValues(values, ['place']).draft, ['place'])
 */
export function mergeDraft(base: Partial<PracticeRecord>, draft: Partial<PracticeRecord>, steps: readonly FormStep[]): Partial<PracticeRecord> {
  const merged: Record<string, unknown> = { ...base };
  for (const step of steps) for (const field of stepRecordFields[step]) delete merged[field];
  return { ...merged, ...draft } as Partial<PracticeRecord>;
}
