/**
 * The discovery cache (ADR 0072): two providers with the same id and change but different issuers (copies of one
 * database in test files that share a process, each pointing at a provider on a port of its own) each get their own
 * issuer's configuration, while the same provider asked twice is discovered once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../../../test/helpers/oidc-provider.ts';
import { configuration, type ProviderConnection } from './oidc.ts';

const client = {
  client_id: 'goldthread-cache',
  client_secret: 'cache-test-secret',
  redirect_uris: ['http://127.0.0.1/sign-in/sso/callback'],
  token_endpoint_auth_method: 'client_secret_post',
} as const;

describe('the discovery cache', () => {
  let first: TestProvider;
  let second: TestProvider;

  beforeAll(async () => {
    [first, second] = await Promise.all([
      startTestProvider({ clients: [client] }),
      startTestProvider({ clients: [client] }),
    ]);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  const connection = (issuer: string): ProviderConnection => ({
    id: '00000000-0000-4000-8000-000000000001',
    issuer,
    clientId: client.client_id,
    secret: client.client_secret,
    version: '2026-12-06T00:00:00.000Z',
    allowLoopbackHttp: true,
  });

  it('keeps providers with one id apart by their issuer', async () => {
    expect(first.issuer).not.toBe(second.issuer);
    const a = await configuration(connection(first.issuer));
    const b = await configuration(connection(second.issuer));
    expect(a.serverMetadata().issuer).toBe(first.issuer);
    expect(b.serverMetadata().issuer).toBe(second.issuer);
  });

  it('discovers the same provider once', () => {
    expect(configuration(connection(first.issuer))).toBe(configuration(connection(first.issuer)));
  });
});
