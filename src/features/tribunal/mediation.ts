/**
 * Mediation: the family's contact with the mediation adviser, their choice, the commissioner told, the mediation
 * held and the certificate (the family is told the recalculated appeal date), and the agreements a mediation makes.
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { childWithOfficer } from '../../platform/people/children.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { longDate } from '../../domain/calendar.ts';
import { appealDeadline, type OrderKind } from '../../domain/clock/index.ts';
import { factsProblem, type DisagreementFacts } from '../../domain/tribunal/index.ts';
import { childName, TribunalError, type TribunalContext } from './service.ts';
import { insertAgreement, updateDisagreement, type DisagreementRow, type MediationPatch } from './store.ts';

export interface MediationInput {
  readonly adviserContacted?: string | undefined;
  readonly declinedMediationOn?: string | undefined;
  readonly mediationRequestedOn?: string | undefined;
  readonly mediationIssues?: string | undefined;
  readonly healthIssues: boolean;
  readonly healthOnly: boolean;
  readonly commissionerToldOn?: string | undefined;
  readonly mediationHeldOn?: string | undefined;
  readonly certificateIssuedOn?: string | undefined;
}

export interface AgreementInput {
  readonly agreedOn: string;
  readonly terms: string;
  readonly obliges: OrderKind | null;
  readonly nonAppealable: boolean;
  readonly commissionerOnly: boolean;
}

/** The mediation's facts against the decision and today (the clock's checks, the commissioner, health only). */
function checkMediation(row: DisagreementRow, input: MediationInput, today: string) {
  const facts: DisagreementFacts = {
    decisionSent: row.decision_sent,
    adviserContacted: input.adviserContacted ?? null,
    declinedMediationOn: input.declinedMediationOn ?? null,
    mediationRequestedOn: input.mediationRequestedOn ?? null,
    mediationHeldOn: input.mediationHeldOn ?? null,
    certificateIssuedOn: input.certificateIssuedOn ?? null,
  };
  const problem = factsProblem(facts, today);
  if (problem) throw new TribunalError(problem.field, problem.message);
  if (
    input.commissionerToldOn &&
    (input.commissionerToldOn > today || input.commissionerToldOn < row.decision_sent)
  )
    throw new TribunalError(
      'commissionerToldOn',
      'The date the commissioner was told must be between the decision and today',
    );
  if (input.healthOnly && !input.healthIssues)
    throw new TribunalError('healthIssues', 'Select health provision if the mediation is only about health');
}

/** The stored mediation facts from the form's. */
function mediationPatch(input: MediationInput): MediationPatch {
  return {
    adviser_contacted_on: input.adviserContacted ?? null,
    declined_mediation_on: input.declinedMediationOn ?? null,
    mediation_requested_on: input.mediationRequestedOn ?? null,
    mediation_issues: input.mediationIssues ?? null,
    health_issues: input.healthIssues,
    health_only: input.healthOnly,
    commissioner_told_on: input.commissionerToldOn ?? null,
    mediation_held_on: input.mediationHeldOn ?? null,
    certificate_issued_on: input.certificateIssuedOn ?? null,
  };
}

/** The mediation's facts and its agreements. */
export function mediationParts(s: TribunalContext) {
  const { change, staffRow, event } = s;

  /** A certificate recorded: the family is told the recalculated appeal date, and the child's history says so. */
  async function tellCertificate(ctx: ChangeContext, row: DisagreementRow, certificateOn: string) {
    const appeal = appealDeadline(row.decision_sent, certificateOn);
    // S7.4: the family is told the recalculated appeal date when a certificate is recorded.
    const child = await childWithOfficer(ctx.trx, ctx.actor.laCode, row.child_id);
    const family = await recipientsFor(ctx.trx, ctx.actor.laCode, row.child_id, {
      family: true,
      unlinkedFamily: true,
    });
    for (const p of family)
      await queueNotification(ctx.trx, ctx.jobs, {
        laCode: ctx.actor.laCode,
        channel: 'email',
        recipient: p.email,
        template: 'tribunal-certificate-recorded',
        personalisation: {
          name: p.name ?? 'there',
          child: child ? childName(child) : 'your child',
          certificate: longDate(certificateOn),
          decision: longDate(row.decision_sent),
          appeal: longDate(appeal.date),
          rule: appeal.rule,
        },
        childId: row.child_id,
        userId: p.userId,
      });
    await event(
      ctx,
      row.child_id,
      'tribunal.certificate',
      `Mediation certificate issued on ${longDate(certificateOn)}: the last day to appeal is now ${longDate(appeal.date)}`,
      { disagreementId: row.id },
    );
  }

  return {
    /** The mediation facts: the adviser, the family's choice, the commissioner, the mediation, the certificate. */
    saveMediation: (actor: Actor, id: string, input: MediationInput) =>
      change(actor, async (ctx) => {
        const row = await staffRow(ctx, id);
        checkMediation(row, input, ctx.today);
        const patch = mediationPatch(input);
        const changed = Object.keys(patch).filter(
          (k) => patch[k as keyof MediationPatch] !== row[k as keyof MediationPatch],
        );
        if (!changed.length) return;
        await updateDisagreement(ctx.trx, actor.laCode, row.id, patch);
        await audit(ctx.trx, auditContext(actor), {
          action: 'tribunal.mediation.update',
          recordType: 'disagreement',
          recordId: row.id,
          childId: row.child_id,
          detail: { changed },
        });
        if (patch.certificate_issued_on && patch.certificate_issued_on !== row.certificate_issued_on)
          await tellCertificate(ctx, row, patch.certificate_issued_on);
        if (patch.mediation_held_on && patch.mediation_held_on !== row.mediation_held_on)
          await event(
            ctx,
            row.child_id,
            'tribunal.mediation',
            `Mediation held on ${longDate(patch.mediation_held_on)}`,
            {
              disagreementId: row.id,
            },
          );
      }),

    /** A mediation agreement and what it obliges. Returns its id (the first one's on a repeat). */
    addAgreement: (actor: Actor, id: string, input: AgreementInput, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        const row = await staffRow(ctx, id);
        if (input.agreedOn > ctx.today)
          throw new TribunalError('agreedOn', 'The date agreed must be today or in the past');
        if (input.agreedOn < row.decision_sent)
          throw new TribunalError('agreedOn', 'The date agreed must be on or after the decision was sent');
        if (!input.obliges && !input.nonAppealable && !input.commissionerOnly)
          throw new TribunalError('obliges', 'Select what the agreement obliges');
        const result = await once(ctx, formToken, async () => {
          const agreementId = await insertAgreement(ctx.trx, actor.laCode, {
            disagreement_id: row.id,
            agreed_on: input.agreedOn,
            terms: input.terms,
            obliges: input.obliges,
            non_appealable: input.nonAppealable,
            commissioner_only: input.commissionerOnly,
            recordedBy: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'tribunal.agreement.create',
            recordType: 'disagreement_agreement',
            recordId: agreementId,
            childId: row.child_id,
            detail: { disagreementId: row.id, obliges: input.obliges, nonAppealable: input.nonAppealable },
          });
          await event(
            ctx,
            row.child_id,
            'tribunal.agreement',
            `Mediation agreement made on ${longDate(input.agreedOn)}`,
            {
              disagreementId: row.id,
            },
          );
          return agreementId;
        });
        return result.resultId;
      }),
  };
}
