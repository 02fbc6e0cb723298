import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { mailHeader, mailText } from './account-client.ts';

/** A mail the test's SMTP server received, decoded enough to read. */
export interface CaughtMail {
  from: string;
  to: string[];
  subject: string;
  /** The decoded plain-text body. */
  text: string;
  /** The message as sent, for linkInMail and mailHeader. */
  raw: string;
}

/** The bytes of one RFC 2047 encoded word's text. */
function encodedWordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  const binary = text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(binary, 'latin1');
}

/**
 * Decodes RFC 2047 encoded words (=?UTF-8?Q?…?=), as nodemailer writes non-ASCII subjects.
 * A run of adjacent words is one byte sequence: a character may be split between two of them.
 */
export function decodeHeader(value: string): string {
  return value.replace(/(?:=\?[^?\s]+\?[QqBb]\?[^?\s]*\?=\s*)+/g, (run) => {
    const words = [...run.matchAll(/=\?[^?\s]+\?([QqBb])\?([^?\s]*)\?=/g)];
    return Buffer.concat(words.map((w) => encodedWordBytes(w[1], w[2]))).toString('utf8') + (/\s*$/.exec(run)?.[0] ?? '');
  });
}

/**
 * A real SMTP server on a free loopback port, in the test process, keeping every mail it receives.
 * @example const smtp = await startMailCatcher(); … SMTP_URL: smtp.url … smtp.mails; await smtp.close();
 */
export async function startMailCatcher() {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeHeader(mailHeader(raw, 'Subject') ?? ''),
          text: mailText(raw),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { mails, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
