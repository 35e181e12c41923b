/**
 * Children not in full-time education (S4): the sixth school day after a permanent exclusion, which episodes require
 * a review (reg 29(2), reg 30) and when, the s19 duty and its day, compulsory school age, and the form rules. Dates
 * worked by hand against a calendar and the England and Wales bank holidays.
 */
import { describe, expect, it } from 'vitest';
import { fullTimeProvisionFrom } from '../clock/index.ts';
import {
  compulsorySchoolAgeFrom,
  compulsorySchoolAgeTo,
  EPISODE_KINDS,
  episodeProblems,
  isCurrentOrComing,
  isOfCompulsorySchoolAge,
  isOpenOn,
  notInFullTimeEducationReasons,
  persistentlyAbsent,
  QUALIFYING_KINDS,
  reviewDutyFor,
  s19DutyFor,
  suspensionLastDay,
  termName,
  type EpisodeFacts,
  type EpisodeInput,
  type EpisodeKind,
} from './index.ts';

const episode = (kind: EpisodeKind, start: string, end: string | null = null, days: number | null = null) =>
  ({ kind, start, end, days }) satisfies EpisodeFacts;

// A child aged 11 (year 7) in 2026, and one who turns 18 on 2026-03-02.
const child11 = { dateOfBirth: '2014-10-10', hasPlan: true };
const turns18 = { dateOfBirth: '2008-03-02', hasPlan: true };

describe('the sixth school day after a permanent exclusion (S4)', () => {
  it('S4 acceptance: excluded Monday 2026-03-02 → full-time provision from Monday 2026-03-09', () => {
    const r = fullTimeProvisionFrom('2026-03-02');
    expect(r.date).toBe('2026-03-09');
    expect(r.source).toContain('s19');
  });

  it('without term dates, school days are working days, and the date says it is a working assumption [U]', () => {
    const r = fullTimeProvisionFrom('2026-03-02');
    expect(r.assumption?.id).toBe('school-days');
    expect(r.rule).toContain('working assumption, not yet checked');
    expect(r.source).toMatch(/\[U\]$/);
    // with the school's holidays given, no assumption
    expect(fullTimeProvisionFrom('2026-03-02', []).assumption).toBeNull();
  });

  it.each([
    ['Friday: the weekend is skipped', '2026-03-06', '2026-03-13'],
    ['Saturday: the next school day (Monday) is day 1', '2026-03-07', '2026-03-16'],
    ['Sunday: Monday is day 1', '2026-03-08', '2026-03-16'],
    ['Easter: Good Friday and Easter Monday are not school days', '2026-04-01', '2026-04-10'],
    ['the early May bank holiday', '2026-04-29', '2026-05-07'],
    ['Christmas: 25 and 28 December (Boxing Day substitute) and New Year', '2026-12-23', '2027-01-04'],
    ['a month end', '2026-09-28', '2026-10-05'],
  ])('%s: %s → %s', (_, excluded, from) => {
    expect(fullTimeProvisionFrom(excluded).date).toBe(from);
  });

  it('school holidays given as term dates are skipped (half term 25 to 29 May 2026)', () => {
    const halfTerm = ['2026-05-25', '2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29'];
    expect(fullTimeProvisionFrom('2026-05-21', halfTerm).date).toBe('2026-06-04');
    expect(fullTimeProvisionFrom('2026-05-21').date).toBe('2026-05-29');
    // a training day on the day of the exclusion: the next school day is day 1
    expect(fullTimeProvisionFrom('2026-03-02', ['2026-03-02']).date).toBe('2026-03-10');
  });

  it("a suspension's last day counts its school days, its first day being day 1", () => {
    expect(suspensionLastDay('2026-03-05', 1)).toBe('2026-03-05');
    expect(suspensionLastDay('2026-03-05', 3)).toBe('2026-03-09');
    expect(suspensionLastDay('2026-04-02', 2)).toBe('2026-04-07');
  });
});

