/**
 * Single sign-on in route tests: a test provider registered for a test app, an identity provider configured by its
 * administrator through the admin pages, and a person signed in through the provider over HTTP.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import {
  CookieJar,
  followProvider,
  startTestProvider,
  type TestAccount,
  type TestProvider,
} from './oidc-provider.ts';

export const CLIENT_ID = 'goldthread-test';
export const CLIENT_SECRET = 'test-client-secret-for-goldthread';
export const SECRET_ENV = 'OIDC_CLIENT_SECRET_TEST';

/** A provider that knows this app as a client (its callback and signed-out addresses registered). */
export function providerFor(t: TestApp, accounts: readonly TestAccount[]): Promise<TestProvider> {
  process.env[SECRET_ENV] = CLIENT_SECRET;
  return startTestProvider({
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${t.config.publicUrl}/sign-in/sso/callback`],
        post_logout_redirect_uris: [`${t.config.publicUrl}/sign-in?signedOut=1`],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    accounts,
  });
}

/** The administrator adds the provider through the admin pages; returns its id. */
export async function configureProvider(
  admin: TestClient,
  op: TestProvider,
  fields: { name?: string; domains?: string; groupsClaim?: string; clientId?: string } = {},
): Promise<string> {
  const response = await admin.submit('/admin/identity-providers/new', {
    name: fields.name ?? 'Testshire staff account',
    issuer: op.issuer,
    clientId: fields.clientId ?? CLIENT_ID,
    secretEnv: SECRET_ENV,
    groupsClaim: fields.groupsClaim ?? 'groups',
    domains: fields.domains ?? 'council.example',
    enabled: 'yes',
  });
  if (response.statusCode !== 303)
    throw new Error(`Adding the provider failed: ${response.statusCode} ${response.body.slice(0, 500)}`);
  return /\/admin\/identity-providers\/([0-9a-f-]{36})/.exec(response.headers.location as string)![1]!;
}

/** Where the app sent the browser, and the provider's answer followed back to the app's callback. */
export async function throughProvider(
  client: TestClient,
  op: TestProvider,
  providerId: string,
  sub: string,
  jar = new CookieJar(),
): Promise<{ callback: URL; start: LightMyRequestResponse }> {
  op.nextLogin = sub;
  const start = await client.get(`/sign-in/sso/${providerId}`);
  if (start.statusCode !== 303)
    throw new Error(`Starting single sign-on failed: ${start.statusCode} ${start.body.slice(0, 300)}`);
  const callback = await followProvider(op, start.headers.location as string, jar);
  return { callback, start };
}

/** Signs `sub` in through the provider: the app's answer to the callback. */
export async function ssoSignIn(
  client: TestClient,
  op: TestProvider,
  providerId: string,
  sub: string,
  jar = new CookieJar(),
): Promise<LightMyRequestResponse> {
  const { callback } = await throughProvider(client, op, providerId, sub, jar);
  return client.get(callback.pathname + callback.search);
}
