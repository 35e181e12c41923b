/**
 * A real OpenID Connect provider for tests and the demo (the `oidc-provider` package, started in-process on a
 * loopback port). Tests sign people in through it over HTTP exactly as a council's Entra ID would be used: discovery,
 * the authorisation endpoint with PKCE, state and nonce, the token endpoint, its keys, and RP-initiated sign-out.
 *
 * - `accounts`: the people it knows, with their claims (email, email_verified, name and any group claim).
 * - `nextLogin`: set it to an account's subject and the provider's sign-in page signs that person in at once (route
 *   tests); unset, the page shows a form listing the accounts (browser tests and `npm run demo:sso`).
 * - `tamperNextIdToken(changes)`: the next ID token the token endpoint issues has these claims changed (undefined
 *   removes one) and is signed again with the provider's own key, so the signature is valid and only the claims are
 *   wrong: the attacks (wrong audience, wrong issuer, expired, a replayed nonce) are real tokens a client must refuse.
 *
 * Shared with the GOV.UK One Login work: `clients` takes any client metadata (private_key_jwt included).
 */
import { generateKeyPair, exportJWK, decodeJwt, SignJWT, decodeProtectedHeader, type JWK } from 'jose';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export interface TestAccount {
  /** The subject (`sub`). */
  readonly sub: string;
  readonly email: string;
  readonly emailVerified?: boolean;
  readonly name?: string;
  /** Extra claims put in the ID token and user info, such as `{ groups: ['send-caseworkers'] }`. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

export interface TestProviderOptions {
  readonly clients: readonly ClientMetadata[];
  readonly accounts?: readonly TestAccount[];
  /** Claims beyond the standard ones that the provider may release (default: groups and roles). */
  readonly extraClaims?: readonly string[];
  /** Port to listen on (default: any free port). */
  readonly port?: number;
  /** How the sign-in page names the provider (the demo's). */
  readonly title?: string;
}

export interface TestProvider {
  readonly issuer: string;
  readonly provider: Provider;
  readonly accounts: Map<string, TestAccount>;
  /** The subject the provider's sign-in page signs in without asking (route tests). */
  nextLogin: string | undefined;
  /** The nonces of the ID tokens issued so far, in order. */
  readonly issuedNonces: string[];
  /**
   * Changes the claims of the next ID token issued, then signs it again with the provider's key (or, with
   * `foreignKey`, with another key under the provider's key id: a forged signature).
   */
  tamperNextIdToken(changes: Record<string, unknown>, options?: { foreignKey?: boolean }): void;
  addAccount(account: TestAccount): void;
  close(): Promise<void>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>((options.accounts ?? []).map((a) => [a.sub, a]));
  const extraClaims = options.extraClaims ?? ['groups', 'roles'];
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-provider-key', alg: 'RS256', use: 'sig' };
  let tamper: { changes: Record<string, unknown>; foreignKey: boolean } | undefined;
  const issuedNonces: string[] = [];