describe('open episodes', () => {
  it('an episode is open from its start to its end, inclusive; open-ended until closed', () => {
    const ptt = episode('part-time-timetable', '2026-03-02', '2026-03-20');
    expect(isOpenOn(ptt, '2026-03-01')).toBe(false);
    expect(isOpenOn(ptt, '2026-03-02')).toBe(true);
    expect(isOpenOn(ptt, '2026-03-20')).toBe(true);
    expect(isOpenOn(ptt, '2026-03-21')).toBe(false);
    expect(isOpenOn(episode('missing-education', '2026-03-02'), '2030-01-01')).toBe(true);
  });

  it('a suspension covers its school days only; its end date is not used', () => {
    const s = episode('suspension', '2026-03-05', null, 3);
    expect(isOpenOn(s, '2026-03-09')).toBe(true);
    expect(isOpenOn(s, '2026-03-10')).toBe(false);
  });

  it('an episode recorded ahead of its start is coming, not yet open', () => {
    const e = episode('part-time-timetable', '2026-03-09');
    expect(isOpenOn(e, '2026-03-02')).toBe(false);
    expect(isCurrentOrComing(e, '2026-03-02')).toBe(true);
    expect(isCurrentOrComing(episode('home-education', '2026-01-05', '2026-02-27'), '2026-03-02')).toBe(
      false,
    );
  });

  it('the reasons a child is not in full-time education: open qualifying episodes, once each, in a fixed order', () => {
    const episodes = [
      episode('home-education', '2026-01-05', '2026-02-27'),
      episode('part-time-timetable', '2026-02-02'),
      episode('suspension', '2026-03-02', null, 5),
      episode('missing-education', '2026-02-20'),
      episode('part-time-timetable', '2026-01-05'),
    ];
    expect(notInFullTimeEducationReasons(episodes, '2026-03-02')).toEqual([
      'part-time-timetable',
      'missing-education',
    ]);
    expect(notInFullTimeEducationReasons(episodes, '2026-01-10')).toEqual([
      'part-time-timetable',
      'home-education',
    ]);
    expect(notInFullTimeEducationReasons([], '2026-03-02')).toEqual([]);
  });
});

describe('the review a qualifying episode requires (reg 29(2), reg 30)', () => {
  it.each(EPISODE_KINDS.map((k) => [k, QUALIFYING_KINDS.includes(k)] as const))(
    '%s for a child with a plan raises a review: %s',
    (kind, raised) => {
      const duty = reviewDutyFor(child11, episode(kind, '2026-03-02', null, 3), '2026-03-02');
      expect(duty !== null).toBe(raised);
    },
  );

  it('S4 acceptance: a part-time timetable recorded → the review is due 4 weeks from that day, a product target', () => {
    const duty = reviewDutyFor(child11, episode('part-time-timetable', '2026-02-23'), '2026-03-02')!;
    expect(duty).toMatchObject({ regulation: 'reg-29-2', title: 'Review the plan (reg 29(2))' });
    expect(duty.due).toMatchObject({ date: '2026-03-30', statutory: false });
    expect(duty.due.source).toContain('reg 29(2)');
    expect(duty.due.rule).toContain('not a legal time limit');
    expect(duty.reason).toBe(
      'Your child is on a part-time timetable, so the council must review the education, health and care plan to make sure it secures suitable education or training.',
    );
  });

  it('the 4 weeks cross a month end and a leap day by plain calendar days', () => {
    expect(reviewDutyFor(child11, episode('missing-education', '2028-02-10'), '2028-02-10')!.due.date).toBe(
      '2028-03-09',
    );
    expect(reviewDutyFor(child11, episode('missing-education', '2026-12-20'), '2026-12-20')!.due.date).toBe(
      '2027-01-17',
    );
  });

  it('no review for a child without a plan, or for an episode that ended before it was recorded', () => {
    expect(
      reviewDutyFor({ ...child11, hasPlan: false }, episode('missing-education', '2026-03-02'), '2026-03-02'),
    ).toBeNull();
    expect(
      reviewDutyFor(child11, episode('home-education', '2026-01-05', '2026-02-27'), '2026-03-02'),
    ).toBeNull();
    // ended on the day it is recorded: still a review
    expect(
      reviewDutyFor(child11, episode('home-education', '2026-01-05', '2026-03-02'), '2026-03-02'),
    ).not.toBeNull();
  });

  it('under 18 on the day it is recorded: reg 29(2); 18 or over: reg 30 (the 18th birthday itself is 18)', () => {
    expect(reviewDutyFor(turns18, episode('missing-education', '2026-02-20'), '2026-03-01')!.regulation).toBe(
      'reg-29-2',
    );
    const at18 = reviewDutyFor(turns18, episode('missing-education', '2026-02-20'), '2026-03-02')!;
    expect(at18).toMatchObject({ regulation: 'reg-30', title: 'Review the plan (reg 30)' });
    expect(at18.due).toMatchObject({ date: '2026-03-30', statutory: false });
    expect(at18.due.source).toContain('reg 30');
    expect(at18.reason).toContain('The young person is missing education');
  });
});

