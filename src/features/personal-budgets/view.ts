/**
 * One personal budget request as every page shows it (`budgetView`: its decisions, where it stands, direct payments
 * with their dates and next reviews), the money and element words the pages and messages use, and each child's
 * decisions as the SEN2 return reads them (`personalBudgetsForReturns`). No access and no writes here: the callers
 * decide who may see what.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import {
  arrangementOf,
  ARRANGEMENT_LABELS,
  budgetState,
  BUDGET_STATE_LABELS,
  decisionWantedBy,
  earliestEffective,
  ELEMENT_LABELS,
  ELEMENTS,
  mayDecide,
  MONITORING_LABELS,
  nextMonitoringDue,
  paymentOn,
  sen2Flags,
  STAGE_LABELS,
  totalPence,
  type Element,
  type ElementDecision,
  type Sen2BudgetFacts,
} from '../../domain/personal-budget/index.ts';
import {
  COLUMN,
  recordsOf,
  requestsOf,
  type AgreementRow,
  type ChangeRow,
  type DecisionRow,
  type Records,
  type RequestRow,
} from './store.ts';

export const pounds = (pence: number | null) =>
  pence === null
    ? ''
    : `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A decision's elements, in the domain's terms. */
export function elementsOf(d: DecisionRow): ElementDecision[] {
  return ELEMENTS.map((element) => ({
    element,
    pence: d[`${COLUMN[element]}_pence`],
    arrangement: d[`${COLUMN[element]}_arrangement`],
  }));
}

const elementList = (s: string) => s.split(',') as Element[];
export const elementWords = (els: readonly Element[]) =>
  els.map((e) => (e === 'social-care' ? 'social care' : e)).join(', ');

/** One request as every page shows it: its decisions, where it stands, direct payments with their dates. */
export function budgetView(r: RequestRow, records: Records, today: string) {
  const decisions = records.decisions.filter((d) => d.request_id === r.id);
  const latest = decisions.at(-1) ?? null;
  const state = budgetState(
    latest
      ? {
          refuses: latest.refuses,
          reviewRequestedOn: latest.review_requested_on,
          reviewOutcome: latest.review_outcome,
        }
      : null,
  );
  const decisionIds = new Set(decisions.map((d) => d.id));
  const agreements = records.agreements
    .filter((a) => decisionIds.has(a.decision_id))
    .map((a) => agreementView(a, records, today));
  const elements = latest ? elementsOf(latest) : [];
  return {
    ...r,
    requested: elementList(r.elements),
    requestedText: elementWords(elementList(r.elements)),
    stageLabel: STAGE_LABELS[r.stage],
    state,
    stateLabel: BUDGET_STATE_LABELS[state],
    wantedBy: latest ? null : decisionWantedBy(r.plan_due),
    latest: latest
      ? {
          ...latest,
          elements: elements
            .filter((e) => e.pence || elementList(r.elements).includes(e.element))
            .map((e) => ({
              ...e,
              label: ELEMENT_LABELS[e.element],
              amount: e.pence ? pounds(e.pence) : 'Not agreed',
              arrangementLabel: e.arrangement ? ARRANGEMENT_LABELS[e.arrangement] : '',
            })),
          total: pounds(totalPence(elements)),
          arrangement: arrangementOf(elements),
        }
      : null,
    earlier: decisions.slice(0, -1),
    mayDecide: mayDecide(
      latest
        ? {
            refuses: latest.refuses,
            reviewRequestedOn: latest.review_requested_on,
            reviewOutcome: latest.review_outcome,
          }
        : null,
    ),
    agreements,
    lateCount: agreements.filter((a) => a.nextReview?.late).length,
  };
}
export type BudgetView = ReturnType<typeof budgetView>;

/** One direct payment as the request's page shows it: what is paid now, its reviews, changes and next review. */
function agreementView(a: AgreementRow, records: Records, today: string) {
  const reviews = records.reviews.filter((x) => x.agreement_id === a.id);
  const changes = records.changes
    .filter((c) => c.agreement_id === a.id)
    .map((c) => ({
      ...c,
      kindLabel: c.kind === 'stop' ? 'Stop' : 'Reduction',
      earliest: earliestEffective(c.notice_on),
      newAmount: pounds(c.new_pence),
    }));
  const domainChanges = changes.map(changeFacts);
  const paidNow = paymentOn({ pence: a.pence, startOn: a.start_on }, domainChanges, today);
  const stopped = a.start_on <= today && paidNow === null;
  const next = stopped
    ? null
    : nextMonitoringDue(
        a.start_on,
        reviews.map((x) => x.reviewed_on),
      );
  return {
    ...a,
    elementLabel: ELEMENT_LABELS[a.element],
    amount: pounds(a.pence),
    paidNow: pounds(paidNow),
    stopped,
    reviews: reviews.map((x) => ({ ...x, outcomeLabel: MONITORING_LABELS[x.outcome] })),
    changes,
    nextReview: next ? { ...next, late: next.date < today } : null,
  };
}

/** A reduction or stop in the domain's terms. */
export const changeFacts = (c: ChangeRow) => ({
  kind: c.kind,
  effectiveOn: c.effective_on,
  newPence: c.new_pence,
  reconsiderationOutcome: c.reconsideration_outcome,
});

/**
 * Each child's personal budget decisions as the SEN2 return reads them (module 4a's PBTakeUp, PBOrganised and
 * PBDirectPayments derive from them through the domain's `sen2Flags` at the return's census date).
 */
export async function personalBudgetsForReturns(
  db: Executor,
  laCode: string,
): Promise<Map<string, Sen2BudgetFacts[]>> {
  const requests = await requestsOf(db, laCode);
  const records = await recordsOf(
    db,
    laCode,
    requests.map((r) => r.id),
  );
  const out = new Map<string, Sen2BudgetFacts[]>();
  for (const r of requests) {
    const latest = records.decisions.filter((d) => d.request_id === r.id).at(-1);
    if (!latest) continue;
    const facts: Sen2BudgetFacts = {
      decidedOn: latest.decided_on,
      elements: elementsOf(latest),
      payments: records.agreements
        .filter((a) => a.decision_id === latest.id)
        .map((a) => ({
          element: a.element,
          pence: a.pence,
          startOn: a.start_on,
          changes: records.changes.filter((c) => c.agreement_id === a.id).map(changeFacts),
        })),
    };
    out.set(r.child_id, [...(out.get(r.child_id) ?? []), facts]);
  }
  return out;
}

/** The SEN2 flags of one child's decisions at a census date (for pages that show them). */
export const flagsAt = (facts: readonly Sen2BudgetFacts[], census: string) => sen2Flags(facts, census);
