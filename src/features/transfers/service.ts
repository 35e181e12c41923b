/**
 * The phase-transfer cohort board (issue 13 item 4, docs/transfers.md): every child with a plan in this school
 * year's cohort, with the legal deadline, the stage reached and what must happen next, counted by deadline, stage,
 * school and officer. The cohort comes from the core records and the domain's rule (src/domain/transfer); the stage
 * from what the reviews, consultation and amendments features know, each read through its index.ts. The board reads
 * the cohort as the feature keeps it (ADR 0033): derived whole once a day, and again for the children changed since.
 */
import {
  cohortEntry,
  cohortYearLabel,
  namingOf,
  nextAction,
  transferStage,
  TRANSFER_STAGES,
  urgencyOf,
  type NextAction,
  type Naming,
  type TransferDates,
  type TransferFacts,
  type TransferStage,
} from '../../domain/transfer/index.ts';
import { longDate, schoolYearStart, yearGroupName, yearGroupOn } from '../../domain/calendar.ts';
import { auditChildrenShown, auditContext, requireRole, type Actor } from '../../platform/access/access.ts';
import { withChange } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { childrenForTransfers, type ChildForTransfer } from '../../platform/people/transfers.ts';
import { paths } from '../../platform/web/paths.ts';
import { amendmentsForTransfers } from '../amendments/index.ts';
import { namedSettingsOfVersions } from '../plans/index.ts';
import { consultationsForTransfers, preferencesForTransfers } from '../consultation/index.ts';
import { reviewsHeldForTransfers } from '../reviews/index.ts';
import { transferChildService } from './child.ts';
import {
  childrenTold,
  advanceCohortState,
  cohortChildrenOfOfficers,
  cohortDayChildren,
  cohortState,
  cohortBoardRead,
  type CohortBoardRead,
  destinationsOfYear,
  insertNotice,
  replaceCohortRows,
  analyzeCohort,
  saveCohortState,
  transferPreferencesFor,
  type CohortTableRow,
} from './store.ts';
import { childrenChangedSince, latestAuditId } from '../../platform/audit/search.ts';
import { addDays, formatDate, parseDate } from '../../domain/clock/dates.ts';
import { tellCohortStart } from './notices.ts';
import { FAMILY_ROLES, TRANSFER_WRITERS } from './child.ts';

/** Who sees the board: caseworkers, team managers and the SEND leader (journeys.md; issue 13 item 4). */
export const TRANSFER_READERS: readonly Role[] = ['caseworker', 'team-manager', 'send-leader'];
export const PAGE_SIZE = 25;

/** One child of the cohort, with where their transfer stands. */
export interface CohortRow {
  readonly child: ChildForTransfer;
  readonly yearGroup: string;
  readonly label: string;
  readonly dates: TransferDates;
  readonly facts: TransferFacts;
  readonly stage: TransferStage;
  readonly namedLate: boolean;
  /** S2's naming check: the amended plan naming the new setting, on time or late with the rule. */
  readonly naming: Naming;
  readonly next: NextAction;
  /** The year the child moves (reg 18(1): the September after this school year starts). */
  readonly moveYear: number;
  /** The family was told at the start of the cohort what will happen and by when. */
  readonly told: boolean;
}

export type Urgent = 'overdue' | 'this-week';

/** The board's filters: each count on the board is one of these, so the list it opens has the same number. */
export interface BoardQuery {
  readonly deadline?: string;
  readonly stage?: TransferStage;
  readonly school?: string;
  readonly officer?: string;
  /** 'none' for children with no lead officer. */
  readonly week?: Urgent | 'due';
  readonly page: number;
}

export interface Count {
  readonly key: string;
  readonly name: string;
  readonly n: number;
}

export interface Board {
  readonly asOf: string;
  readonly yearLabel: string;
  readonly total: number;
  readonly byDeadline: readonly Count[];
  readonly byStage: readonly Count[];
  readonly bySchool: readonly Count[];
  readonly byOfficer: readonly Count[];
  /** Children whose next step is overdue, or due in the 7 days beginning with today. */
  readonly overdue: number;
  readonly thisWeek: number;
  /** Children not yet named whose family has not been told what will happen and by when. */
  readonly notTold: number;
  readonly list: {
    readonly rows: readonly CohortRow[];
    readonly total: number;
    readonly page: number;
    readonly pages: number;
  };
}

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null || b >= a ? a : b);

