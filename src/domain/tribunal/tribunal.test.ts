import { describe, expect, it } from 'vitest';
import {
  complianceAfterAgreement,
  complianceAfterConcession,
  complianceAfterOrder,
  complianceExceptionCheck,
  ORDER_KINDS,
} from '../clock/index.ts';
import {
  certificateNeeded,
  decisionPhrase,
  disagreementState,
  disagreementSteps,
  factsProblem,
  isMarkedLate,
  type DisagreementFacts,
  type DisagreementStep,
} from './index.ts';

const byId = (steps: DisagreementStep[]) => Object.fromEntries(steps.map((s) => [s.id, s]));
const dueOf = (steps: DisagreementStep[]) => Object.fromEntries(steps.map((s) => [s.id, s.due]));

describe('S7 acceptance examples (statutory-work.md)', () => {
  it('D = 2026-03-02 → contact the adviser by 2026-05-02 (a Saturday, not moved), appeal by 2026-05-05', () => {
    const s = byId(disagreementSteps({ decisionSent: '2026-03-02' }, '2026-03-10'));
    expect(s['mediation-contact']).toMatchObject({
      due: '2026-05-02',
      owner: 'family',
      source: 'SEND Regulations 2014, reg 33',
    });
    expect(s['appeal-deadline']).toMatchObject({ due: '2026-05-05', owner: 'family', status: 'open' });
    expect(s['appeal-deadline']!.explanation).toContain('2 May 2026 is not a working day');
  });

  it('certificate 2026-04-10 → the appeal date is recalculated to Monday 2026-05-11', () => {
    const s = byId(
      disagreementSteps({ decisionSent: '2026-03-02', certificateIssuedOn: '2026-04-10' }, '2026-04-10'),
    );
    expect(s['appeal-deadline']!.due).toBe('2026-05-11');
    expect(s['appeal-deadline']!.explanation).toContain(
      'Recalculated from the mediation certificate of 10 April 2026',
    );
  });

  it('a certificate whose month ends before D + 2 months leaves the appeal date where it was', () => {
    const s = byId(
      disagreementSteps({ decisionSent: '2026-03-02', certificateIssuedOn: '2026-03-20' }, '2026-04-10'),
    );
    expect(s['appeal-deadline']!.due).toBe('2026-05-05');
  });

  it('order 2026-06-10 to make and maintain → draft by 2026-07-15, final by 2026-08-26', () => {
    const steps = disagreementSteps(
      {
        decisionSent: '2026-01-05',
        certificateIssuedOn: '2026-02-20',
        appeal: {
          registeredOn: '2026-03-01',
          outcome: 'allowed',
          decidedOn: '2026-06-10',
          orderKind: 'make-and-maintain',
        },
      },
      '2026-06-11',
    );
    const s = byId(steps);
    expect(s['order:draft-plan']).toMatchObject({ due: '2026-07-15', compliance: true, markLate: true });
    expect(s['order:final-plan']).toMatchObject({ due: '2026-08-26', compliance: true });
    expect(s['order:draft-plan']!.explanation).toContain('counted from 10 June 2026');
    expect(s['order:draft-plan']!.source).toContain('reg 44');
  });

  it('D = 2026-06-15 → appeal by 2026-09-01 (L in August; 31 August is a bank holiday)', () => {
    const s = byId(disagreementSteps({ decisionSent: '2026-06-15' }, '2026-06-15'));
    expect(s['appeal-deadline']!.due).toBe('2026-09-01');
    expect(s['appeal-deadline']!.rule).toContain('first working day after 31 August');
    expect(s['mediation-contact']!.due).toBe('2026-08-15');
  });

  it('the S1 example: maintain decision sent 2026-03-02 → contact by 2026-05-02, appeal by 2026-05-05', () => {
    expect(dueOf(disagreementSteps({ decisionSent: '2026-03-02' }, '2026-03-02'))).toEqual({
      'mediation-contact': '2026-05-02',
      'appeal-deadline': '2026-05-05',
    });
  });

  it('Christmas: D = 2026-10-27 → L = Sunday 2026-12-27 → Monday 2027-01-04', () => {
    expect(
      byId(disagreementSteps({ decisionSent: '2026-10-27' }, '2026-10-27'))['appeal-deadline']!.due,
    ).toBe('2027-01-04');
  });
});

