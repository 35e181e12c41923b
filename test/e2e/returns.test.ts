/**
 * The returns in a real browser, with axe on every page (embedded database): a SEND leader lands on their home
 * page, follows the menu to the returns, downloads the inspection list (CSV and XLSX), makes the SEN2 return and
 * waits for it on its progress page, then downloads it; the administrator checks a return before reading it in.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { INSPECTION_COLUMNS } from '../../src/domain/sen2/index.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

describe('returns and the inspection list in a browser', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a leader downloads the inspection list and makes the SEN2 return', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'leader@demo.example', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Returns', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Returns and inspection data');
    await expectAccessible(page, 'returns');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /with an EHC plan \(CSV\)/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^inspection-list-ehc-plans-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await readFile(await csv.path())).toString();
    expect(text.split('\r\n')[0]).toBe(
      INSPECTION_COLUMNS.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','),
    );
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /\(XLSX\)/ }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    await page.getByRole('button', { name: 'Make the SEN2 return' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^SEN2 return for/);
    expect(await page.locator('main').textContent()).toMatch(/Waiting to start/);
    await expectAccessible(page, 'SEN2 return progress');
    // The service's workers are off in tests: run the export job now, as a worker would.
    expect(await server.service.jobs.runPending('sen2-export')).toBe(1);
    await page.getByRole('link', { name: 'Check again' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Ready/);
    await expectAccessible(page, 'SEN2 return ready, with its check');
    const [sen2] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download the SEN2 return/ }).click(),
    ]);
    expect((await readFile(await sen2.path())).toString()).toMatch(/^Module,PersonID,RequestNo,PlanNo,/);
    await context.close();
  }, 180_000);

  it('the administrator checks a return before reading it in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'admin@demo.example', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Read in a SEN2 return' }).first().click();
    await expectAccessible(page, 'read in a SEN2 return');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toMatch(/Choose the SEN2 return file/);
    await expectAccessible(page, 'read in a SEN2 return, with an error');
    await context.close();
  }, 120_000);
});
