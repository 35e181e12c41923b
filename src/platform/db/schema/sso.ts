/** Staff single sign-on by OpenID Connect (migration 0022; docs/adr/0010-single-sign-on.md). Owned by src/features/sso. */
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './types.ts';
import type { Role } from './people.ts';

export interface IdentityProviderTable {
  la_code: string;
  id: Generated<string>;
  /** What the sign-in button says: "Sign in with {name}". */
  name: string;
  issuer: string;
  client_id: string;
  /** The name of the environment variable holding the client secret (OIDC_CLIENT_SECRET_...), never the secret. */
  secret_env: string;
  /** The claim that carries the person's groups (Entra ID: groups). */
  groups_claim: Generated<string>;
  enabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface IdentityProviderDomainTable {
  la_code: string;
  provider_id: string;
  /** Lower case, such as denmoor.gov.uk. */
  domain: string;
}

export interface IdentityProviderGroupRoleTable {
  la_code: string;
  provider_id: string;
  group_name: string;
  role: Role;
}

export interface SsoIdentityTable {
  la_code: string;
  provider_id: string;
  subject: string;
  user_id: string;
  created_at: Generated<Date>;
}

export interface SsoPendingAccountTable {
  la_code: string;
  id: Generated<string>;
  provider_id: string;
  subject: string;
  email: string;
  display_name: string;
  groups: Json;
  requested_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision: 'approved' | 'refused' | null;
  user_id: string | null;
}

export interface SsoSignInTable {
  la_code: string;
  /** SHA-256 of the random value in the browser's cookie. */
  id: string;
  provider_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Generated<Date>;
  used_at: Timestamp | null;
}

export interface SsoSessionTable {
  la_code: string;
  session_id: string;
  provider_id: string;
  id_token: string;
}

export interface SsoTables {
  identity_provider: IdentityProviderTable;
  identity_provider_domain: IdentityProviderDomainTable;
  identity_provider_group_role: IdentityProviderGroupRoleTable;
  sso_identity: SsoIdentityTable;
  sso_pending_account: SsoPendingAccountTable;
  sso_sign_in: SsoSignInTable;
  sso_session: SsoSessionTable;
}
