/** The only code that names plan_amendment in SQL (ADR 0017). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import type { PlanAmendmentTable } from '../../platform/db/schema/index.ts';
import { idIn } from '../../platform/db/any-id.ts';

export type AmendmentRow = Selectable<PlanAmendmentTable>;

/** A plan's amendments, newest first. */
export function amendmentsOf(db: Executor, laCode: string, planId: string): Promise<AmendmentRow[]> {
  return db
    .selectFrom('plan_amendment')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .orderBy('started_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export function amendmentById(db: Executor, laCode: string, id: string): Promise<AmendmentRow | undefined> {
  return db
    .selectFrom('plan_amendment')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The amendment of a plan whose proposal is out with the family now (the family's notice). */
export function openProposalOf(
  db: Executor,
  laCode: string,
  planId: string,
): Promise<AmendmentRow | undefined> {
  return db
    .selectFrom('plan_amendment')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .where('proposal_sent', 'is not', null)
    .where('amended_issued', 'is', null)
    .where('not_amended_on', 'is', null)
    .executeTakeFirst();
}

/** Every amendment still open in the authority, oldest first (the caseworker's list). */
export function openAmendments(db: Executor, laCode: string, limit = 200): Promise<AmendmentRow[]> {
  return db
    .selectFrom('plan_amendment')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('amended_issued', 'is', null)
    .where('not_amended_on', 'is', null)
    .orderBy('started_on')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Open amendments whose proposal was sent from `from` to `to` (their comments' reminders). */
export function proposalsSentBetween(db: Executor, laCode: string, from: string, to: string) {
  return db
    .selectFrom('plan_amendment')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('amended_issued', 'is', null)
    .where('not_amended_on', 'is', null)
    .where('proposal_sent', '>=', from)
    .where('proposal_sent', '<=', to)
    .orderBy('proposal_sent')
    .orderBy('id')
    .execute();
}

export async function insertAmendment(
  db: Executor,
  row: Insertable<PlanAmendmentTable>,
): Promise<AmendmentRow> {
  return db.insertInto('plan_amendment').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAmendment(
  db: Executor,
  laCode: string,
  id: string,
  set: Updateable<PlanAmendmentTable>,
): Promise<AmendmentRow> {
  return db
    .updateTable('plan_amendment')
    .set({ ...set, updated_at: new Date() })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * For the phase-transfer board (docs/transfers.md): these children's amendments with a proposal sent or an amended
 * plan issued on or after `since`.
 */
export function amendmentsForTransfers(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
  since: string,
): Promise<
  Array<Pick<AmendmentRow, 'child_id' | 'proposal_sent' | 'amended_issued' | 'amended_version_id'>>
> {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_amendment')
    .select(['child_id', 'proposal_sent', 'amended_issued', 'amended_version_id'])
    .where('la_code', '=', laCode)
    .where(idIn('child_id', childIds))
    .where((eb) => eb.or([eb('proposal_sent', '>=', since), eb('amended_issued', '>=', since)]))
    .execute();
}

/**
 * For the leaders' figures (docs/figures.md): amended plans issued after a review's decision to amend, from `since`
 * to `asOf`, with the review meeting and the day the proposal was sent (the clock's due date comes from them).
 */
export function amendmentsForFigures(
  db: Executor,
  laCode: string,
  since: string,
  asOf: string,
): Promise<
  Array<Pick<AmendmentRow, 'id' | 'child_id' | 'meeting_date' | 'proposal_sent' | 'amended_issued'>>
> {
  return db
    .selectFrom('plan_amendment')
    .select(['id', 'child_id', 'meeting_date', 'proposal_sent', 'amended_issued'])
    .where('la_code', '=', laCode)
    .where('trigger', '=', 'review')
    .where('amended_issued', '>=', since)
    .where('amended_issued', '<=', asOf)
    .orderBy('amended_issued')
    .orderBy('id')
    .execute();
}
