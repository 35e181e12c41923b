/**
 * The pure date rules (rules/, school-year.ts): every acceptance example in statutory-work.md that is a date
 * calculation, and the edges of each rule.
 */
import { describe, expect, it } from 'vitest';
import { stepOf, timelineOf } from '../testing.ts';
import {
  ALL_ASSUMPTIONS,
  amendedPlanIssueCheck,
  amendmentDates,
  appealDeadline,
  ceaseDates,
  certificateAfterMediation,
  certificateWhenNoMediation,
  commissionerToldOfHealthIssues,
  complianceAfterConcession,
  complianceAfterOrder,
  consultationResponseDue,
  familyViewsAskedBy,
  firstDirectPaymentReviewBy,
  fullTimeProvisionFrom,
  mediationAgreementDates,
  mediationContactBy,
  mediationHeldBy,
  nextReviewDue,
  notInEducationReviewBy,
  ORDER_KINDS,
  phaseTransferFor,
  reassessmentDecisionDue,
  reassessmentFinalPlanDue,
  reviewMeetingDue,
  reviewPaperworkDates,
  schoolDaysBeginningWith,
  transferInDates,
  transferOutSendBy,
  underFiveReviewAdvice,
  type RuleDate,
} from './index.ts';

const dates = (r: Record<string, RuleDate>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.date]));

describe('S1 annual review and amendment (statutory-work.md acceptance)', () => {
  // plan made 2025-03-10; meeting Mon 2026-02-02
  it('S1 review due 2026-03-09; invitations and advice by 2026-01-19; report 2026-02-16; decision 2026-03-02', () => {
    expect(reviewMeetingDue({ firstIssued: '2025-03-10' })).toMatchObject({
      date: '2026-03-09',
      source: 'Children and Families Act 2014, s44(1)(a)',
      statutory: true,
      assumption: null,
    });
    expect(dates({ ...reviewPaperworkDates('2026-02-02') })).toEqual({
      invitations: '2026-01-19',
      adviceCirculated: '2026-01-19',
      report: '2026-02-16',
      decision: '2026-03-02',
      amendmentProposal: '2026-03-02',
    });
  });

  it('S1 proposal served 2026-03-02 → comments until 2026-03-16; amended plan by 2026-04-27; next review by 2027-02-01', () => {
    const a = amendmentDates({ meeting: '2026-02-02', proposalSent: '2026-03-02' });
    expect(a.commentsEnd.date).toBe('2026-03-16');
    expect(a.earliestIssue.date).toBe('2026-03-17');
    expect(a.amendedPlanDue.date).toBe('2026-04-27');
    expect(a.dueBeforeCommentsEnd).toBe(false);
    expect(nextReviewDue('2026-02-02').date).toBe('2027-02-01');
    expect(reviewMeetingDue({ firstIssued: '2025-03-10', previousMeeting: '2026-02-02' }).date).toBe(
      '2027-02-01',
    );
  });

  it('S1 maintain decision sent 2026-03-02 → mediation contact by 2026-05-02; appeal by 2026-05-05', () => {
    expect(mediationContactBy('2026-03-02').date).toBe('2026-05-02'); // a Saturday: reg 33 does not roll
    expect(appealDeadline('2026-03-02').date).toBe('2026-05-05'); // 2 May a Saturday, 4 May a bank holiday
  });

  it('S1 amending the plan on 2026-04-20 does not move the next review date (J2)', () => {
    const t = timelineOf({
      asOf: '2026-05-01',
      plan: {
        firstIssued: '2025-03-10',
        reviews: [
          {
            meeting: '2026-02-02',
            decision: { date: '2026-03-02', outcome: 'amend' },
            amendmentProposalSent: '2026-03-02',
            amendedPlanIssued: '2026-04-20',
          },
        ],
      },
    });
    expect(stepOf(t, 'review:2').due).toBe('2027-02-01');
    expect(stepOf(t, 'amended-plan:1')).toMatchObject({ due: '2026-04-27', status: 'met' });
  });

  it('S1 issuing an amended plan with no proposal, or on 2026-03-10 (inside the comment period), is refused', () => {
    expect(amendedPlanIssueCheck({ proposalSent: null, issueDate: '2026-04-20' })).toMatchObject({
      allowed: false,
    });
    const inside = amendedPlanIssueCheck({ proposalSent: '2026-03-02', issueDate: '2026-03-10' });
    expect(inside).toEqual({
      allowed: false,
      reason:
        'The family can comment on the proposed amendments up to and including 16 March 2026, so the amended plan cannot be issued before 17 March 2026 (reg 22(2)(c)).',
    });
    expect(amendedPlanIssueCheck({ proposalSent: '2026-03-02', issueDate: '2026-03-16' }).allowed).toBe(
      false,
    );
    expect(amendedPlanIssueCheck({ proposalSent: '2026-03-02', issueDate: '2026-03-17' })).toEqual({
      allowed: true,
    });
  });

  it('S1 the amended plan is due 12 weeks after the meeting when the proposal is late (Devon), and a very late proposal is flagged', () => {
    const late = amendmentDates({ meeting: '2026-02-02', proposalSent: '2026-04-01' });
    expect(late.amendedPlanDue.date).toBe('2026-04-27'); // M + 84, before proposal + 56 (2026-05-27)
    expect(late.dueBeforeCommentsEnd).toBe(false);
    const tooLate = amendmentDates({ meeting: '2026-02-02', proposalSent: '2026-04-20' });
    expect(tooLate.commentsEnd.date).toBe('2026-05-04');
    expect(tooLate.amendedPlanDue.date).toBe('2026-04-27');
    expect(tooLate.dueBeforeCommentsEnd).toBe(true);
  });

  it('S1 the reg 22(4) not-to-amend notice: proposal + 8 weeks, marked as resting on a practitioner source', () => {
    const n = amendmentDates({ meeting: '2026-02-02', proposalSent: '2026-03-02' }).notToAmendNotice;
    expect(n.date).toBe('2026-04-27');
    expect(n.assumption?.id).toBe('not-to-amend');
    expect(n.rule).toContain('working assumption');
    expect(n.source).toBe('SEND Regulations 2014, reg 22(4) [S]');
  });

  it('S1 children under 5: consider a review every 3 to 6 months, advice only; none at 5 or over', () => {
    const a = underFiveReviewAdvice({
      dateOfBirth: '2023-01-15',
      lastReviewOrIssued: '2025-11-30',
      on: '2026-01-10',
    });
    expect(a?.considerFrom).toMatchObject({ date: '2026-02-28', statutory: false });
    expect(a?.considerBy).toMatchObject({ date: '2026-05-30', statutory: false });
    expect(
      underFiveReviewAdvice({
        dateOfBirth: '2021-01-10',
        lastReviewOrIssued: '2025-11-30',
        on: '2026-01-10',
      }),
    ).toBeNull();
  });
});

