/**
 * The phase-transfer board in a real browser, with axe on every page (embedded database, the demo authority): a team
 * manager opens the board from the menu, follows a stage's number to the children behind it (as many as the number),
 * narrows to the children whose next step is overdue, and opens a child; a caseworker sees the board on a phone-sized
 * screen without sideways scrolling of the page.
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

describe('the phase-transfer board in a browser', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a team manager opens the board and follows a number to its children', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'manager@demo.example', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Phase transfers', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Phase transfers');
    await expectAccessible(page, 'the cohort board');
    const stageLinks = page.locator('table').first().locator('tbody a');
    const n = await stageLinks.count();
    let followed = false;
    for (let i = 0; i < n && !followed; i++) {
      const link = stageLinks.nth(i);
      const count = Number((await link.textContent())?.match(/\d+/)?.[0]);
      if (count === 0) continue;
      await link.click();
      await expect
        .poll(() => page.locator('[role="status"]').first().textContent())
        .toContain(`${count} child`);
      followed = true;
    }
    expect(followed).toBe(true);
    await expectAccessible(page, 'the children at one stage');
    await page.locator('#children ~ div table tbody a').first().click();
    await expect.poll(() => page.url()).toContain('/children/');
    await context.close();
  });

  it('a caseworker reads the board on a phone-sized screen', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/transfers?week=due`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Phase transfers');
    await expectAccessible(page, 'the board, this week’s children');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await context.close();
  });
});
