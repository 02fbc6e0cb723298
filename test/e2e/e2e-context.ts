import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { importExchange } from '../../src/practices/import/import.service.ts';
import { type BrowserHandle, launchBrowser, type ViewportName } from '../support/browser.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/** What a test file gets: the server's URL and fresh pages in one shared browser. */
export interface E2E {
  url(path: string): string;
  newPage(viewport?: ViewportName): Promise<Page>;
  /** The shared Chromium, for tests that need their own browser contexts. */
  browser(): Browser;
}

/**
 * Starts one real server (with the demo data) and one Chromium for the calling test file, and
 * stops both after it.
 * @example const e2e = useE2E(); it('…', async () => { const page = await e2e.newPage(); });
 */
export function useE2E(options: { prepare?: (db: Database) => Promise<void> } = {}): E2E {
  let server: RunningServer | undefined;
  let browser: BrowserHandle | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ prepare: options.prepare }), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.allSettled([browser?.close(), server?.stop()]);
  });
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
