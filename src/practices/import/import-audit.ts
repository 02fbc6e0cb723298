import { recordAudit } from '../../audit/audit.repo.ts';
import type { Database } from '../../db/database.ts';
import type { ImportSummary } from './import-practices.command.ts';

/** Where an import came from, for the audit log. */
export interface ImportAuditSource {
  /** The file name (or "stdin", "pasted"). */
  source: string;
  /** The admin page, the command line (directly or through the server's local endpoint), or a harvest of another source. */
  via: 'browser' | 'cli' | 'harvest';
  partial: boolean;
  /** The admin who imported from the browser; null for the command line. */
  actorUserId?: number | null;
  ip?: string | null;
}

/**
 * Records an import that wrote to the catalogue, with its source and summary counts; called in
 * the import's transaction (an import refused for invalid records changes nothing and is not recorded).
 * @example await recordImportAudit(trx, summary, { source: 'practices.json', via: 'cli', partial: false });
 */
export async function recordImportAudit(db: Database, summary: Omit<ImportSummary, 'written'>, from: ImportAuditSource): Promise<void> {
  await recordAudit(db, {
    action: 'import',
    actorUserId: from.actorUserId ?? null,
    target: from.source,
    ip: from.ip ?? null,
    details: {
      source: from.source,
      via: from.via,
      partial: from.partial,
      created: summary.created,
      updated: summary.updated,
      unchanged: summary.unchanged,
      failed: summary.failed,
    },
  });
}
