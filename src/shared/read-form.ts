import type { z } from 'zod';
import type { FieldErrors, FormValues } from './form-values.ts';

/**
 * Validates a posted form with a zod schema whose messages are catalogue keys: the data, or the
 * first message per field for the form shown again (`fallback` for a message that is not a key
 * of one of the given prefixes, such as zod's own).
 * @example const r = readFormValues(contactForm, values, ['people.', 'form.'], 'people.contact.invalid');
 */
export function readFormValues<T extends z.ZodType>(
  schema: T,
  body: FormValues,
  keyPrefixes: string[],
  fallback: string,
): { ok: true; data: z.infer<T> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= keyPrefixes.some((p) => issue.message.startsWith(p)) ? issue.message : fallback;
  }
  return { ok: false, errors };
}
