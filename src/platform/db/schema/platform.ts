/**
 * The platform's own records: sessions, failed sign-ins and second factors (platform/auth), the audit log (platform/audit), the notification outbox
 * (platform/notify), one-use form tokens (platform/change).
 */
import type { Generated } from 'kysely';
import type { Timestamp, Json } from './types.ts';

export interface SessionTable {
  la_code: string;
  /** SHA-256 of the session token: the token itself is only ever in the browser's cookie. */
  id: string;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  absolute_expires_at: Timestamp;
  ended_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
  /** Whether the second factor is owed for this session (migration 0023; src/platform/auth/second-factor.ts). */
  second_factor: Generated<SessionSecondFactor>;
}

/** 'none': nothing owed; 'pending': the password was right, the second factor is owed; 'done': both given. */
export type SessionSecondFactor = 'none' | 'pending' | 'done';

/** A user's TOTP secret, encrypted (migration 0023; src/platform/auth/second-factor.ts). */
export interface SecondFactorTable {
  la_code: string;
  user_id: string;
  /** AES-256-GCM with SECOND_FACTOR_KEY, bound to la_code and user_id (src/platform/auth/secret-box.ts). */
  secret: string;
  /** Null until the user has typed a code from the secret. */
  confirmed_at: Timestamp | null;
  /** The 30-second step of the last code accepted: a code is accepted only for a later step. */
  last_step: string | number | null;
  created_at: Generated<Date>;
}

/** Single-use recovery codes, kept as HMACs (migration 0023). */
export interface RecoveryCodeTable {
  la_code: string;
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  created_at: Generated<Date>;
  used_at: Timestamp | null;
}

export interface AuditLogTable {
  la_code: string;
  id: Generated<number>;
  at: Generated<Date>;
  user_id: string | null;
  session_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  child_id: string | null;
  outcome: 'ok' | 'denied';
  detail: Json | null;
  ip: string | null;
}

export interface NotificationTable {
  la_code: string;
  id: Generated<string>;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
  channel: 'email' | 'sms' | 'letter';
  recipient: string;
  template: string;
  subject: string | null;
  body: string;
  child_id: string | null;
  user_id: string | null;
  reference: string | null;
  status: Generated<'queued' | 'sent' | 'delivered' | 'failed'>;
  provider_id: string | null;
  error: string | null;
}

/** One-use form tokens against double submits (migration 0009; src/platform/change/once.ts). */
export interface FormSubmissionTable {
  la_code: string;
  token: string;
  user_id: string | null;
  result_id: string | null;
  created_at: Generated<Date>;
}

/** Failed sign-ins, for the throttle (migration 0021; src/platform/auth/throttle.ts). la_code is always ''. */
export interface SignInAttemptTable {
  la_code: Generated<string>;
  id: Generated<string>;
  at: Generated<Date>;
  /** SHA-256 of the email as typed, lower case. */
  account: string;
  ip: string;
}

export interface PlatformTables {
  session: SessionTable;
  sign_in_attempt: SignInAttemptTable;
  second_factor: SecondFactorTable;
  recovery_code: RecoveryCodeTable;
  audit_log: AuditLogTable;
  notification: NotificationTable;
  form_submission: FormSubmissionTable;
}
