/**
 * The GOV.UK One Login client (openid-client v6): discovery, `private_key_jwt` client authentication (the client
 * signs an assertion with its private key; One Login holds only the public key), the authorisation request for the
 * medium level of confidence (`vtr=["Cl.Cm"]`: a password and a second factor) with PKCE, state and nonce, the code
 * exchange with openid-client's checks on the ID token, the `vot` it must carry, and the user info (email and phone).
 */
import { createPrivateKey } from 'node:crypto';
import * as client from 'openid-client';
import type { OneLoginConfig } from '../../platform/config.ts';

/** The level of confidence asked for and required: medium (Cl.Cm). */
export const VECTOR_OF_TRUST = 'Cl.Cm';
export const SCOPE = 'openid email phone';

let cached: { key: OneLoginConfig; configuration: Promise<client.Configuration> } | undefined;

export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function signingKey(pem: string): client.CryptoKey {
  const key = createPrivateKey(pem);
  const algorithm =
    key.asymmetricKeyType === 'ec'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  return key.toCryptoKey(algorithm, false, ['sign']);
}

/** One Login's configuration, discovered once per configuration (a failed discovery is tried again next time). */
export function oneLoginConfiguration(
  config: OneLoginConfig,
  allowLoopbackHttp: boolean,
): Promise<client.Configuration> {
  if (cached?.key === config) return cached.configuration;
  const insecure = allowLoopbackHttp && isLoopbackHttp(config.issuer);
  const configuration = client.discovery(
    new URL(config.issuer),
    config.clientId,
    { token_endpoint_auth_method: 'private_key_jwt' },
    client.PrivateKeyJwt({
      key: signingKey(config.privateKeyPem),
      ...(config.keyId ? { kid: config.keyId } : {}),
    }),
    { ...(insecure ? { execute: [client.allowInsecureRequests] } : {}), timeout: 10 },
  );
  configuration.catch(() => {
    if (cached?.configuration === configuration) cached = undefined;
  });
  cached = { key: config, configuration };
  return configuration;
}

export interface AuthorisationRequest {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export async function authorisationRequest(
  configuration: client.Configuration,
  redirectUri: string,
): Promise<AuthorisationRequest> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    response_type: 'code',
    vtr: JSON.stringify([VECTOR_OF_TRUST]),
    ui_locales: 'en',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

/** Why a One Login sign-in was refused: the page says what to do, the audit log keeps the reason. */
export class OneLoginRefusal extends Error {
  readonly reason: string;
  constructor(reason: string, detail = '') {
    super(`One Login sign-in refused: ${reason}${detail ? ` (${detail.slice(0, 200)})` : ''}`);
    this.name = 'OneLoginRefusal';
    this.reason = reason;
  }
}

export interface OneLoginPerson {
  readonly subject: string;
  /** The ID token itself, kept beside the session for One Login's sign-out (id_token_hint). */
  readonly idToken: string;
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly phone: string | null;
}

/**
 * The code exchange (authenticated with private_key_jwt), the ID token's checks (signature, issuer, audience, expiry,
 * nonce), the level of confidence (`vot` must be Cl.Cm) and the user info for the same subject.
 */
export async function completeSignIn(
  configuration: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<OneLoginPerson> {
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    const e = error as { code?: string; error?: string; message?: string };
    throw new OneLoginRefusal(e.error ? 'provider-error' : 'token', e.code ?? e.message ?? String(error));
  }
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new OneLoginRefusal('token', 'no ID token');
  if (claims.vot !== VECTOR_OF_TRUST)
    throw new OneLoginRefusal('confidence', JSON.stringify(claims.vot ?? null));
  let info: client.UserInfoResponse;
  try {
    info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
  } catch (error) {
    throw new OneLoginRefusal('userinfo', error instanceof Error ? error.message : String(error));
  }
  return {
    subject: claims.sub,
    idToken: tokens.id_token,
    email: typeof info.email === 'string' ? info.email.toLowerCase() : null,
    emailVerified: info.email_verified === true,
    phone: typeof info.phone_number === 'string' ? info.phone_number : null,
  };
}
