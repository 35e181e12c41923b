/**
 * The only code that names the register's tables in SQL (register_policy, register_item, register_item_theme,
 * register_task, register_you_said). Children, teams and users are the core records': this store keeps their ids
 * and asks src/platform/people for anything more.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/audit/audit.ts';
import { onTenant } from '../../platform/db/tenant.ts';
import type { Tx } from '../../platform/change/change.ts';
import type {
  RegisterChannel,
  RegisterKind,
  RegisterOutcome,
  RegisterTheme,
} from '../../platform/db/schema/index.ts';
import type { RegisterPolicy } from '../../domain/register/index.ts';

export interface ItemRow {
  id: string;
  reference: string;
  kind: RegisterKind;
  channel: RegisterChannel;
  child_id: string | null;
  raised_by: string | null;
  recorded_by: string | null;
  raiser_name: string;
  raiser_contact: string | null;
  summary: string;
  provision: string | null;
  received_on: string;
  owner_id: string | null;
  team_id: string | null;
  ethnicity: string | null;
  first_language: string | null;
  acknowledged_on: string | null;
  answered_on: string | null;
  answer: string | null;
  outcome: RegisterOutcome | null;
  stage2_requested_on: string | null;
  stage2_answered_on: string | null;
  stage2_answer: string | null;
  stage2_outcome: RegisterOutcome | null;
  ombudsman_on: string | null;
  withdrawn_on: string | null;
}

const ITEM_COLUMNS = [
  'id',
  'reference',
  'kind',
  'channel',
  'child_id',
  'raised_by',
  'recorded_by',
  'raiser_name',
  'raiser_contact',
  'summary',
  'provision',
  'received_on',
  'owner_id',
  'team_id',
  'ethnicity',
  'first_language',
  'acknowledged_on',
  'answered_on',
  'answer',
  'outcome',
  'stage2_requested_on',
  'stage2_answered_on',
  'stage2_answer',
  'stage2_outcome',
  'ombudsman_on',
  'withdrawn_on',
] as const;

// ------------------------------------------------------------------------------------------------ the policy

export async function policyRow(db: Executor, laCode: string): Promise<RegisterPolicy | undefined> {
  const row = await db
    .selectFrom('register_policy')
    .select(['acknowledge_days', 'concern_days', 'stage1_days', 'stage2_days', 'provision_task_days'])
    .where('la_code', '=', laCode)
    .executeTakeFirst();
  return row
    ? {
        acknowledgeDays: row.acknowledge_days,
        concernDays: row.concern_days,
        stage1Days: row.stage1_days,
        stage2Days: row.stage2_days,
        provisionTaskDays: row.provision_task_days,
      }
    : undefined;
}

export async function savePolicy(trx: Tx, laCode: string, p: RegisterPolicy, userId: string): Promise<void> {
  const values = {
    acknowledge_days: p.acknowledgeDays,
    concern_days: p.concernDays,
    stage1_days: p.stage1Days,
    stage2_days: p.stage2Days,
    provision_task_days: p.provisionTaskDays,
    updated_by: userId,
    updated_at: sql<Date>`now()`,
  };
  await trx
    .insertInto('register_policy')
    .values({ la_code: laCode, ...values })
    .onConflict((oc) => oc.column('la_code').doUpdateSet(values))
    .execute();
}

// ------------------------------------------------------------------------------------------------ items

export interface NewItem {
  kind: RegisterKind;
  channel: RegisterChannel;
  childId: string | null;
  raisedBy: string | null;
  recordedBy: string | null;
  raiserName: string;
  raiserContact: string | null;
  summary: string;
  provision: string | null;
  receivedOn: string;
  ownerId: string | null;
  teamId: string | null;
  ethnicity: string | null;
  firstLanguage: string | null;
  addressKey: string | null;
  /** Given only by the demo (the same ids on every seeding); default a random one. */
  id?: string;
}

