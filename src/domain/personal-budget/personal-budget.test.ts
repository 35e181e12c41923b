import { describe, expect, it } from 'vitest';
import {
  agreementProblem,
  arrangementOf,
  budgetState,
  changeProblem,
  changeTakesEffect,
  decisionProblem,
  decisionWantedBy,
  earliestEffective,
  hasPersonalBudgetInformation,
  mayDecide,
  monitoringProblem,
  nextMonitoringDue,
  paymentOn,
  personalBudgetInformation,
  reconsiderationProblem,
  refusalReviewProblem,
  refusesSomething,
  requestProblem,
  sen2Flags,
  totalPence,
  type AgreementInput,
  type ChangeInput,
  type DecisionInput,
} from './index.ts';

const TODAY = '2026-06-15';

describe('S8 acceptance examples (statutory-work.md)', () => {
  it('a draft with no personal-budget information paragraph fails the check; one with it passes', () => {
    const draft =
      "Hello,\n\nThe council sent Sam's draft plan. What happens next: you have 15 days to comment.";
    expect(hasPersonalBudgetInformation(draft)).toBe(false);
    expect(hasPersonalBudgetInformation(`${draft}\n\n${personalBudgetInformation()}`)).toBe(true);
    expect(personalBudgetInformation({ name: 'Demo SENDIASS', contact: '0100 000 0000' })).toContain(
      'Demo SENDIASS (0100 000 0000)',
    );
    // the paragraph names each arrangement, the stages and the right to ask again
    const p = personalBudgetInformation();
    for (const words of [
      'direct payment',
      'notional',
      'third-party',
      'draft',
      'review',
      'reassessment',
      'why',
    ])
      expect(p).toContain(words);
  });

  it('a refusal without reasons cannot be saved', () => {
    const refusal: DecisionInput = {
      decidedOn: '2026-06-01',
      requestedOn: '2026-05-20',
      requested: ['education'],
      wantsDirectPayment: true,
      elements: [{ element: 'education', pence: null, arrangement: null }],
      reasons: '   ',
    };
    expect(decisionProblem(refusal, TODAY)?.field).toBe('reasons');
    expect(
      decisionProblem(
        { ...refusal, reasons: 'The support is part of the school’s whole-class provision' },
        TODAY,
      ),
    ).toBeNull();
  });

  it('first direct-payment review: start 2026-05-01 → by 2026-07-31', () => {
    expect(nextMonitoringDue('2026-05-01', []).date).toBe('2026-07-31');
    expect(nextMonitoringDue('2026-05-01', []).source).toContain('reg 11');
  });

  it('SEN2 module 4 flags derive from the decisions', () => {
    const flags = sen2Flags(
      [
        {
          decidedOn: '2025-10-01',
          elements: [
            { element: 'education', pence: 120_000, arrangement: 'notional' },
            { element: 'social-care', pence: 300_000, arrangement: 'direct-payment' },
          ],
          payments: [],
        },
      ],
      '2026-01-15',
    );
    expect(flags).toEqual({ personalBudget: 'Y', organisedArrangements: 'Y', directPayments: 'Y' });
  });
});

