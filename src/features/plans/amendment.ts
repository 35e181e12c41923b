/**
 * What the plan does for an amendment (reg 22; ADR 0017): the amendments feature owns the amendment's record and
 * its dates; the plan owns its versions. An amendment proposal is the plan in force with the proposed changes made
 * in the plan editor, issued as a new draft version of the same plan and shared with the family for comment (the
 * comment-on-draft mechanism). The amended plan is a new version of the same plan, `amended`, which the plan issues
 * only when its own versions show a proposal newer than the plan in force whose 15 days for comments are over (the
 * clock's `amendedPlanIssueCheck`): an amended plan without a proposal cannot be written, whoever asks. The review
 * date never moves.
 */
import type { Actor } from '../../platform/access/access.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import { auditContext, isUuid } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { amendedPlanIssueCheck } from '../../domain/clock/index.ts';
import { longDate } from '../../domain/calendar.ts';
import { adviceName, compareVersions, planLines, SECTION_TITLES, type ComparedSection } from './describe.ts';
import { editable, readableByStaff, readableVersions } from './access.ts';
import { loadPlan, validOverride } from './read.ts';
import { PlanError } from './service.ts';
import { snapshotOf } from './snapshot.ts';
import {
  insertVersion,
  nextVersionNumber,
  restoreWorkingCopy,
  setShared,
  versionsWithSnapshots,
  type VersionRow,
} from './store/amendment.ts';

export interface ComparedWithTitle extends ComparedSection {
  readonly title: string;
}

export interface ProposedChanges {
  readonly compared: readonly ComparedWithTitle[];
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly total: number;
}

function changesBetween(older: VersionRow['snapshot'], newer: VersionRow['snapshot']): ProposedChanges {
  const compared = compareVersions(planLines(older.plan), planLines(newer.plan)).map((c) => ({
    ...c,
    title: SECTION_TITLES[c.section],
  }));
  const added = compared.reduce((n, c) => n + c.added, 0);
  const removed = compared.reduce((n, c) => n + c.removed, 0);
  const changed = compared.reduce((n, c) => n + c.changed, 0);
  return { compared, added, removed, changed, total: added + removed + changed };
}

/** The plan in force: its latest final or amended version. */
const inForceOf = (versions: readonly VersionRow[]) =>
  versions.find((v) => v.kind === 'final' || v.kind === 'amended');

/** A proposal: a draft version newer than the plan in force, shared with the family now. */
const proposalOf = (versions: readonly VersionRow[], sharedVersionId: string | null) => {
  const inForce = inForceOf(versions);
  const latest = versions[0];
  return inForce &&
    latest &&
    latest.kind === 'draft' &&
    latest.number > inForce.number &&
    latest.id === sharedVersionId
    ? latest
    : undefined;
};

export interface PlanForAmendment {
  readonly planId: string;
  readonly childId: string;
  readonly reference: string;
  readonly childName: string;
  readonly status: 'draft' | 'final' | 'amended';
  readonly inForce: { id: string; number: number; kind: string; issuedOn: string } | null;
  readonly proposal: { id: string; number: number; issuedOn: string } | null;
  /** The working copy in the editor against the plan in force: what a proposal sent now would propose. */
  readonly workingChanges: ProposedChanges | null;
  /** Golden-thread errors in the working copy, and whether a manager's override covers them. */
  readonly threadErrors: number;
  readonly overridden: boolean;
  readonly placementNamed: boolean;
  /** Section I: the setting the working copy names, and the one the plan in force names (the amendment's check). */
  readonly sectionI: {
    readonly named: { readonly settingId: string; readonly name: string } | null;
    readonly inForce: { readonly settingId: string; readonly name: string } | null;
  };
  /** The assessment case the plan belongs to (its consultations are kept on it), or null (a plan read in). */
  readonly caseId: string | null;
}

/** The plan as an amendment sees it (casework staff; an audited read of the child). */
export async function planForAmendment(
  db: Executor,
  actor: Actor,
  planId: string,
  today: string,
): Promise<PlanForAmendment> {
  const record = await readableByStaff(db, actor, planId, 'plan.amendment.read');
  const versions = await versionsWithSnapshots(db, actor.laCode, planId);
  const inForce = inForceOf(versions);
  const proposal = proposalOf(versions, record.shared_version_id);
  const loaded = await loadPlan(db, record, today);
  const working = snapshotOf(loaded, record.status);
  const override = loaded.check.errors > 0 ? await validOverride(db, record) : undefined;
  return {
    planId: record.id,
    childId: record.child_id,
    reference: record.reference,
    childName: `${record.given_name} ${record.family_name}`,
    status: record.status,
    inForce: inForce
      ? { id: inForce.id, number: inForce.number, kind: inForce.kind, issuedOn: inForce.issued_on }
      : null,
    proposal: proposal ? { id: proposal.id, number: proposal.number, issuedOn: proposal.issued_on } : null,
    workingChanges: inForce ? changesBetween(inForce.snapshot, working) : null,
    threadErrors: loaded.check.errors,
    overridden: override !== undefined,
    placementNamed: loaded.plan.placement !== null,
    sectionI: {
      named: loaded.plan.placement,
      inForce: inForce?.snapshot.plan.placement ?? null,
    },
    caseId: record.case_id,
  };
}

