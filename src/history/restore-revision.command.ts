import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { defaultLocale, translator } from '../i18n/i18n.ts';
import { upsertPractice } from '../practices/practice.repo.ts';
import { practiceRecordSchema } from '../practices/practice.schema.ts';
import { readStoredPractice } from '../practices/stored-practice.repo.ts';
import { authorize } from '../security/authorize.ts';
import { contentHash } from '../shared/text.ts';
import { historyPolicy } from './history.policy.ts';
import { findRevision } from './revision.repo.ts';

/** A restore request: which revision, the version the editor compared against, and an optional note. */
export interface RestoreInput {
  practiceId: string;
  revisionId: number;
  /** content_hash of the current version when the comparison was shown. */
  base: string;
  note: string;
}

/** The editor restoring, for the policy, the revision and the audit log. */
export interface Restorer {
  name: string;
  userId: number;
  role: Role;
  ip: string | null;
}

/**
 * The revision message, in the site's default language because the history is shared by
 * readers of every language (like the import messages).
 * @example restoreMessage(3, '') // 'Restored revision 3'
 */
export function restoreMessage(number: number, note: string): string {
  const { t } = translator(defaultLocale);
  return note ? t('history.restore.message_note', { n: number, note }) : t('history.restore.message', { n: number });
}

/**
 * Writes an old revision's record back as the current version (a new revision of kind
 * 'restore') with its audit entry, in one transaction; the database moves the catalogue version
 * on with the row. Returns 'unchanged' when the record is already current. Refusals are thrown:
 * 403 for a non-editor, 404 for an unknown practice or revision, 400 for a revision that no
 * longer passes today's schema, 409 when the practice changed since the editor looked (`base`).
 * @example await restoreRevision(db, { practiceId, revisionId, base, note: '' }, { name, userId, role, ip });
 */
export async function restoreRevision(db: Database, input: RestoreInput, editor: Restorer): Promise<'restored' | 'unchanged'> {
  authorize(editor, historyPolicy.restore);
  return db.transaction().execute(async (trx) => {
    const stored = await readStoredPractice(trx, input.practiceId, { forUpdate: true });
    const revision = stored && (await findRevision(trx, input.practiceId, input.revisionId));
    if (!stored || !revision) throw notFound(`no such revision of practice "${input.practiceId}"`);
    const parsed = practiceRecordSchema.safeParse(revision.record);
    if (!parsed.success || parsed.data.id !== input.practiceId) throw badRequest('this revision does not pass today’s checks and cannot be restored');
    if (contentHash(parsed.data) === stored.contentHash) return 'unchanged';
    if (stored.contentHash !== input.base) throw conflict('the practice changed since the comparison was shown');
    const message = restoreMessage(revision.number, input.note);
    await upsertPractice(trx, parsed.data, { author: editor.name, authorId: editor.userId, kind: 'restore', message });
    await recordAudit(trx, {
      action: 'restore',
      actorUserId: editor.userId,
      target: input.practiceId,
      ip: editor.ip,
      details: { revision: revision.id, number: revision.number, note: input.note || undefined },
    });
    return 'restored';
  });
}
