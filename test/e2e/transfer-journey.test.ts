/**
 * Issue 13's "Done when" in a real browser with axe on every page (embedded database, the demo authority, whose plans
 * have no assessment case on record): a parent states a preference for two schools on a 375-pixel phone; each school
 * is consulted through the consultation flow and answers as its SENCO; the caseworker starts the amendment, names one
 * in section I and sends the proposal; issuing is refused (the error summary) until the other preference's s39(4)
 * ground is recorded; the amended plan is issued before 15 February and the cohort board shows the child as named.
 * The service's today is the test's clock, moved on past the family's 15 days.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { planForAmendment } from '../../src/features/plans/index.ts';
import { cohortOn } from '../../src/features/transfers/service.ts';
import { userByEmail } from '../../src/platform/people/users.ts';
import { actorFor, createSenco, createSetting, grant, TEST_PASSWORD } from '../helpers/factories.ts';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

const LA = DEMO_LA_CODE;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Fills a form (found by where it posts) by field name, as a person would, and sends it. */
async function send(page: Page, action: string, fields: Record<string, string>) {
  const form = page.locator(`form[action="${action}"]`);
  for (const [name, value] of Object.entries(fields)) {
    const field = form.locator(`[name="${name}"]`).first();
    const kind = await field.evaluate((e) => {
      const el = e as unknown as { tagName: string; type?: string };
      return `${el.tagName}:${el.type ?? ''}`;
    });
    if (kind === 'SELECT:select-one') await field.selectOption(value);
    else if (kind.endsWith(':radio')) await form.locator(`[name="${name}"][value="${value}"]`).check();
    else await field.fill(value);
  }
  await form.locator('button').last().click();
}
const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

