/**
 * The browser checks themselves can fail: axe reports a violation in the page, in a page that loaded axe with its
 * context's init script, and in a frame (the ways `expectAccessible` runs it), and the reading check finds glued words,
 * staff codes and a wide table.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from '../helpers/browser.ts';
import { readingProblems } from '../helpers/readable.ts';

const PAGE = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Check</title></head><body><main><h1>Check</h1>${body}</main></body></html>`;

/** The violations `expectAccessible` failed with (its message names the page; the list is the assertion's). */
async function violations(page: Page, label: string): Promise<string> {
  try {
    await expectAccessible(page, label);
  } catch (err) {
    expect(String(err)).toMatch(`accessibility violations on ${label}`);
    return JSON.stringify((err as { actual?: unknown }).actual);
  }
  return 'none';
}

describe('the browser checks', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('axe passes a page with no violation and fails one with a picture without words', async () => {
    await page.setContent(PAGE('<p>Plain words.</p><img src="data:," alt="A picture">'));
    await expectAccessible(page, 'clean page');
    await page.setContent(PAGE('<p>Plain words.</p><img src="data:,">'));
    expect(await violations(page, 'page with a violation')).toMatch(/image-alt \(critical\)/);
  });

  it("axe that a page loads with its context's init script fails a page too", async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.setContent(PAGE('<p>Plain words.</p>'));
    await expectAccessible(first, 'first page');
    // A page the context opens after its first check loads axe itself: the check runs it in one round trip.
    const later = await context.newPage();
    await later.goto(`data:text/html,${encodeURIComponent(PAGE('<p>Plain words.</p><img src="data:,">'))}`);
    expect(await later.evaluate('typeof window.axe')).toBe('object');
    expect(await violations(later, 'a later page')).toMatch(/image-alt \(critical\)/);
    await context.close();
  });

  it('axe reaches into a frame', async () => {
    await page.setContent(
      PAGE('<iframe title="Inner" srcdoc="<main><img src=&quot;data:,&quot;></main>"></iframe>'),
    );
    await expect.poll(() => page.frames().length).toBe(2);
    expect(await violations(page, 'page with a frame')).toMatch(/image-alt \(critical\)/);
  });

  it('the reading check finds glued words, staff codes and a table wider than the page', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.setContent(PAGE('<p>Plain words for a family on 4 December 2026.</p>'));
    expect(await readingProblems(page, { family: true })).toEqual([]);
    await page.setContent(
      PAGE(
        '<p>Ask your officerGT-001284 by 2026-12-04 about SEMH.</p>' +
          `<table><caption>Wide</caption><tr>${'<td>column-of-words</td>'.repeat(30)}</tr></table>`,
      ),
    );
    const problems = await readingProblems(page, { family: true });
    expect(problems.join('\n')).toMatch(/glued/);
    expect(problems.join('\n')).toMatch(/a need code/);
    expect(problems.join('\n')).toMatch(/as the computer writes it/);
    expect(problems.join('\n')).toMatch(/the table "Wide" is/);
  });
});
