import { z } from 'zod';
import { auditActions } from '../audit/audit.repo.ts';
import { blankToUndefined } from '../shared/form-values.ts';
import { storableString } from '../shared/storable-text.ts';

const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
    .optional(),
);

/** Query of /admin/users; unknown values are dropped rather than refused (it is a search form). */
export const userQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().max(200).optional()).catch(undefined),
  role: z.preprocess(blankToUndefined, z.enum(['member', 'editor', 'admin', 'coordinator']).optional()).catch(undefined),
  state: z.preprocess(blankToUndefined, z.enum(['active', 'disabled']).optional()).catch(undefined),
  page,
});

/** Query of /admin/audit; a malformed date is refused with a message next to its field. */
export const auditQuery = z.object({
  action: z.preprocess(blankToUndefined, z.enum(auditActions).optional()).catch(undefined),
  actor: z.preprocess(blankToUndefined, z.string().max(254).optional()).catch(undefined),
  from: day,
  to: day,
  page,
});

/** The posted role of POST /admin/users/:id/role. */
export const roleForm = z.object({ role: z.enum(['member', 'editor', 'admin', 'coordinator']) });

/** The posted city (`de/berlin`, checked against the cities by the command) and button of POST /admin/users/:id/cities. */
export const cityForm = z.object({
  city: storableString('admin.representatives.error.format').trim().min(1, 'admin.representatives.error.format').max(120, 'admin.representatives.error.format'),
  intent: z.enum(['grant', 'revoke'], { error: 'admin.representatives.error.intent' }),
});

/** A user id in a path. */
export const userId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
