/**
 * The review rules through this module's own surface: every acceptance example of S1, S9 and S11 in
 * statutory-work.md, the life of a review record, early reviews, ceasing and the backlog's order.
 */
import { describe, expect, it } from 'vitest';
import { appealDeadline, mediationContactBy } from '../clock/index.ts';
import {
  amendedPlanIssueCheck,
  amendmentDates,
  backlogRank,
  ceaseDates,
  checkArrange,
  checkCeaseDecision,
  checkDecision,
  checkEarlyReviewRequest,
  checkHold,
  checkReport,
  checkSchedule,
  compareBacklog,
  earlyReviewTarget,
  inBacklog,
  paperworkSteps,
  REG_29_MESSAGE,
  reviewPaperworkDates,
  reviewSchedule,
  reviewState,
  transferInDates,
  transferOutSendBy,
  UNDER_FIVE_ADVICE,
  type BacklogFacts,
  type ReviewFacts,
} from './index.ts';

const blank: ReviewFacts = {
  meetingDate: null,
  invitationsSent: null,
  adviceCirculated: null,
  held: null,
  reportSent: null,
  decision: null,
};

describe('S1 acceptance (plan made 2025-03-10; meeting Mon 2026-02-02)', () => {
  it('review due 2026-03-09, counted from the plan', () => {
    const s = reviewSchedule({ asOf: '2026-01-05', firstIssued: '2025-03-10' });
    expect(s).toMatchObject({ number: 1, basis: 'first-plan', countedFrom: '2025-03-10', status: 'open' });
    expect(s.due).toMatchObject({ date: '2026-03-09', source: 'Children and Families Act 2014, s44(1)' });
    expect(s.due.rule).toBe('Review the plan within 12 months of the date it was issued');
    expect(s.daysUntilDue).toBe(63);
    expect(s.explanation).toContain('9 March 2026');
  });

  it('invitations and advice by 2026-01-19; report 2026-02-16; decision 2026-03-02', () => {
    const d = reviewPaperworkDates('2026-02-02');
    expect([d.invitations.date, d.adviceCirculated.date, d.report.date, d.decision.date]).toEqual([
      '2026-01-19',
      '2026-01-19',
      '2026-02-16',
      '2026-03-02',
    ]);
    const steps = paperworkSteps({ ...blank, meetingDate: '2026-02-02' }, '2026-01-05');
    expect(steps.map((s) => [s.id, s.due.date, s.status])).toEqual([
      ['invitations', '2026-01-19', 'open'],
      ['adviceCirculated', '2026-01-19', 'open'],
      ['report', '2026-02-16', 'open'],
      ['decision', '2026-03-02', 'open'],
    ]);
  });

  it('proposal served 2026-03-02 → comments until 2026-03-16; amended plan by 2026-04-27', () => {
    const a = amendmentDates({ meeting: '2026-02-02', proposalSent: '2026-03-02' });
    expect(a.commentsEnd.date).toBe('2026-03-16');
    expect(a.amendedPlanDue.date).toBe('2026-04-27');
  });

  it('next review by 2027-02-01, counted from the meeting', () => {
    const s = reviewSchedule({ asOf: '2026-03-01', firstIssued: '2025-03-10', meetings: ['2026-02-02'] });
    expect(s).toMatchObject({ number: 2, basis: 'last-meeting', countedFrom: '2026-02-02' });
    expect(s.due.date).toBe('2027-02-01');
    expect(s.history).toEqual([
      { number: 1, meeting: '2026-02-02', due: '2026-03-09', onTime: true, daysLate: 0 },
    ]);
  });

  it('maintain decision sent 2026-03-02 → mediation contact by 2026-05-02; appeal by 2026-05-05', () => {
    expect(mediationContactBy('2026-03-02').date).toBe('2026-05-02');
    expect(appealDeadline('2026-03-02').date).toBe('2026-05-05');
  });

  it('amending the plan on 2026-04-20 does not move the next review date', () => {
    const without = reviewSchedule({
      asOf: '2026-05-01',
      firstIssued: '2025-03-10',
      meetings: ['2026-02-02'],
    });
    const withAmendment = reviewSchedule({
      asOf: '2026-05-01',
      firstIssued: '2025-03-10',
      meetings: ['2026-02-02'],
      amendmentsIssued: ['2026-04-20'],
    });
    expect(withAmendment).toEqual(without);
    expect(withAmendment.due.date).toBe('2027-02-01');
  });

  it('issuing an amended plan with no proposal, or on 2026-03-10 (inside the comment period), is refused', () => {
    expect(amendedPlanIssueCheck({ proposalSent: null, issueDate: '2026-04-20' }).allowed).toBe(false);
    expect(amendedPlanIssueCheck({ proposalSent: '2026-03-02', issueDate: '2026-03-10' }).allowed).toBe(
      false,
    );
    expect(amendedPlanIssueCheck({ proposalSent: '2026-03-02', issueDate: '2026-03-17' }).allowed).toBe(true);
  });
});

