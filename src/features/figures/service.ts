/**
 * The leaders' figures (issue 14 item 2, docs/figures.md): each figure as of any day, by team, school, primary need,
 * ethnicity and age, with its trend over 24 months, from the casework read through each owner's public surface
 * (assessments, reviews, plans, plan audits, education, the core records). The figures feature owns no table. The
 * measures are pure (src/domain/figures): the same items give the number and the children behind it.
 */
import { auditChildrenShown, requireRole, type Actor } from '../../platform/access/access.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { childrenForFigures, namesForFigures, type ChildForFigures } from '../../platform/people/figures.ts';
import { paths } from '../../platform/web/paths.ts';
import {
  assessmentItems,
  breakdown,
  MEASURE_IDS,
  MEASURES,
  monthsEndingOn,
  notInEducationItems,
  qualityItems,
  reviewItems,
  selectItems,
  tally,
  trend,
  within,
  yearEndingOn,
  type Dimension,
  type FigureItem,
  type MeasureId,
  type Period,
  type Show,
  type Subject,
  type Tally,
} from '../../domain/figures/index.ts';
import { casesForFigures } from '../assessments/index.ts';
import { notInFullTimeEducationOn } from '../education/index.ts';
import { auditsForFigures } from '../plan-audits/index.ts';
import { issuedPlansForFigures } from '../plans/index.ts';
import { heldReviewsForFigures } from '../reviews/index.ts';

/** Who may see the figures: the SEND leader and team managers (journeys.md). */
export const FIGURE_READERS: readonly Role[] = ['team-manager', 'send-leader'];

/** Months in a figure's trend. */
export const TREND_MONTHS = 24;
export const CHILDREN_PAGE_SIZE = 50;

/** Everything the figures were counted from, as of one day. */
export interface Counted {
  readonly asOf: string;
  readonly year: Period;
  readonly months: Array<Period & { month: string }>;
  readonly items: ReadonlyMap<MeasureId, readonly FigureItem[]>;
  readonly subjects: ReadonlyMap<string, Subject>;
  readonly children: ReadonlyMap<string, ChildForFigures>;
  /** Children with a plan on the day (the figure of children not in full-time education is out of these). */
  readonly withPlan: number;
  /** Children not in full-time education at each month's end (its trend). */
  readonly notInEducationByMonth: ReadonlyMap<string, number>;
}

const SOURCES = {
  assessments: ['requests-6-weeks', 'plans-20-weeks', 'plans-20-weeks-excluding', 'advice-6-weeks'],
  reviews: ['reviews-12-months', 'review-decisions-4-weeks'],
  quality: ['plan-quality'],
  education: ['not-in-full-time-education'],
} as const satisfies Record<string, readonly MeasureId[]>;

const needs = (wanted: readonly MeasureId[], source: readonly MeasureId[]) =>
  wanted.some((m) => source.includes(m));

export interface FigureSummary {
  readonly id: MeasureId;
  readonly year: Tally;
  readonly trend: ReadonlyArray<{ month: string; tally: Tally }>;
  readonly breakdown: ReadonlyArray<{ key: string; tally: Tally }>;
  readonly groups: ReadonlyArray<{ key: string; tally: Tally }>;
}

