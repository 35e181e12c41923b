/**
 * Children and young people: the list each role may see and the child record. Access is decided here, not in routes.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { authoriseChildRead, grantKindFor, isUuid, seesAllChildren } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { DB, PrimaryNeed } from '../../platform/db/schema/index.ts';
import { ForbiddenError } from '../../platform/errors.ts';

export const PAGE_SIZE = 25;

export const PRIMARY_NEED_LABELS: Record<PrimaryNeed, string> = {
  ASD: 'Autistic spectrum disorder',
  SLCN: 'Speech, language and communication needs',
  SEMH: 'Social, emotional and mental health',
  MLD: 'Moderate learning difficulty',
  SPLD: 'Specific learning difficulty',
  SLD: 'Severe learning difficulty',
  PD: 'Physical disability',
  PMLD: 'Profound and multiple learning difficulty',
  HI: 'Hearing impairment',
  VI: 'Visual impairment',
  MSI: 'Multi-sensory impairment',
  OTH: 'Other difficulty or disability',
};

export const PLAN_STATUS_LABELS = {
  none: 'No plan',
  assessment: 'Being assessed',
  plan: 'Has a plan',
  ceased: 'Plan ended',
} as const;

export interface ChildFilters {
  q?: string | undefined;
  need?: PrimaryNeed | undefined;
  officer?: string | undefined;
  /** 'none' lists children with no named officer. */
  unallocated?: boolean | undefined;
  page: number;
}

export interface ChildListRow {
  id: string;
  reference: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  primary_need: PrimaryNeed | null;
  plan_status: keyof typeof PLAN_STATUS_LABELS;
  officer_name: string | null;
  setting_name: string | null;
}

function currentSetting(eb: ExpressionBuilder<DB, 'child'>) {
  return eb
    .selectFrom('child_setting as cs')
    .innerJoin('setting as s', (j) =>
      j.onRef('s.la_code', '=', 'cs.la_code').onRef('s.id', '=', 'cs.setting_id'),
    )
    .select('s.name')
    .whereRef('cs.la_code', '=', 'child.la_code')
    .whereRef('cs.child_id', '=', 'child.id')
    .where('cs.end_date', 'is', null)
    .orderBy('cs.start_date', 'desc')
    .limit(1)
    .as('setting_name');
}

/** The children this actor may see, filtered and paged. Roles that see no children get ForbiddenError. */
export async function listChildren(
  db: Executor,
  actor: Actor,
  filters: ChildFilters,
  pageSize = PAGE_SIZE,
): Promise<{ rows: ChildListRow[]; total: number; page: number; pages: number }> {
  const grantKind = grantKindFor(actor.role);
  if (!seesAllChildren(actor) && !grantKind) throw new ForbiddenError();
  let query = db
    .selectFrom('child')
    .leftJoin('app_user as officer', (j) =>
      j.onRef('officer.la_code', '=', 'child.la_code').onRef('officer.id', '=', 'child.lead_officer_id'),
    )
    .where('child.la_code', '=', actor.laCode);
  if (!seesAllChildren(actor) && grantKind) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('access_grant as g')
          .select('g.id')
          .whereRef('g.la_code', '=', 'child.la_code')
          .whereRef('g.child_id', '=', 'child.id')
          .where('g.user_id', '=', actor.userId)
          .where('g.kind', '=', grantKind)
          .where('g.revoked_at', 'is', null),
      ),
    );
  }
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`child.given_name || ' ' || child.family_name`, 'ilike', like),
        eb('child.reference', 'ilike', like),
        eb('child.upn', '=', filters.q!.toUpperCase()),
      ]),
    );
  }
  if (filters.need) query = query.where('child.primary_need', '=', filters.need);
  if (filters.officer && isUuid(filters.officer))
    query = query.where('child.lead_officer_id', '=', filters.officer);
  if (filters.unallocated) query = query.where('child.lead_officer_id', 'is', null);

  const countRow = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(countRow.n);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filters.page), pages);
  const rows = await query
    .select((eb) => [
      'child.id',
      'child.reference',
      'child.given_name',
      'child.family_name',
      'child.date_of_birth',
      'child.primary_need',
      'child.plan_status',
      'officer.display_name as officer_name',
      currentSetting(eb),
    ])
    .orderBy('child.family_name')
    .orderBy('child.given_name')
    .orderBy('child.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total, page, pages };
}

/** One child's record: details, family, settings, history. Audited; 404 for a child the actor may not see. */
export async function getChildRecord(db: Executor, actor: Actor, childId: string) {
  await authoriseChildRead(db, actor, childId);
  const child = await db
    .selectFrom('child')
    .leftJoin('app_user as officer', (j) =>
      j.onRef('officer.la_code', '=', 'child.la_code').onRef('officer.id', '=', 'child.lead_officer_id'),
    )
    .leftJoin('team', (j) =>
      j.onRef('team.la_code', '=', 'officer.la_code').onRef('team.id', '=', 'officer.team_id'),
    )
    .selectAll('child')
    .select([
      'officer.display_name as officer_name',
      'officer.email as officer_email',
      'team.name as team_name',
      'team.email as team_email',
      'team.phone as team_phone',
    ])
    .where('child.la_code', '=', actor.laCode)
    .where('child.id', '=', childId)
    .executeTakeFirstOrThrow();
  const authority = await db
    .selectFrom('local_authority')
    .selectAll()
    .where('la_code', '=', actor.laCode)
    .executeTakeFirstOrThrow();
  const family = await db
    .selectFrom('family_member')
    .selectAll()
    .where('la_code', '=', actor.laCode)
    .where('child_id', '=', childId)
    .orderBy('parental_responsibility', 'desc')
    .orderBy('family_name')
    .execute();
  const settings = await db
    .selectFrom('child_setting as cs')
    .innerJoin('setting as s', (j) =>
      j.onRef('s.la_code', '=', 'cs.la_code').onRef('s.id', '=', 'cs.setting_id'),
    )
    .select([
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
    .where('cs.la_code', '=', actor.laCode)
    .where('cs.child_id', '=', childId)
    .orderBy('cs.end_date', (ob) => ob.desc().nullsFirst())
    .orderBy('cs.start_date', 'desc')
    .execute();
  const history = await db
    .selectFrom('case_event as e')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.la_code', '=', 'e.la_code').onRef('u.id', '=', 'e.actor_user_id'),
    )
    .select(['e.id', 'e.at', 'e.kind', 'e.summary', 'u.display_name as actor_name'])
    .where('e.la_code', '=', actor.laCode)
    .where('e.child_id', '=', childId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(100)
    .execute();
  return { child, authority, family, settings, history };
}
