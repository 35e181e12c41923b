/**
 * Staff single sign-on (issue 19 item 1; docs/adr/0010-single-sign-on.md). Signing in: a sign-in request is kept on
 * the server (state, nonce, PKCE verifier) and found by a random cookie; the callback uses it once, lets openid-client
 * check the code and the ID token, then checks the email (present, verified, of a domain the provider may sign in).
 * The person is then a linked account, an account of the authority with that email, an account the group mapping
 * creates, or someone waiting for an administrator (who gets no session). Every refusal is audited under the
 * provider's authority. Administrators keep the providers, their domains and group mappings, and approve newcomers.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import type { AuditContext, Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { createSession, endSessionsOf } from '../../platform/auth/sessions.ts';
import { withChange } from '../../platform/change/change.ts';
import type { DB, Role } from '../../platform/db/schema/index.ts';
import type { Kysely } from 'kysely';
import { isUniqueViolation, NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import {
  emailTaken,
  insertUser,
  recordSignIn,
  setRoleAndActive,
  userByEmail,
  userWithTeam,
} from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import {
  authorisationRequest,
  configuration,
  endSessionUrl,
  exchangeCode,
  SignInRefusal,
  type ProviderConnection,
} from './oidc.ts';
import * as store from './store.ts';

export { SignInRefusal } from './oidc.ts';

const ADMIN: readonly Role[] = ['administrator'];
/** A sign-in request must come back within this time. */
const REQUEST_TTL_MS = 10 * 60 * 1000;
/** Families sign in by GOV.UK One Login, never through a staff provider. */
const FAMILY_ROLES: readonly Role[] = ['parent', 'young-person'];
/** When a person's groups map to several roles, the first of these wins. */
export const ROLE_PRECEDENCE: readonly Role[] = [
  'administrator',
  'send-leader',
  'team-manager',
  'caseworker',
  'professional',
  'local-offer-editor',
  'local-offer-provider',
];

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

export type SsoDeps = Pick<ServiceDeps, 'db' | 'jobs' | 'today' | 'config'>;

/** What the composition root passes besides the platform's parts. */
export interface SsoOthers {
  /**
   * Reads the environment variable that holds a provider's client secret (its `secret_env`), when it is needed:
   * config.ts's `environmentVariable`.
   */
  readonly secretOf: (name: string) => string | undefined;
}

export interface StartedSignIn {
  /** Where to send the browser: the provider's authorisation endpoint. */
  readonly redirect: string;
  /** The cookie's value (the server keeps only its hash). */
  readonly cookie: string;
}

export type Finished =
  { kind: 'signed-in'; token: string; returnTo: string } | { kind: 'pending'; pendingId: string };

export interface ProviderForm {
  name: string;
  issuer: string;
  clientId: string;
  secretEnv: string;
  groupsClaim: string;
  domains: string[];
  enabled: boolean;
}

export class DomainTakenError extends FieldError {
  constructor(domains: readonly string[]) {
    super('domains', `Another identity provider already signs in ${domains.join(', ')}`);
  }
}

export class IssuerTakenError extends FieldError {
  constructor() {
    super('clientId', 'An identity provider with this issuer and client ID already exists');
  }
}

export class PendingEmailTakenError extends FieldError {
  constructor() {
    super('role', 'A user with this email address already exists: change that account instead');
  }
}

export class AlreadyDecidedError extends FieldError {
  constructor() {
    super('decision', 'This request has already been decided');
  }
}

/** The groups in a claim: an array of strings, or one string. */
export function groupsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string').slice(0, 500);
  return [];
}

/** The role the person's groups give, by `ROLE_PRECEDENCE`; undefined when no group is mapped. */
export function roleFromGroups(
  groups: readonly string[],
  mapping: readonly { group_name: string; role: Role }[],
): Role | undefined {
  const roles = new Set(mapping.filter((m) => groups.includes(m.group_name)).map((m) => m.role));
  return ROLE_PRECEDENCE.find((r) => roles.has(r));
}

/**
 * Adds (or, run again, updates) an identity provider with its domains and group mapping without an administrator: the
 * demo (`npm run demo:sso`). One transaction, audited as the system.
 */