describe('S7.1 mediation timings', () => {
  it('the family does not want mediation: the adviser issues the certificate within 3 working days', () => {
    const s = byId(
      disagreementSteps(
        { decisionSent: '2026-03-02', adviserContacted: '2026-03-02', declinedMediationOn: '2026-03-02' },
        '2026-03-03',
      ),
    );
    expect(s['certificate-no-mediation']).toMatchObject({ due: '2026-03-05', owner: 'mediation-adviser' });
    expect(s['mediation-contact']).toMatchObject({ status: 'met', completed: '2026-03-02' });
    expect(s['mediation-held']).toBeUndefined();
  });

  it('mediation wanted on Thursday 2 April 2026 with health issues: the commissioner told by 9 April (Easter), held by 2 May', () => {
    const s = byId(
      disagreementSteps(
        { decisionSent: '2026-03-02', mediationRequestedOn: '2026-04-02', healthIssues: true },
        '2026-04-02',
      ),
    );
    expect(s['commissioner-told']).toMatchObject({ due: '2026-04-09', owner: 'local-authority' });
    expect(s['mediation-held']).toMatchObject({ due: '2026-05-02', owner: 'local-authority' });
    expect(s['certificate-after-mediation']).toBeUndefined();
  });

  it('health only: the commissioner arranges it within 30 days of being told', () => {
    const s = byId(
      disagreementSteps(
        {
          decisionSent: '2026-03-02',
          mediationRequestedOn: '2026-03-02',
          healthIssues: true,
          healthOnly: true,
          commissionerToldOn: '2026-03-04',
        },
        '2026-03-05',
      ),
    );
    expect(s['commissioner-told']).toMatchObject({ due: '2026-03-05', status: 'met' });
    expect(s['mediation-held']).toMatchObject({ due: '2026-04-03', owner: 'commissioner' });
  });

  it('mediation held on Tuesday 31 March 2026 → certificate within 3 working days: 7 April (Good Friday, Easter Monday)', () => {
    const s = byId(
      disagreementSteps(
        { decisionSent: '2026-03-02', mediationRequestedOn: '2026-03-02', mediationHeldOn: '2026-03-31' },
        '2026-04-01',
      ),
    );
    expect(s['mediation-held']).toMatchObject({ due: '2026-04-01', status: 'met' });
    expect(s['certificate-after-mediation']).toMatchObject({ due: '2026-04-07', owner: 'mediation-adviser' });
  });

  it('mediation not held within 30 days: the certificate is due 3 working days after the 30 days end', () => {
    const s = byId(
      disagreementSteps({ decisionSent: '2026-03-02', mediationRequestedOn: '2026-03-02' }, '2026-04-10'),
    );
    expect(s['mediation-held']).toMatchObject({ due: '2026-04-01', status: 'overdue', markLate: true });
    expect(isMarkedLate(s['mediation-held']!)).toBe(true);
    expect(s['certificate-after-mediation']).toMatchObject({ due: '2026-04-08' });
  });

  it('an agreement on appealable matters takes reg 44 periods from the agreement (reg 42(2)); others 2 weeks; a commissioner 1 week', () => {
    const steps = disagreementSteps(
      {
        decisionSent: '2026-03-02',
        mediationRequestedOn: '2026-05-01',
        mediationHeldOn: '2026-06-10',
        agreements: [
          {
            id: 'a1',
            agreedOn: '2026-06-10',
            appealableKind: 'make-and-maintain',
            nonAppealable: true,
            commissionerOnly: true,
            done: { 'draft-plan': '2026-07-20' },
          },
        ],
      },
      '2026-07-21',
    );
    const s = byId(steps);
    expect(s['agreement:a1:draft-plan']).toMatchObject({ due: '2026-07-15', status: 'late', daysLate: 5 });
    expect(s['agreement:a1:draft-plan']!.source).toContain('reg 42(2)');
    expect(s['agreement:a1:draft-plan']!.rule).toContain('mediation agreement');
    expect(s['agreement:a1:final-plan']!.due).toBe('2026-08-26');
    expect(s['agreement:a1:non-appealable']).toMatchObject({ due: '2026-06-24', status: 'overdue' });
    expect(s['agreement:a1:commissioner-tells']).toMatchObject({ due: '2026-06-17', owner: 'commissioner' });
  });
});

