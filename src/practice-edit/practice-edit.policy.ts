import type { Rule } from '../security/authorize.ts';
import { isEditor } from '../security/roles.ts';

/** Who may change a published practice. Check with `authorize(account, practiceEditPolicy.edit)`. */
export const practiceEditPolicy = {
  /** Edit any published practice: editors. */
  edit: (actor) => isEditor(actor),
} satisfies Record<string, Rule<never>>;
