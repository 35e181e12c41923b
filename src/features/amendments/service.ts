/**
 * The amendments service (issue 12 item 3; S1 and reg 22; ADR 0017). An amendment starts from a review's decision to
 * amend or, at any other time, from a reason with details; the caseworker makes the proposed changes in the plan
 * editor and sends the proposal (the plans feature shares it as a draft version for the family's comments); then
 * either the amended plan is issued (a new version of the same plan, through the plans feature, which refuses it
 * without a proposal whose 15 days are over) or the council decides not to amend after all, with reasons and the
 * family's rights. Every date is the clock's, through src/domain/review; a late step is accepted and returned as a
 * warning naming its rule.
 *
 * Access: casework staff read a plan's amendments; caseworkers and team managers change them; the family and the
 * child's advisers read the notice of a proposal (the plans feature decides who may see the plan's versions: 404
 * for anyone else, audited). Every change is one transaction with an audit entry and a case event.
 */
import { lowerFirst } from '../../platform/text.ts';
import {
  auditChildrenShown,
  auditContext,
  CASEWORK_ROLES,
  isUuid,
  requireRole,
  type Actor,
} from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { LETTER_LINES, queueNotification } from '../../platform/notify/notify.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { familyContactsFor } from '../../platform/people/recipients.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import { userWithTeam } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import { settingRegister } from '../../platform/people/settings.ts';
import { FieldError as FormFieldError } from '../../platform/web/forms.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  AMENDMENT_STATE_LABELS,
  amendmentState,
  amendmentSteps,
  checkAmendedIssue,
  checkNotToAmend,
  checkProposal,
  checkStart,
  datesOf,
  nextAction,
  TRIGGER_LABELS,
  type AmendmentCheck,
  type AmendmentFacts,
  type AmendmentLateness,
  type AmendmentState,
  type AmendmentStep,
  type AmendmentTrigger,
  type FieldError,
} from '../../domain/review/index.ts';
import { buildRightsBlock, type RightsBlock } from '../../domain/rights/rights.ts';
import {
  issueAmendedPlan,
  planForAmendment,
  PlanError,
  proposalChanges,
  shareProposal,
  withdrawProposal,
  type PlanForAmendment,
  type ProposedChanges,
} from '../plans/index.ts';
import {
  amendedPlacementProblems,
  planPlacementSummary,
  PROPOSAL_DOCUMENT,
  recordPlanPreference,
  type PlacementSummary,
  type PlanSubject,
} from '../consultation/index.ts';
import { familyContactLine, sendPlanLetter } from '../notices/index.ts';
import { amendedPlanLetterFacts, notToAmendLetterFacts } from './letters.ts';
import { refreshReviewSchedules, reviewsOf, type ReviewRow } from '../reviews/index.ts';
import {
  amendmentById,
  amendmentsOf,
  insertAmendment,
  openAmendments,
  openProposalOf,
  updateAmendment,
  type AmendmentRow,
} from './store.ts';

export const AMENDMENT_READERS: readonly Role[] = CASEWORK_ROLES;
export const AMENDMENT_EDITORS: readonly Role[] = ['caseworker', 'team-manager'];
/** Who may read the notice of a proposal besides staff: the plans feature checks they are the child's. */
export const NOTICE_READERS: readonly Role[] = ['parent', 'young-person', 'professional'];

