import type { Role } from '../db/schema.ts';
import type { Actor, Rule } from '../security/authorize.ts';

/** Roles that open and run calls for interest: coordinators, and admins over them. */
export const coordinatorRoles: readonly Role[] = ['coordinator', 'admin'];

/** Whether the actor runs calls (a coordinator or an admin). */
export const isCoordinator = (actor: Actor) => !!actor && coordinatorRoles.includes(actor.role);

/** What the policy needs to know of an application: whose it is and who edits it with them. */
export interface ApplicationAccess {
  applicantId: number | null;
  editorIds: number[];
  state: 'draft' | 'submitted' | 'withdrawn';
}

/** Whether the actor is the applicant or one of the co-editors. */
const onApplication = (actor: Actor, a: ApplicationAccess) => !!actor && (a.applicantId === actor.userId || a.editorIds.includes(actor.userId));

/** Who may do what to calls and applications. Check with `authorize(account, callPolicy.create)`. */
export const callPolicy = {
  /** Open a call: coordinators and admins. */
  create: (actor: Actor) => isCoordinator(actor),
  /** Change a draft call, publish it: coordinators and admins. */
  manage: (actor: Actor) => isCoordinator(actor),
  /** Start an application: anyone signed in. */
  apply: (actor: Actor) => actor !== undefined,
  /** Read an application (its answers, read-back page): its applicant, co-editors, coordinators and admins. */
  read: (actor: Actor, a: ApplicationAccess) => onApplication(actor, a) || isCoordinator(actor),
  /** Change answers, upload files, submit, withdraw: the applicant and co-editors. */
  edit: (actor: Actor, a: ApplicationAccess) => onApplication(actor, a),
  /** Add a co-editor: only the applicant who started it. */
  addEditor: (actor: Actor, a: ApplicationAccess) => !!actor && a.applicantId === actor.userId,
} satisfies Record<string, Rule<never> | Rule<ApplicationAccess>>;
