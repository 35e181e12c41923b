/** What each role sees first: that user's real work, from the database. */
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { listChildren } from '../children/service.ts';

export async function caseworkerHome(db: Executor, actor: Actor, page: number) {
  const children = await listChildren(db, actor, { officer: actor.userId, page }, 50);
  return { children };
}

export async function managerHome(db: Executor, actor: Actor) {
  const officers = await db
    .selectFrom('app_user as u')
    .leftJoin('child as c', (j) =>
      j
        .onRef('c.la_code', '=', 'u.la_code')
        .onRef('c.lead_officer_id', '=', 'u.id')
        .on('c.plan_status', 'in', ['assessment', 'plan']),
    )
    .select([
      'u.id',
      'u.display_name',
      'u.job_title',
      'u.active',
      (eb) => eb.fn.count<number>('c.id').as('caseload'),
    ])
    .where('u.la_code', '=', actor.laCode)
    .where('u.role', 'in', ['caseworker', 'team-manager'])
    .$if(actor.teamId !== null, (q) => q.where('u.team_id', '=', actor.teamId!))
    .groupBy(['u.id', 'u.display_name', 'u.job_title', 'u.active'])
    .orderBy('u.display_name')
    .execute();
  const unallocated = await listChildren(db, actor, { unallocated: true, page: 1 }, 10);
  return { officers: officers.map((o) => ({ ...o, caseload: Number(o.caseload) })), unallocated };
}

export async function leaderHome(db: Executor, actor: Actor) {
  const byStatus = await db
    .selectFrom('child')
    .select(['plan_status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('la_code', '=', actor.laCode)
    .groupBy('plan_status')
    .execute();
  const byNeed = await db
    .selectFrom('child')
    .select(['primary_need', (eb) => eb.fn.countAll<number>().as('n')])
    .where('la_code', '=', actor.laCode)
    .where('plan_status', '=', 'plan')
    .groupBy('primary_need')
    .orderBy(sql`count(*)`, 'desc')
    .execute();
  const plans = byNeed.reduce((sum, r) => sum + Number(r.n), 0);
  return {
    byStatus: Object.fromEntries(byStatus.map((r) => [r.plan_status, Number(r.n)])) as Record<string, number>,
    byNeed: byNeed.map((r) => ({
      need: r.primary_need,
      n: Number(r.n),
      share: plans ? Math.round((Number(r.n) / plans) * 1000) / 10 : 0,
    })),
    plans,
  };
}

export async function linkedChildrenHome(db: Executor, actor: Actor) {
  const children = await listChildren(db, actor, { page: 1 }, 100);
  const authority = await db
    .selectFrom('local_authority')
    .selectAll()
    .where('la_code', '=', actor.laCode)
    .executeTakeFirstOrThrow();
  return { children, authority };
}

export async function adminHome(db: Executor, actor: Actor) {
  const byRole = await db
    .selectFrom('app_user')
    .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
    .where('la_code', '=', actor.laCode)
    .where('active', '=', true)
    .groupBy('role')
    .orderBy('role')
    .execute();
  const recent = await db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', (j) => j.onRef('u.la_code', '=', 'a.la_code').onRef('u.id', '=', 'a.user_id'))
    .select(['a.id', 'a.at', 'a.action', 'a.outcome', 'a.record_type', 'u.display_name'])
    .where('a.la_code', '=', actor.laCode)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(10)
    .execute();
  return { byRole: byRole.map((r) => ({ role: r.role, n: Number(r.n) })), recent };
}
