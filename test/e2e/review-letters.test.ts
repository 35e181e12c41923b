/**
 * Plans transferred in and the review's letters in a real browser, with axe (embedded database): a caseworker opens
 * the reviews of a plan the demo has transferred in from another council (the council, the family's notice with its
 * rule, the next review by the 3 months of reg 15(5)) and its arrange page; then each kind of letter about a plan
 * (a review's decision to keep the plan, with the rights block, and to amend it; the notice of a transfer in; a
 * decision to stop a plan), reached from the plan's reviews and ceasing pages; and a child's record leading to the
 * plan's reviews and to an amendment whose section I names a setting not consulted (the block with its rule).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

describe('transfers in and review letters in a browser', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a caseworker reads a plan transferred in from another council, and its arrange page', async () => {
    const transfer = await server.database.db
      .selectFrom('plan_review_transfer_in')
      .select(['plan_id', 'from_authority'])
      .where('la_code', '=', DEMO_LA_CODE)
      .where('notice_sent', 'is', null)
      .orderBy('transferred_on', 'desc')
      .executeTakeFirstOrThrow();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/reviews/plans/${transfer.plan_id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Annual reviews');
    expect(await page.locator('main').textContent()).toContain(transfer.from_authority);
    await expectAccessible(page, 'the reviews of a plan transferred in');
    await page.goto(`${server.baseUrl}/reviews/plans/${transfer.plan_id}/arrange`);
    expect(await page.locator('main').textContent()).toContain('reg 15(5)');
    await expectAccessible(page, 'arranging the review after a transfer in');
    await context.close();
  }, 180_000);

  it("a caseworker reads each kind of letter about a plan, reached from the plan's pages", async () => {
    const db = server.database.db;
    const maintain = await db
      .selectFrom('plan_review')
      .select(['id', 'plan_id'])
      .where('la_code', '=', DEMO_LA_CODE)
      .where('decision', '=', 'maintain')
      .where('decision_date', '>=', '2019-01-01')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const amend = await db
      .selectFrom('plan_review')
      .select(['id', 'plan_id'])
      .where('la_code', '=', DEMO_LA_CODE)
      .where('decision', '=', 'amend')
      .where('decision_date', '>=', '2019-01-01')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const told = await db
      .selectFrom('plan_review_transfer_in')
      .select('plan_id')
      .where('la_code', '=', DEMO_LA_CODE)
      .where('notice_sent', 'is not', null)
      .orderBy('plan_id')
      .executeTakeFirstOrThrow();
    const cease = await db
      .selectFrom('plan_cessation')
      .select(['id', 'plan_id'])
      .where('la_code', '=', DEMO_LA_CODE)
      .where('decision', '=', 'cease')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/reviews/plans/${maintain.plan_id}`);
    await page.locator(`a[href="/letters/review-decision/${maintain.id}"]`).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('as it is');
    expect(await page.locator('[data-rights-item="appeal-deadline"]').count()).toBe(1);
    await expectAccessible(page, "a review's decision to keep the plan");
    await page.goto(`${server.baseUrl}/letters/review-decision/${amend.id}`);
    await expectAccessible(page, "a review's decision to amend the plan");
    await page.goto(`${server.baseUrl}/reviews/plans/${told.plan_id}`);
    await page.getByRole('link', { name: 'The notice to the family' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('has transferred to us');
    await expectAccessible(page, 'the notice of a plan transferred in');
    await page.goto(`${server.baseUrl}/ceasing/plans/${cease.plan_id}`);
    await page.locator(`a[href="/letters/to-cease/${cease.id}"]`).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('stop');
    await expectAccessible(page, 'a decision to stop a plan');
    await context.close();
  }, 180_000);

  it("a caseworker follows a child's record to the plan's reviews, and sees section I checked on an amendment", async () => {
    const db = server.database.db;
    const amendment = await db
      .selectFrom('plan_amendment as a')
      .innerJoin('ehc_plan as p', (j) =>
        j.onRef('p.id', '=', 'a.plan_id').onRef('p.la_code', '=', 'a.la_code'),
      )
      .select(['a.plan_id', 'a.child_id', 'p.placement_setting_id'])
      .where('a.la_code', '=', DEMO_LA_CODE)
      .where('a.proposal_sent', 'is not', null)
      .where('a.amended_issued', 'is', null)
      .where('a.not_amended_on', 'is', null)
      .orderBy('a.proposal_sent')
      .executeTakeFirstOrThrow();
    const other = await db
      .selectFrom('setting')
      .select('id')
      .where('la_code', '=', DEMO_LA_CODE)
      .where('id', '!=', amendment.placement_setting_id ?? '')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('ehc_plan')
      .set({ placement_setting_id: other.id })
      .where('la_code', '=', DEMO_LA_CODE)
      .where('id', '=', amendment.plan_id)
      .execute();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/children/${amendment.child_id}`);
    await page.getByRole('link', { name: 'Amendments to the plan' }).first().click();
    await expect.poll(() => page.locator('[data-section-i]').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'an amendment whose section I names a setting not consulted');
    await page.goto(`${server.baseUrl}/children/${amendment.child_id}`);
    await page.getByRole('link', { name: "The plan's reviews" }).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Annual reviews');
    await expectAccessible(page, "a plan's reviews reached from the child's record");
    await context.close();
  }, 180_000);
});
