import type { Actor, Rule } from '../security/authorize.ts';
import { isEditor } from '../security/roles.ts';
import type { Registration } from './event-registration.repo.ts';

/** Who may do what to events. Check with `authorize(account, eventPolicy.create)`. */
export const eventPolicy = {
  /** Announce an event: editors and admins (the network's secretariat). */
  create: (actor: Actor) => isEditor(actor),
  /** Change any event: editors and admins. */
  edit: (actor: Actor) => isEditor(actor),
  /** See who registered (names only) and download the list: editors and admins, as organisers. */
  seeRegistrations: (actor: Actor) => isEditor(actor),
  /** Register for an event with places on the site: anyone signed in. */
  register: (actor: Actor) => actor !== undefined,
  /** Give up one's place or leave the waiting list: only the person who registered. */
  cancel: (actor: Actor, registration: Registration | undefined) => actor !== undefined && registration?.userId === actor.userId,
} satisfies Record<string, Rule<never> | Rule<Registration | undefined>>;
