/**
 * Configuration from the environment, read once. Development has defaults; production refuses to start without the
 * secrets it needs (style.md: config that fails fast in production).
 */
import { createHash, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Config {
  readonly production: boolean;
  /** Demo mode creates the fictional authority (LA 999) and its accounts. Never on in production. */
  readonly demo: boolean;
  readonly port: number;
  readonly host: string;
  /** Set: PostgreSQL. Unset: the embedded PGlite database in dataDir. */
  readonly databaseUrl: string | undefined;
  /**
   * Set: migrations run with this connection (the role that owns the tables) and the service's own connection
   * (`databaseUrl`) needs no more than to read and write (`goldthread db-roles`). Unset: the service migrates itself.
   */
  readonly migrationDatabaseUrl: string | undefined;
  readonly dataDir: string;
  readonly cookieSecret: string;
  /**
   * TRUSTED_PROXIES: the addresses (or CIDR ranges) of the reverse proxies in front of the service, whose
   * X-Forwarded-For is believed. Empty: no forwarded header is believed, and the client is the connection's address.
   */
  readonly trustedProxies: readonly string[];
  /** Failed sign-ins allowed per account (email) in the window below (SIGN_IN_LIMIT). */
  readonly signInLimit: number;
  /** Failed sign-ins allowed per address, across accounts, in the window (SIGN_IN_ADDRESS_LIMIT). */
  readonly signInAddressLimit: number;
  readonly signInWindowMs: number;
  /**
   * SECOND_FACTOR_KEY: 32 bytes (64 hex characters, or base64) that encrypt second-factor secrets at rest. Required in
   * production; elsewhere the published demo key (DEMO_SECOND_FACTOR_KEY), which protects nothing.
   */
  readonly secondFactorKey: Buffer;
  /**
   * GOV.UK One Login for families (issue 19 item 2): ONE_LOGIN_ISSUER, ONE_LOGIN_CLIENT_ID and ONE_LOGIN_PRIVATE_KEY
   * (the PEM private key whose public key is registered with One Login, for private_key_jwt), ONE_LOGIN_KEY_ID
   * optional, ONE_LOGIN_LA the authority the client is registered for (required in production). Undefined when not
   * all set: the sign-in page offers no One Login.
   */
  readonly oneLogin: OneLoginConfig | undefined;
  readonly logLevel: string;
  /** GOLDTHREAD_LOCAL_OFFER_LA: the authority whose Local Offer is public (unset: the first with entries). */
  readonly localOfferLa: string | undefined;
  /** The Local Offer link checker visits real websites (GOLDTHREAD_LINK_CHECK=live, or production). */
  readonly linkCheckLive: boolean;
  /**
   * GOLDTHREAD_PUBLIC_URL: the address people reach the service at (default http://localhost:PORT), from which the
   * single sign-on callback and sign-out addresses registered with identity providers are made.
   */
  readonly publicUrl: string;
}

export interface OneLoginConfig {
  readonly issuer: string;
  readonly clientId: string;
  /** PEM (PKCS #8), RSA or P-256. */
  readonly privateKeyPem: string;
  readonly keyId: string | undefined;
  /**
   * ONE_LOGIN_LA: the authority (LA code) this One Login client is registered for. A sign-in One Login refuses
   * before any account is linked (a failed token check, too low a level of confidence, a replayed callback) is
   * audited under it. Unset (outside production): such refusals are only logged.
   */
  readonly laCode: string | undefined;
}

type Env = Record<string, string | undefined>;

/**
 * An environment variable named at run time rather than a setting read at start: an identity provider's client
 * secret (the variable its `secret_env` names) and GOV.UK Notify's key and template ids. Read from the process's
 * environment each time it is asked for, so one set after start is seen. The composition root passes it to the code
 * that needs it, so this file stays the only reader of `process.env`.
 */
export function environmentVariable(name: string): string | undefined {
  return process.env[name];
}

function get(
  env: Env,
  name: string,
  fallback: string | undefined,
  requireInProduction: boolean,
): string | undefined {
  const value = env[name];
  if (value !== undefined && value !== '') return value;
  if (requireInProduction && env.NODE_ENV === 'production') {
    throw new Error(`${name} must be set when NODE_ENV is production`);
  }
  return fallback;
}

/** A comma-separated list of IP addresses or CIDR ranges; refuses anything else, naming it. */
function addresses(env: Env, name: string): string[] {
  const list = (env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const entry of list) {
    const [address = '', bits, ...rest] = entry.split('/');
    const version = isIP(address);
    const max = version === 4 ? 32 : 128;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (!version || !bitsOk || rest.length > 0)
      throw new Error(`${name} must be IP addresses or CIDR ranges separated by commas, not "${entry}"`);
  }
  return list;
}

/**
 * The demo's and development's key for second-factor secrets: published in the source and the README, so it protects
 * nothing. Production refuses to start without its own SECOND_FACTOR_KEY.
 */
export const DEMO_SECOND_FACTOR_KEY = createHash('sha256')
  .update('goldthread demo second factor key')
  .digest();

function key32(env: Env, name: string): Buffer {
  const raw = get(env, name, undefined, true);
  if (raw === undefined) return DEMO_SECOND_FACTOR_KEY;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(raw) && !/^[A-Za-z0-9+/_-]{43}=?$/.test(raw)))
    throw new Error(`${name} must be 32 bytes as 64 hex characters or base64 (openssl rand -hex 32)`);
  if (env.NODE_ENV === 'production' && key.equals(DEMO_SECOND_FACTOR_KEY))
    throw new Error(`${name} must not be the published demo key in production`);
  return key;
}