/**
 * Every child of the cohort on `today`, with their facts, stage and next step; `only`, when given, narrows to those
 * children (a family's home page); with `settingsOn`, each child's setting is the one they attended on that day (a
 * past school year's cohort, whose children have since moved on: the leaders' figures).
 */
export async function cohortOn(
  db: Executor,
  laCode: string,
  today: string,
  only?: readonly string[],
  options: { settingsOn?: string } = {},
): Promise<CohortRow[]> {
  const year = schoolYearStart(today);
  const destinations = new Map((await destinationsOfYear(db, laCode, year)).map((d) => [d.child_id, d]));
  const movers = [...destinations.values()].filter((d) => d.move_date !== null).map((d) => d.child_id);
  const children = await childrenForTransfers(db, laCode, year, movers, only, options.settingsOn);
  const entries = children.flatMap((child) => {
    const d = destinations.get(child.id);
    const entry = cohortEntry({
      dateOfBirth: child.dateOfBirth,
      on: today,
      setting: child.setting,
      destination: d?.destination ?? null,
      moveDate: d?.move_date ?? null,
    });
    return entry.inCohort ? [{ child, entry }] : [];
  });
  if (!entries.length) return [];
  const ids = entries.map((e) => e.child.id);
  const since = entries.map((e) => e.entry.dates.reviewFrom.date).sort()[0]!;
  const [told, held, preferences, ownPreferences, consultations, amendments] = await Promise.all([
    childrenTold(db, laCode, year),
    reviewsHeldForTransfers(db, laCode, ids, since),
    preferencesForTransfers(db, laCode, ids, since),
    transferPreferencesFor(db, laCode, ids, year, since),
    consultationsForTransfers(db, laCode, ids, since),
    amendmentsForTransfers(db, laCode, ids, since),
  ]);
  const byChild = <T extends { child_id: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.child_id, [...(m.get(r.child_id) ?? []), r]);
    return m;
  };
  const heldOf = byChild(held);
  const prefsOf = byChild([...preferences, ...ownPreferences]);
  const consOf = byChild(consultations);
  const amendsOf = byChild(amendments);
  const namedBy = await namedSettingsOfVersions(
    db,
    laCode,
    amendments.flatMap((a) => (a.amended_issued && a.amended_version_id ? [a.amended_version_id] : [])),
  );
  return entries.map(({ child, entry }) => {
    const from = entry.dates.reviewFrom.date;
    const after = (d: string | null) => (d !== null && d >= from && d <= today ? d : null);
    let facts: TransferFacts = {
      reviewHeld: null,
      preferenceReceived: null,
      consultationSent: null,
      consultations: 0,
      consultationsAnswered: 0,
      proposalSent: null,
      named: null,
    };
    for (const r of heldOf.get(child.id) ?? [])
      facts = { ...facts, reviewHeld: earliest(facts.reviewHeld, after(r.held)) };
    for (const p of prefsOf.get(child.id) ?? []) {
      facts = { ...facts, preferenceReceived: earliest(facts.preferenceReceived, after(p.received)) };
    }
    for (const c of consOf.get(child.id) ?? []) {
      if (after(c.sent) === null) continue;
      facts = {
        ...facts,
        consultationSent: earliest(facts.consultationSent, c.sent),
        consultations: facts.consultations + 1,
        consultationsAnswered: facts.consultationsAnswered + (after(c.answered) ? 1 : 0),
      };
    }
    for (const a of amendsOf.get(child.id) ?? [])
      facts = { ...facts, proposalSent: earliest(facts.proposalSent, after(a.proposal_sent)) };
    // "Named": an amended plan naming a setting other than the one the child is leaving, checked against the deadline.
    const naming = namingOf(
      (amendsOf.get(child.id) ?? []).flatMap((a) =>
        a.amended_issued
          ? [{ issued: a.amended_issued, namedSettingId: namedBy.get(a.amended_version_id ?? '') ?? null }]
          : [],
      ),
      child.setting.id,
      entry.dates,
      from,
      today,
    );
    facts = { ...facts, named: naming.status === 'not-named' ? null : naming.on };
    const { stage, namedLate } = transferStage(entry.dates, facts, today);
    return {
      child,
      yearGroup: yearGroupName(yearGroupOn(child.dateOfBirth, today)),
      label: entry.label,
      dates: entry.dates,
      facts,
      stage,
      namedLate,
      naming,
      next: nextAction(entry.dates, facts, stage, today),
      moveYear: entry.moveYear,
      told: told.has(child.id),
    };
  });
}

