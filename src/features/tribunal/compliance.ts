/**
 * What the council must do after an order, concession or agreement: the family told its dates (S7.4), a reg 44(3)
 * exception against one of them (excusing it only when confirmed), and the day one was met.
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { childWithOfficer } from '../../platform/people/children.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import { childName, TribunalError, type TribunalContext } from './service.ts';
import { insertException, setDone, type DisagreementRow, type ExceptionRow } from './store.ts';
import { complianceLines, EXCEPTION_KIND_LABELS } from './view.ts';

export interface ExceptionInput {
  readonly stepId: string;
  readonly kind: ExceptionRow['kind'];
  readonly fromOn: string;
  readonly toOn?: string | undefined;
  readonly details?: string | undefined;
  readonly confirmed: boolean;
}

/**
 * S7.4: after an order or a concession the family is told what the council must do and by when: each of the
 * council's dates the clock computes from it, with its rule and source (the same dates as on their page).
 */
export async function tellComplianceDates(s: TribunalContext, ctx: ChangeContext, row: DisagreementRow) {
  const { viewsOf, event } = s;
  const [view] = await viewsOf(ctx.trx, ctx.actor.laCode, [row], ctx.today);
  const dates = (view?.steps ?? []).filter((s) => /^(order|concession):/.test(s.id));
  if (!dates.length) return;
  const conceded = row.outcome === 'conceded';
  const on = (conceded ? row.conceded_on : row.decided_on)!;
  const child = await childWithOfficer(ctx.trx, ctx.actor.laCode, row.child_id);
  const family = await recipientsFor(ctx.trx, ctx.actor.laCode, row.child_id, {
    family: true,
    unlinkedFamily: true,
  });
  const lines = complianceLines(dates);
  for (const p of family)
    await queueNotification(ctx.trx, ctx.jobs, {
      laCode: ctx.actor.laCode,
      channel: 'email',
      recipient: p.email,
      template: 'tribunal-compliance-dates',
      personalisation: {
        name: p.name ?? 'there',
        child: child ? childName(child) : 'your child',
        what: conceded
          ? 'The council has conceded the appeal (it no longer opposes it)'
          : 'The tribunal made its decision on the appeal',
        on: longDate(on),
        dates: lines,
        link: paths.tribunal.family,
      },
      childId: row.child_id,
      userId: p.userId,
    });
  await event(
    ctx,
    row.child_id,
    'tribunal.compliance-told',
    `The family was told the council's ${dates.length === 1 ? 'date' : `${dates.length} dates`} after the ${conceded ? 'concession' : 'order'}: ${dates.map((d) => `${d.label.toLowerCase()} by ${longDate(d.due)}`).join('; ')}`,
    { disagreementId: row.id, told: family.length },
  );
}

/** Exceptions against the council's dates and the days they were met. */
export function complianceParts(s: TribunalContext) {
  const { change, staffRow, viewsOf, event } = s;
  return {
    /**
     * A reg 44(3) exception against one of the council's dates after an order or concession: the clock checks it
     * falls in the period (an absence for at least 2 weeks); it excuses the date only when confirmed.
     */
    addException: (actor: Actor, id: string, input: ExceptionInput, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        const row = await staffRow(ctx, id);
        const [view] = await viewsOf(ctx.trx, actor.laCode, [row], ctx.today);
        const step = view!.steps.find((s) => s.id === input.stepId && s.compliance);
        if (!step || !(input.stepId.startsWith('order:') || input.stepId.startsWith('concession:')))
          throw new TribunalError(
            'stepId',
            'Select one of the council’s dates after the order or concession',
          );
        if (input.fromOn > ctx.today)
          throw new TribunalError('fromOn', 'The start must be today or in the past');
        if (input.toOn && input.toOn < input.fromOn)
          throw new TribunalError('toOn', 'The end must be on or after the start');
        const result = await once(ctx, formToken, async () => {
          const exceptionId = await insertException(ctx.trx, actor.laCode, {
            disagreement_id: row.id,
            step_id: input.stepId,
            kind: input.kind,
            from_on: input.fromOn,
            to_on: input.toOn ?? null,
            confirmed: input.confirmed,
            details: input.details ?? null,
            recordedBy: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'tribunal.exception.create',
            recordType: 'disagreement',
            recordId: row.id,
            childId: row.child_id,
            detail: { stepId: input.stepId, kind: input.kind, confirmed: input.confirmed },
          });
          await event(
            ctx,
            row.child_id,
            'tribunal.exception',
            `Exception recorded against "${step.label}" (reg 44(3)): ${EXCEPTION_KIND_LABELS[input.kind].toLowerCase()} from ${longDate(input.fromOn)}${input.toOn ? ` to ${longDate(input.toOn)}` : ''}${input.confirmed ? ', confirmed' : ', not yet confirmed'}`,
            { disagreementId: row.id, exceptionId },
          );
          return exceptionId;
        });
        return result.resultId;
      }),

    /** Records the day one of the council's dates was met (an open date of this disagreement only). */
    markDone: (actor: Actor, id: string, stepId: string, on: string) =>
      change(actor, async (ctx) => {
        const row = await staffRow(ctx, id);
        const [view] = await viewsOf(ctx.trx, actor.laCode, [row], ctx.today);
        const step = view!.steps.find((s) => s.id === stepId && s.compliance);
        if (!step) throw new TribunalError('stepId', 'Select one of the council’s dates');
        if (on > ctx.today) throw new TribunalError('on', 'The date done must be today or in the past');
        const from = stepId.startsWith('agreement:')
          ? (view!.agreements.find((a) => stepId.startsWith(`agreement:${a.id}:`))?.agreed_on ??
            row.decision_sent)
          : (row.conceded_on ?? row.decided_on ?? row.decision_sent);
        if (on < from)
          throw new TribunalError(
            'on',
            'The date done must be on or after the order, concession or agreement',
          );
        await setDone(ctx.trx, actor.laCode, row.id, stepId, on, actor.userId);
        await audit(ctx.trx, auditContext(actor), {
          action: 'tribunal.done',
          recordType: 'disagreement',
          recordId: row.id,
          childId: row.child_id,
          detail: { stepId, on, due: step.due },
        });
        await event(
          ctx,
          row.child_id,
          'tribunal.done',
          `${step.label} done on ${longDate(on)} (due ${longDate(step.due)}${on > step.due ? ', late' : ''})`,
          { disagreementId: row.id, stepId },
        );
      }),
  };
}
