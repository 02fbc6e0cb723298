import fs from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (package `chromium`); Playwright's own browser download is not used. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Viewports the pages are checked at. */
export const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 812 },
} as const;
export type ViewportName = keyof typeof viewports;

/**
 * Whether end-to-end tests can run. Without Chromium they are skipped locally, but in CI
 * (CI=true) a missing browser throws, so the browser tests can never be skipped there.
 * @example describe.skipIf(!browserAvailable())('search', () => { … });
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`CI requires Chromium at ${chromiumPath} (apt-get install chromium): the browser tests may not be skipped`);
  }
  return false;
}

/** A running Chromium (Playwright gives it a fresh temporary profile and removes it on close). */
export interface BrowserHandle {
  browser: Browser;
  /** A fresh context (cookies, storage) with one page at the given viewport. */
  newPage(viewport?: ViewportName | { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches headless Debian Chromium with a fresh profile and no background network traffic
 * (this machine's closed network refuses it, and the browser would wait on it).
 * @example const b = await launchBrowser(); const page = await b.newPage('phone'); … await b.close();
 */
export async function launchBrowser(): Promise<BrowserHandle> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage(viewport = 'desktop') {
      const size = typeof viewport === 'string' ? viewports[viewport] : viewport;
      // The site's Content-Security-Policy stays on (no bypassCSP): a page that needs inline
      // script or style would break here as it does for users.
      const context = await browser.newContext({ viewport: size, reducedMotion: 'reduce' });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close();
    },
  };
}

/** One axe-core rule a page breaks, with where and how to fix it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; summary: string }[];
}

let axeSource: string | undefined;

/** WCAG 2.x levels A and AA, the level the site promises. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page, limited to some tags or some rules, and returns its violations. axe
 * is evaluated through the DevTools protocol, which the page's CSP does not govern, so the
 * policy stays on.
 */
async function runAxe(page: Page, runOnly: { type: 'tag' | 'rule'; values: string[] }): Promise<AxeViolation[]> {
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (only) => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } };
    const result = await w.axe.run(document, { runOnly: only, resultTypes: ['violations'] });
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      helpUrl: string;
      nodes: { target: unknown[]; html: string; failureSummary?: string }[];
    }[];
  }, runOnly);
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, summary: n.failureSummary ?? '' })),
  }));
}

/**
 * Runs axe-core on the page (WCAG 2.x A/AA) and returns its violations.
 * @example expect(formatViolations(await axe(page))).toBe('');
 */
export function axe(page: Page): Promise<AxeViolation[]> {
  return runAxe(page, { type: 'tag', values: wcagTags });
}

/**
 * Runs only the named axe-core rules, whatever their tags: for best-practice rules the site
 * keeps (such as `aria-allowed-role`) and WCAG 2.2 rules checked at one viewport (`target-size`).
 * @example expect(formatViolations(await axeRules(page, ['aria-allowed-role']))).toBe('');
 */
export function axeRules(page: Page, rules: string[]): Promise<AxeViolation[]> {
  return runAxe(page, { type: 'rule', values: rules });
}

/**
 * Violations as readable text (empty when there are none), so a failing test says what is wrong.
 * @example expect(formatViolations(violations)).toBe('');
 */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${n.summary.replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n\n');
}

/**
 * Collects what the browser reports as going wrong on a page: uncaught errors, console errors
 * (including Content-Security-Policy refusals) and failed requests to the site itself.
 * @example const problems = watchPageProblems(page); await page.goto(url); expect(problems).toEqual([]);
 */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Failed loads are reported by the response handler below, with their URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    // A request the browser dropped because the page moved on (a click during a favicon load) is not a fault of the site.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${r.url()} (${reason})`);
  });
  return problems;
}
