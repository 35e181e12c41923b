/**
 * The review meeting in a real browser, with axe (embedded database; ADR 0015): the SENCO's first screen with their
 * school's reviews, arranging a review (and its error summary), the meeting page with the invitations (and their
 * error summary), the meeting's record form (and its error summary), the record sent as the report, and the report.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { settingOfUser } from '../../src/platform/people/settings.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

describe('the review meeting in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  let planId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
    const db = server.database.db;
    const senco = await db
      .selectFrom('app_user')
      .select(['id', 'la_code'])
      .where('email', '=', 'senco@demo.example')
      .executeTakeFirstOrThrow();
    const school = await settingOfUser(db, senco.la_code, senco.id);
    planId = (
      await db
        .selectFrom('plan_review_schedule')
        .select('plan_id')
        .where('setting_id', '=', school!.id)
        .where('stage', '=', 'not-arranged')
        .orderBy('plan_id')
        .executeTakeFirstOrThrow()
    ).plan_id;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the SENCO arranges a review, invites, records the meeting and sends the report', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'senco@demo.example', DEMO_PASSWORD);
    await expect.poll(() => page.getByRole('heading', { name: /^Annual reviews at / }).count()).toBe(1);
    await expectAccessible(page, "the SENCO's first screen with their school's reviews");

    await page.goto(`${server.baseUrl}/reviews/plans/${planId}/arrange`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Arrange the review meeting');
    await expectAccessible(page, 'arrange the review meeting');
    await page.getByRole('button', { name: 'Set the meeting date' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page, 'arrange the review meeting with the error summary');
    const meeting = new Date(Date.now() + 21 * 86_400_000);
    await page.getByLabel('Day').fill(String(meeting.getUTCDate()));
    await page.getByLabel('Month').fill(String(meeting.getUTCMonth() + 1));
    await page.getByLabel('Year').fill(String(meeting.getUTCFullYear()));
    await page.getByRole('button', { name: 'Set the meeting date' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Review \d+ meeting$/);
    await expectAccessible(page, 'the review meeting page');

    await page.getByRole('button', { name: 'Send the invitations' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page, 'the invitations with the error summary');
    await page.locator('input[name="invitees"]').first().check();
    await page.getByLabel('Their name').fill('Pat Visitor');
    await page.getByLabel('Their email address').fill('pat.visitor@charity.example');
    await page.getByRole('button', { name: 'Send the invitations' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Record the meeting' }).count()).toBe(1);
    await expectAccessible(page, 'the meeting page with the record form');

    await page.getByRole('button', { name: 'Record the meeting' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page, 'the record form with the error summary');
    const today = new Date();
    const held = page.locator('#held');
    await held.getByLabel('Day').fill(String(today.getUTCDate()));
    await held.getByLabel('Month').fill(String(today.getUTCMonth() + 1));
    await held.getByLabel('Year').fill(String(today.getUTCFullYear()));
    const radios = page.locator('input[type="radio"]');
    const names = new Set<string>();
    for (let i = 0; i < (await radios.count()); i++)
      names.add((await radios.nth(i).getAttribute('name')) ?? '');
    for (const name of names) await page.locator(`input[type="radio"][name="${name}"]`).first().check();
    await page.locator('#working-family').fill('Settled and making friends');
    if (await page.locator('#pfa-employment').count()) {
      await page.locator('#pfa-employment').fill('Work experience in year 10');
    }
    await page.getByRole('button', { name: 'Record the meeting' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Send the report' }).count()).toBe(1);
    await expectAccessible(page, 'the meeting page with the record');

    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.getByRole('link', { name: 'Read the review report' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Review \d+ report$/);
    expect(await page.textContent('main')).toContain('Settled and making friends');
    await expectAccessible(page, 'the review report');
    await context.close();
  }, 240_000);
});
