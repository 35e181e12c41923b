/**
 * The core records the phase-transfer cohort is drawn from (docs/transfers.md): children with a plan whose year
 * group this school year is the last year group of the setting they attend now (the latest open placement), with
 * their lead officer's name. The year group is the school-year rule of src/domain/school-year.ts done in SQL: a child
 * born in the school year starting 1 September B is in year S - 5 - B in the school year starting S, and B is the
 * calendar year of the date of birth less 8 months. The domain then decides who is in the cohort and by when.
 */
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.ts';
import { idIn } from '../db/any-id.ts';
import { onTenant } from '../db/tenant.ts';
import { planInForceOn } from './plan-ended.ts';

export interface ChildForTransfer {
  readonly id: string;
  readonly reference: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  readonly officerId: string | null;
  readonly officerName: string | null;
  readonly setting: {
    readonly id: string;
    readonly name: string;
    readonly kind: 'early-years' | 'school' | 'college' | 'other';
    readonly firstYear: number;
    readonly lastYear: number;
  };
}

/**
 * Children with a plan and their current setting (the latest open placement), with their lead officer's name; with
 * `on`, the setting they attended on that day instead (the latest placement open on it: a past cohort's setting), and
 * the children whose plan was in force on that day, though it has ceased since.
 */
function withCurrentSetting(db: Executor, laCode: string, on?: string) {
  return (
    db
      .selectFrom('child as c')
      .innerJoin('child_setting as cs', onTenant('cs.child_id', 'c.id'))
      .innerJoin('setting as s', onTenant('s.id', 'cs.setting_id'))
      .leftJoin('app_user as u', (j) =>
        j.onRef('u.la_code', '=', 'c.la_code').onRef('u.id', '=', 'c.lead_officer_id'),
      )
      .select([
        'c.id',
        'c.reference',
        'c.given_name',
        'c.family_name',
        'c.date_of_birth',
        'c.lead_officer_id',
        'u.display_name',
        's.id as setting_id',
        's.name as setting_name',
        's.kind as setting_kind',
        's.first_year_group',
        's.last_year_group',
      ])
      .where('c.la_code', '=', laCode)
      // A past cohort keeps a child whose plan has ceased since: it was in force on that day (planInForceOn).
      .where(on === undefined ? sql<boolean>`c.plan_status = 'plan'` : planInForceOn(laCode, on))
      .where((eb) =>
        on === undefined
          ? eb('cs.end_date', 'is', null)
          : eb.and([
              eb('cs.start_date', '<=', on),
              eb.or([eb('cs.end_date', 'is', null), eb('cs.end_date', '>=', on)]),
            ]),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('child_setting as later')
              .select(sql`1`.as('one'))
              .whereRef('later.la_code', '=', 'cs.la_code')
              .whereRef('later.child_id', '=', 'cs.child_id')
              .where((later) =>
                on === undefined
                  ? later('later.end_date', 'is', null)
                  : later.and([
                      later('later.start_date', '<=', on),
                      later.or([later('later.end_date', 'is', null), later('later.end_date', '>=', on)]),
                    ]),
              )
              .whereRef('later.start_date', '>', 'cs.start_date'),
          ),
        ),
      )
  );
}

type Row = Awaited<ReturnType<ReturnType<typeof withCurrentSetting>['execute']>>[number];

function toChild(r: Row): ChildForTransfer {
  return {
    id: r.id,
    reference: r.reference,
    givenName: r.given_name,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth,
    officerId: r.lead_officer_id,
    officerName: r.display_name ?? null,
    setting: {
      id: r.setting_id,
      name: r.setting_name,
      kind: r.setting_kind,
      firstYear: r.first_year_group,
      lastYear: r.last_year_group,
    },
  };
}

/**
 * Children with a plan in the last year group of their current setting in the school year starting 1 September
 * `schoolYearStart`, and (whatever their year group) the children named in `alsoChildIds` (those with a recorded
 * move between post-16 institutions, reg 18(2)); `onlyChildIds`, when given, narrows to those children (the ones
 * whose records changed since the kept cohort was derived, ADR 0033; a family's). With `settingsOn`, each child's
 * setting is the one they attended on that day, not today's (a past school year's cohort, for the leaders' figures).
 */
export async function childrenForTransfers(
  db: Executor,
  laCode: string,
  schoolYearStart: number,
  alsoChildIds: readonly string[] = [],
  onlyChildIds?: readonly string[],
  settingsOn?: string,
): Promise<ChildForTransfer[]> {
  if (onlyChildIds && onlyChildIds.length === 0) return [];
  const yearGroup = sql<number>`${schoolYearStart} - 5 - cast(extract(year from (c.date_of_birth - interval '8 months')) as integer)`;
  let query = withCurrentSetting(db, laCode, settingsOn).where((eb) => {
    const lastYear = eb(yearGroup, '=', eb.ref('s.last_year_group'));
    return alsoChildIds.length ? eb.or([lastYear, idIn('c.id', alsoChildIds)]) : lastYear;
  });
  if (onlyChildIds) query = query.where(idIn('c.id', onlyChildIds));
  const rows = await query.orderBy('c.family_name').orderBy('c.given_name').orderBy('c.id').execute();
  const seen = new Set<string>();
  const result: ChildForTransfer[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    result.push(toChild(r));
  }
  return result;
}

/** One child with a plan and their current setting, whatever their year group (undefined: no plan or no setting). */
export async function childForTransfer(
  db: Executor,
  laCode: string,
  childId: string,
): Promise<ChildForTransfer | undefined> {
  const row = await withCurrentSetting(db, laCode)
    .where('c.id', '=', childId)
    .orderBy('cs.start_date', 'desc')
    .executeTakeFirst();
  return row ? toChild(row) : undefined;
}

/** Every setting of the authority with its kind and year groups, by name (the demo's destinations). */
export async function settingsForTransfers(db: Executor, laCode: string) {
  const rows = await db
    .selectFrom('setting')
    .select(['id', 'name', 'kind', 'first_year_group', 'last_year_group'])
    .where('la_code', '=', laCode)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    firstYear: r.first_year_group,
    lastYear: r.last_year_group,
  }));
}
