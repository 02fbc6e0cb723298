import { z } from 'zod';
import { type FormStep, formSteps } from '../practice-form/practice-form.fields.ts';
import { exportLicense } from '../practices/export/exchange-json.ts';
import { storableString } from '../shared/storable-text.ts';
import { isoLanguages } from './iso-languages.ts';

/** A submission id in a path; anything else is a 404, never a 400 that reveals which ids exist. */
export const submissionId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The step number in /submit/{id}/step/{n}: 1 to 5, one per form step. */
export const stepNumber = z.coerce.number().int().min(1).max(formSteps.length);

/** The form step of a step number (1-based). */
export const stepAt = (n: number): FormStep => formSteps[n - 1];

/** A practice id as the exchange format has them, for ?adapt= and /practices/{id}/translate. */
export const practiceId = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** The one-time key a new-submission form carries, so a double click creates one submission. */
export const requestKey = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/);

/** The draft version the form was loaded with; a save from an older one is a conflict. */
export const draftVersion = z.coerce.number().int().min(1).max(2_147_483_647);

/** The ticked consent box of the read-back page: its value is the licence agreed to, the contributions' one. */
export const licenseConsent = z.literal(exportLicense);

/** Which button sent a step form. Enter in a text field presses the first one, "continue". */
export const stepAction = z.enum(['next', 'save', 'preview', 'back']).catch('next');

/** Longest answer to each of the adaptation questions; three fit in the record's 5,000-character `changes`. */
export const adaptAnswerMax = 1500;

/** The adaptation questions on step 1: what was kept, what changed, why. */
export const adaptFields = ['adapt_kept', 'adapt_changed', 'adapt_why'] as const;

/** Limits of a translation, as the exchange format sets them. */
export const translationLimits = { titleMin: 3, title: 200, summary: 2000, body: 50_000 } as const;

const single = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).replace(/\r\n?/g, '\n'));

/**
 * POST /practices/{id}/translate: the language, the three texts (each optional, at least one),
 * and whether a machine made it. Message keys are in submissions.json.
 */
export const translationForm = z
  .object({
    lang: single.pipe(z.string().refine((v) => (isoLanguages as readonly string[]).includes(v), 'submissions.translate.error.language')),
    title: single
      .transform((v) => v.trim())
      .pipe(
        storableString().refine(
          (v) => v === '' || (v.length >= translationLimits.titleMin && v.length <= translationLimits.title),
          'submissions.translate.error.title',
        ),
      ),
    summary: single.transform((v) => v.trim()).pipe(storableString().max(translationLimits.summary, 'submissions.translate.error.too_long')),
    body: single.pipe(storableString().max(translationLimits.body, 'submissions.translate.error.too_long')),
    machine: single.transform((v) => v === 'on'),
    request_key: single.pipe(requestKey),
    // Set when the form revises the person's translation that was sent back for changes.
    submission: single.pipe(z.string().regex(/^(\d{1,15})?$/)).transform((v) => (v ? Number(v) : undefined)),
    version: single.pipe(z.string().regex(/^(\d{1,9})?$/)).transform((v) => (v ? Number(v) : undefined)),
  })
  .superRefine((v, ctx) => {
    if (!v.title && !v.summary && !v.body.trim()) ctx.addIssue({ code: 'custom', path: ['title'], message: 'submissions.translate.error.empty' });
  });

export type TranslationForm = z.infer<typeof translationForm>;
