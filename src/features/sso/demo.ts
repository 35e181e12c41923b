/**
 * The single sign-on demo's people and groups (`npm run demo:sso`, scripts/demo-sso.ts, and the browser test): the
 * local provider knows two demo staff whose groups are mapped, the demo administrator, and a newcomer with no mapped
 * group, who waits for approval. All at demo.example; the families keep their passwords.
 */
import type { Role } from '../../platform/db/schema/index.ts';

export const DEMO_SSO_ACCOUNTS = [
  {
    sub: 'denmoor-hannah-lockwood',
    email: 'caseworker@demo.example',
    name: 'Hannah Lockwood',
    claims: { groups: ['denmoor-send-caseworkers'] },
  },
  {
    sub: 'denmoor-gareth-pryce',
    email: 'manager@demo.example',
    name: 'Gareth Pryce',
    claims: { groups: ['denmoor-send-caseworkers', 'denmoor-send-managers'] },
  },
  {
    sub: 'denmoor-admin',
    email: 'admin@demo.example',
    name: 'Demo administrator',
    claims: { groups: ['denmoor-goldthread-admins'] },
  },
  {
    sub: 'denmoor-nia-newcomer',
    email: 'newcomer@demo.example',
    name: 'Nia Newcomer',
    claims: { groups: ['denmoor-finance'] },
  },
] as const;

export const DEMO_SSO_GROUPS: ReadonlyArray<{ group: string; role: Role }> = [
  { group: 'denmoor-send-caseworkers', role: 'caseworker' },
  { group: 'denmoor-send-managers', role: 'team-manager' },
  { group: 'denmoor-goldthread-admins', role: 'administrator' },
];

export const DEMO_SSO_PROVIDER = {
  name: 'Denmoor Council staff account',
  clientId: 'goldthread-demo',
  secretEnv: 'OIDC_CLIENT_SECRET_DEMO',
  groupsClaim: 'groups',
  domains: ['demo.example'],
} as const;
