/**
 * The review meeting's rules (issue 12 item 2, ADR 0015) through this module's surface: preparation for adulthood
 * from year 9 at its boundaries, each invitation against the 2 weeks' notice (the S1 example: meeting Monday
 * 2026-02-02, invitations by 2026-01-19), who the regulations name, every refusal of an invitation and of a meeting
 * record, and the school terms a SENCO's first screen counts by.
 */
import { describe, expect, it } from 'vitest';
import {
  checkInvitations,
  checkMeetingRecord,
  invitationLateness,
  missingInvitees,
  PERSPECTIVES,
  preparationForAdulthoodDue,
  REQUIRED_INVITEES,
  reviewPaperworkDates,
  schoolTermOf,
  TEXT_LIMIT,
  type MeetingRecordInput,
  type ReviewFacts,
} from './index.ts';

const MEETING = '2026-02-02';
const scheduled: ReviewFacts = {
  meetingDate: MEETING,
  invitationsSent: null,
  adviceCirculated: null,
  held: null,
  reportSent: null,
  decision: null,
};
const arranged: ReviewFacts = { ...scheduled, invitationsSent: '2026-01-12' };
const person = { kind: 'other', name: 'Pat Visitor', email: 'pat@charity.example' };

describe('preparation for adulthood', () => {
  it('is due from year 9, by date of birth (the school year starting 1 September)', () => {
    // born 1 September 2011: year 8 until 31 August 2025, year 9 from 1 September 2025
    expect(preparationForAdulthoodDue('2011-09-01', '2025-08-31')).toBe(false);
    expect(preparationForAdulthoodDue('2011-09-01', '2025-09-01')).toBe(true);
    // born 31 August 2012: the youngest of the same year
    expect(preparationForAdulthoodDue('2012-08-31', '2025-09-01')).toBe(true);
    // born 1 September 2012: a year behind
    expect(preparationForAdulthoodDue('2012-09-01', '2025-09-01')).toBe(false);
    expect(preparationForAdulthoodDue('2012-09-01', '2026-09-01')).toBe(true);
    // a young person of 20 is well past it
    expect(preparationForAdulthoodDue('2006-01-01', '2026-02-02')).toBe(true);
    // a young child is not
    expect(preparationForAdulthoodDue('2020-01-01', '2026-02-02')).toBe(false);
  });

  it('is asked for when the date of birth is not known', () => {
    expect(preparationForAdulthoodDue(null, MEETING)).toBe(true);
  });
});

describe('an invitation against the 2 weeks’ notice', () => {
  it('is on time up to the clock’s invitation date (S1: meeting 2026-02-02, by 2026-01-19)', () => {
    expect(reviewPaperworkDates(MEETING).invitations.date).toBe('2026-01-19');
    expect(invitationLateness(MEETING, '2026-01-05')).toBeNull();
    expect(invitationLateness(MEETING, '2026-01-19')).toBeNull();
  });

  it('is late from the day after, with the days and the rule', () => {
    const late = invitationLateness(MEETING, '2026-01-20')!;
    expect(late.step).toBe('invitations');
    expect(late.daysLate).toBe(1);
    expect(late.message).toContain('1 day late');
    expect(late.message).toContain('19 January 2026');
    expect(late.message).toContain('reg 20(3), 21(3)');
    expect(invitationLateness(MEETING, MEETING)!.daysLate).toBe(14);
  });
});

describe('who must be invited', () => {
  it('names the family, the setting, health, social care and the council', () => {
    expect(missingInvitees([])).toEqual(REQUIRED_INVITEES);
    expect(missingInvitees(['family', 'setting', 'other'])).toEqual(['health', 'social-care', 'authority']);
    expect(missingInvitees(['family', 'setting', 'health', 'social-care', 'authority'])).toEqual([]);
  });
});

describe('checkInvitations', () => {
  const check = (facts: ReviewFacts, invitees = [person], already: string[] = [], asOf = '2026-01-10') =>
    checkInvitations(facts, { invitees, alreadyInvited: already }, asOf);
  const fields = (r: ReturnType<typeof check>) => (r.ok ? [] : r.errors.map((e) => e.field));
  const messages = (r: ReturnType<typeof check>) => (r.ok ? [] : r.errors.map((e) => e.message));

  it('accepts people invited on time with no warning, and more while the review is arranged', () => {
    expect(check(scheduled)).toEqual({ ok: true, warnings: [] });
    expect(check(arranged, [{ ...person, email: 'other@x.example' }], ['pat@charity.example'])).toEqual({
      ok: true,
      warnings: [],
    });
  });

  it('accepts a late invitation (up to the meeting day) with its rule', () => {
    const r = check(scheduled, [person], [], '2026-01-26');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.daysLate)).toEqual([7]);
    const onTheDay = check(scheduled, [person], [], MEETING);
    expect(onTheDay.ok && onTheDay.warnings[0]?.daysLate).toBe(14);
  });

  it('refuses once the meeting is held, without a meeting date, or after the meeting date', () => {
    expect(messages(check({ ...arranged, held: MEETING }))[0]).toContain('“Meeting held”');
    expect(messages(check({ ...scheduled, meetingDate: null }))[0]).toContain('Set the date');
    expect(messages(check(scheduled, [person], [], '2026-02-03'))[0]).toContain(
      'The meeting date has passed',
    );
  });

  it('refuses nobody, a person with no kind, name or real email, and anyone twice', () => {
    expect(fields(check(scheduled, []))).toEqual(['invitees']);
    expect(fields(check(scheduled, [{ ...person, kind: 'friend' }]))).toEqual(['otherKind']);
    expect(fields(check(scheduled, [{ ...person, name: '  ' }]))).toEqual(['otherName']);
    expect(fields(check(scheduled, [{ ...person, name: 'x'.repeat(201) }]))).toEqual(['otherName']);
    for (const email of ['', 'pat', 'pat@', 'pat@x', 'pat @x.example', `${'a'.repeat(250)}@x.example`]) {
      expect(fields(check(scheduled, [{ ...person, email }])), email).toEqual(['otherEmail']);
    }
    expect(messages(check(scheduled, [person], ['PAT@charity.example']))[0]).toContain(
      'Pat Visitor has already been invited',
    );
    expect(fields(check(scheduled, [person, { ...person, email: 'Pat@Charity.example' }]))).toEqual([
      'invitees',
    ]);
  });
});

