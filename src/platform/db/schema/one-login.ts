/** Families by GOV.UK One Login (migrations 0024 and 0030; issue 19 item 2). Owned by src/features/one-login. */
import type { Generated } from 'kysely';
import type { Timestamp } from './types.ts';

/** A one-time code linking a One Login account to a family member (kept as a hash). */
export interface OneLoginLinkCodeTable {
  la_code: string;
  id: Generated<string>;
  code_hash: string;
  child_id: string;
  family_member_id: string;
  created_by: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by_subject: string | null;
}

/** A One Login subject linked to a Goldthread account. */
export interface OneLoginIdentityTable {
  la_code: string;
  subject: string;
  user_id: string;
  email: string | null;
  phone: string | null;
  linked_at: Generated<Date>;
  last_signed_in_at: Timestamp | null;
}

/** An authorisation request in flight, then a One Login account waiting for its code. la_code is always ''. */
export interface OneLoginSignInTable {
  la_code: Generated<string>;
  /** SHA-256 of the random cookie that finds it. */
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: Generated<string>;
  created_at: Generated<Date>;
  used_at: Timestamp | null;
  subject: string | null;
  email: string | null;
  phone: string | null;
  /** The ID token of a One Login account waiting for its code (migration 0030), for its session's sign-out. */
  id_token: string | null;
}

/** The ID token behind a session a One Login sign-in began, for One Login's sign-out (migration 0030). */
export interface OneLoginSessionTable {
  la_code: string;
  session_id: string;
  id_token: string;
}

export interface OneLoginTables {
  one_login_link_code: OneLoginLinkCodeTable;
  one_login_identity: OneLoginIdentityTable;
  one_login_sign_in: OneLoginSignInTable;
  one_login_session: OneLoginSessionTable;
}
