/**
 * The sso feature's store: identity providers, their domains and group mappings, linked identities, people waiting
 * for approval, sign-ins in flight and the ID tokens behind sessions (migration 0022). The only code that names these
 * tables.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import type { Role } from '../../platform/db/schema/index.ts';

export interface ProviderRow {
  la_code: string;
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  secret_env: string;
  groups_claim: string;
  enabled: boolean;
  updated_at: Date;
}

export interface ProviderInput {
  name: string;
  issuer: string;
  clientId: string;
  secretEnv: string;
  groupsClaim: string;
  domains: readonly string[];
  enabled: boolean;
}

const PROVIDER_COLUMNS = [
  'la_code',
  'id',
  'name',
  'issuer',
  'client_id',
  'secret_env',
  'groups_claim',
  'enabled',
  'updated_at',
] as const;

/** A provider by its id alone (the sign-in button comes before any authority is known). */
export async function providerById(db: Executor, id: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('identity_provider').select(PROVIDER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function providerOf(db: Executor, laCode: string, id: string): Promise<ProviderRow | undefined> {
  return db
    .selectFrom('identity_provider')
    .select(PROVIDER_COLUMNS)
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function providersOf(db: Executor, laCode: string) {
  return db
    .selectFrom('identity_provider')
    .select(PROVIDER_COLUMNS)
    .where('la_code', '=', laCode)
    .orderBy('name')
    .execute();
}

/** Every provider that is on, in every authority, by name: the sign-in page's buttons. */
export async function enabledProviders(db: Executor) {
  return db
    .selectFrom('identity_provider')
    .select(['la_code', 'id', 'name'])
    .where('enabled', '=', true)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Providers by issuer (to place a callback that arrives with no sign-in in flight). */
export async function providersByIssuer(db: Executor, issuer: string) {
  return db.selectFrom('identity_provider').select(['la_code', 'id']).where('issuer', '=', issuer).execute();
}

/** The enabled providers that sign in this email domain (any authority). */
export async function enabledProvidersForDomain(db: Executor, domain: string) {
  return db
    .selectFrom('identity_provider_domain as d')
    .innerJoin('identity_provider as p', (j) =>
      j.onRef('p.la_code', '=', 'd.la_code').onRef('p.id', '=', 'd.provider_id'),
    )
    .select(['p.la_code', 'p.id', 'p.name'])
    .where('d.domain', '=', domain)
    .where('p.enabled', '=', true)
    .execute();
}

export async function domainsOf(db: Executor, laCode: string, providerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('identity_provider_domain')
    .select('domain')
    .where('la_code', '=', laCode)
    .where('provider_id', '=', providerId)
    .orderBy('domain')
    .execute();
  return rows.map((r) => r.domain);
}

/** Domains of this authority already given to another of its providers. */
export async function domainsTakenByOthers(
  db: Executor,
  laCode: string,
  domains: readonly string[],
  providerId: string | null,
): Promise<string[]> {
  if (!domains.length) return [];
  const rows = await db
    .selectFrom('identity_provider_domain')
    .select('domain')
    .where('la_code', '=', laCode)
    .where('domain', 'in', [...domains])
    .$if(providerId !== null, (q) => q.where('provider_id', '!=', providerId!))
    .execute();
  return rows.map((r) => r.domain);
}

export async function insertProvider(db: Executor, laCode: string, input: ProviderInput): Promise<string> {
  const { id } = await db
    .insertInto('identity_provider')
    .values({
      la_code: laCode,
      name: input.name,
      issuer: input.issuer,
      client_id: input.clientId,
      secret_env: input.secretEnv,
      groups_claim: input.groupsClaim,
      enabled: input.enabled,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setDomains(db, laCode, id, input.domains);
  return id;
}

export async function updateProvider(
  db: Executor,
  laCode: string,
  id: string,
  input: ProviderInput,
): Promise<void> {
  await db
    .updateTable('identity_provider')
    .set({
      name: input.name,
      issuer: input.issuer,
      client_id: input.clientId,
      secret_env: input.secretEnv,
      groups_claim: input.groupsClaim,
      enabled: input.enabled,
      updated_at: new Date(),
    })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .execute();
  await setDomains(db, laCode, id, input.domains);
}

async function setDomains(db: Executor, laCode: string, providerId: string, domains: readonly string[]) {
  await db
    .deleteFrom('identity_provider_domain')
    .where('la_code', '=', laCode)
    .where('provider_id', '=', providerId)
    .execute();
  if (domains.length) {
    await db
      .insertInto('identity_provider_domain')
      .values(domains.map((domain) => ({ la_code: laCode, provider_id: providerId, domain })))
      .execute();
  }
}

export async function groupRolesOf(db: Executor, laCode: string, providerId: string) {
  return db
    .selectFrom('identity_provider_group_role')
    .select(['group_name', 'role'])
    .where('la_code', '=', laCode)
    .where('provider_id', '=', providerId)
    .orderBy('group_name')
    .execute();
}

export async function putGroupRole(
  db: Executor,
  laCode: string,
  providerId: string,
  groupName: string,
  role: Role,
): Promise<Role | undefined> {
  const before = await db
    .selectFrom('identity_provider_group_role')
    .select('role')
    .where('la_code', '=', laCode)
    .where('provider_id', '=', providerId)
    .where('group_name', '=', groupName)
    .executeTakeFirst();
  await db
    .insertInto('identity_provider_group_role')
    .values({ la_code: laCode, provider_id: providerId, group_name: groupName, role })
    .onConflict((oc) => oc.columns(['la_code', 'provider_id', 'group_name']).doUpdateSet({ role }))
    .execute();
  return before?.role;
}

export async function deleteGroupRole(
  db: Executor,
  laCode: string,
  providerId: string,
  groupName: string,
): Promise<boolean> {
  const rows = await db
    .deleteFrom('identity_provider_group_role')
    .where('la_code', '=', laCode)
    .where('provider_id', '=', providerId)
    .where('group_name', '=', groupName)
    .returning('group_name')
    .execute();
  return rows.length > 0;
}

export async function linkedUser(db: Executor, laCode: string, providerId: string, subject: string) {
  const row = await db
    .selectFrom('sso_identity')
    .select('user_id')
    .where('la_code', '=', laCode)
    .where('provider_id', '=', providerId)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row?.user_id;
}

export async function linkIdentity(
  db: Executor,
  laCode: string,
  providerId: string,
  subject: string,
  userId: string,
): Promise<void> {
  await db
    .insertInto('sso_identity')
    .values({ la_code: laCode, provider_id: providerId, subject, user_id: userId })
    .execute();
}

/** Whether the user already has an identity at this provider (one per provider). */
export async function userLinkedAt(db: Executor, laCode: string, providerId: string, userId: string) {
  const row = await db
    .selectFrom('sso_identity')
    .select('subject')
    .where('la_code', '=', laCode)
    .where('provider_id', '=', providerId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface PendingInput {
  providerId: string;
  subject: string;
  email: string;
  displayName: string;
  groups: readonly string[];
}

/** Records (or refreshes) a person waiting for approval; says whether they were new. */
export async function putPending(
  db: Executor,
  laCode: string,
  input: PendingInput,
): Promise<{ id: string; isNew: boolean; decision: 'approved' | 'refused' | null }> {
  const existing = await db
    .selectFrom('sso_pending_account')
    .select(['id', 'decision'])
    .where('la_code', '=', laCode)
    .where('provider_id', '=', input.providerId)
    .where('subject', '=', input.subject)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('sso_pending_account')
      .set({
        email: input.email,
        display_name: input.displayName,
        groups: JSON.stringify(input.groups),
        last_seen_at: new Date(),
      })
      .where('la_code', '=', laCode)
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, isNew: false, decision: existing.decision };
  }
  const { id } = await db
    .insertInto('sso_pending_account')
    .values({
      la_code: laCode,
      provider_id: input.providerId,
      subject: input.subject,
      email: input.email,
      display_name: input.displayName,
      groups: JSON.stringify(input.groups),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, isNew: true, decision: null };
}

const PENDING_COLUMNS = [
  'a.la_code',
  'a.id',
  'a.provider_id',
  'a.subject',
  'a.email',
  'a.display_name',
  'a.groups',
  'a.requested_at',
  'a.last_seen_at',
  'a.decided_at',
  'a.decision',
  'a.user_id',
  'p.name as provider_name',
] as const;

export async function pendingById(db: Executor, id: string) {
  return db
    .selectFrom('sso_pending_account as a')
    .innerJoin('identity_provider as p', (j) =>
      j.onRef('p.la_code', '=', 'a.la_code').onRef('p.id', '=', 'a.provider_id'),
    )
    .select(PENDING_COLUMNS)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function pendingOf(db: Executor, laCode: string, id: string) {
  return db
    .selectFrom('sso_pending_account as a')
    .innerJoin('identity_provider as p', (j) =>
      j.onRef('p.la_code', '=', 'a.la_code').onRef('p.id', '=', 'a.provider_id'),
    )
    .select(PENDING_COLUMNS)
    .where('a.la_code', '=', laCode)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** People waiting for approval, oldest first. */
export async function openPending(db: Executor, laCode: string) {
  return db
    .selectFrom('sso_pending_account as a')
    .innerJoin('identity_provider as p', (j) =>
      j.onRef('p.la_code', '=', 'a.la_code').onRef('p.id', '=', 'a.provider_id'),
    )
    .select(PENDING_COLUMNS)
    .where('a.la_code', '=', laCode)
    .where('a.decided_at', 'is', null)
    .orderBy('a.requested_at')
    .limit(200)
    .execute();
}

export async function decidePending(
  db: Executor,
  laCode: string,
  id: string,
  decision: { decision: 'approved' | 'refused'; by: string; userId: string | null },
): Promise<boolean> {
  const rows = await db
    .updateTable('sso_pending_account')
    .set({
      decision: decision.decision,
      decided_by: decision.by,
      decided_at: new Date(),
      user_id: decision.userId,
    })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .where('decided_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length > 0;
}

export interface SignInRequest {
  id: string;
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export async function insertSignIn(db: Executor, laCode: string, request: SignInRequest): Promise<void> {
  // Requests older than a day are no use to anyone.
  await db
    .deleteFrom('sso_sign_in')
    .where('created_at', '<', new Date(Date.now() - 24 * 60 * 60 * 1000))
    .execute();
  await db
    .insertInto('sso_sign_in')
    .values({
      la_code: laCode,
      id: request.id,
      provider_id: request.providerId,
      state: request.state,
      nonce: request.nonce,
      code_verifier: request.codeVerifier,
      return_to: request.returnTo,
    })
    .execute();
}

/** The sign-in in flight with this id, marked used in the same statement (null: unknown or already used). */
export async function takeSignIn(db: Executor, id: string) {
  const found = await db
    .selectFrom('sso_sign_in')
    .select([
      'la_code',
      'id',
      'provider_id',
      'state',
      'nonce',
      'code_verifier',
      'return_to',
      'created_at',
      'used_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) return { found: undefined, taken: false };
  const taken = await db
    .updateTable('sso_sign_in')
    .set({ used_at: new Date() })
    .where('la_code', '=', found.la_code)
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .execute();
  return { found, taken: taken.length > 0 };
}

export async function insertSsoSession(
  db: Executor,
  laCode: string,
  sessionId: string,
  providerId: string,
  idToken: string,
): Promise<void> {
  await db
    .insertInto('sso_session')
    .values({ la_code: laCode, session_id: sessionId, provider_id: providerId, id_token: idToken })
    .execute();
}

/** The ID token behind a session, removed (sign-out uses it once). */
export async function takeSsoSession(db: Executor, laCode: string, sessionId: string) {
  const rows = await db
    .deleteFrom('sso_session')
    .where('la_code', '=', laCode)
    .where('session_id', '=', sessionId)
    .returning(['provider_id', 'id_token'])
    .execute();
  return rows[0];
}
