/** The public surface of the improvement feature: the improvement plan tracker (docs/improvement.md). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { seedImprovementDemo } from './demo.ts';
import { improvementRoutes } from './routes.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Staff, professionals, the Local Offer editor and
 * administrators read the improvement plan; leaders and team managers manage it (an action's owners update it too,
 * checked by the service).
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /improvement': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  'GET /improvement/my-actions': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  '* /improvement/actions/:actionId': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  'GET /improvement/evidence/:evidenceId': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  '* /improvement/import': ['team-manager', 'send-leader'],
  'POST /improvement/import/confirm': ['team-manager', 'send-leader'],
  'GET /improvement/plans/:planId': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  'GET /improvement/plans/:planId/actions': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  'GET /improvement/plans/:planId/changes': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  'GET /improvement/plans/:planId/flags': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  'GET /improvement/plans/:planId/governance': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  'GET /improvement/plans/:planId/timeline': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  'GET /improvement/plans/:planId/reports/:reportId': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  'GET /improvement/plans/:planId/reports/:reportId/pack.docx': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  'GET /improvement/plans/:planId/reports': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'local-offer-editor',
    'administrator',
  ],
  'POST /improvement/plans/:planId/reports': ['team-manager', 'send-leader'],
  'GET /improvement/plans/:planId/export.csv': ['team-manager', 'send-leader'],
  'POST /improvement/plans/:planId/publish': ['team-manager', 'send-leader'],
};

export const improvementFeature = {
  name: 'improvement',
  roles: ROUTE_ROLES,
  routes: improvementRoutes,
  demo: seedImprovementDemo,
} satisfies Feature<'improvement'>;
