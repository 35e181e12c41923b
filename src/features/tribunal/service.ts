/**
 * Mediation and the tribunal (statutory-work.md S7; docs/tribunal.md): a family's disagreement with an appealable
 * decision, recorded by staff from the letters they receive (the family's contact with the mediation adviser, the
 * certificate, mediation, agreements, the appeal, the council's response, the hearing, the order or concession).
 * Every date is computed by the clock (src/domain/tribunal) from these facts and never stored; the council's dates
 * after an order, concession or agreement are on the caseworker's first screen and the family's page, marked late
 * with their rule when missed. Access is decided here; every write is one transaction with its audit entry and the
 * child's history.
 */
import type { Actor } from '../../platform/access/access.ts';
import {
  auditChildrenShown,
  auditContext,
  authoriseChildRead,
  canSeeChild,
  CASEWORK_ROLES,
  grantKindFor,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import {
  childByReference as findChild,
  childWithOfficer,
  searchChildren,
} from '../../platform/people/children.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  appealDeadline,
  BANK_HOLIDAYS_FIRST_YEAR,
  type ConcessionKind,
  type OrderKind,
} from '../../domain/clock/index.ts';
import {
  certificateNeeded,
  DECISION_LABELS,
  decisionPhrase,
  disagreementState,
  disagreementSteps,
  factsProblem,
  GROUNDS_FOR,
  isMarkedLate,
  STATE_LABELS,
  type DecisionKind,
  type DisagreementFacts,
  type DisagreementStep,
  type Ground,
  type Outcome,
  type Section,
} from '../../domain/tribunal/index.ts';
import {
  agreementsOf,
  disagreementById,
  disagreementChildIds,
  disagreementsOf,
  doneOf,
  exceptionsOf,
  insertAgreement,
  insertException,
  insertDisagreement,
  setDone,
  updateDisagreement,
  type AgreementRow,
  type AppealPatch,
  type DisagreementRow,
  type DoneRow,
  type ExceptionRow,
  type MediationPatch,
} from './store.ts';

/** Who records and reads disagreements: casework staff and leaders. */
export const STAFF: readonly Role[] = CASEWORK_ROLES;
/** Who sees their own child's. */
export const FAMILY: readonly Role[] = ['parent', 'young-person'];

/** The earliest decision whose dates the clock can work out (its bank holidays start in 2012). */
export const EARLIEST_DECISION = `${BANK_HOLIDAYS_FIRST_YEAR}-01-01`;

/** A rule a form broke: shown against its field in the error summary. */
export class TribunalError extends FieldError {}

type Child = NonNullable<Awaited<ReturnType<typeof childWithOfficer>>>;
const childName = (c: { given_name: string; preferred_name?: string | null; family_name: string }) =>
  `${c.preferred_name || c.given_name} ${c.family_name}`;

