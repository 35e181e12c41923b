/**
 * The "confirm an exception" (J10) and "close the request" forms in a real browser, with axe on each page as it
 * first shows and again with the error summary: a demo caseworker confirms an exception the clock says can qualify,
 * and closes a request as withdrawn. One engine (PGlite): the forms do not depend on it (the route tests run both).
 */
import type { Browser, Page } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

describe('the confirm-exception and close-request forms in a browser (pglite)', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
    page = await (await browser.newContext()).newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Open demo requests being assessed with no exception, newest first. */
  async function openCases(): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      select a.id from assessment_case a
      where a.is_open and a.decision_outcome = 'assess'
        and not exists (select 1 from assessment_exception e where e.la_code = a.la_code and e.case_id = a.id)
      order by a.request_received desc, a.id`.execute(server.database.db);
    return rows.rows.map((r) => r.id);
  }

  it('confirms an exception: the form and its errors are accessible, and the case says it was confirmed', async () => {
    // The oldest open request being assessed, with a recorded absence from the area of over 4 weeks inside its 20
    // weeks, not yet confirmed: the clock says it can qualify (recording one is the exception form's own test).
    const kase = await sql<{ id: string; from: string; to: string }>`
      select id, (request_received + 10)::text as "from", (request_received + 45)::text as "to"
      from assessment_case where is_open and decision_outcome = 'assess' and kind = 'initial'
      order by request_received, id limit 1`.execute(server.database.db);
    const { id: caseId, from, to } = kase.rows[0]!;
    await sql`insert into assessment_exception (la_code, case_id, kind, from_date, to_date, reason, applies_to)
      values ('999', ${caseId}, 'absence-from-area', ${from}::date, ${to}::date,
        'The family were staying with relatives abroad.', '[]')`.execute(server.database.db);
    await page.goto(`${server.baseUrl}/assessments/${caseId}/confirm-exception`);
    expect(await page.locator('input[name="exception"]').count()).toBe(1);
    await expectAccessible(page, 'confirm exception');
    await page.getByRole('button', { name: 'Confirm and tell the family' }).click();
    await page.waitForLoadState('domcontentloaded');
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toMatch(/Select the exception/);
    await expectAccessible(page, 'confirm exception with errors');
    await page.locator('input[name="exception"]').first().check();
    await page
      .getByLabel('How it held up the step, in words the family will read')
      .fill('The family were away, so the advice could not be gathered in time.');
    await page.getByRole('button', { name: 'Confirm and tell the family' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toContain('done=exception-confirmed');
    await expectAccessible(page, 'case page, exception confirmed');
  });

  it('closes a request as withdrawn: the form and its errors are accessible, and the case is closed', async () => {
    const caseId = (await openCases())[0]!;
    await page.goto(`${server.baseUrl}/assessments/${caseId}/close`);
    await expectAccessible(page, 'close request');
    await page.getByLabel('Notes (optional)').fill('The parent phoned.');
    await page.getByRole('button', { name: 'Close the request and tell the family' }).click();
    await page.waitForLoadState('domcontentloaded');
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toMatch(/Select why the request is closing/);
    expect(await page.getByLabel('Notes (optional)').inputValue()).toBe('The parent phoned.');
    await expectAccessible(page, 'close request with errors');
    await page.getByLabel('The request was withdrawn').check();
    await page.getByRole('button', { name: 'Close the request and tell the family' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toContain('done=closed');
    await expect.poll(() => page.locator('main').textContent()).toMatch(/withdrawn/i);
    await expectAccessible(page, 'case page, closed');
  });
});