describe('requests (reg 4)', () => {
  const base = {
    requestedOn: '2026-06-01',
    stage: 'draft' as const,
    elements: ['education' as const],
    wantsDirectPayment: false,
    planStatus: 'plan' as const,
    planSince: '2026-05-20',
  };
  it('accepts a request at draft after the draft was sent', () =>
    expect(requestProblem(base, TODAY)).toBeNull());
  it('refuses a future date, no elements, a child with no plan or assessment, and a request before the plan', () => {
    expect(requestProblem({ ...base, requestedOn: '2026-06-16' }, TODAY)?.field).toBe('requestedOn');
    expect(requestProblem({ ...base, elements: [] }, TODAY)?.field).toBe('elements');
    expect(requestProblem({ ...base, planStatus: 'none', planSince: null }, TODAY)?.field).toBe('stage');
    expect(requestProblem({ ...base, planStatus: 'ceased' }, TODAY)?.field).toBe('stage');
    expect(requestProblem({ ...base, requestedOn: '2026-05-19' }, TODAY)?.field).toBe('requestedOn');
    // at a review the plan may be years old: any date after it
    expect(requestProblem({ ...base, stage: 'review', planSince: '2022-01-01' }, TODAY)).toBeNull();
  });
  it('during a first assessment only at the draft plan', () => {
    const assessing = { ...base, planStatus: 'assessment' as const, planSince: null };
    expect(requestProblem(assessing, TODAY)).toBeNull();
    expect(requestProblem({ ...assessing, stage: 'review' }, TODAY)?.message).toContain('at the draft plan');
    expect(requestProblem({ ...assessing, stage: 'reassessment' }, TODAY)?.field).toBe('stage');
  });
  it('the decision is wanted before the plan is issued: a product rule, never late', () => {
    expect(decisionWantedBy(null)).toBeNull();
    expect(decisionWantedBy('2026-07-01')).toMatchObject({ date: '2026-07-01', statutory: false });
  });
});

describe('decisions (regs 5-8)', () => {
  const agreed: DecisionInput = {
    decidedOn: '2026-06-10',
    requestedOn: '2026-06-01',
    requested: ['education', 'social-care'],
    wantsDirectPayment: true,
    elements: [
      { element: 'education', pence: 150_000, arrangement: 'notional' },
      { element: 'social-care', pence: 240_000, arrangement: 'direct-payment' },
    ],
    reasons: null,
  };
  it('an agreement of everything asked, with a direct payment, needs no reasons', () => {
    expect(refusesSomething(agreed)).toBe(false);
    expect(decisionProblem(agreed, TODAY)).toBeNull();
    expect(arrangementOf(agreed.elements)).toBe('combination');
    expect(totalPence(agreed.elements)).toBe(390_000);
  });
  it('a partial refusal (one element not agreed) needs reasons', () => {
    const partial = {
      ...agreed,
      elements: [agreed.elements[1]!, { element: 'education' as const, pence: null, arrangement: null }],
    };
    expect(refusesSomething(partial)).toBe(true);
    expect(decisionProblem(partial, TODAY)?.field).toBe('reasons');
  });
  it('refusing a direct payment the family asked for needs reasons', () => {
    const noDp = {
      ...agreed,
      elements: [
        { element: 'education' as const, pence: 150_000, arrangement: 'notional' as const },
        { element: 'social-care' as const, pence: 240_000, arrangement: 'third-party' as const },
      ],
    };
    expect(refusesSomething(noDp)).toBe(true);
    expect(decisionProblem({ ...noDp, reasons: 'No one can manage the payments' }, TODAY)).toBeNull();
    expect(arrangementOf(noDp.elements)).toBe('combination');
  });
  it('checks dates, amounts and arrangements', () => {
    expect(decisionProblem({ ...agreed, decidedOn: '2026-06-16' }, TODAY)?.field).toBe('decidedOn');
    expect(decisionProblem({ ...agreed, decidedOn: '2026-05-31' }, TODAY)?.field).toBe('decidedOn');
    expect(
      decisionProblem(
        {
          ...agreed,
          elements: [{ element: 'education', pence: 100, arrangement: null }, agreed.elements[1]!],
        },
        TODAY,
      )?.field,
    ).toBe('educationArrangement');
    expect(
      decisionProblem(
        {
          ...agreed,
          elements: [{ element: 'health', pence: 0, arrangement: 'notional' }, ...agreed.elements],
        },
        TODAY,
      )?.field,
    ).toBe('healthPence');
    expect(
      decisionProblem(
        { ...agreed, elements: [{ element: 'education', pence: -5, arrangement: 'notional' }] },
        TODAY,
      )?.field,
    ).toBe('educationPence');
    expect(arrangementOf([{ element: 'health', pence: 5, arrangement: 'third-party' }])).toBe('third-party');
    expect(arrangementOf([{ element: 'health', pence: null, arrangement: null }])).toBeNull();
  });
  it('the review of a refusal (reg 7): after the decision, decided with an outcome', () => {
    const r = { decidedOn: '2026-06-01', requestedOn: '2026-06-05', reviewedOn: null, outcome: null };
    expect(refusalReviewProblem(r, TODAY)).toBeNull();
    expect(refusalReviewProblem({ ...r, requestedOn: '2026-05-30' }, TODAY)?.field).toBe('reviewRequestedOn');
    expect(refusalReviewProblem({ ...r, requestedOn: '2026-06-16' }, TODAY)?.field).toBe('reviewRequestedOn');
    expect(refusalReviewProblem({ ...r, reviewedOn: '2026-06-04', outcome: 'upheld' }, TODAY)?.field).toBe(
      'reviewedOn',
    );
    expect(refusalReviewProblem({ ...r, reviewedOn: '2026-06-10', outcome: null }, TODAY)?.field).toBe(
      'reviewOutcome',
    );
    expect(refusalReviewProblem({ ...r, reviewedOn: null, outcome: 'changed' }, TODAY)?.field).toBe(
      'reviewedOn',
    );
    expect(refusalReviewProblem({ ...r, reviewedOn: '2026-06-10', outcome: 'changed' }, TODAY)).toBeNull();
  });
  it('states, and when a new decision may be recorded', () => {
    expect(budgetState(null)).toBe('requested');
    expect(budgetState({ refuses: false, reviewRequestedOn: null, reviewOutcome: null })).toBe('agreed');
    expect(budgetState({ refuses: true, reviewRequestedOn: null, reviewOutcome: null })).toBe('refused');
    expect(budgetState({ refuses: true, reviewRequestedOn: '2026-06-01', reviewOutcome: null })).toBe(
      'review-requested',
    );
    expect(budgetState({ refuses: true, reviewRequestedOn: '2026-06-01', reviewOutcome: 'upheld' })).toBe(
      'review-upheld',
    );
    expect(budgetState({ refuses: true, reviewRequestedOn: '2026-06-01', reviewOutcome: 'changed' })).toBe(
      'review-changed',
    );
    expect(mayDecide(null)).toBe(true);
    expect(mayDecide({ refuses: true, reviewRequestedOn: '2026-06-01', reviewOutcome: 'upheld' })).toBe(
      false,
    );
    expect(mayDecide({ refuses: true, reviewRequestedOn: '2026-06-01', reviewOutcome: 'changed' })).toBe(
      true,
    );
  });
});

