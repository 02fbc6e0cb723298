import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Logger } from '../shared/logger.ts';
import { outboxFileName } from './outbox.ts';

/** One plain-text mail. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** BCP 47 language of the text, for the Content-Language header. */
  language: string;
  /** Where an answer goes (a contact message: the sender, whose address the recipient then sees). */
  replyTo?: string;
  /** More headers (List-Unsubscribe and List-Unsubscribe-Post of RFC 8058 on lists). */
  headers?: Record<string, string>;
  /** A Message-ID of its own, e.g. the same for every retry of one queued mail. */
  messageId?: string;
}

/** nodemailer's message options for a mail, the same for SMTP and the outbox. */
function messageOf(from: string, mail: Mail) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    headers: { ...mail.headers, 'Content-Language': mail.language },
  };
}

/** Sends mails; the app gets one at start-up and never knows which kind. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * The configured mailer: SMTP through nodemailer when SMTP_URL is set, else the outbox folder,
 * so a fresh install works without a mail server and its links can be found in the files.
 * @example const mailer = createMailer(config, log); await mailer.send({ to, subject, text, language: 'fr' });
 */
export function createMailer(config: Config, log: Logger): Mailer {
  if (config.SMTP_URL) return smtpMailer(config.SMTP_URL, config.MAIL_FROM, log);
  return outboxMailer(config.outboxDir, config.MAIL_FROM, log);
}

/** Delivers through an SMTP server. */
function smtpMailer(url: string, from: string, log: Logger): Mailer {
  // Pooled: a digest's thousands of mails reuse a few connections instead of one handshake each;
  // a connection idle for a second is closed, so nothing stays open between bursts.
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 5, idleTimeout: 1000 });
  return {
    async send(mail) {
      const info = await transport.sendMail(messageOf(from, mail));
      log.info('mail sent', { messageId: info.messageId, subject: mail.subject });
    },
  };
}

/** Writes each mail as an .eml file (RFC 5322, openable in any mail program) and logs where. */
function outboxMailer(dir: string, from: string, log: Logger): Mailer {
  // The same MIME builder as for SMTP, so the file is exactly what would have been sent.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail(messageOf(from, mail));
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, outboxFileName(new Date()));
      await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
      log.info('mail written to outbox (SMTP_URL not set)', { file, subject: mail.subject });
    },
  };
}