describe('S2 phase transfer (statutory-work.md acceptance)', () => {
  it('S2 born 2015-03-01 at a 0-6 primary on 2025-10-01 → transfer 2026, deadline 2026-02-14', () => {
    const p = phaseTransferFor({
      dateOfBirth: '2015-03-01',
      on: '2025-10-01',
      setting: { firstYear: 0, lastYear: 6 },
    });
    expect(p).toMatchObject({
      yearGroup: 6,
      moveYear: 2026,
      transfers: true,
      inCohort: true,
      kind: 'school',
    });
    expect(p.deadline).toMatchObject({ date: '2026-02-14', source: 'SEND Regulations 2014, reg 18(1)(b)' });
    expect(p.latestProposal?.date).toBe('2026-01-30');
    expect(p.consultationResponsesBy?.date).toBe('2026-01-30');
    expect(p.reviewFrom?.date).toBe('2025-09-01');
  });

  it('S2 born 2010-05-01 at an 11-16 school → 2026-03-30; latest proposal 2026-03-15', () => {
    const p = phaseTransferFor({
      dateOfBirth: '2010-05-01',
      on: '2025-10-01',
      setting: { firstYear: 7, lastYear: 11 },
    });
    expect(p).toMatchObject({ yearGroup: 11, kind: 'post-16', inCohort: true });
    expect(p.deadline?.date).toBe('2026-03-30');
    expect(p.latestProposal?.date).toBe('2026-03-15');
  });

  it('S2 an 11-18 school → not in cohort (the school’s own sixth form is not a move)', () => {
    const p = phaseTransferFor({
      dateOfBirth: '2010-05-01',
      on: '2025-10-01',
      setting: { firstYear: 7, lastYear: 13 },
    });
    expect(p).toMatchObject({ transfers: false, inCohort: false, kind: null, deadline: null });
  });

  it('S2 FE college (year 12 only) with a move on 2027-01-04 → 2026-08-04 (reg 18(2))', () => {
    const p = phaseTransferFor({
      dateOfBirth: '2010-05-01',
      on: '2026-10-01',
      setting: { firstYear: 12, lastYear: 12 },
      moveDate: '2027-01-04',
    });
    expect(p).toMatchObject({ yearGroup: 12, kind: 'post-16-move', inCohort: true, transfers: true });
    expect(p.deadline).toMatchObject({ date: '2026-08-04', source: 'SEND Regulations 2014, reg 18(2)' });
    expect(p.reviewFrom?.date).toBe('2026-01-04');
    // without a move date, reg 18(1) gives no date between post-16 institutions
    expect(
      phaseTransferFor({
        dateOfBirth: '2010-05-01',
        on: '2026-10-01',
        setting: { firstYear: 12, lastYear: 12 },
      }),
    ).toMatchObject({ transfers: true, inCohort: false, kind: null, deadline: null });
  });

  it('S2 Year 11 to another school’s sixth form: not a statutory phase transfer — local deadline', () => {
    const p = phaseTransferFor({
      dateOfBirth: '2010-05-01',
      on: '2025-10-01',
      setting: { firstYear: 7, lastYear: 11 },
      destination: 'school-sixth-form',
    });
    expect(p).toMatchObject({ transfers: true, inCohort: false, kind: null, deadline: null });
    expect(p.label).toContain('not a statutory phase transfer — local deadline');
    // to a college: 31 March
    expect(
      phaseTransferFor({
        dateOfBirth: '2010-05-01',
        on: '2025-10-01',
        setting: { firstYear: 7, lastYear: 11 },
        destination: 'post-16-institution',
      }).deadline?.date,
    ).toBe('2026-03-30');
  });

  it('S2 middle, first, infant, nursery, all-through and special schools', () => {
    const on = '2025-10-01';
    // born 2014-10-01: year 6 in 2025/26
    expect(
      phaseTransferFor({ dateOfBirth: '2014-10-01', on, setting: { firstYear: 5, lastYear: 8 } }).inCohort,
    ).toBe(false);
    expect(
      phaseTransferFor({ dateOfBirth: '2012-10-01', on, setting: { firstYear: 5, lastYear: 8 } }),
    ).toMatchObject({
      yearGroup: 8,
      kind: 'school',
      deadline: { date: '2026-02-14' },
    });
    expect(
      phaseTransferFor({ dateOfBirth: '2016-10-01', on, setting: { firstYear: 0, lastYear: 4 } }).kind,
    ).toBe('school');
    expect(
      phaseTransferFor({ dateOfBirth: '2018-10-01', on, setting: { firstYear: 0, lastYear: 2 } }).kind,
    ).toBe('school');
    expect(
      phaseTransferFor({ dateOfBirth: '2021-10-01', on, setting: { firstYear: -2, lastYear: -1 } }),
    ).toMatchObject({
      yearGroup: -1,
      kind: 'school',
      label: 'Moves to a new phase of education (Reception) in September 2026',
    });
    // all-through 4-16 and a special school 2-19: no move at year 6; the last year moves to post-16
    expect(
      phaseTransferFor({ dateOfBirth: '2014-10-01', on, setting: { firstYear: 0, lastYear: 11 } }).inCohort,
    ).toBe(false);
    expect(
      phaseTransferFor({ dateOfBirth: '2007-06-01', on, setting: { firstYear: -2, lastYear: 14 } }),
    ).toMatchObject({
      yearGroup: 14,
      kind: 'post-16',
      deadline: { date: '2026-03-30' },
    });
  });
});