describe('the schedule', () => {
  it('is overdue the day after it is due, and counts the days', () => {
    expect(reviewSchedule({ asOf: '2026-03-09', firstIssued: '2025-03-10' })).toMatchObject({
      status: 'open',
      daysUntilDue: 0,
      daysOverdue: 0,
      dueThisWeekOrOverdue: true,
    });
    expect(reviewSchedule({ asOf: '2026-03-19', firstIssued: '2025-03-10' })).toMatchObject({
      status: 'overdue',
      daysUntilDue: null,
      daysOverdue: 10,
      inBacklog: true,
    });
  });

  it('is in the backlog when due within 8 weeks, not 57 days ahead; "this week" is the 7 days from today', () => {
    expect(reviewSchedule({ asOf: '2026-01-12', firstIssued: '2025-03-10' }).inBacklog).toBe(true); // 56 days
    expect(reviewSchedule({ asOf: '2026-01-11', firstIssued: '2025-03-10' }).inBacklog).toBe(false); // 57 days
    expect(reviewSchedule({ asOf: '2026-03-03', firstIssued: '2025-03-10' }).dueThisWeekOrOverdue).toBe(true);
    expect(reviewSchedule({ asOf: '2026-03-02', firstIssued: '2025-03-10' }).dueThisWeekOrOverdue).toBe(
      false,
    );
  });

  it('an early review is a review: the next one is 12 months from its meeting', () => {
    const s = reviewSchedule({
      asOf: '2025-10-01',
      firstIssued: '2025-03-10',
      meetings: ['2025-09-15'],
    });
    expect(s.due.date).toBe('2026-09-14');
    expect(s.basis).toBe('last-meeting');
  });

  it('a late review is recorded as late, and the next counts from when it was actually held', () => {
    const s = reviewSchedule({ asOf: '2026-06-01', firstIssued: '2025-03-10', meetings: ['2026-04-08'] });
    expect(s.history[0]).toMatchObject({ onTime: false, daysLate: 30 });
    expect(s.due.date).toBe('2027-04-07');
  });

  it('meetings in any order; 29 February plans and meetings end on 28 February', () => {
    expect(reviewSchedule({ asOf: '2024-03-01', firstIssued: '2024-02-29' }).due.date).toBe('2025-02-28');
    const s = reviewSchedule({
      asOf: '2024-12-01',
      firstIssued: '2023-03-01',
      meetings: ['2024-02-29', '2023-09-01'],
    });
    expect(s.number).toBe(3);
    expect(s.due.date).toBe('2025-02-28');
  });

  it('S11 transfer in: T = 2026-03-31, plan made 2025-06-01 → notice by 2026-05-12; review by 2026-06-30', () => {
    const d = transferInDates({ transferred: '2026-03-31', firstIssued: '2025-06-01' });
    expect(d.notice.date).toBe('2026-05-12');
    expect(d.review.date).toBe('2026-06-30');
    const s = reviewSchedule({ asOf: '2026-04-01', firstIssued: '2025-06-01', transferredIn: '2026-03-31' });
    expect(s).toMatchObject({ basis: 'transfer-in', countedFrom: '2026-03-31' });
    expect(s.due).toMatchObject({ date: '2026-06-30' });
    expect(s.due.source).toContain('reg 15(5)');
  });

  it('S11 transfer in: the normal date wins when it is later', () => {
    const s = reviewSchedule({ asOf: '2026-01-11', firstIssued: '2025-09-01', transferredIn: '2026-01-10' });
    expect(s.due.date).toBe('2026-08-31');
    expect(s).toMatchObject({ basis: 'first-plan', countedFrom: '2025-09-01' });
  });

  it('S11 transfer out: learned Mon 2026-03-02, move 2026-03-10 → send by 2026-03-20', () => {
    expect(transferOutSendBy({ learnedOn: '2026-03-02', moveDate: '2026-03-10' }).date).toBe('2026-03-20');
    expect(transferOutSendBy({ learnedOn: '2026-03-07' }).date).toBe('2026-03-27'); // aware on a Saturday
  });

  it('under 5: "consider a review every 3 to 6 months" as advice, never as a due date', () => {
    const s = reviewSchedule({ asOf: '2026-01-10', firstIssued: '2025-11-30', dateOfBirth: '2023-01-15' });
    expect(s.underFive?.text).toBe(UNDER_FIVE_ADVICE);
    expect(s.underFive?.considerFrom).toMatchObject({ date: '2026-02-28', statutory: false });
    expect(s.underFive?.considerBy).toMatchObject({ date: '2026-05-30', statutory: false });
    expect(s.due.date).toBe('2026-11-29'); // the statutory date is unchanged
    expect(
      reviewSchedule({ asOf: '2026-01-15', firstIssued: '2025-11-30', dateOfBirth: '2021-01-15' }).underFive,
    ).toBeNull();
  });

  it('refuses a meeting before the plan, a meeting not yet held, and malformed dates, naming the field', () => {
    expect(() =>
      reviewSchedule({ asOf: '2026-01-01', firstIssued: '2025-03-10', meetings: ['2025-01-01'] }),
    ).toThrow(/meetings: 2025-01-01 is before/);
    expect(() =>
      reviewSchedule({ asOf: '2026-01-01', firstIssued: '2025-03-10', meetings: ['2026-02-01'] }),
    ).toThrow(/after asOf/);
    expect(() => reviewSchedule({ asOf: '2026-01-01', firstIssued: '2025-02-30' })).toThrow(/firstIssued/);
  });
});

