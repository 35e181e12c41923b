/**
 * Quality audits of issued plans: a first audit grades each area and the plan overall against written criteria,
 * with evidence; one in four first audits is sampled for moderation, which a different auditor grades blind (the
 * first grades are not shown until the moderation is saved); agreement is reported; areas graded requires
 * improvement or inadequate become actions on the case (a case_event and a list), assigned to the plan's writer;
 * the backlog lists weakly graded plans by how soon each is next reviewed.
 *
 * Auditors: team managers and SEND leaders. Caseworkers see the actions assigned to them.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import {
  auditContext,
  authoriseChildRead,
  CASEWORK_ROLES,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childIdentities } from '../../platform/people/children.ts';
import { teamsOf, usersByIds } from '../../platform/people/users.ts';
import {
  latestVersionOfPlan,
  plansByReviewDue,
  plansForAudits,
  versionsForAudits,
  type PlanIdQuery,
} from '../plans/index.ts';
import { AUDIT_AREAS, GRADE_LABELS, type Grade, type Grades } from './stats.ts';

export const AUDITORS: readonly Role[] = ['team-manager', 'send-leader'];
/** One in this many first audits is sampled for blind moderation. */
export const MODERATION_EVERY = 4;

export class AuditError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
    this.name = 'AuditError';
  }
}

/** Each audited plan's child, named (the plans that exist and whose child the authority has). */
async function auditSubjects(db: Executor, laCode: string, planIds: readonly string[]) {
  const plans = await plansForAudits(db, laCode, planIds);
  const children = await childIdentities(
    db,
    laCode,
    [...plans.values()].map((p) => p.child_id),
  );
  const subjects = new Map<
    string,
    { child_id: string; given_name: string; family_name: string; reference: string }
  >();
  for (const [planId, plan] of plans) {
    const c = children.get(plan.child_id);
    if (c)
      subjects.set(planId, {
        child_id: c.id,
        given_name: c.given_name,
        family_name: c.family_name,
        reference: c.reference,
      });
  }
  return subjects;
}

/** The plan to audit: its latest issued version. */
export async function auditTarget(db: Executor, actor: Actor, planId: string) {
  requireRole(actor, AUDITORS, 'plan-audit.new');
  if (!isUuid(planId)) throw new NotFoundError();
  const plan = (await plansForAudits(db, actor.laCode, [planId])).get(planId);
  const version = plan && (await latestVersionOfPlan(db, actor.laCode, plan.id));
  const child = plan && (await childIdentities(db, actor.laCode, [plan.child_id])).get(plan.child_id);
  const writer = plan && (await usersByIds(db, actor.laCode, [plan.writer_id])).get(plan.writer_id ?? '');
  const row = plan &&
    version &&
    child && {
      id: plan.id,
      child_id: plan.child_id,
      writer_id: plan.writer_id,
      team_id: plan.team_id,
      given_name: child.given_name,
      family_name: child.family_name,
      reference: child.reference,
      version_id: version.id,
      number: version.number,
      kind: version.kind,
      issued_on: version.issued_on,
      writer_name: writer?.display_name ?? null,
    };
  if (!row) throw new NotFoundError();
  await authoriseChildRead(db, actor, row.child_id, 'plan-audit.read');
  return row;
}

export interface AuditInput {
  grades: Grades;
  overall: Grade;
  overallEvidence: string;
  token: string;
}

async function recordActions(
  trx: Executor,
  actor: Actor,
  auditId: string,
  target: { id: string; child_id: string; writer_id: string | null },
  input: AuditInput,
) {
  let n = 0;
  for (const area of AUDIT_AREAS) {
    const g = input.grades[area.key];
    if (!g || g.grade < 3) continue;
    const text = `Section ${area.title} graded ${GRADE_LABELS[g.grade].toLowerCase()}: ${g.evidence || area.criterion}`;
    await trx
      .insertInto('plan_audit_action')
      .values({
        la_code: actor.laCode,
        audit_id: auditId,
        plan_id: target.id,
        child_id: target.child_id,
        section: area.key,
        text: text.slice(0, 2000),
        assigned_to: target.writer_id,
        done_at: null,
        done_by: null,
      })
      .execute();
    n++;
  }
  if (n) {
    await recordCaseEvent(
      { trx, actor },
      {
        childId: target.child_id,
        kind: 'plan-audit-actions',
        summary: `Plan quality audit: ${n} ${n === 1 ? 'action' : 'actions'} to improve the plan`,
        detail: { planId: target.id, auditId },
      },
    );
  }
  return n;
}

