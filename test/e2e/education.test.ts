/**
 * Children not in full-time education in a real browser, with axe on every page (embedded database): a SEND leader
 * opens the list from the menu and follows a number to its children; a caseworker opens a child's education page,
 * records a part-time timetable (the error summary first, then the review it raises), changes it, closes it and
 * records attendance.
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

describe('children not in full-time education in a browser', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a SEND leader opens the list and follows a number to its children', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'leader@demo.example', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Not in full-time education', exact: true }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Children with a plan not in full-time education');
    await expectAccessible(page, 'the list');
    const first = page.locator('table').nth(1).locator('tbody a').first();
    const count = Number((await first.textContent())?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    await first.click();
    await expect
      .poll(() => page.locator('[role="status"]').first().textContent())
      .toContain(`${count} shown`);
    await expectAccessible(page, 'the list by need');
    await page.locator('table').nth(2).locator('tbody a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Education');
    await expectAccessible(page, "a child's education page, read only");
    await context.close();
  });

  it('a caseworker records, changes and closes a part-time timetable and records attendance', async () => {
    const db = server.database.db;
    const child = await db
      .selectFrom('child')
      .select('id')
      .where('la_code', '=', '999')
      .where('plan_status', '=', 'plan')
      .orderBy('reference', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/children/${child.id}`);
    await page.getByRole('link', { name: 'Exclusions, timetables and attendance' }).click();
    await expectAccessible(page, "a child's education page");

    await page.getByRole('link', { name: 'Record part-time timetable' }).click();
    await expectAccessible(page, 'the part-time timetable form');
    await page.getByLabel('Hours taught a week').fill('40');
    await page.getByRole('button', { name: 'Record' }).click();
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toContain('Enter the start of the part-time timetable');
    await expectAccessible(page, 'the form with errors');
    expect(await page.getByLabel('Hours taught a week').inputValue()).toBe('40');

    const start = page.getByRole('group', { name: 'Start of the part-time timetable' });
    await start.getByLabel('Day').fill('2');
    await start.getByLabel('Month').fill('11');
    await start.getByLabel('Year').fill('2026');
    await page.getByLabel('Hours taught a week').fill('15');
    await page.getByLabel('Reason').fill('Anxiety after a change of school');
    const review = page.getByRole('group', { name: 'Agreed end or review date' });
    await review.getByLabel('Day').fill('18');
    await review.getByLabel('Month').fill('12');
    await review.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('The episode is recorded.');
    expect(await page.locator('main').textContent()).toContain('Review the plan (reg 29(2))');
    await expectAccessible(page, 'the education page after recording');

    await page
      .getByRole('link', { name: /^Change part-time timetable/ })
      .first()
      .click();
    await expectAccessible(page, 'the change form');
    await page.getByLabel('Hours taught a week').fill('17.5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('17.5 hours a week');

    await page
      .getByRole('link', { name: /^Close part-time timetable/ })
      .first()
      .click();
    await expectAccessible(page, 'the close form');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toContain('Enter the date it ended');
    await expectAccessible(page, 'the close form with an error');

    await page.goto(`${server.baseUrl}/children/${child.id}/education/attendance`);
    await expectAccessible(page, 'the attendance form');
    await page.getByLabel('School year').fill('2025');
    await page.getByLabel('Summer').check();
    await page.getByLabel('Attendance').fill('88.5');
    await page.getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('88.5% (persistently absent)');
    await context.close();
  });
});
