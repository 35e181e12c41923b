/**
 * The voices before a review meeting in a real browser, with axe (embedded database): the parent on a phone (375
 * pixels) opens their child's review from their first screen, writes their views, saves a draft, meets the error
 * summary, switches to easy read and sends; the young person on a 320-pixel phone opens their own views; the
 * caseworker reads the views and asks for advice (with the error summary); the professional on a phone finds the
 * request on their first screen and answers it (with the error summary). No page scrolls sideways.
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

const noSidewaysScroll = async (page: Page, width: number) =>
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

describe('review voices in a browser', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const phone = async (email: string, width: number) => {
    const context = await browser.newContext({ viewport: { width, height: 740 }, isMobile: true });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, email, DEMO_PASSWORD);
    return { context, page };
  };

  it('the parent gives their views on a phone, with a draft, the error summary and easy read', async () => {
    const { context, page } = await phone('parent@demo.example', 375);
    await expect.poll(() => page.getByRole('heading', { name: 'Annual review' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'parent home with the review');
    await noSidewaysScroll(page, 375);

    await page.getByRole('link', { name: 'See the review and what we ask of you' }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'What we ask of you' }).count()).toBe(1);
    await expectAccessible(page, "the family's review page");
    await noSidewaysScroll(page, 375);

    await page.getByRole('link', { name: 'Your views' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your views');
    await expectAccessible(page, 'the views form');
    await noSidewaysScroll(page, 375);
    await page.getByLabel('What has changed since the last review?').fill('A new teaching assistant.');
    await page.getByRole('button', { name: 'Save and come back later' }).click();
    await expect.poll(() => page.locator('.govuk-notification-banner').count()).toBe(1);
    await expectAccessible(page, 'the views form, saved');
    expect(await page.getByLabel('What has changed since the last review?').inputValue()).toBe(
      'A new teaching assistant.',
    );

    await page.getByRole('link', { name: 'Use the easy read version' }).click();
    await expect.poll(() => page.getByLabel('What is good?').count()).toBe(1);
    await expectAccessible(page, 'the views form, easy read');
    await noSidewaysScroll(page, 375);
    await page.getByLabel('What is good?').fill('x'.repeat(5001));
    await page.getByRole('button', { name: 'Send my views' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page, 'the views form with the error summary');
    await noSidewaysScroll(page, 375);
    await page.getByLabel('What is good?').fill('Reading with his dad.');
    await page.getByRole('button', { name: 'Send my views' }).click();
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('Thank you');
    await expectAccessible(page, "the family's review page, views sent");
    await context.close();
  }, 180_000);

  it('the young person opens their own views on a 320-pixel phone', async () => {
    const { context, page } = await phone('youngperson@demo.example', 320);
    await page.getByRole('link', { name: 'See the review and what we ask of you' }).first().click();
    await page.getByRole('link', { name: 'Your views' }).click();
    await expect.poll(() => page.getByLabel('What are your hopes for the future?').count()).toBe(1);
    await expectAccessible(page, "the young person's views form");
    await noSidewaysScroll(page, 320);
    await context.close();
  }, 120_000);

  it('the caseworker reads the views and asks for advice; the professional answers on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    const parent = await phone('parent@demo.example', 375);
    await parent.page.getByRole('link', { name: 'See the review and what we ask of you' }).first().click();
    const reviewUrl = parent.page.url();
    await parent.context.close();
    const reviewId = /your-review\/([0-9a-f-]{36})/.exec(reviewUrl)![1]!;
    await page.goto(`${server.baseUrl}/reviews/${reviewId}/ask-advice`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ask for advice for the review');
    await expectAccessible(page, 'ask for advice');
    await page.getByRole('button', { name: 'Ask for advice' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page, 'ask for advice with the error summary');
    await page.getByLabel('Other advice').check();
    const value = await page.locator('#professionalId option').nth(1).getAttribute('value');
    await page.getByLabel('Who to ask').selectOption(value);
    await page.getByRole('button', { name: 'Ask for advice' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Annual reviews');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Views from the family' }).count())
      .toBeGreaterThan(0);
    await expectAccessible(page, "a plan's reviews with views and advice");
    await noSidewaysScroll(page, 1280);
    await context.close();

    const pro = await phone('ep@demo.example', 390);
    await expect
      .poll(() => pro.page.getByRole('heading', { name: 'Advice asked of you for reviews' }).count())
      .toBe(1);
    await expectAccessible(pro.page, 'professional home with review advice');
    await noSidewaysScroll(pro.page, 390);
    await pro.page.getByRole('link', { name: 'See all your review advice requests' }).click();
    await expectAccessible(pro.page, 'review advice list');
    await noSidewaysScroll(pro.page, 390);
    await pro.page.locator('tbody tr').first().locator('a').first().click();
    await expect.poll(() => pro.page.locator('h1').textContent()).toContain('advice for the annual review');
    await expectAccessible(pro.page, 'review advice task');
    await noSidewaysScroll(pro.page, 390);
    if ((await pro.page.getByRole('button', { name: 'Send advice' }).count()) > 0) {
      await pro.page.getByRole('button', { name: 'Send advice' }).click();
      await expect.poll(() => pro.page.locator('.govuk-error-summary').count()).toBe(1);
      await expectAccessible(pro.page, 'review advice task with the error summary');
      await noSidewaysScroll(pro.page, 390);
      await pro.page.getByLabel('Progress towards the outcomes in the plan').fill('Steady progress.');
      await pro.page.getByLabel('Changes you recommend to the plan').fill('None.');
      await pro.page.getByRole('button', { name: 'Send advice' }).click();
      await expect.poll(() => pro.page.locator('.govuk-notification-banner').count()).toBe(1);
      await expectAccessible(pro.page, 'review advice sent');
    }
    await pro.context.close();
  }, 240_000);
});
