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

/** The plan to audit: its latest issued version. */
export async function auditTarget(db: Executor, actor: Actor, planId: string) {
  requireRole(actor, AUDITORS, 'plan-audit.new');
  if (!isUuid(planId)) throw new NotFoundError();
  const row = await db
    .selectFrom('ehc_plan as p')
    .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'p.la_code').onRef('c.id', '=', 'p.child_id'))
    .innerJoin('ehc_plan_version as v', (j) =>
      j.onRef('v.la_code', '=', 'p.la_code').onRef('v.plan_id', '=', 'p.id'),
    )
    .leftJoin('app_user as w', (j) =>
      j.onRef('w.la_code', '=', 'p.la_code').onRef('w.id', '=', 'p.writer_id'),
    )
    .select([
      'p.id',
      'p.child_id',
      'p.writer_id',
      'p.team_id',
      'c.given_name',
      'c.family_name',
      'c.reference',
      'v.id as version_id',
      'v.number',
      'v.kind',
      'v.issued_on',
      'w.display_name as writer_name',
    ])
    .where('p.la_code', '=', actor.laCode)
    .where('p.id', '=', planId)
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
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
    await trx
      .insertInto('case_event')
      .values({
        la_code: actor.laCode,
        child_id: target.child_id,
        actor_user_id: actor.userId,
        kind: 'plan-audit-actions',
        summary: `Plan quality audit: ${n} ${n === 1 ? 'action' : 'actions'} to improve the plan`,
        detail: JSON.stringify({ planId: target.id, auditId }),
      })
      .execute();
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
  const row = await db
    .selectFrom('plan_audit as a')
    .innerJoin('ehc_plan as p', (j) => j.onRef('p.la_code', '=', 'a.la_code').onRef('p.id', '=', 'a.plan_id'))
    .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'p.la_code').onRef('c.id', '=', 'p.child_id'))
    .innerJoin('ehc_plan_version as v', (j) =>
      j.onRef('v.la_code', '=', 'a.la_code').onRef('v.id', '=', 'a.version_id'),
    )
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.la_code', '=', 'a.la_code').onRef('u.id', '=', 'a.auditor_id'),
    )
    .leftJoin('app_user as w', (j) =>
      j.onRef('w.la_code', '=', 'a.la_code').onRef('w.id', '=', 'a.writer_id'),
    )
    .selectAll('a')
    .select([
      'p.child_id',
      'c.given_name',
      'c.family_name',
      'c.reference',
      'v.number',
      'v.kind as version_kind',
      'u.display_name as auditor_name',
      'w.display_name as writer_name',
    ])
    .where('a.la_code', '=', actor.laCode)
    .where('a.id', '=', auditId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  await authoriseChildRead(db, actor, row.child_id, 'plan-audit.read');
  const moderation = await db
    .selectFrom('plan_audit as a')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.la_code', '=', 'a.la_code').onRef('u.id', '=', 'a.auditor_id'),
    )
    .selectAll('a')
    .select('u.display_name as auditor_name')
    .where('a.la_code', '=', actor.laCode)
    .where('a.moderates_id', '=', row.kind === 'first' ? row.id : row.moderates_id!)
    .executeTakeFirst();
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
  const row = await db
    .selectFrom('plan_audit as a')
    .innerJoin('ehc_plan as p', (j) => j.onRef('p.la_code', '=', 'a.la_code').onRef('p.id', '=', 'a.plan_id'))
    .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'p.la_code').onRef('c.id', '=', 'p.child_id'))
    .innerJoin('ehc_plan_version as v', (j) =>
      j.onRef('v.la_code', '=', 'a.la_code').onRef('v.id', '=', 'a.version_id'),
    )
    .select([
      'a.id',
      'a.plan_id',
      'a.version_id',
      'a.auditor_id',
      'a.writer_id',
      'a.team_id',
      'a.sampled',
      'a.kind',
      'p.child_id',
      'c.given_name',
      'c.family_name',
      'c.reference',
      'v.number',
      'v.kind as version_kind',
      'v.issued_on',
    ])
    .where('a.la_code', '=', actor.laCode)
    .where('a.id', '=', auditId)
    .executeTakeFirst();
  if (!row || row.kind !== 'first' || !row.sampled) throw new NotFoundError();
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
    .leftJoin('team as t', (j) => j.onRef('t.la_code', '=', 'a.la_code').onRef('t.id', '=', 'a.team_id'))
    .leftJoin('app_user as w', (j) =>
      j.onRef('w.la_code', '=', 'a.la_code').onRef('w.id', '=', 'a.writer_id'),
    )
    .select([
      'a.id',
      'a.audited_on',
      'a.overall',
      'a.grades',
      'a.sampled',
      'm.id as moderation_id',
      'm.overall as m_overall',
      'm.grades as m_grades',
      't.name as team_name',
      'w.display_name as writer_name',
    ])
    .where('a.la_code', '=', actor.laCode)
    .where('a.kind', '=', 'first')
    .orderBy('a.audited_on')
    .execute();
  return rows.map((r) => ({
    ...r,
    grades: r.grades as Grades,
    m_grades: r.m_grades as Grades | null,
    team: r.team_name ?? 'No team',
    writer: r.writer_name ?? 'Not recorded',
  }));
}