/** A child whose family should be told of the cohort: not told yet, and the plan not yet named (nor late). */
const untold = (r: CohortRow) => !r.told && r.stage !== 'named' && r.stage !== 'late';

/** Whether a row is one of the children a filter names (every count on the board is one such filter). */
export function matches(row: CohortRow, q: Omit<BoardQuery, 'page'>): boolean {
  if (q.deadline && row.dates.deadline.date !== q.deadline) return false;
  if (q.stage && row.stage !== q.stage) return false;
  if (q.school && row.child.setting.id !== q.school) return false;
  if (q.officer && (row.child.officerId ?? 'none') !== q.officer) return false;
  if (q.week === 'overdue' && row.next.urgency !== 'overdue') return false;
  if (q.week === 'this-week' && row.next.urgency !== 'this-week') return false;
  if (q.week === 'due' && row.next.urgency !== 'overdue' && row.next.urgency !== 'this-week') return false;
  return true;
}

function countBy(rows: readonly CohortRow[], key: (r: CohortRow) => [string, string]): Count[] {
  const m = new Map<string, Count>();
  for (const r of rows) {
    const [k, name] = key(r);
    const c = m.get(k);
    m.set(k, { key: k, name, n: (c?.n ?? 0) + 1 });
  }
  return [...m.values()];
}

/** The board as of `today`: pure over the cohort's rows. */
export function boardOf(rows: readonly CohortRow[], today: string, q: BoardQuery): Board {
  const byDeadline = countBy(rows, (r) => [r.dates.deadline.date, r.dates.deadline.date]).sort((a, b) =>
    a.key.localeCompare(b.key),
  );
  const stages = countBy(rows, (r) => [r.stage, r.stage]);
  const byStage = TRANSFER_STAGES.map((s) => stages.find((c) => c.key === s) ?? { key: s, name: s, n: 0 });
  const bySchool = countBy(rows, (r) => [r.child.setting.id, r.child.setting.name]).sort(
    (a, b) => b.n - a.n || a.name.localeCompare(b.name),
  );
  const byOfficer = countBy(rows, (r) => [
    r.child.officerId ?? 'none',
    r.child.officerName ?? 'No lead officer',
  ]).sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  const order = { overdue: 0, 'this-week': 1, later: 2, done: 3 } as const;
  const filtered = rows
    .filter((r) => matches(r, q))
    .sort(
      (a, b) =>
        order[a.next.urgency] - order[b.next.urgency] ||
        (a.next.by ?? '9999').localeCompare(b.next.by ?? '9999') ||
        a.child.familyName.localeCompare(b.child.familyName) ||
        a.child.id.localeCompare(b.child.id),
    );
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const page = Math.min(q.page, pages);
  return {
    asOf: today,
    yearLabel: cohortYearLabel(today),
    total: rows.length,
    byDeadline,
    byStage,
    bySchool,
    byOfficer,
    overdue: rows.filter((r) => r.next.urgency === 'overdue').length,
    thisWeek: rows.filter((r) => r.next.urgency === 'this-week').length,
    notTold: rows.filter(untold).length,
    list: {
      rows: filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
      total: filtered.length,
      page,
      pages,
    },
  };
}

// ---- The cohort kept for the board (migration 0056, ADR 0033)

/** More children changed than this since the last look: derive the whole cohort again (one pass is cheaper). */
const WHOLE_AFTER = 400;

function tableRow(laCode: string, year: number, today: string, r: CohortRow): CohortTableRow {
  return {
    la_code: laCode,
    school_year: year,
    child_id: r.child.id,
    as_of: today,
    reference: r.child.reference,
    given_name: r.child.givenName,
    family_name: r.child.familyName,
    setting_id: r.child.setting.id,
    setting_name: r.child.setting.name,
    officer_id: r.child.officerId,
    officer_name: r.child.officerName,
    deadline: r.dates.deadline.date,
    stage: r.stage,
    next_by: r.next.urgency === 'done' ? null : r.next.by,
    told: r.told,
    detail: JSON.stringify(r),
  };
}

