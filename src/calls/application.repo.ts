import { sql } from 'kysely';
import type { ApplicationState } from '../db/schema.ts';
import type { Executor } from './call.repo.ts';

/** Answers of an application by question key: text, a number, or the options chosen. */
export type Answers = Record<string, string | number | string[]>;

/** An application as its pages read it, with the ids of its co-editors. */
export interface ApplicationRow {
  id: number;
  callId: number;
  applicantId: number | null;
  organizationId: string | null;
  organizationName: string | null;
  applicantKind: 'city' | 'organization' | 'person';
  name: string;
  city: string | null;
  country: string | null;
  answers: Answers;
  version: number;
  state: ApplicationState;
  consentPublic: boolean;
  submittedAt: Date | null;
  editorIds: number[];
}

/** One application of a call (undefined when it is not that call's), optionally locked for the transaction. */
export async function findApplication(db: Executor, callId: number, id: number, lock = false): Promise<ApplicationRow | undefined> {
  let q = db
    .selectFrom('applications as a')
    .leftJoin('organizations as o', 'o.id', 'a.organization_id')
    .select([
      'a.id',
      'a.call_id',
      'a.applicant_id',
      'a.organization_id',
      'o.name as organization_name',
      'a.applicant_kind',
      'a.name',
      'a.city',
      'a.country',
      'a.answers',
      'a.version',
      'a.state',
      'a.consent_public',
      'a.submitted_at',
      sql<string[]>`array(SELECT e.user_id::text FROM application_editors e WHERE e.application_id = a.id ORDER BY e.user_id)`.as('editor_ids'),
    ])
    .where('a.id', '=', id)
    .where('a.call_id', '=', callId);
  if (lock) q = q.forUpdate('a');
  const r = await q.executeTakeFirst();
  if (!r) return undefined;
  return {
    id: Number(r.id),
    callId: Number(r.call_id),
    applicantId: r.applicant_id === null ? null : Number(r.applicant_id),
    organizationId: r.organization_id === null ? null : String(r.organization_id),
    organizationName: r.organization_name,
    applicantKind: r.applicant_kind,
    name: r.name,
    city: r.city,
    country: r.country?.trim() ?? null,
    answers: (r.answers ?? {}) as Answers,
    version: r.version,
    state: r.state,
    consentPublic: r.consent_public,
    submittedAt: r.submitted_at,
    editorIds: r.editor_ids.map(Number),
  };
}