/** A rule refused the change: shown as the GOV.UK error summary, with the input kept. */
export class AmendmentFormError extends FormFieldError {
  readonly errors: readonly FieldError[];
  constructor(errors: readonly FieldError[]) {
    super(errors[0]?.field ?? 'form', errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }
}

/** A problem with the amended plan's section I, with the rule it breaks (S3; shown on the page, refused on issue). */
export interface SectionIProblem {
  readonly message: string;
  readonly rule: string;
  /** True when issuing is refused for it; false for what Goldthread cannot check (shown, not refused). */
  readonly blocks: boolean;
}

const SECTION_I_RULE =
  'A plan may name a school or other setting only after consulting it, and a setting the family asked for that is not named needs a recorded reason (Children and Families Act 2014 s39; SEND Regulations 2014 reg 22(3))';

/** The plan's round for consultation (ADR 0032): the plan in force, by the day its version was issued. */
export const roundOf = (plan: PlanForAmendment): PlanSubject | null =>
  plan.inForce ? { planId: plan.planId, childId: plan.childId, inForce: plan.inForce.issuedOn } : null;

/**
 * Section I of the amended plan against the consultations and the family's preferences of this round (S3, as a final
 * plan is checked; ADR 0032), whether or not the plan has an assessment on record: a setting other than the plan in
 * force's must have been consulted, and each preference of the round the plan does not meet needs its recorded
 * ground. With nothing named, each preference without a ground is a problem.
 */
export async function sectionIProblems(
  db: Parameters<typeof amendedPlacementProblems>[0],
  laCode: string,
  plan: PlanForAmendment,
): Promise<SectionIProblem[]> {
  const { named, inForce } = plan.sectionI;
  const round = roundOf(plan);
  if (!round) return [];
  const problems = named
    ? await amendedPlacementProblems(
        db,
        laCode,
        round,
        { kind: 'setting', settingId: named.settingId, settingName: named.name },
        inForce?.settingId ?? null,
      )
    : (await planPlacementSummary(db, laCode, round, round.inForce)).preferences
        .filter((p) => !p.refusal_ground)
        .map((p) => ({
          message: `The family asked for ${p.text}. Name it in section I, or record the legal ground (section 39(4)) and your reasons for not naming it`,
        }));
  return problems.map((p) => ({ message: p.message, rule: SECTION_I_RULE, blocks: true }));
}

export function factsOf(r: AmendmentRow): AmendmentFacts {
  return {
    trigger: r.trigger,
    meeting: r.meeting_date,
    started: r.started_on,
    proposalSent: r.proposal_sent,
    amendedIssued: r.amended_issued,
    notAmended: r.not_amended_on,
  };
}

function ensure(result: AmendmentCheck): readonly AmendmentLateness[] {
  if (!result.ok) throw new AmendmentFormError(result.errors);
  return result.warnings;
}

/** A plan rule's refusal, as this feature's form error. */
async function asForm<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof PlanError) throw new AmendmentFormError([{ field: e.field, message: e.message }]);
    throw e;
  }
}

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

/** The family may ask for a meeting while the proposal is out, within its 15 days (reg 22(2)(c)). */
function checkMeetingRequest(row: AmendmentRow, date: string | null, today: string): FieldError[] {
  const dates = datesOf(factsOf(row));
  if (!row.proposal_sent || !dates || row.amended_issued || row.not_amended_on)
    return [
      {
        field: 'date',
        message: 'The family can ask for a meeting while the proposed amendments are out with them',
      },
    ];
  if (row.meeting_requested_on)
    return [
      {
        field: 'date',
        message: `The family has already asked for a meeting, on ${longDate(row.meeting_requested_on)}`,
      },
    ];
  if (!date) return [{ field: 'date', message: 'Enter the date the family asked for a meeting' }];
  if (date > today)
    return [{ field: 'date', message: 'The date the family asked must be today or in the past' }];
  if (date < row.proposal_sent)
    return [
      {
        field: 'date',
        message: `The date the family asked must be on or after ${longDate(row.proposal_sent)}, when the proposal was sent`,
      },
    ];
  if (date > dates.commentsEnd.date)
    return [
      {
        field: 'date',
        message: `The family could ask for a meeting until ${longDate(dates.commentsEnd.date)}: ${dates.commentsEnd.rule} (${dates.commentsEnd.source}). Record a later request as a comment.`,
      },
    ];
  return [];
}

function checkMeetingHeld(row: AmendmentRow, date: string | null, today: string): FieldError[] {
  if (!row.meeting_requested_on)
    return [{ field: 'date', message: 'Record the family’s request for a meeting first' }];
  if (row.meeting_held_on)
    return [
      { field: 'date', message: `The meeting was recorded as held on ${longDate(row.meeting_held_on)}` },
    ];
  if (!date) return [{ field: 'date', message: 'Enter the date the meeting was held' }];
  if (date > today)
    return [{ field: 'date', message: 'The date the meeting was held must be today or in the past' }];
  if (date < row.meeting_requested_on)
    return [
      {
        field: 'date',
        message: `The meeting cannot be before ${longDate(row.meeting_requested_on)}, when the family asked for it`,
      },
    ];
  return [];
}