describe('direct payment agreements (reg 6)', () => {
  const a: AgreementInput = {
    element: 'social-care',
    decided: { element: 'social-care', pence: 240_000, arrangement: 'direct-payment' },
    decidedOn: '2026-06-10',
    recipient: 'A parent',
    pence: 240_000,
    startOn: '2026-07-01',
    onPremises: false,
    settingAgreedOn: null,
    conditionsMet: true,
    notForPlace: true,
  };
  it('accepts an agreement within the decision', () => expect(agreementProblem(a)).toBeNull());
  it('needs the head’s agreement, before the start, where the support is on the school’s premises', () => {
    expect(agreementProblem({ ...a, onPremises: true })?.field).toBe('settingAgreedOn');
    expect(agreementProblem({ ...a, onPremises: true, settingAgreedOn: '2026-07-02' })?.field).toBe(
      'settingAgreedOn',
    );
    expect(agreementProblem({ ...a, onPremises: true, settingAgreedOn: '2026-06-20' })).toBeNull();
  });
  it('refuses an element not paid by direct payment, more than identified, a start before the decision, unmet conditions, the school place', () => {
    expect(
      agreementProblem({ ...a, decided: { element: 'social-care', pence: 5, arrangement: 'notional' } })
        ?.field,
    ).toBe('element');
    expect(agreementProblem({ ...a, decided: undefined })?.field).toBe('element');
    expect(agreementProblem({ ...a, recipient: ' ' })?.field).toBe('recipient');
    expect(agreementProblem({ ...a, pence: 0 })?.field).toBe('pence');
    expect(agreementProblem({ ...a, pence: 240_001 })?.field).toBe('pence');
    expect(agreementProblem({ ...a, startOn: '2026-06-09' })?.field).toBe('startOn');
    expect(agreementProblem({ ...a, conditionsMet: false })?.field).toBe('conditionsMet');
    expect(agreementProblem({ ...a, notForPlace: false })?.field).toBe('notForPlace');
  });
});

