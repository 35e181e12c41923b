/**
 * What each role sees first: that user's real work. Home owns no table: it is assembled from the core records
 * (src/platform/people) and other features' public surfaces, never their routes or tables.
 */
import { auditChildrenShown, childIdsIn, type Actor } from '../../platform/access/access.ts';
import { recentAuditEntries } from '../../platform/audit/search.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import {
  childrenByPlanStatus,
  childrenLedCounts,
  childrenWithOfficers,
  type childWithOfficer,
  grantedChildrenCount,
  historySince,
  plansByNeed,
} from '../../platform/people/children.ts';
import { activeUsersByRole, authorityOf } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import { tasksPage } from '../advice/index.ts';
import { teamPage, workspacePage } from '../assessments/index.ts';
import type { ChildrenService } from '../children/index.ts';
import type { ConsultationService } from '../consultation/index.ts';
import type { RegisterService } from '../register/index.ts';
import type { ReviewsService } from '../reviews/index.ts';
import type { TribunalService } from '../tribunal/index.ts';
import type { PersonalBudgetsService } from '../personal-budgets/index.ts';
import type { TransfersService } from '../transfers/index.ts';
import { familyFactsOf, familyHome, familyRequests } from '../family/index.ts';
import { familyProposals, issuedPlanOfChild, PFA_LABELS } from '../plans/index.ts';
import { familyTasks, familyTaskSentence, type FamilyFacts } from '../../domain/family-tasks.ts';
import { previousVisit } from '../../platform/auth/sessions.ts';
import { editorHome, providerHome } from '../local-offer/index.ts';

/** What home asks other features' services (passed by the composition root). */
export interface HomeNeeds {
  readonly children: Pick<ChildrenService, 'list'>;
  /** A school's consultations (its SENCO's or head teacher's first screen). */
  readonly consultation: Pick<ConsultationService, 'forSchool'>;
  /**
   * A caseworker's reviews due this week and overdue; each officer's reviews for the team's caseloads; a school's
   * reviews this term (its SENCO's first screen); a professional's review advice requests; a family's next review
   * and what is asked of them.
   */
  readonly reviews: Pick<
    ReviewsService,
    'dueThisWeek' | 'caseloads' | 'forSchool' | 'adviceRequestsFor' | 'familyReviews'
  >;
  /**
   * A caseworker's open s42 tasks (provision in section F reported as not delivered) and what disagreement resolution
   * agreements oblige; a family's open surveys.
   */
  readonly register?: Pick<
    RegisterService,
    'tasksFor' | 'resolutionTasksFor' | 'surveyOffersFor' | 'leaderSummary'
  >;
  /** A caseworker's dates in mediation and tribunal appeals; whether a family has any. */
  readonly tribunal?: Pick<TribunalService, 'tasksFor' | 'familyCount'>;
  /** Whether a family has a child who may ask for a personal budget (their first screen links to the page). */
  readonly personalBudgets?: Pick<PersonalBudgetsService, 'familyCount'>;
  /** A family's children in this year's phase-transfer cohort: their page, and the preference asked of them. */
  readonly transfers?: Pick<TransfersService, 'familyCohort'>;
}

