import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { hashPassword } from '../security/password-hash.ts';
import { passwordProblem } from '../security/password-policy.ts';
import { isStorableText, unstorableProblem } from '../shared/storable-text.ts';
import { findUserByEmail, insertUser, setRoleByEmail } from './user.repo.ts';

export const roles: readonly Role[] = ['member', 'editor', 'admin', 'coordinator'];

/** Why an operator's request could not be done, in words for a terminal. */
export class UserAdminError extends Error {}

/**
 * Creates a confirmed, active account with a role (the operator vouches for the address);
 * used by `clearinghouse user create` for the first admin.
 * @example await createUserWithRole(db, { email: 'ana@example.org', role: 'admin', name: 'Ana', password });
 */
export async function createUserWithRole(db: Database, p: { email: string; role: Role; name?: string; password: string; locale?: string }): Promise<number> {
  const email = p.email.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !isStorableText(email)) throw new UserAdminError(`${JSON.stringify(email)} is not an email address.`);
  if (p.name !== undefined && !isStorableText(p.name)) throw new UserAdminError(`The name ${unstorableProblem(p.name)}.`);
  if (!roles.includes(p.role)) throw new UserAdminError(`Unknown role "${p.role}". Roles: ${roles.join(', ')}.`);
  const problem = passwordProblem(p.password, email);
  if (problem)
    throw new UserAdminError(
      `The password is not accepted (${problem.replace('_', ' ')}): use at least 10 characters, not a common password and not the email.`,
    );
  const user = await insertUser(db, {
    email,
    name: p.name?.trim() || email.split('@')[0],
    password_hash: await hashPassword(p.password),
    role: p.role,
    locale: p.locale ?? 'en',
    email_confirmed_at: new Date(),
  });
  if (!user) throw new UserAdminError(`An account with the email ${email} already exists; change its role with "clearinghouse user role".`);
  return user.id;
}

/** Who asked for a change, for the audit log; absent for the operator's command line. */
export interface AuditActor {
  userId: number;
  ip?: string;
}

/**
 * Gives an existing account a role and records the change in the audit log.
 * @example await changeRole(db, 'ana@example.org', 'editor');
 */
export async function changeRole(db: Database, email: string, role: Role, actor?: AuditActor): Promise<void> {
  if (!roles.includes(role)) throw new UserAdminError(`Unknown role "${role}". Roles: ${roles.join(', ')}.`);
  if (!isStorableText(email)) throw new UserAdminError(`No account has the email ${JSON.stringify(email)}.`);
  await db.transaction().execute(async (trx) => {
    const before = await findUserByEmail(trx, email.trim());
    if (!before || !(await setRoleByEmail(trx, email.trim(), role))) throw new UserAdminError(`No account has the email ${email}.`);
    const details = { from: before.role, to: role, via: actor ? 'admin' : 'cli' };
    await recordAudit(trx, { action: 'role_change', actorUserId: actor?.userId ?? null, target: before.email, ip: actor?.ip ?? null, details });
  });
}
