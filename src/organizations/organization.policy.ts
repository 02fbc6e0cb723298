import type { Rule } from '../security/authorize.ts';
import { isEditor } from '../security/roles.ts';
import type { Membership } from './membership.repo.ts';

/** The reader's own place in an organisation, undefined when they have none: what the membership rules look at. */
export type OwnPlace = Pick<Membership, 'role' | 'state'> | undefined;

const isOrgAdmin = (place: OwnPlace) => place?.state === 'approved' && place.role === 'admin';

/** Who may do what to the directory. Check with `authorize(account, organizationPolicy.verify)`. */
export const organizationPolicy = {
  /** Give an organisation the verified badge, or withdraw it: editors. */
  verify: (actor) => isEditor(actor),
  /** Ask to join: anyone signed in who neither belongs nor asked already. */
  join: (actor, place: OwnPlace) => !!actor && place === undefined,
  /**
   * See the requests and members, approve or decline, make a member admin or remove them: the
   * organisation's admins, and the site's editors (who appoint the first admin).
   */
  manageMembers: (actor, place: OwnPlace) => isEditor(actor) || (!!actor && isOrgAdmin(place)),
  /** Leave, or withdraw one's own request: the member or requester themselves. */
  leave: (actor, place: OwnPlace) => !!actor && place !== undefined,
} satisfies { verify: Rule<never>; join: Rule<OwnPlace>; manageMembers: Rule<OwnPlace>; leave: Rule<OwnPlace> };
