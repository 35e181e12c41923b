/**
 * The advice form autosaves (issue 18 item 4): an adviser types, presses nothing, and after the pause the page's own
 * script (served from /static, no inline script) keeps the words as a draft and says so in a polite live region;
 * reloading the page shows them again. Without the script, "Save as draft" does the same (assessment-journey test).
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

describe('the advice form autosaves in a browser (pglite)', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps what was typed through a reload without any button pressed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') refused.push(m.text());
    });
    await signInAs(page, server.baseUrl, 'ep@demo.example', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/advice`);
    const open = page.locator('tbody tr').filter({ hasNot: page.locator('.govuk-tag--green') });
    await open.first().getByRole('link').click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/Educational psychology/);
    const status = page.locator('[data-autosave-status]');
    expect(await status.getAttribute('role')).toBe('status');

    const words = `Typed and never sent ${Date.now()}: enjoys puzzles, finds group work hard.`;
    await page.getByLabel('My advice').check();
    await page.getByLabel('Cognition and learning').fill(words);
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/Draft saved at \d\d:\d\d\./);
    await expectAccessible(page, 'advice form, draft saved by itself');

    await page.reload();
    expect(await page.getByLabel('Cognition and learning').inputValue()).toBe(words);
    expect(await page.getByLabel('My advice').isChecked()).toBe(true);
    expect(await status.textContent()).toMatch(/Draft saved/);

    // Leaving the page (hidden) saves what was typed since the last pause.
    const more = `${words} More after the pause.`;
    await page.getByLabel('Cognition and learning').fill(more);
    const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 200);
    await page.evaluate(
      "Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });" +
        "document.dispatchEvent(new Event('visibilitychange'));",
    );
    await saved;
    await page.reload();
    expect(await page.getByLabel('Cognition and learning').inputValue()).toBe(more);
    expect(refused).toEqual([]);
    await context.close();
  });
});
