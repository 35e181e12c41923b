/**
 * The register of settings (schools, colleges, nurseries) and who works at one: a SENCO or head teacher account is
 * a professional in the school's organisation (the organisation carries the setting's name).
 */
import type { Executor } from '../audit/audit.ts';
import { onTenant } from '../db/tenant.ts';

export interface RegisterSetting {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly phase: string;
  readonly in_area: boolean;
  /** The authority the setting is in (and, for a maintained school, maintained by) when it is out of area. */
  readonly location_authority: string | null;
}

const SETTING_COLUMNS = ['id', 'name', 'type', 'phase', 'in_area', 'location_authority'] as const;

/** Every setting on the authority's register, by name. */
export function settingRegister(db: Executor, laCode: string): Promise<RegisterSetting[]> {
  return db
    .selectFrom('setting')
    .select(SETTING_COLUMNS)
    .where('la_code', '=', laCode)
    .orderBy('name')
    .limit(2000)
    .execute();
}

/** The settings with these ids (unknown ids are left out). */
export async function settingsByIds(
  db: Executor,
  laCode: string,
  ids: readonly string[],
): Promise<Map<string, RegisterSetting>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('setting')
    .select(SETTING_COLUMNS)
    .where('la_code', '=', laCode)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The setting a professional works at (their team's organisation is a school of the same name), if any. */
export async function settingOfUser(
  db: Executor,
  laCode: string,
  userId: string,
): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('app_user as u')
    .innerJoin('team as t', onTenant('t.id', 'u.team_id'))
    .innerJoin('organisation as o', onTenant('o.id', 't.organisation_id'))
    .innerJoin('setting as s', (j) => j.onRef('s.la_code', '=', 'o.la_code').onRef('s.name', '=', 'o.name'))
    .select(['s.id', 's.name'])
    .where('u.la_code', '=', laCode)
    .where('u.id', '=', userId)
    .where('u.role', '=', 'professional')
    .where('u.active', '=', true)
    .where('o.kind', '=', 'school')
    .executeTakeFirst();
}

/** The active professional accounts at a setting (its SENCO, head teacher, learning support), by email. */
export function settingStaff(db: Executor, laCode: string, settingId: string) {
  return db
    .selectFrom('setting as s')
    .innerJoin('organisation as o', (j) =>
      j.onRef('o.la_code', '=', 's.la_code').onRef('o.name', '=', 's.name'),
    )
    .innerJoin('team as t', onTenant('t.organisation_id', 'o.id'))
    .innerJoin('app_user as u', onTenant('u.team_id', 't.id'))
    .select(['u.id', 'u.email', 'u.display_name'])
    .where('s.la_code', '=', laCode)
    .where('s.id', '=', settingId)
    .where('o.kind', '=', 'school')
    .where('u.role', '=', 'professional')
    .where('u.active', '=', true)
    .orderBy('u.email')
    .execute();
}

/**
 * The active professionals who may be asked for advice about a child: every professional outside schools (educational
 * psychology, health, social care, the council's services, or in no team), and school staff (SENCOs, head teachers) only at a setting
 * the child attends on `today` (issue 18: the list offered every SENCO in the authority). By name.
 */
export function advisersForChild(db: Executor, laCode: string, childId: string, today: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('team as t', onTenant('t.id', 'u.team_id'))
    .leftJoin('organisation as o', onTenant('o.id', 't.organisation_id'))
    .select([
      'u.id',
      'u.display_name',
      'u.job_title',
      't.name as team_name',
      'o.kind',
      'o.name as organisation_name',
    ])
    .where('u.la_code', '=', laCode)
    .where('u.role', '=', 'professional')
    .where('u.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('o.kind', 'is', null),
        eb('o.kind', '!=', 'school'),
        eb.exists(
          eb
            .selectFrom('child_setting as cs')
            .innerJoin('setting as s', onTenant('s.id', 'cs.setting_id'))
            .select('cs.id')
            .where('cs.la_code', '=', laCode)
            .where('cs.child_id', '=', childId)
            .where('cs.start_date', '<=', today)
            .where((w) => w.or([w('cs.end_date', 'is', null), w('cs.end_date', '>=', today)]))
            .whereRef('s.name', '=', 'o.name'),
        ),
      ]),
    )
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}
