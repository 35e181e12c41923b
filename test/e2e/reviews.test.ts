/**
 * The review backlog in a real browser, with axe (embedded database): a caseworker sees their reviews due this week
 * and overdue on their first screen, opens the ranked backlog from the menu, reads it at 1280 pixels wide with no
 * sideways scrolling, filters it by stage, and opens a plan's reviews (and the meeting form's error summary); a team
 * manager allocates backlog rows to an officer (the error summary first) and reads the team's caseloads with reviews.
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

describe('the review backlog in a browser', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a caseworker reads their reviews due, then the ranked backlog at 1280px, and filters it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Reviews due this week and overdue' }).count())
      .toBe(1);
    await expectAccessible(page, 'caseworker home with reviews due');

    await page.getByRole('link', { name: 'Reviews', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Reviews due and overdue');
    await expectAccessible(page, 'review backlog');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
    expect(await page.locator('tbody tr').count()).toBe(25);
    expect(await page.locator('tbody tr').first().locator('td').last().textContent()).toMatch(
      /overdue|due in|Due today|due today/i,
    );

    await page.getByLabel('Stage').selectOption('not-arranged');
    await page.getByRole('button', { name: 'Filter reviews' }).click();
    await expect.poll(() => page.url()).toContain('stage=not-arranged');
    await expectAccessible(page, 'review backlog filtered by stage');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);

    // a plan's reviews, and the meeting form's error summary
    await page.locator('tbody tr').first().locator('a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Annual reviews');
    await expectAccessible(page, "a plan's reviews");
    await page.getByRole('button', { name: 'Set the meeting date' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page, "a plan's reviews with the error summary");
    await context.close();
  }, 180_000);

  it('a team manager allocates reviews from the backlog and sees them in the caseloads', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'manager@demo.example', DEMO_PASSWORD);
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'Reviews due or overdue' }).count())
      .toBe(1);
    await expectAccessible(page, "team manager's home with review caseloads");

    await page.getByRole('link', { name: 'Reviews', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Reviews due and overdue');
    await expectAccessible(page, 'review backlog with allocation');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);

    await page.getByRole('button', { name: 'Allocate the selected reviews' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Select at least one review to allocate',
    );
    await expectAccessible(page, 'review backlog with the allocation error summary');

    await page.locator('input[name="plans"]').nth(0).check();
    await page.locator('input[name="plans"]').nth(1).check();
    await page.getByLabel('Allocate the selected reviews to').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Allocate the selected reviews' }).click();
    await expect.poll(() => page.locator('.govuk-notification-banner').count()).toBe(1);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('2 reviews allocated');
    await expectAccessible(page, 'review backlog after allocating');
    await context.close();
  }, 180_000);
});
