/**
 * The Local Offer in a real browser (PGlite only, to keep CI time down): a parent on a phone-sized screen searches
 * with a typo, filters, opens a service and reports a problem; the editor turns comments into a published
 * "You said, we did" entry; a provider adds a service (empty submit first), the editor publishes it and adds a
 * provider organisation. axe checks every page on the way.
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

describe('the Local Offer in a browser on pglite', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('pglite'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a parent on a phone searches with a typo, filters, opens a service and reports a problem', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: /Local Offer: find support/ }).click();
    await expect.poll(() => page.title()).toMatch(/SEND Local Offer/);
    await expectAccessible(page, 'Local Offer home');

    await page.getByLabel('What are you looking for?').fill('autsim');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('body').textContent()).toMatch(/Showing results for autism/);
    await expectAccessible(page, 'search results');

    await page.getByLabel('Age in years').fill('8');
    await page.getByLabel('Free only').check();
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.url()).toMatch(/age=8/);
    const count = await page.getByRole('status').textContent();
    expect(count).toMatch(/\d+ services? found/);
    await expectAccessible(page, 'filtered results');

    await page.locator('.app-results a').first().click();
    await expect.poll(() => page.locator('body').textContent()).toMatch(/Last checked on/);
    await expectAccessible(page, 'service page');

    await page.getByRole('link', { name: 'Report a problem with this page' }).click();
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'problem form with errors');
    await page.getByLabel('What is wrong with the page?').fill('The phone number rings a shop.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/Thank you/);
    await expectAccessible(page, 'thank you');

    await page.goto(`${server.baseUrl}/local-offer/search?q=zzqxv`);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/No services found/);
    await expectAccessible(page, 'no results');
    for (const path of [
      '/local-offer/information/personal-budgets',
      '/local-offer/you-said-we-did',
      '/local-offer/comments',
    ]) {
      await page.goto(`${server.baseUrl}${path}`);
      await expectAccessible(page, path);
    }
    await context.close();
  });

  it('the editor turns comments into a published "You said, we did" entry', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'editor@demo.example', DEMO_PASSWORD);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/Local Offer/);
    await expectAccessible(page, 'editor home');
    // The usage chart names each week by the day it starts ('5 Oct'), not 'weeks 1..8'.
    const axis = await page.locator('svg.app-chart text').allTextContents();
    expect(axis).toHaveLength(8);
    for (const label of axis) expect(label).toMatch(/^\d{1,2} [A-Z][a-z]{2}$/);
    await page.getByRole('link', { name: 'comments to sort' }).click();
    await expectAccessible(page, 'feedback triage');
    await page.getByRole('link', { name: 'Group comments into a You said, we did entry' }).click();
    await page.locator('input[name="comments"]').first().check();
    await page.locator('input[name="comments"]').nth(1).check();
    await page.getByLabel('Title').fill('Quiet rooms');
    await page.getByLabel('You said').fill('You asked us to say which places have a quiet room.');
    await page.getByLabel('Our response').fill('We agree this helps families plan a visit.');
    await page.getByLabel('What we will do').fill('Every venue will say whether it has a quiet room.');
    await page.getByLabel('Who owns the action').fill('Local Offer officer');
    await page.getByLabel('In progress').check();
    await page.getByLabel('Yes, publish it').check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/You said, we did: entries/);
    await expectAccessible(page, 'entries');
    await page.goto(`${server.baseUrl}/local-offer/you-said-we-did`);
    await expect.poll(() => page.locator('body').textContent()).toMatch(/Quiet rooms/);
    await page.goto(`${server.baseUrl}/local-offer/manage/approvals`);
    await expectAccessible(page, 'approvals');
    await page.locator('table a').first().click();
    await expectAccessible(page, 'approval with diff');
    await page.goto(`${server.baseUrl}/local-offer/manage/links`);
    await expectAccessible(page, 'broken links');
    await context.close();
  });

  it('a provider adds a service (errors first), the editor publishes it and adds an organisation, and search finds it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, server.baseUrl, 'provider@demo.example', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Add a service' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/Add a service/);
    await expectAccessible(page, 'new service form');
    await page.getByRole('button', { name: 'Send for approval' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Add a service/);
    await expectAccessible(page, 'new service form with errors');
    const label = (text: string) => page.getByLabel(text, { exact: true });
    await label('Name of the service').fill('Kestrelbrook Calm Climbing');
    await label('What it is').fill('Indoor climbing in small, quiet groups.');
    await label('Leisure and activities').check();
    await label('Autism').check();
    await label('Free').check();
    await label('How to get it').fill('Phone to book a place.');
    await label('When it runs').fill('Sundays, 2pm to 4pm');
    await label('Address line 1').fill('2 Quarry Lane');
    await label('Town or city').fill('Denmoor');
    await label('Postcode').fill('DM2 1AA');
    await label('Phone').fill('01632 960777');
    await page.getByRole('button', { name: 'Send for approval' }).click();
    await expect.poll(() => page.locator('body').textContent()).toMatch(/sent to the Local Offer editor/);
    await context.close();

    const editorContext = await browser.newContext();
    const e = await editorContext.newPage();
    await signInAs(e, server.baseUrl, 'editor@demo.example', DEMO_PASSWORD);
    await e.goto(`${server.baseUrl}/local-offer/manage/approvals`);
    await e.getByRole('link', { name: 'Kestrelbrook Calm Climbing' }).click();
    await expect.poll(() => e.locator('h1').textContent()).toMatch(/Check the new service/);
    await expectAccessible(e, 'approval of a new service');
    await e.getByLabel('Publish the change').check();
    await e.getByRole('button', { name: 'Save decision' }).click();
    await e.goto(`${server.baseUrl}/local-offer/search?q=kestrelbrook`);
    await expect.poll(() => e.locator('body').textContent()).toMatch(/Kestrelbrook Calm Climbing/);
    await e.goto(`${server.baseUrl}/local-offer/manage/organisations/new`);
    await expectAccessible(e, 'new organisation form');
    await e.getByRole('button', { name: 'Add organisation' }).click();
    await expect.poll(() => e.title()).toMatch(/^Error: Add a provider organisation/);
    await expectAccessible(e, 'new organisation form with errors');
    await e.getByLabel('Name of the organisation').fill('Kestrelbrook Climbing Trust');
    await e.getByLabel('Kind of organisation').selectOption('charity');
    await e.getByRole('button', { name: 'Add organisation' }).click();
    await expect.poll(() => e.locator('h1').textContent()).toMatch(/Add a service/);
    await expectAccessible(e, 'new service form for the editor');
    await editorContext.close();
  });
});
