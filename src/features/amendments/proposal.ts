/**
 * Starting an amendment and its proposal to the family (reg 22(2)): the start, after a review or for another reason;
 * the proposal shared as a draft version of the plan and sent to the family (by email to read on sign-in, or the
 * proposal itself by email or post to those without an account); and a school the family asks for meanwhile.
 */
import { lowerFirst } from '../../platform/text.ts';
import { requireRole, type Actor } from '../../platform/access/access.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { LETTER_LINES, queueNotification } from '../../platform/notify/notify.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { familyContactsFor } from '../../platform/people/recipients.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  checkProposal,
  checkStart,
  datesOf,
  TRIGGER_LABELS,
  type AmendmentLateness,
  type AmendmentTrigger,
  type FieldError,
} from '../../domain/review/index.ts';
import { planForAmendment, proposalChanges, shareProposal, type ProposedChanges } from '../plans/index.ts';
import { PROPOSAL_DOCUMENT, recordPlanPreference } from '../consultation/index.ts';
import { familyContactLine } from '../notices/index.ts';
import { reviewsOf } from '../reviews/index.ts';
import { roundOf } from './section-i.ts';
import {
  AMENDMENT_EDITORS,
  AmendmentFormError,
  amendmentFor,
  asForm,
  changeAudit,
  ensure,
  factsOf,
} from './support.ts';
import { amendmentsOf, insertAmendment, updateAmendment, type AmendmentRow } from './store.ts';

/** Starts an amendment: after a review's decision to amend, or for a reason outside a review. */
export async function start(
  deps: ServiceDeps,
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
  return withChange(deps, actor, async (ctx) => {
    const plan = await planForAmendment(ctx.trx, actor, planId, ctx.today);
    const made = await once(ctx, input.formToken, async () => {
      const rows = await amendmentsOf(ctx.trx, actor.laCode, plan.planId);
      const review = await startingReview(ctx, plan.planId, rows, input);
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
}

/**
 * The review an amendment starts from when its trigger is a review: the one chosen, or else the latest held that
 * decided to amend; refused when an amendment has already been started after it. Null for any other trigger.
 */
async function startingReview(
  ctx: ChangeContext,
  planId: string,
  rows: readonly AmendmentRow[],
  input: { trigger: string | null; reviewId: string | null },
) {
  const reviews = input.trigger === 'review' ? await reviewsOf(ctx.trx, ctx.actor.laCode, [planId]) : [];
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
  return review;
}

/**
 * Sends the proposal (reg 22(2)): the working copy is shared as a draft version of the plan, the family is told
 * with their 15 days and their right to ask for a school. Late after the review's 4 weeks, with its rule.
 */
export async function sendProposal(
  deps: ServiceDeps,
  actor: Actor,
  amendmentId: string,
  input: { date: string | null; formToken?: string | undefined },
): Promise<{ planId: string; warnings: readonly AmendmentLateness[] }> {
  return withChange(deps, actor, async (ctx) => {
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
}

/**
 * The proposal to the family (reg 22(2)): each account is emailed to read the notice when they sign in; each family
 * member with parental responsibility and no account (ADR 0048) is sent the proposal itself, by email or by post
 * (familyContactsFor): the changes section by section, the evidence, how to reply without an account and to whom,
 * and their rights.
 */
async function sendProposalToFamily(
  ctx: ChangeContext,
  row: AmendmentRow,
  childName: string,
  personalisation: { commentsEnd: string; amendedPlanDue: string },
) {
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
}

/** What the proposal's letter to a family member without an account says besides its dates. */
async function proposalLetterFacts(ctx: ChangeContext, row: AmendmentRow) {
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
}

/** The school the family asked for and the day they asked: on or after the proposal was sent, not in the future. */
function checkSchoolRequest(
  input: { settingId: string | null; date: string | null },
  proposalSent: string,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.settingId) {
    errors.push({
      field: 'settingId',
      message: 'Choose the school, college or setting the family asked for',
    });
  }
  if (!input.date) errors.push({ field: 'date', message: 'Enter the date the family asked' });
  else if (input.date > today) {
    errors.push({ field: 'date', message: 'The date the family asked must be today or in the past' });
  } else if (input.date < proposalSent) {
    errors.push({
      field: 'date',
      message: `The date the family asked must be on or after ${longDate(proposalSent)}, when the proposal was sent`,
    });
  }
  return errors;
}

/**
 * The family asks for a school, college or other setting while the proposal is out (reg 22(2)(b)-(d); CFA
 * s38-39): recorded as their preference through the consultation feature, which consults the setting at once
 * on the proposed plan (the plan's latest draft) and the advice, with its 15 days for the answer; the family and
 * the school are told. Any issued plan, with or without an assessment on record (ADR 0032).
 */
export async function recordSchoolRequest(
  deps: ServiceDeps,
  actor: Actor,
  amendmentId: string,
  input: { settingId: string | null; date: string | null; formToken?: string | undefined },
): Promise<{ planId: string; warnings: readonly AmendmentLateness[] }> {
  return withChange(deps, actor, async (ctx) => {
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
    const errors = checkSchoolRequest(input, row.proposal_sent, ctx.today);
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
}

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
