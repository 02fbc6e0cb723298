import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUserWithRole } from '../../src/accounts/user-admin.ts';
import type { Database } from '../../src/db/database.ts';
import { linkInMail } from '../support/account-client.ts';
import { browserAvailable, watchPageProblems } from '../support/browser.ts';
import { go, signIn } from './browser-steps.ts';
import { resultTotal, useE2E } from './e2e-context.ts';

/** The editor who reviews, publishes, assesses, edits and restores; written in `prepare`. */
const editor = { email: 'edda.editor@example.org', name: 'Edda Editor', password: 'a quiet harbour at dawn' };

/** The member who signs up in the browser. */
const member = { email: 'mira.member@example.org', name: 'Mira Member', password: 'seven green lanterns swing' };

/** A word no demo practice uses, so search finds exactly the submitted practice. */
const uniqueWord = 'Zephyrlinden';
const practice = {
  title: `${uniqueWord} shared kitchens for newcomers`,
  id: 'zephyrlinden-shared-kitchens-for-newcomers',
  summary: `Neighbours and newly arrived families cook together twice a week in ${uniqueWord} community kitchens run by volunteers.`,
  /** What the member adds after the editor asks for it. */
  fixedSummary: `Neighbours and newly arrived families cook together twice a week in ${uniqueWord} community kitchens run by volunteers in the Arroios district.`,
  /** The editor's later edit: one word changed. */
  editedSummary: `Neighbours and newly arrived families cook together thrice a week in ${uniqueWord} community kitchens run by volunteers in the Arroios district.`,
};
const changesAsked = 'Please say in the summary which district of Lisbon the kitchens are in.';
const rationale = 'Needs only a kitchen, volunteers and a rota: any neighbourhood association could start one.';

/** The visible text of the page's main content. */
const mainText = (page: Page) => page.locator('main').innerText();

