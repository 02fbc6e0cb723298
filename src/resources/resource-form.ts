import { z } from 'zod';
import type { FieldErrors, FormValues } from '../shared/form-values.ts';
import { readFormValues } from '../shared/read-form.ts';
import { storableString } from '../shared/storable-text.ts';
import { themes } from '../vocabulary/vocabularies.ts';
import { isResourceRegion, resourceTypes } from './resource.query.ts';
import type { ResourceLink } from './resource.repo.ts';

/** A resource's metadata as its form, a submission's draft and an editor's edit hold it. */
export interface ResourceDraft {
  title: string;
  type: (typeof resourceTypes)[number];
  publisher: string;
  authors: string[];
  year: number | null;
  languages: string[];
  themes: string[];
  regions: string[];
  abstract: string;
  url: string | null;
  archive_url: string | null;
  licence: string;
  links: ResourceLink[];
  /** The first language, so the review queue's language filter finds it. */
  language?: string | null;
}

/** The values a form shows: text as typed, lists as chosen. */
export type ResourceFormValues = Record<string, string | string[]>;

/** Lines (or commas, for codes) of a text area as a list of trimmed, non-empty values. */
const lines = (v: unknown) =>
  String(Array.isArray(v) ? v.join('\n') : (v ?? ''))
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
const codes = (v: unknown) =>
  (Array.isArray(v) ? v : [v ?? ''])
    .flatMap((s) => String(s).split(/[\s,]+/))
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
const many = (v: unknown) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]);

const httpUrl = (message: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() ? v.trim() : null),
    z
      .string()
      .max(2000, message)
      .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), message)
      .nullable(),
  );

/** The form's fields checked; every message is a key of resources.json. */
const resourceForm = z.object({
  title: storableString().trim().min(1, 'resources.form.error.title').max(300, 'resources.form.error.title'),
  type: z.enum(resourceTypes, { error: 'resources.form.error.type' }),
  publisher: storableString().trim().max(300, 'resources.form.error.too_long').default(''),
  authors: z.preprocess(lines, z.array(storableString().max(200, 'resources.form.error.too_long')).max(50, 'resources.form.error.too_long')),
  year: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() ? v.trim() : null),
    z.coerce
      .number({ error: 'resources.form.error.year' })
      .int('resources.form.error.year')
      .min(1900, 'resources.form.error.year')
      .max(2100, 'resources.form.error.year')
      .nullable(),
  ),
  languages: z.preprocess(
    codes,
    z
      .array(z.string().regex(/^[a-z]{2}$/, 'resources.form.error.languages'))
      .min(1, 'resources.form.error.languages')
      .max(20, 'resources.form.error.languages'),
  ),
  themes: z.preprocess(many, z.array(z.enum(themes, { error: 'resources.form.error.themes' })).min(1, 'resources.form.error.themes')),
  regions: z.preprocess(many, z.array(z.string().refine(isResourceRegion, 'resources.form.error.regions'))),
  abstract: storableString().trim().min(1, 'resources.form.error.abstract').max(5000, 'resources.form.error.abstract'),
  url: httpUrl('resources.form.error.url'),
  archive_url: httpUrl('resources.form.error.archive_url'),
  licence: storableString().trim().max(200, 'resources.form.error.too_long').default(''),
  practices: z.preprocess(
    codes,
    z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'resources.form.error.practices')).max(50, 'resources.form.error.too_long'),
  ),
  cities: z.preprocess(codes, z.array(z.string().regex(/^[a-z]{2}\/[^/\s]+$/, 'resources.form.error.cities')).max(50, 'resources.form.error.too_long')),
  organizations: z.preprocess(
    codes,
    z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'resources.form.error.organizations')).max(50, 'resources.form.error.too_long'),
  ),
});

/** What a checked form gives, or the form's problems by field. */
export type ReadResourceForm = { ok: true; draft: ResourceDraft } | { ok: false; errors: FieldErrors };

/**
 * Reads the resource form (submitting or editing): its metadata and the practices, cities and
 * organisations it documents; each problem a message key on its field.
 * @example const form = readResourceForm(await postedForm(c)); if (!form.ok) showAgain(form.errors);
 */
export function readResourceForm(values: FormValues): ReadResourceForm {
  const read = readFormValues(resourceForm, values, ['resources.', 'form.'], 'resources.form.error.invalid');
  if (!read.ok) return read;
  const { practices, cities, organizations, ...meta } = read.data;
  // A PDF or a link: the form checks the link; a PDF is uploaded separately (the submission page says when neither is there).
  const links: ResourceLink[] = [
    ...practices.map((target) => ({ kind: 'practice' as const, target })),
    ...cities.map((target) => ({ kind: 'city' as const, target })),
    ...organizations.map((target) => ({ kind: 'organization' as const, target })),
  ];
  return { ok: true, draft: { ...meta, links, language: meta.languages[0] ?? null } };
}

/**
 * A draft (or a stored resource with its links) as the form's values, to fill the form.
 * @example formValuesOf(draft).authors // 'Marie Price\nLisa Benton-Short'
 */
export function formValuesOf(d: Partial<ResourceDraft>): ResourceFormValues {
  const links = d.links ?? [];
  const of = (kind: ResourceLink['kind']) =>
    links
      .filter((l) => l.kind === kind)
      .map((l) => l.target)
      .join('\n');
  return {
    title: d.title ?? '',
    type: d.type ?? '',
    publisher: d.publisher ?? '',
    authors: (d.authors ?? []).join('\n'),
    year: d.year ? String(d.year) : '',
    languages: (d.languages ?? []).join(', '),
    themes: d.themes ?? [],
    regions: d.regions ?? [],
    abstract: d.abstract ?? '',
    url: d.url ?? '',
    archive_url: d.archive_url ?? '',
    licence: d.licence ?? '',
    practices: of('practice'),
    cities: of('city'),
    organizations: of('organization'),
  };
}

/**
 * A submission's stored draft read back (what is not there, or not valid, left empty), so a
 * form or a publication starts from it.
 * @example const draft = draftOfData(submission.data);
 */
export function draftOfData(data: Record<string, unknown>): Partial<ResourceDraft> {
  return data as Partial<ResourceDraft>;
}
