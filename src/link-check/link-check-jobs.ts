import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { enqueueJob } from '../jobs/job.repo.ts';
import { defineJob, jobsQueued } from '../jobs/job-worker.ts';
import { practiceSourceLinks, saveLinkChecks } from './link-check.repo.ts';
import { checkLinks, type LinkTarget } from './link-checker.ts';

/** A kind of record whose links are checked: its name and how to list its links. */
export interface LinkSource {
  kind: string;
  list: (db: Database) => Promise<LinkTarget[]>;
}

/** The practices' source URLs. Other kinds (resources) are handed in where the app is composed. */
export const practiceLinkSource: LinkSource = { kind: 'practice', list: practiceSourceLinks };

const linkCheckKind = 'link-check';

/** What a run found, for the command line and the log. */
export interface LinkCheckSummary {
  checked: number;
  ok: number;
  redirected: number;
  broken: number;
}

/**
 * Checks every link of these sources and stores each one's status (replacing the last run's).
 * @example const summary = await runLinkCheck(db, config, [practiceLinkSource]);
 */
export async function runLinkCheck(
  db: Database,
  config: Pick<Config, 'LINK_CHECK_TIMEOUT_MS' | 'LINK_CHECK_CONCURRENCY'>,
  sources: LinkSource[],
): Promise<LinkCheckSummary> {
  const targets = (await Promise.all(sources.map((s) => s.list(db)))).flat();
  const results = await checkLinks(targets, { timeoutMs: config.LINK_CHECK_TIMEOUT_MS, concurrency: config.LINK_CHECK_CONCURRENCY });
  await saveLinkChecks(
    db,
    sources.map((s) => s.kind),
    targets,
    results,
  );
  const summary: LinkCheckSummary = { checked: results.size, ok: 0, redirected: 0, broken: 0 };
  for (const r of results.values()) summary[r.status] += 1;
  return summary;
}

/**
 * Declares the weekly job over these sources (called once where the app is composed, with
 * every kind of link: the link checker imports none of the areas that hold them).
 * @example defineLinkCheckJob([practiceLinkSource, resourceLinkSource]);
 */
export function defineLinkCheckJob(sources: LinkSource[]): void {
  defineJob(linkCheckKind, async (_payload, deps) => {
    const summary = await runLinkCheck(deps.db, deps.config, sources);
    deps.log.info('links checked', { ...summary });
  });
}

/**
 * When the weekly check runs: Sundays at 02:00 UTC, the quietest hour of the week for the
 * site, since checking every source URL of a large catalogue takes the instance's time for a
 * while. The next such time at or after `now`.
 * @example nextLinkCheckAt(new Date('2026-12-06T12:00:00Z')) // 2026-12-13T02:00:00.000Z
 */
export function nextLinkCheckAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 2));
  at.setUTCDate(at.getUTCDate() + ((7 - at.getUTCDay()) % 7));
  if (at < now) at.setUTCDate(at.getUTCDate() + 7);
  return at;
}

/**
 * Queues the coming week's link check for its time (see nextLinkCheckAt); the key, its date,
 * makes it once a week however many instances ask, and a run missed while no instance was up
 * happens when one starts.
 * @example await scheduleLinkCheck(db, new Date());
 */
export async function scheduleLinkCheck(db: Database, now: Date): Promise<void> {
  const at = nextLinkCheckAt(now);
  if (await enqueueJob(db, linkCheckKind, {}, { key: `link-check:${at.toISOString().slice(0, 10)}`, maxAttempts: 2, runAt: at })) jobsQueued();
}
