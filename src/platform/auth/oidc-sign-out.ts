/**
 * RP-initiated sign-out (OpenID Connect): the provider's end_session_endpoint with the session's ID token as
 * `id_token_hint`, the address to come back to and, when given, a `state` the provider sends back. Shared by staff
 * single sign-on (src/features/sso) and GOV.UK One Login (src/features/one-login). Null when the provider has none.
 */
import * as client from 'openid-client';

export function endSessionUrl(
  config: client.Configuration,
  idToken: string,
  postLogoutRedirectUri: string,
  state?: string,
): string | null {
  if (!config.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(config, {
    id_token_hint: idToken,
    post_logout_redirect_uri: postLogoutRedirectUri,
    ...(state ? { state } : {}),
  }).href;
}
