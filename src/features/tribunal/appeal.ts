/**
 * The appeal to the tribunal: registered, its ground and sections, the council's response, the hearing, and the
 * order or concession (after which the family is told the council's dates, compliance.ts), with the checks of its
 * facts against the decision and today (`appealProblem`).
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { longDate } from '../../domain/calendar.ts';
import type { ConcessionKind, OrderKind } from '../../domain/clock/index.ts';
import { GROUNDS_FOR, type Ground, type Outcome, type Section } from '../../domain/tribunal/index.ts';
import { tellComplianceDates } from './compliance.ts';
import { TribunalError, type TribunalContext } from './service.ts';
import { updateDisagreement, type AppealPatch, type DisagreementRow } from './store.ts';

export interface AppealInput {
  readonly registeredOn: string;
  readonly ground: Ground;
  readonly sections: readonly Section[];
  readonly careRecommendations: boolean;
  readonly responseDue?: string | undefined;
  readonly responseSentOn?: string | undefined;
  readonly hearingOn?: string | undefined;
  readonly outcome?: Outcome | undefined;
  readonly decidedOn?: string | undefined;
  readonly orderKind?: OrderKind | undefined;
  readonly concededOn?: string | undefined;
  readonly concessionKind?: ConcessionKind | undefined;
}

/** Problems with an appeal's facts, against the decision and today (the field and the message), or null. */
export function appealProblem(
  r: Pick<DisagreementRow, 'decision_kind' | 'decision_sent'>,
  a: AppealInput,
  today: string,
): { field: string; message: string } | null {
  if (a.registeredOn > today)
    return { field: 'registeredOn', message: 'The date registered must be today or in the past' };
  if (a.registeredOn < r.decision_sent)
    return {
      field: 'registeredOn',
      message: 'The date registered must be on or after the decision was sent',
    };
  if (!GROUNDS_FOR[r.decision_kind].includes(a.ground))
    return { field: 'ground', message: 'Select a ground that fits the decision appealed' };
  if (a.ground === 'contents' && !a.sections.length)
    return { field: 'sections', message: 'Select the sections of the plan the appeal is about' };
  if (a.ground !== 'contents' && a.sections.length)
    return { field: 'sections', message: 'Sections are only for an appeal about what the plan says' };
  if (a.responseSentOn && (a.responseSentOn > today || a.responseSentOn < a.registeredOn))
    return {
      field: 'responseSentOn',
      message: 'The response date must be between the registration and today',
    };
  if (a.hearingOn && a.hearingOn < a.registeredOn)
    return { field: 'hearingOn', message: 'The hearing must be on or after the appeal was registered' };
  if (a.outcome === 'conceded') {
    if (!a.concededOn) return { field: 'concededOn', message: 'Enter the date the council conceded' };
    if (a.concededOn > today || a.concededOn < a.registeredOn)
      return { field: 'concededOn', message: 'The date conceded must be between the registration and today' };
    if (!a.concessionKind) return { field: 'concessionKind', message: 'Select what the council conceded' };
  } else if (a.outcome) {
    if (!a.decidedOn) return { field: 'decidedOn', message: 'Enter the date of the decision or withdrawal' };
    if (a.decidedOn > today || a.decidedOn < a.registeredOn)
      return { field: 'decidedOn', message: 'The date must be between the registration and today' };
    if ((a.outcome === 'allowed' || a.outcome === 'partly-allowed') && !a.orderKind)
      return { field: 'orderKind', message: 'Select what the tribunal ordered' };
    if (a.outcome === 'dismissed' && a.orderKind && a.orderKind !== 'cease-dismissed')
      return {
        field: 'orderKind',
        message: 'A dismissed appeal orders nothing but, for a cease, that the plan may cease',
      };
    if (a.orderKind === 'cease-dismissed' && (a.outcome !== 'dismissed' || a.ground !== 'cease'))
      return { field: 'orderKind', message: 'Only a dismissed appeal against ceasing lets the plan cease' };
    if (a.outcome === 'withdrawn' && a.orderKind)
      return { field: 'orderKind', message: 'A withdrawn appeal has no order' };
  } else if (a.decidedOn || a.orderKind || a.concededOn || a.concessionKind) {
    return { field: 'outcome', message: 'Select the outcome' };
  }
  return null;
}

/** Recording the appeal and its outcome. */
export function appealParts(s: TribunalContext) {
  const { change, staffRow, event } = s;
  return {
    /** The appeal: registered, grounds, response, hearing, and the order or concession. */
    saveAppeal: (actor: Actor, id: string, input: AppealInput) =>
      change(actor, async (ctx) => {
        const row = await staffRow(ctx, id);
        const problem = appealProblem(row, input, ctx.today);
        if (problem) throw new TribunalError(problem.field, problem.message);
        const patch: AppealPatch = {
          appeal_registered_on: input.registeredOn,
          ground: input.ground,
          sections: input.sections.length ? input.sections.join(',') : null,
          care_recommendations: input.careRecommendations,
          response_due: input.responseDue ?? null,
          response_sent_on: input.responseSentOn ?? null,
          hearing_on: input.hearingOn ?? null,
          outcome: input.outcome ?? null,
          decided_on: input.outcome && input.outcome !== 'conceded' ? (input.decidedOn ?? null) : null,
          order_kind: input.outcome && input.outcome !== 'conceded' ? (input.orderKind ?? null) : null,
          conceded_on: input.outcome === 'conceded' ? (input.concededOn ?? null) : null,
          concession_kind: input.outcome === 'conceded' ? (input.concessionKind ?? null) : null,
        };
        const changed = Object.keys(patch).filter(
          (k) => patch[k as keyof AppealPatch] !== row[k as keyof AppealPatch],
        );
        if (!changed.length) return;
        await updateDisagreement(ctx.trx, actor.laCode, row.id, patch);
        await audit(ctx.trx, auditContext(actor), {
          action: 'tribunal.appeal.update',
          recordType: 'disagreement',
          recordId: row.id,
          childId: row.child_id,
          detail: { changed, outcome: patch.outcome },
        });
        if (row.appeal_registered_on === null)
          await event(
            ctx,
            row.child_id,
            'tribunal.appeal',
            `Appeal registered with the tribunal on ${longDate(input.registeredOn)}`,
            {
              disagreementId: row.id,
            },
          );
        if (patch.outcome && patch.outcome !== row.outcome)
          await event(
            ctx,
            row.child_id,
            'tribunal.outcome',
            patch.outcome === 'conceded'
              ? `The council conceded the appeal on ${longDate(patch.conceded_on!)}`
              : `Appeal ${patch.outcome === 'withdrawn' ? 'withdrawn' : `decided (${patch.outcome.replace('-', ' ')})`} on ${longDate(patch.decided_on!)}`,
            { disagreementId: row.id },
          );
        const orderChanged =
          patch.decided_on !== row.decided_on ||
          patch.order_kind !== row.order_kind ||
          patch.conceded_on !== row.conceded_on ||
          patch.concession_kind !== row.concession_kind;
        if (orderChanged) await tellComplianceDates(s, ctx, { ...row, ...patch });
      }),
  };
}
