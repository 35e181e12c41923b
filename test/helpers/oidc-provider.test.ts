/** The test provider itself: a client signs in through it, and a tampered ID token is refused by openid-client. */
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, followProvider, startTestProvider, type TestProvider } from './oidc-provider.ts';

const REDIRECT = 'http://localhost:9/callback';

describe('the test OpenID Connect provider', () => {
  let op: TestProvider;
  let config: client.Configuration;
  beforeAll(async () => {
    op = await startTestProvider({
      clients: [
        {
          client_id: 'goldthread',
          client_secret: 'test-client-secret',
          redirect_uris: [REDIRECT],
          post_logout_redirect_uris: ['http://localhost:9/signed-out'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      accounts: [
        { sub: 'amy', email: 'amy@council.example', name: 'Amy', claims: { groups: ['send-staff'] } },
      ],
    });
    config = await client.discovery(new URL(op.issuer), 'goldthread', 'test-client-secret', undefined, {
      execute: [client.allowInsecureRequests],
    });
  });
  afterAll(() => op?.close());

  async function signIn() {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    op.nextLogin = 'amy';
    const callback = await followProvider(op, url.href, new CookieJar());
    return { callback, checks: { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce } };
  }

  it('signs a person in with their claims in the ID token', async () => {
    const { callback, checks } = await signIn();
    const tokens = await client.authorizationCodeGrant(config, callback, {
      ...checks,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    expect(claims.email).toBe('amy@council.example');
    expect(claims.groups).toEqual(['send-staff']);
    expect(op.issuedNonces).toContain(checks.expectedNonce);
  });

  it('issues a tampered ID token, validly signed, that the client refuses', async () => {
    const { callback, checks } = await signIn();
    op.tamperNextIdToken({ aud: 'someone-else' });
    await expect(client.authorizationCodeGrant(config, callback, checks)).rejects.toMatchObject({
      code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
      cause: { cause: { claim: 'aud' } },
    });
  });
});