/**
 * Derives the cohort's rows again as of `today`, in the caller's transaction: the whole cohort (`childIds` undefined)
 * or these children (a child who has left the cohort loses their row).
 */
export async function rederiveCohort(
  trx: Executor,
  laCode: string,
  today: string,
  childIds?: readonly string[],
): Promise<void> {
  const year = schoolYearStart(today);
  const rows = await cohortOn(trx, laCode, today, childIds);
  await replaceCohortRows(
    trx,
    laCode,
    year,
    rows.map((r) => tableRow(laCode, year, today, r)),
    childIds,
  );
}

/**
 * Brings the kept cohort up to `today` (ADR 0033), in the caller's transaction. Derived whole by the nightly job
 * (`whole`), for a school year not yet kept, or when more than WHOLE_AFTER children must be derived again; otherwise
 * only the children whose row may have changed since the last reading: those the audit log names (every change to a
 * child's data is audited with the child, whichever feature made it) and, on a new day, those whose row moves with the
 * calendar (`cohortDayChildren`: a deadline passed without the plan named, a proposal's 15 days, a reg 18(2) move).
 * The next step's urgency moves with the calendar for every child, so the board reads it from its day, not the row.
 */
export async function refreshCohort(
  trx: Executor,
  laCode: string,
  today: string,
  options: { whole?: boolean; analyze?: boolean } = {},
): Promise<void> {
  const year = schoolYearStart(today);
  const state = options.whole ? undefined : await cohortState(trx, laCode, year);
  if (state && state.derived_on <= today) {
    const seen = Number(state.audit_seen);
    const newDay = state.derived_on < today;
    const since = await childrenChangedSince(trx, laCode, seen);
    if (!newDay && since.latest === seen) return;
    if (!newDay && !since.childIds.length && !since.usersUpdated.length && !since.bulk) {
      // Only readings since (the board's own among them): move the mark on, without holding the state row first.
      await advanceCohortState(trx, laCode, year, today, since.latest);
      return;
    }
    const held = await cohortState(trx, laCode, year, true);
    if (held && held.derived_on <= today) {
      const changed = await childrenChangedSince(trx, laCode, Number(held.audit_seen));
      const day = held.derived_on < today ? await cohortDayChildren(trx, laCode, year, today) : [];
      // An officer's account changed (their name shows on the board): the children they lead.
      const led = await cohortChildrenOfOfficers(trx, laCode, year, changed.usersUpdated);
      const again = [...new Set([...changed.childIds, ...day, ...led])];
      // A bulk change (a SEN2 return read in: children, placements and settings, audited once) derives it whole.
      if (again.length <= WHOLE_AFTER && !changed.bulk) {
        if (again.length) await rederiveCohort(trx, laCode, today, again);
        await saveCohortState(trx, laCode, year, today, changed.latest);
        return;
      }
    }
  }
  await cohortState(trx, laCode, year, true);
  const latest = await latestAuditId(trx, laCode);
  await rederiveCohort(trx, laCode, today);
  await saveCohortState(trx, laCode, year, today, latest);
  // Every row replaced: the table's planner statistics are stale until analysed (`analyze: false` when the caller
  // analyses once after deriving several authorities, as the nightly job does).
  if (options.analyze !== false) await analyzeCohort(trx);
}

/** A kept row as of `today`: its next step's urgency from its day (it moves with the calendar; the row does not). */
const parseRow = (detail: unknown, today: string): CohortRow => {
  const row = (typeof detail === 'string' ? JSON.parse(detail) : detail) as CohortRow;
  return row.next.by === null || row.next.urgency === 'done'
    ? row
    : { ...row, next: { ...row.next, urgency: urgencyOf(row.next.by, today) } };
};

/**
 * The board as of `today` from the kept cohort, read in one statement (cohortBoardRead): the counts from its narrow
 * columns, the list's page (filtered, most urgent first, 25) and its total. The same as `boardOf` over the derived
 * cohort (transfers.test.ts checks it on both engines). `state` is the kept year's state as read with it.
 */
