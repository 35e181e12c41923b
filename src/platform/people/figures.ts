/**
 * The core records the leaders' figures are broken down by (docs/figures.md): every child with the keys it falls
 * under on a day (its lead officer's team, its main setting, its primary need and ethnicity, each as it was then, and
 * its date of birth; when a ceased plan ended) and the names of the teams and settings. One query each.
 */
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.ts';
import { planEndedDays } from './plan-ended.ts';

export interface ChildForFigures {
  readonly id: string;
  readonly reference: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  /** As they were on the day asked for (child_key_history), with the lead officer's team below. */
  readonly ethnicity: string | null;
  readonly primaryNeed: string | null;
  readonly planStatus: 'none' | 'assessment' | 'plan' | 'ceased';
  /** The day the child's first plan was issued, if they have had one. */
  readonly planFirstIssued: string | null;
  /** For a ceased plan, the day it ended (from the child's history, plan-ended.ts); null when not known. */
  readonly planEnded: string | null;
  readonly teamId: string | null;
  /** The setting the child attended on the day: a full-time place before a dual registration. */
  readonly settingId: string | null;
}

export async function childrenForFigures(
  db: Executor,
  laCode: string,
  asOf: string,
): Promise<ChildForFigures[]> {
  const children = await db
    .selectFrom('child as c')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.la_code', '=', 'c.la_code').onRef('u.id', '=', 'c.lead_officer_id'),
    )
    .select([
      'c.id',
      'c.reference',
      'c.given_name',
      'c.family_name',
      'c.date_of_birth',
      'c.ethnicity',
      'c.primary_need',
      'c.plan_status',
      'c.plan_first_issued',
      'u.team_id',
    ])
    .where('c.la_code', '=', laCode)
    .execute();
  const placements = await db
    .selectFrom('child_setting')
    .select(['child_id', 'setting_id', 'attendance'])
    .where('la_code', '=', laCode)
    .where('start_date', '<=', asOf)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]))
    .orderBy('start_date')
    .execute();
  const keysThen = new Map((await keysOn(db, laCode, asOf)).map((k) => [k.child_id, k]));
  const ended = await planEndedDays(db, laCode);
  const settingOf = new Map<string, { id: string; fullTime: boolean }>();
  for (const p of placements) {
    const seen = settingOf.get(p.child_id);
    const fullTime = p.attendance === 'full-time';
    if (!seen || (fullTime && !seen.fullTime)) settingOf.set(p.child_id, { id: p.setting_id, fullTime });
  }
  return children.map((c) => {
    const then = keysThen.get(c.id);
    return {
      id: c.id,
      reference: c.reference,
      givenName: c.given_name,
      familyName: c.family_name,
      dateOfBirth: c.date_of_birth,
      ethnicity: then ? then.ethnicity : c.ethnicity,
      primaryNeed: then ? then.primary_need : c.primary_need,
      planStatus: c.plan_status,
      planFirstIssued: c.plan_first_issued,
      planEnded: c.plan_status === 'ceased' ? (ended.get(c.id) ?? null) : null,
      teamId: then ? then.team_id : (c.team_id ?? null),
      settingId: settingOf.get(c.id)?.id ?? null,
    };
  });
}

/**
 * Each child's team, primary need and ethnicity as they were at the end of `asOf` (child_key_history, migration 0060:
 * a row each time one changed): the last change by that day; for a day before the child's first row, as they were at
 * the end of the day it was first recorded (a child recorded later, or before the history was kept, is taken as first
 * recorded).
 */
async function keysOn(db: Executor, laCode: string, asOf: string) {
  const result = await sql<{
    child_id: string;
    team_id: string | null;
    primary_need: string | null;
    ethnicity: string | null;
  }>`select distinct on (h.child_id) h.child_id, h.team_id, h.primary_need, h.ethnicity
    from child_key_history h
    join (select child_id, min(changed_on) as first_on from child_key_history where la_code = ${laCode}
      group by child_id) f on f.child_id = h.child_id
    where h.la_code = ${laCode} and h.changed_on <= greatest(${asOf}::date, f.first_on)
    order by h.child_id, h.changed_on desc, h.id desc`.execute(db);
  return result.rows;
}

/** The names of the authority's teams and settings, by id. */
export async function namesForFigures(db: Executor, laCode: string) {
  const teams = await db.selectFrom('team').select(['id', 'name']).where('la_code', '=', laCode).execute();
  const settings = await db
    .selectFrom('setting')
    .select(['id', 'name'])
    .where('la_code', '=', laCode)
    .execute();
  return {
    teams: new Map(teams.map((t) => [t.id, t.name])),
    settings: new Map(settings.map((s) => [s.id, s.name])),
  };
}