/** The next reference of the authority's register: FR- and a number one more than the items so far. */
async function nextReference(trx: Tx, laCode: string): Promise<string> {
  const row = await trx
    .selectFrom('register_item')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('la_code', '=', laCode)
    .executeTakeFirstOrThrow();
  return `FR-${String(Number(row.n) + 1).padStart(5, '0')}`;
}

export async function insertItem(
  trx: Tx,
  laCode: string,
  item: NewItem,
): Promise<{ id: string; reference: string }> {
  const reference = await nextReference(trx, laCode);
  const row = await trx
    .insertInto('register_item')
    .values({
      la_code: laCode,
      ...(item.id ? { id: item.id } : {}),
      reference,
      kind: item.kind,
      channel: item.channel,
      child_id: item.childId,
      raised_by: item.raisedBy,
      recorded_by: item.recordedBy,
      raiser_name: item.raiserName,
      raiser_contact: item.raiserContact,
      summary: item.summary,
      provision: item.provision,
      received_on: item.receivedOn,
      owner_id: item.ownerId,
      team_id: item.teamId,
      ethnicity: item.ethnicity,
      first_language: item.firstLanguage,
      address_key: item.addressKey,
      updated_at: sql<Date>`now()`,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function setThemes(
  trx: Tx,
  laCode: string,
  itemId: string,
  themes: readonly RegisterTheme[],
): Promise<void> {
  await trx
    .deleteFrom('register_item_theme')
    .where('la_code', '=', laCode)
    .where('item_id', '=', itemId)
    .execute();
  if (themes.length)
    await trx
      .insertInto('register_item_theme')
      .values(themes.map((theme) => ({ la_code: laCode, item_id: itemId, theme })))
      .execute();
}

export async function themesOf(
  db: Executor,
  laCode: string,
  itemIds: readonly string[],
): Promise<Map<string, RegisterTheme[]>> {
  const map = new Map<string, RegisterTheme[]>();
  if (!itemIds.length) return map;
  const rows = await db
    .selectFrom('register_item_theme')
    .select(['item_id', 'theme'])
    .where('la_code', '=', laCode)
    .where('item_id', 'in', itemIds)
    .orderBy('item_id')
    .orderBy('theme')
    .execute();
  for (const r of rows) map.set(r.item_id, [...(map.get(r.item_id) ?? []), r.theme]);
  return map;
}

/** The references of these items, by id (a caseworker's open tasks, in one query). */
export async function itemReferences(
  db: Executor,
  laCode: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('register_item')
    .select(['id', 'reference'])
    .where('la_code', '=', laCode)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.reference]));
}

