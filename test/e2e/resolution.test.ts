/**
 * Disagreement resolution records in a real browser, on the demo (embedded database only: what depends on the engine
 * is covered on both by src/features/register/resolution.test.ts; ADR 0047). The caseworker opens the records from
 * the register, records a meeting (the error summary first, what they typed kept), sees what the agreement obliges
 * on the record and on their first screen, and marks it done (and a leader's learning action reaches the plan's action); the family sees it on their own page on a 390 px phone,
 * in plain words, without the staff's notes. axe checks WCAG 2.2 A and AA on every page.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, useDemoBrowser } from '../helpers/browser.ts';

describe('disagreement resolution in a browser on pglite', () => {
  const d = useDemoBrowser('pglite');

  it('the caseworker records a meeting and its agreement, sees the task on their first screen and marks it done', async () => {
    const c = await d.signedIn('caseworker@demo.example');
    // parent@'s child, led by caseworker@ (so the family sees the record, and the task is caseworker@'s)
    const { reference } = await d.server.database.db
      .selectFrom('access_grant as g')
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.la_code', '=', 'g.la_code').onRef('u.id', '=', 'g.user_id'),
      )
      .innerJoin('child as ch', (j) =>
        j.onRef('ch.la_code', '=', 'g.la_code').onRef('ch.id', '=', 'g.child_id'),
      )
      .innerJoin('app_user as o', (j) =>
        j.onRef('o.la_code', '=', 'ch.la_code').onRef('o.id', '=', 'ch.lead_officer_id'),
      )
      .select('ch.reference')
      .where('u.email', '=', 'parent@demo.example')
      .where('o.email', '=', 'caseworker@demo.example')
      .orderBy('ch.reference')
      .executeTakeFirstOrThrow();

    await c.goto(`${d.baseUrl}/register`);
    await c.getByRole('link', { name: 'Disagreement resolution meetings' }).click();
    await c.waitForURL(/\/register\/disagreement-resolution$/);
    await expectAccessible(c, 'the records');
    await c.getByRole('link', { name: 'Record a disagreement resolution meeting' }).click();
    await c.waitForURL(/\/register\/disagreement-resolution\/new/);
    await expectAccessible(c, 'record a meeting');

    await c.getByLabel("Child's reference").fill(reference);
    await c.getByLabel('What the disagreement was about').fill('Transport to the new school');
    await c.getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => c.title()).toMatch(/^Error: /);
    await expectAccessible(c, 'record a meeting, with errors');
    expect(await c.getByLabel('What the disagreement was about').inputValue()).toBe(
      'Transport to the new school',
    );

    await c.getByLabel('The child’s parent').check();
    const twoWeeksAgo = new Date(Date.now() - 14 * 86_400_000);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    const fillDate = async (legend: string, date: Date) => {
      const group = c.getByRole('group', { name: legend });
      await group.getByLabel('Day').fill(String(date.getUTCDate()));
      await group.getByLabel('Month').fill(String(date.getUTCMonth() + 1));
      await group.getByLabel('Year').fill(String(date.getUTCFullYear()));
    };
    await fillDate('Date it was asked for', twoWeeksAgo);
    await c
      .getByLabel('Disagreement resolution service (the provider)')
      .fill('Independent Resolution Service');
    await c.getByLabel('Who took part').fill('Parent, transport officer, caseworker');
    await c.getByLabel('Agreement reached').check();
    await fillDate('Date of the meeting (leave empty if it was not held)', weekAgo);
    await c
      .getByLabel('What was agreed (when there was an agreement)')
      .fill('A taxi from the first day of term');
    await c.getByLabel('What must be done (optional)').fill('Book the taxi');
    await fillDate('Date it must be done by', inAWeek);
    await c.getByRole('button', { name: 'Record' }).click();
    await c.waitForURL(/\/register\/disagreement-resolution\/[0-9a-f-]+\?done=recorded/);
    await expectAccessible(c, 'the record');
    expect(await c.locator('main').textContent()).toContain('A taxi from the first day of term');

    await c.goto(`${d.baseUrl}/`);
    await expect.poll(() => c.locator('body').textContent()).toContain('Book the taxi');
    await expectAccessible(c, 'caseworker home with the agreement');
    await c.getByRole('link', { name: /Book the taxi/ }).click();
    await c.waitForURL(/\/register\/disagreement-resolution\/[0-9a-f-]+$/);
    await c.getByRole('button', { name: 'Mark as done' }).click();
    await expect.poll(() => c.title()).toMatch(/^Error: /);
    await expectAccessible(c, 'the record, with an error');
    await c.getByLabel('What was done').fill('Taxi booked with the contractor');
    await c.getByRole('button', { name: 'Mark as done' }).click();
    await c.waitForURL(/done=done/);
    expect(await c.locator('main').textContent()).toContain('Taxi booked with the contractor');
    await expectAccessible(c, 'the record, done');

    const p = await d.signedIn('parent@demo.example', { viewport: { width: 390, height: 844 } });
    await p.goto(`${d.baseUrl}/your-say`);
    const main = (await p.locator('main').textContent()) ?? '';
    for (const text of [
      'Meetings to sort out a disagreement',
      'Everyone reached an agreement',
      'A taxi from the first day of term',
      'What the council must do',
      'Book the taxi',
      'Done on',
    ])
      expect(main).toContain(text);
    for (const staffOnly of ['Taxi booked with the contractor', 'Parent, transport officer, caseworker'])
      expect(main).not.toContain(staffOnly);
    expect(await p.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expectAccessible(p, 'the family’s page with the meeting, at 390 px');
  });

  it('the leader raises a learning action from a theme, linked to an action in the improvement plan, and sees where it went', async () => {
    const l = await d.signedIn('leader@demo.example');
    await l.goto(`${d.baseUrl}/register/counts`);
    expect(await l.locator('main').textContent()).toContain('Disagreement resolution meetings');
    await expectAccessible(l, 'the counts, with disagreement resolution');
    await l.getByRole('link', { name: /agreed actions? overdue/ }).click();
    await l.waitForURL(/\/register\/disagreement-resolution\?overdue=yes/);
    await expectAccessible(l, 'the agreed actions overdue');
    await l.goto(`${d.baseUrl}/register/counts`);
    await l.getByRole('link', { name: 'Learning actions: what we learnt and where it went' }).click();
    await l.waitForURL(/\/register\/learning$/);
    await expectAccessible(l, 'learning actions');
    await l.getByRole('link', { name: 'Raise a learning action from a theme' }).click();
    await l.waitForURL(/\/register\/learning\/new$/);
    await expectAccessible(l, 'raise a learning action');
    await l.getByLabel('What we learnt').fill('Families are not told who their caseworker is');
    await l.getByRole('button', { name: 'Raise the learning action' }).click();
    await expect.poll(() => l.title()).toMatch(/^Error: /);
    await expectAccessible(l, 'raise a learning action, with errors');
    expect(await l.getByLabel('What we learnt').inputValue()).toBe(
      'Families are not told who their caseworker is',
    );
    await l.getByLabel('The theme it was learnt from').selectOption('communication');
    const action = l.getByLabel('The action in the improvement plan that takes it on');
    const first = await action.locator('option').nth(1).getAttribute('value');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    await action.selectOption(first ?? '');
    await l.getByRole('button', { name: 'Raise the learning action' }).click();
    await l.waitForURL(/\/register\/learning\?done=raised/);
    expect(await l.locator('main').textContent()).toContain('Families are not told who their caseworker is');
    await expectAccessible(l, 'learning actions, with one');
    await l.locator('main table a[href^="/improvement/actions/"]').first().click();
    await l.waitForURL(/\/improvement\/actions\//);
    // the action it went to lists it
    await l.goto(`${d.baseUrl}/improvement/actions/${first}`);
    expect(await l.locator('main').textContent()).toContain('Learning sent to this action');
    expect(await l.locator('main').textContent()).toContain('Families are not told who their caseworker is');
    await expectAccessible(l, 'the improvement plan action with the learning sent to it');
  });
});