describe('S7.3 after an order (reg 44) or a concession (reg 45)', () => {
  const o = '2026-06-10';
  const appealWith = (extra: Partial<NonNullable<DisagreementFacts['appeal']>>): DisagreementFacts => ({
    decisionSent: '2026-01-05',
    certificateIssuedOn: '2026-02-20',
    appeal: { registeredOn: '2026-03-01', ...extra },
  });

  it.each([
    ['cease-dismissed', { 'order:cease': '2026-06-10' }],
    [
      'assess',
      {
        'order:notify': '2026-06-24',
        'order:no-plan-decision': '2026-08-19',
        'order:final-plan': '2026-09-16',
      },
    ],
    ['make-and-maintain', { 'order:draft-plan': '2026-07-15', 'order:final-plan': '2026-08-26' }],
    ['amend', { 'order:amended-plan': '2026-07-15' }],
    ['change-school', { 'order:amended-plan': '2026-06-24' }],
    ['continue-to-maintain', { 'order:continue': '2026-06-10' }],
  ] as const)('order %s on 2026-06-10', (kind, expected) => {
    const steps = disagreementSteps(appealWith({ outcome: 'allowed', decidedOn: o, orderKind: kind }), o);
    const compliance = Object.fromEntries(steps.filter((s) => s.compliance).map((s) => [s.id, s.due]));
    expect(compliance).toEqual(expected);
  });

  it('every order kind is covered, and the unverified periods say they are working assumptions', () => {
    for (const kind of ORDER_KINDS) expect(complianceAfterOrder(kind, o).length).toBeGreaterThan(0);
    expect(complianceAfterOrder('amend', o)[0]!.rule).toContain('working assumption');
    expect(complianceAfterOrder('change-school', o)[0]!.source).toContain('[U]');
  });

  it.each([
    [
      'assess',
      {
        'concession:notify': '2026-06-24',
        'concession:no-plan-decision': '2026-08-19',
        'concession:final-plan': '2026-09-16',
      },
    ],
    ['amend', { 'concession:amended-plan': '2026-07-15' }],
    ['placement', { 'concession:amended-plan': '2026-06-24' }],
  ] as const)('concession %s on 2026-06-10 (reg 45)', (kind, expected) => {
    const steps = disagreementSteps(
      appealWith({ outcome: 'conceded', concededOn: o, concessionKind: kind }),
      o,
    );
    expect(Object.fromEntries(steps.filter((s) => s.compliance).map((s) => [s.id, s.due]))).toEqual(expected);
    expect(complianceAfterConcession(kind, o)[0]!.source).toContain('reg 45');
  });

  it('an assessment order keeps only the end that happened', () => {
    const noPlan = disagreementSteps(
      appealWith({
        outcome: 'allowed',
        decidedOn: o,
        orderKind: 'assess',
        done: { 'no-plan-decision': '2026-08-01' },
      }),
      '2026-08-02',
    );
    expect(noPlan.map((s) => s.id)).not.toContain('order:final-plan');
    const plan = disagreementSteps(
      appealWith({
        outcome: 'allowed',
        decidedOn: o,
        orderKind: 'assess',
        done: { 'final-plan': '2026-09-01' },
      }),
      '2026-09-02',
    );
    expect(plan.map((s) => s.id)).not.toContain('order:no-plan-decision');
  });

  it('a missed compliance date is marked late; a dismissed appeal with no order has none', () => {
    const s = byId(
      disagreementSteps(
        appealWith({ outcome: 'allowed', decidedOn: o, orderKind: 'make-and-maintain' }),
        '2026-07-20',
      ),
    );
    expect(s['order:draft-plan']).toMatchObject({ status: 'overdue', daysLate: 5 });
    expect(isMarkedLate(s['order:draft-plan']!)).toBe(true);
    expect(s['order:draft-plan']!.explanation).toContain('5 days late');
    const dismissed = disagreementSteps(appealWith({ outcome: 'dismissed', decidedOn: o }), '2026-07-20');
    expect(dismissed.filter((x) => x.compliance)).toEqual([]);
  });

  it('a confirmed absence of at least 2 weeks in the period excuses the date (reg 44(3)); a shorter one does not', () => {
    const withException = (from: string, to: string, confirmed: boolean) =>
      byId(
        disagreementSteps(
          appealWith({
            outcome: 'allowed',
            decidedOn: o,
            orderKind: 'make-and-maintain',
            exceptions: { 'draft-plan': [{ kind: 'absence', from, to, confirmed }] },
          }),
          '2026-07-20',
        ),
      )['order:draft-plan']!;
    expect(withException('2026-06-20', '2026-07-04', true)).toMatchObject({ excused: true });
    expect(isMarkedLate(withException('2026-06-20', '2026-07-04', true))).toBe(false);
    expect(withException('2026-06-20', '2026-07-04', false).excused).toBe(false);
    const short = withException('2026-06-20', '2026-07-01', true);
    expect(short.excused).toBe(false);
    expect(short.exceptionReasons[0]).toContain('Only 12 days');
  });

  it('an exception outside the period cannot excuse it; personal circumstances need no length', () => {
    expect(
      complianceExceptionCheck(
        { kind: 'personal-circumstances', from: '2026-05-01', to: '2026-05-20' },
        o,
        '2026-07-15',
        '2026-07-20',
      ).qualifies,
    ).toBe(false);
    expect(
      complianceExceptionCheck(
        { kind: 'personal-circumstances', from: '2026-07-01', to: '2026-07-02' },
        o,
        '2026-07-15',
        '2026-07-20',
      ),
    ).toMatchObject({ qualifies: true, daysInside: 2 });
    expect(
      complianceExceptionCheck(
        { kind: 'absence', from: '2026-07-10', to: null },
        o,
        '2026-07-15',
        '2026-07-12',
      ),
    ).toMatchObject({ qualifies: false, daysInside: 3 });
  });

  it('the response date is the one the tribunal set; the family never shows as late', () => {
    const s = byId(
      disagreementSteps(
        { decisionSent: '2026-01-05', appeal: { registeredOn: '2026-04-01', responseDue: '2026-05-06' } },
        '2026-05-07',
      ),
    );
    expect(s['response']).toMatchObject({ due: '2026-05-06', status: 'overdue', markLate: true });
    expect(s['appeal-deadline']).toMatchObject({ due: '2026-03-05', status: 'late', markLate: false });
    expect(isMarkedLate(s['appeal-deadline']!)).toBe(false);
  });

  it('complianceAfterAgreement keeps the order periods and cites reg 42(2)', () => {
    expect(complianceAfterAgreement('make-and-maintain', o).map((d) => d.date)).toEqual([
      '2026-07-15',
      '2026-08-26',
    ]);
    expect(complianceAfterAgreement('cease-dismissed', o)[0]!.rule).toContain('family agreed');
  });
});

