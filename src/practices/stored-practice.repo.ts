import type { Database } from '../db/database.ts';
import type { PracticeRecord } from './practice.schema.ts';

/** A published practice as stored, with the hash that identifies this version of it. */
export interface StoredPractice {
  record: PracticeRecord;
  contentHash: string;
}

/**
 * A published practice and its content hash (the `base` an edit or a restore starts from). With
 * `forUpdate` the row stays locked until the transaction ends, so checking "is it still the
 * version the editor started from?" and writing the new one cannot be split by another save.
 * It lives beside the practices table's other reads, below both editing and history, which
 * call it.
 * @example const stored = await readStoredPractice(trx, 'turin-welcome-desk', { forUpdate: true });
 */
export async function readStoredPractice(db: Database, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredPractice | undefined> {
  let query = db.selectFrom('practices').select(['record', 'content_hash']).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { record: row.record as PracticeRecord, contentHash: row.content_hash } : undefined;
}