describe('one review record, scheduled to decided', () => {
  const asOf = '2026-03-10';
  it('moves through its states in order', () => {
    let f: ReviewFacts = { ...blank, meetingDate: '2026-02-02' };
    expect(reviewState(f)).toBe('scheduled');
    f = { ...f, invitationsSent: '2026-01-12', adviceCirculated: '2026-01-16' };
    expect(reviewState(f)).toBe('arranged');
    f = { ...f, held: '2026-02-02' };
    expect(reviewState(f)).toBe('held');
    f = { ...f, reportSent: '2026-02-10' };
    expect(reviewState(f)).toBe('report-sent');
    f = { ...f, decision: { date: '2026-02-27', outcome: 'maintain' } };
    expect(reviewState(f)).toBe('decided');
    expect(paperworkSteps(f, asOf).every((s) => s.status === 'met')).toBe(true);
  });

  it('refuses moves out of order, with a message for the error summary', () => {
    const r = checkReport({ ...blank, meetingDate: '2026-02-02' }, { reportSent: '2026-02-10' }, asOf);
    expect(r).toEqual({
      ok: false,
      errors: [{ field: 'state', message: 'You cannot send the report now: this review is at “Scheduled”.' }],
    });
    expect(checkArrange(blank, { invitationsSent: '2026-01-10' }, asOf)).toMatchObject({
      ok: false,
      errors: [{ field: 'meetingDate' }],
    });
  });

  it('refuses missing, unreal and future dates, and dates before the step they follow', () => {
    const arranged: ReviewFacts = { ...blank, meetingDate: '2026-02-02', invitationsSent: '2026-01-12' };
    expect(checkHold(arranged, { held: '' }, asOf)).toMatchObject({ ok: false, errors: [{ field: 'held' }] });
    expect(checkHold(arranged, { held: '2026-02-30' }, asOf)).toMatchObject({
      ok: false,
      errors: [{ message: 'The date the meeting was held must be a real date' }],
    });
    expect(checkHold(arranged, { held: '2026-03-11' }, asOf)).toMatchObject({
      ok: false,
      errors: [{ message: 'The date the meeting was held must be today or in the past' }],
    });
    expect(checkHold(arranged, { held: '2026-01-11' }, asOf)).toMatchObject({ ok: false });
    const held = { ...arranged, held: '2026-02-02' };
    expect(checkReport(held, { reportSent: '2026-02-01' }, asOf)).toMatchObject({ ok: false });
    const reported = { ...held, reportSent: '2026-02-10' };
    expect(checkDecision(reported, { date: '2026-02-09', outcome: 'amend' }, asOf)).toMatchObject({
      ok: false,
    });
    expect(checkDecision(reported, { date: '2026-02-20', outcome: 'sideways' }, asOf)).toMatchObject({
      ok: false,
      errors: [{ field: 'outcome' }],
    });
  });

  it('accepts a late report or decision but says it is late, with its rule', () => {
    const held: ReviewFacts = {
      ...blank,
      meetingDate: '2026-02-02',
      invitationsSent: '2026-01-12',
      held: '2026-02-02',
    };
    expect(checkReport(held, { reportSent: '2026-02-16' }, asOf)).toEqual({ ok: true, warnings: [] });
    const late = checkReport(held, { reportSent: '2026-02-17' }, asOf);
    expect(late.ok && late.warnings[0]).toMatchObject({ step: 'report', daysLate: 1 });
    expect(late.ok && late.warnings[0]?.message).toContain('16 February 2026');
    const reported = { ...held, reportSent: '2026-02-16' };
    expect(checkDecision(reported, { date: '2026-03-02', outcome: 'maintain' }, asOf)).toEqual({
      ok: true,
      warnings: [],
    });
    const lateDecision = checkDecision(reported, { date: '2026-03-05', outcome: 'cease' }, asOf);
    expect(lateDecision.ok && lateDecision.warnings[0]).toMatchObject({ step: 'decision', daysLate: 3 });
    expect(lateDecision.ok && lateDecision.warnings[0]?.message).toContain('within 4 weeks of the meeting');
  });

  it('late invitations are shown as late; a meeting set after the review is due, or too soon for notice, warns', () => {
    const r = checkArrange({ ...blank, meetingDate: '2026-02-02' }, { invitationsSent: '2026-01-20' }, asOf);
    expect(r.ok && r.warnings.map((w) => w.step)).toEqual(['invitations']);
    const due = reviewSchedule({ asOf: '2026-01-05', firstIssued: '2025-03-10' }).due;
    const s = checkSchedule(
      blank,
      { meetingDate: '2026-03-12', planFirstIssued: '2025-03-10', reviewDue: due },
      '2026-03-05',
    );
    expect(s.ok && s.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('3 days after the review is due (9 March 2026)'),
      expect.stringContaining('fewer than 2 weeks'),
    ]);
    expect(
      checkSchedule(
        blank,
        { meetingDate: '2025-01-01', planFirstIssued: '2025-03-10', reviewDue: due },
        asOf,
      ),
    ).toMatchObject({ ok: false });
    expect(paperworkSteps({ ...blank, meetingDate: '2026-02-02' }, '2026-01-20')[0]).toMatchObject({
      status: 'overdue',
      daysLate: 1,
    });
  });

  it("a meeting moved after the invitations: the 2 weeks' notice counts from the day everyone is told", () => {
    const invited = { ...blank, meetingDate: '2026-02-02', invitationsSent: '2026-01-12' };
    const check = (meetingDate: string, on: string) =>
      checkSchedule(invited, { meetingDate, planFirstIssued: '2025-03-10', reviewDue: null }, on);
    // told on Monday 2026-01-26 of a meeting on 2026-02-06: notice was due by 2026-01-23, 3 days late
    const soon = check('2026-02-06', '2026-01-26');
    expect(soon.ok && soon.warnings).toMatchObject([
      { step: 'invitations', daysLate: 3, due: { date: '2026-01-23' } },
    ]);
    expect(soon.ok && soon.warnings[0]?.message).toContain('Everyone invited is told of the new date today');
    expect(soon.ok && soon.warnings[0]?.message).toContain('reg 20');
    // exactly 2 weeks' notice of the new date is enough (M - 14 = the day told)
    expect(check('2026-02-09', '2026-01-26')).toEqual({ ok: true, warnings: [] });
    // the same date again is no move: the first invitations' notice stands
    expect(check('2026-02-02', '2026-01-26')).toEqual({ ok: true, warnings: [] });
    // before anyone is invited a move is only the too-soon warning of a new meeting
    const uninvited = checkSchedule(
      { ...blank, meetingDate: '2026-02-02' },
      { meetingDate: '2026-02-06', planFirstIssued: '2025-03-10', reviewDue: null },
      '2026-01-26',
    );
    expect(uninvited.ok && uninvited.warnings[0]?.message).toContain(
      'the invitations cannot give the notice',
    );
  });
});

