import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import type { Database } from '../../src/db/database.ts';
import { framework } from '../../src/framework/framework.ts';
import { axe, browserAvailable, formatViolations, watchPageProblems } from '../support/browser.ts';
import { go, signIn } from './browser-steps.ts';
import { useE2E } from './e2e-context.ts';

const admin = { email: 'ada.admin@example.org', name: 'Ada Admin', password: 'a lighthouse over grey water' };
const representative = { email: 'rui.rep@example.org', name: 'Rui Representative', password: 'nine copper kettles humming' };

/** Axe finds nothing and the page does not scroll sideways. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(formatViolations(await axe(page)), `axe on ${what}`).toBe('');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

describe.skipIf(!browserAvailable())('a city assesses itself, from the grant to the scores', () => {
  const e2e = useE2E({
    prepare: async (db: Database) => {
      await createUserWithRole(db, { ...admin, role: 'admin' });
      await createUserWithRole(db, { ...representative, role: 'member' });
    },
  });

  it('an admin grants a city; its representative answers three dimensions with one "don’t know", publishes, and reads scores, peers and recommendations', async () => {
    // The admin makes Rui a representative of Duisburg on /admin/users.
    const ada = await e2e.newPage('desktop');
    await signIn(ada, e2e.url('/login'), admin);
    await ada.goto(e2e.url(`/admin/users?q=${encodeURIComponent(representative.email)}`));
    await ada.getByLabel(`City represented by ${representative.name}`).fill('de/duisburg');
    await go(ada, ada.getByRole('button', { name: 'Add city' }), /\/admin\/users/);
    expect(await ada.locator('main').innerText()).toContain('The person now represents the city.');

    const rui = await e2e.newPage('desktop');
    const problems = watchPageProblems(rui);
    await signIn(rui, e2e.url('/login'), representative);
    await rui.goto(e2e.url('/cities/de/duisburg'));
    await go(rui, rui.getByRole('link', { name: 'For the city’s representatives: answer the self-assessment' }), /\/assessment\/edit$/);
    await go(rui, rui.getByRole('button', { name: 'Start the self-assessment' }), new RegExp(`/edit/${framework.dimensions[0].code}$`));
    await expectAccessible(rui, 'the first dimension');

    // Three dimensions: the first option that scores 100 for every question, but "don't know" once.
    for (const [d, dimension] of framework.dimensions.slice(0, 3).entries()) {
      for (const [i, question] of dimension.questions.entries()) {
        const group = rui.getByRole('group', { name: question.text });
        if (d === 0 && i === 0) await group.getByLabel('Don’t know').check();
        else await group.getByLabel(question.options.find((o) => o.score === 100)?.label as string, { exact: true }).check();
      }
      if (d === 0) await rui.getByLabel('Evidence link (optional)').first().fill('https://example.org/duisburg-strategy.pdf');
      await go(rui, rui.getByRole('button', { name: 'Save and continue' }), new RegExp(`/edit/${framework.dimensions[d + 1].code}$`));
    }
    // Resumable: back on the first dimension, the answers are there.
    await rui.goto(e2e.url(`/cities/de/duisburg/assessment/edit/${framework.dimensions[0].code}`));
    expect(await rui.getByRole('group', { name: framework.dimensions[0].questions[0].text }).getByLabel('Don’t know').isChecked()).toBe(true);

    await rui.goto(e2e.url('/cities/de/duisburg/assessment/edit'));
    await expectAccessible(rui, 'the overview');
    const answered = framework.dimensions.slice(0, 3).reduce((n, d) => n + d.questions.length, 0) - 1;
    expect(await rui.locator('main').innerText()).toContain(`${answered} of 69 questions answered`);
    await rui.getByLabel('Everyone (public)').check();
    await go(rui, rui.getByRole('button', { name: 'Publish the snapshot' }), /\/cities\/de\/duisburg\/assessment\?snapshot=\d+$/);

    // The scores: 100 on each answered dimension, provisional, the others not assessed; peers and recommendations.
    const text = await rui.locator('main').innerText();
    expect(text).toContain('100 out of 100');
    expect(text).toMatch(/[Pp]rovisional/);
    expect(text).toContain('Not assessed');
    expect(text).toContain('Compared with peer cities');
    expect(text).toContain('Practices to learn from');
    expect(text).not.toContain('Example data');
    await expectAccessible(rui, 'the score page');

    // Rui records the top countries of birth and removes a figure typed for the wrong year, in Arabic too.
    await rui.goto(e2e.url('/cities/de/duisburg/figures/edit'));
    await rui.getByLabel('Indicator').selectOption('top-countries-of-birth');
    await rui.getByLabel('Year').fill('2022');
    await rui.getByLabel('Value').fill('TUR 60000; POL 20000; BGR 15000; ROU 14000; SYR 12000');
    await rui.getByLabel('Source', { exact: true }).fill('Stadt Duisburg');
    await go(rui, rui.getByRole('button', { name: 'Record the figure' }), /done=saved$/);
    await go(rui, rui.getByRole('button', { name: 'Remove Total population, 2019' }), /done=removed$/);
    const recorded = await rui.locator('main').innerText();
    expect(recorded).toContain('Türkiye 60,000');
    expect(recorded).not.toMatch(/Total population\s+2019/);
    await expectAccessible(rui, 'the figures recorded');
    await rui.goto(e2e.url('/ar/cities/de/duisburg/figures/edit'));
    await expectAccessible(rui, 'the figures recorded, in Arabic');
    expect(problems, 'CSP refusals, script errors or failed requests').toEqual([]);

    // Anyone reads it, at phone width and in Arabic, accessibly.
    for (const [viewport, path] of [
      ['phone', '/cities/de/duisburg/assessment'],
      ['desktop', '/ar/cities/de/duisburg/assessment'],
      ['phone', '/ar/cities/de/duisburg/assessment'],
      ['desktop', '/benchmark'],
      ['phone', '/ar/benchmark'],
    ] as const) {
      const reader = await e2e.newPage(viewport);
      const res = await reader.goto(e2e.url(path));
      expect(res?.status(), path).toBe(200);
      await expectAccessible(reader, `${path} at ${viewport} width`);
    }
  });
});
