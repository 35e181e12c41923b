/**
 * The register of what families raise in a real browser, on the demo (embedded database only: what depends on the
 * engine is covered on both by src/features/register/register.test.ts). A parent on a phone (375 px) tells the council
 * that support in section F is not being given (the error summary first, what they typed kept); the caseworker sees
 * the s42 task on their first screen, marks it done and answers on time (the item says so); the leader sees it
 * counted under its theme (one more than before) and publishes a "You said, we did" entry, which the public page shows; someone without an account uses the public form at 320 px and reads the
 * published entries; a parent answers the survey after a milestone at 320 px (errors keep what they typed; the
 * second visit says it was answered) and the leader reads the results; a family types the code from their letter at
 * the short address on a 390 px phone (ADR 0057). axe checks WCAG 2.2 A and AA on every page;
 * family and public pages never scroll sideways.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, useDemoBrowser } from '../helpers/browser.ts';
import { DEMO_IMAGE_TODAY } from '../helpers/images.ts';

async function expectNoSidewaysScroll(page: Page, label: string) {
  const [scroll, client] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  expect(scroll, `sideways scrolling on ${label}`).toBeLessThanOrEqual(client);
}

describe('the register in a browser on pglite', () => {
  // The demo's day, so what the demo left open (the parent's survey) is still open.
  const d = useDemoBrowser('pglite', { today: () => DEMO_IMAGE_TODAY });

  /** The leader's count of items under "Provision not delivered" (the theme table on /register/counts). */
  async function provisionCount(page: Page): Promise<number> {
    await page.goto(`${d.baseUrl}/register/counts`);
    const row = page.locator('table').first().locator('tr', { hasText: 'Provision not delivered' });
    return Number((await row.locator('td').nth(1).textContent())?.trim() ?? '0');
  }

  it('a parent on a phone reports provision not delivered; the caseworker sees the task and answers on time; the leader sees it counted under its theme and publishes', async () => {
    const l = await d.signedIn('leader@demo.example');
    const lead = l.context();
    const before = await provisionCount(l);

    const p = await d.signedIn('parent@demo.example', { viewport: { width: 375, height: 740 } });
    const phone = p.context();
    await p.goto(`${d.baseUrl}/your-say`);
    await expectAccessible(p, 'your say');
    await expectNoSidewaysScroll(p, 'your say');
    await p.getByRole('button', { name: 'Tell us something' }).click();
    await p.waitForURL(/\/your-say\/new/);
    await expectAccessible(p, 'tell us something');
    await expectNoSidewaysScroll(p, 'tell us something');
    await p.getByLabel('Support in the plan (section F) is not being given').check();
    await p.getByLabel('Tell us what happened').fill('No occupational therapy this term.');
    await p.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => p.title()).toMatch(/^Error: /);
    await expectAccessible(p, 'tell us something, with errors');
    await expectNoSidewaysScroll(p, 'tell us something, with errors');
    expect(await p.getByLabel('Tell us what happened').inputValue()).toBe(
      'No occupational therapy this term.',
    );
    await p.locator('input[name="childId"]').first().check();
    await p
      .getByLabel('If support in the plan is not being given: which support?')
      .fill('Occupational therapy, fortnightly');
    await p.getByRole('button', { name: 'Send' }).click();
    await p.waitForURL(/\/your-say\/[0-9a-f-]+\?sent=yes/);
    await expect.poll(() => p.locator('.govuk-panel').textContent()).toMatch(/Your reference is FR-/);
    await expectAccessible(p, 'the family item');
    await expectNoSidewaysScroll(p, 'the family item');
    const reference = /FR-\d+/.exec((await p.locator('.govuk-panel').textContent()) ?? '')![0];
    await phone.close();

    const c = await d.signedIn('caseworker@demo.example');
    const staff = c.context();
    await c.goto(`${d.baseUrl}/`);
    await expect.poll(() => c.locator('body').textContent()).toContain(reference);
    await expectAccessible(c, 'caseworker home with the s42 task');
    await c.getByRole('link', { name: new RegExp(reference) }).click();
    await c.waitForURL(/\/register\/[0-9a-f-]+$/);
    await expectAccessible(c, 'the item');
    await c.getByLabel('What was done to put the provision right').fill('Therapist booked for Tuesday');
    await c.getByRole('button', { name: 'Mark the task done' }).click();
    await c.waitForURL(/done=task/);
    await c.getByRole('link', { name: 'Record the answer' }).click();
    await c.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => c.title()).toMatch(/^Error: /);
    await expectAccessible(c, 'answer, with errors');
    await c.getByLabel('Upheld', { exact: true }).check();
    await c
      .getByLabel('Summary of the answer given')
      .fill('Therapy restarts on Tuesday; the missed sessions will be made up.');
    await c.getByRole('button', { name: 'Save' }).click();
    await c.waitForURL(/done=answer/);
    await expect.poll(() => c.locator('body').textContent()).toContain('Answered at stage 1');
    await expect.poll(() => c.locator('[data-answer-status]').textContent()).toMatch(/, on time$/);
    await c.getByRole('link', { name: 'Change the owner and themes' }).click();
    await expectAccessible(c, 'owner and themes');
    for (const url of ['/register', '/register?status=open', '/register/new']) {
      await c.goto(`${d.baseUrl}${url}`);
      await expectAccessible(c, url);
    }
    await c.getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => c.title()).toMatch(/^Error: /);
    await expectAccessible(c, 'record, with errors');
    await staff.close();

    expect(await provisionCount(l)).toBe(before + 1);
    await expectAccessible(l, 'counts');
    await l.goto(`${d.baseUrl}/register/policy`);
    await expectAccessible(l, 'policy');
    await l.goto(`${d.baseUrl}/register/you-said-we-did`);
    await expectAccessible(l, 'you said, we did (manage)');
    await l.getByLabel('Theme').selectOption('provision-not-delivered');
    await l.getByLabel('You said').fill('You told us therapy in plans was missed.');
    await l.getByLabel('We did').fill('Caseworkers now get a dated task to put it right.');
    await l.getByLabel('Yes, publish it now').check();
    await l.getByRole('button', { name: 'Add' }).click();
    await l.waitForURL(/\/register\/you-said-we-did$/);
    await expectAccessible(l, 'you said, we did, added');
    await l.goto(`${d.baseUrl}/send-service/you-said-we-did`);
    await expect
      .poll(() => l.locator('body').textContent())
      .toContain('Caseworkers now get a dated task to put it right.');
    await lead.close();
  }, 240_000);

  it('a parent answers the survey after a milestone on a 320 px phone, once; the leader sees the results', async () => {
    const p = await d.signedIn('parent@demo.example', { viewport: { width: 320, height: 640 } });
    const phone = p.context();
    await p.goto(`${d.baseUrl}/`);
    await p
      .getByRole('link', { name: /Answer 2 short questions/ })
      .first()
      .click();
    await p.waitForURL(/\/have-your-say\/999\/[A-Za-z0-9_-]+$/);
    const survey = p.url();
    await expectAccessible(p, 'the survey');
    await expectNoSidewaysScroll(p, 'the survey');
    await p.getByLabel('Partly').check();
    await p.getByLabel('Is there anything else you want to tell us? (optional)').fill('Letters came late.');
    await p.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => p.title()).toMatch(/^Error: /);
    await expectAccessible(p, 'the survey, with errors');
    await expectNoSidewaysScroll(p, 'the survey, with errors');
    expect(await p.getByLabel('Is there anything else you want to tell us? (optional)').inputValue()).toBe(
      'Letters came late.',
    );
    expect(await p.getByLabel('Partly').isChecked()).toBe(true);
    await p.getByLabel('Good', { exact: true }).check();
    await p.getByRole('button', { name: 'Send' }).click();
    await p.waitForURL(/\/have-your-say\/thank-you$/);
    await expectAccessible(p, 'survey thanks');
    await expectNoSidewaysScroll(p, 'survey thanks');
    await p.goto(survey);
    await expect.poll(() => p.locator('main').textContent()).toContain('already been answered');
    await phone.close();

    const l = await d.signedIn('leader@demo.example');
    const lead = l.context();
    await l.goto(`${d.baseUrl}/register/counts`);
    await l.getByRole('link', { name: /What families said about the service/ }).click();
    await l.waitForURL(/\/register\/survey$/);
    await expectAccessible(l, 'survey results');
    await expect.poll(() => l.locator('main').textContent()).toContain('Letters came late.');
    await l
      .getByRole('link', { name: /Code themes/ })
      .first()
      .click();
    await expectAccessible(l, 'code a survey answer');
    await lead.close();
  }, 180_000);

  it('someone without an account tells the service something at 320 px, and reads You said, we did', async () => {
    const phone = await d.browser.newContext({ viewport: { width: 320, height: 640 } });
    const p = await phone.newPage();
    await p.goto(`${d.baseUrl}/send-service/tell-us`);
    await expectAccessible(p, 'tell us (public)');
    await expectNoSidewaysScroll(p, 'tell us (public)');
    await p.getByLabel('A compliment or thanks').check();
    await p.getByLabel('Tell us what happened').fill('Thank you to the team.');
    await p.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => p.title()).toMatch(/^Error: /);
    await expectAccessible(p, 'tell us (public), with errors');
    await expectNoSidewaysScroll(p, 'tell us (public), with errors');
    expect(await p.getByLabel('Tell us what happened').inputValue()).toBe('Thank you to the team.');
    await p.getByLabel('Your name').fill('A parent');
    await p.getByRole('button', { name: 'Send' }).click();
    await p.waitForURL(/\/send-service\/tell-us\/sent\?reference=FR-/);
    await expectAccessible(p, 'sent (public)');
    await expectNoSidewaysScroll(p, 'sent (public)');
    await p.goto(`${d.baseUrl}/send-service/you-said-we-did`);
    await expectAccessible(p, 'you said, we did (public)');
    await expectNoSidewaysScroll(p, 'you said, we did (public)');
    await expect.poll(() => p.locator('body').textContent()).toContain('team phone line');
    await phone.close();
  }, 120_000);

  it('a family types the code from their letter at the short address on a 390 px phone', async () => {
    const phone = await d.browser.newContext({ viewport: { width: 390, height: 780 } });
    const p = await phone.newPage();
    await p.goto(`${d.baseUrl}/say/999`);
    await expectAccessible(p, 'the short address');
    await expectNoSidewaysScroll(p, 'the short address');
    await p.getByLabel('Code from your letter').fill('IO10');
    await p.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => p.title()).toMatch(/^Error: /);
    await expectAccessible(p, 'the short address, with errors');
    await expectNoSidewaysScroll(p, 'the short address, with errors');
    expect(await p.getByLabel('Code from your letter').inputValue()).toBe('IO10');
    // A code no survey has (yet): said so, with what to do.
    await p.goto(`${d.baseUrl}/say/999/ABCD-EFGH`);
    await expect
      .poll(() => p.locator('.govuk-error-summary').textContent())
      .toContain('try again in 15 minutes');
    await expectAccessible(p, 'the short address, code not found');
    await expectNoSidewaysScroll(p, 'the short address, code not found');
    await phone.close();
  }, 120_000);
});
