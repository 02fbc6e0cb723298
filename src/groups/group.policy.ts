import type { Actor, Rule } from '../security/authorize.ts';
import { isEditor } from '../security/roles.ts';
import type { GroupRow, Membership } from './group.repo.ts';

/** A group as a rule sees it: its membership kind and the actor's place in it. */
export interface GroupAccess {
  group: Pick<GroupRow, 'id' | 'slug' | 'membership' | 'themes'>;
  membership?: Membership;
}

const isActive = (s: GroupAccess) => s.membership?.state === 'active';
const isModerator = (actor: Actor, s: GroupAccess) => !!actor && ((isActive(s) && s.membership?.role === 'moderator') || isEditor(actor));

/**
 * Who may do what in groups. Check with `authorize(account, groupPolicy.post, access)`.
 * Open groups' discussions are public; a moderated group's discussions are for its members (and
 * the site's editors), while its page with the description and the join form is public.
 */
export const groupPolicy = {
  /** Create a group: editors and admins. */
  create: ((actor) => isEditor(actor)) satisfies Rule,
  /** Read the group's threads: anyone in an open group; members, moderators and editors in a moderated one. */
  read: ((actor, s) => s.group.membership === 'open' || isActive(s) || isEditor(actor)) satisfies Rule<GroupAccess>,
  /** Join (or ask to join): any signed-in person not yet in the group. */
  join: ((actor, s) => !!actor && !s.membership) satisfies Rule<GroupAccess>,
  /** Leave, or withdraw a request: anyone in the group. */
  leave: ((actor, s) => !!actor && !!s.membership) satisfies Rule<GroupAccess>,
  /** Start a thread, reply, report a post: active members. */
  post: ((actor, s) => !!actor && isActive(s)) satisfies Rule<GroupAccess>,
  /** Pin, lock, hide, resolve reports, decide join requests, remove members: the group's moderators and the site's editors. */
  moderate: ((actor, s) => isModerator(actor, s)) satisfies Rule<GroupAccess>,
  /** Remove a moderator or change their role: only the site's editors (moderators manage members, not each other). */
  manageModerators: ((actor) => isEditor(actor)) satisfies Rule,
};
