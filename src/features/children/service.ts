/**
 * Children and young people: the list each role may see and the child record. Access is decided here, not in routes;
 * the queries are the core records' (src/platform/people).
 */
import type { Actor } from '../../platform/access/access.ts';
import {
  auditChildrenShown,
  authoriseChildRead,
  grantKindFor,
  isUuid,
  seesAllChildren,
} from '../../platform/access/access.ts';
import { paths } from '../../platform/web/paths.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { PrimaryNeed } from '../../platform/db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import {
  childWithOfficer,
  familyOf,
  historyOf,
  searchChildren,
  settingsOf,
  type ChildListRow,
  type Page,
} from '../../platform/people/children.ts';
import { activeOfficers, authorityOf } from '../../platform/people/users.ts';

export type { ChildListRow } from '../../platform/people/children.ts';

export const PAGE_SIZE = 25;

export const PRIMARY_NEED_LABELS: Record<PrimaryNeed, string> = {
  ASD: 'Autistic spectrum disorder',
  SLCN: 'Speech, language and communication needs',
  SEMH: 'Social, emotional and mental health',
  MLD: 'Moderate learning difficulty',
  SPLD: 'Specific learning difficulty',
  SLD: 'Severe learning difficulty',
  PD: 'Physical disability',
  PMLD: 'Profound and multiple learning difficulty',
  HI: 'Hearing impairment',
  VI: 'Visual impairment',
  MSI: 'Multi-sensory impairment',
  OTH: 'Other difficulty or disability',
};

/** A child's plan status (not an EHC plan's own status: that is the plans feature's). */
export const PLAN_STATUS_LABELS = {
  none: 'No plan',
  assessment: 'Being assessed',
  plan: 'Has a plan',
  ceased: 'Plan ended',
} as const;

export interface ChildFilters {
  q?: string | undefined;
  need?: PrimaryNeed | undefined;
  officer?: string | undefined;
  /** Children with no named officer. */
  unallocated?: boolean | undefined;
  /** Children with this plan status, or 'open' (being assessed or with a plan: an officer's caseload). */
  status?: keyof typeof PLAN_STATUS_LABELS | 'open' | undefined;
  /** Children with no primary need recorded. */
  needMissing?: boolean | undefined;
  page: number;
}

/** The children this actor may see, filtered and paged. Roles that see no children get ForbiddenError. */
export async function listChildren(
  db: Executor,
  actor: Actor,
  filters: ChildFilters,
  pageSize = PAGE_SIZE,
): Promise<Page<ChildListRow>> {
  const grantKind = grantKindFor(actor.role);
  const everyChild = seesAllChildren(actor);
  if (!everyChild && !grantKind) throw new ForbiddenError();
  return searchChildren(db, {
    laCode: actor.laCode,
    grantedTo: !everyChild && grantKind ? { userId: actor.userId, kind: grantKind } : undefined,
    q: filters.q,
    need: filters.need,
    officer: filters.officer && isUuid(filters.officer) ? filters.officer : undefined,
    unallocated: filters.unallocated,
    planStatus:
      filters.status === 'open' ? ['assessment', 'plan'] : filters.status ? [filters.status] : undefined,
    needMissing: filters.needMissing,
    page: filters.page,
    pageSize,
  });
}

/** What other features add to a child's record (passed by the composition root). */
export interface ChildRecordSections {
  /** Education: open exclusions, timetables and the duties they raised (null when the actor may not see them). */
  readonly education?: (db: Executor, actor: Actor, childId: string) => Promise<EducationSection | null>;
  /** Reviews: each plan in force with its next review and links (null when the actor may not see them). */
  readonly reviews?: (db: Executor, actor: Actor, childId: string) => Promise<ReviewsSection | null>;
  /**
   * Other features' sections, in order (personal budgets, appeals...): each a heading and lines, a line a link where
   * it has one; null when the actor may not see it.
   */
  readonly more?: ReadonlyArray<
    (db: Executor, actor: Actor, childId: string) => Promise<ChildSection | null>
  >;
}

/** A section another feature adds to the child's record. */
export interface ChildSection {
  readonly heading: string;
  readonly lines: ReadonlyArray<{ readonly text: string; readonly href?: string }>;
}

/** The reviews section's data, as the reviews feature gives it. */
export type ReviewsSection = ReadonlyArray<{
  readonly nextDue: string;
  readonly reviewsHref: string;
  readonly amendmentsHref: string;
}>;

/** The education section's data, as the education feature gives it. */
export interface EducationSection {
  readonly href: string;
  readonly open: ReadonlyArray<{ label: string; start_date: string }>;
  readonly duties: ReadonlyArray<{ kind: 'review' | 's19'; regulation: string; due_date: string }>;
}

/** One child's record: details, family, settings, history. Audited; 404 for a child the actor may not see. */
export async function getChildRecord(
  db: Executor,
  actor: Actor,
  childId: string,
  sections: ChildRecordSections = {},
) {
  await authoriseChildRead(db, actor, childId);
  const child = await childWithOfficer(db, actor.laCode, childId);
  if (!child) throw new NotFoundError();
  const authority = await authorityOf(db, actor.laCode);
  const family = await familyOf(db, actor.laCode, childId);
  const settings = await settingsOf(db, actor.laCode, childId);
  const history = await historyOf(db, actor.laCode, childId);
  const education = sections.education ? await sections.education(db, actor, childId) : null;
  const reviews = sections.reviews ? await sections.reviews(db, actor, childId) : null;
  const more: ChildSection[] = [];
  for (const section of sections.more ?? []) {
    const s = await section(db, actor, childId);
    if (s) more.push(s);
  }
  return { child, authority, family, settings, history, education, reviews, more };
}

export type ChildRecord = Awaited<ReturnType<typeof getChildRecord>>;

/** The service the children pages use (and home, for the lists it shows). */
export function createChildrenService(deps: Pick<ServiceDeps, 'db'>, sections: ChildRecordSections = {}) {
  const { db } = deps;
  return {
    list: (actor: Actor, filters: ChildFilters, pageSize = PAGE_SIZE) =>
      listChildren(db, actor, filters, pageSize),
    /** The officers a list can be filtered by: none for roles that do not see every child. */
    officers: (actor: Actor) =>
      seesAllChildren(actor) ? activeOfficers(db, actor.laCode) : Promise.resolve([]),
    /** Records which children a list page showed (issue 16 item 7). */
    auditShown: (actor: Actor, childIds: readonly string[]) =>
      auditChildrenShown(db, actor, 'child.list.read', paths.children.list, childIds),
    /** The child's record, read and audited in one transaction. */
    record: (actor: Actor, childId: string) =>
      db.transaction().execute((trx) => getChildRecord(trx, actor, childId, sections)),
  };
}

export type ChildrenService = ReturnType<typeof createChildrenService>;
