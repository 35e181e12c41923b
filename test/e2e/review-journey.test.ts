/**
 * A whole annual review on one plan in a real browser, with axe on every page visited (embedded database, the demo
 * authority; issue 12's "Done when"): the young person's college (its learning support manager, college@, the school account)
 * arranges the meeting and invites, asking each professional invited for advice in the same step; the health
 * professional sends their advice with their report attached (listed on the review for the caseworker, who downloads
 * it); the young person gives their views on a 375-pixel phone, from their first screen; on the day, the college
 * records the meeting (attendance, progress toward each outcome, recommended changes, preparation for adulthood) and
 * sends the report, which the young person reads from their first screen; the
 * caseworker decides to amend (the young person reads the decision's letter from their first screen), starts the
 * amendment, makes the change in the plan editor and sends the proposal; the young person reaches the notice from
 * their first screen's task and comments on their phone; after the 15 days the caseworker issues the amended plan,
 * and the young person reads its notice (what changed, the next review, their rights; PDF) from their email's link;
 * the next review is due 12 months from the meeting (never from the amendment), on the caseworker's page, in the
 * notice and on the young person's first screen.
 *
 * The service's "today" is the test's clock (the days the law counts move on between the steps, as they would); the
 * wall clock still runs sessions and the second factor.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { childrenForReviews } from '../../src/platform/people/children.ts';
import { settingStaff } from '../../src/platform/people/settings.ts';
import { todayInLondon } from '../../src/platform/web/views.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The day before the same date a year on: the last day of the 12 months starting with the meeting (reg 2). */
const twelveMonthsFrom = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const sameDay = new Date(Date.UTC(y + 1, m - 1, d));
  // 29 February has no same date a year on: the 12 months end on 28 February
  if (sameDay.getUTCMonth() !== m - 1) return `${y + 1}-02-28`;
  return addDays(sameDay.toISOString().slice(0, 10), -1);
};
const long = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
/** No sideways scrolling; on failure, the elements that stick out say why. */
const noSidewaysScroll = async (page: Page, width: number) => {
  const wide = await page.evaluate<string[]>(
    `[...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > ${width} + 1)
      .slice(0, 5).map((e) => e.tagName + ' ' + (e.textContent || '').slice(0, 60))`,
  );
  expect(await page.evaluate('document.documentElement.scrollWidth'), wide.join(' | ')).toBeLessThanOrEqual(
    width,
  );
};

/** Fills a GOV.UK date field, in the given form when the page has several with the same field. */
async function fillDate(page: Page | Locator, name: string, iso: string) {
  const [y, m, d] = iso.split('-');
  await page.locator(`#${name}-day`).fill(String(Number(d)));
  await page.locator(`#${name}-month`).fill(String(Number(m)));
  await page.locator(`#${name}-year`).fill(y!);
}

