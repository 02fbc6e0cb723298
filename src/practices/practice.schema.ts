import { z } from 'zod';
import { countryExists } from '../geo/countries.ts';
import { storableString, unstorableProblem } from '../shared/storable-text.ts';
import { actorTypes, levels, statuses, supportKinds, themes } from '../vocabulary/vocabularies.ts';

/**
 * Text of the exchange format: any string PostgreSQL and the pages can hold (no NUL, other
 * control characters or lone surrogates); the import reports the character and where it is.
 */
const text = () => storableString((v) => unstorableProblem(v) ?? 'cannot be stored');

const languageCode = z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "en"');
const year = z.number().int().min(1900, 'must be 1900 or later').max(2100, 'must be 2100 or earlier');
const markdown = text().max(50_000);
const httpUrl = text()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), 'must be an http(s) URL');

/** One value from a closed list, with an error message that names the bad value. */
function oneOf<T extends readonly string[]>(values: T, what: string) {
  return z.string().refine((v): v is T[number] => (values as readonly string[]).includes(v), {
    error: (issue) => `unknown ${what} ${JSON.stringify(issue.input)}`,
  }) as unknown as z.ZodType<T[number]>;
}

/** A slug of the directory or of a public profile, as their pages' addresses hold it. */
const contactSlug = z
  .string()
  .max(120, 'must be at most 120 characters')
  .regex(/^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u, 'must be a slug: lowercase letters, digits and single hyphens');

/**
 * Who to contact about the practice: an organisation of the directory (its slug, as in
 * /organizations/{slug}) and/or a person with a public profile (as in /people/{slug}). Whether
 * they exist is checked against the database by the import (exchange-validate has none).
 */
export const contactSchema = z
  .strictObject({ organization: contactSlug.optional(), person: contactSlug.optional() })
  .refine((c) => c.organization !== undefined || c.person !== undefined, 'needs an organization or a person');

const translationSchema = z.strictObject({
  title: text().min(3).max(200).optional(),
  summary: text().max(2000).optional(),
  body: markdown.optional(),
  machine: z.boolean().optional(),
});

/** A practice in the exchange format, version 1 (shared/exchange-format.md). Unknown fields are rejected. */
export const practiceRecordSchema = z
  .strictObject({
    id: z
      .string()
      .min(3, 'must be 3 to 80 characters')
      .max(80, 'must be 3 to 80 characters')
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens'),
    title: text().trim().min(3, 'must be 3 to 200 characters').max(200, 'must be 3 to 200 characters'),
    summary: text().trim().min(1, 'is required').max(2000, 'must be at most 2,000 characters'),
    language: languageCode,
    body: markdown.optional(),
    city: text().trim().min(1).max(120).optional(),
    country: z.string().refine((c) => countryExists(c), { error: (i) => `unknown ISO 3166-1 alpha-2 country code ${JSON.stringify(i.input)}` }),
    location: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
    level: oneOf(levels, 'level').optional(),
    started: year.optional(),
    ended: year.optional(),
    status: oneOf(statuses, 'status').optional(),
    themes: z.array(oneOf(themes, 'theme')).min(1, 'needs at least one theme'),
    actor_types: z.array(oneOf(actorTypes, 'actor type')).optional(),
    lead_organization: text().max(300).optional(),
    partners: z.array(z.strictObject({ name: text().min(1).max(300), support: oneOf(supportKinds, 'kind of support').optional() })).optional(),
    target_groups: z.array(text().trim().min(1).max(120)).optional(),
    challenge: markdown.optional(),
    approach: markdown.optional(),
    outcomes: markdown.optional(),
    evaluation: markdown.optional(),
    lessons: markdown.optional(),
    transferability: markdown.optional(),
    evidence_level: z.number().int().min(1).max(5).optional(),
    adapted_from: z.array(z.strictObject({ id: text().min(3).max(80), changes: text().max(5000).optional() })).optional(),
    sources: z.array(z.strictObject({ url: httpUrl, title: text().max(300).optional() })).optional(),
    contact: contactSchema.optional(),
    translations: z.record(languageCode, translationSchema).optional(),
    updated: z.iso
      .date()
      .or(z.iso.datetime({ offset: true }))
      .optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.level ?? 'local') === 'local' && !p.city) {
      ctx.addIssue({ code: 'custom', path: ['city'], message: 'is required for a local practice' });
    }
    if (p.started !== undefined && p.ended !== undefined && p.ended < p.started) {
      ctx.addIssue({ code: 'custom', path: ['ended'], message: 'must not be before started' });
    }
    if (p.translations && p.language in p.translations) {
      ctx.addIssue({ code: 'custom', path: ['translations', p.language], message: 'repeats the original language' });
    }
  });

export type PracticeRecord = z.infer<typeof practiceRecordSchema>;

/** The whole exchange document. Practices are validated one by one so every error can be reported. */
export const exchangeDocumentSchema = z.strictObject({
  format: z.literal('clearinghouse.practices'),
  version: z.literal(1),
  license: text().optional(),
  practices: z.array(z.unknown()),
});
