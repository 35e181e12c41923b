/**
 * The reminders before a review's dates (migration 0063; docs/reviews.md "Reminders"): what is waiting and who has
 * been reminded. The only code that names plan_review_reminder in SQL.
 */
import type { Executor } from '../../../platform/audit/audit.ts';
import { onTenant } from '../../../platform/db/tenant.ts';
import type { PlanReviewReminderTable } from '../../../platform/db/schema/index.ts';

export type ReminderKind = PlanReviewReminderTable['kind'];

/** Who is reminded: an account, or a family member without one (reached by email or post; migration 0071). */
export type ReminderWho = { readonly userId: string } | { readonly familyMemberId: string };

/**
 * Claims a reminder: true when it had not been sent (the row is written in the caller's transaction, with the
 * message), false when it had. The same person is reminded again only of a different date.
 */
export async function claimReminder(
  trx: Executor,
  r: { laCode: string; kind: ReminderKind; recordId: string; childId: string; due: string } & ReminderWho,
): Promise<boolean> {
  const values = {
    la_code: r.laCode,
    kind: r.kind,
    record_id: r.recordId,
    child_id: r.childId,
    due: r.due,
  };
  const row =
    'userId' in r
      ? await trx
          .insertInto('plan_review_reminder')
          .values({ ...values, user_id: r.userId })
          .onConflict((oc) => oc.columns(['la_code', 'kind', 'record_id', 'user_id', 'due']).doNothing())
          .returning('id')
          .executeTakeFirst()
      : await trx
          .insertInto('plan_review_reminder')
          .values({ ...values, family_member_id: r.familyMemberId })
          .onConflict((oc) =>
            oc
              .columns(['la_code', 'kind', 'record_id', 'family_member_id', 'due'])
              .where('family_member_id', 'is not', null)
              .doNothing(),
          )
          .returning('id')
          .executeTakeFirst();
  return row !== undefined;
}

/**
 * Review advice still waiting, due from `from` to `to`, of reviews not yet held or decided, with no reminder of that
 * due date sent yet.
 */
export function adviceAwaitingReminder(db: Executor, laCode: string, from: string, to: string) {
  return db
    .selectFrom('plan_review_advice as a')
    .innerJoin('plan_review as r', onTenant('r.id', 'a.review_id'))
    .select([
      'a.id',
      'a.review_id',
      'a.child_id',
      'a.agency',
      'a.due',
      'a.professional_user_id',
      'r.meeting_date',
    ])
    .where('a.la_code', '=', laCode)
    .where('a.received', 'is', null)
    .where('a.due', '>=', from)
    .where('a.due', '<=', to)
    .where('r.held', 'is', null)
    .where('r.decision', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('plan_review_reminder as m')
            .select('m.id')
            .whereRef('m.la_code', '=', 'a.la_code')
            .whereRef('m.record_id', '=', 'a.id')
            .whereRef('m.user_id', '=', 'a.professional_user_id')
            .whereRef('m.due', '=', 'a.due')
            .where('m.kind', '=', 'review-advice'),
        ),
      ),
    )
    .orderBy('a.due')
    .orderBy('a.id')
    .execute();
}

/** Reviews not yet held or decided whose meeting is from `from` to `to` (their views are asked 2 weeks before). */
export function reviewsMeetingBetween(db: Executor, laCode: string, from: string, to: string) {
  return db
    .selectFrom('plan_review')
    .select(['id', 'child_id', 'plan_id', 'meeting_date'])
    .where('la_code', '=', laCode)
    .where('held', 'is', null)
    .where('decision', 'is', null)
    .where('meeting_date', '>=', from)
    .where('meeting_date', '<=', to)
    .orderBy('meeting_date')
    .orderBy('id')
    .execute();
}

/** Who has sent their views for each of these reviews. */
export async function viewAuthorsOf(db: Executor, laCode: string, reviewIds: readonly string[]) {
  if (reviewIds.length === 0) return new Map<string, Set<string>>();
  const rows = await db
    .selectFrom('plan_review_view')
    .select(['review_id', 'author_user_id'])
    .where('la_code', '=', laCode)
    .where('review_id', 'in', reviewIds)
    .where('sent_on', 'is not', null)
    .execute();
  const by = new Map<string, Set<string>>();
  for (const r of rows) by.set(r.review_id, (by.get(r.review_id) ?? new Set()).add(r.author_user_id));
  return by;
}
