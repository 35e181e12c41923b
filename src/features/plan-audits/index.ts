/** The public surface of the plan-audits feature: EHC plan quality audits (docs/plans.md). */
import type { Feature } from '../../platform/feature.ts';
import { planAuditRoutes } from './routes.ts';

export const planAuditsFeature = {
  name: 'plan-audits',
  routes: planAuditRoutes,
} satisfies Feature<'plan-audits'>;

/** Each audited plan's latest overall grade (the review backlog ranks by it, docs/reviews.md). */
export { latestPlanGrades, type QualityGrade } from './store.ts';
