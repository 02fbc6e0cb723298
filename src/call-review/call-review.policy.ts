import type { Role } from '../db/schema.ts';
import type { Actor } from '../security/authorize.ts';

/** Roles that run the review of any call: its overview, assignments, decisions and exports. */
export const coordinatorRoles: Role[] = ['coordinator', 'admin'];

/** Who may do what in the review of calls. */
export const callReviewPolicy = {
  /** Coordinators and admins run a call's review. */
  coordinate: (actor: Actor) => !!actor && coordinatorRoles.includes(actor.role),
};