describe('monitoring (reg 11)', () => {
  it('the first review within the 3 months beginning with the start, with the period’s month-end rule', () => {
    expect(nextMonitoringDue('2026-01-31', []).date).toBe('2026-04-30');
    expect(nextMonitoringDue('2026-11-30', []).date).toBe('2027-02-28');
  });
  it('then at each review of the plan: within 12 months of the last', () => {
    const next = nextMonitoringDue('2026-05-01', ['2026-07-20', '2026-07-01']);
    expect(next.date).toBe('2027-07-20');
    expect(next.rule).toContain('review of the plan');
  });
  it('a review needs its date (after the start, not in the future), outcome and notes', () => {
    const m = {
      reviewedOn: '2026-06-01',
      startOn: '2026-05-01',
      outcome: 'continue' as const,
      notes: 'Used as agreed',
    };
    expect(monitoringProblem(m, TODAY)).toBeNull();
    expect(monitoringProblem({ ...m, reviewedOn: '2026-06-16' }, TODAY)?.field).toBe('reviewedOn');
    expect(monitoringProblem({ ...m, reviewedOn: '2026-04-30' }, TODAY)?.field).toBe('reviewedOn');
    expect(monitoringProblem({ ...m, outcome: null }, TODAY)?.field).toBe('outcome');
    expect(monitoringProblem({ ...m, notes: '' }, TODAY)?.field).toBe('notes');
  });
});

describe('reductions and stops (regs 12 and 14)', () => {
  const c: ChangeInput = {
    kind: 'reduce',
    noticeOn: '2026-06-01',
    effectiveOn: '2026-06-29',
    reasons: 'Fewer sessions are needed',
    newPence: 100_000,
    currentPence: 240_000,
    startOn: '2026-01-01',
  };
  it('notice of at least 28 days (a working assumption, said in the rule)', () => {
    expect(earliestEffective('2026-06-01').date).toBe('2026-06-29');
    expect(earliestEffective('2026-06-01').rule).toContain('working assumption');
    expect(changeProblem(c, TODAY)).toBeNull();
    expect(changeProblem({ ...c, effectiveOn: '2026-06-28' }, TODAY)?.field).toBe('effectiveOn');
  });
  it('reasons, a smaller amount for a reduction, none for a stop', () => {
    expect(changeProblem({ ...c, reasons: '' }, TODAY)?.field).toBe('reasons');
    expect(changeProblem({ ...c, newPence: 240_000 }, TODAY)?.field).toBe('newPence');
    expect(changeProblem({ ...c, newPence: null }, TODAY)?.field).toBe('newPence');
    expect(changeProblem({ ...c, kind: 'stop', newPence: 5 }, TODAY)?.field).toBe('newPence');
    expect(changeProblem({ ...c, kind: 'stop', newPence: null }, TODAY)).toBeNull();
    expect(changeProblem({ ...c, noticeOn: '2026-06-16', effectiveOn: '2026-08-01' }, TODAY)?.field).toBe(
      'noticeOn',
    );
    expect(changeProblem({ ...c, noticeOn: '2025-12-31' }, TODAY)?.field).toBe('noticeOn');
  });
  it('one reconsideration only, after the notice', () => {
    const r = {
      noticeOn: '2026-06-01',
      alreadyRequested: false,
      requestedOn: '2026-06-03',
      decidedOn: null,
      outcome: null,
    };
    expect(reconsiderationProblem(r, TODAY)).toBeNull();
    expect(reconsiderationProblem({ ...r, alreadyRequested: true }, TODAY)?.message).toContain(
      'one reconsideration',
    );
    expect(reconsiderationProblem({ ...r, requestedOn: '2026-05-31' }, TODAY)?.field).toBe(
      'reconsiderationRequestedOn',
    );
    expect(reconsiderationProblem({ ...r, requestedOn: '2026-06-16' }, TODAY)?.field).toBe(
      'reconsiderationRequestedOn',
    );
    expect(
      reconsiderationProblem({ ...r, decidedOn: '2026-06-02', outcome: 'confirmed' }, TODAY)?.field,
    ).toBe('reconsiderationDecidedOn');
    expect(reconsiderationProblem({ ...r, decidedOn: '2026-06-10', outcome: null }, TODAY)?.field).toBe(
      'reconsiderationOutcome',
    );
    expect(reconsiderationProblem({ ...r, outcome: 'withdrawn' }, TODAY)?.field).toBe(
      'reconsiderationDecidedOn',
    );
  });
  it('the amount paid on a day after changes; a withdrawn change never takes effect', () => {
    const agreement = { pence: 240_000, startOn: '2026-01-01' };
    const reduce = {
      kind: 'reduce' as const,
      effectiveOn: '2026-07-01',
      newPence: 100_000,
      reconsiderationOutcome: null,
    };
    const stop = {
      kind: 'stop' as const,
      effectiveOn: '2026-09-01',
      newPence: null,
      reconsiderationOutcome: null,
    };
    expect(paymentOn(agreement, [], '2025-12-31')).toBeNull();
    expect(paymentOn(agreement, [stop, reduce], '2026-06-30')).toBe(240_000);
    expect(paymentOn(agreement, [stop, reduce], '2026-07-01')).toBe(100_000);
    expect(paymentOn(agreement, [stop, reduce], '2026-09-01')).toBeNull();
    const withdrawn = { ...stop, reconsiderationOutcome: 'withdrawn' as const };
    expect(changeTakesEffect(withdrawn, '2026-10-01')).toBe(false);
    expect(paymentOn(agreement, [withdrawn, reduce], '2026-10-01')).toBe(100_000);
  });
});

