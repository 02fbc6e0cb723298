import type { Rule } from '../security/authorize.ts';
import { isEditor } from '../security/roles.ts';

/** Who may do what to the directory. Check with `authorize(account, organizationPolicy.verify)`. */
export const organizationPolicy = {
  /** Give an organisation the verified badge, or withdraw it: editors. */
  verify: (actor) => isEditor(actor),
} satisfies Record<string, Rule<never>>;
