/**
 * The demo contract in a real browser: every demo account signs in and sees its own work, and every page reachable
 * from its home page (and one step further) passes axe's WCAG 2.2 A and AA checks with no violations.
 * Runs against both the embedded database and PostgreSQL: one test file per engine (`demo-accounts-pglite.test.ts`,
 * `demo-accounts-postgres.test.ts`), so two Vitest workers share the crawl.
 */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/platform/db/database.ts';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import { expectAccessible, pageLinks, useDemoBrowser } from '../helpers/browser.ts';
import { readingProblems } from '../helpers/readable.ts';

/** The accounts of families: they read on a phone, and never meet a staff code. */
const FAMILY_ACCOUNTS = DEMO_ACCOUNTS.filter((a) => a.role === 'parent' || a.role === 'young-person').map(
  (a) => a.email,
);

/** What each account's home page must show: its own work. */
const HOME_HEADINGS: Record<string, RegExp> = {
  'caseworker@demo.example': /Your assessments/,
  'manager@demo.example': /Your team/,
  'leader@demo.example': /Your area/,
  'ep@demo.example': /Advice asked of you/,
  'health@demo.example': /Advice asked of you/,
  'socialcare@demo.example': /Advice asked of you/,
  'senco@demo.example': /Advice asked of you/,
  'college@demo.example': /Advice asked of you/,
  'parent@demo.example': /Your child/,
  'parent2@demo.example': /Your child/,
  'youngperson@demo.example': /Your plan/,
  'editor@demo.example': /Local Offer/,
  'provider@demo.example': /Your Local Offer entries/,
  'admin@demo.example': /Administration/,
};

/** A phone's window. */
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true };

/** Collapse record URLs to one visit per kind of page, so the crawl stays quick but covers every page type. */
function pageKind(path: string): string {
  return path
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')
    .replace(/([?&])page=\d+/, '$1page=N')
    .replace(/\?.*$/, (q) => (q.includes('page=') ? '?page' : '?filter'));
}

/** The whole demo contract on one engine. */
export function describeDemoAccounts(engine: Engine): void {
  describe(`demo accounts in a browser on ${engine}`, () => {
    // Each account signs in through the form (second factor and all) in its crawl; its phone pages start from that
    // sign-in's session, as a second tab would (`signedIn`), since they test what a page reads like, not signing in.
    const demo = useDemoBrowser(engine);

    it('public pages are accessible', async () => {
      const context = await demo.browser.newContext();
      const page = await context.newPage();
      for (const path of ['/', '/sign-in', '/accessibility', '/cookies', '/no-such-page']) {
        await page.goto(`${demo.baseUrl}${path}`);
        await expectAccessible(page, path);
      }
      await context.close();
    });

    it('shows the sign-in errors accessibly and keeps the email typed', async () => {
      const context = await demo.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${demo.baseUrl}/sign-in`);
      await page.getByLabel('Email address').fill('<script>alert(1)</script>');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      expect(await page.getByLabel('Email address').inputValue()).toBe('<script>alert(1)</script>');
      await expect
        .poll(() => page.locator('.govuk-error-summary').textContent())
        .toMatch(/Enter your password/);
      await expectAccessible(page, 'sign-in with errors');
      await context.close();
    });

    it.each(DEMO_ACCOUNTS.map((a) => a.email))(
      '%s signs in, sees its own work, and every page it reaches is accessible',
      async (email) => {
        const page = await demo.signsInThroughForm(email);
        await expect.poll(() => page.locator('h1').first().textContent()).toMatch(HOME_HEADINGS[email]!);
        await expectAccessible(page, `${email} home`);
        const family = FAMILY_ACCOUNTS.includes(email);
        expect(await readingProblems(page, { family }), `${email} home reads well`).toEqual([]);

        const visited = new Set<string>([pageKind('/')]);
        const queue = await pageLinks(page, demo.baseUrl);
        let depth2 = 0;
        while (queue.length) {
          const path = queue.shift()!;
          const kind = pageKind(path);
          if (visited.has(kind)) continue;
          visited.add(kind);
          const response = await page.goto(`${demo.baseUrl}${path}`);
          expect(response?.status(), `${email} GET ${path}`).toBeLessThan(400);
          // Only pages are checked: a document (a notice's PDF or Word file) is not HTML.
          if (!(response?.headers()['content-type'] ?? '').startsWith('text/html')) continue;
          await expectAccessible(page, `${email} ${path}`);
          expect(await readingProblems(page, { family }), `${email} ${path} reads well`).toEqual([]);
          // One step further from the home page's links, so record pages are checked too.
          if (depth2 < 10) {
            depth2++;
            queue.push(...(await pageLinks(page, demo.baseUrl)));
          }
        }
        expect(visited.size, `${email} reached pages`).toBeGreaterThan(2);
        await page.context().close();
      },
      120_000,
    );

    it.each(FAMILY_ACCOUNTS)(
      '%s reads its home page and the pages it links to on a phone: no glued words, staff codes or wide tables',
      async (email) => {
        const page = await demo.signedIn(email, PHONE);
        expect(await readingProblems(page, { family: true }), `${email} home on a phone`).toEqual([]);
        const visited = new Set<string>([pageKind('/')]);
        for (const path of await pageLinks(page, demo.baseUrl)) {
          if (visited.has(pageKind(path))) continue;
          visited.add(pageKind(path));
          const response = await page.goto(`${demo.baseUrl}${path}`);
          if (!(response?.headers()['content-type'] ?? '').startsWith('text/html')) continue;
          expect(await readingProblems(page, { family: true }), `${email} ${path} on a phone`).toEqual([]);
        }
        expect(visited.size, `${email} pages read on a phone`).toBeGreaterThan(2);
        await page.context().close();
      },
      120_000,
    );

    it('a parent on a phone sees their child and the people to contact', async () => {
      const page = await demo.signedIn('parent@demo.example', PHONE);
      await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/Your child/);
      const text = await page.locator('main').textContent();
      expect(text).toMatch(/Your named officer/);
      expect(text).toMatch(/independent advice/);
      await expectAccessible(page, 'parent home on a phone');
      await page
        .getByRole('link', { name: /See the record for/ })
        .first()
        .click();
      await expect.poll(() => page.locator('h2').allTextContents()).toContain('Family');
      await expectAccessible(page, 'child record on a phone');
      await page.context().close();
    });
  });
}