describe('S3 consultation (statutory-work.md acceptance)', () => {
  it('S3 consultation sent 2026-04-20 → response due 2026-05-05 (guidance, not a legal time limit)', () => {
    expect(consultationResponseDue('2026-04-20')).toMatchObject({ date: '2026-05-05', statutory: false });
  });
});

describe('S4 children not in full-time education (statutory-work.md acceptance)', () => {
  it('S4 permanent exclusion on Mon 2026-03-02 → provision from 2026-03-09 (6th school day, no holidays)', () => {
    expect(fullTimeProvisionFrom('2026-03-02').date).toBe('2026-03-09');
  });

  it('S4 school holidays and bank holidays are not school days', () => {
    // excluded Thursday 2026-05-21; half term 25-29 May (25 May is also a bank holiday)
    const halfTerm = ['2026-05-25', '2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29'];
    expect(fullTimeProvisionFrom('2026-05-21', halfTerm).date).toBe('2026-06-04');
    expect(fullTimeProvisionFrom('2026-05-21').date).toBe('2026-05-29');
    // an exclusion recorded on a Saturday: Monday is day 1
    expect(schoolDaysBeginningWith('2026-03-07', 6)).toBe('2026-03-16');
  });

  it('S4 a review within 4 weeks is a product target, not a legal time limit', () => {
    expect(notInEducationReviewBy('2026-03-02')).toMatchObject({ date: '2026-03-30', statutory: false });
  });
});