export async function itemById(db: Executor, laCode: string, id: string): Promise<ItemRow | undefined> {
  return db
    .selectFrom('register_item')
    .select(ITEM_COLUMNS)
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type ItemChange = Partial<
  Pick<
    ItemRow,
    | 'owner_id'
    | 'acknowledged_on'
    | 'answered_on'
    | 'answer'
    | 'outcome'
    | 'stage2_requested_on'
    | 'stage2_answered_on'
    | 'stage2_answer'
    | 'stage2_outcome'
    | 'ombudsman_on'
    | 'withdrawn_on'
  >
>;

export async function updateItem(trx: Tx, laCode: string, id: string, change: ItemChange): Promise<void> {
  await trx
    .updateTable('register_item')
    .set({ ...change, updated_at: sql<Date>`now()` })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .execute();
}

export interface ItemFilters {
  /**
   * 'open': acknowledgement or an answer owed; 'closed': the rest. ('overdue', open items past their next date, is
   * the service's: the dates are the clock's working days, so it filters the open items.)
   */
  readonly status?: 'open' | 'overdue' | 'closed' | undefined;
  readonly kind?: RegisterKind | undefined;
  readonly ownerId?: string | undefined;
  readonly theme?: RegisterTheme | undefined;
  /** Received on or after this day (the first screen's counts of the last 12 months). */
  readonly from?: string | undefined;
}

/** Open in the domain's sense (src/domain/register isOpen), in SQL: not withdrawn nor with the Ombudsman, and owed. */
const openSql = sql<boolean>`(withdrawn_on is null and ombudsman_on is null and (
  acknowledged_on is null
  or (kind <> 'compliment' and answered_on is null)
  or (stage2_requested_on is not null and stage2_answered_on is null)))`;

/** A page of the authority's items, oldest received first among open ones, newest first otherwise. */
export async function listItems(
  db: Executor,
  laCode: string,
  filters: ItemFilters,
  page: number,
  pageSize: number,
): Promise<{ rows: ItemRow[]; total: number }> {
  let q = db.selectFrom('register_item').where('la_code', '=', laCode);
  if (filters.status === 'open' || filters.status === 'overdue') q = q.where(openSql);
  if (filters.status === 'closed') q = q.where(sql<boolean>`not ${openSql}`);
  if (filters.kind) q = q.where('kind', '=', filters.kind);
  if (filters.ownerId) q = q.where('owner_id', '=', filters.ownerId);
  if (filters.from) q = q.where('received_on', '>=', filters.from);
  if (filters.theme) {
    const theme = filters.theme;
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('register_item_theme')
        .select('item_id')
        .where('register_item_theme.la_code', '=', laCode)
        .where('theme', '=', theme),
    );
  }
  const { n } = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(ITEM_COLUMNS)
    .orderBy('received_on', filters.status === 'open' ? 'asc' : 'desc')
    .orderBy('reference')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** Items about these children or raised by this account, newest first (a family's own items). */
export async function itemsOfFamily(
  db: Executor,
  laCode: string,
  userId: string,
  childIds: readonly string[],
): Promise<ItemRow[]> {
  return db
    .selectFrom('register_item')
    .select(ITEM_COLUMNS)
    .where('la_code', '=', laCode)
    .where((eb) =>
      childIds.length
        ? eb.or([eb('raised_by', '=', userId), eb('child_id', 'in', childIds)])
        : eb('raised_by', '=', userId),
    )
    .orderBy('received_on', 'desc')
    .orderBy('reference', 'desc')
    .execute();
}

/** Items about one child, newest first. */
export async function itemsOfChild(db: Executor, laCode: string, childId: string): Promise<ItemRow[]> {
  return db
    .selectFrom('register_item')
    .select(ITEM_COLUMNS)
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .orderBy('received_on', 'desc')
    .execute();
}

/** How many public-form items came from this sender address key since `since` (the public form's rate limit). */
export async function recentFromAddress(db: Executor, laCode: string, addressKey: string, since: Date) {
  const row = await db
    .selectFrom('register_item')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('la_code', '=', laCode)
    .where('address_key', '=', addressKey)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ------------------------------------------------------------------------------------------------ s42 tasks

export interface TaskRow {
  id: string;
  item_id: string;
  child_id: string;
  assigned_to: string | null;
  raised_on: string;
  due_date: string;
  done_on: string | null;
  done_note: string | null;
}

const TASK_COLUMNS = [
  'id',
  'item_id',
  'child_id',
  'assigned_to',
  'raised_on',
  'due_date',
  'done_on',
  'done_note',
] as const;

export async function raiseTask(
  trx: Tx,
  laCode: string,
  t: {
    itemId: string;
    childId: string;
    assignedTo: string | null;
    raisedOn: string;
    due: string;
    id?: string;
  },
): Promise<string> {
  const row = await trx
    .insertInto('register_task')
    .values({
      la_code: laCode,
      ...(t.id ? { id: t.id } : {}),
      item_id: t.itemId,
      child_id: t.childId,
      assigned_to: t.assignedTo,
      raised_on: t.raisedOn,
      due_date: t.due,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function taskOfItem(db: Executor, laCode: string, itemId: string): Promise<TaskRow | undefined> {
  return db
    .selectFrom('register_task')
    .select(TASK_COLUMNS)
    .where('la_code', '=', laCode)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
}

/** Open s42 tasks assigned to one officer, soonest due first. */
export async function openTasksOf(db: Executor, laCode: string, userId: string): Promise<TaskRow[]> {
  return db
    .selectFrom('register_task')
    .select(TASK_COLUMNS)
    .where('la_code', '=', laCode)
    .where('assigned_to', '=', userId)
    .where('done_on', 'is', null)
    .orderBy('due_date')
    .execute();
}

export async function markTaskDone(trx: Tx, laCode: string, id: string, on: string, note: string) {
  await trx
    .updateTable('register_task')
    .set({ done_on: on, done_note: note })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .execute();
}

// ------------------------------------------------------------------------------------------------ counts

export interface CountRow {
  key: string | null;
  n: number;
}

/** Items received in [from, to], counted by a column of the item. */
export async function countBy(
  db: Executor,
  laCode: string,
  column: 'team_id' | 'ethnicity' | 'first_language' | 'kind',
  from: string,
  to: string,
): Promise<CountRow[]> {
  const rows = await db
    .selectFrom('register_item')
    .select([`${column} as key`, (eb) => eb.fn.countAll<string>().as('n')])
    .where('la_code', '=', laCode)
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .groupBy(column)
    .orderBy(column)
    .execute();
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}

/** Items received in [from, to], counted by month ('YYYY-MM'). */
export async function countByMonth(
  db: Executor,
  laCode: string,
  from: string,
  to: string,
): Promise<CountRow[]> {
  const rows = await db
    .selectFrom('register_item')
    .select([
      sql<string>`substr(cast(received_on as text), 1, 7)`.as('key'),
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .where('la_code', '=', laCode)
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .groupBy(sql`substr(cast(received_on as text), 1, 7)`)
    .orderBy('key')
    .execute();
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}

/** Items received in [from, to], counted by theme (an item with two themes counts under each). */
export async function countByTheme(
  db: Executor,
  laCode: string,
  from: string,
  to: string,
): Promise<CountRow[]> {
  const rows = await db
    .selectFrom('register_item_theme as t')
    .innerJoin('register_item as i', onTenant('i.id', 't.item_id'))
    .select(['t.theme as key', (eb) => eb.fn.countAll<string>().as('n')])
    .where('t.la_code', '=', laCode)
    .where('i.received_on', '>=', from)
    .where('i.received_on', '<=', to)
    .groupBy('t.theme')
    .orderBy('t.theme')
    .execute();
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}

// ------------------------------------------------------------------------------------------------ You said, we did

export interface YouSaidRow {
  id: string;
  theme: RegisterTheme;
  you_said: string;
  we_did: string;
  published_on: string | null;
}

export async function listYouSaid(
  db: Executor,
  laCode: string,
  publishedOnly: boolean,
): Promise<YouSaidRow[]> {
  let q = db
    .selectFrom('register_you_said')
    .select(['id', 'theme', 'you_said', 'we_did', 'published_on'])
    .where('la_code', '=', laCode);
  if (publishedOnly) q = q.where('published_on', 'is not', null);
  return q.orderBy('published_on', 'desc').orderBy('id').execute();
}

export async function youSaidById(db: Executor, laCode: string, id: string): Promise<YouSaidRow | undefined> {
  return db
    .selectFrom('register_you_said')
    .select(['id', 'theme', 'you_said', 'we_did', 'published_on'])
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertYouSaid(
  trx: Tx,
  laCode: string,
  e: {
    theme: RegisterTheme;
    youSaid: string;
    weDid: string;
    publishedOn: string | null;
    createdBy: string;
    id?: string;
  },
): Promise<string> {
  const row = await trx
    .insertInto('register_you_said')
    .values({
      la_code: laCode,
      ...(e.id ? { id: e.id } : {}),
      theme: e.theme,
      you_said: e.youSaid,
      we_did: e.weDid,
      published_on: e.publishedOn,
      created_by: e.createdBy,
      updated_at: sql<Date>`now()`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setYouSaidPublished(trx: Tx, laCode: string, id: string, on: string | null) {
  await trx
    .updateTable('register_you_said')
    .set({ published_on: on, updated_at: sql<Date>`now()` })
    .where('la_code', '=', laCode)
    .where('id', '=', id)
    .execute();
}