/** Records the family's request for a meeting (checked), audited, in the history; the child's officer is emailed. */
async function askForMeeting(
  ctx: ChangeContext,
  row: AmendmentRow,
  input: { date: string | null; via: 'online' | 'caseworker'; note: string | null },
): Promise<void> {
  const errors = checkMeetingRequest(row, input.date, ctx.today);
  if (errors.length) throw new AmendmentFormError(errors);
  const laCode = ctx.actor.laCode;
  const updated = await updateAmendment(ctx.trx, laCode, row.id, {
    meeting_requested_on: input.date,
    meeting_requested_via: input.via,
    meeting_request_note: input.note,
  });
  await audit(ctx.trx, auditContext(ctx.actor), {
    action: 'amendment.meeting-request',
    recordType: 'plan_amendment',
    recordId: row.id,
    childId: row.child_id,
    detail: { planId: row.plan_id, via: input.via, date: input.date },
  });
  await recordCaseEvent(ctx, {
    childId: row.child_id,
    kind: 'amendment-meeting-requested',
    summary: `The family asked for a meeting about the proposed amendments on ${longDate(input.date!)}${input.via === 'online' ? ' (online)' : ''}`,
    detail: { planId: row.plan_id, amendmentId: row.id },
  });
  if (input.via !== 'online') return;
  const child = (await childrenForReviews(ctx.trx, laCode, [row.child_id])).get(row.child_id);
  const officerId = child?.leadOfficerId ?? row.started_by;
  const officer = officerId ? await userWithTeam(ctx.trx, laCode, officerId) : undefined;
  const name = (await childNames(ctx.trx, laCode, [row.child_id])).get(row.child_id);
  if (!officer?.active) return;
  await queueNotification(ctx.trx, ctx.jobs, {
    laCode,
    channel: 'email',
    recipient: officer.email,
    template: 'amendment-meeting-requested',
    personalisation: {
      name: officer.display_name,
      child: name ? `${name.given_name} ${name.family_name}` : 'a child',
      reference: name?.reference ?? '',
      date: longDate(input.date!),
      note: updated.meeting_request_note ?? 'They did not say.',
      link: paths.amendments.plan(row.plan_id),
    },
    childId: row.child_id,
    userId: officer.id,
  });
}

/** What an amended plan issued for a child's phase transfer names (S2), for the family's email. */
export interface TransferNamingFacts {
  readonly settingName: string;
  readonly moveYear: number;
  readonly deadline: string;
  readonly daysLate: number;
}

export interface AmendmentsOthers {
  /**
   * Whether the amended plan issued on the day is the child's phase-transfer naming (the transfers feature's rule,
   * through the composition root: transfers reads amendments, so amendments cannot import it).
   */
  readonly transferNaming?: (
    db: Executor,
    laCode: string,
    childId: string,
    issued: string,
    today: string,
  ) => Promise<TransferNamingFacts | null>;
}

/** The family's email when the amended plan names the setting for the child's phase transfer. */
export function transferNamingPersonalisation(t: TransferNamingFacts): Record<string, string> {
  return {
    setting: t.settingName,
    moveYear: String(t.moveYear),
    deadline: longDate(t.deadline),
    timing:
      t.daysLate === 0
        ? 'It has been named in time.'
        : `It has been named ${t.daysLate} ${t.daysLate === 1 ? 'day' : 'days'} after that date, later than the law allows: we are sorry for the delay.`,
  };
}

