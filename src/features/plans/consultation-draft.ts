/**
 * The plan a school is consulted on (src/features/consultation): for an assessment, the latest draft shared for the
 * case; for an issued plan (an amendment, a phase transfer), the plan's latest version: the proposed amendments while
 * they are out, else the plan in force. Each is the same PDF the family gets, with the advice in its appendices. The
 * consultation feature decides who may read it.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import { planPdf as renderPdf } from './documents.ts';
import { documentView } from './view-models.ts';
import type { Snapshot } from './snapshot.ts';
import { latestDraftOfCase, latestIssuedPlan, latestIssuedVersionDay, versionSnapshots } from './store.ts';
import { versionsWithSnapshots } from './store/amendment.ts';

async function asPdf(version: { number: number; issued_on: string; snapshot: unknown }, kind: string) {
  const snapshot = (
    typeof version.snapshot === 'string' ? JSON.parse(version.snapshot) : version.snapshot
  ) as Snapshot;
  return {
    fileName: `${kind}-EHC-plan-${snapshot.child.reference}-v${version.number}.pdf`,
    content: await renderPdf(documentView(snapshot), version.number),
    number: version.number,
    issuedOn: version.issued_on,
  };
}

export async function draftPlanPdf(db: Executor, laCode: string, caseId: string) {
  const version = await latestDraftOfCase(db, laCode, caseId);
  return version ? asPdf(version, 'Draft') : null;
}

/** An issued plan's latest version as a PDF: the proposal while out, else the plan in force (null if none). */
export async function planPdf(db: Executor, laCode: string, planId: string) {
  const [latest] = await versionsWithSnapshots(db, laCode, planId);
  if (!latest) return null;
  return asPdf(
    latest,
    latest.kind === 'draft' ? 'Proposed' : latest.kind === 'amended' ? 'Amended' : 'Final',
  );
}

/**
 * A child's issued plan for consultation: the plan, its assessment case if any, and its round, the day its version in
 * force was issued (the latest final or amended version; a plan read in from a SEN2 return with no version: the day
 * it was first issued). Undefined when the child has no issued plan.
 */
export async function planInForceOfChild(db: Executor, laCode: string, childId: string) {
  const plan = await latestIssuedPlan(db, laCode, childId);
  if (!plan) return undefined;
  const inForce = (await latestIssuedVersionDay(db, laCode, plan.id)) ?? plan.final_issued;
  return inForce ? { planId: plan.id, childId, caseId: plan.case_id, inForce } : undefined;
}

/**
 * For the phase-transfer board (S2's naming check): the setting each of these versions' section I names (null when
 * none), read from the version as issued.
 */
export async function namedSettingsOfVersions(
  db: Executor,
  laCode: string,
  versionIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (versionIds.length === 0) return new Map();
  const rows = await versionSnapshots(db, laCode, versionIds);
  return new Map(
    rows.map((r) => {
      // A version without a structured plan (a bare record, as in older or imported data) names no setting.
      const snapshot = (
        typeof r.snapshot === 'string' ? JSON.parse(r.snapshot) : r.snapshot
      ) as Partial<Snapshot>;
      return [r.id, snapshot.plan?.placement?.settingId ?? null];
    }),
  );
}
