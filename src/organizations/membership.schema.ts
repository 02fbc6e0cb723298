import { z } from 'zod';
import { storableString } from '../shared/storable-text.ts';

/** The longest note a request to join may carry. */
export const maxJoinNote = 1000;

/** POST /organizations/{slug}/join: an optional note to the organisation's admins (plain text). */
export const joinForm = z.object({
  note: z
    .preprocess(
      (v) => (v === undefined ? '' : v),
      storableString().transform((v) => v.replace(/\r\n?/g, '\n').trim()),
    )
    .pipe(z.string().max(maxJoinNote, 'org.members.note.too_long'))
    .transform((v) => v || null),
});

/** The role a member is given: POST …/members/{userId}/approve and …/role. */
export const roleForm = z.object({ role: z.enum(['member', 'admin']) });

/** A user id in a path: a positive integer, else undefined (the route answers 404). */
export function userIdParam(raw: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : undefined;
}
