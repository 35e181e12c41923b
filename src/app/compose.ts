/**
 * The composition root: the only code that knows every feature (hmpps-template-typescript's habit, with plain
 * factories and no container). `createServices` builds each feature's service from the platform's parts, passing
 * a feature the services of others it uses; the web app, the jobs, the message templates and the demo are all
 * registered from the one feature list (./features.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { JobDeps } from '../platform/jobs/jobs.ts';
import { environmentVariable } from '../platform/config.ts';
import type { ServiceDeps } from '../platform/feature.ts';
import { registerNotifyJob, type Notifier } from '../platform/notify/notify.ts';
import { registerTemplates } from '../platform/notify/templates.ts';
import { buildApp, type AppDeps, type RouteRegistration } from '../platform/web/app.ts';
import { todayInLondon } from '../platform/web/views.ts';
import { adminFeature } from '../features/admin/index.ts';
import { decisionFacts, openCasesHeldBy, placementCase } from '../features/assessments/index.ts';
import {
  amendedPlanLetterFacts,
  amendmentsFeature,
  notToAmendLetterFacts,
} from '../features/amendments/index.ts';
import { authFeature } from '../features/auth/index.ts';
import { childrenFeature } from '../features/children/index.ts';
import { consultationFeature } from '../features/consultation/index.ts';
import { educationFeature } from '../features/education/index.ts';
import { figuresFeature } from '../features/figures/index.ts';
import { transferNamingOf, transfersFeature } from '../features/transfers/index.ts';
import { homeFeature } from '../features/home/index.ts';
import { noticesFeature, type LetterFactsOf } from '../features/notices/index.ts';
import { draftPlanPdf, planPdf, plansFeature } from '../features/plans/index.ts';
import { publicAuthority } from '../features/local-offer/index.ts';
import { returnsFeature } from '../features/returns/index.ts';
import { ssoFeature } from '../features/sso/index.ts';
import { secondFactorFeature } from '../features/second-factor/index.ts';
import {
  refreshReviewSchedules,
  refreshReviewsOfChildren,
  reviewLetterFacts,
  reviewLinksOfChild,
  reviewScheduleOfChild,
  reviewsFeature,
  transferInLetterFacts,
} from '../features/reviews/index.ts';
import { oneLoginFeature } from '../features/one-login/index.ts';
import { registerFeature } from '../features/register/index.ts';
import { ceasingFeature, cessationLetterFacts, consideringLetterFacts } from '../features/ceasing/index.ts';
import { tribunalFeature } from '../features/tribunal/index.ts';
import { budgetForPlan, personalBudgetsFeature } from '../features/personal-budgets/index.ts';
import { declareRouteRoles, type RouteRoles } from '../platform/web/permissions.ts';
import { features, type AnyFeature } from './features.ts';

/**
 * Every feature's service, built in dependency order. A feature whose routes still take the database directly has
 * none yet (docs/architecture.md, "Migration recipe").
 */