describe('a whole annual review in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  /** The service's today: the test moves it on between the steps. */
  let today = todayInLondon();
  let planId: string;
  let childName: string;
  let collegeEmail: string;
  const contexts: BrowserContext[] = [];
  const userIds = new Map<string, string>();

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer('pglite', { today: () => today }),
      launchBrowser(),
    ]);
    const db = server.database.db;
    const yp = await db
      .selectFrom('app_user')
      .select(['id', 'la_code'])
      .where('email', '=', 'youngperson@demo.example')
      .executeTakeFirstOrThrow();
    const plan = await db
      .selectFrom('plan_review_schedule')
      .innerJoin('access_grant', (j) =>
        j.onRef('access_grant.child_id', '=', 'plan_review_schedule.child_id'),
      )
      .select(['plan_review_schedule.plan_id', 'plan_review_schedule.child_id'])
      .where('access_grant.user_id', '=', yp.id)
      .executeTakeFirstOrThrow();
    planId = plan.plan_id;
    const child = (await childrenForReviews(db, yp.la_code, [plan.child_id])).get(plan.child_id)!;
    const name = await db
      .selectFrom('child')
      .select(['given_name', 'family_name'])
      .where('id', '=', plan.child_id)
      .executeTakeFirstOrThrow();
    childName = `${name.given_name} ${name.family_name}`;
    // The demo's young person attends Denmoor College: its learning support manager (college@, a demo account in
    // the college's own team) arranges the review, nobody moved.
    const [staff] = await settingStaff(db, yp.la_code, child.setting!.id);
    expect(staff?.email).toBe('college@demo.example');
    collegeEmail = staff!.email;
    for (const email of ['youngperson@demo.example', 'health@demo.example']) {
      const u = await db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      userIds.set(email, u.id);
    }
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  const desk = async (email: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, email, DEMO_PASSWORD);
    return page;
  };
  const phone = async (email: string, width: number) => {
    const context = await browser.newContext({ viewport: { width, height: 740 }, isMobile: true });
    contexts.push(context);
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, email, DEMO_PASSWORD);
    return page;
  };

  it('walks one review from arranging the meeting to the amended plan, with the next review date right', async () => {
    const day0 = today;
    const meeting = addDays(day0, 21);

    // 1. The college arranges the meeting: the date, then the invitations, asking the professionals for advice
    const college = await desk(collegeEmail);
    await expectAccessible(college, "the college's first screen");
    // the review is on the college's first screen (its annual reviews this term): the child's row opens it
    await college
      .getByRole('region', { name: /^Reviews due this term/ })
      .getByRole('link', { name: childName })
      .first()
      .click();
    if ((await college.locator('h1').textContent()) === 'Arrange the review meeting') {
      await expectAccessible(college, 'arrange the review meeting');
      await fillDate(college, 'meetingDate', meeting);
      await college.getByRole('button', { name: 'Set the meeting date' }).click();
    } else {
      // the demo's review coming up (the young person is asked for views for it): the college sets its date
      await expect.poll(() => college.locator('h1').textContent()).toMatch(/^Review \d+ meeting$/);
      await expectAccessible(college, 'the review meeting page');
      await college.getByText('Change the meeting date').click();
      await fillDate(college, 'meetingDate', meeting);
      await college.getByRole('button', { name: 'Change the date' }).click();
    }
    await expect.poll(() => college.locator('h1').textContent()).toMatch(/^Review \d+ meeting$/);
    const meetingUrl = college.url();
    expect(await college.textContent('main')).toContain(long(meeting));
    await expectAccessible(college, 'the review meeting page, dated');
    // the young person, and the health professional (among the council's partners' professionals)
    for (const email of ['youngperson@demo.example', 'health@demo.example']) {
      const box = college.locator(`input[name="invitees"][value$=":${userIds.get(email)}"]`);
      // the demo's review may have invited them already: then they are in the table of people invited, not offered
      const invited = college.getByRole('table', { name: 'People invited' }).getByText(email);
      if ((await box.count()) === 0 && (await invited.count()) === 1) continue;
      if (!(await box.isVisible())) await college.getByText(/^Other professionals/).click();
      await box.check();
    }
    expect(await college.getByLabel('Ask each professional invited for their advice').isChecked()).toBe(true);
    await college.getByRole('button', { name: 'Send the invitations' }).click();
    await expect.poll(() => college.getByText('Invitations sent', { exact: true }).count()).toBe(1);
    const invited = await college.locator('table', { hasText: 'Invited as' }).textContent();
    expect(invited).toContain('youngperson@demo.example');
    expect(invited).toContain('health@demo.example');
    // advice asked of health in the invitation's step (or before it, by the council), due 2 weeks before the meeting
    const advice = college
      .locator('table', { hasText: 'Due by' })
      .last()
      .locator('tr', { hasText: 'Health' });
    await expect.poll(() => advice.textContent()).toContain(long(addDays(meeting, -14)));
    await expectAccessible(college, 'the meeting page with the invitations and the advice asked');

    // 2. The health professional sends their advice, from their first screen
    const health = await phone('health@demo.example', 390);
    await expect
      .poll(() => health.getByRole('heading', { name: 'Advice asked of you for reviews' }).count())
      .toBe(1);
    await expectAccessible(health, "the health professional's first screen");
    await noSidewaysScroll(health, 390);
    await health.getByRole('link', { name: 'See all your review advice requests' }).click();
    await expectAccessible(health, 'their review advice requests');
    await health.locator('tbody tr', { hasText: childName }).first().locator('a').first().click();
    await expect.poll(() => health.locator('h1').textContent()).toContain('advice for the annual review');
    await expectAccessible(health, 'the advice request');
    await noSidewaysScroll(health, 390);
    await health.getByLabel('Progress towards the outcomes in the plan').fill('Anxiety is easing with CBT.');
    await health.getByLabel('Changes you recommend to the plan').fill('Keep the monthly CAMHS sessions.');
    // their report attached, sent round with the review's papers
    await health.getByLabel('Attach your report (optional)').setInputFiles({
      name: 'CAMHS review report.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% CAMHS review report\n%%EOF\n'),
    });
    await health.getByRole('button', { name: 'Send advice' }).click();
    await expect.poll(() => health.locator('.govuk-notification-banner').count()).toBe(1);
    await expect.poll(() => health.getByRole('link', { name: /CAMHS review report\.pdf/ }).count()).toBe(1);
    await expectAccessible(health, 'the advice sent, with its report');

    // 3. The young person gives their views on a phone
    const yp = await phone('youngperson@demo.example', 375);
    await expectAccessible(yp, "the young person's first screen");
    await noSidewaysScroll(yp, 375);
    await yp.getByRole('link', { name: 'See the review and what we ask of you' }).first().click();
    await expect.poll(() => yp.getByRole('heading', { name: 'What we ask of you' }).count()).toBe(1);
    await expectAccessible(yp, "the young person's review page");
    await noSidewaysScroll(yp, 375);
    await yp.getByRole('link', { name: 'Your views' }).click();
    await yp.getByLabel('What is going well?').fill('College is OK and I like the computing course.');
    await yp.getByLabel('What are your hopes for the future?').fill('A job in games, and my own flat.');
    await expectAccessible(yp, "the young person's views form");
    await noSidewaysScroll(yp, 375);
    await yp.getByRole('button', { name: 'Send my views' }).click();
    await expect.poll(() => yp.locator('.govuk-notification-banner').textContent()).toContain('Thank you');
    await expectAccessible(yp, "the young person's review page, views sent");

    // 4. The meeting day: the college records the meeting and sends the report
    today = meeting;
    await college.goto(meetingUrl);
    await fillDate(college, 'held', meeting);
    const radios = college.locator('form[action$="/record"] input[type="radio"]');
    const names = new Set<string>();
    for (let i = 0; i < (await radios.count()); i++)
      names.add((await radios.nth(i).getAttribute('name')) ?? '');
    expect([...names].some((n) => n.startsWith('progress-'))).toBe(true);
    for (const name of names) await college.locator(`input[type="radio"][name="${name}"]`).first().check();
    await college.locator('#working-child').fill('Settled in college; attendance is up.');
    await college.getByText('Recommended changes to the plan, by section').click();
    await college.locator('#change-F').fill('Add weekly travel training toward travelling alone.');
    if (await college.locator('#pfa-employment').count())
      await college.locator('#pfa-employment').fill('A supported internship next year.');
    await expectAccessible(college, 'the record form, filled in');
    await college.getByRole('button', { name: 'Record the meeting' }).click();
    await expect.poll(() => college.getByRole('button', { name: 'Send the report' }).count()).toBe(1);
    await expectAccessible(college, 'the meeting with its record');
    await college.getByRole('button', { name: 'Send the report' }).click();
    await expect.poll(() => college.getByRole('link', { name: 'Read the review report' }).count()).toBe(1);
    await college.getByRole('link', { name: 'Read the review report' }).click();
    expect(await college.textContent('main')).toContain('Add weekly travel training');
    await expectAccessible(college, 'the review report');

    // the young person reads the report from their first screen, with what happens next and by when
    today = addDays(meeting, 2);
    await yp.goto(server.baseUrl);
    await yp.getByRole('link', { name: 'Read the review report' }).first().click();
    await expect.poll(() => yp.textContent('main')).toContain('Add weekly travel training');
    expect(await yp.textContent('main')).toContain(long(addDays(meeting, 28)));
    await expectAccessible(yp, 'the review report, for the young person');
    await noSidewaysScroll(yp, 375);

    // 5. The caseworker decides to amend, starts the amendment, changes the plan and sends the proposal
    today = addDays(meeting, 7);
    const cw = await desk('caseworker@demo.example');
    await cw.goto(`${server.baseUrl}/reviews/plans/${planId}`);
    await expect.poll(() => cw.locator('h1').textContent()).toBe('Annual reviews');
    // the health professional's report is listed on the review, to download
    const report = cw.getByRole('link', { name: /CAMHS review report\.pdf/ }).first();
    const download = await cw.request.get(`${server.baseUrl}${await report.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain('attachment');
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(cw, "the plan's reviews, the report sent");
    await cw.getByLabel('Amend the plan').check();
    await fillDate(cw, 'date', today);
    await cw.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => cw.getByText('Decided: amend the plan').count()).toBeGreaterThan(0);
    await expectAccessible(cw, "the plan's reviews, decided to amend");
    // the young person reads the decision's letter from their first screen
    await yp.goto(server.baseUrl);
    await yp
      .getByRole('link', { name: /^Read the decision letter/ })
      .first()
      .click();
    await expect.poll(() => yp.locator('h1').textContent()).toContain('We propose to change');
    await expectAccessible(yp, 'the decision letter, for the young person');
    await noSidewaysScroll(yp, 375);
    await cw
      .getByRole('link', { name: /^The amendment/ })
      .last()
      .click();
    await expectAccessible(cw, 'the amendment, to start');
    await cw.getByLabel('The annual review decided to amend the plan').check();
    await cw.getByRole('button', { name: 'Start the amendment' }).click();
    await expect.poll(() => cw.getByRole('heading', { name: 'The amendment in progress' }).count()).toBe(1);
    await expectAccessible(cw, 'the amendment, preparing');
    await cw.getByRole('link', { name: 'The plan editor' }).first().click();
    await cw.getByRole('link', { name: 'Add to section A' }).click();
    await expectAccessible(cw, 'the plan editor, a new item');
    await cw.getByLabel('Views, interests or aspirations').fill('I want to travel to college on my own.');
    await cw.getByRole('button', { name: 'Save and run the checks' }).click();
    await cw.goto(`${server.baseUrl}/amendments/plans/${planId}`);
    await expect.poll(() => cw.textContent('main')).toContain('I want to travel to college on my own.');
    await expectAccessible(cw, 'the amendment with the proposed change');
    await fillDate(cw, 'proposal-date', today);
    await cw.getByRole('button', { name: 'Send the proposal to the family' }).click();
    await expect.poll(() => cw.getByRole('link', { name: 'The notice the family sees' }).count()).toBe(1);
    await expectAccessible(cw, 'the amendment, proposal sent');
    const proposal = today;

    // 6. The young person reads the proposal and comments, on their phone
    today = addDays(proposal, 3);
    // from their first screen's task, with the last day to comment
    await yp.goto(server.baseUrl);
    const task = yp.locator('.app-family-tasks li', {
      hasText: 'Comment on the changes the council proposes',
    });
    await expect.poll(() => task.textContent()).toContain(long(addDays(proposal, 14)));
    await task.getByRole('link', { name: /^Read the proposed changes and comment/ }).click();
    await yp.getByRole('link', { name: 'Read the notice of the proposed changes' }).click();
    await expect.poll(() => yp.locator('h1').textContent()).toBe('Proposed changes to the EHC plan');
    expect(await yp.textContent('main')).toContain('I want to travel to college on my own.');
    await expectAccessible(yp, 'the proposal notice');
    await noSidewaysScroll(yp, 375);
    await yp.goto(`${server.baseUrl}/your-plans/${planId}`);
    // each part of the plan has its own comment link (issue 18, finding 16)
    await yp.locator('a.app-comment-link').first().click();
    await yp.locator('textarea#body').fill('Yes please: travel training on Tuesdays suits me.');
    await expectAccessible(yp, 'the shared plan with the comment form');
    await noSidewaysScroll(yp, 375);
    await yp.getByRole('button', { name: 'Send your comment' }).click();
    await expect.poll(() => yp.textContent('main')).toContain('travel training on Tuesdays');
    await expectAccessible(yp, 'the shared plan, comment sent');

    // 7. After the 15 days, the caseworker issues the amended plan. The demo young person's plan has golden-thread
    // errors the amendment did not touch: a team manager records why it is issued anyway, as the plans feature asks.
    today = addDays(proposal, 16);
    const manager = await desk('manager@demo.example');
    await manager.goto(`${server.baseUrl}/plans/${planId}/override`);
    await expectAccessible(manager, 'the golden-thread override');
    if ((await manager.getByText('None: there is nothing to override.').count()) === 0) {
      await manager
        .getByLabel('Why the plan should be issued with these errors')
        .fill('The amendment adds travel training only; the other sections are revised at the next review.');
      await manager.getByRole('button', { name: 'Record the reason' }).click();
      await manager.waitForLoadState();
    }
    await cw.goto(`${server.baseUrl}/amendments/plans/${planId}`);
    await fillDate(cw.locator('form[action$="/issue"]'), 'issue-date', today);
    await cw.getByRole('button', { name: 'Issue the amended plan' }).click();
    await expect.poll(() => cw.getByRole('heading', { name: 'Earlier amendments' }).count()).toBe(1);
    await expectAccessible(cw, 'the amendment, amended plan issued');

    // the young person opens the amended plan's notice from their one email about it (with the appeal date): what
    // changed, the next review (not moved) and their rights, with the PDF and the Word document
    const emails = await server.database.db
      .selectFrom('notification')
      .select(['body', 'template'])
      .where('recipient', '=', 'youngperson@demo.example')
      .where('template', 'in', ['amendment-issued', 'plan-letter-to-family'])
      .where('body', 'like', '%/letters/amended-plan/%')
      .execute();
    expect(emails.map((e) => e.template)).toEqual(['amendment-issued']);
    expect(emails[0]!.body).toContain('The last day to appeal is');
    const link = emails
      .map((e) => /\/letters\/amended-plan\/[0-9a-f-]{36}/.exec(e.body)?.[0])
      .find((l) => l !== undefined);
    expect(link).toBeDefined();
    await yp.goto(`${server.baseUrl}${link}`);
    await expect.poll(() => yp.locator('h1').textContent()).toContain('We have amended');
    const notice = await yp.textContent('main');
    expect(notice).toContain('Section A: views, interests and aspirations');
    expect(notice).toContain(`The next review must be held by ${long(twelveMonthsFrom(meeting))}`);
    expect(notice).toContain('Amending the plan does not change this date');
    expect(notice).toContain('If you disagree: your rights');
    await expectAccessible(yp, "the amended plan's notice");
    await noSidewaysScroll(yp, 375);
    const pdf = await yp.request.get(`${server.baseUrl}${link}/letter.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // 8. The next review: 12 months from the meeting, never from the amendment
    const due = twelveMonthsFrom(meeting);
    await cw.goto(`${server.baseUrl}/reviews/plans/${planId}`);
    const next = cw.locator('.govuk-summary-list__row', { hasText: 'Meeting due by' });
    await expect.poll(() => next.textContent()).toContain(long(due));
    await expectAccessible(cw, "the plan's reviews, the next review due");
    await yp.goto(server.baseUrl);
    await expect
      .poll(() => yp.textContent('main'))
      .toContain(`The next review of the plan is due by ${long(due)}`);
    await expectAccessible(yp, "the young person's first screen, the next review");
    await noSidewaysScroll(yp, 375);
  }, 600_000);
});
