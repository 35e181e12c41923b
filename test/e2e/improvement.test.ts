/**
 * The improvement plan tracker in a real browser, on the demo (embedded database only, to stay quick): an officer who
 * owns an action posts an update with evidence, including an uploaded file, and sees it in the action's history; a
 * manager makes the board pack for a meeting date and downloads it as a Word document, then imports a plan from an
 * uploaded CSV file (refused for another kind of file, then previewed and saved); a member of the public, not signed
 * in, reads the families' page. axe checks WCAG 2.2 A and AA on every page visited.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { todayInLondon } from '../../src/platform/web/views.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

describe('the improvement plan in a browser on pglite', () => {
  let server: DemoServer;
  let browser: Browser;
  const today = todayInLondon();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an officer posts an update with evidence and a file on an action they own, and sees it in the history', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // leader@ is the plan's "Head of SEND", an accountable officer for actions of their own.
    await signInAs(page, server.baseUrl, 'leader@demo.example', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/improvement/my-actions`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your actions');
    await expectAccessible(page, 'your actions');

    // Filter to actions on track, then open the first.
    await page.getByLabel('Status').selectOption('on-track');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=on-track/);
    await expectAccessible(page, 'your actions, filtered');
    await page.locator('table a[href^="/improvement/actions/"]').first().click();
    await page.waitForURL(/\/improvement\/actions\//);
    const actionUrl = page.url();
    await expectAccessible(page, 'action');

    // Choosing "A file" without a file is refused accessibly, keeping what was typed.
    const form = page.locator('form[enctype="multipart/form-data"]');
    await form.getByLabel('What has happened since the last update?').fill('Audit of 30 plans done.');
    await form.getByLabel('A file, such as an audit report or a spreadsheet').check();
    await form.getByLabel('Describe the evidence').fill('Audit of plans, March');
    await form.getByRole('button', { name: 'Save the update' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toMatch(/Select a file/);
    expect(await form.getByLabel('What has happened since the last update?').inputValue()).toBe(
      'Audit of 30 plans done.',
    );
    await expectAccessible(page, 'action with errors');

    await form.getByLabel('Upload a file').setInputFiles({
      name: 'audit-march.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('plan,checked,outcome\r\nP1,yes,good\r\nP2,yes,needs work\r\n'),
    });
    await form.getByRole('button', { name: 'Save the update' }).click();
    await page.waitForURL(/saved=1/);
    expect(page.url().startsWith(actionUrl)).toBe(true);
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toMatch(/Your update has been saved/);
    const history = page.locator('ol.app-history > li').first();
    expect(await history.textContent()).toMatch(/Audit of 30 plans done\./);
    expect(await history.textContent()).toMatch(/Audit of plans, March/);
    await expectAccessible(page, 'action after the update');

    // The file comes back as a download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      history.getByRole('link', { name: /download audit-march\.csv/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('audit-march.csv');
    expect((await readFile(await download.path())).toString()).toContain('P2,yes,needs work');

    // The plan's actions, paged and filtered.
    await page.goto(`${server.baseUrl}/improvement`);
    await page.locator('main a[href^="/improvement/plans/"]').first().click();
    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Actions');
    await expectAccessible(page, 'plan actions');
    await page.getByRole('link', { name: /Next/ }).first().click();
    await page.waitForURL(/page=2/);
    await expectAccessible(page, 'plan actions, page 2');
    await context.close();
  }, 120_000);

  it('a manager makes the board pack for a meeting date, as a page and a Word document', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'manager@demo.example', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/improvement`);
    await expectAccessible(page, 'plans');
    await page.locator('main a[href^="/improvement/plans/"]').first().click();
    await expectAccessible(page, 'plan overview');
    await page.getByRole('link', { name: 'Report packs' }).click();
    await expectAccessible(page, 'report packs');

    const [year, month, day] = today.split('-');
    await page.getByLabel('Day').fill(String(Number(day)));
    await page.getByLabel('Month').fill(String(Number(month)));
    await page.getByLabel('Year').fill(year!);
    await page.getByLabel('Improvement board').check();
    await page.getByRole('button', { name: 'Make the report pack' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/board/i);
    await expectAccessible(page, 'board pack');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download this pack as a Word document/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-board-\d{4}-\d{2}-\d{2}\.docx$/);
    const docx = await readFile(await download.path());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.length).toBeGreaterThan(2000);

    // Importing a plan from an uploaded CSV file: refused accessibly for another kind of file, then previewed.
    await page.goto(`${server.baseUrl}/improvement/import`);
    await expectAccessible(page, 'import');
    await page.getByLabel('Title of the plan').fill('Uploaded priority action plan');
    await page.getByLabel('Priority action plan').check();
    await page.getByLabel('Upload the plan as a CSV file').setInputFiles({
      name: 'plan.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('PK\u0003\u0004'),
    });
    await page.getByRole('button', { name: 'Check the plan' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toMatch(/must be a CSV/);
    await expectAccessible(page, 'import with errors');
    await page.getByLabel('Upload the plan as a CSV file').setInputFiles({
      name: 'plan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'ref,action,owner,end,status\r\n1 A,Write the early help guide,Head of SEND,Mar 2025,Complete\r\n1 B,Train settings,Head of SEND,On-going,Purple\r\n',
      ),
    });
    await page.getByRole('button', { name: 'Check the plan' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/Check the plan before you import it/);
    await expectAccessible(page, 'import preview from a file');
    // "Purple" is not a status: the row is imported all the same, with a note, and the notes stay with the plan.
    await page.getByRole('button', { name: 'Import 2 actions' }).click();
    await page.waitForURL(/\/improvement\/plans\/[0-9a-f-]{36}\?imported=1$/);
    await expect
      .poll(() => page.locator('.govuk-notification-banner').textContent())
      .toMatch(/The plan was imported: 2 actions with 1 note to check below/);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/"Purple" is not a status we know/);
    await expectAccessible(page, 'plan after an import, with its notes');
    await context.close();
  }, 120_000);

  it("a member of the public reads the families' page without signing in", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/plan-progress`);
    await expectAccessible(page, 'plan progress index');
    await page.locator('main a[href^="/plan-progress/"]').first().click();
    await page.waitForURL(/\/plan-progress\/\d{3}$/);
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('How we are making help for children with SEND better');
    expect(await page.locator('main').textContent()).toMatch(/What we did each quarter/);
    await expectAccessible(page, "families' page");
    await context.close();
  }, 60_000);
});