export async function createAudit(
  trx: Executor,
  actor: Actor,
  planId: string,
  input: AuditInput,
  today: string,
): Promise<string> {
  const target = await auditTarget(trx, actor, planId);
  const { n } = await trx
    .selectFrom('plan_audit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('la_code', '=', actor.laCode)
    .where('kind', '=', 'first')
    .executeTakeFirstOrThrow();
  const inserted = await trx
    .insertInto('plan_audit')
    .values({
      la_code: actor.laCode,
      plan_id: target.id,
      version_id: target.version_id,
      kind: 'first',
      moderates_id: null,
      auditor_id: actor.userId,
      writer_id: target.writer_id,
      team_id: target.team_id,
      grades: JSON.stringify(input.grades),
      overall: input.overall,
      overall_evidence: input.overallEvidence,
      sampled: Number(n) % MODERATION_EVERY === 0,
      audited_on: today,
      idempotency_key: `${actor.userId}:${input.token}`,
    })
    .onConflict((oc) => oc.columns(['la_code', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const again = await trx
      .selectFrom('plan_audit')
      .select('id')
      .where('la_code', '=', actor.laCode)
      .where('idempotency_key', '=', `${actor.userId}:${input.token}`)
      .executeTakeFirstOrThrow();
    return again.id;
  }
  const actions = await recordActions(trx, actor, inserted.id, target, input);
  await audit(trx, auditContext(actor), {
    action: 'plan-audit.create',
    recordType: 'plan_audit',
    recordId: inserted.id,
    childId: target.child_id,
    detail: { overall: input.overall, actions },
  });
  return inserted.id;
}

export async function getAudit(db: Executor, actor: Actor, auditId: string) {
  requireRole(actor, AUDITORS, 'plan-audit.read');
  if (!isUuid(auditId)) throw new NotFoundError();
  const found = await db
    .selectFrom('plan_audit')
    .selectAll()
    .where('la_code', '=', actor.laCode)
    .where('id', '=', auditId)
    .executeTakeFirst();
  if (!found) throw new NotFoundError();
  const subject = (await auditSubjects(db, actor.laCode, [found.plan_id])).get(found.plan_id);
  const version = (await versionsForAudits(db, actor.laCode, [found.version_id])).get(found.version_id);
  const users = await usersByIds(db, actor.laCode, [found.auditor_id, found.writer_id]);
  const auditor = users.get(found.auditor_id);
  if (!subject || !version || !auditor) throw new NotFoundError();
  const row = {
    ...found,
    ...subject,
    number: version.number,
    version_kind: version.kind,
    auditor_name: auditor.display_name,
    writer_name: users.get(found.writer_id ?? '')?.display_name ?? null,
  };
  await authoriseChildRead(db, actor, row.child_id, 'plan-audit.read');
  const moderated = await db
    .selectFrom('plan_audit')
    .selectAll()
    .where('la_code', '=', actor.laCode)
    .where('moderates_id', '=', row.kind === 'first' ? row.id : row.moderates_id!)
    .executeTakeFirst();
  const moderator =
    moderated && (await usersByIds(db, actor.laCode, [moderated.auditor_id])).get(moderated.auditor_id);
  const moderation = moderated && moderator && { ...moderated, auditor_name: moderator.display_name };
  const first =
    row.kind === 'moderation'
      ? await db
          .selectFrom('plan_audit')
          .selectAll()
          .where('la_code', '=', actor.laCode)
          .where('id', '=', row.moderates_id!)
          .executeTakeFirst()
      : row;
  const actions = await db
    .selectFrom('plan_audit_action')
    .selectAll()
    .where('la_code', '=', actor.laCode)
    .where('audit_id', '=', row.id)
    .orderBy('section')
    .execute();
  return {
    audit: { ...row, grades: row.grades as Grades },
    first: first ? { ...first, grades: first.grades as Grades } : null,
    moderation: moderation ? { ...moderation, grades: moderation.grades as Grades } : null,
    actions,
  };
}

/**
 * The moderation form's subject: a sampled first audit not yet moderated, by someone else. Blind: the first audit's
 * grades are NOT returned here.
 */
export async function moderationTarget(db: Executor, actor: Actor, auditId: string) {
  requireRole(actor, AUDITORS, 'plan-audit.moderate');
  if (!isUuid(auditId)) throw new NotFoundError();
  const found = await db
    .selectFrom('plan_audit')
    .select(['id', 'plan_id', 'version_id', 'auditor_id', 'writer_id', 'team_id', 'sampled', 'kind'])
    .where('la_code', '=', actor.laCode)
    .where('id', '=', auditId)
    .executeTakeFirst();
  const subject = found && (await auditSubjects(db, actor.laCode, [found.plan_id])).get(found.plan_id);
  const version =
    found && (await versionsForAudits(db, actor.laCode, [found.version_id])).get(found.version_id);
  if (!found || !subject || !version || found.kind !== 'first' || !found.sampled) throw new NotFoundError();
  const row = {
    ...found,
    ...subject,
    number: version.number,
    version_kind: version.kind,
    issued_on: version.issued_on,
  };
  if (row.auditor_id === actor.userId)
    throw new AuditError('overall', 'You graded this plan first: a different auditor must moderate it');
  const done = await db
    .selectFrom('plan_audit')
    .select('id')
    .where('la_code', '=', actor.laCode)
    .where('moderates_id', '=', auditId)
    .executeTakeFirst();
  if (done) throw new AuditError('overall', 'This audit has already been moderated');
  await authoriseChildRead(db, actor, row.child_id, 'plan-audit.moderate');
  return row;
}

export async function createModeration(
  trx: Executor,
  actor: Actor,
  auditId: string,
  input: AuditInput,
  today: string,
): Promise<string> {
  const target = await moderationTarget(trx, actor, auditId);
  const inserted = await trx
    .insertInto('plan_audit')
    .values({
      la_code: actor.laCode,
      plan_id: target.plan_id,
      version_id: target.version_id,
      kind: 'moderation',
      moderates_id: auditId,
      auditor_id: actor.userId,
      writer_id: target.writer_id,
      team_id: target.team_id,
      grades: JSON.stringify(input.grades),
      overall: input.overall,
      overall_evidence: input.overallEvidence,
      sampled: false,
      audited_on: today,
      idempotency_key: `${actor.userId}:${input.token}`,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new AuditError('overall', 'This audit has already been moderated');
  await audit(trx, auditContext(actor), {
    action: 'plan-audit.moderate',
    recordType: 'plan_audit',
    recordId: inserted.id,
    childId: target.child_id,
    detail: { moderates: auditId, overall: input.overall },
  });
  return inserted.id;
}

/** Every first audit with its moderation (if any), for the statistics: grades and who and when. */
export async function auditFigures(db: Executor, actor: Actor) {
  requireRole(actor, AUDITORS, 'plan-audit.figures');
  const rows = await db
    .selectFrom('plan_audit as a')
    .leftJoin('plan_audit as m', (j) =>
      j.onRef('m.la_code', '=', 'a.la_code').onRef('m.moderates_id', '=', 'a.id'),
    )
    .select([
      'a.id',
      'a.audited_on',
      'a.overall',
      'a.grades',
      'a.sampled',
      'a.team_id',
      'a.writer_id',
      'm.id as moderation_id',
      'm.overall as m_overall',
      'm.grades as m_grades',
    ])
    .where('a.la_code', '=', actor.laCode)
    .where('a.kind', '=', 'first')
    .orderBy('a.audited_on')
    .execute();
  const teams = new Map((await teamsOf(db, actor.laCode)).map((t) => [t.id, t.name]));
  const writers = await usersByIds(
    db,
    actor.laCode,
    rows.map((r) => r.writer_id),
  );
  return rows.map(({ team_id, writer_id, ...r }) => {
    const team_name = teams.get(team_id ?? '') ?? null;
    const writer_name = writers.get(writer_id ?? '')?.display_name ?? null;
    return {
      ...r,
      team_name,
      writer_name,
      grades: r.grades as Grades,
      m_grades: r.m_grades as Grades | null,
      team: team_name ?? 'No team',
      writer: writer_name ?? 'Not recorded',
    };
  });
}

export async function recentAudits(db: Executor, actor: Actor, page: number, pageSize = 20) {
  requireRole(actor, AUDITORS, 'plan-audit.list');
  const base = db.selectFrom('plan_audit as a').where('a.la_code', '=', actor.laCode);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(n) / pageSize));
  const p = Math.min(page, pages);
  const audits = await base
    .select(['a.id', 'a.kind', 'a.overall', 'a.audited_on', 'a.sampled', 'a.plan_id', 'a.auditor_id'])
    .orderBy('a.audited_on', 'desc')
    .orderBy('a.id')
    .limit(pageSize)
    .offset((p - 1) * pageSize)
    .execute();
  const subjects = await auditSubjects(
    db,
    actor.laCode,
    audits.map((a) => a.plan_id),
  );
  const auditors = await usersByIds(
    db,
    actor.laCode,
    audits.map((a) => a.auditor_id),
  );
  const rows = audits.flatMap(({ plan_id, auditor_id, ...a }) => {
    const subject = subjects.get(plan_id);
    const auditor = auditors.get(auditor_id);
    return subject && auditor ? [{ ...a, ...subject, auditor_name: auditor.display_name }] : [];
  });
  return { rows, total: Number(n), page: p, pages };
}

/** Sampled first audits waiting for a moderator other than their first auditor. */
export async function moderationQueue(db: Executor, actor: Actor) {
  requireRole(actor, AUDITORS, 'plan-audit.moderation');
  const audits = await db
    .selectFrom('plan_audit as a')
    .select(['a.id', 'a.audited_on', 'a.plan_id'])
    .where('a.la_code', '=', actor.laCode)
    .where('a.kind', '=', 'first')
    .where('a.sampled', '=', true)
    .where('a.auditor_id', '!=', actor.userId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('plan_audit as m')
            .select('m.id')
            .whereRef('m.la_code', '=', 'a.la_code')
            .whereRef('m.moderates_id', '=', 'a.id'),
        ),
      ),
    )
    .orderBy('a.audited_on')
    .limit(100)
    .execute();
  const subjects = await auditSubjects(
    db,
    actor.laCode,
    audits.map((a) => a.plan_id),
  );
  return audits.flatMap(({ plan_id, ...a }) => {
    const subject = subjects.get(plan_id);
    return subject ? [{ ...a, ...subject }] : [];
  });
}

/** The plans whose latest first audit graded them requires improvement or inadequate, as a query of plan ids. */
function weakPlanIds(db: Executor, laCode: string): PlanIdQuery {
  return latestFirstAudits(db, laCode).where('a.overall', '>=', 3).select('a.plan_id');
}

/** Each plan's latest first audits (more than one when two were made on its latest day). */
function latestFirstAudits(db: Executor, laCode: string) {
  const latest = db
    .selectFrom('plan_audit')
    .select(['la_code', 'plan_id', sql<string>`max(audited_on)`.as('last')])
    .where('la_code', '=', laCode)
    .where('kind', '=', 'first')
    .groupBy(['la_code', 'plan_id'])
    .as('l');
  return db
    .selectFrom(latest)
    .innerJoin('plan_audit as a', (j) =>
      j
        .onRef('a.la_code', '=', 'l.la_code')
        .onRef('a.plan_id', '=', 'l.plan_id')
        .onRef('a.audited_on', '=', 'l.last'),
    )
    .where('a.kind', '=', 'first');
}

/** Plans whose latest first audit graded them requires improvement or inadequate, soonest review first. */
export async function backlog(db: Executor, actor: Actor, page: number, pageSize = 25) {
  requireRole(actor, [...AUDITORS, 'caseworker'], 'plan-audit.backlog');
  const plans = await plansByReviewDue(db, actor.laCode, weakPlanIds(db, actor.laCode), page, pageSize);
  const planIds = plans.rows.map((p) => p.id);
  const audits = planIds.length
    ? await latestFirstAudits(db, actor.laCode)
        .where('a.overall', '>=', 3)
        .where('a.plan_id', 'in', planIds)
        .select(['a.id', 'a.plan_id', 'a.overall', 'a.audited_on'])
        .orderBy('a.id')
        .execute()
    : [];
  const auditOf = new Map(audits.map((a) => [a.plan_id, a]));
  const open = planIds.length
    ? await db
        .selectFrom('plan_audit_action')
        .select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('la_code', '=', actor.laCode)
        .where('plan_id', 'in', planIds)
        .where('done_at', 'is', null)
        .groupBy('plan_id')
        .execute()
    : [];
  const openOf = new Map(open.map((o) => [o.plan_id, Number(o.n)]));
  const children = await childIdentities(
    db,
    actor.laCode,
    plans.rows.map((p) => p.child_id),
  );
  const writers = await usersByIds(
    db,
    actor.laCode,
    plans.rows.map((p) => p.writer_id),
  );
  const rows = plans.rows.flatMap((p) => {
    const a = auditOf.get(p.id);
    const c = children.get(p.child_id);
    if (!a || !c) return [];
    return [
      {
        plan_id: p.id,
        audit_id: a.id,
        overall: a.overall,
        audited_on: a.audited_on,
        review_due: p.review_due,
        child_id: c.id,
        reference: c.reference,
        given_name: c.given_name,
        family_name: c.family_name,
        writer_name: writers.get(p.writer_id ?? '')?.display_name ?? null,
        open_actions: openOf.get(p.id) ?? 0,
      },
    ];
  });
  return { rows, total: plans.total, page: plans.page, pages: plans.pages };
}

export async function listActions(
  db: Executor,
  actor: Actor,
  filters: { mine: boolean; open: boolean; page: number },
  pageSize = 25,
) {
  requireRole(actor, [...AUDITORS, 'caseworker'], 'plan-audit.actions');
  let base = db.selectFrom('plan_audit_action as x').where('x.la_code', '=', actor.laCode);
  if (filters.mine || actor.role === 'caseworker') base = base.where('x.assigned_to', '=', actor.userId);
  if (filters.open) base = base.where('x.done_at', 'is', null);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(n) / pageSize));
  const p = Math.min(filters.page, pages);
  const actions = await base
    .select([
      'x.id',
      'x.plan_id',
      'x.section',
      'x.text',
      'x.created_at',
      'x.done_at',
      'x.child_id',
      'x.assigned_to',
    ])
    .orderBy('x.done_at', (ob) => ob.desc().nullsFirst())
    .orderBy('x.created_at')
    .orderBy('x.id')
    .limit(pageSize)
    .offset((p - 1) * pageSize)
    .execute();
  const children = await childIdentities(
    db,
    actor.laCode,
    actions.map((x) => x.child_id),
  );
  const assignees = await usersByIds(
    db,
    actor.laCode,
    actions.map((x) => x.assigned_to),
  );
  const rows = actions.flatMap(({ assigned_to, ...x }) => {
    const c = children.get(x.child_id);
    if (!c) return [];
    const named = { reference: c.reference, given_name: c.given_name, family_name: c.family_name };
    return [{ ...x, ...named, assigned_name: assignees.get(assigned_to ?? '')?.display_name ?? null }];
  });
  return { rows, total: Number(n), page: p, pages };
}

export async function markActionDone(trx: Executor, actor: Actor, actionId: string): Promise<void> {
  requireRole(actor, [...CASEWORK_ROLES], 'plan-audit.action.done');
  if (!isUuid(actionId)) throw new NotFoundError();
  const row = await trx
    .selectFrom('plan_audit_action')
    .select(['id', 'child_id', 'assigned_to', 'done_at', 'plan_id'])
    .where('la_code', '=', actor.laCode)
    .where('id', '=', actionId)
    .executeTakeFirst();
  if (!row || (actor.role === 'caseworker' && row.assigned_to !== actor.userId)) throw new NotFoundError();
  if (row.done_at) return;
  await trx
    .updateTable('plan_audit_action')
    .set({ done_at: new Date(), done_by: actor.userId })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', actionId)
    .where('done_at', 'is', null)
    .execute();
  await recordCaseEvent(
    { trx, actor },
    {
      childId: row.child_id,
      kind: 'plan-audit-action-done',
      summary: 'Plan quality audit action done',
      detail: { planId: row.plan_id, actionId },
    },
  );
  await audit(trx, auditContext(actor), {
    action: 'plan-audit.action.done',
    recordType: 'plan_audit_action',
    recordId: actionId,
    childId: row.child_id,
  });
}
