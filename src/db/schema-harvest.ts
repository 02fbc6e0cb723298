/** Table types of harvesting and the link checker (migration 0033). */
import type { ColumnType, Generated } from 'kysely';

export type HarvestFormat = 'oai' | 'exchange-json';
export type HarvestSchedule = 'daily' | 'weekly';

/** A source harvested on a schedule (or named by the command line, then not enabled). */
export interface HarvestSourcesTable {
  id: Generated<string>;
  url: string;
  format: HarvestFormat;
  /** The OAI-PMH set; '' for none. */
  set_spec: ColumnType<string, string | undefined, string>;
  schedule: ColumnType<HarvestSchedule, HarvestSchedule | undefined, HarvestSchedule>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  /** Lease of the run in progress: another instance does not start the source before it ends. */
  running_until: Date | null;
  /** When the last successful run started: the `from` of the next incremental run. */
  last_success_from: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** One run of a source, with its report as JSON. */
export interface HarvestRunsTable {
  id: Generated<string>;
  source_id: string;
  started_at: Date;
  finished_at: ColumnType<Date, Date | undefined, Date>;
  ok: boolean;
  report: ColumnType<unknown, string, string>;
}

/** Which practice a source's record became. */
export interface HarvestRecordsTable {
  source_id: string;
  original_id: string;
  practice_id: string;
  /** Hash of the record as last fetched: the same again is skipped. */
  fingerprint: string | null;
  /** When the source said it was deleted (the practice is kept: the platform has no withdrawn state). */
  deleted_at: Date | null;
  seen_at: ColumnType<Date, Date | undefined, Date>;
}

export type LinkStatus = 'ok' | 'redirected' | 'broken';

/** The last check of one link of a practice (or of another kind of record). */
export interface LinkChecksTable {
  kind: string;
  target_id: string;
  url: string;
  title: string;
  status: LinkStatus;
  http_status: number | null;
  final_url: string | null;
  reason: string | null;
  checked_at: ColumnType<Date, Date | undefined, Date>;
}
