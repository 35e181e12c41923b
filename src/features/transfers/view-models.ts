/** The cohort board's page data: pure functions of the service's board and the query. */
import { z } from 'zod';
import { longDate } from '../../domain/calendar.ts';
import { TRANSFER_STAGE_LABELS, TRANSFER_STAGES, type TransferStage } from '../../domain/transfer/index.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import type { Board, BoardQuery, CohortRow, Count } from './service.ts';

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
    href: paths.children.show(r.child.id),
    name: `${r.child.givenName} ${r.child.familyName}`,
    reference: r.child.reference,
    yearGroup: r.yearGroup,
    school: r.child.setting.name,
    officer: r.child.officerName ?? 'No lead officer',
    deadline: longDate(r.dates.deadline.date),
    deadlineRule: r.dates.deadline.rule,
    stage: {
      text: r.namedLate ? 'Late (named after the deadline)' : TRANSFER_STAGE_LABELS[r.stage],
      classes: STAGE_CLASSES[r.stage],
    },
    action: r.next.action,
    by: r.next.by ? longDate(r.next.by) : '',
    byKind: r.next.by ? (r.next.statutory ? 'legal deadline' : 'planning date') : '',
    urgency: URGENCY_TAGS[r.next.urgency],
    warning: r.next.warning,
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
