/**
 * The OpenID Connect client (openid-client v6): discovery of a provider's configuration (cached per provider, issuer,
 * client and change), the authorisation URL with PKCE (S256), state and nonce, the code exchange with every check the
 * library makes on the ID token (signature against the provider's keys, issuer, audience, expiry, nonce), and the
 * provider's sign-out URL. Its errors are named by what failed (`refusalOf`), for the page and the audit log.
 */
import * as client from 'openid-client';

export interface ProviderConnection {
  readonly id: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly secret: string;
  /** Changes when the administrator edits the provider (a new configuration is discovered). */
  readonly version: string;
  /** Plain http to a loopback address (a local test provider), never in production. */
  readonly allowLoopbackHttp: boolean;
}

/** Why a sign-in was refused: the page and the audit log name it. */
export type Refusal =
  | 'state'
  | 'replayed'
  | 'expired-request'
  | 'audience'
  | 'issuer'
  | 'expired-token'
  | 'nonce'
  | 'signature'
  | 'email-missing'
  | 'email-unverified'
  | 'domain'
  | 'provider-error'
  | 'provider-off'
  | 'provider-unreachable'
  | 'account-off'
  | 'token';

/**
 * Discovered configurations, by everything discovery is given: the provider's issuer URL and client as well as its id
 * and change. The id alone is not enough: copies of one database (the demo image every browser test file starts from)
 * number their providers alike, and test files that share a process (ADR 0072) each point theirs at a provider of
 * their own, on a port of its own.
 */
const cache = new Map<string, Promise<client.Configuration>>();

export function isLoopbackHttp(issuer: string): boolean {
  const url = URL.canParse(issuer) ? new URL(issuer) : undefined;
  return url?.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function configuration(provider: ProviderConnection): Promise<client.Configuration> {
  const insecure = provider.allowLoopbackHttp && isLoopbackHttp(provider.issuer);
  const key = JSON.stringify([
    provider.id,
    provider.version,
    provider.issuer,
    provider.clientId,
    provider.secret.length,
    insecure,
  ]);
  let found = cache.get(key);
  if (!found) {
    found = client.discovery(
      new URL(provider.issuer),
      provider.clientId,
      provider.secret,
      client.ClientSecretPost(provider.secret),
      {
        // The ID token's signature is checked against the provider's published keys too, though it comes straight
        // from the token endpoint over TLS (OpenID Connect Core 3.1.3.7 lets TLS stand in): defence in depth, and an
        // audit trail that holds the provider's signed statement.
        execute: [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])],
        timeout: 10,
      },
    );
    // A failed discovery is tried again next time.
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

export interface AuthorisationRequest {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export async function authorisationRequest(
  config: client.Configuration,
  redirectUri: string,
): Promise<AuthorisationRequest> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export interface CodeExchange {
  readonly idToken: string;
  readonly claims: Record<string, unknown>;
}

/** The code exchange and the ID token's checks. Throws a `SignInRefusal` naming what failed. */
export async function exchangeCode(
  config: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<CodeExchange> {
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!tokens.id_token || !claims) throw new SignInRefusal('token', 'no ID token');
    return { idToken: tokens.id_token, claims: { ...claims } };
  } catch (error) {
    if (error instanceof SignInRefusal) throw error;
    throw new SignInRefusal(refusalOf(error), error instanceof Error ? error.message : String(error));
  }
}

/** The provider's sign-out address: the platform's, shared with GOV.UK One Login. */
export { endSessionUrl } from '../../platform/auth/oidc-sign-out.ts';

/** A sign-in refused, with the reason the page and the audit log give. */
export class SignInRefusal extends Error {
  readonly reason: Refusal;
  readonly detail: string;
  constructor(reason: Refusal, detail = '') {
    super(`Single sign-on refused: ${reason}`);
    this.name = 'SignInRefusal';
    this.reason = reason;
    this.detail = detail.slice(0, 300);
  }
}

/** Names what openid-client (and oauth4webapi under it) refused. */
export function refusalOf(error: unknown): Refusal {
  const e = error as {
    code?: string;
    cause?: { claim?: string; cause?: { claim?: string } };
    error?: string;
  };
  const claim = e.cause?.cause?.claim ?? e.cause?.claim;
  if (e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    if (claim === 'aud' || claim === 'azp') return 'audience';
    if (claim === 'iss') return 'issuer';
    if (claim === 'nonce') return 'nonce';
  }
  if (e.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'expired-token';
  // openid-client wraps oauth4webapi's error, whose message says what failed.
  const messages = `${(error as Error)?.message ?? ''} ${(e.cause as { message?: string } | undefined)?.message ?? ''}`;
  if (/signature/i.test(messages)) return 'signature';
  if (e.code === 'OAUTH_INVALID_RESPONSE' && /state/i.test(messages)) return 'state';
  if (e.error) return 'provider-error';
  if (error instanceof TypeError || e.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') return 'provider-unreachable';
  return 'token';
}
