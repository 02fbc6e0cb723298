import type { Role } from '../db/schema.ts';
import type { Actor } from './authorize.ts';

/** Roles that may review, publish, assess and edit any practice. */
export const editorRoles: readonly Role[] = ['editor', 'admin'];

/** Roles that may administer users, imports and tags. */
export const adminRoles: readonly Role[] = ['admin'];

/** True when the account may act as an editor. */
export function isEditor(account: Pick<NonNullable<Actor>, 'role'> | undefined): boolean {
  return !!account && editorRoles.includes(account.role);
}

/** True when the account may act as an administrator. */
export function isAdmin(account: Pick<NonNullable<Actor>, 'role'> | undefined): boolean {
  return !!account && adminRoles.includes(account.role);
}