/**
 * The proposed changes of a proposal version against the plan in force before it, section by section (the version
 * comparison). Staff, and the family and advisers of the child (readableVersions: 404 for anyone else, audited).
 */
export async function proposalChanges(
  db: Executor,
  actor: Actor,
  planId: string,
  proposalVersionId: string,
): Promise<
  ProposedChanges & {
    proposal: { number: number; issuedOn: string };
    inForce: { number: number };
    child: { name: string; fullName: string };
    /** Section K of the proposal: the advice the plan rests on, part of the evidence (reg 22(2)(a)). */
    advice: { name: string; received: string }[];
  }
> {
  const record = await readableVersions(db, actor, planId);
  if (!isUuid(proposalVersionId)) throw new NotFoundError();
  const versions = await versionsWithSnapshots(db, actor.laCode, planId);
  const proposal = versions.find((v) => v.id === proposalVersionId && v.kind === 'draft');
  const before = proposal && inForceOf(versions.filter((v) => v.number < proposal.number));
  if (!proposal || !before) throw new NotFoundError();
  return {
    ...changesBetween(before.snapshot, proposal.snapshot),
    proposal: { number: proposal.number, issuedOn: proposal.issued_on },
    inForce: { number: before.number },
    child: {
      name: record.preferred_name || record.given_name,
      fullName: `${record.given_name} ${record.family_name}`,
    },
    advice: proposal.snapshot.plan.advice.map((a) => ({ name: adviceName(a), received: a.received })),
  };
}

/**
 * An amended version against the version in force before it, for the amended plan's notice (the notices feature
 * writes it; its reader's access is the notice's own): the version's number and day, and the sections that changed.
 * Undefined for no such amended version of the plan.
 */
export async function amendedVersionSummary(
  db: Executor,
  laCode: string,
  planId: string,
  versionId: string,
): Promise<{ number: number; issuedOn: string; sections: string[] } | undefined> {
  const versions = await versionsWithSnapshots(db, laCode, planId);
  const amended = versions.find((v) => v.id === versionId && v.kind === 'amended');
  const before = amended && inForceOf(versions.filter((v) => v.number < amended.number));
  if (!amended || !before) return undefined;
  const changes = changesBetween(before.snapshot, amended.snapshot);
  return {
    number: amended.number,
    issuedOn: amended.issued_on,
    sections: changes.compared.filter((c) => c.added + c.removed + c.changed > 0).map((c) => c.title),
  };
}

/**
 * Shares the proposal: the working copy as a new draft version of the issued plan, shared with the family for their
 * comments from `date` (their 15 days). Refused for a plan not yet issued, with a proposal already shared, or with
 * no change from the plan in force.
 */
export async function shareProposal(
  ctx: ChangeContext,
  planId: string,
  input: { date: string; at?: Date; versionId?: string },
): Promise<{ versionId: string; number: number; changes: number }> {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.proposal.issue');
  const versions = await versionsWithSnapshots(trx, actor.laCode, planId);
  const inForce = inForceOf(versions);
  if (record.status === 'draft' || !inForce) {
    throw new PlanError('date', 'Only an issued plan can be amended: issue the final plan first');
  }
  if (input.date < inForce.issued_on) {
    throw new PlanError(
      'date',
      `The proposal cannot be sent before the plan in force was issued (version ${inForce.number}, ${longDate(inForce.issued_on)})`,
    );
  }
  if (proposalOf(versions, record.shared_version_id))
    throw new PlanError('date', 'The proposed amendments have already been sent');
  const loaded = await loadPlan(trx, record, ctx.today, 'draft');
  const snapshot = snapshotOf(loaded, 'draft');
  const changes = changesBetween(inForce.snapshot, snapshot).total;
  if (changes === 0) {
    throw new PlanError(
      'date',
      'The plan has no proposed changes yet: make the changes in the plan editor before sending the proposal',
    );
  }
  const number = await nextVersionNumber(trx, actor.laCode, planId);
  const versionId = await insertVersion(trx, {
    ...(input.versionId ? { id: input.versionId } : {}),
    laCode: actor.laCode,
    planId,
    number,
    kind: 'draft',
    issuedOn: input.date,
    issuedBy: actor.userId,
    snapshot,
    threadErrors: loaded.check.errors,
    overrideId: null,
  });
  await setShared(trx, actor.laCode, planId, { versionId, draftServed: input.date });
  await audit(trx, auditContext(actor), {
    action: 'plan.proposal.issue',
    recordType: 'ehc_plan',
    recordId: planId,
    childId: record.child_id,
    detail: { versionId, number, changes },
  });
  await recordCaseEvent(ctx, {
    childId: record.child_id,
    kind: 'plan-amendment-proposed',
    summary: `Proposed amendments to the EHC plan (version ${number}) sent to the family for comment`,
    detail: { planId, versionId },
    // when it happened, if not now: the demo's history is dated from its own day, so it is the same in every database
    ...(input.at ? { at: input.at } : {}),
  });
  return { versionId, number, changes };
}

