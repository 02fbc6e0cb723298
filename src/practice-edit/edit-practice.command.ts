import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { recordPracticeActivity } from '../follows/practice-activity.ts';
import { type AppError, badRequest, conflict, notFound } from '../http/errors.ts';
import { checkComplete, draftFromValues } from '../practice-form/practice-form.convert.ts';
import { type FormErrors, formSteps, type PracticeFormValues } from '../practice-form/practice-form.fields.ts';
import { upsertPractice } from '../practices/practice.repo.ts';
import { type PracticeRecord, practiceRecordSchema } from '../practices/practice.schema.ts';
import { readStoredPractice } from '../practices/stored-practice.repo.ts';
import { authorize } from '../security/authorize.ts';
import { contentHash } from '../shared/text.ts';
import { practiceEditPolicy } from './practice-edit.policy.ts';
import { editMessage } from './practice-edit.schema.ts';

/** A posted edit: the form's values, the version it started from and the summary of the change. */
export interface EditInput {
  id: string;
  values: PracticeFormValues;
  /** content_hash of the stored version the form was loaded with. */
  base: string;
  message: string;
}

/** Who edits, for the policy, the revision and the audit log. */
export interface Editor {
  name: string;
  userId: number;
  role: Role;
  ip: string | null;
}

/** The form's fields over the stored record: id, translations, adaptation links and `updated` stay as stored. */
export function editedRecord(stored: PracticeRecord, draft: Partial<PracticeRecord>): Partial<PracticeRecord> {
  const kept = { id: stored.id, translations: stored.translations, adapted_from: stored.adapted_from, updated: stored.updated };
  const record: Record<string, unknown> = { ...draft, ...kept };
  for (const [k, v] of Object.entries(record)) if (v === undefined) delete record[k];
  return record as Partial<PracticeRecord>;
}

/** Every problem with an edit, as message keys by form field; empty when it may be saved. */
function problemsOf(record: Partial<PracticeRecord>, draftErrors: FormErrors, message: string): FormErrors {
  const errors: FormErrors = { ...draftErrors };
  // A translation into the new original language would repeat it; the schema refuses that.
  if (record.language && record.translations?.[record.language] && !errors.language) errors.language = 'edit.error.language_translated';
  if (!Object.keys(errors).length) {
    const complete = checkComplete(record);
    if (!complete.ok) Object.assign(errors, complete.errors);
  }
  const summary = editMessage.safeParse(message);
  if (!summary.success) errors.message = summary.error.issues[0].message;
  return errors;
}

/**
 * The form's problems carried by a refused edit (`badRequest` with one field per problem, its
 * message key as message), by form field, as the edit page shows them.
 * @example const errors = editErrors(error); if (errors) return page(c, { ...props, errors }, 400);
 */
export function editErrors(error: unknown): FormErrors | undefined {
  const e = error as AppError;
  if (e?.code !== 'bad_request' || !e.fields) return undefined;
  return Object.fromEntries(e.fields.map((f) => [f.path, f.message]));
}

/**
 * After a refused edit (409), the two versions the edit page compares: the one stored now
 * (and its hash, the new base) and this editor's edit over it.
 * @example const versions = await conflictingVersions(db, input);
 */
export async function conflictingVersions(db: Database, input: EditInput): Promise<{ stored: PracticeRecord; mine: PracticeRecord; base: string } | undefined> {
  const stored = await readStoredPractice(db, input.id);
  if (!stored) return undefined;
  const mine = practiceRecordSchema.safeParse(editedRecord(stored.record, draftFromValues(input.values, formSteps).draft));
  return mine.success ? { stored: stored.record, mine: mine.data, base: stored.contentHash } : undefined;
}

/**
 * Saves an editor's change to a published practice as a new revision (kind "edit") with its
 * audit entry, in one transaction; the database moves the catalogue version on with the row.
 * Returns 'unchanged' when the edit changes nothing. Refusals are thrown: 403 for a non-editor,
 * 404 for an unknown practice, 400 (`badRequest` with the form's problems, see editErrors) for
 * an invalid edit, and 409 when someone saved another version since the form was loaded (never
 * overwritten silently: the page shows both, see conflictingVersions).
 * @example const outcome = await editPractice(db, { id, values, base, message }, { name, userId, role, ip });
 */
export async function editPractice(db: Database, input: EditInput, editor: Editor): Promise<'saved' | 'unchanged'> {
  authorize(editor, practiceEditPolicy.edit);
  const { draft, errors: draftErrors } = draftFromValues(input.values, formSteps);
  return db.transaction().execute(async (trx) => {
    const stored = await readStoredPractice(trx, input.id, { forUpdate: true });
    if (!stored) throw notFound(`practice "${input.id}" does not exist`);
    const candidate = editedRecord(stored.record, draft);
    const errors = problemsOf(candidate, draftErrors, input.message);
    if (Object.keys(errors).length)
      throw badRequest(
        'the edit is not a valid practice record',
        Object.entries(errors).map(([path, message]) => ({ path, message })),
      );
    const record = practiceRecordSchema.parse(candidate);
    if (contentHash(record) === stored.contentHash) return 'unchanged';
    if (stored.contentHash !== input.base) throw conflict('someone saved another version of this practice since the form was loaded');
    const message = editMessage.parse(input.message);
    await upsertPractice(trx, record, { author: editor.name, authorId: editor.userId, kind: 'edit', message });
    await recordAudit(trx, { action: 'edit', actorUserId: editor.userId, target: record.id, ip: editor.ip, details: { message } });
    await recordPracticeActivity(trx, record, 'practice_updated', editor.userId);
    return 'saved';
  });
}