function oneLogin(env: Env): OneLoginConfig | undefined {
  const issuer = env.ONE_LOGIN_ISSUER;
  const clientId = env.ONE_LOGIN_CLIENT_ID;
  const key = env.ONE_LOGIN_PRIVATE_KEY?.replace(/\\n/g, '\n');
  if (!issuer && !clientId && !key) return undefined;
  if (!issuer || !clientId || !key)
    throw new Error(
      'GOV.UK One Login needs ONE_LOGIN_ISSUER, ONE_LOGIN_CLIENT_ID and ONE_LOGIN_PRIVATE_KEY together',
    );
  if (!URL.canParse(issuer)) throw new Error(`ONE_LOGIN_ISSUER must be an address, not "${issuer}"`);
  if (!/-----BEGIN PRIVATE KEY-----/.test(key))
    throw new Error('ONE_LOGIN_PRIVATE_KEY must be a PEM private key (-----BEGIN PRIVATE KEY-----)');
  const laCode = env.ONE_LOGIN_LA?.trim() || undefined;
  if (!laCode && env.NODE_ENV === 'production')
    throw new Error(
      'GOV.UK One Login needs ONE_LOGIN_LA in production: the authority its client is registered for',
    );
  return { issuer, clientId, privateKeyPem: key, keyId: env.ONE_LOGIN_KEY_ID || undefined, laCode };
}

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return n;
}

function publicUrl(env: Env): string {
  const raw = get(env, 'GOLDTHREAD_PUBLIC_URL', `http://localhost:${int(env, 'PORT', 3000)}`, false) ?? '';
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    throw new Error(`GOLDTHREAD_PUBLIC_URL must be an http or https address with no query, not "${raw}"`);
  }
  return url.href.replace(/\/+$/, '');
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = get(env, 'DATABASE_URL', undefined, false);
  const demoDefault = !production && !databaseUrl ? 'true' : 'false';
  if (env.MIGRATION_DATABASE_URL && !databaseUrl) {
    throw new Error('MIGRATION_DATABASE_URL needs DATABASE_URL (it is for PostgreSQL)');
  }
  const demo = (get(env, 'GOLDTHREAD_DEMO', demoDefault, false) ?? 'false') === 'true';
  if (demo && production) throw new Error('GOLDTHREAD_DEMO cannot be true when NODE_ENV is production');
  return {
    production,
    demo,
    port: int(env, 'PORT', 3000),
    host: get(env, 'HOST', '0.0.0.0', false) ?? '0.0.0.0',
    databaseUrl,
    migrationDatabaseUrl: get(env, 'MIGRATION_DATABASE_URL', undefined, false),
    dataDir: resolve(get(env, 'GOLDTHREAD_DATA_DIR', './data', false) ?? './data'),
    // In development a random secret per process: sessions live in the database, so only CSRF cookies are affected.
    cookieSecret: get(env, 'COOKIE_SECRET', randomBytes(32).toString('hex'), true) ?? '',
    trustedProxies: addresses(env, 'TRUSTED_PROXIES'),
    signInLimit: int(env, 'SIGN_IN_LIMIT', 10),
    signInAddressLimit: int(env, 'SIGN_IN_ADDRESS_LIMIT', 50),
    signInWindowMs: int(env, 'SIGN_IN_WINDOW_MS', 15 * 60 * 1000),
    secondFactorKey: key32(env, 'SECOND_FACTOR_KEY'),
    oneLogin: oneLogin(env),
    logLevel: get(env, 'LOG_LEVEL', production ? 'info' : 'warn', false) ?? 'info',
    localOfferLa: get(env, 'GOLDTHREAD_LOCAL_OFFER_LA', undefined, false),
    linkCheckLive: production || env.GOLDTHREAD_LINK_CHECK === 'live',
    publicUrl: publicUrl(env),
  };
}

/**
 * The cookie secret the service runs with. COOKIE_SECRET when set (production must set it). Otherwise a secret made
 * once and kept in the data folder (`.cookie-secret`, readable by its owner only), so a restart does not turn every
 * open form into "Your form could not be sent" and lose what the user typed (issue 18 item 8). Only `serve` calls
 * this: tests and commands keep loadConfig's secret and write nothing.
 */
export function lastingCookieSecret(config: Config, env: Env = process.env): string {
  if (env.COOKIE_SECRET || config.production) return config.cookieSecret;
  const file = join(config.dataDir, '.cookie-secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(kept)) return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
