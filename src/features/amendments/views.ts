/**
 * What the amendments pages read: a plan's amendments with their steps, dates and rights, the plan an amendment
 * belongs to, the caseworker's list of open amendments, and the family's notice of a proposal out with them.
 */
import { auditChildrenShown, isUuid, requireRole, type Actor } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { settingRegister } from '../../platform/people/settings.ts';
import {
  AMENDMENT_STATE_LABELS,
  amendmentState,
  amendmentSteps,
  datesOf,
  nextAction,
  TRIGGER_LABELS,
  type AmendmentState,
  type AmendmentStep,
} from '../../domain/review/index.ts';
import { buildRightsBlock, type RightsBlock } from '../../domain/rights/rights.ts';
import { planForAmendment, proposalChanges, type PlanForAmendment } from '../plans/index.ts';
import { planPlacementSummary, type PlacementSummary } from '../consultation/index.ts';
import { reviewsOf, type ReviewRow } from '../reviews/index.ts';
import { roundOf, sectionIProblems, type SectionIProblem } from './section-i.ts';
import { AMENDMENT_EDITORS, AMENDMENT_READERS, factsOf } from './support.ts';
import { amendmentById, amendmentsOf, openAmendments, openProposalOf, type AmendmentRow } from './store.ts';

export interface AmendmentView {
  readonly row: AmendmentRow;
  readonly state: AmendmentState;
  readonly stateLabel: string;
  readonly triggerLabel: string;
  readonly steps: readonly AmendmentStep[];
  readonly next: string;
  /** The family's rights as the end of the amendment gives them: the amended plan's, or the decision not to amend's. */
  readonly rights: RightsBlock | null;
}

export interface PlanAmendments {
  readonly plan: PlanForAmendment;
  /** Section I of the working copy against the consultations (shown before the issue form). */
  readonly sectionI: readonly SectionIProblem[];
  /** The family's preferences and the consultations of the plan's round (ADR 0032), or null for a plan not issued. */
  readonly placement: PlacementSummary | null;
  /** The settings the family may ask for (the register). */
  readonly register: readonly { id: string; name: string }[];
  readonly amendments: readonly AmendmentView[];
  readonly open: AmendmentView | null;
  /** Reviews of the plan that decided to amend and have no amendment yet: each can start one. */
  readonly reviewsToAmend: readonly ReviewRow[];
}

export interface FamilyNotice {
  readonly planId: string;
  readonly childName: string;
  readonly amendment: AmendmentRow;
  readonly triggerLabel: string;
  readonly changes: Awaited<ReturnType<typeof proposalChanges>>;
  readonly commentsEnd: string;
  readonly commentsOpen: boolean;
  readonly amendedPlanDue: string;
  readonly amendedPlanRule: string;
  readonly review: { held: string | null; reportSent: string | null; decisionDate: string | null } | null;
}

async function viewOf(
  db: Executor,
  r: AmendmentRow,
  today: string,
  name: string,
  laCode: string,
): Promise<AmendmentView> {
  const facts = factsOf(r);
  const state = amendmentState(facts, today);
  const ended = r.amended_issued ?? r.not_amended_on;
  return {
    row: r,
    state,
    stateLabel: AMENDMENT_STATE_LABELS[state],
    triggerLabel: TRIGGER_LABELS[r.trigger],
    steps: amendmentSteps(facts, today),
    next: nextAction(facts, today),
    rights: ended
      ? buildRightsBlock({
          kind: r.amended_issued ? 'amended-plan' : 'not-to-amend',
          decisionSent: ended,
          childName: name,
          contacts: await authoritySettings(db, laCode),
        })
      : null,
  };
}

