import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { checkComplete, draftFromValues } from '../practice-form/practice-form.convert.ts';
import { type FormErrors, type PracticeFormValues, formSteps } from '../practice-form/practice-form.fields.ts';
import { upsertPractice } from '../practices/practice.repo.ts';
import { type PracticeRecord, practiceRecordSchema } from '../practices/practice.schema.ts';
import { contentHash } from '../shared/text.ts';
import { editMessage } from './practice-edit.schema.ts';
import { readStoredPractice } from './stored-practice.repo.ts';

/** A posted edit: the form's values, the version it started from and the summary of the change. */
export interface EditInput {
  id: string;
  values: PracticeFormValues;
  /** content_hash of the stored version the form was loaded with. */
  base: string;
  message: string;
}

/** Who edits, for the revision and the audit log. */
export interface Editor {
  name: string;
  userId: number;
  ip: string | null;
}

/** What became of an edit. A conflict carries the version now stored, so the page can show both. */
export type EditOutcome =
  | { kind: 'not_found' }
  | { kind: 'invalid'; errors: FormErrors }
  | { kind: 'conflict'; stored: PracticeRecord; mine: PracticeRecord; base: string }
  | { kind: 'unchanged' }
  | { kind: 'saved' };

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
 * Saves an editor's change to a published practice as a new revision, unless it is invalid,
 * changes nothing, or someone saved another version since the form was loaded (never
 * overwritten silently: the caller shows both versions). Writes the practice, its revision,
 * the catalogue version and the audit entry in one transaction.
 * @example const outcome = await saveEdit(db, { id, values, base, message }, { name, userId, ip });
 */
export async function saveEdit(db: Database, input: EditInput, editor: Editor): Promise<EditOutcome> {
  const { draft, errors: draftErrors } = draftFromValues(input.values, formSteps);
  return db.transaction().execute(async (trx): Promise<EditOutcome> => {
    const stored = await readStoredPractice(trx, input.id, { forUpdate: true });
    if (!stored) return { kind: 'not_found' };
    const candidate = editedRecord(stored.record, draft);
    const errors = problemsOf(candidate, draftErrors, input.message);
    if (Object.keys(errors).length) return { kind: 'invalid', errors };
    const record = practiceRecordSchema.parse(candidate);
    if (contentHash(record) === stored.contentHash) return { kind: 'unchanged' };
    if (stored.contentHash !== input.base) return { kind: 'conflict', stored: stored.record, mine: record, base: stored.contentHash };
    const message = editMessage.parse(input.message);
    // upsertPractice also bumps the catalogue version, inside this transaction.
    await upsertPractice(trx, record, { author: editor.name, authorId: editor.userId, kind: 'edit', message });
    await recordAudit(trx, { action: 'edit', actorUserId: editor.userId, target: record.id, ip: editor.ip, details: { message } });
    return { kind: 'saved' };
  });
}
