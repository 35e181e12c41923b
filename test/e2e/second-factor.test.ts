/**
 * The second factor in a real browser, with axe on every page (issue 19 item 3; embedded database, demo mode): the
 * administrator's password leads to the code page (the demo shows its code), a wrong code and a wrong recovery code
 * show the error summary, the code signs in; the administrator opens a caseworker's second factor and resets it; the
 * caseworker then sets up a new one (key as text and QR code) and sees the recovery codes; a parent opens their
 * settings and the set-up page.
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
import { nextCode } from '../helpers/second-factor.ts';

describe('the second factor in a browser', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function password(page: Page, email: string) {
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('an administrator gives the code, then resets a caseworker’s second factor; the caseworker sets up a new one', async () => {
    const page = await (await browser.newContext()).newPage();
    await password(page, 'admin@demo.example');
    await page.waitForURL(/\/second-factor\?returnTo=/);
    expect(await page.locator('#demo-code').textContent()).toMatch(/the code now is \d{6}/);
    await expectAccessible(page, 'second factor: the code');
    // Any page is the step until the code is given.
    await page.goto(`${server.baseUrl}/admin/users`);
    await page.waitForURL(/\/second-factor\?returnTo=%2Fadmin%2Fusers/);
    await page.getByLabel('Enter the code from your authenticator app').fill('12');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toContain('The code must be 6 digits');
    await expectAccessible(page, 'second factor: the code, with an error');
    await page.getByRole('link', { name: 'Use a recovery code' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toContain('Enter one of your recovery codes');
    await expectAccessible(page, 'second factor: a recovery code, with an error');
    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByLabel('Enter the code from your authenticator app').fill(nextCode());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${server.baseUrl}/admin/users`);

    await page.goto(`${server.baseUrl}/admin/users?q=caseworker%40demo.example`);
    await page.getByRole('link', { name: 'Hannah Lockwood', exact: true }).click();
    await page.getByRole('link', { name: /Second factor/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Second factor: /);
    await expectAccessible(page, 'second factor: an administrator’s view');
    await page.getByRole('button', { name: 'Reset second factor' }).click();
    await expect
      .poll(() => page.locator('.govuk-notification-banner').textContent())
      .toContain('Second factor reset.');
    await expectAccessible(page, 'second factor: reset');

    const caseworker = await (await browser.newContext()).newPage();
    await password(caseworker, 'caseworker@demo.example');
    await caseworker.waitForURL(/\/second-factor\/set-up/);
    const key = ((await caseworker.locator('#secret-key').textContent()) ?? '').replace(/\s/g, '');
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(await caseworker.getByRole('img', { name: /QR code/ }).count()).toBe(1);
    await expectAccessible(caseworker, 'second factor: set-up');
    await caseworker.getByLabel('Code from your app').fill('000');
    await caseworker.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => caseworker.locator('.govuk-error-summary').textContent()).toContain('6 digits');
    await expectAccessible(caseworker, 'second factor: set-up, with an error');
    await caseworker.getByLabel('Code from your app').fill(nextCode(key));
    await caseworker.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => caseworker.locator('h1').textContent()).toBe('Save your recovery codes');
    expect(await caseworker.locator('#recovery-codes li').count()).toBe(10);
    await expectAccessible(caseworker, 'second factor: recovery codes');
    await caseworker.getByRole('link', { name: /I have saved my codes/ }).click();
    await caseworker.waitForURL(`${server.baseUrl}/`);
  });

  it('a parent finds the second factor offered, and its set-up page', async () => {
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, server.baseUrl, 'parent@demo.example', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Your second factor' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your second factor');
    await expectAccessible(page, 'second factor: settings');
    await page.getByRole('link', { name: 'Set up an authenticator app' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Set up your authenticator app');
    await expectAccessible(page, 'second factor: a family’s set-up');
  });
});