/** The open application (draft or submitted) a person started or co-edits for a call, if any. */
export async function currentApplicationOf(db: Executor, callId: number, userId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('applications as a')
    .select('a.id')
    .where('a.call_id', '=', callId)
    .where('a.state', '!=', 'withdrawn')
    .where((eb) =>
      eb.or([
        eb('a.applicant_id', '=', userId),
        eb.exists(eb.selectFrom('application_editors as e').select('e.user_id').whereRef('e.application_id', '=', 'a.id').where('e.user_id', '=', userId)),
      ]),
    )
    .orderBy('a.id', 'desc')
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

/** Who applies, as the first page of the application gives it. */
export interface Identity {
  applicantKind: 'city' | 'organization' | 'person';
  name: string;
  city: string | null;
  country: string | null;
  organizationId: string | null;
}

/** Records a new draft application; returns its id. */
export async function insertApplication(db: Executor, callId: number, applicantId: number | null, who: Identity, answers: Answers = {}): Promise<number> {
  const row = await db
    .insertInto('applications')
    .values({
      call_id: callId,
      applicant_id: applicantId,
      applicant_kind: who.applicantKind,
      name: who.name,
      city: who.city,
      country: who.country,
      organization_id: who.organizationId,
      answers: JSON.stringify(answers),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Saves answers over the ones stored, only if the application is still at `version` (nobody saved
 * in between): returns false when someone did, and nothing is written.
 */
export async function saveAnswers(db: Executor, id: number, version: number, answers: Answers, step: number): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set({
      answers: sql`answers || ${JSON.stringify(answers)}::jsonb` as never,
      step,
      version: sql`version + 1` as never,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves an application to submitted (with the applicant's consent to be named) or withdrawn. */
export async function setApplicationState(db: Executor, id: number, state: 'submitted' | 'withdrawn', consentPublic?: boolean): Promise<void> {
  await db
    .updateTable('applications')
    .set({
      state,
      ...(state === 'submitted' ? { submitted_at: new Date(), consent_public: consentPublic ?? false } : {}),
      version: sql`version + 1` as never,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Adds a co-editor (a no-op when they already are one). */
export async function addEditor(db: Executor, applicationId: number, userId: number, addedBy: number): Promise<void> {
  await db
    .insertInto('application_editors')
    .values({ application_id: applicationId, user_id: userId, added_by: addedBy })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The co-editors' names, for the read-back page. */
export async function editorNames(db: Executor, applicationId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('application_editors as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select('u.name')
    .where('e.application_id', '=', applicationId)
    .orderBy('u.name')
    .execute();
  return rows.map((r) => r.name);
}

/** The organisations a person is an approved member of, to apply in their name. */
export async function organizationsOf(db: Executor, userId: number): Promise<{ id: string; slug: string; name: string }[]> {
  const rows = await db
    .selectFrom('organization_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.slug', 'o.name'])
    .where('m.user_id', '=', userId)
    .where('m.state', '=', 'approved')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: String(r.id), slug: r.slug, name: r.name }));
}

/** The account of an approved member of an organisation with this email (any case), if there is one. */
export async function approvedMemberByEmail(db: Executor, organizationId: string, email: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('organization_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.organization_id', '=', organizationId as never)
    .where('m.state', '=', 'approved')
    .where('u.state', '=', 'active')
    .where(sql`lower(u.email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

/** A person's applications, newest first, with their call. */
export async function applicationsOf(db: Executor, userId: number) {
  return db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select(['a.id', 'a.name', 'a.state', 'a.updated_at', 'c.slug', 'c.title', 'c.closes_at', 'c.time_zone'])
    .where((eb) =>
      eb.or([
        eb('a.applicant_id', '=', userId),
        eb.exists(eb.selectFrom('application_editors as e').select('e.user_id').whereRef('e.application_id', '=', 'a.id').where('e.user_id', '=', userId)),
      ]),
    )
    .orderBy('a.updated_at', 'desc')
    .limit(200)
    .execute();
}

/** A stored file's description (no content). */
export interface StoredFile {
  question: string;
  fileName: string;
  size: number;
}

/** The files of an application, by question. */
export async function filesOf(db: Executor, applicationId: number): Promise<StoredFile[]> {
  const rows = await db
    .selectFrom('application_files')
    .select(['question', 'file_name', 'size'])
    .where('application_id', '=', applicationId)
    .orderBy('question')
    .execute();
  return rows.map((r) => ({ question: r.question, fileName: r.file_name, size: r.size }));
}

/** One file with its content. */
export async function fileContent(db: Executor, applicationId: number, question: string) {
  return db
    .selectFrom('application_files')
    .select(['file_name', 'content', 'size'])
    .where('application_id', '=', applicationId)
    .where('question', '=', question)
    .executeTakeFirst();
}

/** Stores a question's PDF, replacing an earlier one. */
export async function putFile(
  db: Executor,
  f: { applicationId: number; question: string; fileName: string; content: Buffer; sha256: string; uploadedBy: number },
): Promise<void> {
  const values = {
    application_id: f.applicationId,
    question: f.question,
    file_name: f.fileName,
    media_type: 'application/pdf' as const,
    size: f.content.length,
    sha256: f.sha256,
    content: f.content,
    uploaded_by: f.uploadedBy,
  };
  await db
    .insertInto('application_files')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['application_id', 'question']).doUpdateSet({
        file_name: values.file_name,
        size: values.size,
        sha256: values.sha256,
        content: values.content,
        uploaded_by: values.uploaded_by,
        uploaded_at: new Date(),
      }),
    )
    .execute();
}
