/**
 * The structured EHC plan in a real browser, with axe on every page (embedded database): a caseworker builds a plan
 * from three pieces of advice, fixes the findings, shares the draft; the parent and the health professional comment;
 * the caseworker answers, names the school and issues the final plan; the parent compares the draft and the final.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { draftStageCase, THREE_ADVICE } from '../helpers/plan-fixtures.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';
import { childWithNoCase, demoUser } from '../helpers/demo-cases.ts';

describe('building, sharing and issuing an EHC plan in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  let reference: string;
  let caseId: string;

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
    // A child with no plan and no assessment yet; the family's and advisers' access comes through grants as usual.
    const child = await childWithNoCase(db, cw.la_code);
    reference = child.reference;
    caseId = await draftStageCase(db, cw.la_code, {
      childId: child.id,
      teamId: cw.team_id!,
      officerId: cw.id,
      advice: THREE_ADVICE(ep.id, health.id, senco.id),
    });
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

  const as = async (email: string): Promise<Page> => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, email, DEMO_PASSWORD);
    return page;
  };

  it('runs the whole journey', async () => {
    // The caseworker starts the plan and pulls in every recommendation.
    const cw = await as('caseworker@demo.example');
    await cw.goto(`${server.baseUrl}/plans`);
    await expectAccessible(cw, 'plans list');
    await cw.getByRole('link', { name: 'Start a plan for a child or young person' }).click();
    await expectAccessible(cw, 'start a plan');
    await cw.getByLabel("Child's reference").fill(reference);
    await cw.getByRole('button', { name: 'Start the plan' }).click();
    await expect.poll(() => cw.url()).toMatch(/\/plans\/[0-9a-f-]{36}$/);
    const planUrl = cw.url();
    expect(await cw.content()).toContain(
      'Health advice from the Consultant community paediatrician: 5 recommendations not in the plan',
    );
    await expectAccessible(cw, 'plan editor with advice to pull in');
    for (let i = 0; i < 20; i++) {
      const button = cw.getByRole('button', { name: /^Add to section/ }).first();
      if ((await button.count()) === 0) break;
      await button.click();
      await cw.waitForLoadState('load');
    }
    expect(await cw.content()).toContain('Every recommendation in the submitted advice is in the plan');
    expect(await cw.content()).toContain('Low muscle tone affects handwriting stamina');
    expect(await cw.content()).toContain('has no provision in section F');
    // Issue 18: a pulled item is linked only to the needs it concerns (the caseworker ticks them beside its button),
    // so the check asks about the conversation need: the caseworker links the one-to-one teaching to it as well.
    await cw.getByRole('link', { name: /^Change Precision Teaching/ }).click();
    await cw.getByRole('checkbox', { name: /Finds it hard to start/ }).check();
    await cw.getByRole('button', { name: 'Save and run the checks' }).click();
    await cw.waitForLoadState('load');

    // Fix the findings: aspirations in A, and provision in F for the need that had none.
    await cw.goto(`${planUrl}/items/new/A`);
    await expectAccessible(cw, 'add to section A');
    await cw
      .getByLabel('Views, interests or aspirations')
      .fill('I want to be a vet and have a friend to play with.');
    await cw.getByRole('button', { name: 'Save and run the checks' }).click();
    await cw.goto(`${planUrl}/items/new/F`);
    await cw.getByRole('button', { name: 'Save and run the checks' }).click();
    expect(await cw.title()).toMatch(/^Error:/);
    await expectAccessible(cw, 'provision form with errors');
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
    expect(await cw.content()).not.toContain('has no provision in section F');
    expect(await cw.content()).toContain('The checks found <strong>0 errors</strong>');

    // Preview it as the family will see it (issue 18), then share the draft.
    await cw.getByRole('link', { name: 'Preview the draft as the family will see it' }).click();
    expect(await cw.content()).toContain('This is what the family will see if you share the draft today');
    await expectAccessible(cw, 'draft preview');
    await cw.getByRole('link', { name: 'go back to the plan to change it' }).click();
    await cw.getByRole('link', { name: 'Share a draft for comments' }).click();
    await expectAccessible(cw, 'share the draft');
    await cw.getByRole('button', { name: 'Share the draft' }).click();
    await cw.waitForURL(/saved=draft-issued/);
    expect(await cw.content()).toContain("The family's 15 days to comment");
    await expectAccessible(cw, 'editor after sharing');

    // The parent comments on a section.
    const parent = await as('parent@demo.example');
    await parent.goto(`${server.baseUrl}/your-plans`);
    await expectAccessible(parent, 'your plans');
    const planId = planUrl.split('/').pop()!;
    await parent.goto(`${server.baseUrl}/your-plans/${planId}`);
    await expectAccessible(parent, 'shared draft for the family');
    await parent.locator('a[href$="?part=section%3AF#comment-form"]').click();
    await expectAccessible(parent, 'the comment form on section F');
    await parent
      .getByLabel('Your comment', { exact: true })
      .fill('Please add help at lunchtime, when Rowan gets worried.');
    await parent.getByRole('button', { name: 'Send your comment' }).click();
    await parent.waitForURL(/sent=1/);
    expect(await parent.content()).toContain('Your comment has been sent');

    // The health professional comments on an item of section G.
    const health = await as('health@demo.example');
    await health.goto(`${server.baseUrl}/your-plans/${planId}`);
    await expectAccessible(health, 'shared draft for an adviser');
    await health.locator('a[href*="part=item%3AG%3A"]').first().click();
    await health.waitForURL(/part=item%3AG%3A/);
    await expectAccessible(health, 'the comment form on an item of section G');
    await health
      .getByLabel('Your comment', { exact: true })
      .fill('Please name the epilepsy nurse team as the trainer.');
    await health.getByRole('button', { name: 'Send your comment' }).click();
    await health.waitForURL(/sent=1/);

    // The caseworker answers both.
    await cw.goto(`${planUrl}/comments`);
    await expectAccessible(cw, 'comments');
    for (let i = 0; i < 2; i++) {
      await cw
        .getByRole('link', { name: /^Answer/ })
        .first()
        .click();
      await expectAccessible(cw, 'answer a comment');
      await cw.getByLabel('Your answer', { exact: true }).fill('Thank you: the plan now says this.');
      await cw.getByLabel('Yes', { exact: true }).check();
      await cw.getByLabel('What changed (if it did)').fill('Section F and G updated.');
      await cw.getByRole('button', { name: 'Send the answer' }).click();
      await cw.waitForURL(/answered=1/);
    }

    // Name the school and issue the final plan.
    await cw.goto(`${planUrl}/placement`);
    await expectAccessible(cw, 'placement');
    await cw.getByLabel('School or setting').selectOption({ index: 1 });
    const settingId = await cw.getByLabel('School or setting').inputValue();
    await cw.getByRole('button', { name: 'Save and run the checks' }).click();
    // S3: a setting is consulted on the draft before the final plan names it.
    await cw.goto(`${server.baseUrl}/assessments/${caseId}/placement`);
    await expectAccessible(cw, 'preference and consultation');
    await cw.getByLabel('School, college or nursery to consult', { exact: true }).selectOption(settingId);
    await cw.getByRole('button', { name: 'Send the consultation' }).click();
    await cw.waitForURL(/done=consulted/);
    await expectAccessible(cw, 'consultation sent');
    // J1: the final plan comes before the family's 15 days end only because their comments are recorded as complete.
    await cw.goto(`${server.baseUrl}/assessments/${caseId}/response`);
    await cw
      .getByLabel("Summary of the family's comments")
      .fill('Happy with the draft; comments given above.');
    await cw.getByLabel('The family told us their comments are complete').check();
    await cw.getByRole('button', { name: 'Record the response' }).click();
    await cw.waitForURL(/done=response/);
    await cw.goto(`${planUrl}/issue-final`);
    await expectAccessible(cw, 'issue the final plan');
    await cw.getByRole('button', { name: 'Issue the plan' }).click();
    await cw.waitForURL(/saved=final-issued/);

    // The parent compares the draft and the final plan.
    await parent.goto(`${server.baseUrl}/plans/${planId}/versions`);
    await expectAccessible(parent, 'versions');
    await parent.getByRole('button', { name: 'Compare' }).click();
    await expectAccessible(parent, 'compare draft and final');
    const compared = await parent.content();
    expect(compared).toContain('Compare version 1 with version 2');
    expect(compared).toMatch(/Added<\/strong> <ins>/);
    // On a phone (320 px) each row's versions stack: no table is wider than its page (issue 18 item 1).
    await parent.setViewportSize({ width: 320, height: 640 });
    const widest: number = await parent.evaluate(
      "Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('.app-compare')].map((t) => t.scrollWidth))",
    );
    expect(widest).toBeLessThanOrEqual(320);
    await expectAccessible(parent, 'compare on a phone');
    await parent.setViewportSize({ width: 1280, height: 800 });
    await parent.goto(`${server.baseUrl}/plans/${planId}/versions`);
    await parent.getByRole('link', { name: /^Page/ }).first().click();
    await expectAccessible(parent, 'printable plan');
  }, 240_000);
});
