import type { HarvestFormat } from '../db/schema.ts';
import type { FetchLimits } from '../shared/bounded-fetch.ts';

/** One record as a source gave it, before it is matched to a practice. */
export interface HarvestItem {
  /** The record's identity at the source: its exchange id, or its OAI-PMH identifier. */
  originalId: string;
  /** Where it was in the source, for the report: `practices[3]`, or the OAI identifier. */
  location: string;
  /** The source says the record was deleted (OAI-PMH `status="deleted"`). */
  deleted?: boolean;
  /** The record in the exchange format, as far as it could be read (validated later). */
  record?: Record<string, unknown>;
  /** Why no record could be read from it. */
  problem?: string;
}

/** What a harvest asks of a source. */
export interface SourceRequest {
  url: string;
  format: HarvestFormat;
  /** OAI-PMH set; '' for none. */
  set: string;
  /** Only records changed since (OAI-PMH `from`). */
  from?: Date;
  limits: FetchLimits;
}

/** A source that could not be read at all (an OAI-PMH error, a document of another format). */
export class HarvestProblem extends Error {}
