/**
 * The core records' store, children: the searches and reads every feature makes of children, their families,
 * settings and history. Access decisions are the callers' (the children feature decides who sees which child);
 * these functions only run the queries they are given.
 */
import { expressionBuilder, sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../audit/audit.ts';
import type { DB, GrantKind, PrimaryNeed } from '../db/schema/index.ts';
import { onTenant } from '../db/tenant.ts';

export interface ChildSearch {
  readonly laCode: string;
  /** Only children this user holds a live grant of this kind for (undefined: every child of the authority). */
  readonly grantedTo?: { readonly userId: string; readonly kind: GrantKind } | undefined;
  /** Name (given and family), reference, or exact UPN. */
  readonly q?: string | undefined;
  readonly need?: PrimaryNeed | undefined;
  readonly officer?: string | undefined;
  /** Only children with no named officer. */
  readonly unallocated?: boolean | undefined;
  /** Only children with no primary need recorded. */
  readonly needMissing?: boolean | undefined;
  /** Only children with a plan (plan status 'plan'). */
  readonly withPlan?: boolean | undefined;
  /** Only children with one of these plan statuses (so a count on a home page opens a list of the same children). */
  readonly planStatus?: ReadonlyArray<'none' | 'assessment' | 'plan' | 'ceased'> | undefined;
  /** Only children whose id this query returns (a feature's own set, such as those with an open episode). */
  readonly among?: ChildIdQuery | undefined;
  readonly page: number;
  readonly pageSize: number;
}

/** A query returning one column, `child_id`: how a feature names a set of children without naming `child`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any tables: the feature's own
export type ChildIdQuery = SelectQueryBuilder<DB, any, { child_id: string }>;

export interface ChildListRow {
  id: string;
  reference: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  primary_need: PrimaryNeed | null;
  plan_status: 'none' | 'assessment' | 'plan' | 'ceased';
  officer_name: string | null;
  setting_name: string | null;
}

export interface Page<Row> {
  rows: Row[];
  total: number;
  page: number;
  pages: number;
}

/** `%text%` for ILIKE, with the user's wildcards taken literally. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The name of the child's current setting (the latest started, not ended), as `setting_name`: a subquery on the
 * child row under `child` (its table name or an alias), so every list of children reads it the same way.
 */
function currentSetting(child: 'child' | 'c') {
  return expressionBuilder<DB, never>()
    .selectFrom('child_setting as cs')
    .innerJoin('setting as s', onTenant('s.id', 'cs.setting_id'))
    .select('s.name')
    .where('cs.la_code', '=', sql.ref<string>(`${child}.la_code`))
    .where('cs.child_id', '=', sql.ref<string>(`${child}.id`))
    .where('cs.end_date', 'is', null)
    .orderBy('cs.start_date', 'desc')
    .limit(1)
    .as('setting_name');
}

/** Children matching a search, a page at a time, by family name then given name. */
export async function searchChildren(db: Executor, search: ChildSearch): Promise<Page<ChildListRow>> {
  let query = db
    .selectFrom('child')
    .leftJoin('app_user as officer', onTenant('officer.id', 'child.lead_officer_id'))
    .where('child.la_code', '=', search.laCode);
  const grant = search.grantedTo;
  if (grant) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('access_grant as g')
          .select('g.id')
          .whereRef('g.la_code', '=', 'child.la_code')
          .whereRef('g.child_id', '=', 'child.id')
          .where('g.user_id', '=', grant.userId)
          .where('g.kind', '=', grant.kind)
          .where('g.revoked_at', 'is', null),
      ),
    );
  }
  if (search.q) {
    const like = containing(search.q);
    const upn = search.q.toUpperCase();
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`child.given_name || ' ' || child.family_name`, 'ilike', like),
        eb('child.reference', 'ilike', like),
        eb('child.upn', '=', upn),
      ]),
    );
  }
  if (search.need) query = query.where('child.primary_need', '=', search.need);
  if (search.officer) query = query.where('child.lead_officer_id', '=', search.officer);
  if (search.unallocated) query = query.where('child.lead_officer_id', 'is', null);
  if (search.needMissing) query = query.where('child.primary_need', 'is', null);
  if (search.withPlan) query = query.where('child.plan_status', '=', 'plan');
  if (search.planStatus?.length) query = query.where('child.plan_status', 'in', search.planStatus);
  const among = search.among;
  if (among) query = query.where('child.id', 'in', among);

  const rowsOf = (page: number) =>
    query
      .select([
        'child.id',
        'child.reference',
        'child.given_name',
        'child.family_name',
        'child.date_of_birth',
        'child.primary_need',
        'child.plan_status',
        'officer.display_name as officer_name',
        currentSetting('child'),
      ])
      .orderBy('child.family_name')
      .orderBy('child.given_name')
      .orderBy('child.id')
      .limit(search.pageSize)
      .offset((page - 1) * search.pageSize)
      .execute();
  // The first page is read first: when it is not full, it is every match and its length is the count (a family's
  // few children, a short list), so the count's query is not run (issue 20: one round trip, not two, per list).
  const first = search.page <= 1 ? await rowsOf(1) : undefined;
  if (first && first.length < search.pageSize) return { rows: first, total: first.length, page: 1, pages: 1 };
  const countRow = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(countRow.n);
  const pages = Math.max(1, Math.ceil(total / search.pageSize));
  const page = Math.min(Math.max(1, search.page), pages);
  const rows = first ?? (await rowsOf(page));
  return { rows, total, page, pages };
}

