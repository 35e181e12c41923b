/**
 * Stopping a plan and moving it to another council in a real browser, with axe (embedded database): a caseworker
 * opens a plan's ceasing page from its reviews, sees the start form's error summary, and reads the demo's plans in
 * each state: being considered, decided and in force while the family can appeal (with their rights), stopped, kept
 * after consulting, and moved to another council (sent late, and not yet sent).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

describe('stopping a plan and moving it, in a browser', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (page: Page, planId: string) => {
    await page.goto(`${server.baseUrl}/ceasing/plans/${planId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Stopping the plan or transferring it');
  };

  it("a caseworker reaches the page from a plan's reviews and reads each demo state", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/reviews`);
    await page.locator('tbody tr').first().locator('a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Annual reviews');
    await page.getByRole('link', { name: 'Stopping the plan or transferring it' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Stopping the plan or transferring it');
    await expectAccessible(page, 'a plan with no ceasing procedure');
    await page.getByRole('button', { name: 'Start considering it' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page, 'the start form with its error summary');

    const db = server.database.db;
    const cessations = await db
      .selectFrom('plan_cessation')
      .select(['plan_id', 'decision', 'ceased_on'])
      .orderBy('plan_id')
      .execute();
    const considering = cessations.find((c) => c.decision === null)!;
    const inForce = cessations.find((c) => c.decision === 'cease' && c.ceased_on === null)!;
    const ceased = cessations.find((c) => c.ceased_on !== null)!;
    const kept = cessations.find((c) => c.decision === 'not-cease')!;
    await open(page, considering.plan_id);
    expect(await page.getByRole('button', { name: 'Record the consultation' }).count()).toBe(1);
    await expectAccessible(page, 'a plan being considered for stopping');
    await open(page, inForce.plan_id);
    expect(await page.locator('[data-rights-item="appeal-deadline"]').count()).toBe(1);
    await expectAccessible(page, 'a decision to stop, in the appeal window');
    await open(page, ceased.plan_id);
    expect(await page.getByText('This plan has stopped.').count()).toBe(1);
    await expectAccessible(page, 'a stopped plan');
    await open(page, kept.plan_id);
    await expectAccessible(page, 'a plan kept after consulting');

    const moves = await db
      .selectFrom('plan_transfer_out')
      .select(['plan_id', 'sent_on'])
      .orderBy('plan_id')
      .execute();
    await open(page, moves.find((m) => m.sent_on !== null)!.plan_id);
    await expectAccessible(page, 'a plan sent to another council');
    await open(page, moves.find((m) => m.sent_on === null)!.plan_id);
    await page.getByText('Update the move').click();
    await page.getByLabel('The council the child is moving to').fill('');
    await page.getByRole('button', { name: 'Record the move' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page, 'a move with its error summary');
    await context.close();
  }, 180_000);
});
