import type { Rule } from '../security/authorize.ts';
import { isAdmin } from '../security/roles.ts';

/** Who may do what in the admin pages. Check with `authorize(account, adminPolicy.x)`. */
export const adminPolicy = {
  /** Search users, change a role, disable an account, read the audit log, import, merge tags: admins. */
  administer: (actor) => isAdmin(actor),
} satisfies Record<string, Rule<never>>;
