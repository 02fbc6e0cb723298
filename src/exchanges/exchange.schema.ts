import { z } from 'zod';
import type { ExchangeKind } from '../db/schema.ts';
import { storableString } from '../shared/storable-text.ts';
import { themes } from '../vocabulary/vocabularies.ts';

/** The kinds of exchange a city may ask for, in the order the form offers them. */
export const exchangeKinds: readonly ExchangeKind[] = ['study-visit', 'mentoring', 'peer-review', 'joint-project'];

/** The longest message of a request or of an answer. */
export const maxExchangeMessage = 2000;

/** A city named in a form or a query: `de/berlin` (country code and slug, lower case). */
export interface CityKey {
  country: string;
  slug: string;
}

/**
 * Reads `de/berlin` as a city key (country upper-cased as the tables keep it); undefined when it is not one.
 * @example cityKey('de/berlin') // { country: 'DE', slug: 'berlin' }
 */
export function cityKey(raw: unknown): CityKey | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^([a-z]{2})\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(raw.trim().toLowerCase());
  return m ? { country: m[1].toUpperCase(), slug: m[2] } : undefined;
}

/** A city key as forms and queries write it: `de/berlin`. */
export const cityKeyText = (c: CityKey) => `${c.country.toLowerCase()}/${c.slug}`;

/** Plain text of at most `max` characters, line ends made `\n`, trimmed. */
const plainText = (max: number, tooLong: string) =>
  z
    .preprocess(
      (v) => (v === undefined ? '' : v),
      storableString().transform((v) => v.replace(/\r\n?/g, '\n').trim()),
    )
    .pipe(z.string().max(max, tooLong));

const cityField = (message: string) =>
  z.string().transform((v, ctx) => {
    const key = cityKey(v);
    if (key) return key;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });

/** POST /exchanges: which city asks which, for what kind of exchange, on which theme, with a message; the practice it started from, if any. */
export const askForm = z.object({
  from: cityField('exchanges.form.from.invalid'),
  to: cityField('exchanges.form.to.invalid'),
  kind: z.enum(exchangeKinds as [ExchangeKind, ...ExchangeKind[]], { message: 'exchanges.form.kind.invalid' }),
  theme: z.enum(themes, { message: 'exchanges.form.theme.invalid' }),
  message: plainText(maxExchangeMessage, 'exchanges.form.message.too_long').pipe(z.string().min(1, 'exchanges.form.message.required')),
  practice: z
    .preprocess(
      (v) => (v === undefined || v === '' ? undefined : v),
      z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'exchanges.form.invalid')
        .max(200)
        .optional(),
    )
    .transform((v) => v ?? null),
});

/** POST /exchanges/{id}/decide: accept or decline, with an optional message to the asker. */
export const decideForm = z.object({
  outcome: z.enum(['accepted', 'declined'], { message: 'exchanges.decide.outcome.invalid' }),
  message: plainText(maxExchangeMessage, 'exchanges.form.message.too_long').transform((v) => v || null),
});

/** POST /exchanges/{id}/practice: the id of the practice that came out of an exchange. */
export const outcomeForm = z.object({
  practice: z
    .string({ message: 'exchanges.outcome.practice.invalid' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'exchanges.outcome.practice.invalid')
    .max(200, 'exchanges.outcome.practice.invalid'),
});

/** An exchange id in a path: a positive integer, else undefined (the route answers 404). */
export function exchangeIdParam(raw: string): number | undefined {
  return /^[1-9]\d{0,15}$/.test(raw) && Number(raw) <= Number.MAX_SAFE_INTEGER ? Number(raw) : undefined;
}
