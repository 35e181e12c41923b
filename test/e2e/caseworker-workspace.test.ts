/**
 * The caseworker's first screen at 1280 px (issue 18 item 3): the workspace table fits its page with nothing behind a
 * sideways scroll, and each row's name, reference and setting are legible: the reference and setting on their own
 * line under the name, never glued to it ("Ismail MahmoodGT-001284").
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
import { readingProblems } from '../helpers/readable.ts';

describe("the caseworker's workspace at 1280 px (pglite)", () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fits the page, with name, reference and setting legible on each row', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    await expectAccessible(page, 'caseworker home at 1280');
    expect(await readingProblems(page)).toEqual([]);
    // The first cell of each row of the workspace's tables: the child's name (a link) and the reference under it.
    const cells = page.locator('main tbody td:first-child:has(> a):has(> .govuk-hint)');
    expect(await cells.count()).toBeGreaterThan(0);
    // Each wrapper shows its whole table: nothing sits behind a sideways scroll.
    const hidden: number = await page.evaluate(
      "Math.max(0, ...[...document.querySelectorAll('main .app-table-wrapper')].map((w) => w.scrollWidth - w.clientWidth))",
    );
    expect(hidden).toBeLessThanOrEqual(1);
    for (let i = 0; i < Math.min(5, await cells.count()); i++) {
      const cell = cells.nth(i);
      const name = await cell.locator('> a').first().boundingBox();
      const hint = cell.locator('> .govuk-hint').first();
      const under = await hint.boundingBox();
      expect(name && under, `row ${i}`).toBeTruthy();
      expect(under!.y, `row ${i}: the reference starts below the name`).toBeGreaterThanOrEqual(
        name!.y + name!.height - 1,
      );
      expect(await hint.textContent()).toMatch(/^GT-\d{6}/);
      expect(name!.width).toBeGreaterThan(40);
    }
    await context.close();
  });
});
