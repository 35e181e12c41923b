/**
 * Rights in every decision in a real browser, with axe on every page (embedded database): the administrator keeps
 * the rights contacts (the form, its error summary, the saved page); a caseworker reads each kind of decision notice
 * the demo has (the decision to assess, the refusal, the no-plan decision) from the case page.
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

describe('rights contacts and decision notices in a browser', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the administrator keeps the rights contacts', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'admin@demo.example', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Rights contacts', exact: true }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Rights contacts and who is told of decisions');
    await expectAccessible(page, 'rights contacts');
    expect(await page.getByLabel('Name').first().inputValue()).toBe('Moorside Mediation (fictional)');

    await page.getByLabel('Name').first().fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toContain('Enter the name of the mediation adviser');
    await expectAccessible(page, 'rights contacts with an error');

    await page.getByLabel('Name').first().fill('Moorside Mediation (fictional)');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('The rights contacts are saved');
    await expectAccessible(page, 'rights contacts saved');
    await context.close();
  });

  it('a caseworker reads every kind of decision notice the demo has', async () => {
    const db = server.database.db;
    const pick = (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
      where(base()).executeTakeFirst();
    const base = () =>
      db.selectFrom('assessment_case').select('id').where('la_code', '=', '999').orderBy('id').limit(1);
    const cases = {
      'decision-to-assess': await pick((q) => q.where('decision_outcome', '=', 'assess')),
      'not-to-assess': await pick((q) => q.where('decision_outcome', '=', 'not-assess')),
      'not-to-issue': await pick((q) => q.where('outcome', '=', 'no-plan')),
    };
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    // The demo issues no final plans through the journey: the final plan's notice is read in consultation.test.ts.
    expect(cases['decision-to-assess'] && cases['not-to-assess']).toBeTruthy();
    for (const [kind, found] of Object.entries(cases)) {
      if (!found) continue;
      const id = found.id;
      await page.goto(`${server.baseUrl}/assessments/${id}`);
      await page.locator(`a[href="/notices/${id}/${kind}"]`).click();
      await expect.poll(() => page.locator('.govuk-caption-m').textContent()).toMatch(/Decision|plan/);
      if (kind !== 'decision-to-assess')
        expect(await page.locator('main').textContent()).toContain('The last day to appeal is');
      await expectAccessible(page, `${kind} notice`);
    }
    await context.close();
  });

  it('a SENCO opens their organisation’s inbox of decisions', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'senco@demo.example', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Decisions sent to you', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Decisions sent to you');
    await expectAccessible(page, 'inbox');
    await context.close();
  });
});
