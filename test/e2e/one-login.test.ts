/**
 * Families by GOV.UK One Login in a real browser, with axe on every Goldthread page of the journey (issue 19 item 2;
 * embedded database, demo mode, a real OpenID Connect provider started by the test standing in for One Login, the
 * client registered for private_key_jwt only): a caseworker makes a family member's code on the child's record; the
 * family member signs in with One Login, reaches the code page, types a wrong code (the error summary) then the right
 * one, and lands on their home page; a One Login sign-in below the medium level of confidence is refused.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type Service } from '../../src/app/service.ts';
import { DEMO_LA_CODE, DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { expectAccessible, launchBrowser, signInAs } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.ts';
import { secondFactorClock } from '../helpers/second-factor.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('GOV.UK One Login in a browser', () => {
  let op: TestProvider;
  let database: TestDatabase;
  let service: Service;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    op = await startTestProvider({
      clients: [
        {
          client_id: 'goldthread-browser',
          redirect_uris: [`${base}/sign-in/one-login/callback`],
          token_endpoint_auth_method: 'private_key_jwt',
          token_endpoint_auth_signing_alg: 'RS256',
          jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' }] },
        },
      ],
      accounts: [
        {
          sub: 'urn:fdc:gov.uk:2022:browser-family',
          email: 'family@one-login.example',
          claims: { vot: 'Cl.Cm', phone_number: '+447700900456' },
        },
        { sub: 'urn:fdc:gov.uk:2022:low', email: 'low@one-login.example', claims: { vot: 'Cl' } },
      ],
      extraClaims: ['vot'],
      title: 'GOV.UK One Login (test)',
    });
    database = await createTestDatabase('pglite', { image: 'demo' });
    const config = loadConfig({
      NODE_ENV: 'test',
      GOLDTHREAD_DEMO: 'true',
      COOKIE_SECRET: 'browser-test-secret-browser-test-secret',
      SIGN_IN_LIMIT: '100',
      GOLDTHREAD_PUBLIC_URL: base,
      ONE_LOGIN_ISSUER: op.issuer,
      ONE_LOGIN_CLIENT_ID: 'goldthread-browser',
      ONE_LOGIN_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    [service, browser] = await Promise.all([
      startService(config, { database, logger: false, workers: false, now: secondFactorClock }),
      launchBrowser(),
    ]);
    await service.app.listen({ port, host: '127.0.0.1' });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await database?.close();
    await op?.close();
  });

  it('a caseworker makes a code, and the family member links their One Login account with it', async () => {
    const member = await database.db
      .selectFrom('family_member')
      .select(['id', 'child_id', 'given_name', 'family_name'])
      .where('la_code', '=', DEMO_LA_CODE)
      .where('user_id', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const staff = await (await browser.newContext()).newPage();
    await signInAs(staff, base, 'caseworker@demo.example', DEMO_PASSWORD);
    await staff.goto(`${base}/children/${member.child_id}`);
    await staff
      .getByRole('link', { name: `GOV.UK One Login code for ${member.given_name} ${member.family_name}` })
      .click();
    await expect.poll(() => staff.locator('h1').textContent()).toContain('GOV.UK One Login for');
    await expectAccessible(staff, 'One Login: a family member’s code page');
    await staff.getByRole('button', { name: 'Make a code' }).click();
    const code = (await staff.locator('#one-login-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expectAccessible(staff, 'One Login: the code made');

    const family = await (await browser.newContext()).newPage();
    await family.goto(`${base}/sign-in`);
    await expectAccessible(family, 'sign-in with GOV.UK One Login');
    op.nextLogin = 'urn:fdc:gov.uk:2022:browser-family';
    await family.getByRole('button', { name: 'Sign in with GOV.UK One Login' }).click();
    await family.waitForURL(`${base}/sign-in/one-login/link`);
    await expectAccessible(family, 'One Login: enter the code');
    await family.getByLabel('Enter the code the council gave you').fill('ZZZZZ-ZZZZZ');
    await family.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => family.locator('.govuk-error-summary').textContent())
      .toContain('The code is not correct');
    await expectAccessible(family, 'One Login: a wrong code');
    await family.getByLabel('Enter the code the council gave you').fill(code);
    await family.getByRole('button', { name: 'Continue' }).click();
    await family.waitForURL(`${base}/`);
    expect(await family.locator('.app-header__user').textContent()).toContain(member.given_name);
    await expectAccessible(family, 'One Login: the family’s home page');
  });

  it('refuses a One Login sign-in below the medium level of confidence, with a clear page', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/sign-in`);
    op.nextLogin = 'urn:fdc:gov.uk:2022:low';
    await page.getByRole('button', { name: 'Sign in with GOV.UK One Login' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('You could not be signed in');
    await expectAccessible(page, 'One Login: refused');
  });
});
