/**
 * One disagreement as every page shows it (`disagreementView`: its state, its dates with their rules and which are
 * late, its agreements and reg 44(3) exceptions), the clock's facts from the stored rows (`factsOf`), and the
 * council's dates after an order or concession as a form and the family's email list them. No access and no writes
 * here: the callers decide who may see what.
 */
import { longDate } from '../../domain/calendar.ts';
import {
  certificateNeeded,
  DECISION_LABELS,
  disagreementState,
  disagreementSteps,
  isMarkedLate,
  STATE_LABELS,
  type DisagreementFacts,
  type DisagreementStep,
  type Section,
} from '../../domain/tribunal/index.ts';
import type { AgreementRow, DisagreementRow, DoneRow, ExceptionRow } from './store.ts';

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
