/**
 * The review meeting's store (migration 0031, ADR 0015): who was invited to a review, the meeting's record, and the
 * reviews at one school for its SENCO's first screen (on plan_review_schedule and plan_review, this feature's own).
 */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../platform/audit/audit.ts';
import type {
  PlanReviewInviteeTable,
  PlanReviewMeetingTable,
  PlanReviewTable,
} from '../../../platform/db/schema/index.ts';
import { onTenant } from '../../../platform/db/tenant.ts';

export type InviteeRow = Selectable<PlanReviewInviteeTable>;
export type MeetingRow = Selectable<PlanReviewMeetingTable>;

/** Everyone invited to these reviews, in the order they were invited. */
export function inviteesOf(
  db: Executor,
  laCode: string,
  reviewIds: readonly string[],
): Promise<InviteeRow[]> {
  if (reviewIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_review_invitee')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('review_id', 'in', reviewIds)
    .orderBy('review_id')
    .orderBy('invited_on')
    .orderBy('created_at')
    .orderBy('email')
    .execute();
}

export async function insertInvitees(
  trx: Executor,
  rows: readonly Insertable<PlanReviewInviteeTable>[],
): Promise<InviteeRow[]> {
  if (rows.length === 0) return [];
  return trx.insertInto('plan_review_invitee').values(rows).returningAll().execute();
}

export async function setAttendance(
  trx: Executor,
  laCode: string,
  reviewId: string,
  inviteeId: string,
  attendance: NonNullable<InviteeRow['attendance']>,
): Promise<void> {
  await trx
    .updateTable('plan_review_invitee')
    .set({ attendance })
    .where('la_code', '=', laCode)
    .where('review_id', '=', reviewId)
    .where('id', '=', inviteeId)
    .execute();
}

/** Whether an account was invited to a review (an invitee may read its report). */
export async function isInvitee(
  db: Executor,
  laCode: string,
  reviewId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('plan_review_invitee')
    .select('id')
    .where('la_code', '=', laCode)
    .where('review_id', '=', reviewId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export function meetingOf(db: Executor, laCode: string, reviewId: string): Promise<MeetingRow | undefined> {
  return db
    .selectFrom('plan_review_meeting')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('review_id', '=', reviewId)
    .executeTakeFirst();
}

export async function insertMeeting(trx: Executor, row: Insertable<PlanReviewMeetingTable>): Promise<void> {
  await trx.insertInto('plan_review_meeting').values(row).execute();
}

type Nullable<T> = { [K in keyof T]: T[K] | null };
type ReviewColumns = Nullable<
  Pick<
    Selectable<PlanReviewTable>,
    'meeting_date' | 'invitations_sent' | 'advice_circulated' | 'held' | 'report_sent' | 'arranged_by'
  >
>;

export interface SchoolReviewRow extends ReviewColumns {
  readonly plan_id: string;
  readonly child_id: string;
  /** The plan's main setting (another school's for a child dual-registered at this one). */
  readonly setting_id: string | null;
  readonly next_number: number;
  readonly next_due: string;
  readonly review_id: string | null;
  readonly invitees: number;
}

/**
 * The reviews at one school a SENCO acts on: each plan at the setting whose next review is due by `until` (overdue
 * included) or whose open review meets by then, and each review of a plan at the setting held but whose report is not
 * yet sent; and the reviews due or meeting by then of children dual-registered at the setting (read only: their main
 * setting arranges them and sends the report). Soonest due first; at most `limit` of each.
 */
export async function schoolReviews(
  db: Executor,
  laCode: string,
  settingId: string,
  until: string,
  limit: number,
  /** Children dual-registered at the setting: their reviews are listed too (their main setting arranges them). */
  dualChildIds: readonly string[] = [],
): Promise<{ due: SchoolReviewRow[]; awaitingReport: SchoolReviewRow[] }> {
  const due = await db
    .selectFrom('plan_review_schedule as s')
    .leftJoin('plan_review as r', onTenant('r.id', 's.open_review_id'))
    .select((eb) => [
      's.plan_id',
      's.child_id',
      's.setting_id',
      's.next_number',
      's.next_due',
      'r.id as review_id',
      'r.meeting_date',
      'r.invitations_sent',
      'r.advice_circulated',
      'r.held',
      'r.report_sent',
      'r.arranged_by',
      eb
        .selectFrom('plan_review_invitee as i')
        .select((c) => c.fn.countAll<string>().as('n'))
        .whereRef('i.la_code', '=', 'r.la_code')
        .whereRef('i.review_id', '=', 'r.id')
        .as('invitees'),
      eb.fn.coalesce('r.meeting_date', 's.next_due').as('sort_day'),
    ])
    .where('s.la_code', '=', laCode)
    .where((eb) =>
      dualChildIds.length
        ? eb.or([eb('s.setting_id', '=', settingId), eb('s.child_id', 'in', dualChildIds)])
        : eb('s.setting_id', '=', settingId),
    )
    .where((eb) => eb.or([eb('s.next_due', '<=', until), eb('r.meeting_date', '<=', until)]))
    .orderBy('sort_day')
    .orderBy('s.plan_id')
    .limit(limit)
    .execute();
  const awaiting = await db
    .selectFrom('plan_review as r')
    .innerJoin('plan_review_schedule as s', onTenant('s.plan_id', 'r.plan_id'))
    .select((eb) => [
      's.plan_id',
      's.child_id',
      's.setting_id',
      'r.number as next_number',
      's.next_due',
      'r.id as review_id',
      'r.meeting_date',
      'r.invitations_sent',
      'r.advice_circulated',
      'r.held',
      'r.report_sent',
      'r.arranged_by',
      eb
        .selectFrom('plan_review_invitee as i')
        .select((c) => c.fn.countAll<string>().as('n'))
        .whereRef('i.la_code', '=', 'r.la_code')
        .whereRef('i.review_id', '=', 'r.id')
        .as('invitees'),
    ])
    .where('r.la_code', '=', laCode)
    .where('s.setting_id', '=', settingId)
    .where('r.held', 'is not', null)
    .where('r.report_sent', 'is', null)
    .orderBy('r.held')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  const count = (n: unknown) => Number(n ?? 0);
  return {
    due: due.map(({ sort_day: _sort, ...r }) => ({ ...r, invitees: count(r.invitees) })),
    awaitingReport: awaiting.map((r) => ({ ...r, invitees: count(r.invitees) })),
  };
}
