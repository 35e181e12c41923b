/**
 * Changing your password in a real browser, on a phone, with axe on every page (issue 18): the header's link, the
 * GOV.UK errors with no password sent back, the change, and the new password signing in.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { expectAccessible, expectNoSidewaysScroll, signInAs, useDemoBrowser } from '../helpers/browser.ts';

const PHONE = { viewport: { width: 390, height: 844 } };
const NEW_PASSWORD = 'river stone lantern';

describe('changing your password, on a phone', () => {
  const demo = useDemoBrowser();

  it('leads from the header, shows the errors, changes it, and the new one signs in', async () => {
    const page = await demo.signedIn('parent@demo.example', PHONE);
    await page.getByRole('link', { name: 'Change password' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Change your password');
    await expectAccessible(page, 'change your password');
    await expectNoSidewaysScroll(page, 'change your password');

    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Confirm new password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    expect(await page.content()).toContain('New password must be 12 characters or more');
    expect(await page.getByLabel('Current password').inputValue()).toBe('');
    await expectAccessible(page, 'change your password with errors');
    await expectNoSidewaysScroll(page, 'change your password with errors');

    await page.getByLabel('Current password').fill(DEMO_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(/changed=1/);
    expect(await page.content()).toContain('Your password has been changed');
    await expectAccessible(page, 'password changed');

    const other = await (await demo.browser.newContext(PHONE)).newPage();
    await signInAs(other, demo.baseUrl, 'parent@demo.example', NEW_PASSWORD);
    expect(new URL(other.url()).pathname).toBe('/');
  });
});
