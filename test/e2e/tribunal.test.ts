/**
 * Mediation and tribunal appeals in a real browser, on the demo (embedded database only: what depends on the engine
 * is covered on both by src/features/tribunal/tribunal.test.ts). The caseworker sees the council's tribunal dates on
 * their first screen (the demo's late order to amend), opens the list and a disagreement, records one from a letter
 * (the error summary first, what they typed kept), and opens the mediation, agreement and appeal forms; the parent
 * reads their page on a phone (375 px) without sideways scrolling. axe checks WCAG 2.2 A and AA on every page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, useDemoBrowser } from '../helpers/browser.ts';

async function expectNoSidewaysScroll(page: Page, label: string) {
  const [scroll, client] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  expect(scroll, `sideways scrolling on ${label}`).toBeLessThanOrEqual(client);
}

describe('mediation and tribunal appeals in a browser on pglite', () => {
  const d = useDemoBrowser('pglite');

  it('the caseworker sees the dates, records a disagreement from a letter and opens its forms; the parent reads theirs on a phone', async () => {
    const c = await d.signedIn('caseworker@demo.example');
    const staff = c.context();
    await c.goto(`${d.baseUrl}/`);
    await expect.poll(() => c.locator('body').textContent()).toContain('Mediation and tribunal dates');
    expect(await c.locator('body').textContent()).toContain('Issue the amended plan');
    await expectAccessible(c, 'caseworker home with tribunal dates');

    await c.getByRole('link', { name: 'Mediation and appeals' }).first().click();
    await c.waitForURL(/\/tribunal$/);
    await expectAccessible(c, 'the list');
    const reference = ((await c.locator('table .govuk-body-s').first().textContent()) ?? '').trim();
    expect(reference).toMatch(/\S/);
    await c.locator('table a.govuk-link').first().click();
    await c.waitForURL(/\/tribunal\/[0-9a-f-]+$/);
    await expectAccessible(c, 'a disagreement');

    await c.goto(`${d.baseUrl}/tribunal/new`);
    await expectAccessible(c, 'record a disagreement');
    await c.getByLabel("Child's reference").fill(reference);
    await c.getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => c.title()).toMatch(/^Error: /);
    await expectAccessible(c, 'record a disagreement, with errors');
    expect(await c.getByLabel("Child's reference").inputValue()).toBe(reference);
    await c.getByLabel('To cease the EHC plan').check();
    const sent = c.getByRole('group', { name: 'Date the decision was sent' });
    await sent.getByLabel('Day').fill('2');
    await sent.getByLabel('Month').fill('3');
    await sent.getByLabel('Year').fill('2026');
    await c.getByRole('button', { name: 'Record' }).click();
    await c.waitForURL(/\/tribunal\/[0-9a-f-]+\?done=recorded/);
    await expect.poll(() => c.locator('body').textContent()).toContain('5 May 2026');
    await expectAccessible(c, 'the recorded disagreement');
    for (const [link, label] of [
      ['Mediation: the adviser', 'mediation'],
      ['A mediation agreement', 'agreement'],
      ['The appeal: registered', 'appeal'],
    ] as const) {
      await c.getByRole('link', { name: new RegExp(link) }).click();
      await c.waitForURL(new RegExp(`/${label}$`));
      await expectAccessible(c, `the ${label} form`);
      await c.goBack();
    }
    await staff.close();

    const p = await d.signedIn('parent@demo.example', { viewport: { width: 375, height: 740 } });
    const phone = p.context();
    await p.goto(`${d.baseUrl}/`);
    await p.getByRole('link', { name: /See your dates/ }).click();
    await p.waitForURL(/\/your-appeals$/);
    await expect.poll(() => p.locator('body').textContent()).toContain('The council is late on');
    await expectAccessible(p, 'the family page');
    await expectNoSidewaysScroll(p, 'the family page');
    await phone.close();
  }, 240_000);
});
