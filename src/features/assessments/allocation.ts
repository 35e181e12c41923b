/** Naming (or changing) the caseworker for a case. */
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { caseTimeline } from '../../domain/assessment/journey.ts';
import { loadFacts } from './store.ts';
import { setChildLeadOfficer } from '../../platform/people/children.ts';
import { activeOfficer } from '../../platform/people/users.ts';
import {
  MANAGERS,
  JourneyError,
  type ChangeContext,
  caseOrNotFound,
  childName,
  recordEvent,
  notifyFamily,
  teamContact,
  nextSentence,
} from './case-support.ts';

async function assignableOfficer(trx: Executor, laCode: string, officerId: string) {
  if (!isUuid(officerId)) return undefined;
  return activeOfficer(trx, laCode, officerId);
}

/** Names (or changes) the officer for a case: one statement, so the case is never without one. */
export async function allocate(ctx: ChangeContext, caseId: string, officerId: string): Promise<void> {
  const { trx, actor } = ctx;
  requireRole(actor, MANAGERS, 'assessment.allocate');
  const record = await caseOrNotFound(trx, actor, caseId);
  if (!['request', 'assessment', 'draft'].includes(record.stage))
    throw new JourneyError('officer', 'This request is closed: it cannot be allocated');
  const officer = await assignableOfficer(trx, actor.laCode, officerId);
  if (!officer) throw new JourneyError('officer', 'Select an officer from the list');
  if (record.officer_id === officer.id) return;
  await trx
    .updateTable('assessment_case')
    .set({ officer_id: officer.id, allocated_at: new Date(), updated_at: new Date() })
    .where('la_code', '=', actor.laCode)
    .where('id', '=', caseId)
    .execute();
  await setChildLeadOfficer(trx, actor.laCode, record.child_id, officer.id);
  await recordEvent(
    trx,
    actor,
    record.child_id,
    caseId,
    record.officer_id ? 'assessment-reallocated' : 'assessment-allocated',
    record.officer_id
      ? `Caseworker changed from ${record.officer_name} to ${officer.display_name}`
      : `${officer.display_name} named as caseworker`,
    { officerId: officer.id, previousOfficerId: record.officer_id },
  );
  await audit(trx, auditContext(actor), {
    action: 'assessment.allocate',
    recordType: 'assessment_case',
    recordId: caseId,
    childId: record.child_id,
    detail: { officerId: officer.id, previousOfficerId: record.officer_id },
  });
  const facts = (await loadFacts(trx, actor.laCode, [caseId])).get(caseId)!;
  await notifyFamily(ctx, record, 'assessment-allocated', {
    child: childName(record),
    officer: officer.display_name,
    officerEmail: officer.email,
    next: nextSentence(caseTimeline(facts, ctx.today), childName(record)),
    ...teamContact(record),
  });
}