export async function boardFromTable(
  db: Executor,
  laCode: string,
  today: string,
  q: BoardQuery,
): Promise<Board> {
  return (await keptBoard(db, laCode, today, q)).board;
}

/** boardFromTable, with the kept year's state read in the same statement. */
async function keptBoard(
  db: Executor,
  laCode: string,
  today: string,
  q: BoardQuery,
): Promise<{ board: Board; state: CohortBoardRead['state'] }> {
  const year = schoolYearStart(today);
  const weekEnd = formatDate(addDays(parseDate(today), 6));
  const { page, ...filter } = q;
  const read = await cohortBoardRead(db, laCode, year, today, weekEnd, filter, page, PAGE_SIZE);
  const tallies = read.tallies;
  const count = (key: (t: (typeof tallies)[number]) => [string, string]): Count[] => {
    const m = new Map<string, Count>();
    for (const t of tallies) {
      const [k, name] = key(t);
      m.set(k, { key: k, name, n: (m.get(k)?.n ?? 0) + 1 });
    }
    return [...m.values()];
  };
  const stages = count((t) => [t.stage, t.stage]);
  const due = (t: (typeof tallies)[number]) => t.next_by !== null && t.next_by <= weekEnd;
  const byName = (a: Count, b: Count) => b.n - a.n || a.name.localeCompare(b.name);
  const board: Board = {
    asOf: today,
    yearLabel: cohortYearLabel(today),
    total: tallies.length,
    byDeadline: count((t) => [t.deadline, t.deadline]).sort((a, b) => a.key.localeCompare(b.key)),
    byStage: TRANSFER_STAGES.map((st) => stages.find((c) => c.key === st) ?? { key: st, name: st, n: 0 }),
    bySchool: count((t) => [t.setting_id, t.setting_name]).sort(byName),
    byOfficer: count((t) => [t.officer_id ?? 'none', t.officer_name ?? 'No lead officer']).sort(byName),
    overdue: tallies.filter((t) => due(t) && t.next_by! < today).length,
    thisWeek: tallies.filter((t) => due(t) && t.next_by! >= today).length,
    notTold: tallies.filter((t) => !t.told && t.stage !== 'named' && t.stage !== 'late').length,
    list: {
      rows: read.details.map((d) => parseRow(d, today)),
      total: read.total,
      page: read.page,
      pages: Math.max(1, Math.ceil(read.total / PAGE_SIZE)),
    },
  };
  return { board, state: read.state };
}

/** Readings gathered in the audit log before a board reading moves the kept cohort's mark on past them. */
const MARK_AFTER = 200;

/**
 * Whether the board read with `state` is today's kept cohort as it stands: derived today and, in the audit log since
 * its mark, nothing but readings (no change to a child, no account changed). Moves the mark on, with one
 * conditional update outside any transaction, once more than MARK_AFTER readings have gathered since.
 */
async function keptIsCurrent(
  db: Executor,
  laCode: string,
  today: string,
  state: CohortBoardRead['state'],
): Promise<boolean> {
  if (!state || state.derived_on !== today) return false;
  const seen = Number(state.audit_seen);
  const since = await childrenChangedSince(db, laCode, seen);
  if (since.childIds.length || since.usersUpdated.length || since.bulk) return false;
  if (since.latest - seen > MARK_AFTER)
    await advanceCohortState(db, laCode, schoolYearStart(today), today, since.latest);
  return true;
}

