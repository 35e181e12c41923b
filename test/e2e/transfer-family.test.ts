/**
 * A family's part of a phase transfer in a real browser, with axe on every page (embedded database, the demo
 * authority; issue 13 items 1 and 4): a parent, on a 375-pixel phone, reads what will happen and by when, sends the
 * preference form empty (the error summary), then states a preference with reasons; the caseworker sees it, given
 * online, on the child's transfer page, opened from the board, which also offers to tell the families not yet told.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { cohortOn } from '../../src/features/transfers/service.ts';
import { userByEmail } from '../../src/platform/people/users.ts';
import { todayInLondon } from '../../src/platform/web/views.ts';
import { grant } from '../helpers/factories.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

const noSidewaysScroll = async (page: Page, width: number) =>
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

describe('a family states a preference for the next school in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  let child: { id: string; name: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
    const db = server.database.db;
    const rows = await cohortOn(db, DEMO_LA_CODE, todayInLondon());
    const row = rows.find((r) => r.stage === 'in-cohort' && r.dates.deadline.date >= todayInLondon());
    if (!row) throw new Error('no child in the demo cohort without a review yet');
    child = { id: row.child.id, name: row.child.givenName };
    const parent = await userByEmail(db, DEMO_LA_CODE, 'parent@demo.example');
    await grant(db, DEMO_LA_CODE, parent!.id, row.child.id, 'parent');
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the parent reads the dates and states a preference on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'parent@demo.example', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/your-transfer/${child.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('move to a new school or college');
    await expect.poll(() => page.getByText('legal deadline').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the family’s transfer page');
    await noSidewaysScroll(page, 375);
    await page.getByRole('button', { name: 'Tell us the school or college you want' }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toContain('Choose the school');
    await expectAccessible(page, 'the preference form with an error');
    await noSidewaysScroll(page, 375);
    const options = page.locator('#settingId option');
    const choice = (await options.nth(1).textContent())!.trim();
    await page.locator('#settingId').selectOption({ index: 1 });
    await page.locator('#reasons').fill('It is near our home and has a quiet room');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect
      .poll(() => page.locator('.govuk-notification-banner').textContent())
      .toContain('We have your preference');
    await expect.poll(() => page.locator('main').textContent()).toContain(choice);
    await expectAccessible(page, 'the family’s page after the preference');
    await noSidewaysScroll(page, 375);
    await context.close();
  });

  it('the caseworker sees the preference on the child’s transfer page, from the board', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/transfers`);
    await expect.poll(() => page.getByRole('button', { name: 'Tell these families' }).count()).toBe(1);
    await page.goto(`${server.baseUrl}/transfers/children/${child.id}`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Stated online');
    await expectAccessible(page, 'the child’s transfer page');
    await context.close();
  });
});
