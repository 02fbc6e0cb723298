import type { Rule } from '../security/authorize.ts';
import { isEditor } from '../security/roles.ts';

/** Who may assess practices. Check with `authorize(account, assessmentPolicy.assess)`. */
export const assessmentPolicy = {
  /** Assess a published practice (criteria, evidence level): editors. */
  assess: (actor) => isEditor(actor),
} satisfies Record<string, Rule<never>>;
