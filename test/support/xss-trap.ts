import type { Browser, Page } from 'playwright-core';
import { viewports } from './browser.ts';

/** A page that records every attempt of injected script to run. */
export interface TrapPage {
  page: Page;
  /** Payload numbers that ran (xss(n)), plus any dialog that opened. */
  hits(): Promise<string[]>;
  /** Injected markup that made it into the DOM as markup: event-handler attributes, script URLs, unexpected embeds. */
  injected(): Promise<string[]>;
}

/**
 * Opens a page with the site's Content-Security-Policy switched OFF, so an escaping bug would
 * really execute (with the CSP on, a test could pass only because the policy blocked the
 * script). Every payload calls `xss(n)`, which this page records.
 * @example const trap = await openTrapPage(browser); await trap.page.goto(url); expect(await trap.hits()).toEqual([]);
 */
export async function openTrapPage(browser: Browser, viewport: keyof typeof viewports = 'desktop'): Promise<TrapPage> {
  const context = await browser.newContext({ viewport: viewports[viewport], bypassCSP: true });
  await context.addInitScript(() => {
    const w = window as unknown as { __xssHits: string[]; xss: (n: number) => void };
    w.__xssHits = [];
    w.xss = (n) => w.__xssHits.push(`payload ${n}`);
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return {
    page,
    async hits() {
      // Give handlers such as onerror/onload/onfocus a moment to fire after load.
      await page.waitForTimeout(150);
      const ran = await page.evaluate(() => (window as unknown as { __xssHits: string[] }).__xssHits);
      // Iframes run in their own window; they report through parent.xss, which is this one.
      return [...ran, ...dialogs];
    },
    injected: () =>
      page.evaluate(() => {
        const found: string[] = [];
        for (const el of Array.from(document.querySelectorAll('*'))) {
          for (const attr of Array.from(el.attributes)) {
            if (/^on/i.test(attr.name)) found.push(`<${el.tagName.toLowerCase()} ${attr.name}>`);
            if (/^(href|src|action|data|formaction)$/i.test(attr.name) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) {
              found.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 40)}">`);
            }
          }
        }
        for (const el of Array.from(document.querySelectorAll('iframe, object, embed, base, meta[http-equiv], svg script, math, marquee, isindex, keygen'))) {
          found.push(`<${el.tagName.toLowerCase()}>`);
        }
        for (const s of Array.from(document.querySelectorAll('script'))) {
          if (!s.src && s.type !== 'application/ld+json') found.push('<script> inline');
        }
        return found;
      }),
  };
}
