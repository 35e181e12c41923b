/** The cohort board's page data: pure functions of the service's board and the query. */
import { z } from 'zod';
import { longDate } from '../../domain/calendar.ts';
import {
  DESTINATION_LABELS,
  DESTINATIONS,
  familySteps,
  OTHER_SETTING,
  TRANSFER_STAGE_LABELS,
  TRANSFER_STAGES,
  type TransferStage,
} from '../../domain/transfer/index.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import type { Board, BoardQuery, CohortRow, Count, TransfersService } from './service.ts';

/** The board's query string; anything unreadable is dropped rather than refused (it only narrows a list). */
export const boardQuerySchema = z.object({
  deadline: z.iso.date().optional().catch(undefined),
  stage: z.enum(TRANSFER_STAGES).optional().catch(undefined),
  school: z.uuid().optional().catch(undefined),
  officer: z
    .union([z.literal('none'), z.uuid()])
    .optional()
    .catch(undefined),
  week: z.enum(['overdue', 'this-week', 'due']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function readBoardQuery(raw: unknown): BoardQuery {
  return boardQuerySchema.parse(raw ?? {});
}

type Filters = Omit<BoardQuery, 'page'>;
const hrefOf = (f: Filters & { page?: number }) => `${withQuery(paths.transfers.board, { ...f })}#children`;

const URGENCY_TAGS = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  'this-week': { text: 'This week', classes: 'govuk-tag--yellow' },
  later: { text: 'Later', classes: 'govuk-tag--grey' },
  done: { text: 'Done', classes: 'govuk-tag--green' },
} as const;

const STAGE_CLASSES: Readonly<Record<TransferStage, string>> = {
  'in-cohort': 'govuk-tag--grey',
  'review-held': 'govuk-tag--blue',
  'preference-received': 'govuk-tag--light-blue',
  consulting: 'govuk-tag--purple',
  'proposal-sent': 'govuk-tag--turquoise',
  named: 'govuk-tag--green',
  late: 'govuk-tag--red',
};

function rowView(r: CohortRow) {
  return {
    childId: r.child.id,
    href: paths.transfers.child(r.child.id),
    name: `${r.child.givenName} ${r.child.familyName}`,
    reference: r.child.reference,
    yearGroup: r.yearGroup,
    school: r.child.setting.name,
    officer: r.child.officerName ?? 'No lead officer',
    deadline: longDate(r.dates.deadline.date),
    deadlineRule: r.dates.deadline.rule,
    stage: {
      text: r.namedLate ? 'Named late' : TRANSFER_STAGE_LABELS[r.stage],
      classes: STAGE_CLASSES[r.stage],
    },
    action: r.next.action,
    by: r.next.by ? longDate(r.next.by) : '',
    byKind: r.next.by ? (r.next.statutory ? 'legal deadline' : 'planning date') : '',
    urgency: URGENCY_TAGS[r.next.urgency],
    warning:
      r.naming.status === 'named-late'
        ? `Named late: the amended plan naming the new setting was issued on ${longDate(r.naming.on)}, ${r.naming.daysLate} ${r.naming.daysLate === 1 ? 'day' : 'days'} after the legal deadline. ${r.naming.rule}`
        : r.next.warning,
    planning: [
      { label: 'Review', value: longDate(r.dates.latestReview.date) },
      { label: 'Preference', value: longDate(r.dates.latestPreference.date) },
      { label: 'Proposal', value: longDate(r.dates.latestProposal.date) },
    ],
  };
}

function countRows(counts: readonly Count[], filter: (key: string) => Filters, name = (c: Count) => c.name) {
  return counts.map((c) => ({ name: name(c), n: c.n, href: hrefOf(filter(c.key)) }));
}

/** What a filter says in words, for the list's heading. */
export function filterText(board: Board, q: Filters): string {
  const parts: string[] = [];
  if (q.deadline) parts.push(`deadline ${longDate(q.deadline)}`);
  if (q.stage) parts.push(`stage ${TRANSFER_STAGE_LABELS[q.stage].toLowerCase()}`);
  if (q.school)
    parts.push(`at ${board.bySchool.find((c) => c.key === q.school)?.name ?? 'the school chosen'}`);
  if (q.officer) {
    parts.push(
      q.officer === 'none'
        ? 'no lead officer'
        : `officer ${board.byOfficer.find((c) => c.key === q.officer)?.name ?? 'chosen'}`,
    );
  }
  if (q.week === 'overdue') parts.push('next step overdue');
  if (q.week === 'this-week') parts.push('next step due this week');
  if (q.week === 'due') parts.push('next step overdue or due this week');
  return parts.join(', ');
}

export function boardView(board: Board, q: BoardQuery) {
  const filters: Filters = {
    deadline: q.deadline,
    stage: q.stage,
    school: q.school,
    officer: q.officer,
    week: q.week,
  };
  const filtered = filterText(board, filters);
  return {
    pageTitle: 'Phase transfers',
    asOf: board.asOf,
    yearLabel: board.yearLabel,
    total: board.total,
    allHref: hrefOf({}),
    overdue: { n: board.overdue, href: hrefOf({ week: 'overdue' }) },
    thisWeek: { n: board.thisWeek, href: hrefOf({ week: 'this-week' }) },
    notTold: board.notTold,
    byDeadline: countRows(
      board.byDeadline,
      (deadline) => ({ deadline }),
      (c) => longDate(c.key),
    ),
    byStage: countRows(
      board.byStage,
      (stage) => ({ stage: stage as TransferStage }),
      (c) => TRANSFER_STAGE_LABELS[c.key as TransferStage],
    ),
    bySchool: countRows(board.bySchool, (school) => ({ school })),
    byOfficer: countRows(board.byOfficer, (officer) => ({ officer })),
    filtered,
    listTotal: board.list.total,
    rows: board.list.rows.map(rowView),
    pagination: govukPagination(board.list.page, board.list.pages, (page) => hrefOf({ ...filters, page })),
  };
}

// ---- One child's transfer: the family's pages and the caseworker's

type FamilyData = Awaited<ReturnType<TransfersService['familyTransfer']>>;
type ChildData = Awaited<ReturnType<TransfersService['childTransfer']>>;

const SOURCE_TEXT = { family: 'Stated online', review: 'Given at the transfer review' } as const;

function preferenceRows(prefs: FamilyData['preferences']) {
  return prefs.map((p) => ({
    name: p.name,
    received: longDate(p.received),
    source: SOURCE_TEXT[p.source],
    reasons: p.reasons ?? '',
  }));
}

function settingItems(choices: FamilyData['choices'], chosen: string | undefined) {
  return [
    { value: '', text: 'Choose a school, college or setting' },
    ...choices.map((c) => ({ value: c.id, text: c.name })),
    { value: OTHER_SETTING, text: 'Somewhere not in this list' },
  ].map((i) => ({ ...i, selected: i.value === (chosen ?? '') }));
}

/** The family's page: what will happen and by when, in plain words, and the preferences they have stated. */
export function familyView(data: FamilyData) {
  const e = data.entry;
  return {
    pageTitle: `${data.child.givenName}’s move to a new school or college`,
    childId: data.child.id,
    givenName: data.child.givenName,
    inCohort: e.inCohort,
    label: e.label,
    moveYear: e.inCohort ? e.moveYear : null,
    deadline: e.inCohort ? longDate(e.dates.deadline.date) : null,
    latestPreference: e.inCohort ? longDate(e.dates.latestPreference.date) : null,
    steps: e.inCohort
      ? familySteps(e.dates).map((s) => ({ ...s, by: longDate(s.by), past: s.by < data.today }))
      : [],
    preferences: preferenceRows(data.preferences),
    settingItems: (chosen?: string) => settingItems(data.choices, chosen),
    localOfferHref: withQuery(paths.localOffer.search, { category: 'education' }),
    otherValue: OTHER_SETTING,
  };
}

const DONE_TEXT: Readonly<Record<string, string>> = {
  preference: 'Preference recorded',
  destination: 'Where the child goes next recorded',
};

/** The caseworker's page for one child: the dates with their rules, the preferences, where the child goes next. */
export function childView(data: ChildData, done?: string) {
  const e = data.entry;
  const d = e.inCohort ? e.dates : null;
  return {
    pageTitle: `Phase transfer: ${data.child.givenName} ${data.child.familyName}`,
    childId: data.child.id,
    consultations: (data.consultation?.consultations ?? []).map((c) => ({
      name: c.consulteeName,
      href: paths.consultation.show(c.id),
      sent: longDate(c.sent),
      answer:
        c.answer === 'can-meet'
          ? `can meet the needs (${longDate(c.answered!)})`
          : c.answer === 'cannot-meet'
            ? `cannot: ${c.groundLabel ?? ''} (${longDate(c.answered!)})`
            : `no answer yet, due ${longDate(c.state.due.date)}`,
    })),
    amendmentsHref: data.consultation ? paths.amendments.plan(data.consultation.planId) : null,
    childHref: paths.children.show(data.child.id),
    reference: data.child.reference,
    school: data.child.setting.name,
    inCohort: e.inCohort,
    label: e.label,
    dates: d
      ? [
          { name: 'Legal deadline', d: d.deadline },
          { name: 'Latest proposal', d: d.latestProposal },
          { name: 'Consultation answers by', d: d.consultationResponsesBy },
          { name: 'Latest preference', d: d.latestPreference },
          { name: 'Latest transfer review', d: d.latestReview },
          { name: 'Review window opens', d: d.reviewFrom },
        ].map((x) => ({
          name: x.name,
          date: longDate(x.d.date),
          rule: x.d.rule,
          source: x.d.source,
          legal: x.d.statutory,
        }))
      : [],
    destination: data.destination
      ? {
          text: DESTINATION_LABELS[data.destination.destination],
          moveDate: data.destination.move_date ? longDate(data.destination.move_date) : null,
          recorded: longDate(data.destination.recorded_on),
        }
      : null,
    destinationItems: (chosen?: string) =>
      DESTINATIONS.map((value) => ({ value, text: DESTINATION_LABELS[value], checked: value === chosen })),
    preferences: preferenceRows(data.preferences),
    settingItems: (chosen?: string) => settingItems(data.choices, chosen),
    otherValue: OTHER_SETTING,
    mayWrite: data.mayWrite,
    done: done ? (DONE_TEXT[done] ?? null) : null,
  };
}
