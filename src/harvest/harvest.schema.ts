import { z } from 'zod';
import type { FieldErrors, FormValues } from '../shared/form-values.ts';
import type { SourceSettings } from './harvest.repo.ts';

export const harvestFormats = ['exchange-json', 'oai'] as const;
export const harvestSchedules = ['daily', 'weekly'] as const;

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/\S+$/i.test(v) && URL.canParse(v), 'admin.harvest.error.url');

/** A source's form (admin page) and the command line's arguments: an http(s) URL, a format, an optional set. */
export const sourceForm = z.object({
  url: httpUrl,
  format: z.enum(harvestFormats, 'admin.harvest.error.format'),
  set: z
    .string()
    .trim()
    .max(200, 'admin.harvest.error.set')
    .regex(/^[A-Za-z0-9\-_.!~*'():]*$/, 'admin.harvest.error.set')
    .default(''),
  schedule: z.enum(harvestSchedules, 'admin.harvest.error.schedule').default('daily'),
  enabled: z.union([z.literal('on'), z.literal('1')]).optional(),
});

/**
 * Validates a posted source: its settings, or a message key per field.
 * @example const form = readSourceForm(await postedForm(c));
 */
export function readSourceForm(body: FormValues): { ok: true; data: SourceSettings } | { ok: false; errors: FieldErrors } {
  const parsed = sourceForm.safeParse(body);
  if (parsed.success) {
    const { url, format, set, schedule, enabled } = parsed.data;
    return { ok: true, data: { url, format, set, schedule, enabled: enabled !== undefined } };
  }
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'url');
    errors[field] ??= issue.message.startsWith('admin.') ? issue.message : `admin.harvest.error.${field}`;
  }
  return { ok: false, errors };
}

/** A source's id in a path. */
export const sourceIdParam = z.string().regex(/^[1-9][0-9]{0,17}$/);
