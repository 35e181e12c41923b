/**
 * The ceasing feature's store: plan_cessation (migration 0035) and plan_transfer_out (migration 0036), and nothing
 * else. The plans, the children and the reviews are read through their owners (service.ts). Moments of change are the
 * database's now(), so the SQL snapshot is stable.
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import type { PlanCessationTable, PlanTransferOutTable } from '../../platform/db/schema/index.ts';

export type CessationRow = Selectable<PlanCessationTable>;
export type TransferOutRow = Selectable<PlanTransferOutTable>;

/** The procedures of the plans named (or of the authority), oldest first. */
export function cessationsOf(
  db: Executor,
  laCode: string,
  planIds?: readonly string[],
): Promise<CessationRow[]> {
  if (planIds && planIds.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('plan_cessation').selectAll().where('la_code', '=', laCode);
  if (planIds) q = q.where('plan_id', 'in', planIds);
  return q.orderBy('plan_id').orderBy('started_on').orderBy('created_at').execute();
}

export function cessationById(db: Executor, laCode: string, id: string): Promise<CessationRow | undefined> {
  return db
    .selectFrom('plan_cessation')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Decisions to cease whose plan has not been recorded as ceased yet, and those recorded (the daily check). */
export function decidedToCease(db: Executor, laCode: string): Promise<CessationRow[]> {
  return db
    .selectFrom('plan_cessation')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('decision', '=', 'cease')
    .orderBy('plan_id')
    .orderBy('decision_date')
    .execute();
}

export function insertCessation(trx: Executor, row: Insertable<PlanCessationTable>): Promise<CessationRow> {
  return trx.insertInto('plan_cessation').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateCessation(
  trx: Executor,
  laCode: string,
  id: string,
  change: Omit<Updateable<PlanCessationTable>, 'la_code' | 'id' | 'plan_id' | 'child_id'>,
): Promise<CessationRow> {
  return trx
    .updateTable('plan_cessation')
    .set({ ...change, updated_at: sql`now()` })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function transfersOut(
  db: Executor,
  laCode: string,
  planIds?: readonly string[],
): Promise<TransferOutRow[]> {
  if (planIds && planIds.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('plan_transfer_out').selectAll().where('la_code', '=', laCode);
  if (planIds) q = q.where('plan_id', 'in', planIds);
  return q.orderBy('plan_id').execute();
}

/** Records (or corrects) a plan's transfer out. */
export function saveTransferOut(
  trx: Executor,
  row: Insertable<PlanTransferOutTable>,
): Promise<TransferOutRow> {
  return trx
    .insertInto('plan_transfer_out')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['la_code', 'plan_id']).doUpdateSet({
        learned_on: row.learned_on,
        move_date: row.move_date ?? null,
        to_authority: row.to_authority,
        to_authority_code: row.to_authority_code ?? null,
        sent_on: row.sent_on ?? null,
        health_told_on: row.health_told_on ?? null,
        recorded_by: row.recorded_by ?? null,
        updated_at: sql`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function setTransferLeft(
  trx: Executor,
  laCode: string,
  planId: string,
  leftOn: string | null,
): Promise<unknown> {
  return trx
    .updateTable('plan_transfer_out')
    .set({ left_on: leftOn, updated_at: sql`now()` })
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .execute();
}
