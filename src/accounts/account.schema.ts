import { z } from 'zod';
import { locales } from '../i18n/i18n.ts';
import { localPath } from '../security/local-path.ts';
import { passwordProblem } from '../security/password-policy.ts';
import type { FieldErrors, FormValues } from '../shared/form-values.ts';
import { storableString } from '../shared/storable-text.ts';
import { themes } from '../vocabulary/vocabularies.ts';

// Every message is a catalogue key (accounts.json; form.json for text no field may hold), translated when the form is shown again.
const email = z.string().trim().min(1, 'accounts.email.required').max(254, 'accounts.email.invalid').pipe(z.email('accounts.email.invalid'));
const name = storableString().trim().min(1, 'accounts.name.required').max(100, 'accounts.name.too_long');
const optionalText = (max: number) =>
  storableString()
    .trim()
    .max(max, 'accounts.text.too_long')
    .transform((v) => v || null);

/** Adds a password-policy issue on `field` when the password is too weak. */
function checkPassword(password: string, mail: string, field: string, ctx: z.RefinementCtx) {
  const problem = passwordProblem(password, mail);
  if (problem) ctx.addIssue({ code: 'custom', path: [field], message: `accounts.password.${problem}` });
}

/** POST /signup */
export const signupForm = z.object({ name, email, password: z.string() }).superRefine((v, ctx) => checkPassword(v.password, v.email, 'password', ctx));

/** POST /login */
export const loginForm = z.object({
  email,
  password: z.string().min(1, 'accounts.password.required').max(1000, 'accounts.password.required'),
  // Where to go afterwards: a path of this site, or nothing (never a reason to refuse the sign-in).
  next: z.unknown().transform(localPath).optional(),
});

/** POST /password/forgot */
export const forgotForm = z.object({ email });

/** POST /password/reset */
export const resetForm = z
  .object({ token: z.string().min(1).max(200), password: z.string() })
  .superRefine((v, ctx) => checkPassword(v.password, '', 'password', ctx));

/** POST /account/password */
export const passwordChangeForm = z.object({ current: z.string().min(1, 'accounts.password.required').max(1000), password: z.string() });

/** Checkbox lists arrive as one string or several; both become an array. */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** POST /account */
export const profileForm = z.object({
  name,
  organization: optionalText(200),
  city: optionalText(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || /^[A-Z]{2}$/.test(v), 'accounts.country.invalid')
    .transform((v) => v || null),
  languages: storableString()
    .max(300, 'accounts.text.too_long')
    .transform((v) => [
      ...new Set(
        v
          .split(/[,،，、;]/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .refine((v) => v.length <= 20 && v.every((s) => s.length <= 40), 'accounts.languages.invalid'),
  expertise: list.pipe(z.array(z.enum(themes, 'accounts.expertise.invalid'))),
  profile_public: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
  job_title: optionalText(150),
  // Line breaks as typed in the text area (CR LF from browsers) stored as LF.
  bio: storableString()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(2000, 'accounts.text.too_long'))
    .transform((v) => v || null),
  locale: z.enum(locales as [string, ...string[]], 'accounts.locale.invalid'),
});

/**
 * Validates a posted form: the data, or the first message key per field for the page.
 * @example const r = readForm(signupForm, await c.req.parseBody({ all: true }));
 */
export function readForm<T extends z.ZodType>(schema: T, body: FormValues): { ok: true; data: z.infer<T> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= /^(accounts|form)\./.test(issue.message) ? issue.message : 'accounts.field.invalid';
  }
  return { ok: false, errors };
}
