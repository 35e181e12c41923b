/**
 * Issue 18 item 5's Done when, in a real browser on the demo (embedded database only: the move's queries run on both
 * engines in src/features/assessments/journey.test.ts). The team manager moves the work of the officer who is the
 * demo parent's child's named officer: the form, then a confirmation page saying what will move, then the team page
 * saying it moved. The parent, on a 390-pixel phone, sees the new officer as their contact on their first screen, and
 * the email telling them so is in the outbox. axe checks WCAG 2.2 A and AA on every page.
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

async function expectNoSidewaysScroll(page: Page, label: string) {
  const [scroll, client] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  expect(scroll, `sideways scrolling on ${label}`).toBeLessThanOrEqual(client);
}

describe('moving a leaver’s work in a browser on pglite', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the manager confirms the move, and the family sees their new contact', async () => {
    const db = server.database.db;
    const manager = await db
      .selectFrom('app_user')
      .select(['la_code', 'team_id'])
      .where('email', '=', 'manager@demo.example')
      .executeTakeFirstOrThrow();
    const child = await db
      .selectFrom('access_grant as g')
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.la_code', '=', 'g.la_code').onRef('u.id', '=', 'g.user_id'),
      )
      .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'g.la_code').onRef('c.id', '=', 'g.child_id'))
      .innerJoin('app_user as o', (j) =>
        j.onRef('o.la_code', '=', 'c.la_code').onRef('o.id', '=', 'c.lead_officer_id'),
      )
      .select(['c.id', 'c.given_name', 'o.id as officer_id', 'o.display_name as officer_name'])
      .where('u.email', '=', 'parent@demo.example')
      .where('g.kind', '=', 'parent')
      .where('o.team_id', '=', manager.team_id)
      .orderBy('c.given_name')
      .executeTakeFirstOrThrow();
    const receiver = await db
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('la_code', '=', manager.la_code)
      .where('team_id', '=', manager.team_id)
      .where('role', '=', 'caseworker')
      .where('active', '=', true)
      .where('id', '!=', child.officer_id)
      .orderBy('display_name')
      .executeTakeFirstOrThrow();

    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const m = await staff.newPage();
    await signInAs(m, server.baseUrl, 'manager@demo.example', DEMO_PASSWORD);
    await m.goto(`${server.baseUrl}/assessments/team`);
    await m.getByLabel('Officer who is leaving').selectOption(child.officer_id);
    await m.locator(`input[name="to"][value="${receiver.id}"]`).check();
    await m.getByRole('button', { name: 'Continue' }).click();
    // The confirmation page: what will move, to whom, and that families will be told. Nothing has moved yet.
    await expect.poll(() => m.locator('h1').textContent()).toBe(`Move ${child.officer_name}’s work`);
    await expectAccessible(m, 'the confirmation page');
    const text = (await m.locator('main').textContent()) ?? '';
    expect(text).toContain('Each family will be sent an email saying who their new contact is');
    expect(text).toContain(receiver.display_name);
    const before = await db
      .selectFrom('child')
      .select('lead_officer_id')
      .where('id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(before.lead_officer_id).toBe(child.officer_id);
    await m.getByRole('button', { name: 'Move the work and tell the families' }).click();
    await m.waitForURL(/\/assessments\/team\?moved=\d+&cases=\d+/);
    await expect
      .poll(() => m.locator('.govuk-notification-banner').textContent())
      .toContain('Each family has been told who their new contact is');
    await expectAccessible(m, 'the team page after the move');
    const held = await db
      .selectFrom('child')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('lead_officer_id', '=', child.officer_id)
      .executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(0);
    await staff.close();

    // The family, on a phone: their named officer is the new one, and the email saying so was sent to them.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await signInAs(p, server.baseUrl, 'parent@demo.example', DEMO_PASSWORD);
    await p.goto(`${server.baseUrl}/`);
    await expect.poll(() => p.locator('main').textContent()).toContain(receiver.display_name);
    expect((await p.locator('main').textContent()) ?? '').not.toContain(child.officer_name);
    await expectAccessible(p, 'the family’s home page on a phone');
    await expectNoSidewaysScroll(p, 'the family’s home page');
    const email = await db
      .selectFrom('notification')
      .select(['subject', 'body'])
      .where('recipient', '=', 'parent@demo.example')
      .where('template', '=', 'named-officer-changed')
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(email.subject).toContain(`${receiver.display_name} is now your contact for ${child.given_name}`);
    expect(email.body).toContain(`${child.officer_name} is no longer working on`);
    await phone.close();
  }, 240_000);
});