describe('early reviews', () => {
  it('need a reason and details; a child out of education gets the 4-week target, not a legal limit', () => {
    expect(checkEarlyReviewRequest({ reason: '', details: ' ' })).toMatchObject({
      ok: false,
      errors: [{ field: 'reason' }, { field: 'details' }],
    });
    expect(checkEarlyReviewRequest({ reason: 'change-of-need', details: 'New diagnosis' })).toEqual({
      ok: true,
      reason: 'change-of-need',
      details: 'New diagnosis',
    });
    expect(earlyReviewTarget('not-in-education', '2026-03-02')).toMatchObject({
      date: '2026-03-30',
      statutory: false,
    });
    expect(earlyReviewTarget('school-request', '2026-03-02')).toBeNull();
  });
});

describe('S9 ceasing a plan (acceptance)', () => {
  const base = {
    dateOfBirth: '2007-01-10',
    decisionDate: '2026-06-15',
    familyConsulted: '2026-05-20',
    institutionConsulted: '2026-05-21',
    hasNamedInstitution: true,
  };

  it('cease decision sent 2026-06-15 with no appeal → in force until 2026-09-01, ceases 2026-09-02', () => {
    const c = ceaseDates({ decisionSent: '2026-06-15' });
    expect([c.inForceUntil?.date, c.ceasesOn?.date]).toEqual(['2026-09-01', '2026-09-02']);
    expect(ceaseDates({ decisionSent: '2026-06-15', appealRegistered: '2026-07-01' }).ceasesOn).toBeNull();
  });

  it('a decision without consultation records cannot be saved', () => {
    const r = checkCeaseDecision({
      ...base,
      ground: 'no-longer-necessary',
      familyConsulted: null,
      institutionConsulted: '',
    });
    expect(r).toMatchObject({
      ok: false,
      errors: [{ field: 'familyConsulted' }, { field: 'institutionConsulted' }],
    });
    expect(
      checkCeaseDecision({ ...base, ground: 'no-longer-necessary', familyConsulted: '2026-06-16' }),
    ).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'familyConsulted',
          message: 'You must consult the family before the decision, not after it',
        },
      ],
    });
    expect(
      checkCeaseDecision({
        ...base,
        ground: 'no-longer-necessary',
        hasNamedInstitution: false,
        institutionConsulted: null,
      }),
    ).toMatchObject({ ok: true, sen2Reason: '2' });
  });

  it('an under-18 cease on "left education" is refused with the reg 29 message', () => {
    const r = checkCeaseDecision({ ...base, dateOfBirth: '2010-01-10', ground: 'left-education' });
    expect(r).toEqual({ ok: false, errors: [{ field: 'ground', message: REG_29_MESSAGE }] });
    expect(REG_29_MESSAGE).toContain('reg 29');
    expect(
      checkCeaseDecision({ ...base, dateOfBirth: '2010-01-10', ground: 'paid-employment' }),
    ).toMatchObject({
      ok: false,
    });
    expect(checkCeaseDecision({ ...base, dateOfBirth: '2010-01-10', ground: 'no-longer-necessary' }).ok).toBe(
      true,
    );
  });

  it('18 or over and left education: only after a review establishing they do not wish to return (reg 30)', () => {
    expect(checkCeaseDecision({ ...base, ground: 'left-education' })).toMatchObject({
      ok: false,
      errors: [{ field: 'reviewEstablishingNoReturn' }],
    });
    expect(
      checkCeaseDecision({ ...base, ground: 'left-education', reviewEstablishingNoReturn: '2026-05-01' }),
    ).toEqual({
      ok: true,
      ground: 'left-education',
      sen2Reason: '6',
    });
    // turning 18 on the day of the decision counts as 18
    expect(
      checkCeaseDecision({
        ...base,
        dateOfBirth: '2008-06-15',
        ground: 'left-education',
        reviewEstablishingNoReturn: '2026-05-01',
      }).ok,
    ).toBe(true);
  });

  it('an unknown ground is refused', () => {
    expect(checkCeaseDecision({ ...base, ground: 'bored' })).toMatchObject({
      ok: false,
      errors: [{ field: 'ground' }],
    });
  });
});