export async function seedIdentityProvider(
  db: Kysely<DB>,
  laCode: string,
  input: ProviderForm,
  groupRoles: ReadonlyArray<{ group: string; role: Role }>,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const existing = (await store.providersOf(trx, laCode)).find(
      (p) => p.issuer === input.issuer && p.client_id === input.clientId,
    );
    const id = existing?.id ?? (await store.insertProvider(trx, laCode, input));
    if (existing) await store.updateProvider(trx, laCode, id, input);
    for (const { group, role } of groupRoles) await store.putGroupRole(trx, laCode, id, group, role);
    await audit(
      trx,
      { laCode, userId: null, sessionId: null, ip: null },
      {
        action: existing ? 'identity-provider.update' : 'identity-provider.create',
        recordType: 'identity_provider',
        recordId: id,
        detail: { ...input, groupRoles, by: 'demo set-up' },
      },
    );
    return id;
  });
}

export function createSsoService(deps: SsoDeps, others: SsoOthers) {
  const { db, config } = deps;
  const { secretOf } = others;
  const redirectUri = `${config.publicUrl}${paths.sso.callback}`;
  const signedOutUri = `${config.publicUrl}/sign-in?signedOut=1`;

  function connection(provider: store.ProviderRow): ProviderConnection {
    const secret = secretOf(provider.secret_env);
    if (!secret) throw new SignInRefusal('provider-unreachable', `${provider.secret_env} is not set`);
    return {
      id: provider.id,
      issuer: provider.issuer,
      clientId: provider.client_id,
      secret,
      version: provider.updated_at.toISOString(),
      allowLoopbackHttp: !config.production,
    };
  }

  async function refuse(
    ctx: AuditContext | null,
    reason: SignInRefusal,
    providerId: string | null,
  ): Promise<never> {
    if (ctx) {
      await audit(db, ctx, {
        action: 'sign-in.sso.refused',
        recordType: 'identity_provider',
        recordId: providerId,
        outcome: 'denied',
        detail: { reason: reason.reason, detail: reason.detail || null },
      });
    }
    throw reason;
  }

  /** Signs the person in: a session for a known or mapped account; a waiting request for anyone else. */
  async function complete(
    trx: Executor,
    provider: store.ProviderRow,
    exchange: { idToken: string; claims: Record<string, unknown> },
    meta: { ip: string | null; userAgent: string | null },
    returnTo: string,
  ): Promise<Finished> {
    const la = provider.la_code;
    const subject = String(exchange.claims.sub);
    const email = String(exchange.claims.email).toLowerCase();
    const name =
      typeof exchange.claims.name === 'string' && exchange.claims.name.trim()
        ? exchange.claims.name.trim().slice(0, 100)
        : email;
    const groups = groupsOf(exchange.claims[provider.groups_claim]);
    const mapped = roleFromGroups(groups, await store.groupRolesOf(trx, la, provider.id));
    const ctx: AuditContext = { laCode: la, userId: null, sessionId: null, ip: meta.ip };

    let userId = await store.linkedUser(trx, la, provider.id, subject);
    // One read of the account by email, used for every decision below. Read committed: another tab's first sign-in
    // may commit the account and its link (in one transaction) between these reads, so when the email finds an
    // account the link is read again, after it, and this tab signs in rather than waiting for approval. Reading the
    // email a second time could see that account without its link having been read again, and queue the person.
    const byEmail = userId ? undefined : await userByEmail(trx, la, email);
    if (!userId && byEmail) userId = await store.linkedUser(trx, la, provider.id, subject);
    if (!userId) {
      if (
        byEmail &&
        !FAMILY_ROLES.includes(byEmail.role) &&
        !(await store.userLinkedAt(trx, la, provider.id, byEmail.id))
      ) {
        await store.linkIdentity(trx, la, provider.id, subject, byEmail.id);
        await audit(
          trx,
          { ...ctx, userId: byEmail.id },
          {
            action: 'sso.link',
            recordType: 'user',
            recordId: byEmail.id,
            detail: { provider: provider.id, by: 'verified email' },
          },
        );
        userId = byEmail.id;
      } else if (!byEmail && mapped) {
        userId = await insertUser(trx, la, {
          email,
          displayName: name,
          role: mapped,
          jobTitle: null,
          teamId: null,
          passwordHash: null,
        });
        await store.linkIdentity(trx, la, provider.id, subject, userId);
        await audit(
          trx,
          { ...ctx, userId },
          {
            action: 'user.create',
            recordType: 'user',
            recordId: userId,
            detail: { via: 'single sign-on', provider: provider.id, role: mapped, groups },
          },
        );
      } else {
        const pending = await store.putPending(trx, la, {
          providerId: provider.id,
          subject,
          email,
          displayName: name,
          groups,
        });
        await audit(trx, ctx, {
          action: pending.isNew ? 'sso.pending.create' : 'sso.pending.seen',
          recordType: 'sso_pending_account',
          recordId: pending.id,
          detail: { provider: provider.id, groups },
        });
        return { kind: 'pending', pendingId: pending.id };
      }
    }
    const user = await userWithTeam(trx, la, userId);
    if (!user?.active) {
      throw new SignInRefusal('account-off', 'the account cannot sign in');
    }
    if (mapped && mapped !== user.role) {
      await setRoleAndActive(trx, la, userId, { role: mapped, active: true });
      await endSessionsOf(trx, la, userId);
      await audit(
        trx,
        { ...ctx, userId },
        {
          action: 'user.update',
          recordType: 'user',
          recordId: userId,
          detail: { via: 'single sign-on groups', from: { role: user.role }, to: { role: mapped }, groups },
        },
      );
    }
    const { token, sessionId } = await createSession(trx, { laCode: la, userId }, meta);
    await store.insertSsoSession(trx, la, sessionId, provider.id, exchange.idToken);
    await recordSignIn(trx, la, userId);
    await audit(
      trx,
      { ...ctx, userId, sessionId },
      {
        action: 'sign-in',
        recordType: 'user',
        recordId: userId,
        detail: { method: 'single sign-on', provider: provider.id },
      },
    );
    return { kind: 'signed-in', token, returnTo };
  }

  async function providerForAdmin(trx: Executor, actor: Actor, providerId: string) {
    requireRole(actor, ADMIN, 'admin.identity-providers');
    const provider = isUuid(providerId) ? await store.providerOf(trx, actor.laCode, providerId) : undefined;
    if (!provider) throw new NotFoundError();
    return provider;
  }

  async function checkProvider(trx: Executor, actor: Actor, input: ProviderForm, providerId: string | null) {
    const taken = await store.domainsTakenByOthers(trx, actor.laCode, input.domains, providerId);
    if (taken.length) throw new DomainTakenError(taken);
    const same = (await store.providersOf(trx, actor.laCode)).find(
      (p) => p.issuer === input.issuer && p.client_id === input.clientId && p.id !== providerId,
    );
    if (same) throw new IssuerTakenError();
  }

  return {
    /** The buttons on the sign-in page: every provider that is on. */
    buttons: async () =>
      (await store.enabledProviders(db)).map((p) => ({ id: p.id, text: `Sign in with ${p.name}` })),

    /** The provider that must sign in this email, when its domain has one on (password sign-in is refused). */
    async requiredFor(email: string): Promise<{ id: string; name: string; laCode: string } | null> {
      const domain = email.trim().toLowerCase().split('@').pop() ?? '';
      if (!domain) return null;
      const found = (await store.enabledProvidersForDomain(db, domain))[0];
      if (!found) return null;
      // A family account is never signed in by a staff provider: it keeps its password (and later GOV.UK One Login).
      const account = await userByEmail(db, found.la_code, email.trim().toLowerCase());
      if (account && FAMILY_ROLES.includes(account.role)) return null;
      return { id: found.id, name: found.name, laCode: found.la_code };
    },

    /** Starts signing in with a provider: the request kept on the server, and where to send the browser. */
    async start(providerId: string, returnTo: string): Promise<StartedSignIn> {
      const provider = isUuid(providerId) ? await store.providerById(db, providerId) : undefined;
      if (!provider?.enabled) throw new NotFoundError();
      const config = await configuration(connection(provider)).catch((error: unknown) => {
        throw new SignInRefusal(
          'provider-unreachable',
          error instanceof Error ? error.message : String(error),
        );
      });
      const request = await authorisationRequest(config, redirectUri);
      const cookie = randomBytes(32).toString('base64url');
      await store.insertSignIn(db, provider.la_code, {
        id: hash(cookie),
        providerId: provider.id,
        state: request.state,
        nonce: request.nonce,
        codeVerifier: request.codeVerifier,
        returnTo,
      });
      return { redirect: request.url, cookie };
    },

    /**
     * Finishes signing in from the provider's callback (`callbackQuery`: its query string). Throws a SignInRefusal,
     * already audited, when anything is wrong.
     */
    async finish(
      cookie: string | undefined,
      callbackQuery: string,
      meta: { ip: string | null; userAgent: string | null },
    ): Promise<Finished> {
      const params = new URLSearchParams(callbackQuery);
      const { found, taken } = cookie
        ? await db.transaction().execute((trx) => store.takeSignIn(trx, hash(cookie)))
        : { found: undefined, taken: false };
      if (!found) {
        // No sign-in in flight in this browser: place it by the issuer the provider named, if any.
        const iss = params.get('iss');
        const placed = iss ? (await store.providersByIssuer(db, iss))[0] : undefined;
        return refuse(
          placed ? { laCode: placed.la_code, userId: null, sessionId: null, ip: meta.ip } : null,
          new SignInRefusal('state', 'no sign-in was started in this browser'),
          placed?.id ?? null,
        );
      }
      const ctx: AuditContext = { laCode: found.la_code, userId: null, sessionId: null, ip: meta.ip };
      if (!taken)
        return refuse(ctx, new SignInRefusal('replayed', 'this sign-in was already used'), found.provider_id);
      if (Date.now() - new Date(found.created_at).getTime() > REQUEST_TTL_MS) {
        return refuse(
          ctx,
          new SignInRefusal('expired-request', 'the sign-in took too long'),
          found.provider_id,
        );
      }
      if (params.get('state') !== found.state) {
        return refuse(ctx, new SignInRefusal('state', 'the state does not match'), found.provider_id);
      }
      const provider = await store.providerOf(db, found.la_code, found.provider_id);
      if (!provider?.enabled) return refuse(ctx, new SignInRefusal('provider-off'), found.provider_id);
      if (params.get('error')) {
        return refuse(
          ctx,
          new SignInRefusal('provider-error', String(params.get('error_description') ?? params.get('error'))),
          provider.id,
        );
      }
      let exchange;
      try {
        const config = await configuration(connection(provider));
        exchange = await exchangeCode(config, new URL(`${redirectUri}?${params.toString()}`), {
          state: found.state,
          nonce: found.nonce,
          codeVerifier: found.code_verifier,
        });
      } catch (error) {
        const refusal =
          error instanceof SignInRefusal
            ? error
            : new SignInRefusal(
                'provider-unreachable',
                error instanceof Error ? error.message : String(error),
              );
        return refuse(ctx, refusal, provider.id);
      }
      const email = exchange.claims.email;
      if (typeof email !== 'string' || !email.includes('@')) {
        return refuse(
          ctx,
          new SignInRefusal('email-missing', 'the provider sent no email address'),
          provider.id,
        );
      }
      if (exchange.claims.email_verified !== true) {
        return refuse(ctx, new SignInRefusal('email-unverified', email.toLowerCase()), provider.id);
      }
      const domain = email.toLowerCase().split('@').pop()!;
      if (!(await store.domainsOf(db, provider.la_code, provider.id)).includes(domain)) {
        return refuse(ctx, new SignInRefusal('domain', domain), provider.id);
      }
      const run = () =>
        db.transaction().execute((trx) => complete(trx, provider, exchange, meta, found.return_to));
      try {
        try {
          return await run();
        } catch (error) {
          // Two first sign-ins of the same person at the same instant (two tabs, a double click at the provider):
          // the other made the account, link or waiting request first; run again, which finds it.
          if (isUniqueViolation(error)) return await run();
          throw error;
        }
      } catch (error) {
        if (error instanceof SignInRefusal) return refuse(ctx, error, provider.id);
        throw error;
      }
    },

    /** The waiting person's request (the waiting page), by the id in their signed cookie. */
    waiting: (pendingId: string) =>
      isUuid(pendingId) ? store.pendingById(db, pendingId) : Promise.resolve(undefined),

    /**
     * Where to send the browser after a Goldthread sign-out, to end the provider's session too (its
     * end_session_endpoint with the ID token as id_token_hint); null for a password session.
     */
    async endProviderSession(actor: { laCode: string; sessionId: string }): Promise<string | null> {
      const row = await store.takeSsoSession(db, actor.laCode, actor.sessionId);
      if (!row) return null;
      const provider = await store.providerOf(db, actor.laCode, row.provider_id);
      if (!provider) return null;
      try {
        return endSessionUrl(await configuration(connection(provider)), row.id_token, signedOutUri);
      } catch {
        return null;
      }
    },

    // Administration.

    providers(actor: Actor) {
      requireRole(actor, ADMIN, 'admin.identity-providers');
      return store.providersOf(db, actor.laCode);
    },

    async provider(actor: Actor, providerId: string) {
      const provider = await providerForAdmin(db, actor, providerId);
      return {
        provider,
        domains: await store.domainsOf(db, actor.laCode, provider.id),
        groupRoles: await store.groupRolesOf(db, actor.laCode, provider.id),
        secretSet: Boolean(secretOf(provider.secret_env)),
        redirectUri,
        signedOutUri,
      };
    },

    callbackAddresses: () => ({ redirectUri, signedOutUri }),

    createProvider: (actor: Actor, input: ProviderForm): Promise<string> =>
      withChange(deps, actor, async ({ trx }) => {
        requireRole(actor, ADMIN, 'admin.identity-providers');
        await checkProvider(trx, actor, input, null);
        const id = await store.insertProvider(trx, actor.laCode, input);
        await audit(trx, auditContext(actor), {
          action: 'identity-provider.create',
          recordType: 'identity_provider',
          recordId: id,
          detail: { ...input },
        });
        return id;
      }),

    updateProvider: (actor: Actor, providerId: string, input: ProviderForm): Promise<void> =>
      withChange(deps, actor, async ({ trx }) => {
        const before = await providerForAdmin(trx, actor, providerId);
        await checkProvider(trx, actor, input, before.id);
        const domainsBefore = await store.domainsOf(trx, actor.laCode, before.id);
        await store.updateProvider(trx, actor.laCode, before.id, input);
        await audit(trx, auditContext(actor), {
          action: 'identity-provider.update',
          recordType: 'identity_provider',
          recordId: before.id,
          detail: {
            from: {
              name: before.name,
              issuer: before.issuer,
              clientId: before.client_id,
              secretEnv: before.secret_env,
              groupsClaim: before.groups_claim,
              domains: domainsBefore,
              enabled: before.enabled,
            },
            to: { ...input },
          },
        });
      }),

    setGroupRole: (actor: Actor, providerId: string, group: string, role: Role): Promise<void> =>
      withChange(deps, actor, async ({ trx }) => {
        const provider = await providerForAdmin(trx, actor, providerId);
        const before = await store.putGroupRole(trx, actor.laCode, provider.id, group, role);
        await audit(trx, auditContext(actor), {
          action: 'identity-provider.group-role.set',
          recordType: 'identity_provider',
          recordId: provider.id,
          detail: { group, from: before ?? null, to: role },
        });
      }),

    removeGroupRole: (actor: Actor, providerId: string, group: string): Promise<void> =>
      withChange(deps, actor, async ({ trx }) => {
        const provider = await providerForAdmin(trx, actor, providerId);
        if (!(await store.deleteGroupRole(trx, actor.laCode, provider.id, group))) throw new NotFoundError();
        await audit(trx, auditContext(actor), {
          action: 'identity-provider.group-role.remove',
          recordType: 'identity_provider',
          recordId: provider.id,
          detail: { group },
        });
      }),

    pendingAccounts(actor: Actor) {
      requireRole(actor, ADMIN, 'admin.sign-in-requests');
      return store.openPending(db, actor.laCode);
    },

    async pendingAccount(actor: Actor, pendingId: string) {
      requireRole(actor, ADMIN, 'admin.sign-in-requests');
      const pending = isUuid(pendingId) ? await store.pendingOf(db, actor.laCode, pendingId) : undefined;
      if (!pending) throw new NotFoundError();
      return pending;
    },

    /** Approves a waiting person with a role (their account is made and linked) or refuses them. */
    decide: (
      actor: Actor,
      pendingId: string,
      decision: { approve: true; role: Role } | { approve: false },
    ): Promise<string | null> =>
      withChange(deps, actor, async ({ trx }) => {
        requireRole(actor, ADMIN, 'admin.sign-in-requests');
        const pending = isUuid(pendingId) ? await store.pendingOf(trx, actor.laCode, pendingId) : undefined;
        if (!pending) throw new NotFoundError();
        if (pending.decided_at) throw new AlreadyDecidedError();
        let userId: string | null = null;
        if (decision.approve) {
          if (await emailTaken(trx, actor.laCode, pending.email)) throw new PendingEmailTakenError();
          userId = await insertUser(trx, actor.laCode, {
            email: pending.email,
            displayName: pending.display_name,
            role: decision.role,
            jobTitle: null,
            teamId: null,
            passwordHash: null,
          });
          await store.linkIdentity(trx, actor.laCode, pending.provider_id, pending.subject, userId);
          await audit(trx, auditContext(actor), {
            action: 'user.create',
            recordType: 'user',
            recordId: userId,
            detail: { via: 'single sign-on approval', provider: pending.provider_id, role: decision.role },
          });
        }
        if (
          !(await store.decidePending(trx, actor.laCode, pending.id, {
            decision: decision.approve ? 'approved' : 'refused',
            by: actor.userId,
            userId,
          }))
        )
          throw new AlreadyDecidedError();
        await audit(trx, auditContext(actor), {
          action: decision.approve ? 'sso.pending.approve' : 'sso.pending.refuse',
          recordType: 'sso_pending_account',
          recordId: pending.id,
          detail: decision.approve ? { role: decision.role, userId } : null,
        });
        return userId;
      }),
  };
}

export type SsoService = ReturnType<typeof createSsoService>;