/**
 * Issues the amended plan: a new version of the same plan, `amended`. Refused unless the plan's latest version is a
 * proposal (a draft newer than the plan in force) whose 15 days are over (reg 22(2)-(3); the clock's
 * `amendedPlanIssueCheck`), without section I, or with golden-thread errors no manager's override covers. The
 * review date is not touched (CFA s44(1); J2).
 */
export async function issueAmendedPlan(
  ctx: ChangeContext,
  planId: string,
  input: { date: string; proposalVersionId: string; at?: Date; versionId?: string },
): Promise<{ versionId: string; number: number; proposalVersionId: string }> {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.amended.issue');
  if (record.status === 'draft') {
    throw new PlanError('date', 'Only an issued plan can be amended: issue the final plan first');
  }
  const versions = await versionsWithSnapshots(trx, actor.laCode, planId);
  const shared = proposalOf(versions, record.shared_version_id);
  const proposal = shared?.id === input.proposalVersionId ? shared : undefined;
  const check = amendedPlanIssueCheck({ proposalSent: proposal?.issued_on ?? null, issueDate: input.date });
  if (!check.allowed) throw new PlanError('date', check.reason);
  if (input.date > ctx.today) throw new PlanError('date', 'The date must be today or in the past');
  const loaded = await loadPlan(trx, record, ctx.today, 'amended');
  if (!loaded.plan.placement) {
    throw new PlanError(
      'date',
      'Name the school or other setting in section I before issuing the amended plan',
    );
  }
  const override = loaded.check.errors > 0 ? await validOverride(trx, record) : undefined;
  if (loaded.check.errors > 0 && !override) {
    throw new PlanError(
      'date',
      `The plan has ${loaded.check.errors} golden-thread ${loaded.check.errors === 1 ? 'error' : 'errors'}. Fix them, or ask a team manager to record why the plan should be issued anyway.`,
    );
  }
  const number = await nextVersionNumber(trx, actor.laCode, planId);
  const versionId = await insertVersion(trx, {
    ...(input.versionId ? { id: input.versionId } : {}),
    laCode: actor.laCode,
    planId,
    number,
    kind: 'amended',
    issuedOn: input.date,
    issuedBy: actor.userId,
    snapshot: snapshotOf(loaded, 'amended'),
    threadErrors: loaded.check.errors,
    overrideId: override?.id ?? null,
  });
  await setShared(trx, actor.laCode, planId, { versionId, amendedOn: input.date });
  await audit(trx, auditContext(actor), {
    action: 'plan.amended.issue',
    recordType: 'ehc_plan',
    recordId: planId,
    childId: record.child_id,
    detail: { versionId, number, proposalVersionId: proposal!.id, overrideId: override?.id ?? null },
  });
  await recordCaseEvent(ctx, {
    childId: record.child_id,
    kind: 'plan-amended',
    summary: `Amended EHC plan issued (version ${number}) after the proposed amendments of ${proposal!.issued_on}`,
    detail: { planId, versionId, proposalVersionId: proposal!.id },
    ...(input.at ? { at: input.at } : {}),
  });
  return { versionId, number, proposalVersionId: proposal!.id };
}

/**
 * After a decision not to amend: the plan in force is shared again (the proposal stays in the versions, as sent), and
 * the editor's working copy is written back from the plan in force, so the proposed changes are undone and the next
 * review or amendment starts from the plan as issued (its version's snapshot; the advice received stays in section K).
 */
export async function withdrawProposal(ctx: ChangeContext, planId: string): Promise<void> {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.proposal.withdraw');
  const versions = await versionsWithSnapshots(trx, actor.laCode, planId);
  const inForce = inForceOf(versions);
  if (!proposalOf(versions, record.shared_version_id) || !inForce) return;
  await setShared(trx, actor.laCode, planId, { versionId: inForce.id });
  const restored = await restoreWorkingCopy(trx, actor.laCode, planId, inForce.snapshot);
  await audit(trx, auditContext(actor), {
    action: 'plan.proposal.withdraw',
    recordType: 'ehc_plan',
    recordId: planId,
    childId: record.child_id,
    detail: { sharedVersionId: inForce.id, workingCopyFrom: inForce.number, items: restored.items },
  });
}