describe('grounds, state and checks', () => {
  it('a certificate is needed except for an appeal only about the school named', () => {
    expect(certificateNeeded('placement-only')).toBe(false);
    expect(certificateNeeded('contents', ['I'])).toBe(false);
    expect(certificateNeeded('contents', ['B', 'I'])).toBe(true);
    expect(certificateNeeded('refusal-to-assess')).toBe(true);
    expect(certificateNeeded('cease')).toBe(true);
  });

  it('state follows the facts', () => {
    const d = { decisionSent: '2026-03-02' };
    expect(disagreementState(d)).toBe('advice');
    expect(disagreementState({ ...d, mediationRequestedOn: '2026-03-10' })).toBe('mediation-requested');
    expect(disagreementState({ ...d, mediationHeldOn: '2026-03-20' })).toBe('mediation-held');
    expect(disagreementState({ ...d, certificateIssuedOn: '2026-03-20' })).toBe('certificate-issued');
    expect(disagreementState({ ...d, appeal: { registeredOn: '2026-04-01' } })).toBe('appeal-registered');
    expect(disagreementState({ ...d, appeal: { registeredOn: '2026-04-01', hearingOn: '2026-08-01' } })).toBe(
      'hearing-listed',
    );
    expect(disagreementState({ ...d, appeal: { registeredOn: '2026-04-01', outcome: 'dismissed' } })).toBe(
      'decided',
    );
    expect(disagreementState({ ...d, appeal: { registeredOn: '2026-04-01', outcome: 'conceded' } })).toBe(
      'conceded',
    );
    expect(disagreementState({ ...d, appeal: { registeredOn: '2026-04-01', outcome: 'withdrawn' } })).toBe(
      'withdrawn',
    );
  });

  it('refuses dates in the future, before the decision, mediation before the request, or after declining', () => {
    const d = { decisionSent: '2026-03-02' };
    expect(factsProblem({ ...d, adviserContacted: '2026-03-20' }, '2026-03-10')?.field).toBe(
      'adviserContacted',
    );
    expect(factsProblem({ ...d, certificateIssuedOn: '2026-03-01' }, '2026-03-10')?.field).toBe(
      'certificateIssuedOn',
    );
    expect(
      factsProblem({ ...d, mediationRequestedOn: '2026-03-09', mediationHeldOn: '2026-03-05' }, '2026-03-10')
        ?.field,
    ).toBe('mediationHeldOn');
    expect(
      factsProblem({ ...d, declinedMediationOn: '2026-03-03', mediationHeldOn: '2026-03-05' }, '2026-03-10')
        ?.field,
    ).toBe('mediationHeldOn');
    expect(factsProblem({ ...d, adviserContacted: '2026-03-03' }, '2026-03-10')).toBeNull();
  });
});

describe('a decision inside a sentence', () => {
  it('has a small first letter and keeps "EHC"', () => {
    expect(decisionPhrase('amended-plan')).toBe('the amended EHC plan');
    expect(decisionPhrase('not-to-assess')).toBe('not to carry out an EHC needs assessment');
  });
});