/** A plan's amendments with their dates and rules, and the reviews that can start one. */
export async function planAmendments(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
): Promise<PlanAmendments> {
  requireRole(actor, AMENDMENT_READERS, 'amendment.read');
  const today = deps.today();
  const plan = await planForAmendment(deps.db, actor, planId, today);
  const [rows, reviews] = await Promise.all([
    amendmentsOf(deps.db, actor.laCode, plan.planId),
    reviewsOf(deps.db, actor.laCode, [plan.planId]),
  ]);
  const amendments = await Promise.all(
    rows.map((r) => viewOf(deps.db, r, today, plan.childName, actor.laCode)),
  );
  const started = new Set(rows.map((r) => r.review_id).filter((id) => id !== null));
  const round = roundOf(plan);
  return {
    plan,
    sectionI: await sectionIProblems(deps.db, actor.laCode, plan),
    placement: round ? await planPlacementSummary(deps.db, actor.laCode, round, today) : null,
    register: await settingRegister(deps.db, actor.laCode),
    amendments,
    open: amendments.find((a) => a.state !== 'amended' && a.state !== 'not-amended') ?? null,
    reviewsToAmend: reviews.filter((r) => r.decision === 'amend' && r.held && !started.has(r.id)),
  };
}

/** The plan an amendment belongs to (for the step forms): 404 when it is not of the actor's authority. */
export async function planOfAmendment(deps: ServiceDeps, actor: Actor, amendmentId: string): Promise<string> {
  requireRole(actor, AMENDMENT_EDITORS, 'amendment.change');
  if (!isUuid(amendmentId)) throw new NotFoundError();
  const row = await amendmentById(deps.db, actor.laCode, amendmentId);
  if (!row) throw new NotFoundError();
  return row.plan_id;
}

/** Every open amendment of the authority, with its state and next date (the caseworker's list). */
export async function openList(deps: ServiceDeps, actor: Actor) {
  requireRole(actor, AMENDMENT_READERS, 'amendment.list');
  const today = deps.today();
  const rows = await openAmendments(deps.db, actor.laCode);
  const names = await childNames(
    deps.db,
    actor.laCode,
    rows.map((r) => r.child_id),
  );
  await auditChildrenShown(
    deps.db,
    actor,
    'amendment.list',
    '/amendments',
    rows.map((r) => r.child_id),
  );
  return rows.map((r) => {
    const name = names.get(r.child_id);
    const facts = factsOf(r);
    const steps = amendmentSteps(facts, today);
    const nextStep = steps.find((s) => s.completed === null && s.id !== 'not-to-amend') ?? null;
    return {
      row: r,
      childName: name ? `${name.given_name} ${name.family_name}` : 'Unknown',
      reference: name?.reference ?? '',
      state: amendmentState(facts, today),
      stateLabel: AMENDMENT_STATE_LABELS[amendmentState(facts, today)],
      triggerLabel: TRIGGER_LABELS[r.trigger],
      nextStep,
    };
  });
}

/**
 * The notice of the proposal now out with the family: the proposed changes section by section, the evidence,
 * the 15 days and the date the amended plan is due. Staff, and the family and advisers of the child; anyone else
 * 404 (the plans feature's check, audited).
 */
export async function familyNotice(deps: ServiceDeps, actor: Actor, planId: string): Promise<FamilyNotice> {
  if (!isUuid(planId)) throw new NotFoundError();
  const today = deps.today();
  const row = await openProposalOf(deps.db, actor.laCode, planId);
  if (!row) {
    // Access first, through the plan's own check (audited), so an outsider learns nothing from a missing
    // proposal; for those who may see the plan, no proposal is out: 404 all the same.
    await proposalChanges(deps.db, actor, planId, 'none');
    throw new NotFoundError();
  }
  const changes = await proposalChanges(deps.db, actor, planId, row.proposal_version_id!);
  const dates = datesOf(factsOf(row))!;
  const review = row.review_id
    ? ((await reviewsOf(deps.db, actor.laCode, [planId])).find((r) => r.id === row.review_id) ?? null)
    : null;
  return {
    planId,
    childName: changes.child.fullName,
    amendment: row,
    triggerLabel: TRIGGER_LABELS[row.trigger],
    changes,
    commentsEnd: dates.commentsEnd.date,
    commentsOpen: today <= dates.commentsEnd.date,
    amendedPlanDue: dates.amendedPlanDue.date,
    amendedPlanRule: `${dates.amendedPlanDue.rule} (${dates.amendedPlanDue.source})`,
    review: review
      ? { held: review.held, reportSent: review.report_sent, decisionDate: review.decision_date }
      : null,
  };
}