describe('S7 mediation and tribunal (statutory-work.md acceptance)', () => {
  it('S7 D = 2026-03-02 → contact by 2026-05-02, appeal by 2026-05-05', () => {
    expect(mediationContactBy('2026-03-02').date).toBe('2026-05-02');
    expect(appealDeadline('2026-03-02')).toMatchObject({
      date: '2026-05-05',
      outerDate: '2026-05-02',
      moved: 'non-working-day',
    });
  });

  it('S7 certificate 2026-04-10 → appeal by 2026-05-11 (Monday)', () => {
    expect(appealDeadline('2026-03-02', '2026-04-10')).toMatchObject({
      date: '2026-05-11',
      outerDate: '2026-05-10',
    });
  });

  it('S7 order 2026-06-10 to make and maintain → draft by 2026-07-15, final by 2026-08-26', () => {
    expect(complianceAfterOrder('make-and-maintain', '2026-06-10').map((d) => [d.id, d.date])).toEqual([
      ['draft-plan', '2026-07-15'],
      ['final-plan', '2026-08-26'],
    ]);
  });

  it('S7 D = 2026-06-15 → appeal by 2026-09-01 (August)', () => {
    expect(appealDeadline('2026-06-15')).toMatchObject({ date: '2026-09-01', moved: 'august' });
    expect(appealDeadline('2026-06-15').rule).toContain('first working day after 31 August');
  });

  it('S7.3 every kind of order; the [U] ones are marked as working assumptions in their rule text', () => {
    const o = '2026-06-10';
    expect(complianceAfterOrder('assess', o).map((d) => [d.id, d.date])).toEqual([
      ['notify', '2026-06-24'],
      ['no-plan-decision', '2026-08-19'],
      ['final-plan', '2026-09-16'],
    ]);
    expect(complianceAfterOrder('cease-dismissed', o)).toMatchObject([
      { id: 'cease', date: o, assumption: null },
    ]);
    for (const [kind, date, id] of [
      ['amend', '2026-07-15', 'order-to-amend'],
      ['change-school', '2026-06-24', 'order-to-change-school'],
      ['continue-to-maintain', o, 'order-to-continue'],
    ] as const) {
      const [d] = complianceAfterOrder(kind, o);
      expect(d).toMatchObject({ date, assumption: { id, confidence: 'U' } });
      expect(d!.rule).toContain('working assumption, not yet checked');
    }
    expect(ORDER_KINDS).toHaveLength(6);
  });

  it('S7.3 an unopposed appeal (reg 45): assessment, amended plan, placement only', () => {
    const c = '2026-06-10';
    expect(complianceAfterConcession('assess', c).map((d) => d.date)).toEqual([
      '2026-06-24',
      '2026-08-19',
      '2026-09-16',
    ]);
    expect(complianceAfterConcession('amend', c)).toMatchObject([
      { date: '2026-07-15', source: 'SEND Regulations 2014, reg 45(4)' },
    ]);
    expect(complianceAfterConcession('placement', c)).toMatchObject([
      { date: '2026-06-24', assumption: { id: 'placement-concession' } },
    ]);
  });

  it('S7.1 mediation: 3 working days for certificates and for telling the commissioner, 30 days to hold it', () => {
    expect(certificateWhenNoMediation('2026-04-02').date).toBe('2026-04-09'); // Good Friday and Easter Monday
    expect(commissionerToldOfHealthIssues('2026-03-02').date).toBe('2026-03-05');
    expect(mediationHeldBy('2026-03-02').date).toBe('2026-04-01');
    expect(certificateAfterMediation('2026-12-23').date).toBe('2026-12-30');
    expect(dates(mediationAgreementDates('2026-03-02'))).toEqual({
      nonAppealableMatters: '2026-03-16',
      commissionerTellsAuthority: '2026-03-09',
    });
  });
});

describe('S8 personal budgets (statutory-work.md)', () => {
  it('S8 first direct-payment review: start 2026-05-01 → by 2026-07-31 (period of 3 months beginning with the start)', () => {
    expect(firstDirectPaymentReviewBy('2026-05-01').date).toBe('2026-07-31');
    expect(firstDirectPaymentReviewBy('2026-03-31').date).toBe('2026-06-30');
    expect(firstDirectPaymentReviewBy('2025-11-30').date).toBe('2026-02-28');
  });
});