export async function recentAudits(db: Executor, actor: Actor, page: number, pageSize = 20) {
  requireRole(actor, AUDITORS, 'plan-audit.list');
  const base = db.selectFrom('plan_audit as a').where('a.la_code', '=', actor.laCode);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(n) / pageSize));
  const p = Math.min(page, pages);
  const rows = await base
    .innerJoin('ehc_plan as p', (j) => j.onRef('p.la_code', '=', 'a.la_code').onRef('p.id', '=', 'a.plan_id'))
    .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'p.la_code').onRef('c.id', '=', 'p.child_id'))
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.la_code', '=', 'a.la_code').onRef('u.id', '=', 'a.auditor_id'),
    )
    .select([
      'a.id',
      'a.kind',
      'a.overall',
      'a.audited_on',
      'a.sampled',
      'c.id as child_id',
      'c.reference',
      'c.given_name',
      'c.family_name',
      'u.display_name as auditor_name',
    ])
    .orderBy('a.audited_on', 'desc')
    .orderBy('a.id')
    .limit(pageSize)
    .offset((p - 1) * pageSize)
    .execute();
  return { rows, total: Number(n), page: p, pages };
}

/** Sampled first audits waiting for a moderator other than their first auditor. */
export async function moderationQueue(db: Executor, actor: Actor) {
  requireRole(actor, AUDITORS, 'plan-audit.moderation');
  return db
    .selectFrom('plan_audit as a')
    .innerJoin('ehc_plan as p', (j) => j.onRef('p.la_code', '=', 'a.la_code').onRef('p.id', '=', 'a.plan_id'))
    .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'p.la_code').onRef('c.id', '=', 'p.child_id'))
    .select(['a.id', 'a.audited_on', 'c.id as child_id', 'c.reference', 'c.given_name', 'c.family_name'])
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
}

/** Plans whose latest first audit graded them requires improvement or inadequate, soonest review first. */
export async function backlog(db: Executor, actor: Actor, page: number, pageSize = 25) {
  requireRole(actor, [...AUDITORS, 'caseworker'], 'plan-audit.backlog');
  const latest = db
    .selectFrom('plan_audit')
    .select(['la_code', 'plan_id', sql<string>`max(audited_on)`.as('last')])
    .where('la_code', '=', actor.laCode)
    .where('kind', '=', 'first')
    .groupBy(['la_code', 'plan_id'])
    .as('l');
  const base = db
    .selectFrom(latest)
    .innerJoin('plan_audit as a', (j) =>
      j
        .onRef('a.la_code', '=', 'l.la_code')
        .onRef('a.plan_id', '=', 'l.plan_id')
        .onRef('a.audited_on', '=', 'l.last'),
    )
    .innerJoin('ehc_plan as p', (j) => j.onRef('p.la_code', '=', 'a.la_code').onRef('p.id', '=', 'a.plan_id'))
    .where('a.kind', '=', 'first')
    .where('a.overall', '>=', 3);
  const { n } = await base
    .select((eb) => eb.fn.count<number>('a.plan_id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(n) / pageSize));
  const p = Math.min(page, pages);
  const rows = await base
    .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'p.la_code').onRef('c.id', '=', 'p.child_id'))
    .leftJoin('app_user as w', (j) =>
      j.onRef('w.la_code', '=', 'p.la_code').onRef('w.id', '=', 'p.writer_id'),
    )
    .select([
      'p.id as plan_id',
      'a.id as audit_id',
      'a.overall',
      'a.audited_on',
      'p.review_due',
      'c.id as child_id',
      'c.reference',
      'c.given_name',
      'c.family_name',
      'w.display_name as writer_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('plan_audit_action as x')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('x.la_code', '=', 'p.la_code')
        .whereRef('x.plan_id', '=', 'p.id')
        .where('x.done_at', 'is', null)
        .as('open_actions'),
    )
    .distinctOn(['p.review_due', 'p.id'])
    .orderBy('p.review_due', (ob) => ob.asc().nullsLast())
    .orderBy('p.id')
    .limit(pageSize)
    .offset((p - 1) * pageSize)
    .execute();
  return { rows, total: Number(n), page: p, pages };
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
  const rows = await base
    .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'x.la_code').onRef('c.id', '=', 'x.child_id'))
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.la_code', '=', 'x.la_code').onRef('u.id', '=', 'x.assigned_to'),
    )
    .select([
      'x.id',
      'x.plan_id',
      'x.section',
      'x.text',
      'x.created_at',
      'x.done_at',
      'c.id as child_id',
      'c.reference',
      'c.given_name',
      'c.family_name',
      'u.display_name as assigned_name',
    ])
    .orderBy('x.done_at', (ob) => ob.desc().nullsFirst())
    .orderBy('x.created_at')
    .orderBy('x.id')
    .limit(pageSize)
    .offset((p - 1) * pageSize)
    .execute();
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
  await trx
    .insertInto('case_event')
    .values({
      la_code: actor.laCode,
      child_id: row.child_id,
      actor_user_id: actor.userId,
      kind: 'plan-audit-action-done',
      summary: 'Plan quality audit action done',
      detail: JSON.stringify({ planId: row.plan_id, actionId }),
    })
    .execute();
  await audit(trx, auditContext(actor), {
    action: 'plan-audit.action.done',
    recordType: 'plan_audit_action',
    recordId: actionId,
    childId: row.child_id,
  });
}