describe.skipIf(!browserAvailable())('contributing a practice, from sign-up to a restored revision', () => {
  const e2e = useE2E({
    smtp: true,
    prepare: async (db: Database) => {
      await createUserWithRole(db, { ...editor, role: 'editor' });
    },
  });

  it('signs up, submits over five steps, is asked for changes, is published, assessed, found, edited and restored', async () => {
    const mira = await e2e.newPage('desktop');
    const miraProblems = watchPageProblems(mira);

    // Sign up in the browser; the confirmation arrives at the test's SMTP server.
    await mira.goto(e2e.url('/signup'));
    await mira.getByLabel('Name').fill(member.name);
    await mira.getByLabel('Email address').fill(member.email);
    await mira.getByLabel('Password', { exact: true }).fill(member.password);
    await go(mira, mira.getByRole('button', { name: 'Create account' }), /\/signup\/sent$/);
    const confirmation = await e2e.waitForMail((m) => m.to.includes(member.email) && m.subject === 'Confirm your email address');
    expect(confirmation.from, 'the mail comes from MAIL_FROM').toBe('hello@clearinghouse.example');

    // Confirm by following the link, then sign in.
    await mira.goto(linkInMail(confirmation.raw, '/signup/confirm'));
    await go(mira, mira.getByRole('button', { name: 'Confirm my email address' }), /\/login\?done=confirmed$/);
    expect(await mainText(mira), 'the sign-in page says the address is confirmed').toContain('Your email address is confirmed');
    await mira.getByLabel('Email address').fill(member.email);
    await mira.getByLabel('Password', { exact: true }).fill(member.password);
    await go(mira, mira.getByRole('button', { name: 'Sign in' }), /\/account$/);

    // Step 1: the basics.
    await go(mira, mira.getByRole('link', { name: 'Submit a practice' }), /\/submit$/);
    await mira.getByLabel('Title (required)').fill(practice.title);
    await mira.getByLabel('Summary (required)').fill(practice.summary);
    await mira.getByLabel('Language of the text (required)').selectOption('en');
    await mira.getByRole('checkbox', { name: 'Housing' }).check();
    await mira.getByRole('checkbox', { name: 'Social cohesion' }).check();
    await mira.getByLabel('Year it started').fill('2021');
    await go(mira, mira.getByRole('button', { name: 'Save and continue' }), /\/submit\/\d+\/step\/2$/);
    const submissionId = Number(/\/submit\/(\d+)\//.exec(mira.url())?.[1]);

    // Step 2: where and who.
    await mira.getByLabel('City', { exact: true }).fill('Lisbon');
    await mira.getByLabel('Country (required)').selectOption('PT');
    await mira.getByLabel('Lead organisation').fill('Associação Cozinhas Abertas');
    await go(mira, mira.getByRole('button', { name: 'Save and continue' }), /\/step\/3$/);

    // The draft survives a reload of "My submissions", and "Continue" resumes at the next step.
    await go(mira, mira.getByRole('link', { name: 'My submissions' }), /\/my\/submissions$/);
    await mira.reload();
    const draftItem = mira.locator('.submission-item', { hasText: practice.title });
    expect(await draftItem.count(), 'the draft is listed after a reload').toBe(1);
    expect(await draftItem.innerText(), 'the draft is listed as a draft').toContain('Draft');
    await go(mira, draftItem.getByRole('link', { name: 'Continue' }), `**/submit/${submissionId}/step/3`);

    // Steps 3 to 5.
    await mira.getByLabel('The challenge').fill('Newcomers often eat alone and meet few neighbours.');
    await mira.getByLabel('The approach').fill('Volunteers open school kitchens **twice a week**; everyone brings a recipe.');
    await go(mira, mira.getByRole('button', { name: 'Save and continue' }), /\/step\/4$/);
    await mira.getByLabel('Outcomes').fill('About 120 families took part in the first year.');
    await go(mira, mira.getByRole('button', { name: 'Save and continue' }), /\/step\/5$/);
    await mira.getByLabel('Source 1: web address').fill('https://example.org/cozinhas-abertas');
    await mira.getByLabel('Source 1: title').fill('Cozinhas Abertas annual report');
    await go(mira, mira.getByRole('button', { name: 'Save and check' }), `**/submit/${submissionId}/check`);

    // The review page reads back every step; send it.
    const readback = await mainText(mira);
    for (const text of [practice.title, practice.summary, 'Lisbon', 'Associação Cozinhas Abertas', 'About 120 families', 'Cozinhas Abertas annual report']) {
      expect(readback, `the review page reads back "${text}"`).toContain(text);
    }
    await mira.getByRole('checkbox', { name: /Creative Commons Attribution 4\.0/ }).check();
    await go(mira, mira.getByRole('button', { name: 'Send to review' }), /\/my\/submissions\?done=sent$/);
    expect(await mira.locator('.submission-item', { hasText: practice.title }).innerText(), 'the sent draft is "In review"').toContain('In review');
    await e2e.waitForMail((m) => m.to.includes(member.email) && m.subject === `We received “${practice.title}”`);

    // The editor, in another browser context, finds it in the queue and asks for changes.
    const edda = await e2e.newPage('desktop');
    const eddaProblems = watchPageProblems(edda);
    await signIn(edda, e2e.url('/login'), editor);
    await go(edda, edda.getByRole('link', { name: 'Review queue' }), /\/review$/);
    await go(edda, edda.getByRole('link', { name: practice.title }), `**/submissions/${submissionId}`);
    await edda.getByLabel('What should the submitter change?').fill(changesAsked);
    await go(edda, edda.getByRole('button', { name: 'Ask for changes' }), /\?done=changes_requested$/);
    expect(await mainText(edda), 'the editor is told the submitter was asked').toContain('The submitter has been asked for changes');

    // The member sees the message in "My submissions" and in the mail.
    await mira.goto(e2e.url('/my/submissions'));
    const askedItem = mira.locator('.submission-item', { hasText: practice.title });
    const askedText = await askedItem.innerText();
    expect(askedText, 'the state is "Changes requested"').toContain('Changes requested');
    expect(askedText, 'the editor\'s message is in "My submissions"').toContain(changesAsked);
    const askedMail = await e2e.waitForMail((m) => m.to.includes(member.email) && m.subject === `Changes requested for “${practice.title}”`);
    expect(askedMail.text, "the mail carries the editor's message").toContain(changesAsked);
    expect(askedMail.text, 'the mail links to the submission').toContain(e2e.url(`/submissions/${submissionId}`));

    // The member fixes the summary and sends it again.
    await go(mira, askedItem.getByRole('link', { name: 'Make the changes' }), `**/submit/${submissionId}/check`);
    expect(await mainText(mira), 'the review page repeats what the editor asked').toContain(changesAsked);
    await go(mira, mira.getByRole('link', { name: 'Edit: The basics' }), `**/submit/${submissionId}/step/1`);
    expect(await mira.getByLabel('Title (required)').inputValue(), 'step 1 kept the title').toBe(practice.title);
    await mira.getByLabel('Summary (required)').fill(practice.fixedSummary);
    await go(mira, mira.getByRole('button', { name: 'Save and continue' }), /\/step\/2$/);
    await go(
      mira,
      mira.getByRole('navigation', { name: 'Steps of the form' }).getByRole('link', { name: 'Check and send' }),
      `**/submit/${submissionId}/check`,
    );
    expect(await mainText(mira), 'the review page shows the fixed summary').toContain(practice.fixedSummary);
    await mira.getByRole('checkbox', { name: /Creative Commons Attribution 4\.0/ }).check();
    await go(mira, mira.getByRole('button', { name: 'Send to review' }), /\/my\/submissions\?done=sent$/);

    // The editor publishes it.
    await edda.goto(e2e.url(`/submissions/${submissionId}`));
    expect(await edda.locator('.review-facts').innerText(), 'the editor sees it back in review').toContain('In review');
    await go(edda, edda.getByRole('button', { name: 'Publish', exact: true }), /\?done=published$/);
    await e2e.waitForMail((m) => m.to.includes(member.email) && m.subject === `“${practice.title}” is published`);
    await go(edda, edda.getByRole('link', { name: 'See it in the catalogue' }), `**/practices/${practice.id}`);
    expect(await mainText(edda), 'the published practice has the fixed summary').toContain(practice.fixedSummary);

    // The editor assesses it: transferable, with a rationale; the rest unknown.
    await go(edda, edda.getByRole('link', { name: 'Assess this practice' }), `**/practices/${practice.id}/assess`);
    for (const criterion of ['Practical', 'Innovative', 'Successful']) {
      await edda.getByRole('group', { name: criterion, exact: true }).getByRole('radio', { name: 'Unknown' }).check();
    }
    await edda.getByRole('group', { name: 'Transferable', exact: true }).getByRole('radio', { name: 'Yes' }).check();
    await edda.getByLabel('Rationale: Transferable').fill(rationale);
    await edda.getByLabel('Evidence level').selectOption('2');
    await go(edda, edda.getByRole('button', { name: 'Save the assessment' }), `**/practices/${practice.id}`);

    // Search finds it by its unique word, and with the "judged transferable" filter; its page shows the badges.
    const visitor = await e2e.newPage('desktop');
    await visitor.goto(e2e.url(`/practices?q=${uniqueWord.toLowerCase()}`));
    expect(await resultTotal(visitor), `search for "${uniqueWord}" finds exactly the new practice`).toBe(1);
    await visitor.goto(e2e.url(`/practices?q=${uniqueWord.toLowerCase()}&assessed=innovative`));
    expect(await resultTotal(visitor), 'it was not judged innovative').toBe(0);
    await visitor.goto(e2e.url(`/practices?q=${uniqueWord.toLowerCase()}&assessed=transferable`));
    expect(await resultTotal(visitor), 'it is found among practices judged transferable').toBe(1);
    await go(visitor, visitor.locator('main').getByRole('link', { name: practice.title }), `**/practices/${practice.id}`);
    const badges = visitor.getByRole('region', { name: 'Editors’ assessment' });
    const badgeText = await badges.innerText();
    expect(badgeText, 'the transferable badge').toContain('Transferable: yes');
    expect(badgeText, 'the other criteria').toContain('Practical: unknown');
    expect(badgeText, 'who assessed it').toContain('Edda Editor');
    await badges.getByText('Transferable: yes').click();
    expect(await badges.getByText(rationale).isVisible(), 'the badge opens onto its rationale').toBe(true);

    // The editor changes one word of the summary.
    await edda.goto(e2e.url(`/practices/${practice.id}`));
    await go(edda, edda.getByRole('link', { name: 'Edit this practice' }), `**/practices/${practice.id}/edit`);
    await edda.getByLabel('Summary (required)').fill(practice.editedSummary);
    await edda.getByLabel('Summary of your change (required)').fill('Three sessions a week since the spring');
    await go(edda, edda.getByRole('button', { name: 'Save changes' }), `**/practices/${practice.id}`);
    expect(await mainText(edda), 'the practice page shows the edit').toContain(practice.editedSummary);

    // The history's comparison marks the changed word.
    await go(edda, edda.getByRole('link', { name: 'History of changes' }), `**/practices/${practice.id}/history`);
    expect(await mainText(edda), 'the history names the edit').toContain('Three sessions a week since the spring');
    await go(edda, edda.getByRole('button', { name: 'Compare the chosen revisions' }), /\/history\/compare\?/);
    const summaryDiff = edda.locator('.record-diff__field', { has: edda.locator('dt', { hasText: /^Summary$/ }) });
    expect(await summaryDiff.locator('del').innerText(), 'the removed word is struck through').toContain('twice');
    expect(await summaryDiff.locator('ins').innerText(), 'the added word is marked as inserted').toContain('thrice');

    // The editor restores the revision before the edit; the old summary is back.
    await go(edda, edda.getByRole('button', { name: /^Restore revision \d+$/ }), /\/history\?done=restored$/);
    await edda.goto(e2e.url(`/practices/${practice.id}`));
    const restored = await mainText(edda);
    expect(restored, 'the practice page shows the summary from before the edit').toContain(practice.fixedSummary);
    expect(restored, 'the edited word is gone').not.toContain('thrice');
    expect([...miraProblems, ...eddaProblems], 'CSP refusals, script errors or failed requests on the way').toEqual([]);
  }, 90_000);
});
