/**
 * The public surface of the children feature: the list of children and a child's record, and the labels and list
 * other features show children with.
 */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { childrenRoutes } from './routes.ts';
import { createChildrenService, type ChildrenService } from './service.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): Casework staff see every child; professionals and
 * families the children they are linked to.
 */
const ROUTE_ROLES: RouteRoles = {
  'GET /children': ['caseworker', 'team-manager', 'send-leader', 'professional', 'parent', 'young-person'],
  'GET /children/:childId': [
    'caseworker',
    'team-manager',
    'send-leader',
    'professional',
    'parent',
    'young-person',
  ],
};

export const childrenFeature = {
  name: 'children',
  roles: ROUTE_ROLES,
  createService: createChildrenService,
  routes: childrenRoutes,
} satisfies Feature<'children', ChildrenService>;

export { PLAN_STATUS_LABELS, PRIMARY_NEED_LABELS, type ChildrenService } from './service.ts';
