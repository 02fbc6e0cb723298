import { z } from 'zod';
import { localPath } from '../security/local-path.ts';
import { firstValue } from '../shared/form-values.ts';
import { storableString } from '../shared/storable-text.ts';
import { themes } from '../vocabulary/vocabularies.ts';
import { canonicalSearch } from './saved-search.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(200);
const frequency = z.enum(['immediate', 'daily', 'weekly', 'off']);

/** A follow's target as a form sends it, checked for its kind (a theme of the vocabulary, a city key, a slug, a search). */
const target = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('theme'), target: z.enum(themes) }),
  z.object({
    kind: z.literal('city'),
    target: z
      .string()
      .regex(/^[a-z]{2}\/[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(200),
  }),
  z.object({ kind: z.literal('group'), target: slug }),
  z.object({ kind: z.literal('organization'), target: slug }),
  z.object({
    kind: z.literal('search'),
    // Kept in one canonical form; a search that narrows nothing would be the whole catalogue.
    target: storableString()
      .max(2000)
      .transform((s) => canonicalSearch(new URLSearchParams(s.replace(/^\?/, ''))))
      .refine((s) => s !== '', 'a saved search needs words or a filter'),
  }),
  z.object({ kind: z.literal('review'), target: z.literal('queue') }),
]);

const back = z
  .string()
  .optional()
  .transform((v) => localPath(v) ?? '/account/follows');

/** POST /follows: follow (or change how often). */
export const followForm = z.intersection(target, z.object({ frequency, label: storableString().trim().max(300).optional(), back }));

/** POST /follows/remove. */
export const unfollowForm = z.intersection(target, z.object({ back }));

/** The form's fields as single values (a repeated field counts once). */
export function singleValues(values: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(['kind', 'target', 'frequency', 'label', 'back'].map((k) => [k, firstValue(values[k])]));
}
