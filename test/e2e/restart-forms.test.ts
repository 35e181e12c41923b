/**
 * A form open across a restart (issue 18 item 8; walk-through finding 18), in a real browser on the embedded
 * database. Outside production the service keeps the cookie secret it made in the data folder (`lastingCookieSecret`,
 * as `serve` does), so a form opened before a restart still sends what was typed after it. When a form really is
 * stale (the secret changed: an operator set a new COOKIE_SECRET), the "Your form could not be sent" page trips
 * nothing in the Content Security Policy (no inline script or style refused), passes axe, and going back shows the
 * form with what was typed still in it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type Service } from '../../src/app/service.ts';
import { lastingCookieSecret, loadConfig } from '../../src/platform/config.ts';
import { expectAccessible, launchBrowser } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

describe('a form open across a restart (pglite)', () => {
  let database: TestDatabase;
  let browser: Browser;
  let service: Service | undefined;
  let port = 0;
  let folder = '';
  const said: string[] = [];
  const env = () => ({
    NODE_ENV: 'test',
    GOLDTHREAD_DEMO: 'true',
    GOLDTHREAD_DATA_DIR: join(folder, 'data'),
  });

  /** Starts the service on the same database and port, as `serve` does: with the kept secret unless one is given. */
  const start = async (cookieSecret?: string) => {
    const config = loadConfig(env());
    service = await startService(
      { ...config, cookieSecret: cookieSecret ?? lastingCookieSecret(config, env()) },
      { database, logger: false, workers: false, say: (line) => said.push(line) },
    );
    await service.app.listen({ port, host: '127.0.0.1' });
    port = (service.app.server.address() as AddressInfo).port;
  };
  const restart = async (cookieSecret?: string) => {
    await service?.close();
    await start(cookieSecret);
  };
  const baseUrl = () => `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'goldthread-restart-'));
    [database, browser] = await Promise.all([
      createTestDatabase('pglite', { image: 'demo' }),
      launchBrowser(),
    ]);
    await start();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** A page that records every Content Security Policy refusal and console error. */
  const watched = async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      // The error page's own 403 is logged as a failed load: that is the page, not a refusal. So is a load the
      // browser began while the service was down for the restart (the page's icon, say: CI on b2b610a).
      const restarting = m.text().includes('net::ERR_CONNECTION_REFUSED');
      if (m.type() === 'error' && !m.text().includes('status of 403') && !restarting) refused.push(m.text());
    });
    await page.exposeFunction('reportRefusal', (text: string) => refused.push(text));
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => window.reportRefusal(e.violatedDirective + ' ' + e.blockedURI));",
    );
    return { page, refused };
  };
  const openProblemForm = async (page: Page, words: string) => {
    await page.goto(`${baseUrl()}/local-offer/report-a-problem?pagePath=/local-offer`);
    await page.getByLabel('What is wrong with the page?').fill(words);
  };
  const reports = (words: string) =>
    database.db.selectFrom('local_offer_feedback').select('body').where('body', '=', words).execute();

  it('sends a form opened before a restart, with what was typed', async () => {
    const { page, refused } = await watched();
    const words = `The phone number on this page rings out (typed before a restart ${Date.now()}).`;
    await openProblemForm(page, words);
    await restart();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL((url) => url.pathname !== '/local-offer/report-a-problem');
    expect(await page.locator('h1').textContent()).not.toContain('could not be sent');
    expect(await reports(words)).toHaveLength(1);
    expect(refused).toEqual([]);
    // Each start said what it was doing: the demo was there already, so nothing was built (issue 18 item 10).
    expect(said.filter((l) => l.startsWith('Opening the demo authority.'))).toHaveLength(2);
    expect(said.filter((l) => l.startsWith('Built the demo authority'))).toEqual([]);
    await page.close();
  });

  it('shows a stale form its error page without a policy refusal, and going back keeps the words', async () => {
    const { page, refused } = await watched();
    const words = `The opening times are wrong (typed before the secret changed ${Date.now()}).`;
    await openProblemForm(page, words);
    await restart('a-new-secret-an-operator-set-0123456789abcdef');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your form could not be sent');
    expect(await page.locator('main').textContent()).toContain('Nothing was saved.');
    await expectAccessible(page, 'the stale form page');
    expect(refused).toEqual([]);
    expect(await reports(words)).toHaveLength(0);
    await page.goBack();
    expect(await page.getByLabel('What is wrong with the page?').inputValue()).toBe(words);
    await page.close();
  });
});
