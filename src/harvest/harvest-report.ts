/** One record the harvest could not take, located in the source. */
export interface HarvestError {
  /** Where in the source: `practices[3]`, an OAI identifier, or the source's URL for a failed request. */
  location: string;
  message: string;
}

/** What one harvest did: stored per run, shown on the admin page, printed by the command line. */
export interface HarvestReport {
  url: string;
  format: string;
  set: string;
  startedAt: string;
  /** The `from` of an incremental OAI-PMH run. */
  from?: string;
  dryRun: boolean;
  /** False when the source could not be read (nothing was written). */
  ok: boolean;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  errors: HarvestError[];
  /** Remarks that are not errors: records that originate here, deletions kept. */
  notes: string[];
}

/** An empty report of a run starting now. */
export function newReport(source: { url: string; format: string; set: string }, startedAt: Date, dryRun: boolean, from?: Date): HarvestReport {
  return {
    url: source.url,
    format: source.format,
    set: source.set,
    startedAt: startedAt.toISOString(),
    ...(from ? { from: from.toISOString() } : {}),
    dryRun,
    ok: true,
    fetched: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    errors: [],
    notes: [],
  };
}

/**
 * The report as lines of text, as the command line prints it.
 * @example process.stdout.write(formatReport(report));
 */
export function formatReport(r: HarvestReport): string {
  const lines = [
    `${r.dryRun ? 'Dry run of the harvest' : 'Harvest'} of ${r.url} (${r.format}${r.set ? `, set ${r.set}` : ''})${r.from ? ` since ${r.from.slice(0, 10)}` : ''}:`,
    `  fetched ${r.fetched}, created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, deleted ${r.deleted}, errors ${r.errors.length}`,
    ...r.errors.map((e) => `  error at ${e.location}: ${e.message}`),
    ...r.notes.map((n) => `  note: ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}
