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
  /** Who submitted what this revision published (null when it came from no submission). */
  submitter_id: number | null;
  /** The submitter's public profile name and slug, null when they have none (then they are not named). */
  submitter_name: string | null;
  submitter_slug: string | null;
  /** The licence the submitter agreed to, and when. */
  license: string | null;
  license_agreed_at: Date | null;
}

/** A revision with the record it stored. */
export interface Revision extends RevisionSummary {
  record: PracticeRecord;
}

export const revisionPageSize = 50;

/** The columns crediting a revision's submitter and their consent (0034). */
const creditColumns = ['submitter_id', 'license', 'license_agreed_at'] as const;

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
        .select(['id', 'created_at', 'author', 'author_id', 'kind', 'message', ...creditColumns, revisionNumber.as('number')])
        .where('practice_id', '=', practiceId)
        .as('r'),
    )
    // Submitters are named through public_profiles only: no profile, no name.
    .leftJoin('public_profiles as pp', 'pp.id', 'r.submitter_id')
    .selectAll('r')
    .select(['pp.name as submitter_name', 'pp.slug as submitter_slug'])
    .orderBy('r.id', 'desc')
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
        .select(['id', 'created_at', 'author', 'author_id', 'kind', 'message', 'record', ...creditColumns, revisionNumber.as('number')])
        .where('practice_id', '=', practiceId)
        .as('r'),
    )
    .leftJoin('public_profiles as pp', 'pp.id', 'r.submitter_id')
    .selectAll('r')
    .select(['pp.name as submitter_name', 'pp.slug as submitter_slug'])
    .where('r.id', '=', revisionId)
    .executeTakeFirst();
  return row ? { ...plainIds(row), record: row.record as PracticeRecord } : undefined;
}

/** bigint ids arrive as strings on some drivers; the app counts them as numbers. */
function plainIds<T extends { id: number | string; author_id: number | string | null; submitter_id: number | string | null; number: number | string }>(
  row: T,
): T & RevisionSummary {
  const id = (v: number | string | null) => (v === null ? null : Number(v));
  return { ...row, id: Number(row.id), author_id: id(row.author_id), submitter_id: id(row.submitter_id), number: Number(row.number) } as T & RevisionSummary;
}
