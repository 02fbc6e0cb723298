import type { Database } from '../db/database.ts';
import type { SubmissionState } from '../db/schema.ts';

/** A comment or a change of state, with its author's name. */
export interface SubmissionEvent {
  id: number;
  kind: 'comment' | 'state';
  state: SubmissionState | null;
  body: string;
  authorId: number | null;
  authorName: string | null;
  createdAt: Date;
}

/** Appends a private comment or a change of state to a submission's thread. */
export async function addSubmissionEvent(
  db: Database,
  e: {
    submissionId: number;
    authorId: number | null;
    kind: 'comment' | 'state';
    state?: SubmissionState | null;
    body?: string;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto('submission_events')
    .values({
      submission_id: e.submissionId,
      author_id: e.authorId,
      kind: e.kind,
      state: e.state ?? null,
      body: e.body ?? '',
      data: e.data ? JSON.stringify(e.data) : null,
    })
    .execute();
}

/** The draft as an editor last sent it back for changes, and when; undefined when it never was. */
export async function lastSentBack(db: Database, submissionId: number): Promise<{ data: Record<string, unknown>; at: Date } | undefined> {
  const row = await db
    .selectFrom('submission_events')
    .select(['data', 'created_at'])
    .where('submission_id', '=', submissionId)
    .where('state', '=', 'changes_requested')
    .where('data', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { data: row.data as Record<string, unknown>, at: row.created_at } : undefined;
}

/** The whole thread of a submission, oldest first. */
export async function listSubmissionEvents(db: Database, submissionId: number): Promise<SubmissionEvent[]> {
  return db
    .selectFrom('submission_events as e')
    .leftJoin('users as u', 'u.id', 'e.author_id')
    .select(['e.id', 'e.kind', 'e.state', 'e.body', 'e.author_id as authorId', 'u.name as authorName', 'e.created_at as createdAt'])
    .where('e.submission_id', '=', submissionId)
    .orderBy('e.id', 'asc')
    .execute();
}
