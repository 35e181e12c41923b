/**
 * `npm run demo:sso`: the demo with single sign-on (issue 19 item 5). Starts a local OpenID Connect provider standing
 * in for Denmoor Council's (test/helpers/oidc-provider.ts, the one the tests use), then the service in demo mode with
 * that provider configured for the demo authority (LA 999) and the domain demo.example: staff sign in with "Sign in
 * with Denmoor Council staff account" and choose who they are on the provider's page; families keep their passwords.
 *
 * PORT (3000) and SSO_DEMO_PROVIDER_PORT (3999) choose the ports. Its data are kept apart from `npm start`'s, in
 * ./data-sso (GOLDTHREAD_DATA_DIR), so that the plain demo never finds a provider switched on for demo.example (its
 * staff could not sign in with their passwords).
 */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/platform/config.ts';
import { startService } from '../src/app/service.ts';
import { DEMO_LA_CODE } from '../src/demo/accounts.ts';
import {
  DEMO_SSO_ACCOUNTS,
  DEMO_SSO_GROUPS,
  DEMO_SSO_PROVIDER,
  seedIdentityProvider,
} from '../src/features/sso/index.ts';
import { startTestProvider } from '../test/helpers/oidc-provider.ts';

const port = Number(process.env.PORT ?? 3000);
const providerPort = Number(process.env.SSO_DEMO_PROVIDER_PORT ?? 3999);
const publicUrl = process.env.GOLDTHREAD_PUBLIC_URL ?? `http://localhost:${port}`;
const secret = randomBytes(24).toString('base64url');
process.env[DEMO_SSO_PROVIDER.secretEnv] = secret;

const provider = await startTestProvider({
  port: providerPort,
  title: 'Denmoor Council sign-in (demo provider)',
  clients: [
    {
      client_id: DEMO_SSO_PROVIDER.clientId,
      client_secret: secret,
      redirect_uris: [`${publicUrl}/sign-in/sso/callback`],
      post_logout_redirect_uris: [`${publicUrl}/sign-in?signedOut=1`],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  accounts: DEMO_SSO_ACCOUNTS,
});
const config = loadConfig({
  GOLDTHREAD_DATA_DIR: './data-sso',
  ...process.env,
  GOLDTHREAD_DEMO: 'true',
  GOLDTHREAD_PUBLIC_URL: publicUrl,
});
const service = await startService(config);
await seedIdentityProvider(
  service.database.db,
  DEMO_LA_CODE,
  { ...DEMO_SSO_PROVIDER, domains: [...DEMO_SSO_PROVIDER.domains], issuer: provider.issuer, enabled: true },
  DEMO_SSO_GROUPS,
);
await service.app.listen({ port, host: config.host });
process.stdout.write(
  `Goldthread is running at ${publicUrl} with the demo authority and single sign-on through a local provider at ` +
    `${provider.issuer}.\nStaff: "Sign in with Denmoor Council staff account" and choose who you are. Families: ` +
    'their demo accounts and the password goldthread-demo.\n',
);
const stop = () => {
  void service
    .close()
    .then(() => provider.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