describe('S9 ceasing a plan (statutory-work.md acceptance)', () => {
  it('S9 cease decision sent 2026-06-15 with no appeal → in force until 2026-09-01, ceases 2026-09-02', () => {
    const c = ceaseDates({ decisionSent: '2026-06-15' });
    expect(c.appealDeadline.date).toBe('2026-09-01');
    expect(c.inForceUntil?.date).toBe('2026-09-01');
    expect(c.ceasesOn?.date).toBe('2026-09-02');
  });

  it('S9 with an appeal the plan stays in force until the appeal ends', () => {
    expect(ceaseDates({ decisionSent: '2026-06-15', appealRegistered: '2026-07-01' })).toMatchObject({
      inForceUntil: null,
      ceasesOn: null,
    });
    const dismissed = ceaseDates({
      decisionSent: '2026-06-15',
      appealRegistered: '2026-07-01',
      appealEnded: '2027-01-20',
      appealOutcome: 'dismissed',
    });
    expect(dismissed.inForceUntil?.date).toBe('2027-01-19');
    expect(dismissed.ceasesOn?.date).toBe('2027-01-20');
    expect(
      ceaseDates({
        decisionSent: '2026-06-15',
        appealRegistered: '2026-07-01',
        appealEnded: '2027-01-20',
        appealOutcome: 'decision-overturned',
      }).ceasesOn,
    ).toBeNull();
  });
});

describe('S10 reassessment (statutory-work.md acceptance)', () => {
  it('S10 notice 2026-03-10 → final plan by 2026-06-16; the reg 25(1) decision date is a working assumption', () => {
    expect(reassessmentFinalPlanDue('2026-03-10').date).toBe('2026-06-16');
    const t = timelineOf({
      asOf: '2026-03-11',
      reassessment: { decisionSent: '2026-03-10', finalIssued: null },
    });
    expect(stepOf(t, 'reassessment-final')).toMatchObject({
      due: '2026-06-16',
      owner: 'local-authority',
      status: 'open',
    });
    expect(reassessmentDecisionDue('2026-03-01')).toMatchObject({
      date: '2026-03-16',
      assumption: { id: 'reassessment-decision', confidence: 'U' },
    });
  });
});

describe('S11 transfers between authorities (statutory-work.md acceptance)', () => {
  it('S11 T = 2026-03-31, plan made 2025-06-01 → notice by 2026-05-12; review by 2026-06-30', () => {
    const d = transferInDates({ transferred: '2026-03-31', firstIssued: '2025-06-01' });
    expect(d.notice.date).toBe('2026-05-12');
    expect(d.review.date).toBe('2026-06-30');
    // the normal date wins when it is later
    expect(transferInDates({ transferred: '2026-01-10', firstIssued: '2025-09-01' }).review.date).toBe(
      '2026-08-31',
    );
    expect(
      transferInDates({
        transferred: '2026-01-10',
        firstIssued: '2024-09-01',
        lastReviewMeeting: '2025-12-01',
      }).review.date,
    ).toBe('2026-11-30');
  });

  it('S11 learned Mon 2026-03-02, move 2026-03-10 → send by 2026-03-20', () => {
    expect(transferOutSendBy({ learnedOn: '2026-03-02', moveDate: '2026-03-10' })).toMatchObject({
      date: '2026-03-20',
      knewInTime: false,
    });
    expect(transferOutSendBy({ learnedOn: '2026-03-02', moveDate: '2026-04-20' })).toMatchObject({
      date: '2026-04-20',
      knewInTime: true,
    });
    expect(transferOutSendBy({ learnedOn: '2026-03-07' }).date).toBe('2026-03-27');
    expect(transferOutSendBy({ learnedOn: '2026-03-02', closures: ['2026-03-13'] }).date).toBe('2026-03-23');
  });
});

describe('the family’s own views and the assumptions list', () => {
  it('D4 the family’s views are asked for by a date that is not a legal time limit', () => {
    expect(familyViewsAskedBy('2026-02-11')).toMatchObject({ date: '2026-03-25', statutory: false });
  });

  it('every assumption has an id, a statement and a basis, and ids are unique', () => {
    expect(new Set(ALL_ASSUMPTIONS.map((a) => a.id)).size).toBe(ALL_ASSUMPTIONS.length);
    for (const a of ALL_ASSUMPTIONS) {
      expect(a.statement.length).toBeGreaterThan(20);
      expect(['U', 'S']).toContain(a.confidence);
    }
  });

  it('a malformed date names the argument', () => {
    expect(() => mediationContactBy('2026-02-30')).toThrow('decisionSent: not a date');
  });
});