/** The clock's facts from the stored rows. */
export function factsOf(
  r: DisagreementRow,
  agreements: readonly AgreementRow[],
  done: readonly DoneRow[],
  exceptions: readonly ExceptionRow[] = [],
) {
  const doneMap: Record<string, string> = {};
  for (const d of done) if (d.disagreement_id === r.id) doneMap[d.step_id] = d.done_on;
  const prefixed = (prefix: string) =>
    Object.fromEntries(
      Object.entries(doneMap)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  const facts: DisagreementFacts = {
    decisionSent: r.decision_sent,
    adviserContacted: r.adviser_contacted_on,
    declinedMediationOn: r.declined_mediation_on,
    mediationRequestedOn: r.mediation_requested_on,
    healthIssues: r.health_issues,
    healthOnly: r.health_only,
    commissionerToldOn: r.commissioner_told_on,
    mediationHeldOn: r.mediation_held_on,
    certificateIssuedOn: r.certificate_issued_on,
    agreements: agreements
      .filter((a) => a.disagreement_id === r.id)
      .map((a) => ({
        id: a.id,
        agreedOn: a.agreed_on,
        appealableKind: a.obliges,
        nonAppealable: a.non_appealable,
        commissionerOnly: a.commissioner_only,
        done: prefixed(`agreement:${a.id}:`),
      })),
    appeal: r.appeal_registered_on
      ? {
          registeredOn: r.appeal_registered_on,
          responseDue: r.response_due,
          responseSentOn: r.response_sent_on,
          hearingOn: r.hearing_on,
          outcome: r.outcome,
          decidedOn: r.decided_on,
          orderKind: r.order_kind,
          concededOn: r.conceded_on,
          concessionKind: r.concession_kind,
          done: r.outcome === 'conceded' ? prefixed('concession:') : prefixed('order:'),
          exceptions: exceptionsByStep(r, exceptions),
        }
      : null,
  };
  return facts;
}

/** The recorded reg 44(3) exceptions of one disagreement, by the clock's compliance step id (its prefix dropped). */
function exceptionsByStep(r: DisagreementRow, rows: readonly ExceptionRow[]) {
  const prefix = r.outcome === 'conceded' ? 'concession:' : 'order:';
  const out: Record<
    string,
    Array<{ kind: ExceptionRow['kind']; from: string; to: string | null; confirmed: boolean }>
  > = {};
  for (const e of rows)
    if (e.disagreement_id === r.id && e.step_id.startsWith(prefix))
      (out[e.step_id.slice(prefix.length)] ??= []).push({
        kind: e.kind,
        from: e.from_on,
        to: e.to_on,
        confirmed: e.confirmed,
      });
  return out;
}

export const EXCEPTION_KIND_LABELS: Record<ExceptionRow['kind'], string> = {
  'personal-circumstances': 'Exceptional personal circumstances of the child or family',
  absence: 'The child or family away from the area',
};

/** One disagreement as every page shows it: its state, its dates with their rules and which are late. */
export function disagreementView(
  r: DisagreementRow,
  agreements: readonly AgreementRow[],
  done: readonly DoneRow[],
  today: string,
  exceptionRows: readonly ExceptionRow[] = [],
) {
  const facts = factsOf(r, agreements, done, exceptionRows);
  const steps = disagreementSteps(facts, today).map((s) => ({ ...s, late: isMarkedLate(s) }));
  const state = disagreementState(facts);
  const open = steps.filter((s) => s.completed === null && s.status !== 'late');
  const councilOpen = open.filter((s) => s.owner === 'local-authority');
  return {
    ...r,
    decisionLabel: DECISION_LABELS[r.decision_kind],
    state,
    stateLabel: STATE_LABELS[state],
    steps,
    lateCount: steps.filter((s) => s.late).length,
    next: councilOpen[0] ?? open.find((s) => s.status === 'open') ?? null,
    compliance: steps.filter((s) => s.compliance),
    agreements: agreements.filter((a) => a.disagreement_id === r.id),
    closed:
      state === 'withdrawn' ||
      ((state === 'decided' || state === 'conceded') && !councilOpen.length) ||
      (state === 'certificate-issued' &&
        !councilOpen.length &&
        today > (steps.find((s) => s.id === 'appeal-deadline')?.due ?? today)),
    certificateNeeded: r.ground ? certificateNeeded(r.ground, sectionsOf(r.sections)) : true,
    exceptions: exceptionRows
      .filter((e) => e.disagreement_id === r.id)
      .map((e) => {
        const step = steps.find((s) => s.id === e.step_id);
        const same = exceptionRows.filter((x) => x.disagreement_id === r.id && x.step_id === e.step_id);
        return {
          ...e,
          stepLabel: step?.label ?? e.step_id,
          kindLabel: EXCEPTION_KIND_LABELS[e.kind],
          reason:
            step?.exceptionReasons[same.indexOf(e)] ?? 'The date it was recorded against no longer applies.',
        };
      }),
  };
}
export type DisagreementView = ReturnType<typeof disagreementView>;

export const sectionsOf = (s: string | null): Section[] => (s ? (s.split(',') as Section[]) : []);

export interface NewDisagreement {
  readonly childReference: string;
  readonly decisionKind: DecisionKind;
  readonly decisionSent: string;
  readonly adviserContacted?: string | undefined;
}

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

export interface ExceptionInput {
  readonly stepId: string;
  readonly kind: ExceptionRow['kind'];
  readonly fromOn: string;
  readonly toOn?: string | undefined;
  readonly details?: string | undefined;
  readonly confirmed: boolean;
}

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

export function createTribunalService(deps: ServiceDeps) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  async function childByReference(x: Executor, laCode: string, reference: string): Promise<Child> {
    const child = await findChild(x, laCode, reference);
    if (!child)
      throw new TribunalError('childReference', 'Enter the reference of a child known to the service');
    return child;
  }

  async function staffRow(ctx: { trx: ChangeContext['trx']; actor: Actor }, id: string) {
    requireRole(ctx.actor, STAFF, paths.tribunal.list);
    const row = isUuid(id) ? await disagreementById(ctx.trx, ctx.actor.laCode, id) : undefined;
    if (!row) throw new NotFoundError();
    return row;
  }

  async function viewsOf(
    x: ChangeContext['trx'] | typeof db,
    laCode: string,
    rows: DisagreementRow[],
    today: string,
  ) {
    const ids = rows.map((r) => r.id);
    const agreements = await agreementsOf(x, laCode, ids);
    const done = await doneOf(x, laCode, ids);
    const exceptions = await exceptionsOf(x, laCode, ids);
    return rows.map((r) => disagreementView(r, agreements, done, today, exceptions));
  }

  /**
   * S7.4: after an order or a concession the family is told what the council must do and by when: each of the
   * council's dates the clock computes from it, with its rule and source (the same dates as on their page).
   */
  async function tellComplianceDates(ctx: ChangeContext, row: DisagreementRow) {
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

  const event = (
    ctx: ChangeContext,
    childId: string,
    kind: string,
    summary: string,
    detail: Record<string, unknown>,
  ) => recordCaseEvent({ trx: ctx.trx, actor: ctx.actor }, { childId, kind, summary, detail });

  return {
    // ---------------------------------------------------------------------------------------------- staff
    /** Every disagreement of the authority, open ones first (late first), with the child's name. */
    list: async (actor: Actor, filter: { status?: 'open' | 'closed' | undefined }) => {
      requireRole(actor, STAFF, paths.tribunal.list);
      const today = deps.today();
      const rows = await disagreementsOf(db, actor.laCode);
      const views = (await viewsOf(db, actor.laCode, rows, today)).filter((v) =>
        filter.status === 'closed' ? v.closed : filter.status === 'open' ? !v.closed : true,
      );
      const names = new Map<string, { name: string; reference: string }>();
      for (const id of new Set(views.map((v) => v.child_id))) {
        const c = await childWithOfficer(db, actor.laCode, id);
        if (c) names.set(id, { name: childName(c), reference: c.reference });
      }
      views.sort((a, b) => Number(a.closed) - Number(b.closed) || b.lateCount - a.lateCount);
      const rowsShown = views.map((v) => ({ ...v, child: names.get(v.child_id) ?? null }));
      await auditChildrenShown(
        db,
        actor,
        'tribunal.list.read',
        paths.tribunal.list,
        rowsShown.map((v) => v.child_id),
      );
      return { today, rows: rowsShown };
    },

    /** The staff form's child, when recording from the child's record. */
    recordForm: async (actor: Actor, childId: string | undefined) => {
      requireRole(actor, STAFF, paths.tribunal.new);
      const child =
        childId && isUuid(childId) ? await childWithOfficer(db, actor.laCode, childId) : undefined;
      return { child: child ? { id: child.id, name: childName(child), reference: child.reference } : null };
    },

    /** Records a disagreement from a letter: the decision and (if known) when the family contacted the adviser. */
    record: (actor: Actor, input: NewDisagreement, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        requireRole(actor, STAFF, paths.tribunal.new);
        if (input.decisionSent > ctx.today)
          throw new TribunalError(
            'decisionSent',
            'The date the decision was sent must be today or in the past',
          );
        // The clock holds bank holidays from 2012: an earlier decision's appeal date cannot be worked out.
        if (input.decisionSent < EARLIEST_DECISION)
          throw new TribunalError(
            'decisionSent',
            `The date the decision was sent must be in ${BANK_HOLIDAYS_FIRST_YEAR} or later`,
          );
        const problem = factsProblem(
          { decisionSent: input.decisionSent, adviserContacted: input.adviserContacted ?? null },
          ctx.today,
        );
        if (problem) throw new TribunalError(problem.field, problem.message);
        const child = await childByReference(ctx.trx, actor.laCode, input.childReference);
        const result = await once(ctx, formToken, async () => {
          const id = await insertDisagreement(ctx.trx, actor.laCode, {
            childId: child.id,
            decisionKind: input.decisionKind,
            decisionSent: input.decisionSent,
            recordedBy: actor.userId,
            adviser_contacted_on: input.adviserContacted ?? null,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'tribunal.disagreement.create',
            recordType: 'disagreement',
            recordId: id,
            childId: child.id,
            detail: { decisionKind: input.decisionKind, decisionSent: input.decisionSent },
          });
          const appeal = appealDeadline(input.decisionSent);
          await event(
            ctx,
            child.id,
            'tribunal.disagreement',
            `The family disagrees with the decision sent on ${longDate(input.decisionSent)} (${decisionPhrase(input.decisionKind)}); last day to appeal ${longDate(appeal.date)}`,
            { disagreementId: id },
          );
          return id;
        });
        return result.resultId;
      }),

    /** One disagreement for staff, with every date. Audited as a read of the child. */
    page: (actor: Actor, id: string) =>
      db.transaction().execute(async (trx) => {
        const row = await staffRow({ trx, actor }, id);
        await authoriseChildRead(trx, actor, row.child_id, 'tribunal.read');
        const child = await childWithOfficer(trx, actor.laCode, row.child_id);
        const today = deps.today();
        const [view] = await viewsOf(trx, actor.laCode, [row], today);
        return {
          today,
          d: view!,
          child: child ? { id: child.id, name: childName(child), reference: child.reference } : null,
        };
      }),

    /** The mediation facts: the adviser, the family's choice, the commissioner, the mediation, the certificate. */
    saveMediation: (actor: Actor, id: string, input: MediationInput) =>
      change(actor, async (ctx) => {
        const row = await staffRow(ctx, id);
        const facts: DisagreementFacts = {
          decisionSent: row.decision_sent,
          adviserContacted: input.adviserContacted ?? null,
          declinedMediationOn: input.declinedMediationOn ?? null,
          mediationRequestedOn: input.mediationRequestedOn ?? null,
          mediationHeldOn: input.mediationHeldOn ?? null,
          certificateIssuedOn: input.certificateIssuedOn ?? null,
        };
        const problem = factsProblem(facts, ctx.today);
        if (problem) throw new TribunalError(problem.field, problem.message);
        if (
          input.commissionerToldOn &&
          (input.commissionerToldOn > ctx.today || input.commissionerToldOn < row.decision_sent)
        )
          throw new TribunalError(
            'commissionerToldOn',
            'The date the commissioner was told must be between the decision and today',
          );
        if (input.healthOnly && !input.healthIssues)
          throw new TribunalError(
            'healthIssues',
            'Select health provision if the mediation is only about health',
          );
        const patch: MediationPatch = {
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
        if (patch.certificate_issued_on && patch.certificate_issued_on !== row.certificate_issued_on) {
          const appeal = appealDeadline(row.decision_sent, patch.certificate_issued_on);
          // S7.4: the family is told the recalculated appeal date when a certificate is recorded.
          const child = await childWithOfficer(ctx.trx, actor.laCode, row.child_id);
          const family = await recipientsFor(ctx.trx, actor.laCode, row.child_id, {
            family: true,
            unlinkedFamily: true,
          });
          for (const p of family)
            await queueNotification(ctx.trx, ctx.jobs, {
              laCode: actor.laCode,
              channel: 'email',
              recipient: p.email,
              template: 'tribunal-certificate-recorded',
              personalisation: {
                name: p.name ?? 'there',
                child: child ? childName(child) : 'your child',
                certificate: longDate(patch.certificate_issued_on),
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
            `Mediation certificate issued on ${longDate(patch.certificate_issued_on)}: the last day to appeal is now ${longDate(appeal.date)}`,
            { disagreementId: row.id },
          );
        }
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
        if (orderChanged) await tellComplianceDates(ctx, { ...row, ...patch });
      }),

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

    /**
     * A caseworker's first screen: the council's open dates in the disagreements of the children they lead
     * (after an order, concession or agreement, mediation and the response), soonest first, late marked.
     */
    tasksFor: async (actor: Actor) => {
      if (!STAFF.includes(actor.role)) return [];
      const today = deps.today();
      const mine = await searchChildren(db, {
        laCode: actor.laCode,
        officer: actor.userId,
        among: disagreementChildIds(db, actor.laCode),
        page: 1,
        pageSize: 200,
      });
      if (!mine.rows.length) return [];
      const names = new Map(mine.rows.map((c) => [c.id, `${c.given_name} ${c.family_name}`]));
      const views = await viewsOf(
        db,
        actor.laCode,
        await disagreementsOf(db, actor.laCode, [...names.keys()]),
        today,
      );
      return views
        .flatMap((v) =>
          v.steps
            // Once an appeal is registered, the mediation's dates no longer lead anywhere: only the response and
            // what follows an order or concession are the council's work.
            .filter(
              (s) =>
                s.owner === 'local-authority' &&
                s.completed === null &&
                !s.excused &&
                (!v.appeal_registered_on || s.compliance || s.id === 'response') &&
                !(s.id === 'response' && v.outcome),
            )
            .map((s) => ({
              child_id: v.child_id,
              childName: names.get(v.child_id) ?? '',
              label: s.label,
              due: s.due,
              rule: s.source,
              late: s.late,
              href: paths.tribunal.show(v.id),
            })),
        )
        .sort((a, b) => a.due.localeCompare(b.due));
    },

    // ---------------------------------------------------------------------------------------------- families
    /** The family's own: each of their children's disagreements with every date and what the council must do. */
    familyList: async (actor: Actor) => {
      requireRole(actor, FAMILY, paths.tribunal.family);
      const kind = grantKindFor(actor.role);
      const children = kind
        ? (
            await searchChildren(db, {
              laCode: actor.laCode,
              grantedTo: { userId: actor.userId, kind },
              among: disagreementChildIds(db, actor.laCode),
              page: 1,
              pageSize: 100,
            })
          ).rows
        : [];
      const mine = [];
      for (const c of children) if (await canSeeChild(db, actor, c.id)) mine.push(c);
      await auditChildrenShown(
        db,
        actor,
        'tribunal.family.read',
        paths.tribunal.family,
        mine.map((c) => c.id),
      );
      const names = new Map(mine.map((c) => [c.id, `${c.given_name} ${c.family_name}`]));
      const today = deps.today();
      const views = await viewsOf(
        db,
        actor.laCode,
        await disagreementsOf(db, actor.laCode, [...names.keys()]),
        today,
      );
      return { today, rows: views.map((v) => ({ ...v, childName: names.get(v.child_id) ?? '' })) };
    },

    /** How many disagreements a family has (their first screen links to the page when there are any). */
    familyCount: async (actor: Actor) => {
      if (!FAMILY.includes(actor.role)) return 0;
      const kind = grantKindFor(actor.role);
      if (!kind) return 0;
      const page = await searchChildren(db, {
        laCode: actor.laCode,
        grantedTo: { userId: actor.userId, kind },
        among: disagreementChildIds(db, actor.laCode),
        page: 1,
        // A first page not full is counted by its length (searchChildren): one query for a family's few children.
        pageSize: 100,
      });
      return page.total;
    },

    /** The child's record: the child's disagreements, each with where it stands (staff; null for anyone else). */
    childSection: async (x: Executor, actor: Actor, childId: string) => {
      if (!STAFF.includes(actor.role)) return null;
      const views = await viewsOf(
        x,
        actor.laCode,
        await disagreementsOf(x, actor.laCode, [childId]),
        deps.today(),
      );
      if (!views.length) return null;
      return {
        heading: 'Mediation and appeals',
        lines: views.map((v) => ({
          text: `${v.decisionLabel}, sent ${longDate(v.decision_sent)}: ${v.stateLabel.toLowerCase()}${v.lateCount ? ` (${v.lateCount} late)` : ''}`,
          href: paths.tribunal.show(v.id),
        })),
      };
    },
  };
}

export type TribunalService = ReturnType<typeof createTribunalService>;

/** The steps a form may mark done: the council's compliance dates not yet done. */
export function openCompliance(steps: readonly DisagreementStep[]) {
  return steps.filter((s) => s.compliance && s.completed === null && s.owner === 'local-authority');
}

/**
 * The council's dates after an order or concession as the family's email lists them: each with its date, its rule
 * and where the rule comes from, and whether it is already done (S7.4).
 */
export function complianceLines(steps: readonly DisagreementStep[]): string {
  return steps
    .map(
      (s) =>
        `- ${s.label}: by ${longDate(s.due)}${s.completed ? ` (done on ${longDate(s.completed)})` : ''}. ${s.rule} (${s.source}).`,
    )
    .join('\n');
}