export function createTransfersService(deps: Pick<ServiceDeps, 'db' | 'jobs' | 'today'>) {
  const { db } = deps;
  const child = transferChildService(deps);
  return {
    today: () => deps.today(),
    /** Refuses anyone but casework staff (the page's error view uses it before rendering). */
    mayRead: (actor: Actor) => requireRole(actor, TRANSFER_READERS, paths.transfers.board),
    /** The cohort board as of today, with one page of the children a filter names; audited as a list shown. */
    board: async (actor: Actor, q: BoardQuery): Promise<Board> => {
      requireRole(actor, TRANSFER_READERS, paths.transfers.board);
      const today = deps.today();
      const shown = (b: Board) => b.list.rows.map((r) => r.child.id);
      // Usually three round trips (issue 13): the board with the kept state in one statement, the audit log since
      // its mark, the reading's audit entry. Only when something changed since (or on a new day): refresh and read
      // again in one transaction, as before.
      const kept = await keptBoard(db, actor.laCode, today, q);
      if (await keptIsCurrent(db, actor.laCode, today, kept.state)) {
        await auditChildrenShown(db, actor, 'transfers.board.read', paths.transfers.board, shown(kept.board));
        return kept.board;
      }
      return db.transaction().execute(async (trx) => {
        await refreshCohort(trx, actor.laCode, today);
        const board = await boardFromTable(trx, actor.laCode, today, q);
        await auditChildrenShown(trx, actor, 'transfers.board.read', paths.transfers.board, shown(board));
        return board;
      });
    },
    /** Whether the actor may tell the families (caseworkers and team managers). */
    mayTell: (actor: Actor) => TRANSFER_WRITERS.includes(actor.role),
    /**
     * Tells the family of every child of the cohort not yet told (and not yet named) what will happen and by when:
     * one transaction, the messages queued in it, a history line a child, one audit entry; a double submit once.
     */
    tellFamilies: (actor: Actor, formToken: string | undefined) =>
      withChange(deps, actor, async (ctx) => {
        requireRole(actor, TRANSFER_WRITERS, paths.transfers.board);
        const made = await once(ctx, formToken, async () => {
          const year = schoolYearStart(ctx.today);
          const told: string[] = [];
          for (const r of (await cohortOn(ctx.trx, actor.laCode, ctx.today)).filter(untold)) {
            const recipients = await tellCohortStart(ctx, r.child, r.moveYear, r.dates);
            await insertNotice(ctx.trx, {
              la_code: actor.laCode,
              child_id: r.child.id,
              school_year: year,
              sent_on: ctx.today,
              sent_by: actor.userId,
              recipients,
            });
            await recordCaseEvent(ctx, {
              childId: r.child.id,
              kind: 'transfer-told',
              summary: recipients
                ? `The family was told what will happen for the move in ${r.moveYear}, and by when: the plan to name the next setting by ${longDate(r.dates.deadline.date)}, their preference by ${longDate(r.dates.latestPreference.date)}`
                : `No email address for the family: tell them by letter what will happen for the move in ${r.moveYear}, and by when`,
              detail: { schoolYear: year, recipients },
            });
            told.push(r.child.id);
          }
          // The notice is audited once for all the children: their rows are derived again here.
          if (told.length) await rederiveCohort(ctx.trx, actor.laCode, ctx.today, told);
          await audit(ctx.trx, auditContext(actor), {
            action: 'transfers.families.told',
            recordType: 'transfer_notice',
            recordId: String(year),
            detail: { schoolYear: year, children: told },
          });
          return String(told.length);
        });
        return Number(made.resultId ?? 0);
      }),
    familyTransfer: (actor: Actor, childId: string) => child.familyTransfer(actor, childId),
    /**
     * A family's children in this year's cohort, for their home page (issue 13): each with the latest day for the
     * preference, the legal deadline, and whether the family is still asked for a preference (none received, the
     * plan not yet named, the deadline not passed). `childIds` are the children the family's home already shows.
     */
    familyCohort: async (actor: Actor, childIds: readonly string[]) => {
      requireRole(actor, FAMILY_ROLES, paths.home);
      const rows = await cohortOn(db, actor.laCode, deps.today(), childIds);
      return rows.map((r) => ({
        childId: r.child.id,
        givenName: r.child.givenName,
        moveYear: r.moveYear,
        latestPreference: r.dates.latestPreference.date,
        deadline: r.dates.deadline.date,
        stage: r.stage,
        preferenceAsked: r.stage === 'in-cohort' || r.stage === 'review-held',
        href: paths.transfers.family(r.child.id),
      }));
    },
    statePreference: child.statePreference,
    /** One child's transfer for casework staff. */
    childTransfer: (actor: Actor, childId: string) => child.childTransfer(actor, childId, TRANSFER_READERS),
    recordReviewPreference: child.recordReviewPreference,
    recordDestination: child.recordDestination,
  };
}

export type TransfersService = ReturnType<typeof createTransfersService>;
