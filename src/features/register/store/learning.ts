/**
 * The only code that names register_learning in SQL (migration 0069, ADR 0047): what was learnt from a theme, an
 * item or a tribunal appeal, and the improvement plan action it went to. The item's reference is the register's own;
 * the appeal and the action are other features' records, kept here by id and read through their public surfaces.
 */
import type { Executor } from '../../../platform/audit/audit.ts';
import type { LearningSource, RegisterTheme } from '../../../platform/db/schema/index.ts';

export interface LearningRow {
  id: string;
  source: LearningSource;
  theme: RegisterTheme | null;
  item_id: string | null;
  disagreement_id: string | null;
  learnt: string;
  improvement_action_id: string;
  raised_by: string | null;
  raised_on: string;
}

const COLUMNS = [
  'id',
  'source',
  'theme',
  'item_id',
  'disagreement_id',
  'learnt',
  'improvement_action_id',
  'raised_by',
  'raised_on',
] as const;

export async function insertLearning(
  trx: Executor,
  laCode: string,
  l: Omit<LearningRow, 'id'>,
): Promise<string> {
  const row = await trx
    .insertInto('register_learning')
    .values({ la_code: laCode, ...l })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A page of what was learnt, newest first, and how many there are. */
export async function listLearning(db: Executor, laCode: string, page: number, size: number) {
  const rows = await db
    .selectFrom('register_learning')
    .select(COLUMNS)
    .where('la_code', '=', laCode)
    .orderBy('raised_on', 'desc')
    .orderBy('id')
    .limit(size)
    .offset((page - 1) * size)
    .execute();
  const total = await db
    .selectFrom('register_learning')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('la_code', '=', laCode)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** What was learnt from one register item (its page). */
export function learningOfItem(db: Executor, laCode: string, itemId: string): Promise<LearningRow[]> {
  return db
    .selectFrom('register_learning')
    .select(COLUMNS)
    .where('la_code', '=', laCode)
    .where('item_id', '=', itemId)
    .orderBy('raised_on')
    .orderBy('id')
    .execute();
}

/** What was sent to one improvement plan action (its page), newest first. */
export function learningOfAction(db: Executor, laCode: string, actionId: string): Promise<LearningRow[]> {
  return db
    .selectFrom('register_learning')
    .select(COLUMNS)
    .where('la_code', '=', laCode)
    .where('improvement_action_id', '=', actionId)
    .orderBy('raised_on', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
}
