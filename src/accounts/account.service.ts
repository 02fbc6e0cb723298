import type { ContributionDeps } from '../http/app-env.ts';
import { hashPassword, verifyDecoy, verifyPassword } from '../security/password-hash.ts';
import { type AccountMailKind, accountMail } from './account-mails.ts';
import { deleteUserSessions } from './session.repo.ts';
import { consumeToken, issueToken } from './token.repo.ts';
import { findUserByEmail, findUserById, insertUser, markEmailConfirmed, type User, updatePasswordHash } from './user.repo.ts';

/** Mails a person a link; a mail failure is logged and never tells a visitor whether an account exists. */
async function mailUser(deps: ContributionDeps, kind: AccountMailKind, user: Pick<User, 'id' | 'email' | 'name' | 'locale'>): Promise<void> {
  const token = kind === 'exists' ? undefined : await issueToken(deps.db, user.id, kind);
  const mail = accountMail(kind, { to: user.email, name: user.name, locale: user.locale, publicUrl: deps.config.publicUrl, token });
  try {
    await deps.mailer.send(mail);
  } catch (e) {
    deps.log.error('mail failed', { kind, error: (e as Error).message });
  }
}

/**
 * Creates an account and mails its confirmation link. For an email that already has an
 * account, the owner gets a "you already have an account" mail instead and the visitor sees
 * the same page, so sign-up does not reveal who is registered.
 * @example await signUp(deps, { name, email, password }, 'fr');
 */
export async function signUp(deps: ContributionDeps, input: { name: string; email: string; password: string }, locale: string): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const user = await insertUser(deps.db, { email: input.email, name: input.name, password_hash: passwordHash, locale });
  if (user) return mailUser(deps, 'confirm', user);
  const existing = await findUserByEmail(deps.db, input.email);
  if (existing && existing.state === 'active') await mailUser(deps, 'exists', existing);
}

/** Marks an email confirmed through its mailed token; false for a used, expired or unknown link. */
export async function confirmEmail(deps: ContributionDeps, token: string): Promise<boolean> {
  const userId = await consumeToken(deps.db, token, 'confirm');
  if (userId === undefined) return false;
  await markEmailConfirmed(deps.db, userId);
  return true;
}

/** Outcome of a sign-in attempt. */
export type LoginResult = { kind: 'ok'; user: User } | { kind: 'wrong' } | { kind: 'unconfirmed' } | { kind: 'disabled' };

/**
 * Checks an email and password. An unknown email costs the same time as a wrong password and
 * gives the same answer. An unconfirmed account gets a fresh confirmation link.
 * @example const r = await logIn(deps, email, password); if (r.kind === 'ok') await startSession(…);
 */
export async function logIn(deps: ContributionDeps, email: string, password: string): Promise<LoginResult> {
  const user = await findUserByEmail(deps.db, email);
  if (!user) {
    await verifyDecoy(password);
    return { kind: 'wrong' };
  }
  if (!(await verifyPassword(user.password_hash, password))) return { kind: 'wrong' };
  if (user.state === 'disabled') return { kind: 'disabled' };
  if (!user.email_confirmed_at) {
    await mailUser(deps, 'confirm', user);
    return { kind: 'unconfirmed' };
  }
  return { kind: 'ok', user };
}

/**
 * Mails a reset link when an active account has this email; says nothing either way. The mail
 * goes out in the background so the answer takes as long with or without an account.
 * @example await requestPasswordReset(deps, email);
 */
export async function requestPasswordReset(deps: ContributionDeps, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (user?.state !== 'active') return;
  void mailUser(deps, 'reset', user).catch((e: Error) => deps.log.error('reset mail failed', { error: e.message }));
}

/**
 * Sets a new password through a reset token and signs the account out everywhere (whoever
 * knew the old password is locked out). Reading the link proves the email, so it is confirmed.
 * @example const ok = await resetPassword(deps, token, password);
 */
export async function resetPassword(deps: ContributionDeps, token: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  const userId = await consumeToken(deps.db, token, 'reset');
  if (userId === undefined) return false;
  await updatePasswordHash(deps.db, userId, passwordHash);
  await deleteUserSessions(deps.db, userId);
  await markEmailConfirmed(deps.db, userId);
  return true;
}

/**
 * Changes the password of a signed-in person after checking the current one; their other
 * sessions end, this one stays.
 * @example const ok = await changePassword(deps, account.userId, account.sessionId, current, next);
 */
export async function changePassword(deps: ContributionDeps, userId: number, sessionId: string, current: string, next: string): Promise<boolean> {
  const user = await findUserById(deps.db, userId);
  if (!user || !(await verifyPassword(user.password_hash, current))) return false;
  await updatePasswordHash(deps.db, userId, await hashPassword(next));
  await deleteUserSessions(deps.db, userId, sessionId);
  return true;
}
