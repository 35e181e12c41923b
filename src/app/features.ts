/**
 * The one list of features. Its order is the order their routes, jobs and demo data are registered in (routes
 * first match first; a feature's demo data may rely on an earlier feature's). A new feature is added here and in
 * `createServices` (./compose.ts), and nowhere else outside its own folder.
 */
import { adminFeature } from '../features/admin/index.ts';
import { adviceFeature } from '../features/advice/index.ts';
import { amendmentsFeature } from '../features/amendments/index.ts';
import { assessmentsFeature } from '../features/assessments/index.ts';
import { authFeature } from '../features/auth/index.ts';
import { childrenFeature } from '../features/children/index.ts';
import { consultationFeature } from '../features/consultation/index.ts';
import { educationFeature } from '../features/education/index.ts';
import { familyFeature } from '../features/family/index.ts';
import { figuresFeature } from '../features/figures/index.ts';
import { homeFeature } from '../features/home/index.ts';
import { improvementFeature } from '../features/improvement/index.ts';
import { noticesFeature } from '../features/notices/index.ts';
import { localOfferFeature } from '../features/local-offer/index.ts';
import { pagesFeature } from '../features/pages/index.ts';
import { planAuditsFeature } from '../features/plan-audits/index.ts';
import { plansFeature } from '../features/plans/index.ts';
import { returnsFeature } from '../features/returns/index.ts';
import { ssoFeature } from '../features/sso/index.ts';
import { secondFactorFeature } from '../features/second-factor/index.ts';
import { reviewsFeature } from '../features/reviews/index.ts';
import { oneLoginFeature } from '../features/one-login/index.ts';
import { registerFeature } from '../features/register/index.ts';
import { ceasingFeature } from '../features/ceasing/index.ts';
import { transfersFeature } from '../features/transfers/index.ts';
import { tribunalFeature } from '../features/tribunal/index.ts';
import { personalBudgetsFeature } from '../features/personal-budgets/index.ts';

export const features = [
  pagesFeature,
  authFeature,
  ssoFeature,
  secondFactorFeature,
  oneLoginFeature,
  homeFeature,
  childrenFeature,
  adminFeature,
  improvementFeature,
  localOfferFeature,
  assessmentsFeature,
  adviceFeature,
  familyFeature,
  consultationFeature,
  plansFeature,
  planAuditsFeature,
  returnsFeature,
  noticesFeature,
  reviewsFeature,
  amendmentsFeature,
  educationFeature,
  registerFeature,
  tribunalFeature,
  personalBudgetsFeature,
  ceasingFeature,
  figuresFeature,
  transfersFeature,
] as const;

export type AnyFeature = (typeof features)[number];
