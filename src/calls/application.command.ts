import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { conflict, notFound } from '../http/errors.ts';
import { queueMail } from '../mail/mail-queue.ts';
import { authorize } from '../security/authorize.ts';
import {
  type Answers,
  type ApplicationRow,
  addEditor,
  approvedMemberByEmail,
  currentApplicationOf,
  filesOf,
  findApplication,
  type Identity,
  insertApplication,
  putFile,
  saveAnswers,
  setApplicationState,
} from './application.repo.ts';
import { missingAnswers } from './application-form.ts';
import { submittedMail } from './application-mails.ts';
import { callPolicy } from './call.policy.ts';
import type { CallRow } from './call.repo.ts';
import { callPhase } from './call-dates.ts';
import { maxFileBytes, type Question } from './call-form.schema.ts';

/** Who acts on an application: the signed-in person, their address (audit) and language (mails). */
export interface Applicant {
  userId: number;
  role: NonNullable<Parameters<typeof callPolicy.apply>[0]>['role'];
  email: string;
  name: string;
  locale: string;
  ip: string | null;
}

/** Why a submission was refused: the call has closed, or required answers are missing. */
export type SubmitRefusal = { reason: 'late' } | { reason: 'missing'; missing: Question[] };

/** The application, checked to belong to the call, and that the actor may act on it by `rule`. */
async function applicationFor(db: Database, call: CallRow, id: number, lock: boolean) {
  const a = await findApplication(db, call.id, id, lock);
  if (!a) throw notFound(`no application ${id}`);
  return a;
}

/**
 * A signed-in person starts an application to an open call: a draft in their name (or the
 * organisation's, city's), audited (`application_start`). One open application per person and
 * call: a second start leads to the first. Returns its id.
 */
export async function startApplication(db: Database, call: CallRow, who: Identity, actor: Applicant, now = new Date()): Promise<number> {
  authorize(actor, callPolicy.apply);
  if (call.state !== 'published' || callPhase(call, now) !== 'open') throw conflict('the call is not open');
  return db.transaction().execute(async (trx) => {
    const existing = await currentApplicationOf(trx, call.id, actor.userId);
    if (existing) return existing;
    const id = await insertApplication(trx, call.id, actor.userId, who);
    await recordAudit(trx, { action: 'application_start', actorUserId: actor.userId, target: `${call.slug}/${id}`, ip: actor.ip });
    return id;
  });
}

/**
 * Saves a page of answers over the stored ones if nobody saved since `version`: false when
 * someone did (nothing written, the caller shows both). Not audited: a draft's saves are many.
 */
export async function saveApplicationStep(
  db: Database,
  call: CallRow,
  a: ApplicationRow,
  version: number,
  answers: Answers,
  step: number,
  actor: Applicant,
): Promise<boolean> {
  authorize(actor, callPolicy.edit, a);
  if (a.state !== 'draft') throw conflict('the application is no longer a draft');
  if (callPhase(call, new Date()) === 'closed') throw conflict('the call has closed');
  return saveAnswers(db, a.id, version, answers, step);
}

/**
 * Submits an application before the deadline: refused at or after `closes_at` (one second late is
 * late), or with required answers missing. Audited (`application_submit`); the applicant gets a
 * confirmation with a copy of the answers through the job queue, in the same transaction.
 */
export async function submitApplication(
  db: Database,
  call: CallRow,
  id: number,
  consentPublic: boolean,
  actor: Applicant,
  publicUrl: string,
  now = new Date(),
): Promise<SubmitRefusal | undefined> {
  return db.transaction().execute(async (trx) => {
    const a = await applicationFor(trx as unknown as Database, call, id, true);
    authorize(actor, callPolicy.edit, a);
    if (a.state !== 'draft') throw conflict('the application is not a draft');
    if (now.getTime() >= call.closes_at.getTime()) return { reason: 'late' as const };
    const files = await filesOf(trx, a.id);
    const missing = missingAnswers(call.questions, a.answers, new Set(files.map((f) => f.question)));
    if (missing.length) return { reason: 'missing' as const, missing };
    await setApplicationState(trx, a.id, 'submitted', consentPublic);
    await recordAudit(trx, { action: 'application_submit', actorUserId: actor.userId, target: `${call.slug}/${a.id}`, ip: actor.ip });
    await queueMail(trx, submittedMail(actor, call, a, files, publicUrl), { key: `application-submitted:${a.id}` });
    return undefined;
  });
}

/** Withdraws a draft or submitted application before the deadline; audited (`application_withdraw`). */
export async function withdrawApplication(db: Database, call: CallRow, id: number, actor: Applicant, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const a = await applicationFor(trx as unknown as Database, call, id, true);
    authorize(actor, callPolicy.edit, a);
    if (a.state === 'withdrawn') return;
    if (now.getTime() >= call.closes_at.getTime()) throw conflict('the call has closed');
    await setApplicationState(trx, a.id, 'withdrawn');
    await recordAudit(trx, { action: 'application_withdraw', actorUserId: actor.userId, target: `${call.slug}/${a.id}`, ip: actor.ip });
  });
}

/**
 * The applicant adds a co-editor by email: only an approved member of the organisation the
 * application is made for. Returns false when the address names no such member (nothing written).
 */
export async function addCoEditor(db: Database, a: ApplicationRow, email: string, actor: Applicant, callSlug: string): Promise<boolean> {
  authorize(actor, callPolicy.addEditor, a);
  if (!a.organizationId) return false;
  const userId = await approvedMemberByEmail(db, a.organizationId, email);
  if (!userId || userId === a.applicantId) return false;
  await db.transaction().execute(async (trx) => {
    await addEditor(trx, a.id, userId, actor.userId);
    await recordAudit(trx, { action: 'application_editor_add', actorUserId: actor.userId, target: `${callSlug}/${a.id}`, ip: actor.ip, details: { userId } });
  });
  return true;
}

/** Whether bytes are a PDF by their content (its magic number), whatever the name or type claimed. */
export const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/** Why a file was refused. */
export type FileRefusal = 'calls.file.error.missing' | 'calls.file.error.type' | 'calls.file.error.size';

/**
 * Stores the PDF answering a file question of a draft, checked by content (`%PDF-`) and size
 * (≤ 10 MB); audited (`application_file_upload`). Returns the refusal's message key, if refused.
 */
export async function uploadApplicationFile(
  db: Database,
  call: CallRow,
  a: ApplicationRow,
  question: Question,
  file: { name: string; bytes: Buffer } | undefined,
  actor: Applicant,
): Promise<FileRefusal | undefined> {
  authorize(actor, callPolicy.edit, a);
  if (a.state !== 'draft') throw conflict('the application is no longer a draft');
  if (callPhase(call, new Date()) === 'closed') throw conflict('the call has closed');
  if (!file || file.bytes.length === 0) return 'calls.file.error.missing';
  if (file.bytes.length > maxFileBytes) return 'calls.file.error.size';
  if (!isPdf(file.bytes)) return 'calls.file.error.type';
  const fileName = (file.name.replace(/[\u0000-\u001f\u007f"\\/]/g, '_').slice(-200) || 'file.pdf').replace(/^\.+/, '_');
  await db.transaction().execute(async (trx) => {
    await putFile(trx, {
      applicationId: a.id,
      question: question.key,
      fileName,
      content: file.bytes,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      uploadedBy: actor.userId,
    });
    await recordAudit(trx, {
      action: 'application_file_upload',
      actorUserId: actor.userId,
      target: `${call.slug}/${a.id}`,
      ip: actor.ip,
      details: { question: question.key, size: file.bytes.length },
    });
  });
  return undefined;
}
