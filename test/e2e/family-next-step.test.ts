/**
 * A family's first screen leads with their own next step (issue 18 items 1 and 2), in a real browser at phone width
 * (390 pixels) with axe on every page (embedded database): the parent sees "Send your views" first, gives their views
 * online (meeting the error summary), then, after the caseworker shares the draft plan, sees "Comment on the draft
 * plan by <date>" first and comments on it; a parent whose child already has a plan is told so on the request's first
 * question, and reads the final plan on a phone; the young person sees their own plan: the next review, preparing for
 * adult life and their named officer's contact. No page scrolls sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { formatDate, parseDate } from '../../src/domain/clock/dates.ts';
import { draftStageCase, THREE_ADVICE } from '../helpers/plan-fixtures.ts';
import { todayInLondon } from '../../src/platform/web/views.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';
import { childWithNoCase, demoUser } from '../helpers/demo-cases.ts';

const WIDTH = 390;
const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTH);

describe("a family's next step first, on a phone", () => {
  let server: DemoServer;
  let browser: Browser;
  let reference = '';
  let name = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
    const db = server.database.db;
    const [cw, ep, health, senco, parent] = await Promise.all([
      demoUser(db, 'caseworker@demo.example'),
      demoUser(db, 'ep@demo.example'),
      demoUser(db, 'health@demo.example'),
      demoUser(db, 'senco@demo.example'),
      demoUser(db, 'parent@demo.example'),
    ]);
    // A child with no plan and no assessment yet, whose assessment reached the plan 100 days after the request.
    const child = await childWithNoCase(db, cw.la_code);
    reference = child.reference;
    name = child.preferred_name || child.given_name;
    const today = todayInLondon();
    const daysAgo = (n: number) => formatDate(parseDate(today) - n);
    const caseId = await draftStageCase(db, cw.la_code, {
      childId: child.id,
      teamId: cw.team_id!,
      officerId: cw.id,
      advice: THREE_ADVICE(ep.id, health.id, senco.id),
      requestReceived: daysAgo(100),
    });
    // The council asked for the family's own views 70 days ago; they have not sent them.
    await db
      .insertInto('assessment_advice')
      .values({
        la_code: cw.la_code,
        case_id: caseId,
        child_id: child.id,
        agency: 'family',
        service_name: null,
        professional_user_id: null,
        requested: daysAgo(70),
        due: daysAgo(28),
        received: null,
        status: 'requested',
        answer: null,
        needs: '{}',
        outcomes: null,
        provision: '[]',
        document_text: null,
        submitted_by: null,
        submitted_at: null,
        requested_by: cw.id,
      })
      .execute();
    await db
      .insertInto('access_grant')
      .values([
        { la_code: cw.la_code, user_id: parent.id, child_id: child.id, kind: 'parent' },
        ...[ep, health, senco].map((u) => ({
          la_code: cw.la_code,
          user_id: u.id,
          child_id: child.id,
          kind: 'adviser' as const,
        })),
      ])
      .execute();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const phone = async (email: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, isMobile: true });
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, email, DEMO_PASSWORD);
    return page;
  };
  /** The main content's second-level headings, in order. */
  const headings = (page: Page) => page.locator('main h2').allTextContents();

  it('the parent sees their own next step first and gives their views online', async () => {
    const parent = await phone('parent@demo.example');
    const first = (await headings(parent)).map((h) => h.trim());
    expect(first[0]).toBe('What you need to do');
    expect(first.indexOf('What the council is doing')).toBeGreaterThan(0);
    const tasks = await parent.locator('.app-family-tasks').textContent();
    expect(tasks).toContain(`Send your views about ${name}.`);
    expect(tasks).toContain('you can still send them');
    expect(tasks).not.toMatch(/\blate\b|adviser/i);
    await expectAccessible(parent, 'parent home, views asked');
    await noSidewaysScroll(parent);

    await parent
      .getByRole('link', { name: new RegExp(`^Give your views`) })
      .first()
      .click();
    await expect.poll(() => parent.locator('h1').textContent()).toBe(`Your views about ${name}`);
    await expectAccessible(parent, 'the views form');
    await noSidewaysScroll(parent);
    await parent.getByRole('button', { name: 'Send your views' }).click();
    await expect.poll(() => parent.locator('.govuk-error-summary').count()).toBe(1);
    expect(await parent.locator('.govuk-error-summary').textContent()).toContain(
      'Answer at least one question',
    );
    await expectAccessible(parent, 'the views form with the error summary');
    await parent.getByLabel(`What is ${name} like?`, { exact: false }).fill('Kind, funny and loves drawing.');
    await parent.getByLabel('What help do you think', { exact: false }).fill('Someone to help at lunchtime.');
    await parent.getByRole('button', { name: 'Send your views' }).click();
    await expect.poll(() => parent.locator('main').textContent()).toContain('You sent your views on');
    await expectAccessible(parent, 'views sent');

    await parent.goto(`${server.baseUrl}/`);
    expect(await parent.locator('main').textContent()).not.toContain(`Send your views about ${name}`);
    await parent.context().close();
  }, 180_000);

  it('after the draft is shared, the parent sees the comment date first and comments on the draft', async () => {
    // The caseworker starts the plan, pulls in the advice, fixes the findings and shares the draft.
    const context = await browser.newContext();
    const cw = await context.newPage();
    await signInAs(cw, server.baseUrl, 'caseworker@demo.example', DEMO_PASSWORD);
    await cw.goto(`${server.baseUrl}/plans/start`);
    await cw.getByLabel("Child's reference").fill(reference);
    await cw.getByRole('button', { name: 'Start the plan' }).click();
    await expect.poll(() => cw.url()).toMatch(/\/plans\/[0-9a-f-]{36}$/);
    const planUrl = cw.url();
    for (let i = 0; i < 20; i++) {
      const button = cw.getByRole('button', { name: /^Add to section/ }).first();
      if ((await button.count()) === 0) break;
      await button.click();
      await cw.waitForLoadState('load');
    }
    await cw.goto(`${planUrl}/items/new/A`);
    await cw.getByLabel('Views, interests or aspirations').fill('I want to draw comics.');
    await cw.getByRole('button', { name: 'Save and run the checks' }).click();
    await cw.goto(`${planUrl}/items/new/F`);
    await cw.getByLabel('What will be done').fill('Handwriting programme set by the occupational therapist');
    await cw.getByLabel('Amount each time').fill('20');
    await cw.getByLabel('Unit', { exact: true }).selectOption('minutes');
    await cw.getByLabel('Times', { exact: true }).fill('3');
    await cw.getByLabel('Per', { exact: true }).selectOption('week');
    await cw.getByLabel('Who delivers it (role)').fill('Teaching assistant');
    await cw
      .getByLabel('Their qualification or training')
      .fill('shown the programme by the occupational therapist');
    await cw.getByLabel('One to one (1:1)').check();
    await cw.getByRole('checkbox', { name: /Low muscle tone/ }).check();
    await cw.getByRole('checkbox', { name: /write for 10 minutes/ }).check();
    await cw.getByLabel('Recommended in advice (section K)').check();
    await cw.getByLabel('The advice that recommended it').selectOption({ index: 2 });
    await cw.getByRole('button', { name: 'Save and run the checks' }).click();
    await cw.goto(planUrl);
    await cw.getByRole('link', { name: 'Share a draft for comments' }).click();
    await cw.getByRole('button', { name: 'Share the draft' }).click();
    await cw.waitForURL(/saved=draft-issued/);
    await context.close();

    const parent = await phone('parent@demo.example');
    // Before what the council is doing: each task the family has, soonest first, this one among them.
    const tasks = (await parent.locator('.app-family-tasks li').allTextContents()).map((x) => x.trim());
    expect(
      tasks.some((x) => new RegExp(`^Comment on ${name}'s draft plan by \\d{1,2} \\w+ \\d{4}\\.`).test(x)),
    ).toBe(true);
    // The second visit: what others did since the first comes in a banner, then the family's own next step.
    const order = (await headings(parent)).map((h) => h.trim());
    expect(order[0]).toBe('New since your last visit');
    expect(order.indexOf('What you need to do')).toBeLessThan(order.indexOf('What the council is doing'));
    expect(await parent.locator('[data-since-last-visit]').textContent()).toContain(
      'Draft EHC plan (version 1) shared with the family and advisers for comment',
    );
    await expectAccessible(parent, 'parent home, draft shared');
    await noSidewaysScroll(parent);
    await parent
      .getByRole('link', { name: /^Read the draft plan and comment/ })
      .first()
      .click();
    await expectAccessible(parent, 'your plans');
    await noSidewaysScroll(parent);
    // The list names each plan by the child, with its reference beside the link.
    await parent.getByRole('listitem').filter({ hasText: reference }).getByRole('link').click();
    // Item by item (issue 18, finding 16): each part of the draft has its own "Comment on this" link.
    await expect.poll(() => parent.locator('a.app-comment-link').count()).toBeGreaterThan(1);
    await expectAccessible(parent, 'the shared draft on a phone');
    await noSidewaysScroll(parent);
    await parent.locator('a[href*="part=item%3AF%3A"]').first().click();
    await parent.waitForURL(/part=item%3AF%3A/);
    expect((await parent.locator('#comment-item').textContent())!.trim().length).toBeGreaterThan(0);
    await expectAccessible(parent, 'the comment form on one item, on a phone');
    await noSidewaysScroll(parent);
    await parent.getByLabel('Your comment', { exact: true }).fill('Please add help at lunchtime too.');
    await parent.getByRole('button', { name: 'Send your comment' }).click();
    await parent.waitForURL(/sent=1/);
    expect(await parent.content()).toContain('Your comment has been sent');
    await expectAccessible(parent, 'comment sent');
    await parent.context().close();
  }, 300_000);

  it('a parent whose child already has a plan: the request says so, and the final plan reads on a phone', async () => {
    // A demo child with a final plan issued and no assessment open, whose parent parent2@ is made.
    const db = server.database.db;
    const parent2 = await demoUser(db, 'parent2@demo.example');
    const child = await db
      .selectFrom('child')
      .innerJoin('ehc_plan', 'ehc_plan.child_id', 'child.id')
      .select(['child.id', 'child.given_name', 'ehc_plan.id as planId'])
      .where('child.la_code', '=', parent2.la_code)
      .where('child.plan_status', '=', 'plan')
      .where('ehc_plan.status', '=', 'final')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('ehc_plan_version')
            .select('ehc_plan_version.id')
            .whereRef('ehc_plan_version.plan_id', '=', 'ehc_plan.id')
            .where('ehc_plan_version.kind', '=', 'final'),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('assessment_case')
              .select('assessment_case.id')
              .whereRef('assessment_case.child_id', '=', 'child.id'),
          ),
        ),
      )
      .orderBy('child.reference')
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('access_grant')
      .values({ la_code: parent2.la_code, user_id: parent2.id, child_id: child.id, kind: 'parent' })
      .execute();

    const parent = await phone('parent2@demo.example');
    // The request's first question: the notice that the child already has an EHC plan, and that an early review may
    // be the better way (walk-through run 1, step 1).
    await parent.goto(`${server.baseUrl}/request-assessment`);
    await parent.getByRole('button', { name: 'Start now' }).click();
    const notice = parent.locator(`#has-plan-${child.id}`);
    await expect.poll(() => notice.count()).toBe(1);
    const words = (await notice.textContent())!.replace(/\s+/g, ' ');
    expect(words).toContain(`${child.given_name} already has an education, health and care (EHC) plan.`);
    expect(words).toContain('an early review of the plan may be the better way');
    await expectAccessible(parent, 'request: a child who already has a plan');
    await noSidewaysScroll(parent);

    // The family's final plan: the issued plan, readable at 390 pixels.
    await parent.goto(`${server.baseUrl}/your-plans`);
    await expectAccessible(parent, 'your plans, with a final plan');
    await noSidewaysScroll(parent);
    await parent.locator(`main a[href="/your-plans/${child.planId}"]`).first().click();
    await parent.waitForURL(new RegExp(`/your-plans/${child.planId}$`));
    const main = (await parent.locator('main').textContent())!.replace(/\s+/g, ' ');
    expect(main).toMatch(/final/i);
    expect(main).not.toContain('Comment on this');
    await expectAccessible(parent, 'the family’s final plan on a phone');
    await noSidewaysScroll(parent);
    await parent.context().close();
  }, 120_000);

  it('the young person sees their own plan: next review, preparing for adult life, their named officer', async () => {
    const yp = await phone('youngperson@demo.example');
    const main = (await yp.locator('main').textContent())!.replace(/\s+/g, ' ');
    expect(main).toContain('What you need to do');
    expect(main).toContain('Your education, health and care (EHC) plan');
    expect(main).toMatch(/Your next review (Meeting on|By) \d{1,2} \w+ \d{4}/);
    expect(main).toContain('Preparing for adult life');
    expect(main).toMatch(/Your named officer [A-Z][a-z]+ [A-Z][a-z]+, \S+@\S+\.example/);
    await expectAccessible(yp, 'young person home');
    await noSidewaysScroll(yp);
    await yp.context().close();
  }, 120_000);
});