describe('compulsory school age', () => {
  it.each([
    ['2020-09-15', '2025-12-31'],
    ['2020-12-31', '2025-12-31'],
    ['2021-01-01', '2026-03-31'],
    ['2021-03-31', '2026-03-31'],
    ['2021-04-01', '2026-08-31'],
    ['2020-08-31', '2025-08-31'],
    ['2020-02-29', '2025-03-31'],
  ])(
    'born %s: of compulsory school age from %s (the prescribed day on or after the fifth birthday)',
    (dob, from) => {
      expect(compulsorySchoolAgeFrom(dob)).toBe(from);
    },
  );

  it.each([
    ['2010-09-01', '2027-06-25'],
    ['2010-08-31', '2026-06-26'],
    ['2011-06-27', '2027-06-25'],
    ['2012-02-29', '2028-06-30'],
  ])('born %s: school leaving date %s (last Friday in June of the school year they turn 16)', (dob, to) => {
    expect(compulsorySchoolAgeTo(dob)).toBe(to);
  });

  it('is inclusive at both ends', () => {
    expect(isOfCompulsorySchoolAge('2010-08-31', '2026-06-26')).toBe(true);
    expect(isOfCompulsorySchoolAge('2010-08-31', '2026-06-27')).toBe(false);
    expect(isOfCompulsorySchoolAge('2021-01-01', '2026-03-30')).toBe(false);
    expect(isOfCompulsorySchoolAge('2021-01-01', '2026-03-31')).toBe(true);
  });
});

describe('the s19 duty to arrange suitable education', () => {
  it('a permanent exclusion: from the sixth school day, resting on the school-day assumption without term dates', () => {
    const d = s19DutyFor(child11, episode('permanent-exclusion', '2026-03-02'), '2026-03-02');
    expect(d).toMatchObject({
      applies: true,
      from: { date: '2026-03-09', assumption: { id: 'school-days' } },
    });
  });

  it('a part-time timetable or a child missing education: from its first day, marked as a working assumption', () => {
    for (const kind of ['part-time-timetable', 'missing-education'] as const) {
      const d = s19DutyFor(child11, episode(kind, '2026-02-23'), '2026-03-02');
      expect(d).toMatchObject({
        applies: true,
        from: { date: '2026-02-23', assumption: { id: 's19-from' } },
      });
      if (d.applies) expect(d.from.source).toContain('s19(1)');
    }
  });

  it('not for a suspension, elective home education, an ended episode, or outside compulsory school age', () => {
    expect(s19DutyFor(child11, episode('suspension', '2026-03-02', null, 5), '2026-03-02').applies).toBe(
      false,
    );
    const ehe = s19DutyFor(child11, episode('home-education', '2026-03-02'), '2026-03-02');
    expect(ehe).toMatchObject({ applies: false });
    if (!ehe.applies) expect(ehe.why).toContain('s437');
    expect(
      s19DutyFor(child11, episode('missing-education', '2026-01-05', '2026-02-27'), '2026-03-02').applies,
    ).toBe(false);
    // 17 years old: past the school leaving date
    expect(
      s19DutyFor({ dateOfBirth: '2009-01-10' }, episode('missing-education', '2026-03-02'), '2026-03-02')
        .applies,
    ).toBe(false);
    // four years old
    expect(
      s19DutyFor({ dateOfBirth: '2021-06-01' }, episode('missing-education', '2026-03-02'), '2026-03-02')
        .applies,
    ).toBe(false);
  });

  it('an exclusion on the last days of compulsory school age: judged on the day the duty starts', () => {
    // leaving date Friday 2026-06-26; excluded Monday 22 June → sixth school day Monday 29 June, past it
    expect(
      s19DutyFor({ dateOfBirth: '2010-08-31' }, episode('permanent-exclusion', '2026-06-22'), '2026-06-22')
        .applies,
    ).toBe(false);
    expect(
      s19DutyFor({ dateOfBirth: '2010-08-31' }, episode('permanent-exclusion', '2026-06-12'), '2026-06-12')
        .applies,
    ).toBe(true);
  });
});

