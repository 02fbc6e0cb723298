import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { RevisionKind } from '../db/schema.ts';
import type { PracticeRecord } from '../practices/practice.schema.ts';

/** One revision as the history lists it. `number` counts a practice's revisions from 1, oldest first. */
export interface RevisionSummary {
  id: number;
  number: number;
  created_at: Date;
  author: string;
  author_id: number | null;
  kind: RevisionKind;
  message: string;
}

/** A revision with the record it stored. */
export interface Revision extends RevisionSummary {
  record: PracticeRecord;
}

export const revisionPageSize = 50;

/** The per-practice number of each revision: its position in the practice's history. */
const revisionNumber = sql<number>`(row_number() OVER (ORDER BY id))::int`;

/**
 * One page of a practice's revisions, newest first, and whether older ones follow.
 * @example const { rows, more } = await listRevisions(db, 'turin-welcome-desk', 1);
 */
export async function listRevisions(db: Database, practiceId: string, page = 1): Promise<{ rows: RevisionSummary[]; more: boolean }> {
  const rows = await db
    .selectFrom(
      db
        .selectFrom('practice_revisions')
        .select(['id', 'created_at', 'author', 'author_id', 'kind', 'message', revisionNumber.as('number')])
        .where('practice_id', '=', practiceId)
        .as('r'),
    )
    .selectAll()
    .orderBy('id', 'desc')
    .limit(revisionPageSize + 1)
    .offset((page - 1) * revisionPageSize)
    .execute();
  return { rows: rows.slice(0, revisionPageSize).map(plainIds), more: rows.length > revisionPageSize };
}

/**
 * One revision of a practice with its record; undefined when it does not exist or belongs to another practice.
 * @example const rev = await findRevision(db, 'turin-welcome-desk', 4120);
 */
export async function findRevision(db: Database, practiceId: string, revisionId: number): Promise<Revision | undefined> {
  const row = await db
    .selectFrom(
      db
        .selectFrom('practice_revisions')
        .select(['id', 'created_at', 'author', 'author_id', 'kind', 'message', 'record', revisionNumber.as('number')])
        .where('practice_id', '=', practiceId)
        .as('r'),
    )
    .selectAll()
    .where('id', '=', revisionId)
    .executeTakeFirst();
  return row ? { ...plainIds(row), record: row.record as PracticeRecord } : undefined;
}

/** bigint ids arrive as strings on some drivers; the app counts them as numbers. */
function plainIds<T extends { id: number | string; author_id: number | string | null; number: number | string }>(row: T): T & RevisionSummary {
  return { ...row, id: Number(row.id), author_id: row.author_id === null ? null : Number(row.author_id), number: Number(row.number) } as T & RevisionSummary;
}