export function createServices(deps: ServiceDeps) {
  const sso = ssoFeature.createService(deps, { secretOf: environmentVariable });
  const oneLogin = oneLoginFeature.createService(deps);
  const auth = authFeature.createService(deps, { singleSignOn: sso, oneLogin });
  const secondFactor = secondFactorFeature.createService(deps);
  const education = educationFeature.createService(deps, { episodesChanged: refreshReviewsOfChildren });
  const personalBudgets = personalBudgetsFeature.createService(deps);
  const tribunal = tribunalFeature.createService(deps);
  const children = childrenFeature.createService(deps, {
    education: education.summary,
    reviews: reviewLinksOfChild,
    more: [personalBudgets.childSection, tribunal.childSection],
  });
  const admin = adminFeature.createService(deps, { openCasesHeldBy });
  const consultation = consultationFeature.createService(deps, {
    placementCase,
    draftPlanPdf,
    planPdf,
  });
  const reviews = reviewsFeature.createService(deps);
  // A plan issued or amended reaches the review schedule in the same transaction (docs/reviews.md).
  const plans = plansFeature.createService(deps, {
    plansChanged: (trx, laCode, planIds, today) => refreshReviewSchedules(trx, laCode, today, planIds),
    // The plan's documents give the review schedule's date (issue 18 item 7).
    nextReviewDue: async (db, laCode, childId, planId) =>
      (await reviewScheduleOfChild(db, laCode, childId)).find((r) => r.plan_id === planId)?.next_due ?? null,
    // Section J is the personal budget decision (issue 15).
    budgetForPlan,
  });
  // The family's email for an amended plan says when it names the setting for a phase transfer (docs/transfers.md).
  const amendments = amendmentsFeature.createService(deps, { transferNaming: transferNamingOf });
  const register = registerFeature.createService(deps, {
    publicLa: async () => (await publicAuthority(deps.db, deps.config.localOfferLa))?.la_code,
  });
  const transfers = transfersFeature.createService(deps);
  const home = homeFeature.createService(deps, {
    children,
    consultation,
    reviews,
    register,
    tribunal,
    personalBudgets,
    transfers,
  });
  const returns = returnsFeature.createService(deps);
  // Each letter about a plan is written from its owner's record (docs/reviews.md "Letters").
  const letterFacts: LetterFactsOf = (db, laCode, kind, recordId) => {
    switch (kind) {
      case 'review-decision':
        return reviewLetterFacts(db, laCode, recordId);
      case 'transfer-in':
        return transferInLetterFacts(db, laCode, recordId);
      case 'to-cease':
        return cessationLetterFacts(db, laCode, recordId);
      case 'considering-cease':
        return consideringLetterFacts(db, laCode, recordId);
      case 'not-to-amend':
        return notToAmendLetterFacts(db, laCode, recordId);
      case 'amended-plan':
        return amendedPlanLetterFacts(db, laCode, recordId);
    }
  };
  const notices = noticesFeature.createService(deps, {
    decisionFacts,
    letterFacts,
    // The survey's invitation in the milestone letters (ADR 0057).
    surveyInvitation: register.surveyInvitation,
  });
  const ceasing = ceasingFeature.createService(deps);
  const figures = figuresFeature.createService(deps);
  return {
    auth,
    'second-factor': secondFactor,
    'one-login': oneLogin,
    sso,
    children,
    admin,
    consultation,
    home,
    returns,
    notices,
    reviews,
    amendments,
    education,
    plans,
    register,
    tribunal,
    'personal-budgets': personalBudgets,
    ceasing,
    figures,
    transfers,
  };
}

export type Services = ReturnType<typeof createServices>;

type ServiceOf<F> = F extends { routes?: (app: never, deps: infer D) => unknown }
  ? D extends { service: infer S }
    ? S
    : undefined
  : undefined;

/** Each feature with a service finds it under its own name: this fails to compile if one is missing or wrong. */
type ServicesByName = {
  [F in AnyFeature as ServiceOf<F> extends undefined ? never : F['name']]: ServiceOf<F>;
};
const servicesFit = (services: Services): ServicesByName => services;

/** The route table: each feature's routes with its own service, in the order of the feature list. */
export function featureRoutes(services: Services): RouteRegistration[] {
  const byName = servicesFit(services) as Record<string, unknown>;
  return features.map((feature): RouteRegistration => async (app, deps) => {
    const { roles } = feature as { roles?: RouteRoles };
    if (roles) declareRouteRoles(app, roles);
    const routes = feature.routes as (app: unknown, deps: unknown) => void | Promise<void>;
    await routes(app, { ...deps, service: byName[feature.name] });
  });
}

/** Every job handler and schedule: the platform's own (sending messages), then each feature's. */
export function registerJobs(deps: JobDeps): void {
  registerNotifyJob(deps);
  for (const feature of features) if ('jobs' in feature) feature.jobs(deps);
}

/** Every feature's message templates, registered once at start (registering the same text again is harmless). */
export function registerFeatureTemplates(): void {
  for (const feature of features) if ('templates' in feature) registerTemplates(feature.templates);
}

/** Before jobs start: every message template and every job handler (the service, tests and benchmarks alike). */
export function prepareJobs(deps: JobDeps): void {
  registerFeatureTemplates();
  registerJobs(deps);
}

export interface WebAppOptions extends AppDeps {
  readonly notifier: Notifier;
  readonly logger?: boolean;
  /** Today in London (default the wall clock). */
  readonly today?: () => string;
  /** The time now (default the wall clock): the second factor's steps; tests step it. */
  readonly now?: () => Date;
  /** Extra routes after the features' (tests). */
  readonly extraRoutes?: readonly RouteRegistration[];
}

/** Builds the services and the web app over them, once jobs have started. */
export async function buildWebApp(
  options: WebAppOptions,
): Promise<{ app: FastifyInstance; services: Services }> {
  const { database, config, jobs, notifier } = options;
  const services = createServices({
    db: database.db,
    jobs,
    config,
    notifier,
    today: options.today ?? (() => todayInLondon()),
    ...(options.now ? { now: options.now } : {}),
  });
  const app = await buildApp({
    database,
    config,
    jobs,
    routes: [...featureRoutes(services), ...(options.extraRoutes ?? [])],
    ...(options.logger === false ? { logger: false } : {}),
  });
  return { app, services };
}
