/**
 * The draft plan a school is consulted on (src/features/consultation): the latest draft shared for the case, as the
 * same PDF the family gets, with the advice in its appendices. The consultation feature decides who may read it.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import { planPdf } from './documents.ts';
import { documentView } from './routes.ts';
import type { Snapshot } from './service.ts';
import { latestDraftOfCase } from './store.ts';

export async function draftPlanPdf(db: Executor, laCode: string, caseId: string) {
  const version = await latestDraftOfCase(db, laCode, caseId);
  if (!version) return null;
  const snapshot = (
    typeof version.snapshot === 'string' ? JSON.parse(version.snapshot) : version.snapshot
  ) as Snapshot;
  return {
    fileName: `Draft-EHC-plan-${snapshot.child.reference}-v${version.number}.pdf`,
    content: await planPdf(documentView(snapshot), version.number),
    number: version.number,
    issuedOn: version.issued_on,
  };
}
