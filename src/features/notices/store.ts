/**
 * The only code that names `organisation_inbox_item` in SQL: decisions sent to organisations (migration 0018).
 */
import type { Executor } from '../../platform/audit/audit.ts';
import type { InboxKind, InboxReason } from '../../platform/db/schema/index.ts';
import type { PlanLetterKind } from './letters.ts';

export interface NewInboxItem {
  readonly organisationId: string;
  readonly childId: string;
  readonly caseId: string;
  readonly kind: InboxKind;
  readonly decisionDate: string;
  readonly reason: InboxReason;
  readonly email: string | null;
}

/** Adds an item; an organisation gets one item per case and decision (a repeat changes nothing). */
export async function insertInboxItem(db: Executor, laCode: string, item: NewInboxItem): Promise<boolean> {
  const row = await db
    .insertInto('organisation_inbox_item')
    .values({
      la_code: laCode,
      organisation_id: item.organisationId,
      child_id: item.childId,
      case_id: item.caseId,
      kind: item.kind,
      decision_date: item.decisionDate,
      reason: item.reason,
      email: item.email,
    })
    .onConflict((oc) => oc.columns(['la_code', 'organisation_id', 'case_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The item of this decision in an organisation's inbox, if it was sent there. */
export function inboxItem(
  db: Executor,
  laCode: string,
  organisationId: string,
  caseId: string,
  kind: InboxKind,
) {
  return db
    .selectFrom('organisation_inbox_item')
    .select(['id', 'read_at'])
    .where('la_code', '=', laCode)
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** The organisations a decision was sent to, with why. */
export function recipientsOf(db: Executor, laCode: string, caseId: string, kind: InboxKind) {
  return db
    .selectFrom('organisation_inbox_item')
    .select(['organisation_id', 'reason', 'email'])
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .orderBy('reason')
    .execute();
}

/** An organisation's inbox, newest first. */
export function inboxOf(db: Executor, laCode: string, organisationId: string, limit = 100) {
  return db
    .selectFrom('organisation_inbox_item')
    .select(['id', 'case_id', 'child_id', 'kind', 'decision_date', 'reason', 'read_at', 'created_at'])
    .where('la_code', '=', laCode)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markRead(db: Executor, laCode: string, itemId: string, userId: string): Promise<void> {
  await db
    .updateTable('organisation_inbox_item')
    .set({ read_at: new Date(), read_by: userId })
    .where('la_code', '=', laCode)
    .where('id', '=', itemId)
    .where('read_at', 'is', null)
    .execute();
}

/** The only code that names `plan_letter_inbox_item` (migration 0041): letters about a plan sent to organisations. */
export interface NewLetterInboxItem {
  readonly organisationId: string;
  readonly childId: string;
  readonly planId: string;
  readonly kind: PlanLetterKind;
  readonly recordId: string;
  readonly letterDate: string;
  readonly reason: InboxReason;
  readonly email: string | null;
}

/** Adds a letter to an organisation's inbox; one item per organisation, letter and record (a repeat changes nothing). */
export async function insertLetterInboxItem(
  db: Executor,
  laCode: string,
  item: NewLetterInboxItem,
): Promise<boolean> {
  const row = await db
    .insertInto('plan_letter_inbox_item')
    .values({
      la_code: laCode,
      organisation_id: item.organisationId,
      child_id: item.childId,
      plan_id: item.planId,
      kind: item.kind,
      record_id: item.recordId,
      letter_date: item.letterDate,
      reason: item.reason,
      email: item.email,
    })
    .onConflict((oc) => oc.columns(['la_code', 'organisation_id', 'kind', 'record_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The item of this letter in an organisation's inbox, if it was sent there. */
export function letterInboxItem(
  db: Executor,
  laCode: string,
  organisationId: string,
  kind: PlanLetterKind,
  recordId: string,
) {
  return db
    .selectFrom('plan_letter_inbox_item')
    .select(['id', 'read_at'])
    .where('la_code', '=', laCode)
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', kind)
    .where('record_id', '=', recordId)
    .executeTakeFirst();
}

/** The organisations a letter was sent to, with why. */
export function letterRecipientsOf(db: Executor, laCode: string, kind: PlanLetterKind, recordId: string) {
  return db
    .selectFrom('plan_letter_inbox_item')
    .select(['organisation_id', 'reason', 'email'])
    .where('la_code', '=', laCode)
    .where('kind', '=', kind)
    .where('record_id', '=', recordId)
    .orderBy('reason')
    .execute();
}

/** The letters in an organisation's inbox, newest first. */
export function letterInboxOf(db: Executor, laCode: string, organisationId: string, limit = 100) {
  return db
    .selectFrom('plan_letter_inbox_item')
    .select(['id', 'kind', 'record_id', 'child_id', 'letter_date', 'reason', 'read_at', 'created_at'])
    .where('la_code', '=', laCode)
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markLetterRead(
  db: Executor,
  laCode: string,
  itemId: string,
  userId: string,
): Promise<void> {
  await db
    .updateTable('plan_letter_inbox_item')
    .set({ read_at: new Date(), read_by: userId })
    .where('la_code', '=', laCode)
    .where('id', '=', itemId)
    .where('read_at', 'is', null)
    .execute();
}
