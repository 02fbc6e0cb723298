import type { Context } from 'hono';
import { csrfField, type FormValues } from '../shared/form-values.ts';

/** Hidden fields of the sign-in form that carry the original form's fields, so they never collide with its own. */
export const carryPrefix = 'carry.';

/**
 * Most that is carried: the longest practice step (seven Markdown fields of 50,000 characters)
 * fits; anything larger is not a form of ours and is refused as any stale form is.
 */
export const carryLimits = { chars: 400_000, fields: 600 } as const;

/** A form's fields in posted order, repeated names kept (checkboxes, rows). */
export type CarriedFields = [name: string, value: string][];

/** True when the fields stay within carryLimits. */
function withinLimits(fields: CarriedFields): boolean {
  let chars = 0;
  for (const [name, value] of fields) chars += name.length + value.length;
  return fields.length <= carryLimits.fields && chars <= carryLimits.chars;
}

/**
 * True when a refused POST came from one of our pages: its Origin is one of ours, or, without an
 * Origin, the browser says it was same-origin. Input from anywhere else is never carried, so a
 * foreign page cannot plant text in someone's draft by way of the sign-in form.
 */
export function postedFromOurPages(c: Context, ourOrigins: string[]): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return ourOrigins.includes(origin);
  return c.req.header('sec-fetch-site') === 'same-origin';
}

/** Carrying the input of long forms across a refused CSRF check (a session that ended while they were filled in). */
export interface FormCarry {
  /**
   * The fields of a refused POST to one of the long forms, every one but the CSRF token, or
   * undefined when the request is not such a form or is too large to carry.
   * @example const fields = await carry.carriedInput(c); if (fields) return sessionEndedPage(c, fields);
   */
  carriedInput(c: Context): Promise<CarriedFields | undefined>;
  /**
   * The carried fields posted back with the sign-in form (names without their prefix), and where
   * they go; undefined when the sign-in form carried nothing.
   * @example const carried = carry.carriedThroughSignIn(values); if (carried) …
   */
  carriedThroughSignIn(values: FormValues): { fields: CarriedFields; next: string } | undefined;
}

/**
 * Carrying for the forms whose paths match `carriedForms` (the product areas name them; the app
 * passes them in when it is built).
 * @example const carry = formCarry([/^\/submit$/]);
 */
export function formCarry(carriedForms: readonly RegExp[]): FormCarry {
  const carried = (path: string) => carriedForms.some((re) => re.test(path));
  return {
    async carriedInput(c) {
      if (c.req.method !== 'POST' || !carried(c.req.path)) return undefined;
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
      const body = await c.req.parseBody({ all: true });
      const fields: CarriedFields = [];
      for (const [name, value] of Object.entries(body)) {
        if (name === csrfField) continue;
        for (const v of [value].flat()) if (typeof v === 'string') fields.push([name, v]);
      }
      return withinLimits(fields) ? fields : undefined;
    },
    carriedThroughSignIn(values) {
      const fields: CarriedFields = [];
      for (const [name, value] of Object.entries(values)) {
        if (!name.startsWith(carryPrefix) || value === undefined) continue;
        for (const v of [value].flat()) fields.push([name.slice(carryPrefix.length), v]);
      }
      const next = [values.next].flat()[0];
      if (!fields.length || !next || !carried(next) || !withinLimits(fields)) return undefined;
      return { fields, next };
    },
  };
}
