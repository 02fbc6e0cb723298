import type { Locator, Page } from 'playwright-core';

/**
 * Clicks something that submits a form or follows a link, and waits for the page it leads to.
 * @example await go(page, page.getByRole('button', { name: 'Publish' }), /\?done=published/);
 */
export async function go(page: Page, target: Locator, url: RegExp | string): Promise<void> {
  await Promise.all([page.waitForURL(url), target.click()]);
}

/**
 * Signs in through /login (at `url`) in this page's browser context, as a person would.
 * @example await signIn(page, e2e.url('/login'), { email, password });
 */
export async function signIn(page: Page, url: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await go(page, page.getByRole('button', { name: 'Sign in' }), /\/account$/);
}
