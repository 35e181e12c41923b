/** Reading a case: the case, its clock, advice, exceptions and history, for casework staff and for the family. */
import type { Actor } from '../../platform/access/access.ts';
import { authoriseChildRead, CASEWORK_ROLES, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Step, Timeline } from '../../domain/clock/types.ts';
import { AGENCY_LABELS, caseTimeline, nextStep, stepById } from '../../domain/assessment/journey.ts';
import { adviceFact, exceptionFact, factsOf } from './store.ts';
import { historyMatching } from '../../platform/people/case-events.ts';
import { grantedChildIds } from '../../platform/people/children.ts';
import { userOfRow } from '../../platform/people/row-parties.ts';
import { caseOrNotFound, type CaseRecord, authority } from './case-support.ts';

export interface CaseView {
  record: CaseRecord;
  timeline: Timeline;
  next: Step | null;
  /** `step` is null for the family's own views, which have no statutory time limit (D4). */
  advice: Array<Awaited<ReturnType<typeof listAdvice>>[number] & { step: Step | null; label: string }>;
  exceptions: Awaited<ReturnType<typeof listExceptions>>;
  history: Awaited<ReturnType<typeof caseHistory>>;
  authority: Awaited<ReturnType<typeof authority>>;
  adviceLabels: Map<string, string>;
}

async function listAdvice(db: Executor, laCode: string, caseId: string) {
  const rows = await db
    .selectFrom('assessment_advice as a')
    .selectAll('a')
    .select(userOfRow('a.la_code', 'a.professional_user_id').as('professional'))
    .where('a.la_code', '=', laCode)
    .where('a.case_id', '=', caseId)
    .orderBy('a.requested')
    .orderBy('a.created_at')
    .execute();
  return rows.map(({ professional, ...advice }) => ({
    ...advice,
    professional_name: professional?.display_name ?? null,
    professional_title: professional?.job_title ?? null,
  }));
}

function listExceptions(db: Executor, laCode: string, caseId: string) {
  return db
    .selectFrom('assessment_exception')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('case_id', '=', caseId)
    .orderBy('recorded_at')
    .execute();
}

/** The case's one history: every case event about it, newest first. */
async function caseHistory(db: Executor, laCode: string, childId: string, caseId: string) {
  const events = await historyMatching(db, laCode, childId, { caseId }, 'withoutAdviceReason');
  return events.map(({ note, ...e }) => ({ ...e, reason: note }));
}

export function adviceLabel(a: {
  agency: string;
  service_name: string | null;
  professional_name?: string | null;
}) {
  const base = AGENCY_LABELS[a.agency] ?? a.agency;
  return a.service_name ? `${base}: ${a.service_name}` : base;
}

/** Everything about one case for casework staff (audited read of the child). */
export async function getCase(db: Executor, actor: Actor, caseId: string, today: string): Promise<CaseView> {
  requireRole(actor, CASEWORK_ROLES, 'assessment.case');
  const record = await caseOrNotFound(db, actor, caseId);
  await authoriseChildRead(db, actor, record.child_id, 'assessment.read');
  return caseView(db, actor, record, today);
}

async function caseView(
  db: Executor,
  actor: Actor,
  record: CaseRecord,
  today: string,
  authorityRow?: Awaited<ReturnType<typeof authority>>,
): Promise<CaseView> {
  // The clock's facts from the rows the page reads anyway (the case, its advice and exceptions in the same order as
  // loadFacts reads them), not read a second time (issue 20: three queries fewer per case).
  const adviceRows = await listAdvice(db, actor.laCode, record.id);
  const exceptions = await listExceptions(db, actor.laCode, record.id);
  const facts = factsOf(record, adviceRows.map(adviceFact), exceptions.map(exceptionFact));
  const timeline = caseTimeline(facts, today);
  const adviceLabels = new Map(adviceRows.map((a) => [a.id, adviceLabel(a)]));
  const advice = adviceRows.map((a) => ({
    ...a,
    step: stepById(timeline, `advice:${a.id}`) ?? null,
    label: adviceLabel(a),
  }));
  return {
    record,
    timeline,
    next: nextStep(timeline),
    advice,
    exceptions,
    // The reason staff recorded for going ahead without advice is for staff: the family sees what happened.
    history: (await caseHistory(db, actor.laCode, record.child_id, record.id)).map((e) =>
      CASEWORK_ROLES.includes(actor.role) ? e : { ...e, reason: null },
    ),
    authority: authorityRow ?? (await authority(db, actor.laCode)),
    adviceLabels,
  };
}

/** The open or latest assessment for each child the parent or young person is linked to. */
export async function familyCases(db: Executor, actor: Actor, today: string): Promise<CaseView[]> {
  requireRole(actor, ['parent', 'young-person'], 'assessment.family');
  const kind = actor.role === 'parent' ? 'parent' : 'young-person';
  const rows = await db
    .selectFrom('assessment_case as a')
    .select(['a.id', 'a.child_id', 'a.is_open'])
    .where('a.la_code', '=', actor.laCode)
    .where('a.child_id', 'in', grantedChildIds(db, actor.laCode, actor.userId, kind))
    .where('a.stage', '!=', 'linked')
    .orderBy('a.is_open', 'desc')
    .orderBy('a.request_received', 'desc')
    .execute();
  const seen = new Set<string>();
  const views: CaseView[] = [];
  // The authority read once for all the family's cases, not once a case.
  const authorityRow = rows.length ? await authority(db, actor.laCode) : undefined;
  for (const r of rows) {
    if (seen.has(r.child_id)) continue;
    seen.add(r.child_id);
    const record = await caseOrNotFound(db, actor, r.id);
    views.push(await caseView(db, actor, record, today, authorityRow));
  }
  return views;
}

/** One case for the family (their own child only; 404 otherwise, audited). */
export async function familyCase(
  db: Executor,
  actor: Actor,
  caseId: string,
  today: string,
): Promise<CaseView> {
  requireRole(actor, ['parent', 'young-person'], 'assessment.family');
  const record = await caseOrNotFound(db, actor, caseId).catch(() => null);
  if (!record || record.stage === 'linked') throw new NotFoundError();
  await authoriseChildRead(db, actor, record.child_id, 'assessment.family.read');
  return caseView(db, actor, record, today);
}
