import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { importExchange } from '../../src/practices/import/import.service.ts';
import { mailHeader, mailText } from '../support/account-client.ts';
import { type BrowserHandle, launchBrowser, type ViewportName } from '../support/browser.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

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
function decodeHeader(value: string): string {
  return value.replace(/(?:=\?[^?\s]+\?[QqBb]\?[^?\s]*\?=\s*)+/g, (run) => {
    const words = [...run.matchAll(/=\?[^?\s]+\?([QqBb])\?([^?\s]*)\?=/g)];
    return Buffer.concat(words.map((w) => encodedWordBytes(w[1], w[2]))).toString('utf8') + (/\s*$/.exec(run)?.[0] ?? '');
  });
}

/** A real SMTP server on a free loopback port, in the test process, keeping every mail it receives. */
async function startMailCatcher() {
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

/** What a test file gets: the server's URL and fresh pages in one shared browser. */
export interface E2E {
  url(path: string): string;
  newPage(viewport?: ViewportName): Promise<Page>;
  /** The shared Chromium, for tests that need their own browser contexts. */
  browser(): Browser;
  /** Mails the test's SMTP server received so far (with `smtp: true`), oldest first. */
  mails(): CaughtMail[];
  /**
   * The first received mail that matches, waiting up to `timeoutMs` for it (with `smtp: true`).
   * @example const mail = await e2e.waitForMail((m) => m.to.includes(email) && /Confirm/.test(m.subject));
   */
  waitForMail(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
}

/** How a test file wants its server. */
export interface E2EOptions {
  /** Fixtures written to the database before the server starts. */
  prepare?: (db: Database) => Promise<void>;
  /** Extra environment variables for the server. */
  env?: Record<string, string>;
  /**
   * Starts a real SMTP server in the test process and points the app at it (SMTP_URL, MAIL_FROM),
   * so mails really travel over SMTP and the test reads them with `mails()` / `waitForMail()`.
   */
  smtp?: boolean;
}

/** The sender address the app uses when the test starts an SMTP server. */
export const e2eMailFrom = 'Clearinghouse <hello@clearinghouse.example>';

/**
 * Starts one real server (with the demo data) and one Chromium for the calling test file, and
 * stops both after it; with `smtp: true` also an SMTP server that receives the app's mails.
 * @example const e2e = useE2E(); it('…', async () => { const page = await e2e.newPage(); });
 */
export function useE2E(options: E2EOptions = {}): E2E {
  let server: RunningServer | undefined;
  let browser: BrowserHandle | undefined;
  let smtp: Awaited<ReturnType<typeof startMailCatcher>> | undefined;
  beforeAll(async () => {
    if (options.smtp) smtp = await startMailCatcher();
    const env = { ...(smtp ? { SMTP_URL: smtp.url, MAIL_FROM: e2eMailFrom } : {}), ...options.env };
    [server, browser] = await Promise.all([startServer({ prepare: options.prepare, env }), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.allSettled([browser?.close(), server?.stop()]);
    await smtp?.close();
  });
  const mails = () => {
    if (!smtp) throw new Error('useE2E({ smtp: true }) starts the SMTP server that mails() reads');
    return smtp.mails;
  };
  return {
    url: (path) => `${server?.url}${path}`,
    browser: () => {
      if (!browser) throw new Error('the browser did not start');
      return browser.browser;
    },
    newPage: async (viewport = 'desktop') => {
      if (!browser) throw new Error('the browser did not start');
      return browser.newPage(viewport);
    },
    mails,
    waitForMail: async (match, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails().find(match);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = mails().map((m) => `  to ${m.to.join(', ')}: ${m.subject}`).join('\n') || '  (none)';
          throw new Error(`No matching mail within ${timeoutMs} ms. Mails received:\n${seen}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** A practice that adapts a demo practice, so a lineage link leads somewhere in both directions. */
export const adaptedFixture = {
  id: 'e2e-hamburg-neighbourhood-mothers',
  title: 'Neighbourhood Mothers in Hamburg-Wilhelmsburg (test fixture)',
  adaptedFromId: 'neukolln-neighbourhood-mothers',
  adaptedFromTitle: /Neighbourhood Mothers \(Stadtteilmütter\) in Berlin-Neukölln/,
  changes: 'Fixture: home visits were cut to six per family and a Bulgarian-speaking team was added.',
};

/** Adds the lineage fixture to the database before the server starts. */
export async function addLineageFixture(db: Database): Promise<void> {
  const doc = {
    format: 'clearinghouse.practices',
    version: 1,
    practices: [
      {
        id: adaptedFixture.id,
        title: adaptedFixture.title,
        summary: 'A made-up record used by the end-to-end tests to check that lineage links work in both directions.',
        language: 'en',
        city: 'Hamburg',
        country: 'DE',
        started: 2012,
        status: 'ongoing',
        themes: ['women-and-gender', 'children-and-youth'],
        adapted_from: [{ id: adaptedFixture.adaptedFromId, changes: adaptedFixture.changes }],
      },
    ],
  };
  const summary = await importExchange(db, JSON.stringify(doc), { author: 'e2e', source: 'e2e fixture' });
  if (!summary.written) throw new Error(`lineage fixture rejected: ${JSON.stringify(summary.issues)}`);
}

/**
 * The number of results the page announces ("12 practices", "No practices found" → 0).
 * @example expect(await resultTotal(page)).toBeGreaterThan(0);
 */
export async function resultTotal(page: Page): Promise<number> {
  const bar = page.locator('main .results-bar');
  const scope = (await bar.count()) > 0 ? bar.first() : page.locator('main');
  const text = (await scope.innerText()).replace(/[\u00a0\u202f,]/g, '');
  if (/No practices found/i.test(text)) return 0;
  const m = text.match(/\b(\d+) practices?\b/);
  if (!m) throw new Error(`No result count ("N practices") on ${page.url()}`);
  return Number(m[1]);
}
