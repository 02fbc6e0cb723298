import os from 'node:os';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../shared/logger.ts';
import { type ClaimedJob, claimJobs, completeJob, failJob, pruneDoneJobs } from './job.repo.ts';

/** What a mail job hands to a mailer: the shape of `mail/mailer.ts`'s Mail, named here so jobs knows no mail code. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  language: string;
  replyTo?: string;
  headers?: Record<string, string>;
  /** Kept across retries of one job, so a mail sent twice (an instance lost after the SMTP accept) reads as one. */
  messageId?: string;
}

/** What a job runs with. */
export interface JobDeps {
  db: Database;
  config: Config;
  log: Logger;
  /** The app's mailer; made from the config by the mail job when not given. */
  mailer?: { send(mail: OutgoingMail): Promise<void> };
}

/** Runs one job; throwing queues it again later (backoff), until its attempts are spent. */
export type JobHandler = (payload: unknown, deps: JobDeps, job: ClaimedJob) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/**
 * Declares what a kind of job does; each area declares its kinds in the module that enqueues them.
 * @example defineJob('mail', async (payload, deps) => { await send(payload) });
 */
export function defineJob(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

/** A retry waits 30 s, 1, 2, 4 … minutes, at most 6 hours, give or take a tenth. */
export function retryDelayMs(attempts: number): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

/** This process's name in `jobs.locked_by`. */
const workerName = `${os.hostname()}:${process.pid}`;
/** Long enough for any job here (a digest run of 10,000 people, a slow SMTP server); a lost instance's jobs run again after it. */
const leaseSeconds = 300;
const batchSize = 20;

async function runOne(deps: JobDeps, job: ClaimedJob, worker: string): Promise<'done' | 'retry' | 'failed'> {
  const handler = handlers.get(job.kind);
  try {
    if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
    await handler(job.payload, deps, job);
    await completeJob(deps.db, job.id, worker);
    return 'done';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const outcome = await failJob(deps.db, job, worker, message, new Date(Date.now() + retryDelayMs(job.attempts)));
    deps.log[outcome === 'failed' ? 'error' : 'warn']('job failed', { id: job.id, kind: job.kind, attempt: job.attempts, outcome, error: message });
    return outcome;
  }
}

/** What one run did. */
export interface JobRun {
  done: number;
  retried: number;
  failed: number;
}

/**
 * Runs every due job now, and the jobs those add, until none is due; tests call it where the
 * worker would run a moment later. `worker` names the claimer (two "instances" in one test).
 * @example await runQueuedJobs({ db, config, log }); expect(smtp.mails).toHaveLength(1);
 */
export async function runQueuedJobs(deps: JobDeps, worker = workerName): Promise<JobRun> {
  const run: JobRun = { done: 0, retried: 0, failed: 0 };
  for (;;) {
    const jobs = await claimJobs(deps.db, worker, batchSize, leaseSeconds);
    if (jobs.length === 0) return run;
    // A batch runs side by side: mostly mails, which wait on the SMTP server, not on the cores.
    const outcomes = await Promise.all(jobs.map((job) => runOne(deps, job, worker)));
    for (const outcome of outcomes) run[outcome === 'done' ? 'done' : outcome === 'retry' ? 'retried' : 'failed'] += 1;
  }
}

/** A running worker. */
export interface JobWorker {
  /** Look for due jobs now (an enqueue in this process calls it), not at the next poll. */
  wake(): void;
  /** Finishes the job in hand, then stops. */
  stop(): Promise<void>;
}

let wakeLocal: (() => void) | undefined;

/**
 * Tells this process's worker, if any, that a job was queued: it looks at once rather than at
 * its next poll. Other instances see it at their next poll.
 * @example await trx.commit(); jobsQueued();
 */
export function jobsQueued(): void {
  wakeLocal?.();
}

/**
 * Polls the queue every `pollMs` (and when woken) and runs due jobs, a batch at a time; runs `everyMinute` (scheduling)
 * about once a minute and prunes done jobs daily.
 * @example const worker = startJobWorker(deps, { pollMs: 2000 }); … await worker.stop();
 */
export function startJobWorker(deps: JobDeps, options: { pollMs: number; everyMinute?: (deps: JobDeps) => Promise<void> }): JobWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let lastPrune = 0;
  let lastMinute = 0;
  const tick = () => {
    if (stopped) return;
    clearTimeout(timer);
    running = running.then(async () => {
      do {
        again = false;
        try {
          if (options.everyMinute && Date.now() - lastMinute >= 60_000) {
            lastMinute = Date.now();
            await options.everyMinute(deps);
          }
          await runQueuedJobs(deps);
          if (Date.now() - lastPrune > 24 * 3600_000) {
            lastPrune = Date.now();
            await pruneDoneJobs(deps.db, 14);
          }
        } catch (error) {
          // The database is away: poll again later, nothing is lost (the jobs are in it).
          deps.log.warn('job worker could not reach the queue', { error: String(error) });
        }
      } while (again && !stopped);
      if (!stopped) {
        timer = setTimeout(tick, options.pollMs);
        timer.unref();
      }
    });
  };
  const wake = () => {
    again = true;
    tick();
  };
  wakeLocal = wake;
  tick();
  return {
    wake,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (wakeLocal === wake) wakeLocal = undefined;
      await running;
    },
  };
}
