import type { Context } from 'hono';
import type { Database } from '../db/database.ts';
import type { AppEnv, SessionAccount } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { can } from '../security/authorize.ts';
import { clientAddress } from '../security/client-address.ts';
import { groupPolicy } from './group.policy.ts';
import { findGroup, findMembership, type ListedGroup } from './group.repo.ts';
import { groupSlug, pathId } from './group.schema.ts';
import type { GroupInContext } from './membership.command.ts';
import type { GroupViewer } from './views/group-parts.tsx';

/** A group as a request sees it: the group, the reader's place in it, and what the views need of the reader. */
export interface GroupContext {
  group: ListedGroup;
  access: GroupInContext;
  account?: SessionAccount;
  viewer: GroupViewer;
}

/**
 * The group of the request's `:slug` with the reader's membership, or a 404.
 * @example const { group, access, viewer } = await groupContext(db, c);
 */
export async function groupContext(db: Database, c: Context<AppEnv>): Promise<GroupContext> {
  const slug = groupSlug.safeParse(c.req.param('slug'));
  const group = slug.success ? await findGroup(db, slug.data) : undefined;
  if (!group) throw notFound(`no group "${c.req.param('slug')}"`);
  const account = c.get('account');
  const membership = account ? await findMembership(db, group.id, account.userId) : undefined;
  const access: GroupInContext = { group, membership };
  const viewer: GroupViewer = { csrf: account?.csrfToken, userId: account?.userId, membership, moderator: can(account, groupPolicy.moderate, access) };
  return { group, access, account, viewer };
}

/** A numeric id of the path (`:id`, `:postId`, `:userId`), or a 404 when it is not one. */
export function idParam(c: Context<AppEnv>, name: string): number {
  const id = pathId.safeParse(c.req.param(name));
  if (!id.success) throw notFound();
  return id.data;
}

/** The acting person of a guarded route, with their address for the audit log. */
export function actorOf(account: SessionAccount, c: Context<AppEnv>, trustProxy: boolean) {
  return { userId: account.userId, role: account.role, ip: clientAddress(c, trustProxy) };
}
