import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { insertGroup, insertMembership } from '../../src/groups/group.repo.ts';
import { insertReport } from '../../src/groups/group-report.repo.ts';
import { insertReply, insertThread, setPostHidden } from '../../src/groups/group-thread.repo.ts';

/** What the groups' cells start from. */
export interface GroupFixtures {
  /** An open group the owner moderates, where `member` is a plain member who started a thread and replied in it. */
  groupSlug: string;
  threadId: number;
  /** The thread's opening post (nobody reported it yet). */
  openingPostId: number;
  /** A second reply of the member, hidden by a moderator. */
  hiddenPostId: number;
  /** The member's reply in that thread, reported by the owner (an open report). */
  postId: number;
  reportId: number;
  /** An open group nobody is in yet. */
  joinGroupSlug: string;
  /** A moderated group the owner moderates, where `member` waits for approval. */
  moderatedGroupSlug: string;
}

/**
 * Fresh groups for one cell of the authorisation matrix or one case of the fuzzer: `owner`
 * moderates them, `member` (another account) is in the open one and waits in the moderated one.
 * @example const g = await groupFixtures(db, 3, 4, 7);
 */
export async function groupFixtures(db: Database, owner: number, member: number, n: number): Promise<GroupFixtures> {
  const make = async (slug: string, membership: 'open' | 'moderated') => {
    const id = await insertGroup(db, {
      slug,
      name: `Matrix group ${slug}`,
      description: 'A group of the tests.',
      themes: ['housing'],
      membership,
      createdBy: owner,
    });
    if (id === undefined) throw new Error(`group ${slug} exists`);
    return id;
  };
  const suffix = `${n}-${Date.now().toString(36)}`;
  const open = await make(`matrix-group-${suffix}`, 'open');
  await make(`matrix-join-${suffix}`, 'open');
  const moderated = await make(`matrix-moderated-${suffix}`, 'moderated');
  await insertMembership(db, { groupId: open, userId: owner, role: 'moderator', state: 'active', frequency: 'daily' });
  await insertMembership(db, { groupId: open, userId: member, state: 'active', frequency: 'daily' });
  await insertMembership(db, { groupId: moderated, userId: owner, role: 'moderator', state: 'active', frequency: 'daily' });
  await insertMembership(db, { groupId: moderated, userId: member, state: 'pending', frequency: 'weekly' });
  const { threadId, postId: openingPostId } = await insertThread(db, {
    groupId: open,
    authorId: member,
    title: 'A question of the matrix',
    body: 'The opening post.',
  });
  const postId = await insertReply(db, { threadId, authorId: member, body: 'A reply to report.' });
  const hiddenPostId = await insertReply(db, { threadId, authorId: member, body: 'A reply a moderator hid.' });
  await setPostHidden(db, hiddenPostId, { reason: 'Advertising.', by: owner });
  await insertReport(db, { postId, reporterId: owner, reason: 'Off topic.' });
  const report = await db.selectFrom('group_reports').select('id').where('post_id', '=', postId).executeTakeFirstOrThrow();
  return {
    groupSlug: `matrix-group-${suffix}`,
    threadId,
    openingPostId,
    hiddenPostId,
    postId,
    reportId: report.id,
    joinGroupSlug: `matrix-join-${suffix}`,
    moderatedGroupSlug: `matrix-moderated-${suffix}`,
  };
}

/** The state of every group a refused request must leave alone, for the database fingerprint. */
export const groupsFingerprint = sql`concat_ws('/',
  (SELECT string_agg(slug || ':' || membership, ';' ORDER BY slug) FROM groups),
  (SELECT string_agg(group_id || ':' || user_id || ':' || role || ':' || state, ';' ORDER BY group_id, user_id) FROM group_members),
  (SELECT string_agg(id || ':' || pinned || ':' || locked || ':' || replies, ';' ORDER BY id) FROM group_threads),
  (SELECT string_agg(id || ':' || coalesce(hidden_reason, '-'), ';' ORDER BY id) FROM group_posts),
  (SELECT string_agg(id || ':' || state, ';' ORDER BY id) FROM group_reports))`;
