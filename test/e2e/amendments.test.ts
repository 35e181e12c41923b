/**
 * Amendments in a real browser, with axe (embedded database, the demo authority): a caseworker opens the amendments
 * in progress from the menu, a plan's amendment with its dates and rules, a plan with none and the start form's
 * error summary, and the notice of a proposal out for comments; the demo parent's shared plan page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

describe('amendments in a browser', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a caseworker reads the amendments in progress, one amendment, the start form and a notice', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Amendments', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Amendments in progress');
    await expectAccessible(page, 'amendments in progress');
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);

    // an amendment with its proposal out: its dates, and the notice the family sees
    // (the demo is built as of its image's day; the server's today may be later, so the 15 days may have ended)
    const commenting = page.locator('tbody tr', { hasText: /Proposal sent|Comments closed/ }).first();
    await commenting.locator('a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Amending the plan');
    await expectAccessible(page, "a plan's amendment, proposal out");
    await page.getByText('Decide not to amend the plan after all').click();
    await page.getByRole('button', { name: 'Record the decision not to amend' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page, 'a decision not to amend with no reasons: the error summary');
    await page.getByRole('link', { name: 'The notice the family sees' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Proposed changes to the EHC plan');
    await expectAccessible(page, 'the notice of a proposal');

    // a plan with no amendment: the start form and its error summary
    await page.goto(`${server.baseUrl}/plans?status=final`);
    const planHref = await page.locator('tbody tr a[href^="/plans/"]').first().getAttribute('href');
    await page.goto(`${server.baseUrl}/amendments${planHref!.replace('/plans/', '/plans/')}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Amending the plan');
    await expectAccessible(page, "a plan's amendments");
    const start = page.getByRole('button', { name: 'Start the amendment' });
    if ((await start.count()) > 0) {
      await start.click();
      await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
      await expectAccessible(page, 'starting an amendment: the error summary');
    }
    await context.close();
  }, 180_000);
});
