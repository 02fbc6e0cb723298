import { isErased } from '../accounts/personal-data.repo.ts';
import { findUserById, setAccountState } from '../accounts/user.repo.ts';
import { type AuditActor, changeRole } from '../accounts/user-admin.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { AccountState, Role } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { type GrantOutcome, setRepresentative } from '../self-assessment/grant-representative.command.ts';

/** Why an admin's change was refused, as a message key; undefined when it was done. */
export type AdminRefusal =
  | 'admin.users.error.not_found'
  | 'admin.users.error.own_role'
  | 'admin.users.error.own_state'
  | 'admin.users.error.erased'
  | undefined;

/**
 * Gives a user a role on an admin's behalf; an admin cannot take away their own admin role
 * (so the site is never left without one by a slip).
 * @example const refusal = await setUserRole(db, { userId: me, ip }, 42, 'editor');
 */
export async function setUserRole(db: Database, actor: AuditActor, userId: number, role: Role): Promise<AdminRefusal> {
  const user = await findUserById(db, userId);
  if (!user) return 'admin.users.error.not_found';
  if (user.id === actor.userId && role !== 'admin') return 'admin.users.error.own_role';
  if (user.role !== role) await changeRole(db, user.email, role, actor);
  return undefined;
}

/**
 * Disables (ending every session at once) or re-enables an account; never the admin's own.
 * @example const refusal = await setUserState(db, { userId: me, ip }, 42, 'disabled');
 */
export async function setUserState(db: Database, actor: AuditActor, userId: number, state: AccountState): Promise<AdminRefusal> {
  const user = await findUserById(db, userId);
  if (!user) return 'admin.users.error.not_found';
  if (user.id === actor.userId) return 'admin.users.error.own_state';
  if (user.state === state) return undefined;
  if (await isErased(db, user.id)) return 'admin.users.error.erased';
  await setAccountState(db, user.id, state);
  await recordAudit(db, {
    action: state === 'disabled' ? 'account_disable' : 'account_enable',
    actorUserId: actor.userId,
    target: user.email,
    ip: actor.ip ?? null,
  });
  return undefined;
}

/** Why a city was not added to or removed from a user, as a message key. */
export type CityRefusal = 'admin.users.error.not_found' | 'admin.representatives.error.format' | 'admin.representatives.error.unknown_city';

/**
 * Makes a user a representative of a city (`de/berlin`) on an admin's behalf, or ends it: what
 * it did, or why it was refused (a user or city that does not exist, a city not written as country/slug).
 * @example const result = await setUserCity(db, { userId: me, role: 'admin', ip }, 42, 'de/berlin', 'grant');
 */
export async function setUserCity(
  db: Database,
  actor: AuditActor & { role: Role },
  userId: number,
  city: string,
  intent: 'grant' | 'revoke',
): Promise<{ outcome: GrantOutcome } | { refusal: CityRefusal }> {
  const user = await findUserById(db, userId);
  if (!user) return { refusal: 'admin.users.error.not_found' };
  try {
    return { outcome: await setRepresentative(db, user.email, city, intent === 'grant', { ...actor, ip: actor.ip ?? null }) };
  } catch (e) {
    if (e instanceof AppError && e.code === 'bad_request') return { refusal: 'admin.representatives.error.format' };
    if (e instanceof AppError && e.code === 'not_found') return { refusal: 'admin.representatives.error.unknown_city' };
    throw e;
  }
}
