import { serverSecret } from '../accounts/server-secret.repo.ts';
import type { Database } from '../db/database.ts';
import { enqueueJob, enqueueJobs } from '../jobs/job.repo.ts';
import { defineJob, type JobDeps, jobsQueued } from '../jobs/job-worker.ts';
import { type QueuedMail, queueMail, queueMails } from '../mail/mail-queue.ts';
import { fanOutKind, findActivity } from './activity.repo.ts';
import { followedSearches } from './follow.repo.ts';
import { digestContents, digestRecipients, insertNotifications, markFannedOut, markMailed, notificationToMail } from './notification.repo.ts';
import { digestMail, immediateMail, type MailLinks } from './notification-mail.ts';
import { searchesFinding } from './saved-search.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';

const notificationMailKind = 'notification-mail';
const digestKind = 'digest';
/** People per digest batch: one read of their items, one transaction queuing their mails. */
const digestBatch = 500;

const unsubscribeSecret = (db: Database) => serverSecret(db, 'unsubscribe');

/** The unsubscribe links of a follow (`reason` 'theme:housing') for one person. */
function followLink(publicUrl: string, secret: string, user: number, reason: string): string {
  const at = reason.indexOf(':');
  return `${publicUrl}/unsubscribe/${unsubscribeToken(secret, { user, follow: { kind: reason.slice(0, at), target: reason.slice(at + 1) } })}`;
}

/** Tells an activity's followers: one notification each, and a mail job for those who want it at once. */
defineJob(fanOutKind, async (payload, deps) => {
  const { activityId } = payload as { activityId: string };
  const a = await findActivity(deps.db, activityId);
  if (!a) return; // deleted with its author's account before it was told: nothing to tell
  const searches = a.practiceId ? await searchesFinding(deps.db, await followedSearches(deps.db), a.practiceId) : [];
  await deps.db.transaction().execute(async (trx) => {
    const now = await insertNotifications(trx, {
      activityId: a.id,
      themes: a.themes,
      city: a.city,
      group: a.group,
      organizations: a.organizations,
      searches,
      editors: a.kind === 'submission_received',
      actorId: a.actorId,
    });
    await enqueueJobs(
      trx,
      notificationMailKind,
      now.map((n) => ({ payload: { notificationId: n.id }, key: `notification:${n.id}` })),
    );
    await markFannedOut(trx, a.id);
  });
  jobsQueued();
});

/** Mails one notification at once; a notification mailed already (a retry after the send) is not mailed again. */
defineJob(notificationMailKind, async (payload, deps, job) => {
  const { notificationId } = payload as { notificationId: string };
  const n = await notificationToMail(deps.db, notificationId);
  if (!n) return;
  const secret = await unsubscribeSecret(deps.db);
  const links: MailLinks = { publicUrl: deps.config.publicUrl, unsubscribe: followLink(deps.config.publicUrl, secret, n.recipient.userId, n.reason) };
  const mail = immediateMail(n.recipient, n, links);
  await queueMail(deps.db, mail, { key: `notification-mail:${n.id}:${job.id}` });
  await markMailed(deps.db, [n.id]);
});

/** A digest's period: the day (2026-12-05) or the ISO week's Monday for weekly ones. */
export function digestPeriod(frequency: 'daily' | 'weekly', at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  if (frequency === 'weekly') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * Queues a digest run for a period (idempotent by its key: every instance may ask, one run
 * happens). `runAt` defaults to now.
 * @example await queueDigest(db, 'weekly', '2026-11-30');
 */
export async function queueDigest(db: Database, frequency: 'daily' | 'weekly', period: string, runAt?: Date): Promise<boolean> {
  const queued = await enqueueJob(db, digestKind, { frequency, period }, { key: `digest:${frequency}:${period}`, runAt });
  jobsQueued();
  return queued;
}

/** When digests go out: 06:00 UTC, every day for daily ones and on Mondays for weekly ones. */
const digestHourUtc = 6;

/**
 * Queues the coming daily and weekly digest runs (the worker asks every minute; the keys make
 * it once per period however many instances ask).
 * @example await scheduleDigests(db, new Date());
 */
export async function scheduleDigests(db: Database, now: Date): Promise<void> {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), digestHourUtc));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  await queueDigest(db, 'daily', digestPeriod('daily', next), next);
  const monday = new Date(next);
  while (monday.getUTCDay() !== 1) monday.setUTCDate(monday.getUTCDate() + 1);
  await queueDigest(db, 'weekly', digestPeriod('weekly', monday), monday);
}

/**
 * Queues a digest run now, outside the schedule (an operator's `clearinghouse digest weekly`):
 * whatever is waiting for the digest goes out, and the next scheduled run sends what comes after.
 * @example await queueDigestNow(db, 'weekly');
 */
export async function queueDigestNow(db: Database, frequency: 'daily' | 'weekly'): Promise<void> {
  await queueDigest(db, frequency, `now-${new Date().toISOString()}-${Math.random().toString(36).slice(2, 8)}`);
}

/**
 * Runs one digest: for everybody with items waiting at this frequency, one mail listing them,
 * queued with its items marked taken in one transaction per batch, so an interrupted run
 * resumes where it stopped and nobody gets an item twice. `run` names the run in the mails'
 * keys (its job), so a run that resumes never queues a person's mail twice.
 * @example const people = await runDigest(deps, 'weekly', 'weekly:2026-11-30:17');
 */
export async function runDigest(deps: JobDeps, frequency: 'daily' | 'weekly', run: string): Promise<number> {
  const started = new Date();
  const secret = await unsubscribeSecret(deps.db);
  const publicUrl = deps.config.publicUrl;
  let people = 0;
  for (;;) {
    const userIds = await digestRecipients(deps.db, frequency, started, digestBatch);
    if (userIds.length === 0) break;
    const contents = await digestContents(deps.db, frequency, started, userIds);
    const mails: { mail: QueuedMail; key: string }[] = [];
    for (const { recipient, items } of contents) {
      if (!recipient.active) continue;
      const stopFollowing = new Map(items.map((i) => [i.reason, followLink(publicUrl, secret, recipient.userId, i.reason)]));
      const unsubscribe = `${publicUrl}/unsubscribe/${unsubscribeToken(secret, { user: recipient.userId, digest: frequency })}`;
      mails.push({
        mail: digestMail(recipient, frequency, items, { publicUrl, unsubscribe, stopFollowing }),
        key: `digest:${run}:${recipient.userId}`,
      });
    }
    const taken = contents.flatMap((c) => c.items.map((i) => i.id));
    await deps.db.transaction().execute(async (trx) => {
      await queueMails(trx, mails);
      await markMailed(trx, taken);
    });
    people += mails.length;
  }
  deps.log.info('digest queued', { frequency, run, people });
  return people;
}

defineJob(digestKind, async (payload, deps, job) => {
  const { frequency, period } = payload as { frequency: 'daily' | 'weekly'; period: string };
  await runDigest(deps, frequency, `${frequency}:${period}:${job.id}`);
});
