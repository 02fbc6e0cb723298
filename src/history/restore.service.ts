import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { defaultLocale, translator } from '../i18n/i18n.ts';
import { readStoredPractice } from '../practice-edit/stored-practice.repo.ts';
import { upsertPractice } from '../practices/practice.repo.ts';
import { practiceRecordSchema } from '../practices/practice.schema.ts';
import { contentHash } from '../shared/text.ts';
import { findRevision } from './revision.repo.ts';

/** A restore request: which revision, the version the editor compared against, and an optional note. */
export interface RestoreInput {
  practiceId: string;
  revisionId: number;
  /** content_hash of the current version when the comparison was shown. */
  base: string;
  note: string;
}

/** What became of a restore. `invalid`: the old record no longer passes today's schema. */
export type RestoreOutcome = { kind: 'not_found' } | { kind: 'invalid' } | { kind: 'unchanged' } | { kind: 'conflict' } | { kind: 'restored'; number: number };

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
 * 'restore'), with its audit entry and catalogue version bump, in one transaction. Nothing is
 * written when the record is already current, or when the practice changed since the editor
 * looked (`base`).
 * @example await restoreRevision(db, { practiceId, revisionId, base, note: '' }, { name, userId, ip });
 */
export async function restoreRevision(
  db: Database,
  input: RestoreInput,
  editor: { name: string; userId: number; ip: string | null },
): Promise<RestoreOutcome> {
  return db.transaction().execute(async (trx): Promise<RestoreOutcome> => {
    const stored = await readStoredPractice(trx, input.practiceId, { forUpdate: true });
    const revision = stored && (await findRevision(trx, input.practiceId, input.revisionId));
    if (!stored || !revision) return { kind: 'not_found' };
    const parsed = practiceRecordSchema.safeParse(revision.record);
    if (!parsed.success || parsed.data.id !== input.practiceId) return { kind: 'invalid' };
    if (contentHash(parsed.data) === stored.contentHash) return { kind: 'unchanged' };
    if (stored.contentHash !== input.base) return { kind: 'conflict' };
    const message = restoreMessage(revision.number, input.note);
    await upsertPractice(trx, parsed.data, { author: editor.name, authorId: editor.userId, kind: 'restore', message });
    await recordAudit(trx, {
      action: 'restore',
      actorUserId: editor.userId,
      target: input.practiceId,
      ip: editor.ip,
      details: { revision: revision.id, number: revision.number, note: input.note || undefined },
    });
    return { kind: 'restored', number: revision.number };
  });
}
