import { createHash } from 'node:crypto';
import { type Executor, enqueueJob, enqueueJobs } from '../jobs/job.repo.ts';
import { defineJob, type JobDeps, jobsQueued } from '../jobs/job-worker.ts';
import { createMailer, type Mail } from './mailer.ts';

/** A mail to send later, as the queue keeps it. */
export type QueuedMail = Omit<Mail, 'messageId'>;

const mailKind = 'mail';

/**
 * Queues a mail in the caller's transaction: once that commits, the mail is kept until it is sent
 * (retried with backoff when the SMTP server refuses or is away), and a request may say "sent".
 * `key` makes it idempotent: a mail with a key already queued is not queued again.
 * @example await queueMail(trx, { to, subject, text, language: 'ar', replyTo: sender.email }, { key: `contact:${id}` });
 */
export async function queueMail(db: Executor, mail: QueuedMail, options: { key?: string } = {}): Promise<void> {
  await enqueueJob(db, mailKind, mail, { key: options.key });
  jobsQueued();
}

/**
 * Queues many mails in one statement (a digest run), each with its key.
 * @example await queueMails(trx, mails.map((mail) => ({ mail, key: `digest:${mail.to}` })));
 */
export async function queueMails(db: Executor, mails: { mail: QueuedMail; key?: string }[]): Promise<void> {
  await enqueueJobs(
    db,
    mailKind,
    mails.map((m) => ({ payload: m.mail, key: m.key })),
  );
  jobsQueued();
}

let ownMailer: { config: JobDeps['config']; mailer: ReturnType<typeof createMailer> } | undefined;

/** The app's mailer, or one made once from the config (a worker started without one). */
function mailerOf(deps: JobDeps) {
  if (deps.mailer) return deps.mailer;
  if (ownMailer?.config !== deps.config) ownMailer = { config: deps.config, mailer: createMailer(deps.config, deps.log) };
  return ownMailer.mailer;
}

defineJob(mailKind, async (payload, deps, job) => {
  const mail = payload as QueuedMail;
  // The same id on every attempt: should an instance die after the SMTP server took the mail but before the job
  // was marked done, the second copy carries the first one's Message-ID, which mail programs show once.
  const host = new URL(deps.config.publicUrl).hostname;
  const messageId = `<job-${job.id}-${createHash('sha256').update(mail.to).digest('hex').slice(0, 8)}@${host}>`;
  await mailerOf(deps).send({ ...mail, messageId });
});