describe('the backlog order', () => {
  const asOf = '2026-11-01';
  const row = (planId: string, over: Partial<BacklogFacts> = {}): BacklogFacts => ({
    planId,
    reviewDue: '2026-10-01',
    phaseTransferDeadline: null,
    notInFullTimeEducation: null,
    outOfAreaOrIndependent: false,
    lookedAfter: false,
    qualityGrade: null,
    ...over,
  });

  it('ranks by phase transfer, not in education, placement, looked after, quality, then days overdue', () => {
    const rows = [
      row('days-200', { reviewDue: '2026-04-15' }),
      row('quality', { qualityGrade: 'requires-improvement', reviewDue: '2026-12-01' }),
      row('good-quality', { qualityGrade: 'good', reviewDue: '2026-09-01' }),
      row('lac', { lookedAfter: true, reviewDue: '2026-12-20' }),
      row('ooa', { outOfAreaOrIndependent: true, reviewDue: '2026-12-21' }),
      row('nifte', { notInFullTimeEducation: true, reviewDue: '2026-12-22' }),
      row('pt-late', { phaseTransferDeadline: '2027-03-30' }),
      row('pt-soon', { phaseTransferDeadline: '2027-02-14', reviewDue: '2026-12-23' }),
    ];
    expect([...rows].sort(compareBacklog).map((r) => r.planId)).toEqual([
      'pt-soon',
      'pt-late',
      'nifte',
      'ooa',
      'lac',
      'quality',
      'days-200',
      'good-quality',
    ]);
  });

  it('says why each row ranks where it does', () => {
    const r = backlogRank(
      row('x', { lookedAfter: true, qualityGrade: 'inadequate', reviewDue: '2026-10-02' }),
      asOf,
    );
    expect(r).toEqual({
      factors: [4, 5],
      daysOverdue: 30,
      reasons: [
        'Looked after by the council.',
        'Plan quality graded inadequate.',
        'Review 30 days overdue (due 2 October 2026).',
      ],
    });
    expect(backlogRank(row('y', { reviewDue: '2026-11-15' }), asOf).reasons).toEqual([
      'Review due in 14 days (15 November 2026).',
    ]);
    expect(backlogRank(row('z', { notInFullTimeEducation: null }), asOf).factors).toEqual([]);
  });

  it('holds plans overdue or due within 8 weeks', () => {
    expect(inBacklog('2026-12-27', asOf)).toBe(true);
    expect(inBacklog('2026-12-28', asOf)).toBe(false);
  });
});