export function createAmendmentsService(deps: ServiceDeps, others: AmendmentsOthers = {}) {
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  const viewOf = async (
    r: AmendmentRow,
    today: string,
    name: string,
    laCode: string,
  ): Promise<AmendmentView> => {
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
            contacts: await authoritySettings(deps.db, laCode),
          })
        : null,
    };
  };

  /** The amendment and its plan, for a change: 404 when it is not of the actor's authority. */
  const amendmentFor = async (ctx: ChangeContext, amendmentId: string, action: string) => {
    requireRole(ctx.actor, AMENDMENT_EDITORS, action);
    if (!isUuid(amendmentId)) throw new NotFoundError();
    const row = await amendmentById(ctx.trx, ctx.actor.laCode, amendmentId);
    if (!row) throw new NotFoundError();
    const plan = await planForAmendment(ctx.trx, ctx.actor, row.plan_id, ctx.today);
    return { row, plan };
  };

  const changeAudit = async (ctx: ChangeContext, row: AmendmentRow, action: string, detail = {}) =>
    audit(ctx.trx, auditContext(ctx.actor), {
      action,
      recordType: 'plan_amendment',
      recordId: row.id,
      childId: row.child_id,
      detail: { planId: row.plan_id, ...detail },
    });

  /**
   * The proposal to the family (reg 22(2)): each account is emailed to read the notice when they sign in; each family
   * member with parental responsibility and no account (ADR 0048) is sent the proposal itself, by email or by post
   * (familyContactsFor): the changes section by section, the evidence, how to reply without an account and to whom,
   * and their rights.
   */
  const sendProposalToFamily = async (
    ctx: ChangeContext,
    row: AmendmentRow,
    childName: string,
    personalisation: { commentsEnd: string; amendedPlanDue: string },
  ) => {
    const laCode = ctx.actor.laCode;
    const contacts = await familyContactsFor(ctx.trx, laCode, row.child_id);
    const unlinked = contacts.filter((c) => c.route !== 'account');
    const letter = unlinked.length ? await proposalLetterFacts(ctx, row) : undefined;
    for (const c of contacts) {
      if (c.route === 'account') {
        await queueNotification(ctx.trx, ctx.jobs, {
          laCode,
          channel: 'email',
          recipient: c.email,
          template: 'amendment-proposed',
          personalisation: { name: c.name ?? 'there', child: childName, ...personalisation },
          childId: row.child_id,
          userId: c.userId,
        });
      } else if (letter) {
        await queueNotification(ctx.trx, ctx.jobs, {
          laCode,
          channel: c.route === 'post' ? 'letter' : 'email',
          recipient: c.route === 'post' ? c.address.join(LETTER_LINES) : c.email,
          template: 'amendment-proposed-contact',
          personalisation: { name: c.name, child: childName, ...personalisation, ...letter },
          childId: row.child_id,
        });
      }
    }
  };

  /** What the proposal's letter to a family member without an account says besides its dates. */
  const proposalLetterFacts = async (ctx: ChangeContext, row: AmendmentRow) => {
    const laCode = ctx.actor.laCode;
    const changes = await proposalChanges(ctx.trx, ctx.actor, row.plan_id, row.proposal_version_id!);
    const settings = await authoritySettings(ctx.trx, laCode);
    const reference = (await childNames(ctx.trx, laCode, [row.child_id])).get(row.child_id)?.reference ?? '';
    const advice = changes.advice.map((a) => `${a.name} (${longDate(a.received)})`);
    const sendiass = [settings.sendiass.name, settings.sendiass.phone, settings.sendiass.email]
      .filter((x) => x)
      .join(', ');
    return {
      council: settings.name,
      reference,
      sent: longDate(row.proposal_sent!),
      changes: proposedChangesText(changes.compared),
      evidence:
        [
          ...(row.meeting_date ? [`the annual review meeting on ${longDate(row.meeting_date)}`] : []),
          ...(advice.length ? [`the advice the plan rests on: ${advice.join('; ')}`] : []),
          ...(row.details ? [`the council's reasons: ${row.details}`] : []),
        ].join('; ') || 'set out in the plan',
      contact: await familyContactLine(ctx.trx, laCode, row.child_id),
      sendiass: sendiass || 'your local SEND information, advice and support service (SENDIASS)',
    };
  };

  return {
    /** A plan's amendments with their dates and rules, and the reviews that can start one. */
    async planAmendments(actor: Actor, planId: string): Promise<PlanAmendments> {
      requireRole(actor, AMENDMENT_READERS, 'amendment.read');
      const today = deps.today();
      const plan = await planForAmendment(deps.db, actor, planId, today);
      const [rows, reviews] = await Promise.all([
        amendmentsOf(deps.db, actor.laCode, plan.planId),
        reviewsOf(deps.db, actor.laCode, [plan.planId]),
      ]);
      const amendments = await Promise.all(rows.map((r) => viewOf(r, today, plan.childName, actor.laCode)));
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
    },

    /** The plan an amendment belongs to (for the step forms): 404 when it is not of the actor's authority. */
    async planOfAmendment(actor: Actor, amendmentId: string): Promise<string> {
      requireRole(actor, AMENDMENT_EDITORS, 'amendment.change');
      if (!isUuid(amendmentId)) throw new NotFoundError();
      const row = await amendmentById(deps.db, actor.laCode, amendmentId);
      if (!row) throw new NotFoundError();
      return row.plan_id;
    },

    /** Every open amendment of the authority, with its state and next date (the caseworker's list). */
    async openList(actor: Actor) {
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
    },

    /** Starts an amendment: after a review's decision to amend, or for a reason outside a review. */
    async start(
      actor: Actor,
      planId: string,
      input: {
        trigger: string | null;
        reviewId: string | null;
        details: string | null;
        formToken?: string | undefined;
      },
    ): Promise<string> {
      requireRole(actor, AMENDMENT_EDITORS, 'amendment.start');
      return change(actor, async (ctx) => {
        const plan = await planForAmendment(ctx.trx, actor, planId, ctx.today);
        const made = await once(ctx, input.formToken, async () => {
          const rows = await amendmentsOf(ctx.trx, actor.laCode, plan.planId);
          const reviews =
            input.trigger === 'review' ? await reviewsOf(ctx.trx, actor.laCode, [plan.planId]) : [];
          const review =
            input.trigger === 'review'
              ? (reviews.find((r) => r.id === input.reviewId) ??
                (reviews.filter((r) => r.decision === 'amend' && r.held).at(-1) || null))
              : null;
          if (review && rows.some((r) => r.review_id === review.id)) {
            throw new AmendmentFormError([
              { field: 'trigger', message: 'An amendment has already been started after this review' },
            ]);
          }
          ensure(
            checkStart({
              trigger: input.trigger,
              details: input.details,
              review: review ? { decision: review.decision, held: review.held } : null,
              openAmendment: rows.some((r) => !r.amended_issued && !r.not_amended_on),
              planIssued: plan.status !== 'draft' && plan.inForce !== null,
            }),
          );
          const row = await insertAmendment(ctx.trx, {
            la_code: actor.laCode,
            plan_id: plan.planId,
            child_id: plan.childId,
            trigger: input.trigger as AmendmentTrigger,
            review_id: review?.id ?? null,
            meeting_date: review?.held ?? null,
            details: input.details?.trim() || null,
            started_on: review?.decision_date ?? ctx.today,
            started_by: actor.userId,
            in_force_version_id: plan.inForce!.id,
            proposal_version_id: null,
            proposal_sent: null,
            amended_version_id: null,
            amended_issued: null,
            not_amended_on: null,
            not_amended_reasons: null,
          });
          await changeAudit(ctx, row, 'amendment.start', { trigger: row.trigger, reviewId: row.review_id });
          await recordCaseEvent(ctx, {
            childId: row.child_id,
            kind: 'amendment-started',
            summary: `Amendment of the EHC plan started: ${lowerFirst(TRIGGER_LABELS[row.trigger])}`,
            detail: { planId: row.plan_id, amendmentId: row.id },
          });
          return row.id;
        });
        return made.resultId ?? '';
      });
    },

    /**
     * Sends the proposal (reg 22(2)): the working copy is shared as a draft version of the plan, the family is told
     * with their 15 days and their right to ask for a school. Late after the review's 4 weeks, with its rule.
     */
    async sendProposal(
      actor: Actor,
      amendmentId: string,
      input: { date: string | null; formToken?: string | undefined },
    ): Promise<{ planId: string; warnings: readonly AmendmentLateness[] }> {
      return change(actor, async (ctx) => {
        const { row, plan } = await amendmentFor(ctx, amendmentId, 'amendment.proposal');
        let warnings: readonly AmendmentLateness[] = [];
        await once(ctx, input.formToken, async () => {
          warnings = ensure(
            checkProposal(
              factsOf(row),
              { date: input.date, changes: plan.workingChanges?.total ?? 0 },
              ctx.today,
            ),
          );
          const shared = await asForm(() => shareProposal(ctx, row.plan_id, { date: input.date! }));
          const updated = await updateAmendment(ctx.trx, actor.laCode, row.id, {
            proposal_version_id: shared.versionId,
            proposal_sent: input.date,
          });
          const dates = datesOf(factsOf(updated))!;
          await changeAudit(ctx, updated, 'amendment.proposal', {
            versionId: shared.versionId,
            changes: shared.changes,
            late: warnings.map((w) => w.step),
          });
          await sendProposalToFamily(ctx, updated, plan.childName.split(' ')[0] ?? plan.childName, {
            commentsEnd: longDate(dates.commentsEnd.date),
            amendedPlanDue: longDate(dates.amendedPlanDue.date),
          });
          return row.id;
        });
        return { planId: row.plan_id, warnings };
      });
    },

    /**
     * Issues the amended plan (reg 22(3)): a new version of the same plan through the plans feature. Refused with no
     * proposal or inside the 15 days; late after the clock's date, accepted with its rule. The review date does not
     * move.
     */
    async issueAmended(
      actor: Actor,
      amendmentId: string,
      input: { date: string | null; formToken?: string | undefined },
    ): Promise<{ planId: string; warnings: readonly AmendmentLateness[] }> {
      return change(actor, async (ctx) => {
        const { row, plan } = await amendmentFor(ctx, amendmentId, 'amendment.issue');
        let warnings: readonly AmendmentLateness[] = [];
        await once(ctx, input.formToken, async () => {
          warnings = ensure(checkAmendedIssue(factsOf(row), { date: input.date }, ctx.today));
          // S3: section I names only a setting consulted (the same check as a final plan's), refused with its rule.
          const blocking = (await sectionIProblems(ctx.trx, actor.laCode, plan)).filter((p) => p.blocks);
          if (blocking.length)
            throw new AmendmentFormError(
              blocking.map((p) => ({ field: 'date', message: `${p.message}. ${p.rule}` })),
            );
          const issued = await asForm(() =>
            issueAmendedPlan(ctx, row.plan_id, {
              date: input.date!,
              proposalVersionId: row.proposal_version_id!,
            }),
          );
          const updated = await updateAmendment(ctx.trx, actor.laCode, row.id, {
            amended_version_id: issued.versionId,
            amended_issued: input.date,
          });
          // The plan amended reaches the review schedule at once (its due date does not move; its status does).
          await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [row.plan_id]);
          await changeAudit(ctx, updated, 'amendment.issue', {
            versionId: issued.versionId,
            late: warnings.map((w) => w.step),
          });
          const rights = buildRightsBlock({
            kind: 'amended-plan',
            decisionSent: input.date!,
            childName: plan.childName,
            contacts: await authoritySettings(ctx.trx, actor.laCode),
          });
          const appeal = rights.groups.flatMap((g) => g.paragraphs).find((p) => p.item === 'appeal-deadline');
          // A phase transfer's naming (S2): the email names the new setting and says it is the transfer's step.
          const transfer = others.transferNaming
            ? await others.transferNaming(ctx.trx, actor.laCode, row.child_id, input.date!, ctx.today)
            : null;
          // The amended plan's notice (page, PDF and Word) with the rights block, to the family, the setting it
          // names and the health commissioning body (reg 22(3)), in the child's history. The family's one email is
          // the notice's: the version, the appeal date and, for a phase transfer's naming, the new setting (S2).
          await sendPlanLetter(ctx, {
            kind: 'amended-plan',
            recordId: row.id,
            childId: row.child_id,
            planId: row.plan_id,
            date: input.date!,
            namedSettingId: plan.sectionI.named?.settingId ?? null,
            facts: await amendedPlanLetterFacts(ctx.trx, actor.laCode, row.id),
            familyEmail: {
              template: transfer ? 'amendment-issued-transfer' : 'amendment-issued',
              personalisation: {
                child: plan.childName.split(' ')[0] ?? plan.childName,
                version: String(issued.number),
                appeal: appeal?.text ?? '',
                ...(transfer ? transferNamingPersonalisation(transfer) : {}),
              },
            },
          });
          return row.id;
        });
        return { planId: row.plan_id, warnings };
      });
    },

    /**
     * The family asks for a school, college or other setting while the proposal is out (reg 22(2)(b)-(d); CFA
     * s38-39): recorded as their preference through the consultation feature, which consults the setting at once
     * on the proposed plan (the plan's latest draft) and the advice, with its 15 days for the answer; the family and
     * the school are told. Any issued plan, with or without an assessment on record (ADR 0032).
     */
    async recordSchoolRequest(
      actor: Actor,
      amendmentId: string,
      input: { settingId: string | null; date: string | null; formToken?: string | undefined },
    ): Promise<{ planId: string; warnings: readonly AmendmentLateness[] }> {
      return change(actor, async (ctx) => {
        const { row, plan } = await amendmentFor(ctx, amendmentId, 'amendment.school-request');
        if (!row.proposal_sent || row.amended_issued || row.not_amended_on) {
          throw new AmendmentFormError([
            {
              field: 'settingId',
              message: 'A school can be asked for while the proposed amendments are out with the family',
            },
          ]);
        }
        const round = roundOf(plan)!;
        const errors: FieldError[] = [];
        if (!input.settingId) {
          errors.push({
            field: 'settingId',
            message: 'Choose the school, college or setting the family asked for',
          });
        }
        if (!input.date) errors.push({ field: 'date', message: 'Enter the date the family asked' });
        else if (input.date > ctx.today) {
          errors.push({ field: 'date', message: 'The date the family asked must be today or in the past' });
        } else if (input.date < row.proposal_sent) {
          errors.push({
            field: 'date',
            message: `The date the family asked must be on or after ${longDate(row.proposal_sent)}, when the proposal was sent`,
          });
        }
        if (errors.length) throw new AmendmentFormError(errors);
        await once(ctx, input.formToken, async () => {
          const preferenceId = await recordPlanPreference(
            ctx,
            round,
            { kind: 'setting', settingId: input.settingId!, received: input.date!, source: 'caseworker' },
            { from: row.proposal_sent!, document: PROPOSAL_DOCUMENT },
          );
          if (!preferenceId) {
            throw new AmendmentFormError([
              {
                field: 'settingId',
                message:
                  'The family has already asked for this setting for this plan: see its consultation on this page',
              },
            ]);
          }
          await changeAudit(ctx, row, 'amendment.school-request', {
            settingId: input.settingId,
            preferenceId,
          });
          return row.id;
        });
        return { planId: row.plan_id, warnings: [] };
      });
    },

    /**
     * Decides not to amend after all (reg 22(4)): after the proposal and its 15 days, with reasons; the family is
     * told with their rights (the `not-to-amend` block); the plan in force is shared again.
     */
    async notToAmend(
      actor: Actor,
      amendmentId: string,
      input: { date: string | null; reasons: string | null; formToken?: string | undefined },
    ): Promise<{ planId: string; warnings: readonly AmendmentLateness[] }> {
      return change(actor, async (ctx) => {
        const { row, plan } = await amendmentFor(ctx, amendmentId, 'amendment.not-to-amend');
        let warnings: readonly AmendmentLateness[] = [];
        await once(ctx, input.formToken, async () => {
          warnings = ensure(
            checkNotToAmend(factsOf(row), { date: input.date, reasons: input.reasons }, ctx.today),
          );
          await withdrawProposal(ctx, row.plan_id);
          const updated = await updateAmendment(ctx.trx, actor.laCode, row.id, {
            not_amended_on: input.date,
            not_amended_reasons: input.reasons!.trim(),
          });
          await changeAudit(ctx, updated, 'amendment.not-to-amend', { late: warnings.map((w) => w.step) });
          await recordCaseEvent(ctx, {
            childId: row.child_id,
            kind: 'amendment-not-amended',
            summary: 'The council decided not to amend the EHC plan after the proposed amendments',
            detail: { planId: row.plan_id, amendmentId: row.id },
          });
          const rights = buildRightsBlock({
            kind: 'not-to-amend',
            decisionSent: input.date!,
            childName: plan.childName,
            contacts: await authoritySettings(ctx.trx, actor.laCode),
          });
          const appeal = rights.groups.flatMap((g) => g.paragraphs).find((p) => p.item === 'appeal-deadline');
          // The decision's letter (page, PDF and Word) with the rights block, in the child's history; the family's
          // one email is the letter's, with the reasons and the appeal date.
          await sendPlanLetter(ctx, {
            kind: 'not-to-amend',
            recordId: row.id,
            childId: row.child_id,
            planId: row.plan_id,
            date: input.date!,
            facts: await notToAmendLetterFacts(ctx.trx, actor.laCode, row.id),
            familyEmail: {
              template: 'amendment-not-amended',
              personalisation: {
                child: plan.childName.split(' ')[0] ?? plan.childName,
                reasons: updated.not_amended_reasons ?? '',
                appeal: appeal?.text ?? '',
              },
            },
          });
          return row.id;
        });
        return { planId: row.plan_id, warnings };
      });
    },

    /**
     * The family asks to meet an officer about the proposed amendments (reg 22(2)(c)), online from the notice, within
     * the 15 days for comments: recorded on the amendment, audited, in the child's history, and the child's officer
     * emailed. Only the child's parent or young person (the plans feature's check, audited); asked twice, the first
     * stands.
     */
    async familyAsksForMeeting(
      actor: Actor,
      planId: string,
      input: { note: string | null; formToken?: string | undefined },
    ): Promise<void> {
      if (!isUuid(planId)) throw new NotFoundError();
      await change(actor, async (ctx) => {
        const row = await openProposalOf(ctx.trx, actor.laCode, planId);
        // Access first, through the plan's own check (audited): an outsider learns nothing from a missing proposal.
        await proposalChanges(ctx.trx, actor, planId, row?.proposal_version_id ?? 'none');
        if (!row || (actor.role !== 'parent' && actor.role !== 'young-person')) throw new NotFoundError();
        const note = (input.note ?? '').trim();
        if (note.length > 2000)
          throw new AmendmentFormError([
            { field: 'note', message: 'What you want to talk about must be 2000 characters or fewer' },
          ]);
        await once(ctx, input.formToken, async () => {
          await askForMeeting(ctx, row, { date: ctx.today, via: 'online', note: note || null });
          return row.id;
        });
      });
    },

    /** The caseworker records a meeting the family asked for by phone, email or letter, or the day it was held. */
    async recordMeeting(
      actor: Actor,
      amendmentId: string,
      step: 'meeting' | 'meeting-held',
      input: { date: string | null; formToken?: string | undefined },
    ): Promise<{ planId: string; warnings: readonly AmendmentLateness[] }> {
      return change(actor, async (ctx) => {
        const { row } = await amendmentFor(ctx, amendmentId, `amendment.${step}`);
        await once(ctx, input.formToken, async () => {
          if (step === 'meeting') {
            await askForMeeting(ctx, row, { date: input.date, via: 'caseworker', note: null });
            return row.id;
          }
          const errors = checkMeetingHeld(row, input.date, ctx.today);
          if (errors.length) throw new AmendmentFormError(errors);
          const updated = await updateAmendment(ctx.trx, actor.laCode, row.id, {
            meeting_held_on: input.date,
          });
          await changeAudit(ctx, updated, 'amendment.meeting-held', { held: input.date });
          await recordCaseEvent(ctx, {
            childId: row.child_id,
            kind: 'amendment-meeting-held',
            summary: `Meeting with the family about the proposed amendments held on ${longDate(input.date!)}`,
            detail: { planId: row.plan_id, amendmentId: row.id },
          });
          return row.id;
        });
        return { planId: row.plan_id, warnings: [] };
      });
    },

    /**
     * The notice of the proposal now out with the family: the proposed changes section by section, the evidence,
     * the 15 days and the date the amended plan is due. Staff, and the family and advisers of the child; anyone else
     * 404 (the plans feature's check, audited).
     */
    async familyNotice(actor: Actor, planId: string): Promise<FamilyNotice> {
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
    },
  };
}

export type AmendmentsService = ReturnType<typeof createAmendmentsService>;
export type { ProposedChanges };

/** The proposed changes as plain text for a letter, section by section (only the sections that change). */
export function proposedChangesText(compared: ProposedChanges['compared']): string {
  const text = compared
    .filter((c) => c.added + c.removed + c.changed > 0)
    .map((c) =>
      [
        `# ${c.title}`,
        ...c.rows.flatMap((r) =>
          r.change === 'changed'
            ? [`* Changed. Now: "${r.left}". Proposed: "${r.right}".`]
            : r.change === 'added'
              ? [`* Added: "${r.right}".`]
              : r.change === 'removed'
                ? [`* Taken out: "${r.left}".`]
                : [],
        ),
      ].join('\n'),
    )
    .join('\n\n');
  return text || 'No changes.';
}
