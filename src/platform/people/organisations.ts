/**
 * Organisations as decisions reach them (docs/rights.md): the organisation a user works for, the school organisation
 * of a setting on the register (same name, as `settings.ts` matches SENCOs), a child's current school (or many
 * children's), the active
 * accounts of an organisation, and organisations' and children's names.
 */
import type { Executor } from '../audit/audit.ts';
import { onTenant } from '../db/tenant.ts';

/** The organisation of an active user's team, if any. */
export function organisationOfUser(db: Executor, laCode: string, userId: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('team as t', onTenant('t.id', 'u.team_id'))
    .innerJoin('organisation as o', onTenant('o.id', 't.organisation_id'))
    .select(['o.id', 'o.name', 'o.kind'])
    .where('u.la_code', '=', laCode)
    .where('u.id', '=', userId)
    .where('u.active', '=', true)
    .executeTakeFirst();
}

/**
 * The school a professional's team belongs to: its organisation's id and name, and the setting on the register of the
 * same name (null when the register has none), if their team's organisation is a school.
 */
export function schoolOfUser(db: Executor, laCode: string, userId: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('team as t', onTenant('t.id', 'u.team_id'))
    .innerJoin('organisation as o', onTenant('o.id', 't.organisation_id'))
    .leftJoin('setting as s', (j) => j.onRef('s.la_code', '=', 'o.la_code').onRef('s.name', '=', 'o.name'))
    .select(['o.id as organisation_id', 'o.name', 's.id as setting_id'])
    .where('u.la_code', '=', laCode)
    .where('u.id', '=', userId)
    .where('o.kind', '=', 'school')
    .executeTakeFirst();
}

/** The school organisation of a setting on the register (its SENCO and head teacher work there), if any. */
export function organisationOfSetting(db: Executor, laCode: string, settingId: string) {
  return db
    .selectFrom('setting as s')
    .innerJoin('organisation as o', (j) =>
      j.onRef('o.la_code', '=', 's.la_code').onRef('o.name', '=', 's.name'),
    )
    .select(['o.id', 'o.name'])
    .where('s.la_code', '=', laCode)
    .where('s.id', '=', settingId)
    .where('o.kind', '=', 'school')
    .executeTakeFirst();
}

/** The setting a child attends now (no end date, latest start), if any. */
export function currentSettingOfChild(db: Executor, laCode: string, childId: string) {
  return db
    .selectFrom('child_setting as cs')
    .innerJoin('setting as s', onTenant('s.id', 'cs.setting_id'))
    .select(['s.id', 's.name'])
    .where('cs.la_code', '=', laCode)
    .where('cs.child_id', '=', childId)
    .where('cs.end_date', 'is', null)
    .orderBy('cs.start_date', 'desc')
    .executeTakeFirst();
}

/** The settings these children attend now (no end date; the latest start for a child at two), for demo seeders. */
export async function currentSettingsOf(db: Executor, laCode: string, childIds: readonly string[]) {
  if (!childIds.length) return [];
  const rows = await db
    .selectFrom('child_setting as cs')
    .innerJoin('setting as s', onTenant('s.id', 'cs.setting_id'))
    .select(['cs.child_id', 's.id', 's.name'])
    .where('cs.la_code', '=', laCode)
    .where('cs.child_id', 'in', [...new Set(childIds)])
    .where('cs.end_date', 'is', null)
    .orderBy('cs.start_date')
    .execute();
  return [...new Map(rows.map((r) => [r.child_id, r])).values()];
}

/** The active accounts of an organisation, by email. */
export function organisationAccounts(db: Executor, laCode: string, organisationId: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('team as t', onTenant('t.id', 'u.team_id'))
    .select(['u.id', 'u.email'])
    .where('u.la_code', '=', laCode)
    .where('t.organisation_id', '=', organisationId)
    .where('u.active', '=', true)
    .orderBy('u.email')
    .execute();
}

/** Organisations' names by id. */
export async function organisationNames(
  db: Executor,
  laCode: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('la_code', '=', laCode)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Children's names and references by id: the one function, kept in ./children.ts (this module named it first). */
export { childNames } from './children.ts';

/** The child, team and officer a decision notice names (undefined when the child is not the authority's). */
export async function noticeParties(
  db: Executor,
  laCode: string,
  ids: { childId: string; teamId: string; officerId: string | null },
) {
  const child = await db
    .selectFrom('child')
    .select(['given_name', 'family_name', 'preferred_name', 'reference', 'date_of_birth'])
    .where('la_code', '=', laCode)
    .where('id', '=', ids.childId)
    .executeTakeFirst();
  if (!child) return undefined;
  const team = await db
    .selectFrom('team')
    .select(['name as team_name', 'email as team_email', 'phone as team_phone'])
    .where('la_code', '=', laCode)
    .where('id', '=', ids.teamId)
    .executeTakeFirst();
  const officer = ids.officerId
    ? await db
        .selectFrom('app_user')
        .select(['display_name as officer_name', 'email as officer_email'])
        .where('la_code', '=', laCode)
        .where('id', '=', ids.officerId)
        .executeTakeFirst()
    : undefined;
  return {
    ...child,
    team_name: team?.team_name ?? '',
    team_email: team?.team_email ?? null,
    team_phone: team?.team_phone ?? null,
    officer_name: officer?.officer_name ?? null,
    officer_email: officer?.officer_email ?? null,
  };
}

/** Adds an organisation with one team, unless one of that id exists (the demo's commissioning body). */
export async function ensureOrganisation(
  db: Executor,
  laCode: string,
  org: {
    id: string;
    name: string;
    kind: 'health' | 'social-care';
    teamId: string;
    teamName: string;
    teamEmail: string;
  },
): Promise<void> {
  const made = await db
    .insertInto('organisation')
    .values({ la_code: laCode, id: org.id, name: org.name, kind: org.kind })
    .onConflict((oc) => oc.columns(['la_code', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!made) return;
  await db
    .insertInto('team')
    .values({
      la_code: laCode,
      id: org.teamId,
      organisation_id: org.id,
      name: org.teamName,
      email: org.teamEmail,
    })
    .execute();
}

/** The active professional accounts of the authority's organisations, with their organisation (people to invite). */
export function professionalAccounts(db: Executor, laCode: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('team as t', onTenant('t.id', 'u.team_id'))
    .innerJoin('organisation as o', onTenant('o.id', 't.organisation_id'))
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.job_title',
      'o.id as organisation_id',
      'o.name as organisation',
      'o.kind',
    ])
    .where('u.la_code', '=', laCode)
    .where('u.role', '=', 'professional')
    .where('u.active', '=', true)
    .orderBy('o.name')
    .orderBy('u.display_name')
    .limit(500)
    .execute();
}
