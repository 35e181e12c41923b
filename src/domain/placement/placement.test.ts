import { describe, expect, it } from 'vitest';
import {
  answerSentence,
  consultationState,
  placementProblems,
  preferenceMet,
  preferenceText,
  type NamedPlacement,
  type PreferenceFacts,
} from './placement.ts';

const northgate = 'a1a1a1a1-0000-4000-8000-000000000001';
const eastfield = 'a1a1a1a1-0000-4000-8000-000000000002';

const wantsNorthgate: PreferenceFacts = {
  kind: 'setting',
  settingId: northgate,
  settingName: 'Northgate Primary',
  settingType: null,
  refusal: null,
};
const namesNorthgate: NamedPlacement = {
  kind: 'setting',
  settingId: northgate,
  settingName: 'Northgate Primary',
};
const namesEastfield: NamedPlacement = {
  kind: 'setting',
  settingId: eastfield,
  settingName: 'Eastfield School',
};

describe('consultation state (S3: 15 days, guidance)', () => {
  it('S3 acceptance: sent 2026-04-20, response due 2026-05-05, with the rule and its source', () => {
    const s = consultationState({ consultee: 'setting', sent: '2026-04-20', answered: null }, '2026-04-20');
    expect(s.due.date).toBe('2026-05-05');
    expect(s.due.statutory).toBe(false);
    expect(s.due.source).toMatch(/s39\(2\)/);
    expect(s.status).toBe('waiting');
  });

  it('is waiting on the due day itself and late the day after, counting the days past', () => {
    const facts = { consultee: 'setting' as const, sent: '2026-04-20', answered: null };
    expect(consultationState(facts, '2026-05-05')).toMatchObject({ status: 'waiting', daysLate: 0 });
    expect(consultationState(facts, '2026-05-06')).toMatchObject({ status: 'late', daysLate: 1 });
    expect(consultationState(facts, '2026-05-15')).toMatchObject({ status: 'late', daysLate: 10 });
  });

  it('an answer, even a late one, is answered and never late', () => {
    const s = consultationState(
      { consultee: 'maintaining-authority', sent: '2026-04-20', answered: '2026-05-20' },
      '2026-06-01',
    );
    expect(s).toMatchObject({ status: 'answered', daysLate: 0 });
  });

  it('counts across a month end and a leap day', () => {
    expect(
      consultationState({ consultee: 'setting', sent: '2028-02-20', answered: null }, '2028-02-20').due.date,
    ).toBe('2028-03-06');
  });
});

describe('the final plan guard (S3)', () => {
  it('S3 acceptance: naming a different school without a recorded ground is refused', () => {
    const problems = placementProblems(
      namesEastfield,
      [wantsNorthgate],
      [
        { settingId: northgate, sent: '2026-04-20' },
        { settingId: eastfield, sent: '2026-04-20' },
      ],
    );
    expect(problems.map((p) => p.rule)).toEqual(['preference-refused-without-ground']);
    expect(problems[0]!.message).toContain('Northgate Primary');
    expect(problems[0]!.message).toContain('39(4)');
  });

  it('naming a setting that was not consulted is refused, whatever the family asked for', () => {
    const problems = placementProblems(namesEastfield, [], [{ settingId: northgate, sent: '2026-04-20' }]);
    expect(problems.map((p) => p.rule)).toEqual(['not-consulted']);
    expect(problems[0]!.message).toContain('Eastfield School has not been consulted');
  });

  it('both problems at once, in order', () => {
    expect(placementProblems(namesEastfield, [wantsNorthgate], []).map((p) => p.rule)).toEqual([
      'not-consulted',
      'preference-refused-without-ground',
    ]);
  });

  it('naming the requested, consulted school passes', () => {
    expect(
      placementProblems(namesNorthgate, [wantsNorthgate], [{ settingId: northgate, sent: '2026-04-20' }]),
    ).toEqual([]);
  });

  it('naming another consulted school passes once the refusal has a ground and reasons', () => {
    const refused = { ...wantsNorthgate, refusal: { ground: 'resources' as const, reasons: 'Costs.' } };
    expect(
      placementProblems(
        namesEastfield,
        [refused],
        [
          { settingId: northgate, sent: '2026-04-20' },
          { settingId: eastfield, sent: '2026-04-21' },
        ],
      ),
    ).toEqual([]);
  });

  it('a type or otherwise-than-in-school placement needs no consultation but still answers to the preference', () => {
    expect(placementProblems({ kind: 'otherwise' }, [wantsNorthgate], [])).toHaveLength(1);
    expect(placementProblems({ kind: 'type', settingType: 'Special school' }, [], [])).toEqual([]);
  });
});

describe('preferences', () => {
  const wantsType: PreferenceFacts = {
    kind: 'type',
    settingId: null,
    settingName: null,
    settingType: 'Special school',
    refusal: null,
  };
  const wantsOtherwise: PreferenceFacts = { ...wantsType, kind: 'otherwise', settingType: null };

  it('a type is met by the same type or by a named setting; otherwise-than-in-school only by itself', () => {
    expect(preferenceMet(wantsType, { kind: 'type', settingType: 'Special school' })).toBe(true);
    expect(preferenceMet(wantsType, { kind: 'type', settingType: 'Mainstream school' })).toBe(false);
    expect(preferenceMet(wantsType, namesNorthgate)).toBe(true);
    expect(preferenceMet(wantsType, { kind: 'otherwise' })).toBe(false);
    expect(preferenceMet(wantsOtherwise, { kind: 'otherwise' })).toBe(true);
    expect(preferenceMet(wantsOtherwise, namesNorthgate)).toBe(false);
    expect(preferenceMet(wantsNorthgate, { kind: 'type', settingType: 'Special school' })).toBe(false);
  });

  it('reads in plain words', () => {
    expect(preferenceText(wantsNorthgate)).toBe('Northgate Primary');
    expect(preferenceText(wantsType)).toBe('a special school');
    expect(preferenceText(wantsOtherwise)).toBe('education otherwise than in a school');
  });

  it('tells the family the outcome of each consultation, not the detail', () => {
    const due = consultationState(
      { consultee: 'setting', sent: '2026-04-20', answered: null },
      '2026-04-20',
    ).due;
    expect(answerSentence('Northgate Primary', null, due)).toContain('5 May 2026');
    expect(
      answerSentence('Northgate Primary', { answer: 'can-meet', answered: '2026-04-30' }, due),
    ).toContain('can meet');
    expect(
      answerSentence('Northgate Primary', { answer: 'cannot-meet', answered: '2026-04-30' }, due),
    ).toContain('cannot meet');
  });
});
