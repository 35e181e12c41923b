/**
 * The only code that names the transfers feature's tables in SQL (migration 0048): the preferences a family states
 * for a child's next phase, and where a child goes when that changes the law's date. Setting names come from the
 * core records (src/platform/people), never joined here.
 */
import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import { idIn } from '../../platform/db/any-id.ts';
import type {
  TransferDestinationTable,
  TransferNoticeTable,
  TransferPreferenceTable,
} from '../../platform/db/schema/index.ts';

export type TransferPreferenceRow = Awaited<ReturnType<typeof preferencesOfChild>>[number];
export type TransferDestinationRow = NonNullable<Awaited<ReturnType<typeof destinationOf>>>;

/** A child's preferences for the cohort of one school year, in the order received. */
export function preferencesOfChild(db: Executor, laCode: string, childId: string, schoolYear: number) {
  return db
    .selectFrom('transfer_preference')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('school_year', '=', schoolYear)
    .orderBy('received')
    .orderBy('created_at')
    .execute();
}

/** Records a preference; a setting already asked for this child and year is not recorded twice (undefined). */
export async function insertTransferPreference(
  db: Executor,
  row: Insertable<TransferPreferenceTable>,
): Promise<string | undefined> {
  const made = await db
    .insertInto('transfer_preference')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['la_code', 'child_id', 'school_year', 'setting_id'])
        .where('setting_id', 'is not', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return made?.id;
}

/** For the board: these children's preferences for the year, received on or after `since`. */
export function transferPreferencesFor(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
  schoolYear: number,
  since: string,
): Promise<Array<{ child_id: string; received: string }>> {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('transfer_preference')
    .select(['child_id', 'received'])
    .where('la_code', '=', laCode)
    .where(idIn('child_id', childIds))
    .where('school_year', '=', schoolYear)
    .where('received', '>=', since)
    .execute();
}

export function destinationOf(db: Executor, laCode: string, childId: string, schoolYear: number) {
  return db
    .selectFrom('transfer_destination')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('school_year', '=', schoolYear)
    .executeTakeFirst();
}

/** Every destination recorded for the year's cohort (a few per authority: only where the law's date changes). */
export function destinationsOfYear(db: Executor, laCode: string, schoolYear: number) {
  return db
    .selectFrom('transfer_destination')
    .select(['child_id', 'destination', 'move_date'])
    .where('la_code', '=', laCode)
    .where('school_year', '=', schoolYear)
    .execute();
}

/** Records (or corrects) where the child goes; returns the row as it was before, if any. */
export async function saveDestination(
  db: Executor,
  row: Insertable<TransferDestinationTable>,
): Promise<TransferDestinationRow | undefined> {
  const before = await destinationOf(db, row.la_code, row.child_id, row.school_year);
  await db
    .insertInto('transfer_destination')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['la_code', 'child_id', 'school_year']).doUpdateSet({
        destination: row.destination,
        move_date: row.move_date ?? null,
        recorded_on: row.recorded_on,
        recorded_by: row.recorded_by ?? null,
        updated_at: new Date(),
      }),
    )
    .execute();
  return before;
}

/** The children whose family was told of the year's cohort (transfer_notice). */
export async function childrenTold(db: Executor, laCode: string, schoolYear: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('transfer_notice')
    .select('child_id')
    .where('la_code', '=', laCode)
    .where('school_year', '=', schoolYear)
    .execute();
  return new Set(rows.map((r) => r.child_id));
}

/** Records that the family was told; false if they already were this year. */
export async function insertNotice(db: Executor, row: Insertable<TransferNoticeTable>): Promise<boolean> {
  const made = await db
    .insertInto('transfer_notice')
    .values(row)
    .onConflict((oc) => oc.columns(['la_code', 'child_id', 'school_year']).doNothing())
    .returning('child_id')
    .executeTakeFirst();
  return made !== undefined;
}
