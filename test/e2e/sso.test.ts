/**
 * Staff single sign-on in a real browser, with axe on every Goldthread page (issue 19): the administrator adds the
 * demo authority's identity provider (a real OpenID Connect provider started here) and maps its groups; a caseworker
 * signs in through the provider with a group claim and lands on the caseworker's home page; a person with no mapped
 * group sees only "waiting for approval" until the administrator approves them; password sign-in is refused for the
 * domain, pointing to the button.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { DEMO_SSO_ACCOUNTS, DEMO_SSO_PROVIDER } from '../../src/features/sso/index.ts';
import {
  expectAccessible,
  launchBrowser,
  signInAs,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.ts';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('staff single sign-on in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  let op: TestProvider;
  let admin: Page;

  beforeAll(async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    process.env[DEMO_SSO_PROVIDER.secretEnv] = 'browser-test-client-secret';
    op = await startTestProvider({
      title: 'Denmoor Council sign-in (test provider)',
      clients: [
        {
          client_id: DEMO_SSO_PROVIDER.clientId,
          client_secret: 'browser-test-client-secret',
          redirect_uris: [`${baseUrl}/sign-in/sso/callback`],
          post_logout_redirect_uris: [`${baseUrl}/sign-in?signedOut=1`],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      accounts: DEMO_SSO_ACCOUNTS,
    });
    [server, browser] = await Promise.all([
      startDemoServer('pglite', { env: { GOLDTHREAD_PUBLIC_URL: baseUrl }, port }),
      launchBrowser(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await op?.close();
  });

  it('the administrator adds the identity provider and maps its groups', async () => {
    admin = await (await browser.newContext()).newPage();
    await signInAs(admin, server.baseUrl, 'admin@demo.example', DEMO_PASSWORD);
    await admin.getByRole('link', { name: 'Single sign-on', exact: true }).click();
    await expect.poll(() => admin.locator('h1').textContent()).toBe('Single sign-on');
    await expectAccessible(admin, 'single sign-on');
    await admin.getByRole('button', { name: 'Add an identity provider' }).click();
    await expectAccessible(admin, 'add an identity provider');
    await admin.getByLabel('Name on the sign-in button').fill(DEMO_SSO_PROVIDER.name);
    await admin.getByLabel('Issuer').fill(op.issuer);
    await admin.getByRole('button', { name: 'Save provider' }).click();
    await expect
      .poll(() => admin.locator('.govuk-error-summary').textContent())
      .toContain('Enter the client ID');
    await expectAccessible(admin, 'add an identity provider with errors');
    expect(await admin.getByLabel('Issuer').inputValue()).toBe(op.issuer);
    await admin.getByLabel('Client ID').fill(DEMO_SSO_PROVIDER.clientId);
    await admin.getByLabel('Environment variable with the client secret').fill(DEMO_SSO_PROVIDER.secretEnv);
    await admin.getByLabel('Email domains').fill('demo.example');
    await admin.getByRole('button', { name: 'Save provider' }).click();
    await expect.poll(() => admin.locator('main').textContent()).toContain('Provider saved.');
    await expectAccessible(admin, 'the provider');
    await admin.getByLabel('Group', { exact: true }).fill('denmoor-send-caseworkers');
    await admin.getByLabel('Role it gives').selectOption('caseworker');
    await admin.getByRole('button', { name: 'Add mapping' }).click();
    await expect.poll(() => admin.locator('main').textContent()).toContain('Group mapping saved.');
    await expectAccessible(admin, 'the provider with a mapping');
  });

  it('signs a caseworker in through the provider with a group claim, to the caseworker’s home page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sign-in`);
    await expectAccessible(page, 'sign-in with single sign-on');
    await page.getByRole('button', { name: `Sign in with ${DEMO_SSO_PROVIDER.name}` }).click();
    await page.waitForURL((url) => url.origin === op.issuer);
    await page.getByLabel('Hannah Lockwood (caseworker@demo.example)').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your assessments');
    expect(await page.locator('.app-header__user').textContent()).toContain('Hannah Lockwood');
    await expectAccessible(page, 'caseworker home after single sign-on');

    // Signing out ends the provider's session too, and comes back to the signed-out page.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === op.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${server.baseUrl}/sign-in?signedOut=1`);
    expect(await page.locator('main').textContent()).toContain('You have signed out.');
    await expectAccessible(page, 'signed out');
    await context.close();
  });

  it('shows a person with no mapped group only "waiting for approval", until the administrator approves them', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByRole('button', { name: `Sign in with ${DEMO_SSO_PROVIDER.name}` }).click();
    await page.waitForURL((url) => url.origin === op.issuer);
    await page.getByLabel('Nia Newcomer (newcomer@demo.example)').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${server.baseUrl}/sign-in/waiting`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your account is waiting for approval');
    expect(await page.locator('.govuk-service-navigation').count()).toBe(0);
    await expectAccessible(page, 'waiting for approval');
    await page.goto(`${server.baseUrl}/children`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await admin.goto(`${server.baseUrl}/admin/sign-in-requests`);
    await expectAccessible(admin, 'people waiting for approval');
    await admin.getByRole('link', { name: 'Nia Newcomer' }).click();
    await expectAccessible(admin, 'a person waiting for approval');
    await admin.getByRole('button', { name: 'Save decision' }).click();
    await expect
      .poll(() => admin.locator('.govuk-error-summary').textContent())
      .toContain('Select whether to approve this person');
    await expectAccessible(admin, 'a decision with an error');
    await admin.getByLabel('Yes', { exact: true }).check();
    await admin.getByLabel('Caseworker', { exact: true }).check();
    await admin.getByRole('button', { name: 'Save decision' }).click();
    await expect.poll(() => admin.locator('main').textContent()).toContain('User added.');

    await page.goto(`${server.baseUrl}/sign-in/waiting`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your account has been approved');
    await expectAccessible(page, 'approved');
    await context.close();
  });

  it('refuses a password for an email of the domain, pointing to the button', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('manager@demo.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toContain('Your organisation signs you in with single sign-on');
    await expectAccessible(page, 'password refused for a single sign-on domain');
    await page.locator('.govuk-error-summary a').click();
    expect(page.url()).toMatch(/#sso-[0-9a-f-]{36}$/);
    await context.close();
  });
});