describe('a phase transfer from the family’s preference to the plan naming the school, in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  let today = '2026-12-07';
  let child: { id: string; plan: string; school: string };
  let schools: { id: string; name: string; senco: string }[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer('pglite', { today: () => today }),
      launchBrowser(),
    ]);
    const db = server.database.db;
    const cw = (await userByEmail(db, LA, 'caseworker@demo.example'))!;
    const actor = actorFor({ id: cw.id, email: 'caseworker@demo.example', laCode: LA, role: cw.role });
    for (const r of await cohortOn(db, LA, today)) {
      if (r.stage !== 'in-cohort' || r.dates.deadline.date !== '2027-02-14') continue;
      const plan = await db
        .selectFrom('ehc_plan')
        .select('id')
        .where('la_code', '=', LA)
        .where('child_id', '=', r.child.id)
        .where('status', '=', 'final')
        .executeTakeFirst();
      if (!plan) continue;
      const p = await planForAmendment(db, actor, plan.id, today);
      if (p.threadErrors > 0 || !p.inForce || p.proposal || !p.placementNamed) continue;
      child = { id: r.child.id, plan: plan.id, school: r.child.setting.id };
      const next = r.child.setting.lastYear + 1;
      schools = [];
      for (const name of ['Northfield Academy', 'Westbrook School']) {
        const id = await createSetting(db, LA, name, 'school', { first: next, last: next + 4 });
        schools.push({ id, name, senco: (await createSenco(db, LA, name)).email });
      }
      break;
    }
    const parent = await userByEmail(db, LA, 'parent@demo.example');
    await grant(db, LA, parent!.id, child.id, 'parent');
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the parent, two schools and the caseworker take the child to "named" before 15 February', async () => {
    const base = server.baseUrl;
    // 1. The parent asks for two schools on a phone.
    const phone = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const parent = await phone.newPage();
    await signInAs(parent, base, 'parent@demo.example', DEMO_PASSWORD);
    for (const s of schools) {
      await parent.goto(`${base}/your-transfer/${child.id}/preference`);
      await expectAccessible(parent, 'the preference form');
      await expectNoSidewaysScroll(parent, 'the preference form');
      await send(parent, `/your-transfer/${child.id}/preference`, {
        settingId: s.id,
        reasons: 'Near our home',
      });
      await expect
        .poll(() => parent.locator('.govuk-notification-banner').textContent())
        .toContain('We have your preference');
    }
    await expect.poll(() => parent.locator('main').textContent()).toContain('Westbrook School');
    await expectAccessible(parent, 'the family’s transfer page');
    await expectNoSidewaysScroll(parent, 'the family’s transfer page');
    await phone.close();

    // 2. Each school answers as its SENCO, a week later.
    today = addDays(today, 7);
    const answers: Record<string, string>[] = [
      { answer: 'can-meet' },
      { answer: 'cannot-meet', ground: 'resources', reasons: 'Every Year 7 class is full' },
    ];
    for (const [i, s] of schools.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInAs(page, base, s.senco, TEST_PASSWORD);
      await page.goto(`${base}/consultations`);
      await expectAccessible(page, `${s.name}'s consultations`);
      await page.locator('main a[href^="/consultations/"]').first().click();
      const action = new URL(page.url()).pathname;
      await expectAccessible(page, `${s.name}'s consultation`);
      await send(page, action, answers[i]!);
      await expect.poll(() => page.locator('main').textContent()).toContain('Answered');
      await context.close();
    }

    // 3. The caseworker sees both answers, starts the amendment, names Northfield and sends the proposal.
    today = addDays(today, 1);
    const context = await browser.newContext();
    const cw = await context.newPage();
    await signInAs(cw, base, 'caseworker@demo.example', DEMO_PASSWORD);
    await cw.goto(`${base}/transfers/children/${child.id}`);
    await expect.poll(() => cw.locator('[data-consultations]').textContent()).toContain('can meet the needs');
    await expectAccessible(cw, 'the child’s transfer page with the consultations');
    const amendments = `/amendments/plans/${child.plan}`;
    await cw.goto(`${base}${amendments}`);
    await send(cw, `${amendments}/start`, {
      trigger: 'change-of-placement',
      details: 'Phase transfer: naming the school for next September',
    });
    await cw.goto(`${base}/plans/${child.plan}/placement`);
    await send(cw, `/plans/${child.plan}/placement`, { settingId: schools[0]!.id });
    await cw.goto(`${base}${amendments}`);
    const amendmentId = /\/amendments\/([0-9a-f-]{36})\/proposal/.exec(await cw.content())![1]!;
    await send(cw, `/amendments/${amendmentId}/proposal`, dateFields('date', today));
    await expect.poll(() => cw.locator('main').textContent()).toContain('Westbrook School');
    await expectAccessible(cw, 'the amendment with the proposal out and the consultations');

    // 4. After the 15 days: refused until the other preference's ground is recorded, then issued.
    today = addDays(today, 16);
    await cw.goto(`${base}${amendments}`);
    await send(cw, `/amendments/${amendmentId}/issue`, dateFields('date', today));
    await expect.poll(() => cw.locator('.govuk-error-summary').textContent()).toContain('Westbrook School');
    await expectAccessible(cw, 'the issue refused with the error summary');
    await cw.goto(`${base}${amendments}`);
    await cw.locator('a[href^="/consultations/preferences/"]', { hasText: 'Westbrook School' }).click();
    await expectAccessible(cw, 'recording the ground');
    await send(cw, new URL(cw.url()).pathname, {
      ground: 'resources',
      reasons: 'Westbrook has no place in Year 7; Northfield can meet the needs and is as near',
    });
    await cw.goto(`${base}${amendments}`);
    await send(cw, `/amendments/${amendmentId}/issue`, dateFields('date', today));
    await cw.waitForURL((url) => url.pathname === amendments);
    expect(await cw.locator('.govuk-error-summary').count()).toBe(0);

    // 5. The board shows the child as named (the list of the child's school at that stage).
    expect(today < '2027-02-15').toBe(true);
    await cw.goto(`${base}/transfers?stage=named&school=${child.school}`);
    await expect.poll(() => cw.locator(`a[href="/transfers/children/${child.id}"]`).count()).toBe(1);
    await expectAccessible(cw, 'the board’s named children');
    await context.close();
  });
});
