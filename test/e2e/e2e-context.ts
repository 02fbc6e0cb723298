import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { importPractices } from '../../src/practices/import/import-practices.command.ts';
import { type BrowserHandle, launchBrowser, type ViewportName } from '../support/browser.ts';
import { type CaughtMail, startMailCatcher } from '../support/mail-catcher.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/** What a test file gets: the server's URL and fresh pages in one shared browser. */
export interface E2E {
  url(path: string): string;
  /** The server's embedded data folder, for the command line (which reaches the server through it). */
  dataDir(): string;
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
    dataDir: () => {
      if (!server) throw new Error('the server did not start');
      return server.dataDir;
    },
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
          const seen =
            mails()
              .map((m) => `  to ${m.to.join(', ')}: ${m.subject}`)
              .join('\n') || '  (none)';
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
  const summary = await importPractices(db, JSON.stringify(doc), { author: 'e2e', source: 'e2e fixture' });
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