describe('checkMeetingRecord', () => {
  const blankViews = Object.fromEntries(
    PERSPECTIVES.map((p) => [p, { working: '', notWorking: '' }]),
  ) as MeetingRecordInput['views'];
  const good: MeetingRecordInput = {
    held: MEETING,
    attendance: { i1: 'attended', i2: 'apologies' },
    views: { ...blankViews, family: { working: 'Happy at school', notWorking: '' } },
    progress: { o1: { progress: 'on-track', notes: '' } },
    changes: { F: 'More reading support' },
    differences: '',
    pfa: {},
  };
  const context = { inviteeIds: ['i1', 'i2'], outcomeIds: ['o1'], dateOfBirth: '2018-05-01' };
  const fields = (r: ReturnType<typeof checkMeetingRecord>) => (r.ok ? [] : r.errors.map((e) => e.field));

  it('accepts a full record, with the hold move’s lateness for invitations sent late', () => {
    expect(checkMeetingRecord(arranged, good, context, MEETING)).toEqual({ ok: true, warnings: [] });
    const late = checkMeetingRecord({ ...arranged, invitationsSent: '2026-01-26' }, good, context, MEETING);
    expect(late.ok && late.warnings.map((w) => w.step)).toEqual(['invitations']);
  });

  it('refuses a review not arranged, and a meeting in the future or before the invitations', () => {
    expect(fields(checkMeetingRecord(scheduled, good, context, MEETING))).toEqual(['state']);
    expect(fields(checkMeetingRecord(arranged, good, context, '2026-02-01'))).toEqual(['held']);
    expect(fields(checkMeetingRecord(arranged, { ...good, held: '2026-01-11' }, context, MEETING))).toEqual([
      'held',
    ]);
    expect(fields(checkMeetingRecord(arranged, { ...good, held: null }, context, MEETING))).toEqual(['held']);
  });

  it('needs everyone invited marked, a view, and the progress toward each outcome', () => {
    const r = checkMeetingRecord(
      arranged,
      {
        ...good,
        attendance: { i1: 'attended', i2: 'maybe' },
        views: blankViews,
        progress: { o1: { progress: 'great', notes: '' } },
      },
      { ...context, outcomeIds: ['o1', 'o2'] },
      MEETING,
    );
    expect(fields(r)).toEqual(['attendance-i2', 'working-family', 'progress-o1', 'progress-o2']);
    // a plan with no outcomes and nobody invited needs neither
    expect(
      checkMeetingRecord(arranged, good, { ...context, inviteeIds: [], outcomeIds: [] }, MEETING).ok,
    ).toBe(true);
  });

  it('needs preparation for adulthood from year 9 (reg 20(6), 21(6)), and not before', () => {
    const teen = { ...context, dateOfBirth: '2011-09-01' };
    const r = checkMeetingRecord(arranged, good, teen, MEETING);
    expect(fields(r)).toEqual(['pfa-employment']);
    expect(r.ok ? '' : r.errors[0]!.message).toContain('reg 20(6), 21(6)');
    expect(
      checkMeetingRecord(arranged, { ...good, pfa: { health: 'Annual health check booked' } }, teen, MEETING)
        .ok,
    ).toBe(true);
    expect(checkMeetingRecord(arranged, { ...good, pfa: { health: '   ' } }, teen, MEETING).ok).toBe(false);
    expect(checkMeetingRecord(arranged, good, context, MEETING).ok).toBe(true);
  });

  it('refuses any answer over the limit, naming its field', () => {
    const long = 'x'.repeat(TEXT_LIMIT + 1);
    const r = checkMeetingRecord(
      arranged,
      {
        ...good,
        differences: long,
        changes: { B: long },
        progress: { o1: { progress: 'achieved', notes: long } },
        pfa: { employment: long },
      },
      context,
      MEETING,
    );
    expect(fields(r)).toEqual(['progressNotes-o1', 'change-B', 'differences', 'pfa-employment']);
    expect(
      checkMeetingRecord(arranged, { ...good, differences: 'x'.repeat(TEXT_LIMIT) }, context, MEETING).ok,
    ).toBe(true);
  });
});

describe('schoolTermOf', () => {
  it('is autumn from 1 September, spring from 1 January, summer from 1 April', () => {
    expect(schoolTermOf('2026-09-01')).toEqual({
      name: 'Autumn term',
      start: '2026-09-01',
      end: '2026-12-31',
    });
    expect(schoolTermOf('2026-12-31').name).toBe('Autumn term');
    expect(schoolTermOf('2027-01-01')).toEqual({
      name: 'Spring term',
      start: '2027-01-01',
      end: '2027-03-31',
    });
    expect(schoolTermOf('2027-03-31').name).toBe('Spring term');
    expect(schoolTermOf('2027-04-01')).toEqual({
      name: 'Summer term',
      start: '2027-04-01',
      end: '2027-08-31',
    });
    expect(schoolTermOf('2027-08-31').name).toBe('Summer term');
  });

  it('refuses a date that is not real', () => {
    expect(() => schoolTermOf('2027-02-30')).toThrow();
  });
});
