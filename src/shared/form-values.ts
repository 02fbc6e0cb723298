/** Name of the hidden form field (and `x-csrf-token` header) that carries the anti-forgery token. */
export const csrfField = '_csrf';

/** Values of a form as typed, to show it again. */
export type FormValues = Record<string, string | string[] | undefined>;

/** Per-field message keys of a refused form. */
export type FieldErrors = Record<string, string>;

/**
 * A posted body as plain strings and string lists (files are not accepted here).
 * @example formValues(await c.req.parseBody({ all: true }))
 */
export function formValues(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/**
 * The first value of a posted field (a field sent twice gives a list), or undefined.
 * @example firstValue(values.version) // '3'
 */
export function firstValue(v: unknown): string | undefined {
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === 'string' ? one : undefined;
}

/**
 * A field left empty (or only spaces) as absent, for zod's preprocess: a filter form's empty
 * choice then means "no filter" rather than an invalid value.
 * @example z.preprocess(blankToUndefined, z.enum(themes).optional())
 */
export function blankToUndefined(v: unknown): unknown {
  return typeof v === 'string' && v.trim() === '' ? undefined : v;
}
