/**
 * The only code that names the disagreement resolution tables in SQL (disagreement_resolution,
 * disagreement_resolution_obligation; migration 0068, ADR 0047). Children and users are the core records': this
 * store keeps their ids.
 */
import { sql } from 'kysely';
import type { Executor } from '../../../platform/audit/audit.ts';
import type { ResolutionOutcome, ResolutionRequester } from '../../../platform/db/schema/index.ts';

export interface ResolutionRow {
  id: string;
  child_id: string;
  item_id: string | null;
  requested_by: ResolutionRequester;
  requested_on: string;
  provider: string;
  parties: string;
  about: string;
  held_on: string | null;
  outcome: ResolutionOutcome;
  agreement: string | null;
  recorded_by: string | null;
}

const RESOLUTION_COLUMNS = [
  'id',
  'child_id',
  'item_id',
  'requested_by',
  'requested_on',
  'provider',
  'parties',
  'about',
  'held_on',
  'outcome',
  'agreement',
  'recorded_by',
] as const;

export interface ObligationRow {
  id: string;
  resolution_id: string;
  child_id: string;
  what: string;
  due: string;
  assigned_to: string | null;
  done_on: string | null;
  done_note: string | null;
}

const OBLIGATION_COLUMNS = [
  'id',
  'resolution_id',
  'child_id',
  'what',
  'due',
  'assigned_to',
  'done_on',
  'done_note',
] as const;

export async function insertResolution(
  trx: Executor,
  laCode: string,
  r: Omit<ResolutionRow, 'id'> & { id?: string },
): Promise<string> {
  const row = await trx
    .insertInto('disagreement_resolution')
    .values({ la_code: laCode, ...r })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertObligation(
  trx: Executor,
  laCode: string,
  /** The id given only by the demo (the same ids on every seeding). */
  o: Omit<ObligationRow, 'id' | 'done_on' | 'done_note'> & { id?: string },
): Promise<string> {
  const row = await trx
    .insertInto('disagreement_resolution_obligation')
    .values({ la_code: laCode, ...o })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function resolutionById(db: Executor, laCode: string, id: string): Promise<ResolutionRow | undefined> {
  return db
    .selectFrom('disagreement_resolution')
    .select(RESOLUTION_COLUMNS)
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Which records a list shows: asked for in [from, to], with one outcome. */
export interface ResolutionFilter {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly outcome?: ResolutionOutcome | undefined;
}

/** A page of records (those the filter keeps), newest request first, and how many there are. */
export async function listResolutions(
  db: Executor,
  laCode: string,
  page: number,
  size: number,
  filter: ResolutionFilter = {},
) {
  let q = db.selectFrom('disagreement_resolution').where('la_code', '=', laCode);
  if (filter.from) q = q.where('requested_on', '>=', filter.from);
  if (filter.to) q = q.where('requested_on', '<=', filter.to);
  if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
  const rows = await q
    .select(RESOLUTION_COLUMNS)
    .orderBy('requested_on', 'desc')
    .orderBy('id')
    .limit(size)
    .offset((page - 1) * size)
    .execute();
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

export interface ResolutionCountRow {
  readonly key: string;
  readonly n: number;
}

/** Records asked for in [from, to], counted by month asked for ('YYYY-MM') and by outcome. */
export async function countResolutions(db: Executor, laCode: string, from: string, to: string) {
  const inPeriod = db
    .selectFrom('disagreement_resolution')
    .where('la_code', '=', laCode)
    .where('requested_on', '>=', from)
    .where('requested_on', '<=', to);
  const month = sql<string>`substr(cast(requested_on as text), 1, 7)`;
  const byMonth = await inPeriod
    .select([month.as('key'), (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(month)
    .orderBy('key')
    .execute();
  const byOutcome = await inPeriod
    .select(['outcome as key', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('outcome')
    .orderBy('outcome')
    .execute();
  const rows = (r: ReadonlyArray<{ key: string; n: string | number | bigint }>): ResolutionCountRow[] =>
    r.map((x) => ({ key: x.key, n: Number(x.n) }));
  return { byMonth: rows(byMonth), byOutcome: rows(byOutcome) };
}

/** A page of what agreements oblige that is past its date and not done (as of today), soonest first, and how many. */
export async function overdueObligations(
  db: Executor,
  laCode: string,
  today: string,
  page: number,
  size: number,
) {
  const q = db
    .selectFrom('disagreement_resolution_obligation')
    .where('la_code', '=', laCode)
    .where('done_on', 'is', null)
    .where('due', '<', today);
  const rows = await q
    .select(OBLIGATION_COLUMNS)
    .orderBy('due')
    .orderBy('id')
    .limit(size)
    .offset((page - 1) * size)
    .execute();
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** The records about these children (a family's own), newest request first. */
export function resolutionsOfChildren(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
): Promise<ResolutionRow[]> {
  if (!childIds.length) return Promise.resolve([]);
  return db
    .selectFrom('disagreement_resolution')
    .select(RESOLUTION_COLUMNS)
    .where('la_code', '=', laCode)
    .where('child_id', 'in', childIds)
    .orderBy('requested_on', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
}

export function obligationsOf(
  db: Executor,
  laCode: string,
  resolutionIds: readonly string[],
): Promise<ObligationRow[]> {
  if (!resolutionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('disagreement_resolution_obligation')
    .select(OBLIGATION_COLUMNS)
    .where('la_code', '=', laCode)
    .where('resolution_id', 'in', resolutionIds)
    .orderBy('due')
    .orderBy('id')
    .execute();
}

/** One officer's obligations not yet done, soonest first. */
export function openObligationsOf(db: Executor, laCode: string, userId: string): Promise<ObligationRow[]> {
  return db
    .selectFrom('disagreement_resolution_obligation')
    .select(OBLIGATION_COLUMNS)
    .where('la_code', '=', laCode)
    .where('assigned_to', '=', userId)
    .where('done_on', 'is', null)
    .orderBy('due')
    .orderBy('id')
    .limit(200)
    .execute();
}

/** Marks an obligation done; false when it already was (a second tab). */
export async function markObligationDone(
  trx: Executor,
  laCode: string,
  id: string,
  on: string,
  note: string,
): Promise<boolean> {
  const row = await trx
    .updateTable('disagreement_resolution_obligation')
    .set({ done_on: on, done_note: note })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .where('done_on', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

/** A register item by its reference (FR-00001), with its child: the record it came from. */
export function itemByReference(db: Executor, laCode: string, reference: string) {
  return db
    .selectFrom('register_item')
    .select(['id', 'reference', 'child_id'])
    .where('la_code', '=', laCode)
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/** The references of these register items. */
export async function itemReferences(db: Executor, laCode: string, ids: readonly string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('register_item')
    .select(['id', 'reference'])
    .where('la_code', '=', laCode)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.reference]));
}
