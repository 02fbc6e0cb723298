import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { SubmissionKind, SubmissionState } from '../db/schema.ts';

/** A submission as pages show it, with the names of the people involved. */
export interface Submission {
  id: number;
  kind: SubmissionKind;
  state: SubmissionState;
  submitterId: number;
  submitterName: string;
  submitterEmail: string;
  submitterLocale: string;
  /** Shown to editors only. */
  submitterOrganization: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  practiceId: string | null;
  adaptedFromId: string | null;
  translationLanguage: string | null;
  data: Record<string, unknown>;
  title: string;
  language: string | null;
  themes: string[];
  step: number;
  decisionMessage: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  /** The licence the submitter agreed to publish under when sending it, and when (null before). */
  license: string | null;
  licenseAgreedAt: Date | null;
}

/** The draft part of a submission that each save replaces. */
export interface DraftContent {
  data: Record<string, unknown>;
  step: number;
  /** Set when the save sends it: the licence its submitter agrees to now. */
  license?: string;
}

/** What a new submission starts from. */
export interface NewSubmission extends DraftContent {
  kind: SubmissionKind;
  submitterId: number;
  practiceId?: string | null;
  adaptedFromId?: string | null;
  translationLanguage?: string | null;
  /** The form's one-time key: the same key twice (a double click) gives the same submission. */
  requestKey?: string | null;
}

/** Columns derived from the draft, kept for the queue's filters and lists. */
function derived(data: Record<string, unknown>) {
  return {
    title: typeof data.title === 'string' ? data.title.slice(0, 300) : '',
    language: typeof data.language === 'string' ? data.language : null,
    themes: Array.isArray(data.themes) ? data.themes.filter((t): t is string => typeof t === 'string') : [],
  };
}

function selectSubmissions(db: Database) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('users as u', 'u.id', 's.submitter_id')
    .leftJoin('users as a', 'a.id', 's.assignee_id')
    .select([
      's.id',
      's.kind',
      's.state',
      's.submitter_id as submitterId',
      'u.name as submitterName',
      'u.email as submitterEmail',
      'u.locale as submitterLocale',
      'u.organization as submitterOrganization',
      's.assignee_id as assigneeId',
      'a.name as assigneeName',
      's.practice_id as practiceId',
      's.adapted_from_id as adaptedFromId',
      's.translation_language as translationLanguage',
      's.data',
      's.title',
      's.language',
      's.themes',
      's.step',
      's.decision_message as decisionMessage',
      's.version',
      's.created_at as createdAt',
      's.updated_at as updatedAt',
      's.submitted_at as submittedAt',
      's.license',
      's.license_agreed_at as licenseAgreedAt',
    ]);
}

/**
 * Creates a submission; with a request key already used, returns the submission that key made.
 * @example const s = await createSubmission(db, { kind: 'practice', submitterId, data, step: 1, requestKey });
 */