/** One child with the lead officer and the officer's team (undefined when the authority has no such child). */
export async function childWithOfficer(db: Executor, laCode: string, childId: string) {
  return withOfficer(db, laCode).where('child.id', '=', childId).executeTakeFirst();
}

/** Each of these children with their lead officer and the officer's team, by id, in one query (a family's contacts). */
export async function childrenWithOfficers(db: Executor, laCode: string, childIds: readonly string[]) {
  const rows = childIds.length
    ? await withOfficer(db, laCode).where('child.id', 'in', childIds).execute()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

function withOfficer(db: Executor, laCode: string) {
  return db
    .selectFrom('child')
    .leftJoin('app_user as officer', onTenant('officer.id', 'child.lead_officer_id'))
    .leftJoin('team', onTenant('team.id', 'officer.team_id'))
    .selectAll('child')
    .select([
      'officer.display_name as officer_name',
      'officer.email as officer_email',
      'team.name as team_name',
      'team.email as team_email',
      'team.phone as team_phone',
    ])
    .where('child.la_code', '=', laCode);
}

/**
 * How many children this user holds a live grant of this kind for: the total of their list (`searchChildren` with
 * `grantedTo`), counted on the grants alone (every grant's child exists: a foreign key). An adviser's first screen
 * shows only this number; at 33,500 children the list's count hashed the whole child table for an adviser of 1,300
 * (issue 20: 17 to 27 ms against an index-only scan of their grants).
 */
export async function grantedChildrenCount(
  db: Executor,
  laCode: string,
  userId: string,
  kind: GrantKind,
): Promise<number> {
  const row = await db
    .selectFrom('access_grant')
    .select(sql<string>`count(distinct child_id)`.as('n'))
    .where('la_code', '=', laCode)
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The children this user holds a live grant of this kind for, by given name (at most 200), each with the name of
 * their current setting (the latest started, not ended): whom a family may ask for an assessment about.
 */
export function grantedChildren(db: Executor, laCode: string, userId: string, kind: GrantKind) {
  return db
    .selectFrom('access_grant as g')
    .innerJoin('child as c', onTenant('c.id', 'g.child_id'))
    .select([
      'c.id',
      'c.reference',
      'c.given_name',
      'c.family_name',
      'c.date_of_birth',
      'c.primary_need',
      'c.plan_status',
      currentSetting('c'),
    ])
    .where('g.la_code', '=', laCode)
    .where('g.user_id', '=', userId)
    .where('g.kind', '=', kind)
    .where('g.revoked_at', 'is', null)
    .orderBy('c.given_name')
    .limit(200)
    .execute();
}

/** The children whose current setting is this one, by family then given name (at most 500): a SENCO's school's. */
export function childrenAtSetting(db: Executor, laCode: string, settingId: string) {
  return db
    .selectFrom('child_setting as cs')
    .innerJoin('child as c', onTenant('c.id', 'cs.child_id'))
    .innerJoin('setting as s', onTenant('s.id', 'cs.setting_id'))
    .select([
      'c.id',
      'c.reference',
      'c.given_name',
      'c.family_name',
      'c.date_of_birth',
      'c.primary_need',
      'c.plan_status',
      's.name as setting_name',
    ])
    .where('cs.la_code', '=', laCode)
    .where('cs.setting_id', '=', settingId)
    .where('cs.end_date', 'is', null)
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .limit(500)
    .execute();
}

/**
 * The child with this reference, with the lead officer and the officer's team: the "child's reference" field of every
 * staff form. The reference as typed or in capitals (references are written in capitals), spaces around it ignored;
 * on the authority's unique reference index. Undefined when the authority has no such child.
 */
export async function childByReference(db: Executor, laCode: string, reference: string) {
  const typed = reference.trim();
  if (!typed) return undefined;
  const hit = await db
    .selectFrom('child')
    .select('id')
    .where('la_code', '=', laCode)
    .where('reference', 'in', [...new Set([typed.toUpperCase(), typed])])
    .orderBy('reference')
    .executeTakeFirst();
  return hit ? childWithOfficer(db, laCode, hit.id) : undefined;
}

/** The id of the child with exactly this reference (as typed), if the authority has one. */
export function childIdByReference(db: Executor, laCode: string, reference: string) {
  return db
    .selectFrom('child')
    .select('id')
    .where('la_code', '=', laCode)
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/** Children's names, reference and date of birth by id (those the authority has): how a feature names its rows' children. */
export async function childIdentities(db: Executor, laCode: string, childIds: readonly string[]) {
  const ids = [...new Set(childIds)];
  const rows = ids.length
    ? await db
        .selectFrom('child')
        .select(['id', 'given_name', 'family_name', 'preferred_name', 'reference', 'date_of_birth'])
        .where('la_code', '=', laCode)
        .where('id', 'in', ids)
        .execute()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The ids of the children whose name (given or family) or reference contains this text, as a `ChildIdQuery`. */
export function childIdsMatching(db: Executor, laCode: string, text: string): ChildIdQuery {
  const like = containing(text);
  return db
    .selectFrom('child')
    .select('id as child_id')
    .where('la_code', '=', laCode)
    .where((eb) =>
      eb.or([
        eb('reference', 'ilike', like),
        eb('given_name', 'ilike', like),
        eb('family_name', 'ilike', like),
      ]),
    );
}

/** The ids of the children this user holds a live grant of this kind for, as a `ChildIdQuery`. */
export function grantedChildIds(db: Executor, laCode: string, userId: string, kind: GrantKind): ChildIdQuery {
  return db
    .selectFrom('access_grant')
    .select('child_id')
    .where('la_code', '=', laCode)
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('revoked_at', 'is', null);
}

/** The ids of the authority's children with this primary need, as a `ChildIdQuery` (the workspace's need filter). */
export function childIdsWithNeed(db: Executor, laCode: string, need: PrimaryNeed): ChildIdQuery {
  return db
    .selectFrom('child')
    .select('id as child_id')
    .where('la_code', '=', laCode)
    .where('primary_need', '=', need);
}

/** The ids of the children whose placements now (not ended) include this setting, as a `ChildIdQuery`. */
export function childIdsAtSetting(db: Executor, laCode: string, settingId: string): ChildIdQuery {
  return db
    .selectFrom('child_setting')
    .select('child_id')
    .where('la_code', '=', laCode)
    .where('setting_id', '=', settingId)
    .where('end_date', 'is', null);
}

/** A child's family, those with parental responsibility first. */
export async function familyOf(db: Executor, laCode: string, childId: string) {
  return db
    .selectFrom('family_member')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .orderBy('parental_responsibility', 'desc')
    .orderBy('family_name')
    .execute();
}

/** A child's settings, current first, then by start date, latest first. */
export async function settingsOf(db: Executor, laCode: string, childId: string) {
  return db
    .selectFrom('child_setting as cs')
    .innerJoin('setting as s', onTenant('s.id', 'cs.setting_id'))
    .select([
      'cs.setting_id',
      's.name',
      's.urn',
      's.type',
      's.phase',
      's.in_area',
      's.location_authority',
      'cs.start_date',
      'cs.end_date',
      'cs.attendance',
    ])
    .where('cs.la_code', '=', laCode)
    .where('cs.child_id', '=', childId)
    .orderBy('cs.end_date', (ob) => ob.desc().nullsFirst())
    .orderBy('cs.start_date', 'desc')
    .execute();
}

/** A child's history (`case_event`), latest first, at most `limit`. */
export async function historyOf(db: Executor, laCode: string, childId: string, limit = 100) {
  return db
    .selectFrom('case_event as e')
    .leftJoin('app_user as u', onTenant('u.id', 'e.actor_user_id'))
    .select(['e.id', 'e.at', 'e.kind', 'e.summary', 'u.display_name as actor_name'])
    .where('e.la_code', '=', laCode)
    .where('e.child_id', '=', childId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * What happened to some children since a moment, by anyone but one user (a family's "new since your last visit":
 * what others did, not what they did themselves), newest first.
 */
export async function historySince(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
  since: Date,
  exceptUserId: string,
  limit = 10,
) {
  if (!childIds.length) return [];
  return db
    .selectFrom('case_event as e')
    .select(['e.id', 'e.at', 'e.child_id', 'e.summary'])
    .where('e.la_code', '=', laCode)
    .where('e.child_id', 'in', childIds)
    .where('e.at', '>', since)
    .where((eb) => eb.or([eb('e.actor_user_id', 'is', null), eb('e.actor_user_id', '!=', exceptUserId)]))
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

/** How many of the authority's children are in each plan status. */
export async function childrenByPlanStatus(db: Executor, laCode: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('child')
    .select(['plan_status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('la_code', '=', laCode)
    .groupBy('plan_status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.plan_status, Number(r.n)]));
}

/** Children with a plan by primary need, the largest group first. */
export async function plansByNeed(db: Executor, laCode: string) {
  const rows = await db
    .selectFrom('child')
    .select(['primary_need', (eb) => eb.fn.countAll<number>().as('n')])
    .where('la_code', '=', laCode)
    .where('plan_status', '=', 'plan')
    .groupBy('primary_need')
    .orderBy(sql`count(*)`, 'desc')
    .execute();
  return rows.map((r) => ({ need: r.primary_need, n: Number(r.n) }));
}

/** The children with an open dual registration at a setting (a school's first screen lists their reviews too). */
export async function childrenDualRegisteredAt(
  db: Executor,
  laCode: string,
  settingId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('child_setting')
    .select('child_id')
    .where('la_code', '=', laCode)
    .where('setting_id', '=', settingId)
    .where('end_date', 'is', null)
    .where('attendance', '=', 'dual-registered')
    .orderBy('child_id')
    .execute();
  return [...new Set(rows.map((r) => r.child_id))];
}

/** A child with a plan as the review schedule reads them (docs/reviews.md): age, care, officer and current setting. */
export interface ChildForReviews {
  readonly id: string;
  readonly dateOfBirth: string;
  readonly lookedAfter: boolean;
  readonly planStatus: 'none' | 'assessment' | 'plan' | 'ceased';
  readonly leadOfficerId: string | null;
  /**
   * The child's main setting now, or null: the latest open placement that is not a dual registration (the main
   * establishment, as the inspection list and the figures read it), or the latest dual registration when it is the
   * only kind open. Its staff arrange the review.
   */
  readonly setting: {
    readonly id: string;
    readonly name: string;
    readonly kind: 'early-years' | 'school' | 'college' | 'other';
    readonly type: string;
    readonly inArea: boolean;
    readonly firstYearGroup: number;
    readonly lastYearGroup: number;
    readonly attendance: 'full-time' | 'part-time' | 'dual-registered';
  } | null;
  /** The child's other open placements (a dual registration beside the main setting): their ids. */
  readonly otherSettingIds: readonly string[];
}

/** The children named (or, without ids, every child with a plan or a ceased one), for the review schedule. */
export async function childrenForReviews(
  db: Executor,
  laCode: string,
  childIds?: readonly string[],
): Promise<Map<string, ChildForReviews>> {
  const result = new Map<string, ChildForReviews>();
  if (childIds && childIds.length === 0) return result;
  let children = db
    .selectFrom('child')
    .select(['id', 'date_of_birth', 'looked_after', 'plan_status', 'lead_officer_id'])
    .where('la_code', '=', laCode);
  children = childIds
    ? children.where('id', 'in', childIds)
    : children.where('plan_status', 'in', ['plan', 'ceased']);
  let placements = db
    .selectFrom('child_setting as cs')
    .innerJoin('setting as s', onTenant('s.id', 'cs.setting_id'))
    .select([
      'cs.child_id',
      's.id',
      's.name',
      's.kind',
      's.type',
      's.in_area',
      's.first_year_group',
      's.last_year_group',
      'cs.attendance',
    ])
    .where('cs.la_code', '=', laCode)
    .where('cs.end_date', 'is', null)
    .orderBy('cs.start_date');
  if (childIds) placements = placements.where('cs.child_id', 'in', childIds);
  const current = new Map<string, NonNullable<ChildForReviews['setting']>>();
  const others = new Map<string, string[]>();
  // ordered by start date, so the latest open placement of each child is the one kept, a dual registration giving
  // way to a main placement whatever their order
  for (const p of await placements.execute()) {
    const kept = current.get(p.child_id);
    if (kept && p.attendance === 'dual-registered' && kept.attendance !== 'dual-registered') {
      others.set(p.child_id, [...(others.get(p.child_id) ?? []), p.id]);
      continue;
    }
    if (kept) others.set(p.child_id, [...(others.get(p.child_id) ?? []), kept.id]);
    current.set(p.child_id, {
      id: p.id,
      name: p.name,
      kind: p.kind,
      type: p.type,
      inArea: p.in_area,
      firstYearGroup: p.first_year_group,
      lastYearGroup: p.last_year_group,
      attendance: p.attendance,
    });
  }
  for (const c of await children.execute()) {
    result.set(c.id, {
      id: c.id,
      dateOfBirth: c.date_of_birth,
      lookedAfter: c.looked_after,
      planStatus: c.plan_status,
      leadOfficerId: c.lead_officer_id,
      setting: current.get(c.id) ?? null,
      otherSettingIds: (others.get(c.id) ?? []).filter((id) => id !== current.get(c.id)?.id),
    });
  }
  return result;
}

/**
 * Names one lead officer for these children (a team manager allocating their reviews from the backlog, docs/reviews.md,
 * ADR 0020), in the caller's transaction; returns each child's officer before, for the history and the audit.
 */
export async function setLeadOfficer(
  trx: Executor,
  laCode: string,
  childIds: readonly string[],
  officerId: string,
): Promise<Map<string, string | null>> {
  if (childIds.length === 0) return new Map();
  const before = await trx
    .selectFrom('child')
    .select(['id', 'lead_officer_id'])
    .where('la_code', '=', laCode)
    .where('id', 'in', childIds)
    .forUpdate()
    .execute();
  await trx
    .updateTable('child')
    .set({ lead_officer_id: officerId, updated_at: new Date() })
    .where('la_code', '=', laCode)
    .where('id', 'in', childIds)
    .execute();
  return new Map(before.map((c) => [c.id, c.lead_officer_id]));
}

/** The ids of the authority's children with a plan, as a query (`child_id`) a feature can filter its own rows by. */
export function planChildIds(db: Executor, laCode: string): ChildIdQuery {
  return db
    .selectFrom('child')
    .select('child.id as child_id')
    .where('child.la_code', '=', laCode)
    .where('child.plan_status', '=', 'plan');
}

/** Children with a plan among a set (a feature's query), by primary need (null: not recorded), the largest first. */
export async function plansByNeedAmong(db: Executor, laCode: string, among: ChildIdQuery) {
  const rows = await db
    .selectFrom('child')
    .select(['primary_need', (eb) => eb.fn.countAll<number>().as('n')])
    .where('la_code', '=', laCode)
    .where('plan_status', '=', 'plan')
    .where('id', 'in', among)
    .groupBy('primary_need')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('primary_need')
    .execute();
  return rows.map((r) => ({ need: r.primary_need, n: Number(r.n) }));
}

/**
 * The child's plan has ended for this authority (ceased, S9, or transferred to another, S11): the plan status becomes
 * `ceased`, or back to `plan` when a cessation is undone (a decision overturned after it was applied). Only a child
 * whose status is the other one changes; returns whether it changed.
 */
export async function setPlanEnded(
  trx: Executor,
  laCode: string,
  childId: string,
  ended: boolean,
  /** The moment of the change (the demo gives one, so its rows are the same on every seeding); default now. */
  at: Date = new Date(),
): Promise<boolean> {
  const rows = await trx
    .updateTable('child')
    .set({ plan_status: ended ? 'ceased' : 'plan', updated_at: at })
    .where('la_code', '=', laCode)
    .where('id', '=', childId)
    .where('plan_status', '=', ended ? 'plan' : 'ceased')
    .executeTakeFirst();
  return Number(rows.numUpdatedRows) > 0;
}

/** The children an officer is named officer for, whatever their plan status (an officer who is leaving). */
export async function childrenLedBy(db: Executor, laCode: string, officerId: string) {
  return db
    .selectFrom('child')
    .select(['id', 'given_name', 'family_name'])
    .where('la_code', '=', laCode)
    .where('lead_officer_id', '=', officerId)
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id')
    .execute();
}

/** Children's names and references by id (those the authority has), for their history and messages. */
export async function childNames(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
): Promise<Map<string, { given_name: string; family_name: string; reference: string }>> {
  if (!childIds.length) return new Map();
  const rows = await db
    .selectFrom('child')
    .select(['id', 'given_name', 'family_name', 'reference'])
    .where('la_code', '=', laCode)
    .where('id', 'in', [...new Set(childIds)])
    .execute();
  return new Map(
    rows.map((r) => [r.id, { given_name: r.given_name, family_name: r.family_name, reference: r.reference }]),
  );
}

/**
 * Children's names as a page shows them (the preferred name where recorded), by id, in one query: for a list of
 * tasks about several children (a caseworker's home), not a read of each child.
 */
export async function childDisplayNames(db: Executor, laCode: string, childIds: readonly string[]) {
  if (!childIds.length)
    return new Map<string, { given_name: string; preferred_name: string | null; family_name: string }>();
  const rows = await db
    .selectFrom('child')
    .select(['id', 'given_name', 'preferred_name', 'family_name'])
    .where('la_code', '=', laCode)
    .where('id', 'in', [...new Set(childIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * For each of these officers, in one pass over the child index by officer: how many children they are named officer
 * for (every plan status: `led`) and how many of those are being assessed or have a plan (`caseload`).
 */
export async function officerChildCounts(
  db: Executor,
  laCode: string,
  officerIds: readonly string[],
): Promise<Map<string, { led: number; caseload: number }>> {
  const counts = new Map(officerIds.map((id) => [id, { led: 0, caseload: 0 }]));
  if (!officerIds.length) return counts;
  const rows = await db
    .selectFrom('child')
    .select([
      'lead_officer_id',
      (eb) => eb.fn.countAll<number>().as('led'),
      (eb) =>
        eb.fn.countAll<number>().filterWhere('plan_status', 'in', ['assessment', 'plan']).as('caseload'),
    ])
    .where('la_code', '=', laCode)
    .where('lead_officer_id', 'in', officerIds)
    .groupBy('lead_officer_id')
    .execute();
  for (const r of rows) counts.set(r.lead_officer_id!, { led: Number(r.led), caseload: Number(r.caseload) });
  return counts;
}

/** How many children each of these officers is named officer for (every plan status). */
export async function childrenLedCounts(db: Executor, laCode: string, officerIds: readonly string[]) {
  const counts = await officerChildCounts(db, laCode, officerIds);
  return new Map([...counts].map(([id, c]) => [id, c.led]));
}

type PlanStatus = 'none' | 'assessment' | 'plan' | 'ceased';

/** A child's plan status (undefined when the authority has no such child): whether a new request is a reassessment. */
export async function planStatusOf(db: Executor, laCode: string, childId: string) {
  const row = await db
    .selectFrom('child')
    .select('plan_status')
    .where('la_code', '=', laCode)
    .where('id', '=', childId)
    .executeTakeFirst();
  return row?.plan_status;
}

/**
 * Moves a child's plan status from one value to another (an assessment starts: `none` to `assessment`; it ends
 * without a plan: back to `none`). A child whose status is not `from` is left as it is.
 */
export async function movePlanStatus(
  trx: Executor,
  laCode: string,
  childId: string,
  from: PlanStatus,
  to: PlanStatus,
  at: Date = new Date(),
): Promise<void> {
  await trx
    .updateTable('child')
    .set({ plan_status: to, updated_at: at })
    .where('la_code', '=', laCode)
    .where('id', '=', childId)
    .where('plan_status', '=', from)
    .execute();
}

/** A final plan was issued on this day: the child has a plan, first issued then unless it was issued before. */
export async function planIssued(
  trx: Executor,
  laCode: string,
  childId: string,
  on: string,
  at: Date = new Date(),
): Promise<void> {
  await trx
    .updateTable('child')
    .set({
      plan_status: 'plan',
      plan_first_issued: sql<string>`coalesce(plan_first_issued, ${on}::date)`,
      updated_at: at,
    })
    .where('la_code', '=', laCode)
    .where('id', '=', childId)
    .execute();
}

/** Names a child's lead officer (a case allocated to them): one statement, in the caller's transaction. */
export async function setChildLeadOfficer(
  trx: Executor,
  laCode: string,
  childId: string,
  officerId: string,
): Promise<void> {
  await trx
    .updateTable('child')
    .set({ lead_officer_id: officerId, updated_at: new Date() })
    .where('la_code', '=', laCode)
    .where('id', '=', childId)
    .execute();
}