export function createFiguresService(deps: Pick<ServiceDeps, 'db' | 'today'>) {
  const { db } = deps;

  /** Reads the casework once and counts every figure asked for, as of `asOf`. */
  async function count(laCode: string, asOf: string, wanted: readonly MeasureId[]): Promise<Counted> {
    const months = monthsEndingOn(asOf, TREND_MONTHS);
    const since = months[0]!.from;
    const none = Promise.resolve(undefined);
    // Each owner's read at once (PostgreSQL runs them side by side on the pool; PGlite one after another).
    const [children, cases, plans, held, audits] = await Promise.all([
      childrenForFigures(db, laCode, asOf),
      needs(wanted, SOURCES.assessments) ? casesForFigures(db, laCode, since, asOf) : none,
      needs(wanted, SOURCES.quality) ? issuedPlansForFigures(db, laCode) : none,
      needs(wanted, SOURCES.reviews) ? heldReviewsForFigures(db, laCode, asOf) : none,
      needs(wanted, SOURCES.quality) ? auditsForFigures(db, laCode, since, asOf) : none,
    ]);
    const byId = new Map(children.map((c) => [c.id, c]));
    const teamOf = (childId: string) => byId.get(childId)?.teamId ?? null;
    const items = new Map<MeasureId, FigureItem[]>(wanted.map((m) => [m, []]));
    const add = (list: Iterable<FigureItem>) => {
      for (const i of list) items.get(i.measure)?.push(i);
    };
    for (const c of cases ?? []) add(assessmentItems(c, asOf));
    const childOfPlan = new Map((plans ?? []).map((p) => [p.id, p.childId]));
    if (held) {
      const { reviews, firstIssued } = held;
      const byPlan = new Map<string, typeof reviews>();
      for (const r of reviews) {
        const list = byPlan.get(r.plan_id);
        if (list) list.push(r);
        else byPlan.set(r.plan_id, [r]);
      }
      for (const [planId, list] of byPlan) {
        const first = firstIssued.get(planId);
        if (!first) continue;
        const childId = list[0]!.child_id;
        add(
          reviewItems(
            {
              planId,
              childId,
              teamId: teamOf(childId),
              firstIssued: first,
              reviews: list.map((r) => ({
                id: r.id,
                held: r.held!,
                decision:
                  r.decision && r.decision_date ? { date: r.decision_date, outcome: r.decision } : null,
              })),
            },
            asOf,
          ),
        );
      }
    }
    if (audits) {
      const withChild = audits.flatMap((a) => {
        const childId = childOfPlan.get(a.planId);
        return childId ? [{ ...a, childId }] : [];
      });
      add(qualityItems(withChild, asOf));
    }
    // A child had a plan on a day when their first plan was issued by then and it has not ceased (the core records;
    // a plan's ceasing is not dated there, so a ceased plan counts as ceased on every day).
    const withPlanOn = (day: string) =>
      children.filter(
        (c) => c.planStatus === 'plan' && c.planFirstIssued !== null && c.planFirstIssued <= day,
      );
    const planChildren = withPlanOn(asOf).map((c) => c.id);
    const notInEducationByMonth = new Map<string, number>();
    if (needs(wanted, SOURCES.education)) {
      const days = months.map((m) => m.to);
      const onDays = await notInFullTimeEducationOn(db, laCode, planChildren, days);
      for (const m of months) {
        const withPlan = new Set(withPlanOn(m.to).map((c) => c.id));
        const out = [...(onDays.get(m.to) ?? new Map<string, string[]>()).keys()].filter((c) =>
          withPlan.has(c),
        );
        notInEducationByMonth.set(m.month, out.length);
      }
      add(notInEducationItems(onDays.get(asOf) ?? new Map(), teamOf, asOf));
    }
    const subjects = new Map<string, Subject>(
      children.map((c) => [
        c.id,
        {
          team: c.teamId,
          school: c.settingId,
          need: c.primaryNeed,
          ethnicity: c.ethnicity,
          dateOfBirth: c.dateOfBirth,
        },
      ]),
    );
    return {
      asOf,
      year: yearEndingOn(asOf),
      months,
      items,
      subjects,
      children: byId,
      withPlan: planChildren.length,
      notInEducationByMonth,
    };
  }

  /** The items a figure's number stands for: the 12 months' (or, for a count, the day's). */
  const counted = (c: Counted, id: MeasureId) => {
    const all = c.items.get(id) ?? [];
    return MEASURES[id].kind === 'count' ? [...all] : within(all, c.year);
  };

  function summarise(c: Counted, id: MeasureId, by: Dimension | undefined): FigureSummary {
    const items = counted(c, id);
    const measure = MEASURES[id];
    const groups = new Map<string, FigureItem[]>();
    if (measure.groupLabel) {
      for (const i of items) groups.set(i.group ?? 'none', [...(groups.get(i.group ?? 'none') ?? []), i]);
    }
    return {
      id,
      year: tally(items),
      trend:
        measure.kind === 'count'
          ? c.months.map((m) => {
              const n = c.notInEducationByMonth.get(m.month) ?? 0;
              return { month: m.month, tally: { counted: n, met: n, percent: null } };
            })
          : trend(c.items.get(id) ?? [], c.months),
      breakdown: by ? breakdown(items, c.subjects, by, c.asOf) : [],
      groups: [...groups].map(([key, list]) => ({ key, tally: tally(list) })),
    };
  }

  return {
    /** Today in London: the "as of" day when none is asked for. */
    today: () => deps.today(),

    /** Refuses anyone but the figures' readers (a broken query is answered only to them). */
    mayRead(actor: Actor): void {
      requireRole(actor, FIGURE_READERS, paths.figures.index);
    },

    /** Every figure as of `asOf`, broken down by `by` when given, with the names of teams and settings. */
    async figures(actor: Actor, input: { asOf: string; by?: Dimension | undefined }) {
      requireRole(actor, FIGURE_READERS, paths.figures.index);
      const measured = MEASURE_IDS.filter((m) => MEASURES[m].kind !== 'not-recorded');
      const [c, names] = await Promise.all([
        count(actor.laCode, input.asOf, measured),
        namesForFigures(db, actor.laCode),
      ]);
      return {
        asOf: input.asOf,
        year: c.year,
        withPlan: c.withPlan,
        figures: measured.map((id) => summarise(c, id, input.by)),
        names,
      };
    },

    /**
     * The children behind one number: the figure's items (the 12 months', or the day's for a count), narrowed to a
     * breakdown's cell, a group or those within or outside the limit; one page of them, audited as a list shown.
     */
    async children(
      actor: Actor,
      id: MeasureId,
      input: {
        asOf: string;
        by?: Dimension | undefined;
        key?: string | undefined;
        group?: string | undefined;
        show: Show;
        page: number;
      },
    ) {
      requireRole(actor, FIGURE_READERS, paths.figures.measurePattern);
      const c = await count(actor.laCode, input.asOf, [id]);
      const items = selectItems(counted(c, id), {
        subjects: c.subjects,
        asOf: input.asOf,
        dimension: input.by,
        key: input.key,
        group: input.group,
        show: input.show,
      }).sort((a, b) => a.date.localeCompare(b.date) || a.childId.localeCompare(b.childId));
      const pages = Math.max(1, Math.ceil(items.length / CHILDREN_PAGE_SIZE));
      const page = Math.min(input.page, pages);
      const rows = items.slice((page - 1) * CHILDREN_PAGE_SIZE, page * CHILDREN_PAGE_SIZE).map((i) => {
        const child = c.children.get(i.childId);
        return {
          ...i,
          reference: child?.reference ?? '',
          name: child ? `${child.givenName} ${child.familyName}` : 'Unknown child',
          settingId: c.subjects.get(i.childId)?.school ?? null,
          need: c.subjects.get(i.childId)?.need ?? null,
        };
      });
      await auditChildrenShown(
        db,
        actor,
        'figures.children.read',
        paths.figures.measure(id),
        rows.map((r) => r.childId),
      );
      return {
        asOf: input.asOf,
        year: c.year,
        total: items.length,
        tally: tally(items),
        rows,
        page,
        pages,
        names: await namesForFigures(db, actor.laCode),
      };
    },

    /** One figure's number over the 12 months to `asOf` (the improvement plan shows it live, docs/improvement.md). */
    async headline(laCode: string, id: MeasureId, asOf: string): Promise<Tally | null> {
      if (MEASURES[id].kind === 'not-recorded') return null;
      const c = await count(laCode, asOf, [id]);
      return tally(counted(c, id));
    },
  };
}

export type FiguresService = ReturnType<typeof createFiguresService>;
