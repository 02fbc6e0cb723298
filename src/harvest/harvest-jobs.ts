import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { type Executor, enqueueJob } from '../jobs/job.repo.ts';
import { defineJob, jobsQueued } from '../jobs/job-worker.ts';
import { claimSource, enabledSources, getSource, releaseSource } from './harvest.repo.ts';
import type { HarvestReport } from './harvest-report.ts';
import { runHarvest } from './run-harvest.command.ts';

const harvestKind = 'harvest';
/** Longest a run holds its source; a lost instance's source is harvested again after it. */
const leaseSeconds = 3600;

/** The fetch limits of the config. */
export const harvestLimits = (config: Config) => ({ timeoutMs: config.HARVEST_TIMEOUT_MS, maxBytes: config.HARVEST_MAX_MB * 1024 * 1024 });

/**
 * Runs one source under its lease; undefined when another run holds it (another instance, or a
 * "run now" meeting the schedule). A successful run moves the next run's `from` to its start.
 * @example const report = await harvestSourceNow(db, config, sourceId);
 */
export async function harvestSourceNow(db: Database, config: Config, sourceId: string, via: 'cli' | 'harvest' = 'harvest'): Promise<HarvestReport | undefined> {
  const source = await getSource(db, sourceId);
  if (!source || !(await claimSource(db, sourceId, leaseSeconds))) return undefined;
  let report: HarvestReport | undefined;
  try {
    report = await runHarvest(db, source, { limits: harvestLimits(config), publicUrl: config.publicUrl, via, author: `harvest:${source.url}`.slice(0, 100) });
    return report;
  } finally {
    await releaseSource(db, sourceId, report?.ok ? new Date(report.startedAt) : undefined);
  }
}

defineJob(harvestKind, async (payload, deps) => {
  const { sourceId } = payload as { sourceId: string };
  const report = await harvestSourceNow(deps.db, deps.config, sourceId);
  if (!report) deps.log.info('harvest skipped: the source is being harvested already', { sourceId });
  else deps.log.info('harvested', { sourceId, fetched: report.fetched, created: report.created, updated: report.updated, errors: report.errors.length });
});

/** The period a scheduled run belongs to: the day, or the ISO week's Monday. */
function periodOf(schedule: 'daily' | 'weekly', at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  if (schedule === 'weekly') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * Queues this period's run of every enabled source (the worker asks every minute; the job key
 * makes it one run per source and period however many instances ask).
 * @example await scheduleHarvests(db, new Date());
 */
export async function scheduleHarvests(db: Database, now: Date): Promise<void> {
  let queued = false;
  for (const s of await enabledSources(db)) {
    queued =
      (await enqueueJob(db, harvestKind, { sourceId: s.id }, { key: `harvest:${s.id}:${s.schedule}:${periodOf(s.schedule, now)}`, maxAttempts: 3 })) || queued;
  }
  if (queued) jobsQueued();
}

/**
 * Queues a run of one source now, outside the schedule (the admin page's "run now"), in the
 * caller's transaction: the caller wakes the worker (jobsQueued) once it commits.
 * @example await enqueueHarvestNow(trx, sourceId);
 */
export async function enqueueHarvestNow(db: Executor, sourceId: string): Promise<void> {
  await enqueueJob(db, harvestKind, { sourceId }, { key: `harvest:${sourceId}:now:${Date.now()}`, maxAttempts: 1 });
}
