/**
 * The leaders' figures (issue 14 item 2, docs/figures.md): each figure as of any day, by team, school, primary need,
 * ethnicity and age, with its trend over 24 months, from the casework read through each owner's public surface
 * (assessments, reviews, amendments, transfers, plans, plan audits, education, the tribunal, the core records). The figures feature owns no table. The
 * measures are pure (src/domain/figures): the same items give the number and the children behind it.
 */
import { auditChildrenShown, requireRole, type Actor } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { childrenForFigures, namesForFigures, type ChildForFigures } from '../../platform/people/figures.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { paths } from '../../platform/web/paths.ts';
import {
  amendmentItems,
  appealItems,
  assessmentItems,
  breakdown,
  DIMENSIONS,
  heldReviewItems,
  keyOf,
  MEASURE_IDS,
  MEASURES,
  monthsEndingOn,
  NOT_RECORDED,
  notInEducationItems,
  qualityItems,
  selectItems,
  tally,
  transferItems,
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
import { addDays, formatDate, parseDate } from '../../domain/clock/dates.ts';
import { amendmentsForFigures } from '../amendments/index.ts';
import { casesForFigures } from '../assessments/index.ts';
import { notInFullTimeEducationOn } from '../education/index.ts';
import { auditsForFigures } from '../plan-audits/index.ts';
import { issuedPlansForFigures } from '../plans/index.ts';
import { heldReviewsForFigures } from '../reviews/index.ts';
import { transfersForFigures } from '../transfers/index.ts';
import { appealsForFigures } from '../tribunal/index.ts';
import {
  countAsOf,
  itemsOf,
  itemTally,
  KEEP_EVERY_DAY,
  KEEP_MONTH_ENDS,
  KEY_COLUMNS,
  saveCount,
  storedTallies,
  type CountRow,
  type ItemFilter,
  type StoredItem,
} from './store.ts';

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
  amendments: ['amendments-12-weeks'],
  tribunal: ['tribunal-appeals'],
  transfers: ['phase-transfers'],
} as const satisfies Record<string, readonly MeasureId[]>;

/** The figures the casework records (the others say why they are missing). */
const MEASURED = MEASURE_IDS.filter((m) => MEASURES[m].kind !== 'not-recorded');

const tallyOf = (counted: number, met: number): Tally => ({
  counted,
  met,
  percent: counted ? Math.round((met / counted) * 100) : null,
});

/** The children's list's order: by the day counted, then the child (ties keep the items' own order). */
const listOrder = (a: FigureItem, b: FigureItem) =>
  a.date.localeCompare(b.date) || a.childId.localeCompare(b.childId);

/** What the children behind a number are asked for. */
export interface ChildrenQuery {
  asOf: string;
  by?: Dimension | undefined;
  key?: string | undefined;
  group?: string | undefined;
  show: Show;
  page: number;
}

/** One thing counted behind a number, with the child's setting and need on the day. */
export interface ItemRow {
  readonly measure: MeasureId;
  readonly childId: string;
  readonly recordId: string;
  readonly group: string | null;
  readonly date: string;
  readonly due: string | null;
  readonly met: boolean;
  readonly exception: boolean;
  readonly settingId: string | null;
  readonly need: string | null;
}

const needs = (wanted: readonly MeasureId[], source: readonly MeasureId[]) =>
  wanted.some((m) => source.includes(m));

export interface FigureSummary {
  readonly id: MeasureId;
  readonly year: Tally;
  readonly trend: ReadonlyArray<{ month: string; tally: Tally }>;
  readonly breakdown: ReadonlyArray<{ key: string; tally: Tally }>;
  readonly groups: ReadonlyArray<{ key: string; tally: Tally }>;
}

/** The queue of the figures' count: every 10 minutes for today, and once for a day asked for that was not counted. */
export const FIGURES_COUNT_QUEUE = 'figures-count';

/**
 * Whether a count of `day` would be kept as of `today` (ADR 0036): every day for 92 days, then each month's last day
 * for 25 months. A day the job did not count is counted once when asked for, and kept, only when it would be.
 */
