import type { Rule } from '../security/authorize.ts';
import { isEditor } from '../security/roles.ts';

/** Who may do what with a practice's revisions (anyone may read them). */
export const historyPolicy = {
  /** Restore an earlier revision as the current one: editors. */
  restore: (actor) => isEditor(actor),
} satisfies Record<string, Rule<never>>;
