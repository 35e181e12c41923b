/**
 * How an amendment ends: the amended plan issued (reg 22(3)), a new version of the same plan, with its notice and
 * rights to the family, the setting named and health, and the phase transfer's naming said when it is one (S2); or
 * the decision not to amend after all (reg 22(4)), with reasons and rights.
 */
import type { Actor } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { longDate } from '../../domain/calendar.ts';
import { checkAmendedIssue, checkNotToAmend, type AmendmentLateness } from '../../domain/review/index.ts';
import { buildRightsBlock } from '../../domain/rights/rights.ts';
import { issueAmendedPlan, withdrawProposal, type PlanForAmendment } from '../plans/index.ts';
import { sendPlanLetter } from '../notices/index.ts';
import { refreshReviewSchedules } from '../reviews/index.ts';
import { amendedPlanLetterFacts, notToAmendLetterFacts } from './letters.ts';
import { sectionIProblems } from './section-i.ts';
import { AmendmentFormError, amendmentFor, asForm, changeAudit, ensure, factsOf } from './support.ts';
import { updateAmendment, type AmendmentRow } from './store.ts';

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

/**
 * Issues the amended plan (reg 22(3)): a new version of the same plan through the plans feature. Refused with no
 * proposal or inside the 15 days; late after the clock's date, accepted with its rule. The review date does not
 * move.
 */
export async function issueAmended(
  deps: ServiceDeps,
  others: AmendmentsOthers,
  actor: Actor,
  amendmentId: string,
  input: { date: string | null; formToken?: string | undefined },
): Promise<{ planId: string; warnings: readonly AmendmentLateness[] }> {
  return withChange(deps, actor, async (ctx) => {
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
      await sendAmendedPlanNotice(ctx, others, row, plan, issued.number, input.date!);
      return row.id;
    });
    return { planId: row.plan_id, warnings };
  });
}

/**
 * The amended plan's notice (page, PDF and Word) with the rights block, to the family, the setting it names and the
 * health commissioning body (reg 22(3)), in the child's history. The family's one email is the notice's: the version,
 * the appeal date and, for a phase transfer's naming, the new setting (S2).
 */
async function sendAmendedPlanNotice(
  ctx: ChangeContext,
  others: AmendmentsOthers,
  row: AmendmentRow,
  plan: PlanForAmendment,
  version: number,
  date: string,
): Promise<void> {
  const rights = buildRightsBlock({
    kind: 'amended-plan',
    decisionSent: date,
    childName: plan.childName,
    contacts: await authoritySettings(ctx.trx, ctx.actor.laCode),
  });
  const appeal = rights.groups.flatMap((g) => g.paragraphs).find((p) => p.item === 'appeal-deadline');
  // A phase transfer's naming (S2): the email names the new setting and says it is the transfer's step.
  const transfer = others.transferNaming
    ? await others.transferNaming(ctx.trx, ctx.actor.laCode, row.child_id, date, ctx.today)
    : null;
  await sendPlanLetter(ctx, {
    kind: 'amended-plan',
    recordId: row.id,
    childId: row.child_id,
    planId: row.plan_id,
    date,
    namedSettingId: plan.sectionI.named?.settingId ?? null,
    facts: await amendedPlanLetterFacts(ctx.trx, ctx.actor.laCode, row.id),
    familyEmail: {
      template: transfer ? 'amendment-issued-transfer' : 'amendment-issued',
      personalisation: {
        child: plan.childName.split(' ')[0] ?? plan.childName,
        version: String(version),
        appeal: appeal?.text ?? '',
        ...(transfer ? transferNamingPersonalisation(transfer) : {}),
      },
    },
  });
}

/**
 * Decides not to amend after all (reg 22(4)): after the proposal and its 15 days, with reasons; the family is
 * told with their rights (the `not-to-amend` block); the plan in force is shared again.
 */
export async function notToAmend(
  deps: ServiceDeps,
  actor: Actor,
  amendmentId: string,
  input: { date: string | null; reasons: string | null; formToken?: string | undefined },
): Promise<{ planId: string; warnings: readonly AmendmentLateness[] }> {
  return withChange(deps, actor, async (ctx) => {
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
}