export function createHomeService(deps: Pick<ServiceDeps, 'db' | 'today'>, needs: HomeNeeds) {
  const { db } = deps;
  /** A list of children, each row naming its child as child_id (what auditShown looks for). */
  const childList = async (...args: Parameters<HomeNeeds['children']['list']>) => {
    const list = await needs.children.list(...args);
    return { ...list, rows: list.rows.map((r) => ({ ...r, child_id: r.id })) };
  };
  return {
    async caseworker(actor: Actor, query: unknown) {
      // Only the number of children they lead: a count, not a page of them.
      const mine = await childrenLedCounts(db, actor.laCode, [actor.userId]);
      return {
        ...(await workspacePage(db, actor, query, paths.home)),
        childrenTotal: mine.get(actor.userId) ?? 0,
        reviews: await needs.reviews.dueThisWeek(actor),
        registerTasks: (await needs.register?.tasksFor(actor)) ?? [],
        resolutionTasks: (await needs.register?.resolutionTasksFor(actor)) ?? [],
        tribunalTasks: (await needs.tribunal?.tasksFor(actor)) ?? [],
      };
    },

    async manager(actor: Actor) {
      const unallocated = await childList(actor, { unallocated: true, page: 1 }, 10);
      // The team's officers (caseworkers and team managers, those who left too, by name), each counted once.
      const team = await teamPage(db, actor);
      const officers = team.officers.map((o) => ({
        id: o.id,
        display_name: o.display_name,
        job_title: o.job_title,
        active: o.active,
        caseload: o.caseload,
      }));
      // The caseloads count reviews as well as assessments: each officer's plans in the review backlog.
      // Only the team's officers' (issue 20: not every officer's in the authority, then most thrown away).
      const reviews = await needs.reviews.caseloads(
        actor,
        team.officers.map((o) => o.id),
      );
      return {
        ...team,
        officers: team.officers.map((o) => ({
          ...o,
          reviews_due: reviews.get(o.id)?.due ?? 0,
          reviews_overdue: reviews.get(o.id)?.overdue ?? 0,
        })),
        reviewCaseloads: true,
        childrenOverview: { officers, unallocated },
        register: (await needs.register?.leaderSummary(actor)) ?? null,
      };
    },

    async leader(actor: Actor) {
      const byNeed = await plansByNeed(db, actor.laCode);
      const plans = byNeed.reduce((sum, r) => sum + r.n, 0);
      return {
        byStatus: await childrenByPlanStatus(db, actor.laCode),
        byNeed: byNeed.map((r) => ({ ...r, share: plans ? Math.round((r.n / plans) * 1000) / 10 : 0 })),
        plans,
        register: (await needs.register?.leaderSummary(actor)) ?? null,
      };
    },

    async professional(actor: Actor, query: unknown) {
      return {
        ...(await tasksPage(db, actor, query, paths.home)),
        // The page shows how many children they advise on, not who: a count of their grants, no list of 100 read
        // (nor recorded as shown).
        children: { total: await grantedChildrenCount(db, actor.laCode, actor.userId, 'adviser') },
        consultations: await needs.consultation.forSchool(actor, 1),
        schoolReviews: await needs.reviews.forSchool(actor),
        reviewAdvice: await needs.reviews.adviceRequestsFor(actor, 1, 10),
      };
    },

    /**
     * A family's first screen (issue 18 items 1 and 2): what they must do and by when, soonest first, before what the
     * council is doing; what others did since their last visit; every request they sent; each child's named officer
     * with their contact, and a young person's own plan (the next review, preparing for adult life).
     */
    async family(actor: Actor) {
      const today = deps.today();
      const self = actor.role === 'young-person';
      const list = await childList(actor, { page: 1 }, 100);
      const children = list.rows;
      const assessments = await familyHome(db, actor);
      // The authority as each assessment read it, else read here: once either way (issue 20).
      const linked = {
        children: list,
        authority: assessments[0]?.authority ?? (await authorityOf(db, actor.laCode)),
      };
      const reviews = await needs.reviews.familyReviews(actor, children);
      const moving =
        (await needs.transfers?.familyCohort(
          actor,
          children.map((c) => c.id),
        )) ?? [];
      const proposals = await familyProposals(db, actor, today);
      const facts: FamilyFacts[] = [
        ...assessments.map((a) => familyFactsOf(a, today)),
        ...proposals.map((p) => ({
          childName: p.childName,
          proposalComments: { to: p.to, href: paths.plans.sharedPlan(p.planId) },
        })),
        ...reviews.flatMap((r) =>
          r.review && !r.review.held && r.review.forms.some((f) => f.status !== 'sent')
            ? [
                {
                  childName: r.givenName,
                  reviewViews: { by: r.review.askedBy.date, href: paths.reviewVoices.family(r.review.id) },
                },
              ]
            : [],
        ),
        ...moving.flatMap((m) =>
          m.preferenceAsked
            ? [{ childName: m.givenName, transferPreference: { by: m.latestPreference, href: m.href } }]
            : [],
        ),
      ];
      const since = await previousVisit(db, actor.laCode, actor.userId);
      const names = new Map(children.map((c) => [c.id, c.given_name]));
      const changes = since
        ? await historySince(
            db,
            actor.laCode,
            children.map((c) => c.id),
            since,
            actor.userId,
            5,
          )
        : [];
      // Every child's named officer and team in one query, not one a child (issue 20).
      const officers = await childrenWithOfficers(
        db,
        actor.laCode,
        children.map((c) => c.id),
      );
      const contacts: Record<string, Awaited<ReturnType<typeof childWithOfficer>>> = {};
      const plans: Record<string, unknown> = {};
      for (const c of children) {
        contacts[c.id] = officers.get(c.id);
        const plan = self ? await issuedPlanOfChild(db, actor.laCode, c.id) : undefined;
        // The next review as the review schedule has it: the meeting once arranged, else the date it is due by.
        const review = reviews.find((r) => r.child_id === c.id);
        if (plan)
          plans[c.id] = {
            ...plan,
            meeting: review?.review && !review.review.held ? review.review.meetingDate : null,
            reviewBy: review?.nextDue ?? plan.review_due,
            adulthood: plan.outcomes
              .filter((o) => o.preparationForAdulthood)
              .map((o) => ({ area: PFA_LABELS[o.preparationForAdulthood!], text: o.text })),
          };
      }
      return {
        ...linked,
        assessments,
        reviews,
        appeals: (await needs.tribunal?.familyCount(actor)) ?? 0,
        // The linked children read once above, not again by each feature (issue 20).
        personalBudgets: (await needs.personalBudgets?.familyCount(actor, children)) ?? 0,
        surveys: (await needs.register?.surveyOffersFor(actor, children)) ?? [],
        tasks: familyTasks(facts, today).map((t) => ({ ...t, sentence: familyTaskSentence(t, self, today) })),
        since,
        changes: changes.map((e) => ({ ...e, childName: names.get(e.child_id) })),
        requests: await familyRequests(db, actor),
        contacts,
        plans,
        transfers: Object.fromEntries(moving.map((m) => [m.childId, m])),
        reassessed: Object.fromEntries(
          assessments
            .filter(
              (a) =>
                a.record.is_open &&
                children.some((c) => c.id === a.record.child_id && c.plan_status === 'plan'),
            )
            .map((a) => [a.record.child_id, true]),
        ),
      };
    },

    editor: (actor: Actor) => editorHome(db, actor, deps.today()),

    provider: (actor: Actor, page: number) => providerHome(db, actor, deps.today(), page),

    /** Records which children a home page showed (issue 16 item 7): every child its data names. */
    auditShown: (actor: Actor, view: unknown) =>
      auditChildrenShown(db, actor, 'home.list.read', paths.home, childIdsIn(view)),

    async admin(actor: Actor) {
      return {
        byRole: await activeUsersByRole(db, actor.laCode),
        recent: await recentAuditEntries(db, actor.laCode, 10),
      };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