describe('the rules an episode must meet (the forms)', () => {
  const base: EpisodeInput = {
    kind: 'part-time-timetable',
    start: '2026-03-02',
    end: null,
    days: null,
    hoursAWeek: 15,
    reason: 'Anxiety after a move of school',
    reviewDate: '2026-04-17',
  };
  const fields = (input: Partial<EpisodeInput>, today = '2026-03-02') =>
    episodeProblems({ ...base, ...input }, today).map((p) => p.field);

  it('a complete part-time timetable has no problems', () => {
    expect(episodeProblems(base, '2026-03-02')).toEqual([]);
  });

  it('a part-time timetable needs hours under a full-time week, a reason and a review date on or after its start', () => {
    expect(fields({ hoursAWeek: null, reason: ' ', reviewDate: null })).toEqual([
      'hoursAWeek',
      'reviewDate',
      'reason',
    ]);
    expect(fields({ hoursAWeek: 32.5 })).toEqual(['hoursAWeek']);
    expect(fields({ hoursAWeek: -1 })).toEqual(['hoursAWeek']);
    expect(fields({ hoursAWeek: 0 })).toEqual([]);
    expect(fields({ reviewDate: '2026-03-01' })).toEqual(['reviewDate']);
  });

  it('a suspension needs 1 to 45 whole school days', () => {
    const s = { kind: 'suspension' as const, hoursAWeek: null, reason: null, reviewDate: null };
    expect(fields({ ...s, days: 3 })).toEqual([]);
    expect(fields({ ...s, days: null })).toEqual(['days']);
    expect(fields({ ...s, days: 0 })).toEqual(['days']);
    expect(fields({ ...s, days: 46 })).toEqual(['days']);
    expect(fields({ ...s, days: 2.5 })).toEqual(['days']);
    expect(fields({ ...s, days: 45, start: '2026-03-09' })).toEqual([]);
  });

  it('a permanent exclusion or a referral is not in the future; a child missing education needs a reason', () => {
    const pex = { kind: 'permanent-exclusion' as const, hoursAWeek: null, reason: null, reviewDate: null };
    expect(fields({ ...pex, start: '2026-03-03' })).toEqual(['start']);
    expect(fields({ ...pex, start: '2026-03-02' })).toEqual([]);
    const cme = { kind: 'missing-education' as const, hoursAWeek: null, reviewDate: null };
    expect(fields({ ...cme, reason: null })).toEqual(['reason']);
    expect(fields({ ...cme, start: '2026-03-03' })).toEqual(['start']);
  });

  it('an end (closing) date is on or after the start and not in the future', () => {
    const ehe = { kind: 'home-education' as const, hoursAWeek: null, reason: null, reviewDate: null };
    expect(fields({ ...ehe, start: '2026-01-05', end: '2026-02-27' })).toEqual([]);
    expect(fields({ ...ehe, start: '2026-01-05', end: '2026-01-04' })).toEqual(['end']);
    expect(fields({ ...ehe, start: '2026-01-05', end: '2026-03-03' })).toEqual(['end']);
  });
});

describe('attendance', () => {
  it('persistently absent below 90%', () => {
    expect(persistentlyAbsent(89.9)).toBe(true);
    expect(persistentlyAbsent(90)).toBe(false);
  });

  it('names a term of a school year', () => {
    expect(termName('spring', 2025)).toBe('Spring term 2025 to 2026');
  });
});