describe('SEN2 module 4a flags', () => {
  const dp = { element: 'social-care' as const, pence: 300_000, arrangement: 'direct-payment' as const };
  it('N for every item without a decision by the census date', () => {
    expect(sen2Flags([], '2026-01-15')).toEqual({
      personalBudget: 'N',
      organisedArrangements: 'N',
      directPayments: 'N',
    });
    expect(sen2Flags([{ decidedOn: '2026-01-16', elements: [dp], payments: [] }], '2026-01-15')).toEqual({
      personalBudget: 'N',
      organisedArrangements: 'N',
      directPayments: 'N',
    });
  });
  it('a refusal is no personal budget', () => {
    expect(
      sen2Flags(
        [
          {
            decidedOn: '2025-06-01',
            elements: [{ element: 'health', pence: null, arrangement: null }],
            payments: [],
          },
        ],
        '2026-01-15',
      ).personalBudget,
    ).toBe('N');
  });
  it('a third-party arrangement is organised; a direct payment stopped by the census date no longer counts', () => {
    const stopped = {
      decidedOn: '2025-03-01',
      elements: [dp, { element: 'health' as const, pence: 50_000, arrangement: 'third-party' as const }],
      payments: [
        {
          element: 'social-care' as const,
          pence: 300_000,
          startOn: '2025-04-01',
          changes: [
            {
              kind: 'stop' as const,
              effectiveOn: '2025-12-01',
              newPence: null,
              reconsiderationOutcome: null,
            },
          ],
        },
      ],
    };
    expect(sen2Flags([stopped], '2026-01-15')).toEqual({
      personalBudget: 'Y',
      organisedArrangements: 'Y',
      directPayments: 'N',
    });
    // before the stop took effect it still counted
    expect(sen2Flags([stopped], '2025-11-30').directPayments).toBe('Y');
    // a stop withdrawn on reconsideration leaves it paid
    const kept = {
      ...stopped,
      payments: [
        {
          ...stopped.payments[0]!,
          changes: [{ ...stopped.payments[0]!.changes[0]!, reconsiderationOutcome: 'withdrawn' as const }],
        },
      ],
    };
    expect(sen2Flags([kept], '2026-01-15').directPayments).toBe('Y');
  });
});