export function keptDay(day: string, today: string): boolean {
  if (day > today) return false;
  if (day >= formatDate(addDays(parseDate(today), -KEEP_EVERY_DAY))) return true;
  const monthEnd = formatDate(addDays(parseDate(day), 1)).slice(5, 7) !== day.slice(5, 7);
  return monthEnd && day >= monthsEndingOn(today, KEEP_MONTH_ENDS)[0]!.from;
}

/** A day asked for is queued at most once in each slot of this many seconds (its job does nothing once it is counted). */
export const ASKED_DAY_SLOT_SECONDS = 300;

/** How long the count of a day asked for, that the usual rules would not keep, is kept (ADR 0061). */
export const ASKED_DAY_KEPT_DAYS = 7;

/** Until when a count of `day` made as of `today` because a leader asked for it is kept: null when the rules keep it. */
export function keptUntilFor(day: string, today: string): string | null {
  return keptDay(day, today) ? null : formatDate(addDays(parseDate(today), ASKED_DAY_KEPT_DAYS));
}

export function createFiguresService(
  deps: Pick<ServiceDeps, 'db' | 'today'> & Partial<Pick<ServiceDeps, 'jobs'>>,
) {
  const { db } = deps;

  /** Reads the casework once and counts every figure asked for, as of `asOf`. */
  async function count(laCode: string, asOf: string, wanted: readonly MeasureId[]): Promise<Counted> {
    const months = monthsEndingOn(asOf, TREND_MONTHS);
    const since = months[0]!.from;
    const none = Promise.resolve(undefined);
    // Each owner's read at once (PostgreSQL runs them side by side on the pool; PGlite one after another).
    const [children, cases, plans, held, audits, amended, appeals, transfers] = await Promise.all([
      childrenForFigures(db, laCode, asOf),
      needs(wanted, SOURCES.assessments) ? casesForFigures(db, laCode, since, asOf) : none,
      needs(wanted, SOURCES.quality) ? issuedPlansForFigures(db, laCode) : none,
      needs(wanted, SOURCES.reviews) ? heldReviewsForFigures(db, laCode, since, asOf) : none,
      needs(wanted, SOURCES.quality) ? auditsForFigures(db, laCode, since, asOf) : none,
      needs(wanted, SOURCES.amendments) ? amendmentsForFigures(db, laCode, since, asOf) : none,
      needs(wanted, SOURCES.tribunal) ? appealsForFigures(db, laCode, since, asOf) : none,
      needs(wanted, SOURCES.transfers) ? transfersForFigures(db, laCode, since, asOf) : none,
    ]);
    const byId = new Map(children.map((c) => [c.id, c]));
    const teamOf = (childId: string) => byId.get(childId)?.teamId ?? null;
    const items = new Map<MeasureId, FigureItem[]>(wanted.map((m) => [m, []]));
    const add = (list: Iterable<FigureItem>) => {
      for (const i of list) items.get(i.measure)?.push(i);
    };
    // A request's, plan's or advice's team on the day: the team of the child's lead officer then (allocating a case
    // names its officer the child's lead officer, so the history follows the case); before the child had one, the
    // team the request came to (the case's own).
    for (const c of cases ?? []) add(assessmentItems({ ...c, teamId: teamOf(c.childId) ?? c.teamId }, asOf));
    add(
      amendmentItems(
        (amended ?? []).flatMap((a) =>
          a.meeting_date && a.proposal_sent && a.amended_issued
            ? [
                {
                  id: a.id,
                  childId: a.child_id,
                  teamId: teamOf(a.child_id),
                  meeting: a.meeting_date,
                  proposalSent: a.proposal_sent,
                  amendedIssued: a.amended_issued,
                },
              ]
            : [],
        ),
        asOf,
      ),
    );
    add(
      appealItems(
        (appeals ?? []).flatMap((a) => {
          if (!a.appeal_registered_on) return [];
          const endedOn = a.outcome === 'conceded' ? a.conceded_on : a.decided_on;
          return [
            {
              id: a.id,
              childId: a.child_id,
              teamId: teamOf(a.child_id),
              registered: a.appeal_registered_on,
              outcome: a.outcome && endedOn ? { date: endedOn, outcome: a.outcome } : null,
            },
          ];
        }),
        asOf,
      ),
    );
    add(
      transferItems(
        (transfers ?? []).map((t) => ({ ...t, teamId: teamOf(t.childId) })),
        asOf,
      ),
    );
    const childOfPlan = new Map((plans ?? []).map((p) => [p.id, p.childId]));
    // The reviews feature has worked out in SQL which meetings count and the meeting before each (ADR 0059): each row
    // gives its items by the clock's rules here.
    for (const r of held ?? [])
      add(
        heldReviewItems(
          {
            id: r.id,
            childId: r.child_id,
            teamId: teamOf(r.child_id),
            firstIssued: r.first_issued,
            held: r.held,
            previousMeeting: r.previous_held,
            decision: r.decision && r.decision_date ? { date: r.decision_date, outcome: r.decision } : null,
          },
          asOf,
        ),
      );
    if (audits) {
      const withChild = audits.flatMap((a) => {
        const childId = childOfPlan.get(a.planId);
        return childId ? [{ ...a, childId }] : [];
      });
      add(qualityItems(withChild, asOf));
    }
    // A child had a plan on a day when their first plan was issued by then and it had not ended by then: a plan
    // ceased (or sent to another council) after the day still counts on it (its ending dated by the child's history;
    // a ceased plan whose ending is not dated counts as ended on every day).
    const hadPlanOn = (c: ChildForFigures, day: string) =>
      c.planFirstIssued !== null &&
      c.planFirstIssued <= day &&
      (c.planStatus === 'plan' || (c.planStatus === 'ceased' && c.planEnded !== null && c.planEnded > day));
    const planChildren = children.filter((c) => hadPlanOn(c, asOf)).map((c) => c.id);
    const notInEducationByMonth = new Map<string, number>();
    if (needs(wanted, SOURCES.education)) {
      const days = months.map((m) => m.to);
      // Every child with a plan on any of the days (a plan ceased since still counts on the days before); each day's
      // children out of education are then kept to those with a plan on that day.
      const anyDay = children.filter((c) => hadPlanOn(c, asOf) || days.some((d) => hadPlanOn(c, d)));
      const onDays = await notInFullTimeEducationOn(
        db,
        laCode,
        anyDay.map((c) => c.id),
        days,
      );
      const withPlan = (day: string) => (childId: string) => {
        const child = byId.get(childId);
        return child !== undefined && hadPlanOn(child, day);
      };
      for (const m of months) {
        const out = [...(onDays.get(m.to) ?? new Map<string, string[]>()).keys()].filter(withPlan(m.to));
        notInEducationByMonth.set(m.month, out.length);
      }
      const onAsOf = withPlan(asOf);
      const today = [...(onDays.get(asOf) ?? new Map<string, string[]>())].filter(([c]) => onAsOf(c));
      add(notInEducationItems(new Map(today), teamOf, asOf));
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
      for (const i of items) {
        const list = groups.get(i.group ?? 'none');
        if (list) list.push(i);
        else groups.set(i.group ?? 'none', [i]);
      }
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

  /** Every figure counted live from the casework (no count of the day, or a day the job has not counted). */
  async function liveFigures(laCode: string, asOf: string, by: Dimension | undefined) {
    const c = await count(laCode, asOf, MEASURED);
    return { year: c.year, withPlan: c.withPlan, figures: MEASURED.map((id) => summarise(c, id, by)) };
  }

  /** Every figure from the job's count of the day: the tallies summed in SQL from its items when it was made. */
  async function storedFigures(laCode: string, stored: CountRow, by: Dimension | undefined) {
    const year = yearEndingOn(stored.asOf);
    const months = monthsEndingOn(stored.asOf, TREND_MONTHS);
    const rows = await storedTallies(db, laCode, stored.id, by);
    const figures = MEASURED.map((id): FigureSummary => {
      const measure = MEASURES[id];
      const mine = (dimension: string) => rows.filter((r) => r.measure === id && r.dimension === dimension);
      const sumBy = (list: typeof rows, keyOfRow: (r: (typeof rows)[number]) => string) => {
        const sums = new Map<string, { counted: number; met: number }>();
        for (const r of list) {
          const k = keyOfRow(r);
          const seen = sums.get(k) ?? { counted: 0, met: 0 };
          sums.set(k, { counted: seen.counted + r.counted, met: seen.met + r.met });
        }
        return [...sums].map(([key, t]) => ({ key, tally: tallyOf(t.counted, t.met) }));
      };
      const plain = mine('');
      const total = plain.reduce((t, r) => ({ counted: t.counted + r.counted, met: t.met + r.met }), {
        counted: 0,
        met: 0,
      });
      const byMonth = new Map(mine('month').map((r) => [r.key, tallyOf(r.counted, r.met)]));
      return {
        id,
        year: tallyOf(total.counted, total.met),
        trend: months.map((m) => {
          if (measure.kind !== 'count')
            return { month: m.month, tally: byMonth.get(m.month) ?? tallyOf(0, 0) };
          const n = stored.notInEducationByMonth[m.month] ?? 0;
          return { month: m.month, tally: { counted: n, met: n, percent: null } };
        }),
        breakdown: by ? sumBy(mine(by), (r) => r.key ?? NOT_RECORDED) : [],
        groups: measure.groupLabel ? sumBy(plain, (r) => r.grp ?? 'none') : [],
      };
    });
    return { year, withPlan: stored.withPlan, figures };
  }

  /** The items behind one number, in the list's order: all of them, or one page (with the page asked for clamped). */
  async function selection(
    laCode: string,
    id: MeasureId,
    input: ChildrenQuery,
    paged: boolean,
  ): Promise<{ year: Period; total: number; tally: Tally; page: number; pages: number; rows: ItemRow[] }> {
    const year = yearEndingOn(input.asOf);
    const pagesOf = (total: number) => Math.max(1, Math.ceil(total / CHILDREN_PAGE_SIZE));
    const stored = await countAsOf(db, laCode, input.asOf);
    if (stored) {
      const filter: ItemFilter = {
        measure: id,
        from: year.from,
        to: year.to,
        by: input.by,
        key: input.by ? input.key : undefined,
        group: input.group,
        met: input.show === 'all' ? undefined : input.show === 'met',
      };
      const t = await itemTally(db, laCode, stored.id, filter);
      const pages = pagesOf(t.counted);
      const page = Math.min(input.page, pages);
      const found = await itemsOf(
        db,
        laCode,
        stored.id,
        filter,
        paged ? { limit: CHILDREN_PAGE_SIZE, offset: (page - 1) * CHILDREN_PAGE_SIZE } : undefined,
      );
      const rows = found.map((r) => ({
        measure: id,
        childId: r.child_id,
        recordId: r.record_id,
        group: r.grp,
        date: r.day,
        due: r.due,
        met: r.met,
        exception: r.exception,
        settingId: r.k_school === NOT_RECORDED ? null : r.k_school,
        need: r.k_need === NOT_RECORDED ? null : r.k_need,
      }));
      return { year, total: t.counted, tally: tallyOf(t.counted, t.met), page, pages, rows };
    }
    const c = await count(laCode, input.asOf, [id]);
    const items = selectItems(counted(c, id), {
      subjects: c.subjects,
      asOf: input.asOf,
      dimension: input.by,
      key: input.key,
      group: input.group,
      show: input.show,
    }).sort(listOrder);
    const pages = pagesOf(items.length);
    const page = Math.min(input.page, pages);
    const chosen = paged ? items.slice((page - 1) * CHILDREN_PAGE_SIZE, page * CHILDREN_PAGE_SIZE) : items;
    const rows = chosen.map((i) => ({
      measure: i.measure,
      childId: i.childId,
      recordId: i.recordId,
      group: i.group,
      date: i.date,
      due: i.due,
      met: i.met,
      exception: i.exception,
      settingId: c.subjects.get(i.childId)?.school ?? null,
      need: c.subjects.get(i.childId)?.need ?? null,
    }));
    return { year, total: items.length, tally: tally(items), page, pages, rows };
  }

  /** The rows with each child's name and reference. */
  async function named(laCode: string, rows: readonly ItemRow[]) {
    const names = await childNames(
      db,
      laCode,
      rows.map((r) => r.childId),
    );
    return rows.map((r) => {
      const child = names.get(r.childId);
      return {
        ...r,
        reference: child?.reference ?? '',
        name: child ? `${child.given_name} ${child.family_name}` : 'Unknown child',
      };
    });
  }

  /**
   * Whether the day has no count yet and is queued to be counted (ADR 0061): the job counts it and keeps it (a day the
   * usual rules would not keep, for ASKED_DAY_KEPT_DAYS days). False when it is counted, or when there is no queue.
   * The job is idempotent: one sent while another waits finds the day counted and does nothing.
   */
  async function askedToCount(laCode: string, asOf: string): Promise<boolean> {
    if (!deps.jobs || (await countAsOf(db, laCode, asOf))) return false;
    await deps.jobs.send(
      db,
      FIGURES_COUNT_QUEUE,
      { laCode, asOf, today: deps.today() },
      // One job a day asked for every 5 minutes (a job that finds the day counted does nothing).
      { singletonKey: `${laCode}:${asOf}`, singletonSeconds: ASKED_DAY_SLOT_SECONDS },
    );
    return true;
  }

  /** Every figure as of the day: the day's count, else counted from the casework now. */
  async function countFigures(actor: Actor, input: { asOf: string; by?: Dimension | undefined }) {
    requireRole(actor, FIGURE_READERS, paths.figures.index);
    const stored = await countAsOf(db, actor.laCode, input.asOf);
    const [c, names] = await Promise.all([
      stored
        ? storedFigures(actor.laCode, stored, input.by)
        : liveFigures(actor.laCode, input.asOf, input.by),
      namesForFigures(db, actor.laCode),
    ]);
    return { asOf: input.asOf, countedAt: stored?.countedAt ?? null, ...c, names };
  }

  /** One page of the children behind a number, named, audited as a list shown. */
  async function countChildren(actor: Actor, id: MeasureId, input: ChildrenQuery) {
    requireRole(actor, FIGURE_READERS, paths.figures.measurePattern);
    const found = await selection(actor.laCode, id, input, true);
    const rows = await named(actor.laCode, found.rows);
    await auditChildrenShown(
      db,
      actor,
      'figures.children.read',
      paths.figures.measure(id),
      rows.map((r) => r.childId),
    );
    return { asOf: input.asOf, ...found, rows, names: await namesForFigures(db, actor.laCode) };
  }

  return {
    /** Today in London: the "as of" day when none is asked for. */
    today: () => deps.today(),

    /** Whether the authority's figures as of the day are counted and kept. */
    async isCounted(laCode: string, asOf: string): Promise<boolean> {
      return (await countAsOf(db, laCode, asOf)) !== null;
    },

    /** Refuses anyone but the figures' readers (a broken query is answered only to them). */
    mayRead(actor: Actor): void {
      requireRole(actor, FIGURE_READERS, paths.figures.index);
    },

    /**
     * Every figure as of `asOf`, broken down by `by` when given, with the names of teams and settings, for the page:
     * from the job's count of that day (`countedAt` says when it was made). A day not counted is never counted on the
     * request (ADR 0061): its count is queued (`{ laCode, asOf, today }`, one job a day asked for) and the page says it is
     * being counted (`ready: false`) until the job has kept it. Without a job queue it is counted live.
     */
    async figures(actor: Actor, input: { asOf: string; by?: Dimension | undefined }) {
      requireRole(actor, FIGURE_READERS, paths.figures.index);
      if (await askedToCount(actor.laCode, input.asOf)) return { ready: false as const, asOf: input.asOf };
      return { ready: true as const, ...(await countFigures(actor, input)) };
    },

    /**
     * Every figure as of `asOf` from the job's count of the day, else counted from the casework now: seconds at
     * 25,000 plans, so never on a page's request (ADR 0061). What the tests hold the kept count to.
     */
    countFigures,

    /**
     * The children behind one number, for the page: one page of them from the day's count (as `countChildren`), or,
     * when the day is not counted yet, its count queued and `ready: false` (ADR 0061).
     */
    async children(actor: Actor, id: MeasureId, input: ChildrenQuery) {
      requireRole(actor, FIGURE_READERS, paths.figures.measurePattern);
      if (await askedToCount(actor.laCode, input.asOf)) return { ready: false as const, asOf: input.asOf };
      return { ready: true as const, ...(await countChildren(actor, id, input)) };
    },

    /**
     * The children behind one number: the figure's items (the 12 months', or the day's for a count), narrowed to a
     * breakdown's cell, a group or those within or outside the limit; one page of them, audited as a list shown.
     * From the day's count, else counted from the casework now (never on a page's request: `children`).
     */
    countChildren,

    /**
     * Every child behind one number (not a page of them), named, for the CSV download: audited as a bulk export of
     * special category data (as the inspection list is), with every child exported.
     */
    async childrenExport(actor: Actor, id: MeasureId, input: ChildrenQuery) {
      requireRole(actor, FIGURE_READERS, paths.figures.csvPattern);
      // Not counted yet: the children's page says it is being counted (the route sends the reader there).
      if (await askedToCount(actor.laCode, input.asOf)) return null;
      const found = await selection(actor.laCode, id, input, false);
      const rows = await named(actor.laCode, found.rows);
      await audit(db, actor, {
        action: 'figures.children.export',
        recordType: 'figure',
        recordId: id,
        detail: {
          bulkExport: true,
          specialCategoryData: true,
          format: 'csv',
          asOf: input.asOf,
          by: input.by ?? null,
          key: input.key ?? null,
          group: input.group ?? null,
          show: input.show,
          rows: rows.length,
          children: [...new Set(rows.map((r) => r.childId))],
        },
      });
      return { asOf: input.asOf, rows, names: await namesForFigures(db, actor.laCode) };
    },

    /** One figure's number over the 12 months to `asOf` (the improvement plan shows it live, docs/improvement.md). */
    async headline(laCode: string, id: MeasureId, asOf: string): Promise<Tally | null> {
      if (MEASURES[id].kind === 'not-recorded') return null;
      const found = await selection(laCode, id, { asOf, show: 'all', page: 1 }, false);
      return found.tally;
    },

    /**
     * Counts every figure as of `asOf` from the casework and keeps the count (replacing that day's earlier count;
     * other days' counts are kept, ADR 0036), with its items and their keys, in one transaction, audited: the page
     * then reads that day's figures from it.
     */
    async recount(
      laCode: string,
      asOf: string,
      keptUntil: string | null = null,
    ): Promise<{ id: string; items: number }> {
      const c = await count(laCode, asOf, MEASURED);
      const first = c.months[0]!.from;
      const all = MEASURED.flatMap((id) =>
        (c.items.get(id) ?? []).filter((i) => i.date >= first && i.date <= asOf),
      );
      const ordered = all
        .map((item, n) => ({ item, n }))
        .sort((a, b) => listOrder(a.item, b.item) || a.n - b.n)
        .map(({ item }, seq): StoredItem => {
          const subject = c.subjects.get(item.childId);
          const key = (d: Dimension) => keyOf(item, subject, d, asOf);
          return {
            seq,
            measure: item.measure,
            child_id: item.childId,
            record_id: item.recordId,
            grp: item.group,
            day: item.date,
            due: item.due,
            met: item.met,
            exception: item.exception,
            ...(Object.fromEntries(DIMENSIONS.map((d) => [KEY_COLUMNS[d], key(d)])) as Record<
              (typeof KEY_COLUMNS)[Dimension],
              string
            >),
          };
        });
      return db.transaction().execute(async (trx) => {
        const saved = await saveCount(trx, laCode, {
          asOf,
          keepEveryDayFrom: formatDate(addDays(parseDate(asOf), -KEEP_EVERY_DAY)),
          keepMonthEndsFrom: monthsEndingOn(asOf, KEEP_MONTH_ENDS)[0]!.from,
          keptUntil,
          year: c.year,
          months: { from: first, to: asOf },
          withPlan: c.withPlan,
          notInEducationByMonth: Object.fromEntries(c.notInEducationByMonth),
          items: ordered,
        });
        await audit(
          trx,
          { laCode, userId: null, sessionId: null, ip: null },
          {
            action: 'figures.counted',
            recordType: 'figure_count',
            recordId: saved.id,
            detail: { asOf, items: ordered.length },
          },
        );
        return { id: saved.id, items: ordered.length };
      });
    },
  };
}

export type FiguresService = ReturnType<typeof createFiguresService>;
