/**
 * The public surface of the children feature: the list of children and a child's record, and the labels and list
 * other features show children with.
 */
import type { Feature } from '../../platform/feature.ts';
import { childrenRoutes } from './routes.ts';
import { createChildrenService, type ChildrenService } from './service.ts';

export const childrenFeature = {
  name: 'children',
  createService: createChildrenService,
  routes: childrenRoutes,
} satisfies Feature<'children', ChildrenService>;

export { PLAN_STATUS_LABELS, PRIMARY_NEED_LABELS, type ChildrenService } from './service.ts';
