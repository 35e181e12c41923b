/**
 * The plans as the plan quality audits read them (docs/plans.md "Quality audits"): each plan's child, writer, team
 * and review day, its versions, and the audits' backlog paged in SQL by the plans' review day. The audits name their
 * own plans by a query of plan ids (`PlanIdQuery`), so they never name `ehc_plan`.
 */
import type { SelectQueryBuilder } from 'kysely';
import type { Executor } from '../../../platform/audit/audit.ts';
import { idIn } from '../../../platform/db/any-id.ts';
import type { DB, EhcPlanVersionTable } from '../../../platform/db/schema/index.ts';
import type { Page } from '../../../platform/people/children.ts';

/** A query returning one column, `plan_id`: how a feature names a set of plans without naming `ehc_plan`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any tables: the feature's own
export type PlanIdQuery = SelectQueryBuilder<DB, any, { plan_id: string }>;

export interface PlanForAudit {
  readonly id: string;
  readonly child_id: string;
  readonly writer_id: string | null;
  readonly team_id: string | null;
  readonly review_due: string | null;
}

const PLAN_COLUMNS = ['id', 'child_id', 'writer_id', 'team_id', 'review_due'] as const;

/** These plans of the authority (those that exist) by id: whose child, who wrote it, its team and review day. */
export async function plansForAudits(
  db: Executor,
  laCode: string,
  planIds: readonly string[],
): Promise<Map<string, PlanForAudit>> {
  const ids = [...new Set(planIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('ehc_plan')
    .select(PLAN_COLUMNS)
    .where('la_code', '=', laCode)
    .where(idIn('id', ids))
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export interface VersionForAudit {
  readonly id: string;
  readonly plan_id: string;
  readonly number: number;
  readonly kind: EhcPlanVersionTable['kind'];
  readonly issued_on: string;
}

/** A plan's latest version (the one an audit grades), or undefined when it has none. */
export function latestVersionOfPlan(
  db: Executor,
  laCode: string,
  planId: string,
): Promise<VersionForAudit | undefined> {
  return db
    .selectFrom('ehc_plan_version')
    .select(['id', 'plan_id', 'number', 'kind', 'issued_on'])
    .where('la_code', '=', laCode)
    .where('plan_id', '=', planId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** These versions (those that exist) by id: the version an audit graded. */
export async function versionsForAudits(
  db: Executor,
  laCode: string,
  versionIds: readonly string[],
): Promise<Map<string, VersionForAudit>> {
  const ids = [...new Set(versionIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('ehc_plan_version')
    .select(['id', 'plan_id', 'number', 'kind', 'issued_on'])
    .where('la_code', '=', laCode)
    .where(idIn('id', ids))
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** One page of the plans whose id the query returns, soonest review first (no review day last), and their count. */
export async function plansByReviewDue(
  db: Executor,
  laCode: string,
  among: PlanIdQuery,
  page: number,
  pageSize: number,
): Promise<Page<PlanForAudit>> {
  const base = db.selectFrom('ehc_plan').where('la_code', '=', laCode).where('id', 'in', among);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(n) / pageSize));
  const p = Math.min(page, pages);
  const rows = await base
    .select(PLAN_COLUMNS)
    .orderBy('review_due', (ob) => ob.asc().nullsLast())
    .orderBy('id')
    .limit(pageSize)
    .offset((p - 1) * pageSize)
    .execute();
  return { rows, total: Number(n), page: p, pages };
}