export async function createSubmission(db: Database, s: NewSubmission): Promise<Submission> {
  const inserted = await db
    .insertInto('submissions')
    .values({
      kind: s.kind,
      submitter_id: s.submitterId,
      practice_id: s.practiceId ?? null,
      adapted_from_id: s.adaptedFromId ?? null,
      translation_language: s.translationLanguage ?? null,
      data: JSON.stringify(s.data),
      step: s.step,
      request_key: s.requestKey ?? null,
      ...derived(s.data),
      ...(s.license ? { license: s.license, license_agreed_at: new Date() } : {}),
    })
    .onConflict((oc) => oc.column('request_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  const id =
    inserted?.id ??
    (
      await db
        .selectFrom('submissions')
        .select('id')
        .where('request_key', '=', s.requestKey ?? '')
        .executeTakeFirstOrThrow()
    ).id;
  return (await findSubmission(db, id)) as Submission;
}

/** One submission, or undefined. */
export async function findSubmission(db: Database, id: number): Promise<Submission | undefined> {
  return selectSubmissions(db).where('s.id', '=', id).executeTakeFirst();
}

/**
 * Replaces the draft when it is still at `version` (what the form was loaded with); false when
 * another save came in between, so a second tab cannot silently overwrite the first.
 * @example if (!(await saveDraft(db, id, { data, step: 2 }, form.version))) showConflict();
 */
export async function saveDraft(db: Database, id: number, content: DraftContent, version: number): Promise<boolean> {
  const result = await db
    .updateTable('submissions')
    .set({
      data: JSON.stringify(content.data),
      step: content.step,
      ...derived(content.data),
      ...(content.license ? { license: content.license, license_agreed_at: new Date() } : {}),
      version: sql<number>`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What a change of state also sets. */
export interface StateChange {
  state: SubmissionState;
  decisionMessage?: string | null;
  practiceId?: string | null;
}

/**
 * Moves a submission to a new state when it is still in `from`; false when it was not (another
 * editor acted first). Run it in the transaction that records the event.
 */
export async function setSubmissionState(db: Database, id: number, from: SubmissionState, change: StateChange): Promise<boolean> {
  const now = new Date();
  const result = await db
    .updateTable('submissions')
    .set({
      state: change.state,
      updated_at: now,
      version: sql<number>`version + 1`,
      ...(change.state === 'submitted' ? { submitted_at: now } : {}),
      ...(change.decisionMessage !== undefined ? { decision_message: change.decisionMessage } : {}),
      ...(change.practiceId !== undefined ? { practice_id: change.practiceId } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Sets (or clears, with null) the editor a submission is assigned to, only if the assignee is
 * still `expected` (what the editor saw); false when someone else changed it first.
 */
export async function assignSubmission(db: Database, id: number, assigneeId: number | null, expected: number | null): Promise<boolean> {
  const result = await db
    .updateTable('submissions')
    .set({ assignee_id: assigneeId, updated_at: new Date() })
    .where('id', '=', id)
    .where(sql<boolean>`assignee_id IS NOT DISTINCT FROM ${expected}::bigint`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Filters of the editors' queue. `olderThanDays` keeps submissions waiting at least that long. */
export interface QueueFilters {
  states: SubmissionState[];
  theme?: string;
  language?: string;
  olderThanDays?: number;
  assignee?: 'me' | 'none';
  page: number;
}

export const queuePageSize = 50;

/**
 * The editors' queue: oldest submission first (by when it was sent to review), with filters,
 * one page at a time, and the total.
 * @example const { items, total } = await listQueue(db, { states: ['submitted'], page: 1 }, editorId);
 */
export async function listQueue(db: Database, f: QueueFilters, viewerId: number): Promise<{ items: Submission[]; total: number }> {
  let q = selectSubmissions(db).where('s.state', 'in', f.states.length ? f.states : ['submitted']);
  if (f.theme) q = q.where(sql<boolean>`${f.theme} = ANY(s.themes)`);
  // A translation's language is the one it translates into.
  if (f.language) q = q.where(sql<string>`coalesce(s.language, s.translation_language)`, '=', f.language);
  if (f.olderThanDays) q = q.where(sql<boolean>`coalesce(s.submitted_at, s.created_at) <= now() - make_interval(days => ${f.olderThanDays})`);
  if (f.assignee === 'me') q = q.where('s.assignee_id', '=', viewerId);
  if (f.assignee === 'none') q = q.where('s.assignee_id', 'is', null);
  const { count } = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  const items = await q
    .orderBy(sql`coalesce(s.submitted_at, s.created_at)`, 'asc')
    .orderBy('s.id', 'asc')
    .limit(queuePageSize)
    .offset((f.page - 1) * queuePageSize)
    .execute();
  return { items, total: Number(count) };
}

/** A person's submission in their list, with the title of the practice it adapts or translates. */
export type OwnSubmission = Submission & { practiceTitle: string | null };

/**
 * A person's own submissions, most recently changed first, each with the title of the practice it
 * adapts or translates (when that practice is here), in one query.
 * @example const mine = await listOwnSubmissions(db, account.userId);
 */
export async function listOwnSubmissions(db: Database, submitterId: number): Promise<OwnSubmission[]> {
  return selectSubmissions(db)
    .leftJoin('practices as p', (j) => j.on(sql<boolean>`p.id = coalesce(s.adapted_from_id, s.practice_id)`))
    .select('p.title as practiceTitle')
    .where('s.submitter_id', '=', submitterId)
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
}

/**
 * The person's open translation of a practice into a language (a draft, or one sent back for
 * changes), so the translation form continues it rather than starting another.
 */
export async function findOpenTranslation(db: Database, submitterId: number, practiceId: string, language: string): Promise<Submission | undefined> {
  return selectSubmissions(db)
    .where('s.submitter_id', '=', submitterId)
    .where('s.kind', '=', 'translation')
    .where('s.practice_id', '=', practiceId)
    .where('s.translation_language', '=', language)
    .where('s.state', 'in', ['draft', 'changes_requested'])
    .orderBy('s.updated_at', 'desc')
    .executeTakeFirst();
}
