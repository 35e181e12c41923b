/**
 * Personal budgets in a real browser, on the demo (embedded database only: what depends on the engine is covered on
 * both by src/features/personal-budgets/personal-budgets.test.ts). The caseworker opens the list, a request in
 * every kind of state, each step's form, and records a request from a call (the error summary first, what they
 * typed kept); the parent reads their page and asks for a personal budget on a 320 px phone without sideways
 * scrolling. axe checks WCAG 2.2 A and AA on every page.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll, useDemoBrowser } from '../helpers/browser.ts';

async function hrefsOf(links: Locator): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < (await links.count()); i++) out.push((await links.nth(i).getAttribute('href')) ?? '');
  return out.filter(Boolean);
}

describe('personal budgets in a browser on pglite', () => {
  const d = useDemoBrowser('pglite');

  it('the caseworker opens every request and form and records one; the parent asks on a phone', async () => {
    const c = await d.signedIn('caseworker@demo.example');
    const staff = c.context();
    await c.goto(`${d.baseUrl}/`);
    await c.getByRole('link', { name: 'Personal budgets' }).first().click();
    await c.waitForURL(/\/personal-budgets$/);
    await expectAccessible(c, 'the list');
    const hrefs = await hrefsOf(c.locator('table a.govuk-link'));
    expect(hrefs.length).toBeGreaterThanOrEqual(10);
    const forms = new Set<string>();
    for (const href of hrefs) {
      await c.goto(`${d.baseUrl}${href}`);
      await expectAccessible(c, href);
      const links = await hrefsOf(c.locator('main ul.govuk-list a'));
      for (const f of links) {
        const name = f.split('/').at(-1)!;
        if (forms.has(name)) continue;
        forms.add(name);
        await c.goto(`${d.baseUrl}${f}`);
        await expectAccessible(c, f);
      }
    }
    expect([...forms].sort()).toEqual(
      ['change', 'decision', 'direct-payment', 'monitoring', 'reconsideration', 'refusal-review'].sort(),
    );
    const reference = 'GT-NOT-A-CHILD';
    await c.goto(`${d.baseUrl}/personal-budgets/new`);
    await expectAccessible(c, 'record a request');
    await c.getByLabel("Child's reference").fill(reference);
    await c.getByRole('button', { name: 'Record the request' }).click();
    await expect.poll(() => c.title()).toMatch(/^Error: /);
    await expectAccessible(c, 'record a request, with errors');
    expect(await c.getByLabel("Child's reference").inputValue()).toBe(reference);
    await staff.close();

    const p = await d.signedIn('parent@demo.example', { viewport: { width: 320, height: 740 } });
    const phone = p.context();
    await p.goto(`${d.baseUrl}/`);
    await p.getByRole('link', { name: 'Personal budgets' }).first().click();
    await p.waitForURL(/\/your-personal-budgets$/);
    await expect.poll(() => p.locator('body').textContent()).toContain('Direct payment');
    await expectAccessible(p, 'the family page');
    await expectNoSidewaysScroll(p, 'the family page');
    await p
      .getByRole('link', { name: /Ask for a personal budget/ })
      .first()
      .click();
    await expectAccessible(p, 'the request form');
    await expectNoSidewaysScroll(p, 'the request form');
    await p.getByRole('button', { name: 'Send the request' }).click();
    await expect.poll(() => p.title()).toMatch(/^Error: /);
    await expectAccessible(p, 'the request form, with errors');
    await p.getByLabel('A review of the plan').check();
    await p.getByLabel('Health (section G)').check();
    await p.getByLabel('No, or not sure yet').check();
    await p.getByRole('button', { name: 'Send the request' }).click();
    await p.waitForURL(/\/your-personal-budgets\?done=asked$/);
    await expectAccessible(p, 'the family page after asking');
    await expectNoSidewaysScroll(p, 'the family page after asking');
    await phone.close();
  }, 300_000);
});