  const server: Server = createServer((req, res) => dispatch(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const configuration: Configuration = {
    clients: [...options.clients],
    jwks: { keys: [jwk] },
    findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name ?? account.email,
          ...account.claims,
        }),
      };
    },
    claims: {
      openid: ['sub', ...extraClaims],
      email: ['email', 'email_verified'],
      profile: ['name'],
      // GOV.UK One Login's phone scope (a claim an account has in `claims`).
      phone: ['phone_number', 'phone_number_verified'],
    },
    // Groups and email in the ID token itself, as Entra ID sends them.
    conformIdTokenClaims: false,
    cookies: { keys: ['test-provider-cookie-key'] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // First-party clients: no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const oidc = ctx.oidc;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({
        clientId: oidc.client!.clientId,
        accountId: oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile phone');
      grant.addOIDCClaims([
        'sub',
        'email',
        'email_verified',
        'name',
        'phone_number',
        'phone_number_verified',
        ...extraClaims,
      ]);
      await grant.save();
      return grant;
    },
    ttl: { IdToken: 3600, AccessToken: 3600, Session: 3600, Interaction: 600, Grant: 3600 },
  };
  const provider = new Provider(issuer, configuration);
  provider.proxy = false;

  // The token endpoint's answer: remember each nonce, and apply a requested tampering of the ID token.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.method !== 'POST' || ctx.status !== 200) return;
    const body = ctx.body as { id_token?: string } | undefined;
    if (!body?.id_token) return;
    const claims = decodeJwt(body.id_token);
    if (typeof claims.nonce === 'string') issuedNonces.push(claims.nonce);
    if (!tamper) return;
    const { changes, foreignKey } = tamper;
    tamper = undefined;
    const changed: Record<string, unknown> = { ...claims };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete changed[key];
      else changed[key] = value;
    }
    const header = decodeProtectedHeader(body.id_token);
    body.id_token = await new SignJWT(changed)
      .setProtectedHeader({ alg: 'RS256', kid: header.kid ?? 'test-provider-key', typ: header.typ })
      .sign(foreignKey ? (await generateKeyPair('RS256')).privateKey : privateKey);
  });

  const callback = provider.callback();

  async function signIn(req: IncomingMessage, res: ServerResponse, accountId: string) {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    );
  }

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    try {
      await provider.interactionDetails(req, res);
      if (req.method === 'POST') {
        const form = await readForm(req);
        const account = form.get('account') ?? '';
        if (!accounts.has(account)) {
          res.writeHead(400, { 'content-type': 'text/plain' }).end('Choose an account');
          return;
        }
        await signIn(req, res, account);
        return;
      }
      if (test.nextLogin && accounts.has(test.nextLogin)) {
        await signIn(req, res, test.nextLogin);
        return;
      }
      const radios = [...accounts.values()]
        .map(
          (a, i) =>
            `<div><input type="radio" id="account-${i}" name="account" value="${escapeHtml(a.sub)}"${i === 0 ? ' checked' : ''}>` +
            `<label for="account-${i}">${escapeHtml(a.name ?? a.email)} (${escapeHtml(a.email)})</label></div>`,
        )
        .join('\n');
      const title = escapeHtml(options.title ?? 'Test identity provider');
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(
          `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in: ${title}</title></head>` +
            `<body><main><h1>${title}</h1><p>This is a local test provider standing in for your organisation's sign-in.</p>` +
            `<form method="post"><fieldset><legend>Sign in as</legend>${radios}</fieldset>` +
            `<button type="submit">Continue</button></form></main></body></html>`,
        );
    } catch (error) {
      res
        .writeHead(400, { 'content-type': 'text/plain' })
        .end(`Interaction failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function dispatch(req: IncomingMessage, res: ServerResponse) {
    if (req.url?.startsWith('/interaction/')) void interaction(req, res);
    else void callback(req, res);
  }

  const test: TestProvider = {
    issuer,
    provider,
    accounts,
    nextLogin: undefined,
    issuedNonces,
    tamperNextIdToken(changes, options = {}) {
      tamper = { changes, foreignKey: options.foreignKey ?? false };
    },
    addAccount(account) {
      accounts.set(account.sub, account);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return test;
}

/** Cookies for one host, kept as a browser would (enough for the provider's own cookies). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * Follows the provider's redirects from `url` (its authorisation or end-session endpoint) until they lead away from
 * the provider, and returns where they lead (for a sign-in, the client's callback with its code and state). A page
 * with a form on the way (the sign-out confirmation) is submitted as its first button would.
 */
export async function followProvider(provider: TestProvider, url: string, jar: CookieJar): Promise<URL> {
  let next = new URL(url);
  let init: RequestInit = { method: 'GET' };
  for (let hop = 0; hop < 15; hop++) {
    if (next.origin !== new URL(provider.issuer).origin) return next;
    const response = await fetch(next, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.remember(response);
    if (response.status >= 300 && response.status < 400) {
      next = new URL(response.headers.get('location')!, next);
      init = { method: 'GET' };
      continue;
    }
    const body = await response.text();
    const form =
      /<form[^>]*id="op\.logoutForm"[^>]*>([\s\S]*?)<\/form>/.exec(body) ??
      /<form[^>]*>([\s\S]*?)<\/form>/.exec(body);
    if (response.status !== 200 || !form)
      throw new Error(`The provider answered ${response.status}: ${body.slice(0, 300)}`);
    const action = /action="([^"]*)"/.exec(form[0])?.[1] ?? next.pathname;
    const fields = new URLSearchParams();
    for (const input of form[1]!.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      if (name && (!/type="radio"/.test(input[0]) || /checked/.test(input[0]))) fields.set(name, value);
    }
    if (form[0].includes('op.logoutForm')) fields.set('logout', 'yes');
    next = new URL(action.replace(/&amp;/g, '&'), next);
    init = {
      method: 'POST',
      body: fields.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error('The provider redirected too many times');
}
