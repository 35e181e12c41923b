/**
 * The leaders' figures in a real browser, with axe on every page (embedded database): a SEND leader follows the menu
 * to the figures (being counted: the queued count is run, as a worker would, and the leader checks again, ADR 0061),
 * asks for them as of a day and broken down by primary need, follows a number to the children behind it (the list's
 * count is the number followed), opens a child, and downloads the inspection list. A broken date is answered with the
 * error summary and the input kept.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { INSPECTION_COLUMNS } from '../../src/domain/sen2/index.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

describe('the leaders’ figures in a browser', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a leader opens the figures, follows a number to its children and downloads the inspection list', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'leader@demo.example', DEMO_PASSWORD);
    const countAndCheckAgain = async () => {
      expect(await server.service.jobs.runPending('figures-count')).toBe(1);
      await page.locator('main a', { hasText: 'Check again' }).click();
    };
    await page.getByRole('link', { name: 'Figures', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Figures');
    // Today not counted yet (the service's workers are off in tests): the page says so, and never counts on the
    // request (ADR 0061). Run the queued count, as a worker would, and check again.
    expect(await page.locator('main').textContent()).toMatch(/are being counted/);
    await expectAccessible(page, 'figures being counted');
    await countAndCheckAgain();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Counted at/);
    await expectAccessible(page, 'figures');
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(0);

    // A date that does not exist: the error summary, the input kept.
    await page.getByLabel('Day', { exact: true }).fill('31');
    await page.getByLabel('Month', { exact: true }).fill('2');
    await page.getByLabel('Year', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel('Day', { exact: true }).inputValue()).toBe('31');
    await expectAccessible(page, 'figures with an error');

    // As of a real day, by primary need.
    await page.getByLabel('Day', { exact: true }).fill('1');
    await page.getByLabel('Month', { exact: true }).fill('10');
    await page.getByLabel('Year', { exact: true }).fill('2026');
    await page.getByLabel('Break down by').selectOption('need');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.waitForURL(/by=need/);
    await countAndCheckAgain();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Counted at/);
    expect(page.url()).toMatch(/by=need/);
    await expectAccessible(page, 'figures by primary need');

    // Follow the number of requests decided, and find as many children as it said.
    const section = page.locator('section', { has: page.locator('#requests-6-weeks') });
    const link = section.locator('p.govuk-body a').nth(1);
    // The link reads "N counted" to a screen reader; its visible text is the number.
    const number = Number(/^\s*(\d+)/.exec((await link.textContent()) ?? '')?.[1]);
    expect(number).toBeGreaterThan(0);
    await link.click();
    await page.waitForURL(/\/figures\/requests-6-weeks/);
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Requests for an assessment decided within 6 weeks');
    await expectAccessible(page, 'the children behind a figure');
    expect(await page.locator('[role="status"]').textContent()).toContain(`${number} counted`);
    const rows = await page.locator('tbody tr').count();
    expect(rows).toBe(Math.min(number, 50));
    await page.locator('tbody a').first().click();
    await page.waitForURL(/\/children\//);
    await expectAccessible(page, 'a child behind the figure');

    // The inspection list, in one step.
    await page.getByRole('link', { name: 'Returns', exact: true }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /with an EHC plan \(CSV\)/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^inspection-list-ehc-plans-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await readFile(await csv.path())).toString();
    expect(text.split('\r\n')[0]).toBe(
      INSPECTION_COLUMNS.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','),
    );
    await context.close();
  }, 240_000);
});
