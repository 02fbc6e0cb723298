import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';

/** A stored PDF's description (its bytes read only to serve it). */
export interface ResourceFileInfo {
  file_name: string;
  size: number;
  sha256: string;
}

/** A stored PDF with its bytes. */
export type ResourceFile = ResourceFileInfo & { content: Buffer };

/**
 * Stores the PDF of a resource submission, replacing an earlier one.
 * @example await putSubmissionFile(db, submission.id, { name: 'report.pdf', bytes }, account.userId);
 */
export async function putSubmissionFile(db: Database, submissionId: number, file: { name: string; bytes: Buffer }, uploadedBy: number): Promise<void> {
  const values = {
    file_name: file.name,
    media_type: 'application/pdf' as const,
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    content: file.bytes,
    uploaded_by: uploadedBy,
    uploaded_at: new Date(),
  };
  await db
    .insertInto('resource_files')
    .values({ submission_id: submissionId, ...values })
    .onConflict((oc) => oc.column('submission_id').doUpdateSet(values))
    .execute();
}

/** The PDF a submission carries, without its bytes. */
export function submissionFileInfo(db: Database, submissionId: number): Promise<ResourceFileInfo | undefined> {
  return db.selectFrom('resource_files').select(['file_name', 'size', 'sha256']).where('submission_id', '=', submissionId).executeTakeFirst();
}

/** The PDF of a submission, with its bytes. */
export function submissionFile(db: Database, submissionId: number): Promise<ResourceFile | undefined> {
  return db.selectFrom('resource_files').select(['file_name', 'size', 'sha256', 'content']).where('submission_id', '=', submissionId).executeTakeFirst();
}

/** The PDF of a published resource, with its bytes. */
export function resourceFile(db: Database, resourceId: number): Promise<ResourceFile | undefined> {
  return db.selectFrom('resource_files').select(['file_name', 'size', 'sha256', 'content']).where('resource_id', '=', resourceId).executeTakeFirst();
}

/** Gives a submission's PDF (if any) to the resource it was published as. Run it in the publishing transaction. */
export async function attachSubmissionFile(db: Database, submissionId: number, resourceId: number): Promise<void> {
  await db.updateTable('resource_files').set({ resource_id: resourceId }).where('submission_id', '=', submissionId).execute();
}
