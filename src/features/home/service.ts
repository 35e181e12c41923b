/**
 * What each role sees first: that user's real work. Home owns no table: it is assembled from the core records
 * (src/platform/people) and other features' public surfaces, never their routes or tables.
 */
import type { Actor } from '../../platform/access/access.ts';
import { recentAuditEntries } from '../../platform/audit/search.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { childrenByPlanStatus, plansByNeed } from '../../platform/people/children.ts';
import { activeUsersByRole, authorityOf, officerCaseloads } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import { tasksPage } from '../advice/index.ts';
import { teamPage, workspacePage } from '../assessments/index.ts';
import type { ChildrenService } from '../children/index.ts';
import type { ConsultationService } from '../consultation/index.ts';
import { familyHome } from '../family/index.ts';
import { editorHome, providerHome } from '../local-offer/index.ts';

/** What home asks other features' services (passed by the composition root). */
export interface HomeNeeds {
  readonly children: Pick<ChildrenService, 'list'>;
  /** A school's consultations (its SENCO's or head teacher's first screen). */
  readonly consultation: Pick<ConsultationService, 'forSchool'>;
}

export function createHomeService(deps: Pick<ServiceDeps, 'db' | 'today'>, needs: HomeNeeds) {
  const { db } = deps;
  const linkedChildren = async (actor: Actor) => ({
    children: await needs.children.list(actor, { page: 1 }, 100),
    authority: await authorityOf(db, actor.laCode),
  });
  return {
    async caseworker(actor: Actor, query: unknown) {
      const mine = await needs.children.list(actor, { officer: actor.userId, page: 1 }, 50);
      return { ...(await workspacePage(db, actor, query, paths.home)), childrenTotal: mine.total };
    },

    async manager(actor: Actor) {
      const officers = await officerCaseloads(db, actor.laCode, actor.teamId);
      const unallocated = await needs.children.list(actor, { unallocated: true, page: 1 }, 10);
      return { ...(await teamPage(db, actor)), childrenOverview: { officers, unallocated } };
    },

    async leader(actor: Actor) {
      const byNeed = await plansByNeed(db, actor.laCode);
      const plans = byNeed.reduce((sum, r) => sum + r.n, 0);
      return {
        byStatus: await childrenByPlanStatus(db, actor.laCode),
        byNeed: byNeed.map((r) => ({ ...r, share: plans ? Math.round((r.n / plans) * 1000) / 10 : 0 })),
        plans,
      };
    },

    async professional(actor: Actor, query: unknown) {
      return {
        ...(await tasksPage(db, actor, query, paths.home)),
        ...(await linkedChildren(actor)),
        consultations: await needs.consultation.forSchool(actor, 1),
      };
    },

    async family(actor: Actor) {
      return { ...(await linkedChildren(actor)), assessments: await familyHome(db, actor) };
    },

    editor: (actor: Actor) => editorHome(db, actor, deps.today()),

    provider: (actor: Actor, page: number) => providerHome(db, actor, deps.today(), page),

    async admin(actor: Actor) {
      return {
        byRole: await activeUsersByRole(db, actor.laCode),
        recent: await recentAuditEntries(db, actor.laCode, 10),
      };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
